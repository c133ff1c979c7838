#pragma once

// A text longer than the platform's limit (Telegram 4,096, Zalo 2,000 characters) leaves as
// several messages. When a later part fails and the outbox retries the whole row, the parts
// already shown must not be sent again: this remembers, per message, how many of its parts went
// out. In process only: after a restart a part may repeat, within the documented window.

#include "bot/platform_client.hpp"

#include <chrono>
#include <cstddef>
#include <map>
#include <mutex>
#include <string>

namespace cnscd {

class sent_parts {
public:
    // How many leading parts of the message identified by `key` (its calls, joined; "" for a
    // message of one part, which has nothing to resume) went out on an earlier attempt; 0 for
    // a message not seen before.
    std::size_t already_sent(const std::string& key);
    // `parts` leading parts are out; the rest is still to send.
    void note(const std::string& key, std::size_t parts);
    // The attempt ended with `what`: a row the sender will try again keeps its count; one sent
    // in full or failed for good is forgotten, so the same text later is a new message.
    void settle(const std::string& key, delivery_result::outcome what);

private:
    using clock = std::chrono::steady_clock;
    struct entry {
        std::size_t parts = 0;
        clock::time_point at;
    };
    void prune(clock::time_point now);

    std::mutex mutex_;
    std::map<std::string, entry> sent_;
};

} // namespace cnscd
