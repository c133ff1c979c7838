#pragma once

// Zalo Official Account (OA API v3) payloads <-> the platform-neutral model. Pure functions:
// no network, no wall clock (the caller passes `now`).

#include "bot/platform_client.hpp"
#include "messages/incoming.hpp"
#include "messages/outgoing.hpp"

#include <cstdint>
#include <expected>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cnscd::zalo_oa {

// ---------------------------------------------------------------- webhook signature

enum class signature_verdict {
    ok,
    missing,   // no X-ZEvent-Signature header
    repeated,  // the header more than once: a proxy or check further on might read the other
    bad_body,  // the body is not a JSON object with app_id and timestamp strings
    wrong_app, // app_id in the body is not ours
    mismatch,  // the MAC does not match
    stale,     // timestamp outside the replay window
};
std::string_view describe(signature_verdict v);

// hex(SHA-256(app_id + raw_body + timestamp + oa_secret_key)), lower case.
std::string compute_mac(std::string_view app_id, std::string_view raw_body, std::string_view timestamp,
                        std::string_view oa_secret_key);

struct signature_check {
    std::string_view app_id;        // ours (configured)
    std::string_view oa_secret_key; // the OA Secret Key, not the App Secret
    std::int64_t now_ms = 0;        // wall clock, unix milliseconds
    std::int64_t window_seconds = 300;
};

// Verifies `header` ("mac=<64 hex>" or bare hex) against the raw body, in constant time.
// The body's own app_id and timestamp are the ones signed.
signature_verdict verify(std::string_view header, std::string_view raw_body, const signature_check& check);

// ---------------------------------------------------------------- events

// What one webhook body means. `in` is empty for events the bot does not act on (echoes of
// its own messages, delivery receipts, stickers, unknown names): they are counted, not stored.
struct event {
    std::string name;
    std::optional<incoming> in;
};

// Fails only on a body that is not a JSON object with an event_name; the error says what.
std::expected<event, std::string> parse_event(std::string_view json_body);

// ---------------------------------------------------------------- sending

// One OA API call: path and JSON body.
struct api_call {
    std::string path; // "/v3.0/oa/message/cs" or "/v3.0/oa/group/message"
    std::string json_body;
};

// Zalo's limit on one text message, in characters.
constexpr std::size_t max_text_chars = 2000;

// The calls that deliver `message`: plain text (Zalo has no formatting), split at
// max_text_chars, choices appended as a numbered list (groups allow no buttons; the member
// answers with the number). Replies quote the user's message, which keeps them inside the
// free reply window. Empty for kinds Zalo has no equivalent of (acknowledging a button).
std::vector<api_call> api_calls_for(const outgoing& message);

// Why the document in `message` cannot reach Zalo (a file id of another platform), if so:
// its caption is still sent, and the delivery is then reported failed with this reason.
std::optional<std::string> undeliverable_file(const outgoing& message);

// A local file ("file:" + path) is uploaded first: images to /v2.0/oa/upload/image, other
// files to /v2.0/oa/upload/file (multipart, field "file"); the answer names what to send.
struct upload_plan {
    std::string path; // the upload endpoint
    std::string local_path;
    std::string file_name;
    bool image = false;
};
std::optional<upload_plan> upload_for(const outgoing& message);
// The call that sends the uploaded file, from the upload's (successful) answer.
std::expected<api_call, std::string> attachment_call(const outgoing& message, const upload_plan& plan,
                                                     std::string_view upload_answer);

// Renders choices as "1. label" lines, numbered in reading order.
std::string numbered_choices(const outgoing& message);

// What an OA answer means for delivery.
enum class answer_kind {
    sent,
    retry,     // transient: network, 5xx, -32 and -100
    curfew,    // -234: no messages 22:00-06:00 local; try again at 06:00
    window,    // -230/-232: outside the interaction window; nothing to do but report it
    gone,      // -213: the user does not follow the OA (or blocked it)
    token,     // the access token is invalid or expired: refresh, then retry
    permanent, // everything else
};

struct api_answer {
    answer_kind kind = answer_kind::sent;
    int error = 0;
    std::string message;
    std::string message_id;
};
api_answer read_answer(int http_status, std::string_view body);

// Zalo's error codes that mean "the access token is no good".
bool is_token_error(int error);

// A night-curfew answer (-234) while our clock says it is day: the clocks disagree, so the
// message is tried again this much later (then, in the night, at 06:00).
constexpr std::int64_t curfew_skew_seconds = 300;

// The next 06:00 local time strictly after `now` (unix seconds), for the night curfew.
std::int64_t next_morning(std::int64_t now, int utc_offset_minutes, int hour = 6);

// Turns an answer into what the outbox sender should do (token errors become retries: the
// client refreshes before handing them over).
delivery_result to_delivery(const api_answer& a, std::int64_t now, int utc_offset_minutes);

} // namespace cnscd::zalo_oa
