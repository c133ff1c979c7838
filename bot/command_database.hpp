#pragma once

// Opening the database the way `serve` and the one-shot commands (chat, the roster and report
// commands) do: an older file is upgraded, and the upgrade is said.

#include "config/config.hpp"
#include "storage/database.hpp"

#include <functional>
#include <memory>
#include <string>

namespace cnscd {

// Opens the database at `path` and, if it is older, upgrades it, telling `say` which migrations
// ran and the version change: the previous release refuses an upgraded file, so an upgrade
// must not go unnoticed. A new file is created without a word. Throws database_error.
std::unique_ptr<database> open_upgraded(const std::string& path, database_options options,
                                        const std::function<void(const std::string&)>& say);

// Throws when the file needs an upgrade while a serve (of the older release) runs on it: the
// upgrade would change the tables under that serve. Nothing is changed then.
void refuse_upgrade_under_serve(const std::string& path);

// Whether a one-shot command may begin a new database. Only the commands that set a ward up
// (importing its roster, adding its staff, the console) may: an export or a reminder run with
// CNSCD_DB mistyped would otherwise leave an empty file behind and answer "no such ward".
enum class missing_database { create, refuse };

// The exit code of serve, migrate and the one-shot commands for a file only the operator can
// fix (a restore): the systemd unit does not restart the service on it.
inline constexpr int exit_database_damaged = 4;

// The database for a one-shot command, or the exit code and, already said on stderr after
// "`command`: ", why not: 4 for a damaged file or a missing one with its rescued copy beside it
// (only the operator can fix those, as for serve), 1 otherwise. The file is checked as serve
// checks it (storage.check_on_start), so no command writes into a damaged file or exports
// from one.
struct command_database {
    std::unique_ptr<database> db;
    int exit_code = 0;
};
command_database open_for_command(const config& cfg, const std::string& command, missing_database missing);

} // namespace cnscd
