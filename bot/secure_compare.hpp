#pragma once

#include <string_view>

namespace cnscd {

// Compares secrets in time that does not depend on where they differ.
bool secure_equals(std::string_view a, std::string_view b);

} // namespace cnscd
