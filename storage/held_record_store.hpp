#pragma once

// Visits a person sent privately before their account was linked: kept for a short while so
// that linking right after records them, instead of asking the member to type them again.
// They hold residents' addresses from someone not yet known, so they expire quickly.
// Also a linked member's visit written without its command, until they tap to log it
// (handlers/visit_offer.cpp): one at a time, for as long as a question stays open.

#include "messages/incoming.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace cnscd {

class database;

struct held_record {
    std::string text;               // the message as written ("/tham số 5 ngõ 3, ...")
    std::int64_t written_at = 0;    // its day is the record's day unless the text names one
    std::optional<attachment> file; // the photo it was the caption of
};

class held_record_store {
public:
    explicit held_record_store(database& db) : db_(db) {}

    // Keeps the message unless this account already has `limit` waiting; false when not kept.
    bool hold(channel platform, const std::string& user_id, const std::string& text,
              const std::optional<attachment>& file, std::int64_t now, std::int64_t expires_at, int limit);
    // Removes and returns the account's messages still valid at `now`, oldest first.
    std::vector<held_record> take(channel platform, const std::string& user_id, std::int64_t now);
    // Drops what expired before `now`; returns how many.
    int purge(std::int64_t now);

private:
    database& db_;
};

} // namespace cnscd
