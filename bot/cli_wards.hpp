#pragma once

// What the one-shot commands (export, export-roster, import-roster, add-staff) say on stderr
// about a ward name the database does not have.

#include "messages/catalog.hpp"

#include <string>

namespace cnscd {

class database;

// "Không có phường «X»": the wards there are and the nearest name, or that the database has no
// ward at all (often CNSCD_DB mistyped); `can_create`: how to make it (--new-ward).
void print_unknown_ward(language l, database& db, const std::string& name, bool can_create);

} // namespace cnscd
