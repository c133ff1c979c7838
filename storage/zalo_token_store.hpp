#pragma once

// The Zalo OA token pair. The refresh token is single-use: each refresh returns a new pair
// that must be stored before the old one is forgotten, and a refresh interrupted by a crash
// must be noticed (refresh_started_at) so the operator can be told to re-authorise.
// With a data key (CNSCD_DATA_KEY) both tokens are sealed at rest like CCCDs: a copy of the
// database file does not let anyone speak as the Official Account.

#include "storage/personal_data.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

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
    // `data_key`: hex, as in config::data_key; empty = tokens stored as they are.
    explicit zalo_token_store(database& db, std::string_view data_key = {}) : db_(db), sealer_(data_key) {}

    // Throws database_error, saying what to do, when the stored tokens are sealed and this
    // store has no key or another one. Tokens stored before a key was set are read as they
    // are (and sealed at the next put).
    std::optional<zalo_token_pair> get();
    // Stores a new pair and clears the "refresh in progress" mark.
    void put(const std::string& access_token, const std::string& refresh_token, std::int64_t expires_at,
             std::int64_t now);
    // Records, before the call, that the stored refresh token is about to be spent.
    void mark_refresh_started(std::int64_t now);
    // The refresh was refused without spending the token (e.g. a network error).
    void clear_refresh_started();

private:
    std::string seal(const std::string& token) const;
    std::string open(const std::string& stored) const;
    database& db_;
    personal_data sealer_;
};

} // namespace cnscd
