#pragma once

// The database as a one-shot command (chat, the roster and report commands) opens it.

#include "config/config.hpp"
#include "storage/database.hpp"

#include <memory>

namespace cnscd {

// Opens and, if it is older, upgrades the database, saying on stderr which migrations ran: the
// previous release refuses an upgraded file, so an upgrade must not go unnoticed. A new file is
// created without a word. Throws database_error.
std::unique_ptr<database> open_for_command(const config& cfg);

} // namespace cnscd
