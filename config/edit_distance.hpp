#pragma once

// How many single-byte edits turn one word into another (Levenshtein): what someone typed
// against the words they may have meant, for "did you mean" answers (config keys, commands).

#include <cstddef>
#include <string_view>

namespace cnscd {

std::size_t edit_distance(std::string_view a, std::string_view b);

} // namespace cnscd
