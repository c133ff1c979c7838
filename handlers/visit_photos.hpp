#pragma once

// Photos and files kept as evidence of a visit or session (/anh, or a /tham sent as a photo's
// caption), and who may see them again.

#include "handlers/context.hpp"

#include <cstdint>

namespace cnscd {

// At most this many photos or files per record.
constexpr int max_photos_per_record = 10;
// Photos of one album arrive within seconds of each other; parts waiting for their album's
// captioned part are dropped after this.
constexpr std::int64_t album_seconds = 600;

// The message carries a photo or file that can be kept as evidence.
bool carries_evidence(const incoming& in);
// Keeps the message's photo or file for record `visit_id`, with the parts of its album that came
// before it; false when the record is full.
bool keep_evidence(handler_context& ctx, std::int64_t visit_id);
// A photo sent with no command: with the rest of its album if an earlier part went to a record;
// privately, for the member's latest record when that was logged within the hour, else a hint.
// An album part that no record claims yet waits for its captioned part. False when the message
// is not such a photo (a lone photo in a group).
bool on_loose_photo(handler_context& ctx);

} // namespace cnscd
