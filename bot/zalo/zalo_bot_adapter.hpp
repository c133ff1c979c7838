#pragma once

// Zalo Bot Platform (a Telegram-like Bot API) payloads <-> the platform-neutral model.
// Pure functions: no network.

#include "bot/platform_client.hpp"
#include "messages/incoming.hpp"
#include "messages/outgoing.hpp"

#include <expected>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cnscd::zalo_bot {

// What one update means. `in` is empty for events the bot does not act on (stickers,
// unsupported content, unknown names): they are counted, not stored.
struct update {
    std::string event_name;
    std::optional<incoming> in;
};

// Reads a webhook body or a getUpdates result, wrapped in {"ok":true,"result":...} or not.
// Fails only on a body that is not a JSON object with an event_name; the error says what.
std::expected<update, std::string> parse_update(std::string_view json_body);

// One Bot API call: method name and JSON body.
struct api_call {
    std::string method;
    std::string json_body;
};

// Zalo's limit on one text message.
constexpr std::size_t max_text_chars = 2000;

// The calls that deliver `message`: plain text split at max_text_chars, choices as a numbered
// list (the member answers with the number). Empty for a button acknowledgement.
std::vector<api_call> api_calls_for(const outgoing& message);

// Why the document in `message` cannot be sent (a local file: the platform has no upload; a
// file id of another platform), if so: its caption is still sent, and the delivery is then
// reported failed with this reason.
std::optional<std::string> undeliverable_file(const outgoing& message);

// sendChatAction "typing" for a chat.
api_call typing(const std::string& chat_id);

struct api_answer {
    bool ok = false;
    int error_code = 0;
    std::string description;
    std::string message_id;
};
api_answer read_answer(int http_status, std::string_view body);

// What an answer (or a transport failure, when `transport_error` is not empty) means for
// the outbox sender.
delivery_result to_delivery(const api_answer& a, const std::string& transport_error);

} // namespace cnscd::zalo_bot
