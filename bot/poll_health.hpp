#pragma once

// Whether a long-polling channel receives updates, for /healthz. One failed getUpdates is a
// network hiccup the retry cures; `threshold` in a row (3 s apart when the platform refuses at
// once, as for a wrong token; longer when calls time out) mean nothing arrives and someone
// must look.

#include <algorithm>
#include <string>

namespace cnscd {

struct poll_health {
    static constexpr int threshold = 3;

    int consecutive_failures = 0;
    std::string error; // the last failure, as the platform or the network said it
    std::string fix;   // what the operator does ("" when waiting cures it)

    void failed(std::string why, std::string what_to_do) {
        ++consecutive_failures;
        error = std::move(why);
        fix = std::move(what_to_do);
    }
    // The failures a success ends when they had made the channel unhealthy, else 0 (to log).
    int succeeded() {
        int ended = failing() ? consecutive_failures : 0;
        consecutive_failures = 0;
        error.clear();
        fix.clear();
        return ended;
    }
    bool failing() const { return consecutive_failures >= threshold; }
    // The pause before the next call: doubling from 1 s up to a minute.
    int retry_wait_ms() const { return std::min(60000, 500 * (1 << std::min(consecutive_failures, 7))); }
};

} // namespace cnscd
