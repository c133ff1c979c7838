#pragma once

// What the bot says to an answer typed under a numbered list (platforms without buttons) that
// names no choice, or several.

#include "messages/catalog.hpp"

namespace cnscd {

enum class choice_text {
    unmatched, // {answer} {max} {example}
    several,   // {answer} {numbers}
    count_
};

std::string_view template_of(language lang, choice_text key);

} // namespace cnscd
