#pragma once

// Calendar periods for stats: this week (Monday first), month, quarter or year up to today,
// and the same span of the period before, so a partial month is compared fairly.

#include "messages/command.hpp"
#include "storage/visit_store.hpp"

#include <chrono>
#include <optional>
#include <string>

namespace cnscd {

std::string iso_day(std::chrono::year_month_day d); // 2026-11-24
// "2026-11-24" -> the date; nullopt for anything else.
std::optional<std::chrono::year_month_day> parse_iso_day(const std::string& text);

struct stats_period {
    period_kind kind = period_kind::month;
    std::chrono::year_month_day start;   // first day of the period
    std::chrono::year_month_day end;     // last day of the period
    std::chrono::year_month_day through; // today, or the end if the period is over
    bool previous = false;               // the whole period before the current one ("tháng trước")
    day_range so_far() const { return {iso_day(start), iso_day(through)}; }
    day_range whole() const { return {iso_day(start), iso_day(end)}; }
};

// The period of `kind` that contains `day`.
stats_period period_containing(period_kind kind, std::chrono::year_month_day day);
// The current period of `kind` as of `today`, or with `previous` the whole one before it.
stats_period period_asked(period_kind kind, bool previous, std::chrono::year_month_day today);
// The period before `p`, cut to the same number of days as `p` has run so far.
stats_period same_span_before(const stats_period& p);

} // namespace cnscd
