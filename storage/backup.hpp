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

struct restore_result {
    int schema_version = 0; // of the backup put in place
    std::string set_aside;  // where the replaced database went ("" when there was none)
};

// Puts the backup `from` in place of the database `target`, with the bot stopped. The replaced
// file goes aside together with its -wal and -shm: a log left by a crashed bot would otherwise
// be replayed onto the backup, mixing in later writes or damaging it. Refuses a damaged backup
// and a database still open in another process. Throws database_error saying what to do.
restore_result restore_database(const std::string& from, const std::string& target, std::int64_t now);

} // namespace cnscd
