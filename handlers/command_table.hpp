#pragma once

// Who may run each command and where: one row per command, checked by the dispatcher
// before any handler runs. A refused command gets a polite reason and changes nothing.

#include "handlers/role.hpp"

#include <optional>
#include <span>
#include <string_view>

namespace cnscd {

enum class chat_rule { anywhere, group_only, private_only };

struct command_rule {
    std::string_view name; // canonical (command_names.hpp)
    role_set allowed;
    chat_rule where = chat_rule::anywhere;
    bool needs_link = true; // unlinked users get onboarding help instead
    // ... except in a private chat (/ngonngu: someone not on a roster yet may read English).
    bool unlinked_in_private = false;
};

std::span<const command_rule> command_table();
const command_rule* find_rule(std::string_view name);

} // namespace cnscd
