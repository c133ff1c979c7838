#pragma once

// A platform's sending side, as the outbox sender sees it: deliver one message and say what
// happened in terms the sender can act on.

#include "config/config.hpp"
#include "messages/outgoing.hpp"

#include <cstdint>
#include <functional>
#include <string>

namespace cnscd {

struct delivery_result {
    enum class outcome {
        sent,          // done; message_ref is the platform's id of the message
        retry,         // transient (network, 5xx): try again with backoff
        rate_limited,  // 429: wait retry_after_seconds before sending to this chat again
        reschedule,    // not now (Zalo's night curfew): try at not_before
        chat_gone,     // the bot was blocked/kicked or the chat does not exist: stop sending there
        chat_migrated, // the group became a supergroup: resend to new_chat_id
        permanent,     // the platform refused this message for good
    };
    outcome what = outcome::sent;
    std::string message_ref;
    std::int64_t retry_after_seconds = 0;
    std::int64_t not_before = 0;
    std::string new_chat_id;
    std::string error; // the platform's description, for logs and delivery reports
    // With `permanent`: the platform takes no message for that person now, because they have
    // not written to the bot within its window (Zalo OA: 7 days).
    bool outside_window = false;
    // With `retry`: the platform refuses the bot itself (a wrong token), not this message. It is
    // kept and retried with backoff until the operator fixes it, never given up; the client
    // logs the cause once, so the sender does not repeat it for every message.
    bool bot_refused = false;
};

class platform_client {
public:
    virtual ~platform_client() = default;
    virtual channel platform() const = 0;
    virtual const rate_limits& limits() const = 0;
    virtual const quiet_hours& quiet() const = 0;
    // `edit_ref` is the platform id of the message to edit (for outgoing_kind::edit).
    virtual void deliver(const outgoing& message, const std::string& edit_ref,
                         std::function<void(delivery_result)> done) = 0;
    // Stops new calls; in-flight ones complete or time out.
    virtual void stop() = 0;
};

} // namespace cnscd
