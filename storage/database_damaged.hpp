#pragma once

// The database file found damaged at open (database_options::check_integrity): unlike a lock or
// a full disk, starting again cannot help, only a restored backup does.

#include "storage/database.hpp"

namespace cnscd {

struct database_damaged : database_error {
    using database_error::database_error;
};

} // namespace cnscd
