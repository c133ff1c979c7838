#pragma once

// The commands a chat app offers in its menu (Telegram's "/" list), with one short line each:
// what a member needs every day, in private chats and in groups, in each language.

#include "messages/catalog.hpp"

#include <string_view>
#include <vector>

namespace cnscd {

struct menu_entry {
    std::string_view command; // as typed, without "/": the language's own name for it
    std::string_view description;
};

std::vector<menu_entry> command_menu(language lang, bool group_chats);

} // namespace cnscd
