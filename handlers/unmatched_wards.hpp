#pragma once

// A ward's settings in the config file (`wards[].name`) apply only to the ward of exactly that
// name in the database. A name that matches none leaves its deadlines and targets unused while
// the operator believes they apply: `serve` warns at start with these lines.

#include "config/config.hpp"

#include <string>
#include <vector>

namespace cnscd {

class database;

// One line per `wards[i]` entry whose name is no ward in the database: the key, the name, the
// wards there are (and the nearest) and how to fix it. Empty when the database has no ward yet
// (the first start says to import the roster) or every entry matches.
std::vector<std::string> unmatched_config_wards(database& db, const config& cfg);

} // namespace cnscd
