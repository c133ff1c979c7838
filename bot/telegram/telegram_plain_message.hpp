#pragma once

// Private to the Telegram adapter: the fast reader for the common update (a text message).

#include "messages/incoming.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cnscd::telegram {

// A message entity as far as "/cmd@bot" needs it; absent fields stay empty.
struct command_entity {
    std::optional<std::string> type;
    std::optional<std::int64_t> offset;
    std::size_t length = 0;
};

// The accounts Telegram shows as `from` when no person can be named: an admin posting
// anonymously (@GroupAnonymousBot), someone posting as a channel (@Channel_Bot), and a linked
// channel's post forwarded into its discussion group (the "Telegram" service account).
inline constexpr std::int64_t group_anonymous_bot = 1087968824;
inline constexpr std::int64_t channel_bot = 136817688;
inline constexpr std::int64_t telegram_service = 777000;
bool is_stand_in_sender(std::int64_t user_id);

// Telegram usernames compare without regard to (ASCII) case.
bool same_username(std::string_view a, std::string_view b);

// "/cmd@other_bot args": true when the bot_command entity at offset 0 names another bot.
bool command_for_other_bot(const std::string& text, const std::vector<command_entity>& entities,
                           std::string_view bot_username);

// The update when it is a plain text message ("message" with chat, sender, date, text and
// entities, each of the documented type), read without building a JSON document. Nothing
// otherwise, and the caller reads it in full (parse_document): the two give the same result.
std::optional<incoming> read_plain_message(std::string_view body, std::string_view bot_username);

} // namespace cnscd::telegram
