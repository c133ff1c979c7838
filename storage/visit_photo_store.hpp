#pragma once

// Photos and files a member attaches to a visit or session as evidence: wards pay teams from
// their reports, so the reports are audited. Only the platform's reference is kept (a file id
// or URL), never the picture itself.

#include "messages/incoming.hpp"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace cnscd {

class database;
struct day_range;

struct visit_photo {
    std::int64_t visit_id = 0;
    channel platform = channel::telegram; // a Telegram file id can only be sent on Telegram
    attachment file;
    std::string album; // incoming::album
    std::int64_t added_by = 0;
    std::int64_t added_at = 0;
};

class visit_photo_store {
public:
    explicit visit_photo_store(database& db) : db_(db) {}

    void add(const visit_photo& p);
    std::vector<visit_photo> of_visit(std::int64_t visit_id);
    int count_of(std::int64_t visit_id);
    // The record an earlier photo of the same album from this member went to, since `since`.
    std::optional<std::int64_t> visit_of_album(std::int64_t member_id, const std::string& album,
                                               std::int64_t since);
    // Album parts that came before the part saying which record they belong to (deliveries can
    // overtake each other). Holding one also drops what was held before `drop_before`. Returns
    // how many of the album are now held.
    int hold_album_part(std::int64_t member_id, const std::string& album, channel platform,
                        const attachment& file, std::int64_t now, std::int64_t drop_before);
    // Drops the album parts held since before `before`.
    void drop_album_parts(std::int64_t before);
    // Removes this member's held parts of `album` and returns up to `limit` of those held since
    // `since`, oldest first.
    std::vector<visit_photo> take_album_parts(std::int64_t member_id, const std::string& album,
                                              std::int64_t since, int limit);
    // Moves up to `limit` of this member's photos of `album` added since `since` from other records
    // to `visit_id`, keeping the evidence totals right; returns how many moved.
    int move_album(std::int64_t member_id, const std::string& album, std::int64_t since,
                   std::int64_t visit_id, int limit);
    // How many each record of the ward in `range` has (records without any are left out).
    std::map<std::int64_t, int> counts_in_ward(std::int64_t ward_id, const day_range& range);

private:
    database& db_;
};

} // namespace cnscd
