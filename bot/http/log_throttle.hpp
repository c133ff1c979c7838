#pragma once

// One log line per interval for an event a client can repeat at will (a malformed request, a
// slow one, a connection over the limit), with how many were left out: a flood cannot fill the
// disk, and each kind still shows in the log. /metrics has the exact counts. Used on the
// network thread only.

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>

namespace cnscd {

class log_throttle {
public:
    explicit log_throttle(std::chrono::seconds interval = std::chrono::seconds(60)) : interval_(interval) {}

    // When this event should be logged: the number left out since the last line logged.
    std::optional<std::uint64_t>
    admit(std::chrono::steady_clock::time_point now = std::chrono::steady_clock::now());

    // " (and 12 more like it since the last such line)", or nothing.
    static std::string more(std::uint64_t left_out);

private:
    std::chrono::seconds interval_;
    std::optional<std::chrono::steady_clock::time_point> last_;
    std::uint64_t left_out_ = 0;
};

} // namespace cnscd
