#include "storage/nudge_store.hpp"

#include "storage/database.hpp"
#include "storage/sqlite_connection.hpp"

namespace cnscd {
namespace {

using ll = std::int64_t;

std::string platform_name(const chat_address& a) {
    return std::string(channel_name(a.platform));
}

} // namespace

std::int64_t nudge_store::create(const nudge_record& n) {
    auto& c = db_.native();
    c.exec("INSERT INTO nudges (team_id, asked_by, asked_at, origin_channel, origin_chat, origin_group, "
           "origin_thread) VALUES (?, ?, ?, ?, ?, ?, ?)",
           n.team_id, n.asked_by, n.asked_at, platform_name(n.origin), n.origin.chat_id,
           n.origin_type == chat_kind::group,
           n.origin_thread.empty() ? std::nullopt : std::optional<std::string>(n.origin_thread));
    return c.db.getLastInsertRowid();
}

std::optional<nudge_record> nudge_store::by_id(std::int64_t id) {
    auto& st = db_.native().query("SELECT id, team_id, asked_by, asked_at, origin_channel, origin_chat, "
                                  "origin_group, coalesce(origin_thread, '') FROM nudges WHERE id = ?",
                                  ll(id));
    if (!st.executeStep())
        return std::nullopt;
    nudge_record n;
    n.id = st.getColumn(0).getInt64();
    n.team_id = st.getColumn(1).getInt64();
    n.asked_by = st.getColumn(2).getInt64();
    n.asked_at = st.getColumn(3).getInt64();
    n.origin.platform = channel_from_name(st.getColumn(4).getString()).value_or(channel::console);
    n.origin.chat_id = st.getColumn(5).getString();
    n.origin_type = st.getColumn(6).getInt() ? chat_kind::group : chat_kind::private_chat;
    n.origin_thread = st.getColumn(7).getString();
    st.tryReset();
    return n;
}

void nudge_store::add_message(std::int64_t nudge_id, std::int64_t member_id, const chat_address& to) {
    // One message per chat: a member reached twice at the same account is one delivery.
    db_.native().exec("INSERT OR IGNORE INTO nudge_messages (nudge_id, channel, chat_id, member_id) "
                      "VALUES (?, ?, ?, ?)",
                      ll(nudge_id), platform_name(to), to.chat_id, ll(member_id));
}

std::vector<nudge_message> nudge_store::messages(std::int64_t nudge_id) {
    std::vector<nudge_message> out;
    auto& st = db_.native().query("SELECT member_id, channel, chat_id, coalesce(outcome, '') "
                                  "FROM nudge_messages WHERE nudge_id = ? ORDER BY rowid",
                                  ll(nudge_id));
    while (st.executeStep())
        out.push_back({st.getColumn(0).getInt64(),
                       {channel_from_name(st.getColumn(1).getString()).value_or(channel::console),
                        st.getColumn(2).getString()},
                       st.getColumn(3).getString()});
    return out;
}

bool nudge_store::record_outcome(std::int64_t nudge_id, const chat_address& to, const std::string& outcome) {
    auto& c = db_.native();
    if (c.exec("UPDATE nudge_messages SET outcome = ? "
               "WHERE nudge_id = ? AND channel = ? AND chat_id = ? AND outcome IS NULL",
               outcome, ll(nudge_id), platform_name(to), to.chat_id) == 0)
        return false;
    auto& st =
        c.query("SELECT 1 FROM nudge_messages WHERE nudge_id = ? AND outcome IS NULL LIMIT 1", ll(nudge_id));
    bool waiting = st.executeStep();
    st.tryReset();
    return !waiting;
}

int nudge_store::prune(std::int64_t before) {
    auto& c = db_.native();
    c.exec("DELETE FROM nudge_messages WHERE nudge_id IN (SELECT id FROM nudges WHERE asked_at < ?)",
           ll(before));
    return c.exec("DELETE FROM nudges WHERE asked_at < ?", ll(before));
}

} // namespace cnscd
