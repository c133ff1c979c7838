#pragma once

// Dates and times as Vietnamese readers write them: 24/11/2026, 08:00, Thứ Ba.

#include "messages/catalog.hpp"

#include <chrono>
#include <string>

namespace cnscd {

std::string format_date(std::chrono::year_month_day d);                 // "24/11/2026"
std::string format_time(int minutes_after_midnight);                    // "08:00"
std::string weekday_name(language lang, std::chrono::year_month_day d); // "Thứ Ba" / "Tuesday"
// "Thứ Ba, 24/11/2026 lúc 17:00" for a unix instant in the zone `utc_offset_minutes`.
std::string format_instant(language lang, std::int64_t unix_seconds, int utc_offset_minutes);
std::string format_day_of(std::int64_t unix_seconds, int utc_offset_minutes); // "24/11/2026"

} // namespace cnscd
