#pragma once

// The Zalo OA token pair. The refresh token is single-use: each refresh returns a new pair
// that must be stored before the old one is forgotten, and a refresh interrupted by a crash
// must be noticed (refresh_started_at) so the operator can be told to re-authorise.

#include <cstdint>
#include <optional>
#include <string>

namespace cnscd {

class database;

struct zalo_token_pair {
    std::string access_token;
    std::string refresh_token;
    std::int64_t expires_at = 0;         // unix seconds; 0 = unknown
    std::int64_t updated_at = 0;         // when this pair was stored
    std::int64_t refresh_started_at = 0; // a refresh call began then and its result is not stored
};

class zalo_token_store {
public:
    explicit zalo_token_store(database& db) : db_(db) {}

    std::optional<zalo_token_pair> get();
    // Stores a new pair and clears the "refresh in progress" mark.
    void put(const std::string& access_token, const std::string& refresh_token, std::int64_t expires_at,
             std::int64_t now);
    // Records, before the call, that the stored refresh token is about to be spent.
    void mark_refresh_started(std::int64_t now);
    // The refresh was refused without spending the token (e.g. a network error).
    void clear_refresh_started();

private:
    database& db_;
};

} // namespace cnscd
