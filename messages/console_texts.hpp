#pragma once

// What `cnscd-bot chat` itself says around the bot's replies: the greeting, the prompt, the
// console's group chat and how its messages are marked.

#include "messages/catalog.hpp"

namespace cnscd {

enum class console_text {
    greeting_member, // {name} {role}
    greeting_member_not_linked,
    greeting_guest,
    guest_name, // the name the bot calls someone trying it without --as
    usage,
    prompt_private,
    prompt_group,
    in_group, // {title}
    in_private,
    group_guest,
    group_team, // {team}
    group_ward, // {ward}
    team_unnamed,
    ward_unnamed,
    bot_says,
    bot_edits,
    sent_elsewhere, // {chat}
    attachment,     // {file} {ref}
    count_
};

std::string_view template_of(language lang, console_text key);

} // namespace cnscd
