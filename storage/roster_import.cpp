#include "storage/roster_import.hpp"

#include "messages/text_fold.hpp"
#include "storage/database.hpp"
#include "storage/registry.hpp"
#include "storage/sealed_cccd_check.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>

namespace cnscd {

namespace {

// Is the row, found by its phone, the person stored under that phone?
bool same_person(const member_record& known, const roster_entry& e, std::optional<std::int64_t> team_id,
                 bool same_cccd) {
    if (name_key(known.full_name) == name_key(e.full_name) || same_cccd)
        return true;
    // Another name on their own row: a correction, not someone else taking the number.
    return !known.roster_row.empty() && known.roster_row == e.row_label && team_id &&
           known.team_id == team_id;
}

// Where erased members were on the roster (team, TT): their rows in an old file.
std::set<std::pair<std::int64_t, std::string>> erased_rows(member_store& members, std::int64_t ward_id) {
    std::set<std::pair<std::int64_t, std::string>> rows;
    for (auto& m : members.in_ward(ward_id, false))
        if (m.erased_at && m.team_id && !m.roster_row.empty())
            rows.emplace(*m.team_id, m.roster_row);
    return rows;
}

// The member of the row's team whose number the row changes: the same name, and their old
// number on no row of the file. Without a CCCD nothing else says it is them, and a new number
// must not make a second person who starts with no history while the first one looks idle.
// Two namesakes who both lost their numbers in the file are not guessed between.
std::optional<member_record> with_new_phone(const std::vector<member_record>& team, const roster_entry& e,
                                            const std::set<std::string>& file_phones) {
    std::optional<member_record> found;
    for (auto& m : team) {
        if (m.phone.empty() || file_phones.contains(m.phone) ||
            name_key(m.full_name) != name_key(e.full_name))
            continue;
        if (found)
            return std::nullopt;
        found = m;
    }
    return found;
}

// The row is left out on purpose (see roster_import_options), or nullopt.
std::optional<roster_skip> left_out(const roster_entry& e, const std::optional<member_record>& found,
                                    bool on_erased_row, const roster_import_options& options,
                                    std::int64_t now) {
    if (found && !found->active && options.keep_removed)
        return roster_skip{e.row_label, e.line, e.team, found->full_name, found->removed_at.value_or(now)};
    if (!found && on_erased_row && !options.include_erased)
        return roster_skip{e.row_label, e.line, e.team, "", 0};
    return std::nullopt;
}

} // namespace

std::expected<roster_report, roster_import_error> import_roster(database& db, const roster_file& file,
                                                                const roster_import_options& options,
                                                                const personal_data& crypto,
                                                                std::int64_t now) {
    bool has_cccd = false;
    for (auto& e : file.entries)
        has_cccd = has_cccd || !e.cccd.empty();
    if (has_cccd && !crypto.has_key() && !options.skip_cccd)
        return std::unexpected(roster_import_error::no_data_key);
    // Sealed under a second key, the file's CCCDs and the stored ones could never all be opened,
    // and the file's would match none of the stored ones.
    if (has_cccd && !options.skip_cccd && check_sealed_cccds(db, crypto).unreadable > 0)
        return std::unexpected(roster_import_error::key_mismatch);

    ward_store wards(db);
    auto ward = wards.by_name(options.ward);
    if (!ward && !options.new_ward && !wards.all().empty())
        return std::unexpected(roster_import_error::unknown_ward);

    roster_report report;
    report.ward = options.ward;
    report.rejected = file.rejected;
    db.begin();
    try {
        team_store teams(db);
        member_store members(db);
        report.ward_created = !ward;
        auto ward_id = ward ? ward->id : wards.ensure(options.ward, now);
        if (ward)
            report.ward = ward->name;

        // Teams by folded name, loaded once: a roster names each team many times.
        std::unordered_map<std::string, team_record> team_by_name;
        for (auto& t : teams.in_ward(ward_id, false))
            team_by_name.emplace(fold(t.name), t);
        // A team is made when a row of it is applied, not for a rejected row.
        auto team_of = [&](const roster_entry& e) {
            auto key = fold(e.team);
            auto known = team_by_name.find(key);
            if (known == team_by_name.end()) {
                auto id = teams.insert(ward_id, e.team, now);
                known = team_by_name.emplace(key, *teams.by_id(id)).first;
                report.teams_created.push_back(e.team);
            }
            return known->second;
        };
        auto erased = erased_rows(members, ward_id);
        // Each team's leader rows: when there are several, none of them is applied.
        std::unordered_map<std::string, std::vector<const roster_entry*>> leader_rows;
        for (auto& e : file.entries)
            if (e.role == "leader")
                leader_rows[fold(e.team)].push_back(&e);
        std::map<std::int64_t, std::int64_t> new_leader; // team -> the member the file makes its leader
        std::set<std::int64_t> in_file;                  // members a row of the file is about
        auto led_teams = [&] {
            std::set<std::int64_t> led;
            for (auto& m : members.in_ward(ward_id))
                if (m.role == "leader" && m.team_id)
                    led.insert(*m.team_id);
            return led;
        };
        auto led_before = led_teams();
        std::set<std::string> file_phones;
        for (auto& e : file.entries)
            if (!e.phone.empty())
                file_phones.insert(e.phone);
        auto team_name = [&](std::optional<std::int64_t> id) {
            auto t = id ? teams.by_id(*id) : std::nullopt;
            return t ? t->name : std::string();
        };
        for (auto& e : file.entries) {
            auto named = team_by_name.find(fold(e.team));
            auto team_id = named == team_by_name.end() ? std::nullopt : std::optional(named->second.id);
            std::string digest =
                (!e.cccd.empty() && crypto.has_key() && !options.skip_cccd) ? crypto.digest(e.cccd) : "";

            // Who is this? By phone, else by CCCD, else by name within the team.
            std::optional<member_record> found;
            if (!e.phone.empty())
                found = members.by_phone(ward_id, e.phone);
            if (found)
                in_file.insert(found->id); // even if the row is refused: the file means them
            bool staff = found && (found->role == "ward_staff" || found->role == "admin"); // refused below
            if (found && !staff &&
                !same_person(*found, e, team_id,
                             !digest.empty() && members.by_cccd_digest(ward_id, digest) == found->id)) {
                report.rejected.push_back({e.row_label, e.line, roster_issue::phone_of_other_person,
                                           found->full_name, found->roster_row, team_name(found->team_id)});
                continue;
            }
            if (!found && !digest.empty())
                if (auto id = members.by_cccd_digest(ward_id, digest))
                    found = members.by_id(*id);
            if (!found && e.phone.empty() && team_id)
                for (auto& m : members.in_team(*team_id, false))
                    if (m.phone.empty() && fold(m.full_name) == fold(e.full_name))
                        found = m;
            if (!found && !e.phone.empty() && team_id)
                found = with_new_phone(members.in_team(*team_id, false), e, file_phones);
            if (found)
                in_file.insert(found->id);
            // The same CCCD already belongs to someone else: a duplicate person.
            if (found && !digest.empty()) {
                if (auto other = members.by_cccd_digest(ward_id, digest); other && *other != found->id) {
                    report.rejected.push_back({e.row_label, e.line, roster_issue::duplicate_cccd,
                                               members.by_id(*other)->full_name});
                    continue;
                }
            }
            // Found by CCCD or name with a phone that is someone else's: a duplicate person.
            if (!e.phone.empty()) {
                if (auto owner = members.by_phone(ward_id, e.phone);
                    owner && (!found || owner->id != found->id)) {
                    report.rejected.push_back(
                        {e.row_label, e.line, roster_issue::duplicate_phone, owner->full_name});
                    continue;
                }
            }
            if (found && (found->role == "ward_staff" || found->role == "admin")) {
                report.rejected.push_back(
                    {e.row_label, e.line, roster_issue::duplicate_phone, found->full_name});
                continue;
            }

            if (auto skip =
                    left_out(e, found, team_id && erased.contains({*team_id, e.row_label}), options, now)) {
                report.skipped.push_back(*skip);
                continue;
            }

            if (auto& rows = leader_rows[fold(e.team)]; e.role == "leader" && rows.size() > 1) {
                auto other = rows[0] == &e ? rows[1] : rows[0];
                report.rejected.push_back({e.row_label, e.line, roster_issue::two_leaders, other->full_name,
                                           other->row_label, other->team, other->line});
                continue;
            }

            auto team = team_of(e);
            member_record m = found ? *found : member_record{};
            m.ward_id = ward_id;
            // No title of its own is exported as the role's standard one: reading that back is no change.
            if (m.role_title.empty())
                m.role_title = standard_title(m.role);
            std::vector<std::string> fields;
            auto set = [&](std::string& field, const std::string& value, const char* column) {
                if (field != value) {
                    field = value;
                    fields.push_back(column);
                }
            };
            set(m.full_name, e.full_name, "Họ tên");
            set(m.position, e.position, "Chức vụ tổ/xóm/đơn vị công tác");
            set(m.role_title, e.role_title, "Chức vụ Tổ CNSCĐ");
            // Which way, as for a move: a stale file read back over a handover made in chat
            // (/doivaitro) shows here as the old leader becoming leader again.
            std::int64_t chat_role_changed_at = 0;
            std::string chat_role;
            if (found && m.role != e.role)
                if (auto last = audit_log(db).latest("role.change", found->full_name);
                    last && last->detail == audit_log::role_change(e.role, m.role)) {
                    chat_role_changed_at = last->at;
                    chat_role = standard_title(m.role);
                }
            if (m.role != e.role) {
                fields.push_back("vai trò (" + standard_title(m.role.empty() ? "member" : m.role) + " → " +
                                 standard_title(e.role) + ")");
                m.role = e.role;
            }
            set(m.phone, e.phone, "SĐT");
            set(m.area, e.area, "Khu vực phụ trách");
            set(m.note, e.note, "Ghi chú");
            set(m.roster_row, e.row_label, "TT");
            if (m.team_id != team.id) {
                // Say which team they leave: "Tổ" alone read as a spelling fix of the team's name.
                auto before = m.team_id ? teams.by_id(*m.team_id) : std::nullopt;
                fields.push_back(before ? "Tổ (" + before->name + " → " + team.name + ")" : "Tổ");
                m.team_id = team.id;
            }
            bool reactivated = !m.active; // reported on a line of its own, with when they were removed
            m.active = true;
            bool cccd_changed = false;
            if (!digest.empty()) {
                auto current = found ? members.sealed_cccd(found->id) : std::nullopt;
                auto current_plain = current ? crypto.open(*current) : std::nullopt;
                cccd_changed = !current_plain || *current_plain != e.cccd;
                if (cccd_changed && found)
                    fields.push_back("CCCD");
            }

            std::int64_t applied_id = m.id;
            if (!found) {
                m.source = "roster";
                auto id = members.insert(m, now);
                applied_id = id;
                in_file.insert(id);
                if (!digest.empty())
                    members.set_cccd(id, crypto.seal(e.cccd), e.cccd.substr(9), digest);
                report.added.push_back(e);
            } else if (!fields.empty() || reactivated) {
                members.update(m, now);
                if (cccd_changed)
                    members.set_cccd(m.id, crypto.seal(e.cccd), e.cccd.substr(9), digest);
                report.changed.push_back({e.row_label, e.line, e.full_name, fields,
                                          found->full_name != e.full_name ? found->full_name : "",
                                          reactivated, found->removed_at.value_or(now), team.name, "",
                                          chat_role_changed_at, chat_role});
            } else {
                ++report.unchanged;
            }
            if (e.role == "leader")
                new_leader[team.id] = applied_id;
        }
        // Who is on a team of the file but on none of its rows stays: a missing row is more often a
        // slip than a departure, and /xoa keeps the history. The report names them, so that who
        // left is taken off and does not stay listed as having logged nothing.
        std::set<std::string> file_teams;
        for (auto& e : file.entries)
            file_teams.insert(fold(e.team));
        auto ward_teams = teams.in_ward(ward_id, false); // in a steady order
        for (auto& t : ward_teams)
            if (file_teams.contains(fold(t.name)))
                for (auto& m : members.in_team(t.id))
                    if (!in_file.contains(m.id))
                        report.absent.push_back({m.roster_row, m.full_name, t.name});

        // Whoever led a team the file gives another leader, and is not on it as leader, stays on as
        // deputy: two leaders would both get the report button and the reminders.
        for (auto [team_id, leader_id] : new_leader)
            for (auto& old : members.in_team(team_id))
                if (old.role == "leader" && old.id != leader_id) {
                    auto leader = members.by_id(leader_id);
                    old.role = "deputy";
                    old.role_title = standard_title("deputy");
                    members.update(old, now);
                    report.changed.push_back({old.roster_row,
                                              0,
                                              old.full_name,
                                              {"Chức vụ Tổ CNSCĐ", "vai trò (Tổ trưởng → Tổ phó)"},
                                              "",
                                              false,
                                              0,
                                              team_name(team_id),
                                              leader ? leader->full_name : ""});
                }
        // A team of the file, or one whose leader the file moved or made deputy, with nobody to
        // get the report button and the reminders: said, so that the ward names one.
        auto led_after = led_teams();
        for (auto& t : ward_teams)
            if ((file_teams.contains(fold(t.name)) || led_before.contains(t.id)) &&
                !led_after.contains(t.id) && !members.in_team(t.id).empty())
                report.leaderless.push_back(t.name);
        if (!options.dry_run)
            audit_log(db).record(std::nullopt, "operator", "roster.import", report.ward,
                                 std::to_string(report.added.size()) + " added, " +
                                     std::to_string(report.changed.size()) + " changed, " +
                                     std::to_string(rejected_rows(report.rejected)) + " rejected, " +
                                     std::to_string(report.skipped.size()) + " skipped",
                                 now);
    } catch (...) {
        db.rollback();
        throw;
    }
    if (options.dry_run)
        db.rollback();
    else
        db.commit();
    // Problems found reading the file and applying it, in the file's order: the operator fixes
    // the rows top to bottom.
    std::stable_sort(report.rejected.begin(), report.rejected.end(),
                     [](auto& a, auto& b) { return a.line < b.line; });
    return report;
}

std::vector<roster_entry> roster_of_ward(database& db, std::int64_t ward_id, const personal_data& crypto,
                                         bool full_cccd) {
    std::vector<roster_entry> out;
    team_store teams(db);
    member_store members(db);
    for (auto& m : members.in_ward(ward_id, true)) {
        if (!m.team_id)
            continue; // ward staff are not on a team's roster
        roster_entry e;
        e.row_label = m.roster_row;
        e.full_name = m.full_name;
        e.position = m.position;
        e.role_title = m.role_title.empty() ? standard_title(m.role) : m.role_title;
        e.role = m.role;
        e.phone = m.phone;
        e.area = m.area;
        e.note = m.note;
        if (auto t = teams.by_id(*m.team_id))
            e.team = t->name;
        if (auto sealed = members.sealed_cccd(m.id)) {
            auto plain = full_cccd ? crypto.open(*sealed) : std::nullopt;
            e.cccd = plain ? *plain : std::string(9, '*') + m.cccd_hint;
        }
        out.push_back(std::move(e));
    }
    return out;
}

} // namespace cnscd
