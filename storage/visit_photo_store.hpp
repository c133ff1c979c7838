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
    // How many each record of the ward in `range` has (records without any are left out).
    std::map<std::int64_t, int> counts_in_ward(std::int64_t ward_id, const day_range& range);

private:
    database& db_;
};

} // namespace cnscd
