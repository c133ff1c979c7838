#pragma once

// The example a "needs more information" answer shows, in the reader's language. The parser
// writes the Vietnamese one (it is also what `cnscd-bot parse` prints); English readers get the
// same command with its English name and English words.

#include "messages/catalog.hpp"

#include <string>
#include <string_view>

namespace cnscd {

std::string command_example(language lang, std::string_view command, std::string_view vietnamese);

} // namespace cnscd
