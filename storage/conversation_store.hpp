#pragma once

// Open questions: the bot asked this user something in this chat (and forum topic) and waits
// for a button, a typed number or a text reply. A question asked in one topic of a Telegram
// group is answered in that topic only: a "2" typed in another topic is that topic's chatter.

#include "messages/incoming.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace cnscd {

class database;

struct conversation {
    chat_address chat;
    std::string thread_id; // the forum topic it was asked in; "" outside topics and in "General"
    std::string user_id;
    std::string kind;  // "choice" (numbered choices) or a handler's kind
    std::string state; // JSON owned by the handler
    std::int64_t expires_at = 0;
};

class conversation_store {
public:
    explicit conversation_store(database& db) : db_(db) {}

    std::optional<conversation> find(const chat_address& chat, const std::string& thread_id,
                                     const std::string& user_id);
    void put(const conversation& c);
    void erase(const chat_address& chat, const std::string& thread_id, const std::string& user_id);
    // The person's questions open in this chat's other topics (not in "General"), the latest first.
    std::vector<conversation> in_other_topics(const chat_address& chat, const std::string& user_id);
    // A forum topic was closed: its questions are answered in "General" from now on. Where the
    // person already has one open there, the later of the two stays. Returns whose were moved.
    std::vector<std::string> move_to_general(const chat_address& chat, const std::string& thread_id);
    // A group became a supergroup: questions open there are answered in the new chat.
    void rekey_chat(const chat_address& old_chat, const std::string& new_chat_id);
    // Removes and returns conversations that expired before `now`.
    std::vector<conversation> take_expired(std::int64_t now);

private:
    database& db_;
};

} // namespace cnscd
