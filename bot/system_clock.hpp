#pragma once

#include "handlers/clock.hpp"

namespace cnscd {

// The wall clock: only bot/ reads it.
class system_clock final : public clock {
public:
    std::int64_t now() const override {
        return std::chrono::duration_cast<std::chrono::seconds>(
                   std::chrono::system_clock::now().time_since_epoch())
            .count();
    }
};

} // namespace cnscd
