#pragma once

// Dates in a /tham or /buoi: "hôm qua", "20/11", "ngày 30 tháng 11", "thứ 7 tuần trước", "3 ngày
// trước". Internal to the activity parser.

#include "messages/activity_words.hpp"

#include <chrono>
#include <optional>
#include <utility>

namespace cnscd::activity_detail {

// Words that lead into a date: "ngày 20/11", "sáng 30/11", "chiều hôm qua", "vào thứ bảy".
bool leads_to_a_date(std::string_view w);

// "thứ 7", "thứ bảy", "chủ nhật", "t7" at token k: the ISO weekday (Monday 1) and how many
// words it took.
std::optional<std::pair<unsigned, std::size_t>> weekday_at(const std::vector<token>& toks, std::size_t k);

// A date found at a token: the day, and the words it took.
struct found_date {
    std::chrono::year_month_day day;
    std::size_t first = 0;
    std::size_t words = 1;
};

// "hôm qua", "bữa qua" (Central), "hum qua" (chat), "hôm kia", "hôm kìa" (three days ago),
// "sáng nay", "tối qua", "ngày mai", "hqua", "yesterday" at token k.
std::optional<found_date> relative_day_at(const std::vector<token>& toks, std::size_t k,
                                          std::chrono::year_month_day today);

// A date in digits at token k: "30/11", "30-11", "30.11", "5/12/2026", with the "ngày", "hôm"
// or "on" before it. Not dates: "hẻm 45/7" and "12/3 Lê Lợi" (houses), "20-30 người" and "2-3
// hộ" (ranges), "lúc 8.10" (a time). `bad` is set to what can only be a date and is none
// ("31/02", "ngày 31/13").
std::optional<found_date> numeric_date_at(const std::vector<token>& toks, std::size_t k,
                                          std::chrono::year_month_day today, std::string& bad);

// "3 ngày trước", "2 hôm trước", "5 bữa trước": that many days before today ("số 5 hôm trước" is
// house 5, on a day not said).
std::optional<found_date> days_ago_at(const std::vector<token>& toks, std::size_t k,
                                      std::chrono::year_month_day today);

// A date in words at token k: "ngày 30 tháng 11", "30 tháng 11 năm 2025", "mùng 1", "mồng năm
// tháng 10", "ngày 20", "hôm 20". Without a month, the latest such day: this month's, or last
// month's. "mùng 1 Tết" is the lunar new year: not read here.
std::optional<found_date> worded_date_at(const std::vector<token>& toks,
                                         std::span<const std::string_view> numbers, std::size_t k,
                                         std::chrono::year_month_day today, std::string& bad);

// Date words no rule read ("hôm trước", "tuần rồi", "tháng 11", "mùng 1 Tết"): how many words
// from token k, 0 when none start there. They are no place, and the member is shown the day
// recorded so that a wrong one is noticed.
std::size_t unread_date_at(const std::vector<token>& toks, const std::vector<bool>& used, std::size_t k);

} // namespace cnscd::activity_detail
