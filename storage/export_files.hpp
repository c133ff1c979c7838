#pragma once

// Where /xuat writes the files it sends (an "exports" folder next to the database), and
// their clean-up: a file is needed only until the platform has it.

#include <cstdint>
#include <string>

namespace cnscd {

std::string exports_dir(const std::string& db_path);
// Removes export files last written before `before` (unix seconds); returns how many.
int prune_exports(const std::string& db_path, std::int64_t before);

} // namespace cnscd
