#include "bot/http/log_throttle.hpp"

namespace cnscd {

std::optional<std::uint64_t> log_throttle::admit(std::chrono::steady_clock::time_point now) {
    if (last_ && now - *last_ < interval_) {
        ++left_out_;
        return std::nullopt;
    }
    last_ = now;
    auto n = left_out_;
    left_out_ = 0;
    return n;
}

std::string log_throttle::more(std::uint64_t left_out) {
    if (left_out == 0)
        return {};
    return " (and " + std::to_string(left_out) + " more like it since the last such line)";
}

} // namespace cnscd
