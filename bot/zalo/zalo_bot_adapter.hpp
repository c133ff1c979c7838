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

// The platform refuses the bot token: nothing is received or sent until the operator puts the
// right one in place. Zalo's own documentation is not at hand; the platform follows Telegram's
// Bot API, whose answer to a wrong token is 401 Unauthorized (404 Not Found for one of the wrong
// shape), and the project's fake answers the same.
inline bool token_refused(int code) {
    return code == 401 || code == 404;
}
inline constexpr std::string_view token_fix =
    "copy the bot's token from the Zalo Bot Creator (the Zalo mini app where the bot was made) into "
    "ZALO_BOT_TOKEN";

// What the operator is told when getUpdates keeps failing: why, and what to do. `http_status` is
// 0 when no HTTP answer came (refused connection, timeout).
std::string polling_fix(int http_status, const api_answer& a);

// What an answer (or a transport failure, when `transport_error` is not empty) means for
// the outbox sender.
delivery_result to_delivery(const api_answer& a, const std::string& transport_error);

} // namespace cnscd::zalo_bot
