#pragma once

// Which days a member may still log or correct a record for.

#include "handlers/context.hpp"

#include <chrono>

namespace cnscd {

constexpr int oldest_loggable_days = 60;

// True when `day` may be recorded; otherwise replies why and returns false.
bool day_accepted(handler_context& ctx, std::chrono::year_month_day day);

} // namespace cnscd
