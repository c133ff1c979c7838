#include "storage/conversation_store.hpp"

#include "storage/database.hpp"
#include "storage/sqlite_connection.hpp"

namespace cnscd {

namespace {
conversation read(SQLite::Statement& st) {
    conversation c;
    c.chat.platform = channel_from_name(st.getColumn(0).getString()).value_or(channel::console);
    c.chat.chat_id = st.getColumn(1).getString();
    c.thread_id = st.getColumn(2).getString();
    c.user_id = st.getColumn(3).getString();
    c.kind = st.getColumn(4).getString();
    c.state = st.getColumn(5).getString();
    c.expires_at = st.getColumn(6).getInt64();
    return c;
}
} // namespace

std::optional<conversation> conversation_store::find(const chat_address& chat, const std::string& thread_id,
                                                     const std::string& user_id) {
    auto& st = db_.native().query(
        "SELECT channel, chat_id, thread_id, user_id, kind, state, expires_at FROM conversations "
        "WHERE channel = ? AND chat_id = ? AND thread_id = ? AND user_id = ?",
        std::string(channel_name(chat.platform)), chat.chat_id, thread_id, user_id);
    if (!st.executeStep())
        return std::nullopt;
    return read(st);
}

void conversation_store::put(const conversation& c) {
    db_.native().exec(
        "INSERT OR REPLACE INTO conversations (channel, chat_id, thread_id, user_id, kind, state, expires_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        std::string(channel_name(c.chat.platform)), c.chat.chat_id, c.thread_id, c.user_id, c.kind, c.state,
        static_cast<std::int64_t>(c.expires_at));
}

void conversation_store::erase(const chat_address& chat, const std::string& thread_id,
                               const std::string& user_id) {
    db_.native().exec(
        "DELETE FROM conversations WHERE channel = ? AND chat_id = ? AND thread_id = ? AND user_id = ?",
        std::string(channel_name(chat.platform)), chat.chat_id, thread_id, user_id);
}

std::vector<conversation> conversation_store::in_other_topics(const chat_address& chat,
                                                              const std::string& user_id) {
    std::vector<conversation> out;
    // expires_at orders them by when they were asked among questions of one kind.
    auto& st = db_.native().query(
        "SELECT channel, chat_id, thread_id, user_id, kind, state, expires_at FROM conversations "
        "WHERE channel = ? AND chat_id = ? AND user_id = ? AND thread_id <> '' ORDER BY expires_at DESC",
        std::string(channel_name(chat.platform)), chat.chat_id, user_id);
    while (st.executeStep())
        out.push_back(read(st));
    return out;
}

std::vector<std::string> conversation_store::move_to_general(const chat_address& chat,
                                                             const std::string& thread_id) {
    std::vector<conversation> open;
    {
        auto& st = db_.native().query(
            "SELECT channel, chat_id, thread_id, user_id, kind, state, expires_at FROM conversations "
            "WHERE channel = ? AND chat_id = ? AND thread_id = ?",
            std::string(channel_name(chat.platform)), chat.chat_id, thread_id);
        while (st.executeStep())
            open.push_back(read(st));
    }
    std::vector<std::string> moved;
    for (auto& c : open) {
        erase(chat, thread_id, c.user_id);
        if (auto there = find(chat, "", c.user_id); there && there->expires_at > c.expires_at)
            continue;
        c.thread_id.clear();
        put(c);
        moved.push_back(c.user_id);
    }
    return moved;
}

void conversation_store::rekey_chat(const chat_address& old_chat, const std::string& new_chat_id) {
    // OR IGNORE: a question the same person already has open in the new chat was asked there,
    // after the upgrade, and stays.
    db_.native().exec("UPDATE OR IGNORE conversations SET chat_id = ? WHERE channel = ? AND chat_id = ?",
                      new_chat_id, std::string(channel_name(old_chat.platform)), old_chat.chat_id);
}

std::vector<conversation> conversation_store::take_expired(std::int64_t now) {
    std::vector<conversation> out;
    auto& st = db_.native().query("SELECT channel, chat_id, thread_id, user_id, kind, state, expires_at "
                                  "FROM conversations WHERE expires_at < ?",
                                  static_cast<std::int64_t>(now));
    while (st.executeStep())
        out.push_back(read(st));
    db_.native().exec("DELETE FROM conversations WHERE expires_at < ?", static_cast<std::int64_t>(now));
    return out;
}

} // namespace cnscd
