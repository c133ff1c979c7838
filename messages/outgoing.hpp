#pragma once

// What handlers ask to send. Platform clients turn it into API calls: choices become inline
// buttons where the platform has them and a numbered list where it does not.
// `text` is "HTML-lite": plain UTF-8 with only <b>, <i> and <code> tags; anything taken from
// users must be escaped with markup::escape before it goes in.

#include "messages/incoming.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace cnscd {

// Interactive replies always leave before bulk (broadcasts, reminders).
enum class lane { interactive = 0, bulk = 1 };

struct choice_button {
    std::string label;
    std::string data; // at most 64 bytes (Telegram's callback_data limit)
};

enum class outgoing_kind {
    text,          // a new message
    edit,          // replace the text (and choices) of an earlier bot message
    answer_choice, // acknowledge a button press (stops the client's spinner)
    document,      // send a file
};

struct outgoing {
    outgoing_kind kind = outgoing_kind::text;
    chat_address to;
    chat_kind chat_type = chat_kind::private_chat;
    // The forum topic in `to` (incoming::thread_id); empty for the chat itself / "General".
    std::string thread_id;
    lane priority = lane::interactive;
    std::string text;
    std::vector<std::vector<choice_button>> choices;
    std::string contact_button;         // private chats: a "share my phone number" button with this label
    std::string reply_to;               // platform message id to quote
    std::string edit_message_ref;       // edit: the platform message id, when known
    std::int64_t edit_outbox_id = 0;    // edit: or the message that outbox row sent
    std::string choice_ref;             // answer_choice: the button press id
    std::optional<attachment> document; // file_ref: platform file id, URL or "file:" + local path
    std::int64_t not_before = 0;        // unix seconds; 0 = now
    std::int64_t campaign_id = 0;       // broadcast this delivery belongs to, 0 = none
    std::int64_t nudge_id = 0;          // private /nhacnho this reminder belongs to, 0 = none
    // Messages with the same non-empty merge key to the same chat may be joined into one
    // when the chat's rate limit would otherwise hold them back (visit confirmations).
    std::string merge_key;
};

// Builders for the common cases.
outgoing reply_text(const incoming& in, std::string text);
outgoing text_to(chat_address to, chat_kind type, std::string text, lane priority = lane::interactive);

} // namespace cnscd
