#pragma once

// One-time invite codes a leader creates for a member (/moi), redeemed in a private chat
// (/ma <code> or /start <code>) to link that chat account to the member.

#include "messages/incoming.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace cnscd {

class database;

struct invite {
    std::string code;
    std::int64_t member_id = 0;
    std::int64_t expires_at = 0;
    std::optional<std::int64_t> used_at;
    std::string used_by;
    // A newer code for the same member ended this one before its time (/moi again).
    bool replaced = false;
};

// How long a leader's invite code stays valid.
constexpr std::int64_t invite_lifetime_seconds = 7 * 86400;

class invite_store {
public:
    explicit invite_store(database& db) : db_(db) {}

    // A fresh code (8 characters, no look-alike letters), valid until now + ttl.
    invite create(std::int64_t member_id, std::optional<std::int64_t> created_by, std::int64_t now,
                  std::int64_t ttl_seconds);
    // Codes are matched without regard to case, spaces or dashes.
    std::optional<invite> find(const std::string& code);
    void mark_used(const std::string& code, channel platform, const std::string& user_id, std::int64_t now);
    // Ends the member's codes not used and not expired yet (they expire at `now`) and returns
    // them: a new code replaces them, so a leftover one cannot link a stranger later.
    std::vector<std::string> expire_open_of(std::int64_t member_id, std::int64_t now);

    // "ab-cd 2345" -> "ABCD2345"
    static std::string normalize(const std::string& code);

private:
    database& db_;
};

} // namespace cnscd
