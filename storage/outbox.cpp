#include "storage/outbox.hpp"

#include "messages/json_text.hpp"
#include "storage/database.hpp"
#include "storage/sqlite_connection.hpp"

#include <nlohmann/json.hpp>

#include <optional>

namespace cnscd {

using json = nlohmann::json;

namespace {

// A row without buttons or a file (nearly every reply) written directly, in json's sorted key
// order and escaping: the writer stores one per reply, and the json object cost more to build
// than to print. Nothing when a string is not UTF-8, so the object's path reports it as before.
std::optional<std::string> encode_plain(const outgoing& m) {
    if (!m.choices.empty() || m.document)
        return std::nullopt;
    std::string out;
    out.reserve(m.text.size() + 48);
    char sep = '{';
    auto key = [&](const char* k) {
        out += sep;
        out += '"';
        out += k;
        out += "\":";
        sep = ',';
    };
    auto text = [&](const char* k, const std::string& v) {
        if (v.empty())
            return true;
        key(k);
        return append_json_string(out, v);
    };
    if (m.campaign_id) {
        key("cp");
        out += std::to_string(m.campaign_id);
    }
    if (!text("cr", m.choice_ref) || !text("em", m.edit_message_ref))
        return std::nullopt;
    if (m.edit_outbox_id) {
        key("eo");
        out += std::to_string(m.edit_outbox_id);
    }
    if (m.chat_type == chat_kind::group) {
        key("g");
        out += '1';
    }
    key("k");
    out += std::to_string(static_cast<int>(m.kind));
    if (!text("mk", m.merge_key))
        return std::nullopt;
    if (m.nudge_id) {
        key("nd");
        out += std::to_string(m.nudge_id);
    }
    if (!text("rc", m.contact_button) || !text("re", m.reply_to) || !text("t", m.text))
        return std::nullopt;
    out += '}';
    return out;
}

} // namespace

std::string encode_payload(const outgoing& m) {
    if (auto plain = encode_plain(m))
        return std::move(*plain);
    return encode_payload_with_json(m);
}

std::string encode_payload_with_json(const outgoing& m) {
    json j;
    j["k"] = static_cast<int>(m.kind);
    if (m.chat_type == chat_kind::group)
        j["g"] = 1;
    if (!m.text.empty())
        j["t"] = m.text;
    if (!m.choices.empty()) {
        json rows = json::array();
        for (auto& row : m.choices) {
            json r = json::array();
            for (auto& b : row)
                r.push_back({b.label, b.data});
            rows.push_back(std::move(r));
        }
        j["c"] = std::move(rows);
    }
    if (!m.contact_button.empty())
        j["rc"] = m.contact_button;
    if (!m.reply_to.empty())
        j["re"] = m.reply_to;
    if (!m.edit_message_ref.empty())
        j["em"] = m.edit_message_ref;
    if (m.edit_outbox_id)
        j["eo"] = m.edit_outbox_id;
    if (!m.choice_ref.empty())
        j["cr"] = m.choice_ref;
    if (m.document)
        j["d"] = {m.document->kind, m.document->file_ref, m.document->file_name};
    if (m.campaign_id)
        j["cp"] = m.campaign_id;
    if (!m.merge_key.empty())
        j["mk"] = m.merge_key;
    if (m.nudge_id)
        j["nd"] = m.nudge_id;
    return j.dump();
}

outgoing decode_payload(const std::string& payload, channel platform, const std::string& chat_id,
                        lane priority) {
    auto j = json::parse(payload);
    outgoing m;
    m.to = {platform, chat_id};
    m.priority = priority;
    m.kind = static_cast<outgoing_kind>(j.value("k", 0));
    m.chat_type = j.value("g", 0) ? chat_kind::group : chat_kind::private_chat;
    m.text = j.value("t", "");
    if (auto it = j.find("c"); it != j.end())
        for (auto& row : *it) {
            std::vector<choice_button> r;
            for (auto& b : row)
                r.push_back({b[0].get<std::string>(), b[1].get<std::string>()});
            m.choices.push_back(std::move(r));
        }
    m.contact_button = j.value("rc", "");
    m.reply_to = j.value("re", "");
    m.edit_message_ref = j.value("em", "");
    m.edit_outbox_id = j.value("eo", std::int64_t{0});
    m.choice_ref = j.value("cr", "");
    if (auto it = j.find("d"); it != j.end())
        m.document =
            attachment{(*it)[0].get<std::string>(), (*it)[1].get<std::string>(), (*it)[2].get<std::string>()};
    m.campaign_id = j.value("cp", std::int64_t{0});
    m.merge_key = j.value("mk", "");
    m.nudge_id = j.value("nd", std::int64_t{0});
    return m;
}

std::string_view delivery_state_name(delivery_state s) {
    switch (s) {
    case delivery_state::pending:
        return "pending";
    case delivery_state::sent:
        return "sent";
    case delivery_state::failed:
        return "failed";
    case delivery_state::merged:
        return "merged";
    case delivery_state::cancelled:
        return "cancelled";
    }
    return "pending";
}

namespace {

outbox_row read_row(SQLite::Statement& st) {
    // Columns: id, channel, chat_id, lane, payload, attempts, not_before, created_at, thread_id
    outbox_row r;
    r.id = st.getColumn(0).getInt64();
    auto platform = channel_from_name(st.getColumn(1).getString()).value_or(channel::console);
    r.message = decode_payload(st.getColumn(4).getString(), platform, st.getColumn(2).getString(),
                               static_cast<lane>(st.getColumn(3).getInt()));
    r.attempts = st.getColumn(5).getInt();
    r.message.not_before = st.getColumn(6).getInt64();
    r.created_at = st.getColumn(7).getInt64();
    if (!st.getColumn(8).isNull())
        r.message.thread_id = st.getColumn(8).getString();
    return r;
}

} // namespace

std::int64_t outbox::add(const outgoing& m, std::int64_t now) {
    auto& conn = db_.native();
    conn.exec("INSERT INTO outbox (channel, chat_id, lane, payload, not_before, created_at, campaign_id, "
              "thread_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
              std::string(channel_name(m.to.platform)), m.to.chat_id, static_cast<int>(m.priority),
              encode_payload(m), static_cast<std::int64_t>(m.not_before), static_cast<std::int64_t>(now),
              m.campaign_id ? std::optional<std::int64_t>(m.campaign_id) : std::nullopt,
              m.thread_id.empty() ? std::nullopt : std::optional<std::string>(m.thread_id));
    auto id = conn.db.getLastInsertRowid();
    if (auto& listener = db_.outbox_listener()) {
        outbox_row row{id, m, 0, now};
        db_.after_commit([listener, row = std::move(row)] { listener(row); });
    }
    return id;
}

std::vector<outbox_row> outbox::pending() {
    std::vector<outbox_row> rows;
    auto& st =
        db_.native().query("SELECT id, channel, chat_id, lane, payload, attempts, not_before, created_at, "
                           "thread_id FROM outbox WHERE state = 'pending' ORDER BY id");
    while (st.executeStep())
        rows.push_back(read_row(st));
    return rows;
}

std::vector<group_send> outbox::group_sends_since(std::int64_t since) {
    std::vector<group_send> sends;
    auto& st =
        db_.native().query("SELECT channel, chat_id, sent_at FROM outbox "
                           "WHERE state = 'sent' AND sent_at >= ? AND json_extract(payload, '$.g') = 1 "
                           "ORDER BY sent_at",
                           static_cast<std::int64_t>(since));
    while (st.executeStep())
        if (auto platform = channel_from_name(st.getColumn(0).getString()))
            sends.push_back({*platform, st.getColumn(1).getString(), st.getColumn(2).getInt64()});
    return sends;
}

std::optional<outbox_row> outbox::find(std::int64_t id) {
    auto& st =
        db_.native().query("SELECT id, channel, chat_id, lane, payload, attempts, not_before, created_at, "
                           "thread_id FROM outbox WHERE id = ?",
                           static_cast<std::int64_t>(id));
    if (!st.executeStep())
        return std::nullopt;
    return read_row(st);
}

std::optional<delivery_status> outbox::status(std::int64_t id) {
    auto& st = db_.native().query("SELECT state, coalesce(message_ref, ''), coalesce(error, ''), attempts "
                                  "FROM outbox WHERE id = ?",
                                  static_cast<std::int64_t>(id));
    if (!st.executeStep())
        return std::nullopt;
    delivery_status s;
    auto state = st.getColumn(0).getString();
    s.state = state == "sent"        ? delivery_state::sent
              : state == "failed"    ? delivery_state::failed
              : state == "merged"    ? delivery_state::merged
              : state == "cancelled" ? delivery_state::cancelled
                                     : delivery_state::pending;
    s.message_ref = st.getColumn(1).getString();
    s.error = st.getColumn(2).getString();
    s.attempts = st.getColumn(3).getInt();
    return s;
}

void outbox::mark_sent(std::int64_t id, const std::string& message_ref, std::int64_t now) {
    db_.native().exec(
        "UPDATE outbox SET state = 'sent', sent_at = ?, message_ref = ?, attempts = attempts + 1 "
        "WHERE id = ?",
        static_cast<std::int64_t>(now), message_ref, static_cast<std::int64_t>(id));
}

void outbox::mark_failed(std::int64_t id, const std::string& error, std::int64_t now) {
    db_.native().exec("UPDATE outbox SET state = 'failed', sent_at = ?, error = ?, attempts = attempts + 1 "
                      "WHERE id = ?",
                      static_cast<std::int64_t>(now), error, static_cast<std::int64_t>(id));
}

void outbox::mark_merged(std::int64_t id, std::int64_t into, std::int64_t now) {
    db_.native().exec(
        "UPDATE outbox SET state = 'merged', sent_at = ?, "
        "message_ref = (SELECT message_ref FROM outbox WHERE id = ?), error = 'merged into ' || ? "
        "WHERE id = ?",
        static_cast<std::int64_t>(now), static_cast<std::int64_t>(into), static_cast<std::int64_t>(into),
        static_cast<std::int64_t>(id));
}

int outbox::withdraw_campaign(std::int64_t campaign_id, std::int64_t now) {
    std::vector<std::int64_t> ids;
    auto& st = db_.native().query(
        "UPDATE outbox SET state = 'cancelled', sent_at = ?, error = 'broadcast cancelled' "
        "WHERE campaign_id = ? AND state = 'pending' RETURNING id",
        static_cast<std::int64_t>(now), static_cast<std::int64_t>(campaign_id));
    while (st.executeStep())
        ids.push_back(st.getColumn(0).getInt64());
    if (!ids.empty())
        if (auto& listener = db_.withdrawn_listener())
            db_.after_commit([listener, ids] { listener(ids); });
    return static_cast<int>(ids.size());
}

void outbox::reschedule(std::int64_t id, std::int64_t not_before, int attempts, const std::string& error) {
    db_.native().exec("UPDATE outbox SET not_before = ?, attempts = ?, error = ? WHERE id = ?",
                      static_cast<std::int64_t>(not_before), attempts, error, static_cast<std::int64_t>(id));
}

int outbox::rekey_chat(channel platform, const std::string& old_chat, const std::string& new_chat) {
    return db_.native().exec(
        "UPDATE outbox SET chat_id = ? WHERE channel = ? AND chat_id = ? AND state = 'pending'", new_chat,
        std::string(channel_name(platform)), old_chat);
}

void outbox::mark_chat_inactive(channel platform, const std::string& chat_id, const std::string& reason,
                                std::int64_t now) {
    db_.native().exec("INSERT INTO inactive_chats (channel, chat_id, reason, since) VALUES (?, ?, ?, ?) "
                      "ON CONFLICT (channel, chat_id) DO UPDATE SET reason = excluded.reason",
                      std::string(channel_name(platform)), chat_id, reason, static_cast<std::int64_t>(now));
}

void outbox::mark_chat_active(channel platform, const std::string& chat_id) {
    db_.native().exec("DELETE FROM inactive_chats WHERE channel = ? AND chat_id = ?",
                      std::string(channel_name(platform)), chat_id);
}

bool outbox::chat_inactive(channel platform, const std::string& chat_id) {
    return db_.native()
        .query("SELECT 1 FROM inactive_chats WHERE channel = ? AND chat_id = ?",
               std::string(channel_name(platform)), chat_id)
        .executeStep();
}

void outbox::mark_window_closed(channel platform, const std::string& chat_id, std::int64_t since) {
    // Not if they wrote after it was queued: Zalo refused it before their message, which reopened
    // the window (a private chat's id is its person's id).
    db_.native().exec("INSERT INTO inactive_chats (channel, chat_id, reason, since) "
                      "SELECT ?1, ?2, ?3, ?4 WHERE NOT EXISTS (SELECT 1 FROM private_messages_seen "
                      "WHERE channel = ?1 AND user_id = ?2 AND last_at > ?4) "
                      "ON CONFLICT (channel, chat_id) DO NOTHING",
                      std::string(channel_name(platform)), chat_id, std::string(window_closed_reason),
                      static_cast<std::int64_t>(since));
}

std::optional<std::int64_t> outbox::window_closed_at(channel platform, const std::string& chat_id) {
    auto& st = db_.native().query(
        "SELECT since FROM inactive_chats WHERE channel = ? AND chat_id = ? AND reason = ?",
        std::string(channel_name(platform)), chat_id, std::string(window_closed_reason));
    if (!st.executeStep())
        return std::nullopt;
    return st.getColumn(0).getInt64();
}

std::int64_t outbox::depth() {
    auto& st = db_.native().query("SELECT count(*) FROM outbox WHERE state = 'pending'");
    st.executeStep();
    return st.getColumn(0).getInt64();
}

int outbox::prune(std::int64_t before) {
    return db_.native().exec("DELETE FROM outbox WHERE state IN ('sent', 'merged') AND sent_at < ?",
                             static_cast<std::int64_t>(before));
}

} // namespace cnscd
