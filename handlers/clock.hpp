#pragma once

// Handlers never read the wall clock; they get one of these (rule 5 of DESIGN.md).

#include <chrono>
#include <cstdint>

namespace cnscd {

class clock {
public:
    virtual ~clock() = default;
    // Unix seconds, UTC.
    virtual std::int64_t now() const = 0;
};

// A clock that says what it is told: for tests and for `remind --at`.
class fixed_clock final : public clock {
public:
    explicit fixed_clock(std::int64_t now) : now_(now) {}
    std::int64_t now() const override { return now_; }
    void set(std::int64_t now) { now_ = now; }
    void advance(std::int64_t seconds) { now_ += seconds; }

private:
    std::int64_t now_;
};

// Local calendar arithmetic in a fixed UTC offset (Vietnam has no daylight saving).
struct local_time {
    int utc_offset_minutes = 7 * 60;

    std::chrono::sys_seconds to_local(std::int64_t unix_seconds) const {
        return std::chrono::sys_seconds{std::chrono::seconds{unix_seconds + utc_offset_minutes * 60LL}};
    }
    std::chrono::year_month_day date_of(std::int64_t unix_seconds) const {
        return std::chrono::year_month_day{std::chrono::floor<std::chrono::days>(to_local(unix_seconds))};
    }
    // Unix seconds of local midnight starting `date`.
    std::int64_t start_of(std::chrono::year_month_day date) const {
        return std::chrono::sys_days{date}.time_since_epoch().count() * 86400LL - utc_offset_minutes * 60LL;
    }
    // Unix seconds of `date` at hh:mm local time.
    std::int64_t at(std::chrono::year_month_day date, int hour, int minute) const {
        return start_of(date) + hour * 3600LL + minute * 60LL;
    }
};

} // namespace cnscd
