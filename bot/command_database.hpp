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

// The same for a one-shot command, saying it on stderr; refused as above.
std::unique_ptr<database> open_for_command(const config& cfg);

} // namespace cnscd
