#pragma once

// A copy of a database whose file was deleted under the running bot. The open connection still
// reads the nameless file, which then holds the only copy of everything since the last backup:
// a restart would open an empty database at the path and it would all be gone.

#include <cstdint>
#include <expected>
#include <optional>
#include <string>

namespace cnscd {

class database;

// `<db_path>.rescued-YYYYMMDD-HHMMSS`, the UTC time of `now` (seconds since the epoch).
std::string rescue_file_name(const std::string& db_path, std::int64_t now);

// Whether `path` is named as such a copy (`restore --from` says what it holds).
bool is_rescued_copy(const std::string& path);

// Writes a consistent copy of `db` (SQLite's online backup from its open connection) next to
// its path, under rescue_file_name(), or with "-2", "-3"... appended when that name is taken:
// an existing file is never written over. Checks the copy (quick_check) before naming it.
// Returns the copy's path, or what went wrong (the folder gone or not writable, the disk full),
// in words for the operator's log; nothing is left behind then.
std::expected<std::string, std::string> rescue_database(database& db, std::int64_t now);

// What the operator does when the bot's file was deleted: with `rescued_to` set, where the copy
// is and the commands that put it back; with `rescue_error`, why no copy could be written and
// that the bot must keep running meanwhile.
std::string rescue_advice(const std::string& db_path, const std::string& rescued_to,
                          const std::string& rescue_error);

// The newest rescued copy lying beside `db_path` when `db_path` itself is missing: the bot was
// restarted after its file was deleted, and starting would begin an empty database there.
std::optional<std::string> rescued_copy_of_missing(const std::string& db_path);

// Why `serve` or a command refuses to start on such a path, and the fix: `then` is what to do
// once the copy is back ("start the bot", "run this command again").
std::string rescued_copy_refusal(const std::string& db_path, const std::string& copy,
                                 const std::string& then);

} // namespace cnscd
