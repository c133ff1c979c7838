#pragma once

// A private /nhacnho (a team without a group): who asked and where, and the outcome of each
// message, so the one who asked hears who was not reached once every message has its outcome.

#include "messages/incoming.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace cnscd {

class database;

struct nudge_record {
    std::int64_t id = 0;
    std::int64_t team_id = 0;
    std::int64_t asked_by = 0; // the leader or staff member
    std::int64_t asked_at = 0;
    chat_address origin; // where they asked: the follow-up goes there
    chat_kind origin_type = chat_kind::private_chat;
    std::string origin_thread; // the forum topic, if any
};

// One private message of a nudge. `outcome` is empty while it is on its way, then "delivered",
// "gone" (blocked, left), "window" (the platform's window was closed) or the platform's error.
struct nudge_message {
    std::int64_t member_id = 0;
    chat_address to;
    std::string outcome;
};

class nudge_store {
public:
    explicit nudge_store(database& db) : db_(db) {}

    std::int64_t create(const nudge_record& n);
    std::optional<nudge_record> by_id(std::int64_t id);
    void add_message(std::int64_t nudge_id, std::int64_t member_id, const chat_address& to);
    std::vector<nudge_message> messages(std::int64_t nudge_id);

    // Records the outcome of the message to `to`; true when it was the nudge's last one still on
    // its way (a second report of the same message changes nothing and returns false).
    bool record_outcome(std::int64_t nudge_id, const chat_address& to, const std::string& outcome);

    // Forgets nudges asked before `before` (they name members' chats, like the outbox rows).
    int prune(std::int64_t before);

private:
    database& db_;
};

} // namespace cnscd
