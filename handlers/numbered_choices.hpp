#pragma once

// Choices where the platform has no buttons (Zalo, the console) show as a numbered list: typing
// the number must do what the button does. The dispatcher remembers the list of every answer it
// sends (dispatch.cpp); a question the bot asks on its own, outside an answer (a broadcast's
// delivery report), is remembered here the same way.

#include "messages/catalog.hpp"
#include "messages/outgoing.hpp"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace cnscd {

class database;

// Whether choices show as buttons there (only Telegram has them).
bool shows_buttons(channel c);

// A numbered question as the conversation store keeps it: each choice's button data in the
// order the list shows them, and its label, so an answer in words can name one.
struct numbered_list {
    std::vector<std::string> data;
    std::vector<std::string> labels; // empty for a list stored before labels were kept
};
std::string write_numbered_list(const numbered_list& l);
// Reads what write_numbered_list wrote, and the older plain array of button data; empty when
// the state is neither.
numbered_list read_numbered_list(std::string_view state);

// Remembers the choices of `o` for `user_id` in o's chat (forum topic `thread_id`) until
// `expires_at`, so their numbers answer them: the next list replaces it.
void remember_choices(database& db, const outgoing& o, const std::string& thread_id,
                      const std::string& user_id, std::int64_t expires_at);

// `o`, with choices and sent on the bot's own initiative, is a question to `user_id` in o's chat:
// without buttons it says to answer by number and is remembered for them, the latest list on
// their screen, unless they are answering a question in words there (a report's comment), which
// it must not cut off.
void ask_unprompted(database& db, outgoing& o, const std::string& user_id, language lang, std::int64_t now,
                    std::int64_t ttl_seconds);

} // namespace cnscd
