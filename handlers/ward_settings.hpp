#pragma once

// A ward's settings in the config file (`wards[].name`) apply to the ward of that name in the
// database, accents, case and spacing aside, as `import-roster --ward` finds it. A name that
// matches none leaves its deadlines and targets unused while the operator believes they apply:
// `serve` warns at start with these lines.

#include "config/config.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace cnscd {

class database;

// The config's settings for the ward named `ward_name` in the database: the entry of exactly
// that name, else the first whose name differs only in accents, case or spacing; nullptr when
// none (the ward gets the defaults).
const ward_config* ward_settings(const config& cfg, std::string_view ward_name);

// One line per `wards[i]` entry that applies to no ward in the database: the key, the name, the
// wards there are (and the nearest) and how to fix it. Empty when the database has no ward yet
// (the first start says to import the roster) or every entry matches.
std::vector<std::string> unmatched_config_wards(database& db, const config& cfg);

} // namespace cnscd
