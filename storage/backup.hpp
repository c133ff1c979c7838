#pragma once

// A copy of the live database file, safe while `cnscd-bot serve` writes to it.

#include <cstdint>
#include <string>

namespace cnscd {

struct backup_result {
    std::int64_t bytes = 0;
    int schema_version = 0;
};

// Copies the SQLite file `source` to `target` with SQLite's online backup API: one consistent
// snapshot (a read transaction), while the bot goes on writing (WAL). The copy is written next
// to `target`, checked (quick_check) and only then renamed over it, so a failed backup never
// leaves a half file under the target's name. Throws database_error saying what to do.
backup_result backup_database(const std::string& source, const std::string& target);

} // namespace cnscd
