#include "storage/registry.hpp"

#include "config/edit_distance.hpp"
#include "messages/role_title.hpp"
#include "messages/text_fold.hpp"
#include "storage/database.hpp"
#include "storage/outbox.hpp"
#include "storage/sqlite_connection.hpp"

#include <algorithm>
#include <cctype>

namespace cnscd {
namespace {

using ll = std::int64_t;

std::string ch(channel c) {
    return std::string(channel_name(c));
}

std::optional<ll> opt(const std::optional<std::int64_t>& v) {
    return v ? std::optional<ll>(*v) : std::nullopt;
}

ward_record read_ward(SQLite::Statement& st) {
    return {st.getColumn(0).getInt64(), st.getColumn(1).getString(), st.getColumn(2).getString()};
}

team_record read_team(SQLite::Statement& st) {
    team_record t;
    t.id = st.getColumn(0).getInt64();
    t.ward_id = st.getColumn(1).getInt64();
    t.name = st.getColumn(2).getString();
    t.code = st.getColumn(3).getString();
    t.area = st.getColumn(4).getString();
    if (!st.getColumn(5).isNull())
        t.households = st.getColumn(5).getInt64();
    t.active = st.getColumn(6).getInt() != 0;
    t.created_at = st.getColumn(7).getInt64();
    return t;
}

#define TEAM_COLUMNS "id, ward_id, name, code, area, households, active, created_at"
#define MEMBER_COLUMNS                                                                                        \
    "m.id, m.ward_id, m.team_id, m.full_name, m.position, m.role, m.role_title, coalesce(m.phone, ''), "      \
    "coalesce(m.cccd_hint, ''), m.area, m.note, m.roster_row, coalesce(m.language, ''), m.source, m.active, " \
    "m.removed_at, m.erased_at, m.team_since, m.created_at"

// What the writer read of the roster, kept while it cannot have changed (see
// sqlite_connection::roster_changes). Bounded: cleared when it would grow past a large ward.
struct roster_memory {
    static constexpr std::size_t max_entries = 4096;
    std::uint64_t changes = 0;
    std::int64_t version = 0;
    std::unordered_map<std::string, std::optional<member_record>> member_by_account;
    std::unordered_map<std::string, std::optional<group_binding>> group_by_chat;
};

roster_memory* roster_memory_of(database& db) {
    auto& c = db.native();
    if (!c.roster_tracked)
        return nullptr;
    auto* m = std::any_cast<roster_memory>(&c.roster_cache);
    if (!m)
        m = &c.roster_cache.emplace<roster_memory>();
    auto version = c.data_version();
    if (m->changes != c.roster_changes || m->version != version ||
        m->member_by_account.size() + m->group_by_chat.size() >= roster_memory::max_entries) {
        m->member_by_account.clear();
        m->group_by_chat.clear();
        m->changes = c.roster_changes;
        m->version = version;
    }
    return m;
}

std::string roster_key(channel platform, const std::string& id) {
    return std::string(channel_name(platform)) + ':' + id;
}

member_record read_member(SQLite::Statement& st) {
    member_record m;
    m.id = st.getColumn(0).getInt64();
    m.ward_id = st.getColumn(1).getInt64();
    if (!st.getColumn(2).isNull())
        m.team_id = st.getColumn(2).getInt64();
    m.full_name = st.getColumn(3).getString();
    m.position = st.getColumn(4).getString();
    m.role = st.getColumn(5).getString();
    m.role_title = st.getColumn(6).getString();
    m.phone = st.getColumn(7).getString();
    m.cccd_hint = st.getColumn(8).getString();
    m.area = st.getColumn(9).getString();
    m.note = st.getColumn(10).getString();
    m.roster_row = st.getColumn(11).getString();
    m.language = st.getColumn(12).getString();
    m.source = st.getColumn(13).getString();
    m.active = st.getColumn(14).getInt() != 0;
    if (!st.getColumn(15).isNull())
        m.removed_at = st.getColumn(15).getInt64();
    if (!st.getColumn(16).isNull())
        m.erased_at = st.getColumn(16).getInt64();
    if (!st.getColumn(17).isNull())
        m.team_since = st.getColumn(17).getInt64();
    m.created_at = st.getColumn(18).getInt64();
    return m;
}

group_binding read_binding(SQLite::Statement& st) {
    group_binding b;
    b.chat.platform = channel_from_name(st.getColumn(0).getString()).value_or(channel::console);
    b.chat.chat_id = st.getColumn(1).getString();
    b.ward_id = st.getColumn(2).getInt64();
    if (!st.getColumn(3).isNull())
        b.team_id = st.getColumn(3).getInt64();
    b.title = st.getColumn(4).getString();
    b.active = st.getColumn(5).getInt() != 0;
    return b;
}

template <class T, class F> std::optional<T> first(SQLite::Statement& st, F read) {
    std::optional<T> found;
    if (st.executeStep())
        found = read(st);
    // Ends the statement's read now, not at its next use: an open read keeps an old snapshot,
    // and the roster memory's check for other processes' commits would not see them.
    st.tryReset();
    return found;
}

template <class T, class F> std::vector<T> all_rows(SQLite::Statement& st, F read) {
    std::vector<T> out;
    while (st.executeStep())
        out.push_back(read(st));
    return out;
}

} // namespace

std::string name_key(std::string_view name) {
    std::string key;
    for (char c : fold(name)) {
        if (std::isalnum(static_cast<unsigned char>(c)))
            key += c;
        else if (!key.empty() && key.back() != ' ')
            key += ' ';
    }
    if (!key.empty() && key.back() == ' ')
        key.pop_back();
    return key;
}

std::string team_code_from_name(const std::string& name) {
    auto f = fold(name);
    std::string code;
    std::string digits;
    std::string initials;
    bool word_start = true;
    for (char c : f) {
        if (std::isdigit(static_cast<unsigned char>(c))) {
            digits += c;
            word_start = false;
        } else if (std::isalpha(static_cast<unsigned char>(c))) {
            if (word_start)
                initials += c;
            code += c;
            word_start = false;
        } else {
            word_start = true;
        }
    }
    // "tổ dân phố số 1" -> "to1"; "thôn 3" -> "thon3"; names without digits keep their letters.
    if (!digits.empty()) {
        auto first_word = f.substr(0, f.find(' '));
        std::string lead;
        for (char c : first_word)
            if (std::isalpha(static_cast<unsigned char>(c)))
                lead += c;
        return (lead.empty() ? "to" : lead) + digits;
    }
    return code.empty() ? "team" : code;
}

// ---------------------------------------------------------------- wards

std::optional<ward_record> ward_store::by_id(std::int64_t id) {
    return first<ward_record>(
        db_.native().query("SELECT id, name, join_policy FROM wards WHERE id = ?", ll(id)), read_ward);
}

std::optional<ward_record> ward_store::by_name(const std::string& name) {
    if (auto w = first<ward_record>(
            db_.native().query("SELECT id, name, join_policy FROM wards WHERE name = ?", name), read_ward))
        return w;
    // Accent- and case-insensitive fallback: "phuong hoa xuan" finds "Phường Hòa Xuân".
    auto wanted = fold(name);
    for (auto& w : all())
        if (fold(w.name) == wanted)
            return w;
    return std::nullopt;
}

std::int64_t ward_store::ensure(const std::string& name, std::int64_t now) {
    if (auto w = by_name(name))
        return w->id;
    db_.native().exec("INSERT INTO wards (name, created_at) VALUES (?, ?)", name, ll(now));
    return db_.native().db.getLastInsertRowid();
}

void ward_store::set_join_policy(std::int64_t id, const std::string& policy) {
    db_.native().exec("UPDATE wards SET join_policy = ? WHERE id = ?", policy, ll(id));
}

namespace {

// "Phường Hải Châu" -> "hai chau": the name's key without the unit's word.
std::string place_key(const std::string& name) {
    auto key = name_key(name);
    for (std::string_view unit : {"phuong ", "xa ", "thi tran ", "dac khu "})
        if (key.starts_with(unit))
            return key.substr(unit.size());
    return key;
}

} // namespace

std::optional<ward_record> ward_store::nearest(const std::string& name) {
    auto wanted = place_key(name);
    std::optional<ward_record> best;
    std::size_t best_distance = 0;
    for (auto& w : all()) {
        auto key = place_key(w.name);
        auto d = edit_distance(wanted, key);
        // Close: a typo or two, or a third of the name at most.
        if (d <= std::max<std::size_t>(2, key.size() / 3) && (!best || d < best_distance)) {
            best = w;
            best_distance = d;
        }
    }
    return best;
}

std::vector<ward_record> ward_store::all() {
    return all_rows<ward_record>(db_.native().query("SELECT id, name, join_policy FROM wards ORDER BY id"),
                                 read_ward);
}

// ---------------------------------------------------------------- teams

std::optional<team_record> team_store::by_id(std::int64_t id) {
    return first<team_record>(db_.native().query("SELECT " TEAM_COLUMNS " FROM teams WHERE id = ?", ll(id)),
                              read_team);
}

std::optional<team_record> team_store::by_name(std::int64_t ward_id, const std::string& name) {
    if (auto t = first<team_record>(db_.native().query("SELECT " TEAM_COLUMNS
                                                       " FROM teams WHERE ward_id = ? AND name = ?",
                                                       ll(ward_id), name),
                                    read_team))
        return t;
    auto wanted = fold(name);
    for (auto& t : in_ward(ward_id, false))
        if (fold(t.name) == wanted)
            return t;
    return std::nullopt;
}

std::optional<team_record> team_store::by_code(std::int64_t ward_id, const std::string& code) {
    return first<team_record>(db_.native().query("SELECT " TEAM_COLUMNS
                                                 " FROM teams WHERE ward_id = ? AND code = ?",
                                                 ll(ward_id), code),
                              read_team);
}

std::vector<team_record> team_store::in_ward(std::int64_t ward_id, bool active_only) {
    return all_rows<team_record>(
        db_.native().query("SELECT " TEAM_COLUMNS
                           " FROM teams WHERE ward_id = ? AND (active = 1 OR ? = 0) ORDER BY id",
                           ll(ward_id), active_only ? 1 : 0),
        read_team);
}

std::int64_t team_store::ensure(std::int64_t ward_id, const std::string& name, std::int64_t now) {
    if (auto t = by_name(ward_id, name))
        return t->id;
    return insert(ward_id, name, now);
}

std::int64_t team_store::insert(std::int64_t ward_id, const std::string& name, std::int64_t now) {
    auto base = team_code_from_name(name);
    auto code = base;
    for (int n = 2; by_code(ward_id, code); ++n)
        code = base + "_" + std::to_string(n);
    db_.native().exec("INSERT INTO teams (ward_id, name, code, created_at) VALUES (?, ?, ?, ?)", ll(ward_id),
                      name, code, ll(now));
    return db_.native().db.getLastInsertRowid();
}

void team_store::update(const team_record& t) {
    db_.native().exec(
        "UPDATE teams SET name = ?, code = ?, area = ?, households = ?, active = ? WHERE id = ?", t.name,
        t.code, t.area, opt(t.households), t.active ? 1 : 0, ll(t.id));
}

// ---------------------------------------------------------------- members

std::optional<member_record> member_store::by_id(std::int64_t id) {
    return first<member_record>(
        db_.native().query("SELECT " MEMBER_COLUMNS " FROM members m WHERE m.id = ?", ll(id)), read_member);
}

std::optional<member_record> member_store::by_account(channel platform, const std::string& user_id) {
    auto* memory = roster_memory_of(db_);
    std::string key;
    if (memory) {
        key = roster_key(platform, user_id);
        if (auto it = memory->member_by_account.find(key); it != memory->member_by_account.end())
            return it->second;
    }
    auto found = first<member_record>(
        db_.native().query("SELECT " MEMBER_COLUMNS " FROM accounts a JOIN members m ON m.id = a.member_id "
                           "WHERE a.channel = ? AND a.user_id = ?",
                           ch(platform), user_id),
        read_member);
    if (memory)
        memory->member_by_account.emplace(std::move(key), found);
    return found;
}

std::optional<member_record> member_store::by_phone(std::int64_t ward_id, const std::string& phone) {
    return first<member_record>(db_.native().query("SELECT " MEMBER_COLUMNS
                                                   " FROM members m WHERE m.ward_id = ? AND m.phone = ?",
                                                   ll(ward_id), phone),
                                read_member);
}

std::optional<member_record> member_store::by_phone_any_ward(const std::string& phone) {
    return first<member_record>(
        db_.native().query(
            "SELECT " MEMBER_COLUMNS " FROM members m WHERE m.phone = ? ORDER BY m.active DESC, m.id", phone),
        read_member);
}

std::vector<member_record> member_store::in_team(std::int64_t team_id, bool active_only) {
    return all_rows<member_record>(
        db_.native().query("SELECT " MEMBER_COLUMNS
                           " FROM members m WHERE m.team_id = ? AND (m.active = 1 OR ? = 0) "
                           "ORDER BY m.id",
                           ll(team_id), active_only ? 1 : 0),
        read_member);
}

std::vector<member_record> member_store::in_ward(std::int64_t ward_id, bool active_only) {
    return all_rows<member_record>(
        db_.native().query("SELECT " MEMBER_COLUMNS
                           " FROM members m WHERE m.ward_id = ? AND (m.active = 1 OR ? = 0) "
                           "ORDER BY m.id",
                           ll(ward_id), active_only ? 1 : 0),
        read_member);
}

std::int64_t member_store::insert(const member_record& m, std::int64_t now) {
    db_.native().exec(
        "INSERT INTO members (ward_id, team_id, full_name, position, role, role_title, phone, area, "
        "note, roster_row, language, active, source, created_at, updated_at, team_since) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, "
        // Who comes with their team's first roster is on it from the start; others from now.
        "CASE WHEN ?2 IS NULL OR (SELECT t.created_at FROM teams t WHERE t.id = ?2) >= ?14 THEN NULL "
        "ELSE ?14 END)",
        ll(m.ward_id), opt(m.team_id), m.full_name, m.position, m.role, m.role_title,
        m.phone.empty() ? std::optional<std::string>() : m.phone, m.area, m.note, m.roster_row,
        m.language.empty() ? std::optional<std::string>() : m.language, m.active ? 1 : 0, m.source, ll(now),
        ll(now));
    return db_.native().db.getLastInsertRowid();
}

void member_store::update(const member_record& m, std::int64_t now) {
    db_.native().exec(
        "UPDATE members SET team_id = ?1, full_name = ?2, position = ?3, role = ?4, role_title = ?5, "
        "phone = ?6, area = ?7, note = ?8, roster_row = ?9, active = ?10, updated_at = ?11, "
        "removed_at = CASE WHEN ?10 = 1 THEN NULL ELSE coalesce(removed_at, ?11) END, "
        // Moved to another team, or taken back after leaving: on this team from now.
        "team_since = CASE WHEN ?1 IS NULL THEN NULL WHEN team_id IS NOT ?1 OR (active = 0 AND ?10 = 1) "
        "THEN ?11 ELSE team_since END WHERE id = ?12",
        opt(m.team_id), m.full_name, m.position, m.role, m.role_title,
        m.phone.empty() ? std::optional<std::string>() : m.phone, m.area, m.note, m.roster_row,
        m.active ? 1 : 0, ll(now), ll(m.id));
}

void member_store::set_active(std::int64_t id, bool active, std::int64_t now) {
    db_.native().exec(
        "UPDATE members SET active = ?1, updated_at = ?2, "
        "removed_at = CASE WHEN ?1 = 1 THEN NULL ELSE coalesce(removed_at, ?2) END, "
        "team_since = CASE WHEN ?1 = 1 AND active = 0 THEN ?2 ELSE team_since END WHERE id = ?3",
        active ? 1 : 0, ll(now), ll(id));
}

void member_store::set_role(std::int64_t id, const std::string& role, std::int64_t now) {
    db_.native().exec("UPDATE members SET role = ?, role_title = ?, updated_at = ? WHERE id = ?", role,
                      standard_title(role), ll(now), ll(id));
}

void member_store::set_language(std::int64_t id, const std::string& language) {
    db_.native().exec("UPDATE members SET language = ? WHERE id = ?", language, ll(id));
}

void member_store::set_cccd(std::int64_t id, const std::string& sealed, const std::string& hint,
                            const std::string& digest) {
    auto& st = db_.native().statement(
        "UPDATE members SET cccd_enc = ?, cccd_hint = ?, cccd_digest = ? WHERE id = ?");
    st.bind(1, sealed.data(), static_cast<int>(sealed.size()));
    st.bind(2, hint);
    st.bind(3, digest);
    st.bind(4, ll(id));
    st.exec();
}

std::optional<std::string> member_store::sealed_cccd(std::int64_t id) {
    auto& st =
        db_.native().query("SELECT cccd_enc FROM members WHERE id = ? AND cccd_enc IS NOT NULL", ll(id));
    if (!st.executeStep())
        return std::nullopt;
    auto col = st.getColumn(0);
    return std::string(static_cast<const char*>(col.getBlob()), static_cast<std::size_t>(col.getBytes()));
}

std::optional<std::int64_t> member_store::by_cccd_digest(std::int64_t ward_id, const std::string& digest) {
    auto& st = db_.native().query("SELECT id FROM members WHERE ward_id = ? AND cccd_digest = ?", ll(ward_id),
                                  digest);
    if (!st.executeStep())
        return std::nullopt;
    return st.getColumn(0).getInt64();
}

void member_store::link_account(channel platform, const std::string& user_id, std::int64_t member_id,
                                const std::string& how, std::int64_t now) {
    db_.native().exec(
        "INSERT INTO accounts (channel, user_id, member_id, linked_at, how) VALUES (?, ?, ?, ?, ?) "
        "ON CONFLICT (channel, user_id) DO UPDATE SET member_id = excluded.member_id, "
        "linked_at = excluded.linked_at, how = excluded.how",
        ch(platform), user_id, ll(member_id), ll(now), how);
    // A language chosen before linking becomes the member's, unless they already chose one: theirs
    // is what every one of their accounts and their reminders follow. Either way the account's copy
    // goes, so a person has one setting, changed with /ngonngu from any of their accounts.
    db_.native().exec("UPDATE members SET language = (SELECT language FROM account_languages "
                      "WHERE channel = ?1 AND user_id = ?2) WHERE id = ?3 AND coalesce(language, '') = '' "
                      "AND EXISTS (SELECT 1 FROM account_languages WHERE channel = ?1 AND user_id = ?2)",
                      ch(platform), user_id, ll(member_id));
    db_.native().exec("DELETE FROM account_languages WHERE channel = ? AND user_id = ?", ch(platform),
                      user_id);
}

void member_store::unlink_account(channel platform, const std::string& user_id) {
    db_.native().exec("DELETE FROM accounts WHERE channel = ? AND user_id = ?", ch(platform), user_id);
}

std::vector<chat_address> member_store::accounts_of(std::int64_t member_id) {
    return all_rows<chat_address>(
        db_.native().query("SELECT channel, user_id FROM accounts WHERE member_id = ? ORDER BY linked_at",
                           ll(member_id)),
        [](SQLite::Statement& st) {
            return chat_address{channel_from_name(st.getColumn(0).getString()).value_or(channel::console),
                                st.getColumn(1).getString()};
        });
}

std::vector<linked_account> member_store::linked_accounts_of(std::int64_t member_id) {
    return all_rows<linked_account>(
        db_.native().query(
            "SELECT a.channel, a.user_id, max(a.linked_at, coalesce(s.last_at, 0)), i.reason, i.since "
            "FROM accounts a "
            "LEFT JOIN private_messages_seen s ON s.channel = a.channel AND s.user_id = a.user_id "
            "LEFT JOIN inactive_chats i ON i.channel = a.channel AND i.chat_id = a.user_id "
            "WHERE a.member_id = ? AND a.channel <> 'console' ORDER BY a.linked_at",
            ll(member_id)),
        [](SQLite::Statement& st) {
            linked_account a;
            a.chat = {channel_from_name(st.getColumn(0).getString()).value_or(channel::console),
                      st.getColumn(1).getString()};
            a.last_private_message_at = st.getColumn(2).getInt64();
            if (!st.getColumn(3).isNull()) {
                if (st.getColumn(3).getString() == window_closed_reason)
                    a.window_closed_at = st.getColumn(4).getInt64();
                else
                    a.blocked = true;
            }
            return a;
        });
}

void member_store::erase_personal_data(std::int64_t id, const std::string& placeholder, std::int64_t now) {
    auto old = by_id(id);
    if (!old)
        return;
    auto& c = db_.native();
    for (const char* sql : {
             "DELETE FROM private_messages_seen WHERE (channel, user_id) IN "
             "(SELECT channel, user_id FROM accounts WHERE member_id = ?)",
             "DELETE FROM account_languages WHERE (channel, user_id) IN "
             "(SELECT channel, user_id FROM accounts WHERE member_id = ?)",
             "DELETE FROM conversations WHERE (channel, user_id) IN "
             "(SELECT channel, user_id FROM accounts WHERE member_id = ?)",
             "DELETE FROM held_records WHERE (channel, user_id) IN "
             "(SELECT channel, user_id FROM accounts WHERE member_id = ?)",
             "DELETE FROM accounts WHERE member_id = ?",
             "DELETE FROM invites WHERE member_id = ?",
             "DELETE FROM album_parts_waiting WHERE member_id = ?",
         })
        c.exec(sql, ll(id));
    c.exec(
        "UPDATE members SET full_name = ?1, position = '', role_title = '', phone = NULL, cccd_enc = NULL, "
        "cccd_hint = NULL, cccd_digest = NULL, area = '', note = '', language = NULL, active = 0, "
        "updated_at = ?2, removed_at = coalesce(removed_at, ?2), erased_at = ?2 WHERE id = ?3",
        placeholder, ll(now), ll(id));
    // The audit log names people as "Name (role)" when they act and by name when acted upon.
    // Only the actor has an id; a subject is renamed when no one else in the roster has that name.
    c.exec("UPDATE audit_log SET actor = CASE WHEN substr(actor, 1, length(?1)) = ?1 "
           "THEN ?2 || substr(actor, length(?1) + 1) ELSE ?2 END WHERE actor_id = ?3",
           old->full_name, placeholder, ll(id));
    auto& namesakes =
        c.query("SELECT count(*) FROM members WHERE full_name = ? AND id <> ?", old->full_name, ll(id));
    namesakes.executeStep();
    bool alone = namesakes.getColumn(0).getInt64() == 0;
    namesakes.tryReset();
    if (alone)
        c.exec("UPDATE audit_log SET subject = ? WHERE subject = ?", placeholder, old->full_name);
}

std::optional<std::int64_t> member_store::note_private_message(channel platform, const std::string& user_id,
                                                               std::int64_t now) {
    std::optional<std::int64_t> previous;
    if (auto& st =
            db_.native().query("SELECT last_at FROM private_messages_seen WHERE channel = ? AND user_id = ?",
                               ch(platform), user_id);
        st.executeStep())
        previous = st.getColumn(0).getInt64();
    db_.native().exec("INSERT INTO private_messages_seen (channel, user_id, last_at) VALUES (?, ?, ?) "
                      "ON CONFLICT (channel, user_id) DO UPDATE SET last_at = excluded.last_at "
                      "WHERE last_at < excluded.last_at - 60",
                      ch(platform), user_id, ll(now));
    return previous;
}

// ---------------------------------------------------------------- groups

std::optional<group_binding> group_store::find(const chat_address& chat) {
    auto* memory = roster_memory_of(db_);
    std::string key;
    if (memory) {
        key = roster_key(chat.platform, chat.chat_id);
        if (auto it = memory->group_by_chat.find(key); it != memory->group_by_chat.end())
            return it->second;
    }
    auto found = first<group_binding>(
        db_.native().query("SELECT channel, chat_id, ward_id, team_id, title, active FROM group_bindings "
                           "WHERE channel = ? AND chat_id = ?",
                           ch(chat.platform), chat.chat_id),
        read_binding);
    if (memory)
        memory->group_by_chat.emplace(std::move(key), found);
    return found;
}

void group_store::bind(const group_binding& b, std::optional<std::int64_t> bound_by, std::int64_t now) {
    db_.native().exec(
        "INSERT INTO group_bindings (channel, chat_id, ward_id, team_id, title, bound_by, bound_at, "
        "active) VALUES (?, ?, ?, ?, ?, ?, ?, 1) ON CONFLICT (channel, chat_id) DO UPDATE SET "
        "ward_id = excluded.ward_id, team_id = excluded.team_id, title = excluded.title, "
        "bound_by = excluded.bound_by, bound_at = excluded.bound_at, active = 1",
        ch(b.chat.platform), b.chat.chat_id, ll(b.ward_id), opt(b.team_id), b.title, opt(bound_by), ll(now));
}

void group_store::set_active(const chat_address& chat, bool active) {
    db_.native().exec("UPDATE group_bindings SET active = ? WHERE channel = ? AND chat_id = ?",
                      active ? 1 : 0, ch(chat.platform), chat.chat_id);
}

bool group_store::migrate(const chat_address& from, const std::string& new_chat_id) {
    // Remembered for buttons under messages sent before (chat_migrations.hpp).
    db_.native().exec(
        "INSERT OR REPLACE INTO chat_migrations (channel, old_chat_id, new_chat_id) VALUES (?, ?, ?)",
        ch(from.platform), from.chat_id, new_chat_id);
    return db_.native().exec(
               "UPDATE OR REPLACE group_bindings SET chat_id = ? WHERE channel = ? AND chat_id = ?",
               new_chat_id, ch(from.platform), from.chat_id) > 0;
}

std::vector<group_binding> group_store::of_team(std::int64_t team_id) {
    return all_rows<group_binding>(
        db_.native().query("SELECT channel, chat_id, ward_id, team_id, title, active FROM group_bindings "
                           "WHERE team_id = ? AND active = 1 ORDER BY bound_at",
                           ll(team_id)),
        read_binding);
}

std::vector<group_binding> group_store::of_ward(std::int64_t ward_id, bool team_groups_only) {
    return all_rows<group_binding>(
        db_.native().query(
            "SELECT channel, chat_id, ward_id, team_id, title, active FROM group_bindings "
            "WHERE ward_id = ? AND active = 1 AND (team_id IS NOT NULL OR ? = 0) ORDER BY bound_at",
            ll(ward_id), team_groups_only ? 1 : 0),
        read_binding);
}

std::vector<std::int64_t> group_store::teams_with_bot_removed(std::int64_t ward_id) {
    std::vector<std::int64_t> out;
    auto& st = db_.native().statement(
        "SELECT DISTINCT team_id FROM group_bindings WHERE ward_id = ? AND active = 0 AND team_id IS NOT NULL");
    st.bind(1, ll(ward_id));
    while (st.executeStep())
        out.push_back(st.getColumn(0).getInt64());
    return out;
}

// ---------------------------------------------------------------- audit

void audit_log::record(std::optional<std::int64_t> actor_id, const std::string& actor,
                       const std::string& action, const std::string& subject, const std::string& detail,
                       std::int64_t now) {
    db_.native().exec(
        "INSERT INTO audit_log (at, actor_id, actor, action, subject, detail) VALUES (?, ?, ?, ?, ?, ?)",
        ll(now), opt(actor_id), actor, action, subject, detail);
}

std::optional<audit_log::entry> audit_log::latest(const std::string& action, const std::string& subject) {
    return first<entry>(db_.native().query("SELECT at, actor, action, subject, detail FROM audit_log "
                                           "WHERE action = ? AND subject = ? ORDER BY id DESC LIMIT 1",
                                           action, subject),
                        [](SQLite::Statement& st) {
                            return entry{st.getColumn(0).getInt64(), st.getColumn(1).getString(),
                                         st.getColumn(2).getString(), st.getColumn(3).getString(),
                                         st.getColumn(4).getString()};
                        });
}

std::vector<audit_log::entry> audit_log::recent(std::size_t limit) {
    return all_rows<entry>(db_.native().query("SELECT at, actor, action, subject, detail FROM audit_log "
                                              "ORDER BY id DESC LIMIT ?",
                                              ll(limit)),
                           [](SQLite::Statement& st) {
                               return entry{st.getColumn(0).getInt64(), st.getColumn(1).getString(),
                                            st.getColumn(2).getString(), st.getColumn(3).getString(),
                                            st.getColumn(4).getString()};
                           });
}

} // namespace cnscd
