#pragma once

// A period named by its number after the period word: "tháng 11", "tháng 11/2025",
// "quý III", "quý 3 năm 2025", "năm 2025"; and "11/2026" alone for a month.

#include "messages/command.hpp"

#include <chrono>
#include <cstddef>
#include <span>
#include <string>

namespace cnscd {

struct period_name {
    named_period day;      // a day inside the named period; empty when no number follows
    std::size_t words = 0; // words taken, after the period word
    std::string error;     // a catalog key when the words name no valid period
    std::string detail;    // what to quote in that error
};

// `after` are the folded words after the period word. Without a year, the most recent such
// period is meant: "tháng 11" in March is last November. A period that has not started yet is
// "error_future_period"; "tháng 13" is "error_period_number"; words that are no period at all
// are "error_bad_period".
period_name read_period_name(period_kind kind, std::span<const std::string> after,
                             std::chrono::year_month_day today);

// "T10", "T10/2026", "Q3", "Q3/2026" (folded): the kind, and the number to read with
// read_period_name; nothing for anything else.
struct short_period {
    period_kind kind;
    std::string number; // "10", "10/2026"
};
std::optional<short_period> short_period_name(std::string_view folded_word);

// "november", "nov" (folded): the month's number as read_period_name reads it ("11"), since
// English readers are shown "November 2026" and type it back. "may" is only read before a
// year ("may 2026"): alone it is also a Vietnamese word (mây, máy) that a team's name may hold.
std::optional<std::string> english_month_number(std::string_view folded_word, std::string_view next_folded);

// "11/2026" (or "11/26") as a month; nothing for anything else.
named_period read_month_of_year(std::string_view folded_word);

} // namespace cnscd
