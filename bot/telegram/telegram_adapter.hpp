#pragma once

// Telegram Bot API payloads <-> the platform-neutral model. Pure functions: no network.

#include "messages/incoming.hpp"
#include "messages/outgoing.hpp"

#include <expected>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cnscd::telegram {

// Reads one Update (webhook body or one element of getUpdates). Unknown update types
// become incoming_kind::other (recorded, then ignored). Fails only on a body that is not
// a JSON object with an integer update_id; the error says what is wrong.
std::expected<incoming, std::string> parse_update(std::string_view json_body, std::string_view bot_username);
// The same, always through a JSON document. parse_update uses it for every update that is not
// a plain text message; tests compare the two.
std::expected<incoming, std::string> parse_document(std::string_view json_body,
                                                    std::string_view bot_username);

// One Bot API call: method name and JSON body.
struct api_call {
    std::string method;
    std::string json_body;
    // For uploads of local files: the path; the call is then multipart/form-data.
    std::string upload_path;
    std::string upload_field;
};

// The calls that deliver `message` (long texts are split into several sendMessage calls).
// `edit_ref` is the message id to edit for outgoing_kind::edit.
std::vector<api_call> api_calls_for(const outgoing& message, const std::string& edit_ref);

// What a Bot API answer means for delivery.
struct api_answer {
    bool ok = false;
    int error_code = 0;
    std::string description;
    std::int64_t retry_after = 0;
    std::string migrate_to_chat_id;
    std::string message_id; // from result.message_id, when present
};
api_answer read_answer(int http_status, std::string_view body);
// Telegram refused the bot token itself (401; 404 for a malformed one): no retry will help, and
// `token_fix` says what the operator does.
inline bool token_refused(int code) {
    return code == 401 || code == 404;
}
inline constexpr std::string_view token_fix =
    "copy the token from @BotFather (/mybots, API Token) into TELEGRAM_BOT_TOKEN";
// The two ways read_answer reads: the answer to a successful send without building a document
// (nothing when the body is anything else), and the document reader for every answer.
std::optional<api_answer> read_sent_answer(std::string_view body);
api_answer read_answer_document(int http_status, std::string_view body);

// " as @ToCNSBot" for the start log, or nothing when the username is unknown: the operator
// checks that the token is the right bot's, in either mode.
inline std::string as_username(std::string_view name) {
    if (name.starts_with('@'))
        name.remove_prefix(1);
    return name.empty() ? std::string() : " as @" + std::string(name);
}

// Telegram's limit on one message's text (characters after entity parsing).
constexpr std::size_t max_text_chars = 4096;

} // namespace cnscd::telegram
