#pragma once

// Chat text -> one typed command (command.hpp). Pure: no clock, no storage.

#include "messages/command.hpp"

#include <chrono>
#include <string>
#include <string_view>

namespace cnscd {

struct parse_context {
    std::string bot_username;            // without '@'; "/cmd@other" is for another bot
    std::chrono::year_month_day today{}; // local date, for "hôm qua" and "20/11"
    bool private_chat = true;            // plain words may be commands only in private chats
    bool explain = false;                // fill activity_details::unparsed (cnscd-bot parse)
};

command parse_command(std::string_view text, const parse_context& ctx);

// The canonical name of a parsed command ("tham"), or "" for plain text.
std::string_view command_name(const command& c);

// The details of a visit or help session (/tham, /buoi); nullptr for any other command.
activity_details* activity_of(command& c);

// "tuần"/"tuan"/"week" ... -> period; nullopt if the word is not a period.
std::optional<period_kind> parse_period(std::string_view word);

} // namespace cnscd
