#include "storage/campaign_store.hpp"

#include "storage/database.hpp"
#include "storage/sqlite_connection.hpp"

#include <nlohmann/json.hpp>

namespace cnscd {
namespace {

using ll = std::int64_t;
constexpr char part_separator = '\f';

std::string join_parts(const std::vector<std::string>& parts) {
    std::string out;
    for (auto& p : parts) {
        if (!out.empty())
            out += part_separator;
        out += p;
    }
    return out;
}

std::vector<std::string> split_parts(const std::string& s) {
    std::vector<std::string> out;
    std::size_t i = 0;
    while (i <= s.size()) {
        auto j = s.find(part_separator, i);
        if (j == std::string::npos)
            j = s.size();
        out.push_back(s.substr(i, j - i));
        i = j + 1;
    }
    return out;
}

std::string encode_file(const std::optional<attachment>& f) {
    if (!f)
        return "";
    return nlohmann::json{{"kind", f->kind}, {"ref", f->file_ref}, {"name", f->file_name}}.dump();
}

std::optional<attachment> decode_file(const std::string& s) {
    if (s.empty())
        return std::nullopt;
    auto j = nlohmann::json::parse(s, nullptr, false);
    if (!j.is_object())
        return std::nullopt;
    return attachment{j.value("kind", ""), j.value("ref", ""), j.value("name", "")};
}

#define CAMPAIGN_COLUMNS                                                                                     \
    "id, ward_id, created_by, created_at, state, body, attachment, target_note, send_at, origin_channel, "   \
    "origin_chat, origin_group, progress_outbox_id, total, delivered, failed, progress_at, owed_report, "    \
    "owed_period"

campaign_record read_campaign(SQLite::Statement& st) {
    campaign_record c;
    c.id = st.getColumn(0).getInt64();
    c.ward_id = st.getColumn(1).getInt64();
    c.created_by = st.getColumn(2).getInt64();
    c.created_at = st.getColumn(3).getInt64();
    c.state = st.getColumn(4).getString();
    c.parts = split_parts(st.getColumn(5).getString());
    c.file = decode_file(st.getColumn(6).getString());
    c.target_note = st.getColumn(7).getString();
    c.send_at = st.getColumn(8).getInt64();
    c.origin.platform = channel_from_name(st.getColumn(9).getString()).value_or(channel::console);
    c.origin.chat_id = st.getColumn(10).getString();
    c.origin_type = st.getColumn(11).getInt() ? chat_kind::group : chat_kind::private_chat;
    c.progress_outbox_id = st.getColumn(12).getInt64();
    c.total = st.getColumn(13).getInt64();
    c.delivered = st.getColumn(14).getInt64();
    c.failed = st.getColumn(15).getInt64();
    c.progress_at = st.getColumn(16).getInt64();
    c.owed_report = st.getColumn(17).getString();
    c.owed_period = st.getColumn(18).getString();
    return c;
}

} // namespace

std::int64_t campaign_store::create(campaign_record& c) {
    auto& conn = db_.native();
    conn.exec(
        "INSERT INTO campaigns (ward_id, created_by, created_at, state, body, attachment, target_note, "
        "send_at, origin_channel, origin_chat, origin_group, total, owed_report, owed_period) VALUES (?, ?, ?, "
        "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        c.ward_id, c.created_by, c.created_at, c.state, join_parts(c.parts), encode_file(c.file),
        c.target_note, c.send_at, channel_name(c.origin.platform), c.origin.chat_id,
        c.origin_type == chat_kind::group, c.total, c.owed_report, c.owed_period);
    c.id = conn.db.getLastInsertRowid();
    return c.id;
}

std::optional<campaign_record> campaign_store::by_id(std::int64_t id) {
    auto& st = db_.native().statement("SELECT " CAMPAIGN_COLUMNS " FROM campaigns WHERE id = ?");
    st.bind(1, static_cast<ll>(id));
    if (!st.executeStep())
        return std::nullopt;
    return read_campaign(st);
}

std::vector<campaign_record> campaign_store::recent(std::int64_t ward_id, int limit) {
    std::vector<campaign_record> out;
    auto& st = db_.native().statement("SELECT " CAMPAIGN_COLUMNS
                                      " FROM campaigns WHERE ward_id = ? ORDER BY id DESC LIMIT ?");
    st.bind(1, static_cast<ll>(ward_id));
    st.bind(2, limit);
    while (st.executeStep())
        out.push_back(read_campaign(st));
    return out;
}

void campaign_store::set_state(std::int64_t id, const std::string& state) {
    db_.native().exec("UPDATE campaigns SET state = ? WHERE id = ?", state, id);
}

void campaign_store::set_progress_message(std::int64_t id, std::int64_t outbox_id) {
    db_.native().exec("UPDATE campaigns SET progress_outbox_id = ? WHERE id = ?", outbox_id, id);
}

void campaign_store::set_progress_at(std::int64_t id, std::int64_t at) {
    db_.native().exec("UPDATE campaigns SET progress_at = ? WHERE id = ?", at, id);
}

void campaign_store::add_target(std::int64_t campaign_id, const campaign_target& t, int parts) {
    db_.native().exec(
        "INSERT INTO campaign_targets (campaign_id, channel, chat_id, team_id, title, parts, state, error) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        campaign_id, channel_name(t.chat.platform), t.chat.chat_id, t.team_id, t.title, parts, t.state,
        t.error);
}

void campaign_store::set_target_state(std::int64_t campaign_id, const chat_address& target,
                                      const std::string& state) {
    db_.native().exec(
        "UPDATE campaign_targets SET state = ?, error = '' WHERE campaign_id = ? AND channel = ? AND "
        "chat_id = ?",
        state, campaign_id, channel_name(target.platform), target.chat_id);
}

void campaign_store::set_total(std::int64_t id, std::int64_t total) {
    db_.native().exec("UPDATE campaigns SET total = ? WHERE id = ?", total, id);
}

std::vector<std::int64_t> campaign_store::due_with_owing_targets(std::int64_t now) {
    std::vector<std::int64_t> out;
    auto& st = db_.native().statement(
        "SELECT id FROM campaigns c WHERE state = 'scheduled' AND send_at <= ? AND EXISTS "
        "(SELECT 1 FROM campaign_targets t WHERE t.campaign_id = c.id AND t.state = 'owing') ORDER BY id");
    st.bind(1, static_cast<ll>(now));
    while (st.executeStep())
        out.push_back(st.getColumn(0).getInt64());
    return out;
}

void campaign_store::add_part(std::int64_t campaign_id, const chat_address& target, std::int64_t outbox_id) {
    db_.native().exec(
        "INSERT INTO campaign_parts (outbox_id, campaign_id, channel, chat_id) VALUES (?, ?, ?, ?)",
        outbox_id, campaign_id, channel_name(target.platform), target.chat_id);
}

std::vector<campaign_target> campaign_store::targets(std::int64_t campaign_id, const std::string& state) {
    std::vector<campaign_target> out;
    auto& st =
        db_.native().statement("SELECT channel, chat_id, team_id, title, state, error FROM campaign_targets "
                               "WHERE campaign_id = ? AND (? = '' OR state = ?) ORDER BY title, chat_id");
    st.bind(1, static_cast<ll>(campaign_id));
    st.bind(2, state);
    st.bind(3, state);
    while (st.executeStep()) {
        campaign_target t;
        t.chat = {channel_from_name(st.getColumn(0).getString()).value_or(channel::console),
                  st.getColumn(1).getString()};
        if (!st.getColumn(2).isNull())
            t.team_id = st.getColumn(2).getInt64();
        t.title = st.getColumn(3).getString();
        t.state = st.getColumn(4).getString();
        t.error = st.getColumn(5).getString();
        out.push_back(std::move(t));
    }
    return out;
}

std::vector<std::int64_t> campaign_store::part_rows(std::int64_t campaign_id) {
    std::vector<std::int64_t> out;
    auto& st = db_.native().statement(
        "SELECT outbox_id FROM campaign_parts WHERE campaign_id = ? ORDER BY outbox_id");
    st.bind(1, static_cast<ll>(campaign_id));
    while (st.executeStep())
        out.push_back(st.getColumn(0).getInt64());
    return out;
}

std::optional<campaign_store::part_outcome>
campaign_store::record_part(std::int64_t outbox_id, bool delivered, const std::string& error) {
    auto& c = db_.native();
    auto& st = c.statement("SELECT campaign_id, channel, chat_id FROM campaign_parts WHERE outbox_id = ?");
    st.bind(1, static_cast<ll>(outbox_id));
    if (!st.executeStep())
        return std::nullopt;
    part_outcome out{st.getColumn(0).getInt64(), false};
    auto ch = st.getColumn(1).getString();
    auto chat = st.getColumn(2).getString();
    if (delivered) {
        // The target is delivered when its last part is.
        int changed = c.exec("UPDATE campaign_targets SET parts_done = parts_done + 1, "
                             "state = CASE WHEN parts_done + 1 >= parts THEN 'delivered' ELSE state END "
                             "WHERE campaign_id = ? AND channel = ? AND chat_id = ? AND state = 'pending'",
                             out.campaign_id, ch, chat);
        auto& done =
            c.statement("SELECT state FROM campaign_targets WHERE campaign_id = ? AND channel = ? AND "
                        "chat_id = ?");
        done.bind(1, static_cast<ll>(out.campaign_id));
        done.bind(2, ch);
        done.bind(3, chat);
        if (changed && done.executeStep() && done.getColumn(0).getString() == "delivered") {
            c.exec("UPDATE campaigns SET delivered = delivered + 1 WHERE id = ?", out.campaign_id);
            out.target_finished = true;
        }
    } else {
        int changed = c.exec("UPDATE campaign_targets SET state = 'failed', error = ? "
                             "WHERE campaign_id = ? AND channel = ? AND chat_id = ? AND state = 'pending'",
                             error, out.campaign_id, ch, chat);
        if (changed) {
            c.exec("UPDATE campaigns SET failed = failed + 1 WHERE id = ?", out.campaign_id);
            out.target_finished = true;
        }
    }
    return out;
}

std::vector<campaign_target> campaign_store::reopen_failed(std::int64_t campaign_id) {
    auto failed = targets(campaign_id, "failed");
    auto& c = db_.native();
    c.exec("UPDATE campaign_targets SET state = 'pending', parts_done = 0, error = '' "
           "WHERE campaign_id = ? AND state = 'failed'",
           campaign_id);
    c.exec("UPDATE campaigns SET failed = 0, state = 'sending' WHERE id = ?", campaign_id);
    return failed;
}

void guide_store::add(const added_guide& g, std::optional<std::int64_t> added_by, std::int64_t now) {
    db_.native().exec(
        "INSERT INTO guides (slug, ward_id, title, keywords, file_kind, file_ref, file_name, channel, "
        "added_by, added_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        g.slug, g.ward_id, g.title, g.keywords, g.file.kind, g.file.file_ref, g.file.file_name,
        channel_name(g.platform), added_by, now);
}

std::vector<added_guide> guide_store::of_ward(std::int64_t ward_id) {
    std::vector<added_guide> out;
    auto& st = db_.native().statement("SELECT slug, title, keywords, file_kind, file_ref, file_name, channel "
                                      "FROM guides WHERE ward_id = ? ORDER BY slug");
    st.bind(1, static_cast<ll>(ward_id));
    while (st.executeStep()) {
        added_guide g;
        g.slug = st.getColumn(0).getString();
        g.ward_id = ward_id;
        g.title = st.getColumn(1).getString();
        g.keywords = st.getColumn(2).getString();
        g.file = {st.getColumn(3).getString(), st.getColumn(4).getString(), st.getColumn(5).getString()};
        g.platform = channel_from_name(st.getColumn(6).getString()).value_or(channel::telegram);
        out.push_back(std::move(g));
    }
    return out;
}

bool guide_store::slug_taken(const std::string& slug) {
    auto& st = db_.native().statement("SELECT 1 FROM guides WHERE slug = ?");
    st.bind(1, slug);
    return st.executeStep();
}

} // namespace cnscd
