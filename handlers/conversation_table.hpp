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

struct choice_route {
    std::string_view prefix;
    choice_fn fn;
};

struct conversation_route {
    std::string_view kind;
    reply_fn fn;
};

std::span<const choice_route> choice_routes();
std::span<const conversation_route> conversation_routes();

} // namespace cnscd
