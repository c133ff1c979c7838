#pragma once

// Whether a long-polling channel receives updates, for /healthz. One failed getUpdates is a
// network hiccup the retry cures; `threshold` in a row (3 s apart when the platform refuses at
// once, as for a wrong token; longer when calls time out) mean nothing arrives and someone
// must look.

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
    void succeeded() {
        consecutive_failures = 0;
        error.clear();
        fix.clear();
    }
    bool failing() const { return consecutive_failures >= threshold; }
};

} // namespace cnscd
