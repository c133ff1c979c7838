#pragma once

// Where button presses and replies to a bot's question go. A button's data is
// "<prefix>:<rest>" and reaches the route with that prefix; a plain message from a user with
// an open conversation reaches the route of the conversation's kind.

#include "handlers/context.hpp"

#include <span>
#include <string>
#include <string_view>

namespace cnscd {

using choice_fn = void (*)(std::string_view data, handler_context& ctx);
using reply_fn = void (*)(std::string_view text, const std::string& state_json, handler_context& ctx);
// A choice typed in words instead of its number: the button data it names, or "". `first` is
// the data of the question's first choice.
using choice_in_words_fn = std::string (*)(std::string_view first, std::string_view text);

struct choice_route {
    std::string_view prefix;
    choice_fn fn;
    choice_in_words_fn in_words = nullptr;
};

struct conversation_route {
    std::string_view kind;
    reply_fn fn;
};

std::span<const choice_route> choice_routes();
std::span<const conversation_route> conversation_routes();

} // namespace cnscd
