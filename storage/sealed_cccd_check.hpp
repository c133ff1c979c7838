#pragma once

// Whether the data key opens the citizen ID numbers (CCCD) stored sealed. A bot moved to a new
// machine with a newly made key (or none) reads none of them, and nothing else says so: an
// export shows them masked, and a roster import would seal the file's CCCDs under the new key
// beside the old ones, so that neither key opens them all.

#include <cstdint>

namespace cnscd {

class database;
class personal_data;

struct sealed_cccd_check {
    std::int64_t sealed = 0;     // CCCDs stored sealed
    std::int64_t unreadable = 0; // of them, those the key does not open (all of them without a key)
};

sealed_cccd_check check_sealed_cccds(database& db, const personal_data& crypto);

} // namespace cnscd
