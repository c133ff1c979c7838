#pragma once

// Platform update keys already handled. Recording a key and doing the update's work happen
// in the same transaction, so a redelivered update is recognised and produces nothing.

#include "messages/incoming.hpp"

#include <cstdint>
#include <string_view>

namespace cnscd {

class database;

class update_log {
public:
    explicit update_log(database& db) : db_(db) {}

    // Records the key; returns false if it was already recorded (a duplicate delivery).
    bool record(channel platform, std::string_view key, std::int64_t now);
    bool contains(channel platform, std::string_view key);
    // Forgets keys older than `before` (platforms stop redelivering after a day or so).
    int prune(std::int64_t before);

private:
    database& db_;
};

} // namespace cnscd
