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
    bool previous = false;               // a whole past period ("tháng trước", "tháng 10")
    bool named = false;                  // named by its number ("tháng 10"): labelled so, not "last month"
    day_range so_far() const { return {iso_day(start), iso_day(through)}; }
    day_range whole() const { return {iso_day(start), iso_day(end)}; }
};

// The period of `kind` that contains `day`.
stats_period period_containing(period_kind kind, std::chrono::year_month_day day);
// The current period of `kind` as of `today`; with `previous` the whole one before it; with
// `named` the one containing that day (whole when it is over, so far when it is the current one).
stats_period period_asked(period_kind kind, bool previous, named_period named,
                          std::chrono::year_month_day today);
// The key reports and exports use for the period of `kind` containing `day`: "2026-11",
// "2026-Q4", "2026" ("" for a week).
std::string period_key(period_kind kind, std::chrono::year_month_day day);
// The period before `p`, cut to the same number of days as `p` has run so far; whole when `p` is.
stats_period same_span_before(const stats_period& p);

} // namespace cnscd
