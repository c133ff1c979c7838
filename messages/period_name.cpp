#include "messages/period_name.hpp"

#include <cctype>
#include <charconv>

namespace cnscd {
namespace {

using namespace std::chrono;

std::optional<int> whole_number(std::string_view w) {
    int n = 0;
    auto [end, ec] = std::from_chars(w.data(), w.data() + w.size(), n);
    if (ec != std::errc() || end != w.data() + w.size() || w.empty())
        return std::nullopt;
    return n;
}

std::optional<int> year_number(std::string_view w) {
    auto n = whole_number(w);
    if (!n)
        return std::nullopt;
    if (w.size() == 2)
        return 2000 + *n;
    if (w.size() == 4 && *n >= 2000 && *n <= 2100)
        return *n;
    return std::nullopt;
}

// Quarters are written in Roman numerals as often as in digits ("quý III").
std::optional<int> quarter_number(std::string_view w) {
    if (w == "i")
        return 1;
    if (w == "ii")
        return 2;
    if (w == "iii")
        return 3;
    if (w == "iv")
        return 4;
    return whole_number(w);
}

bool looks_like_a_number(std::string_view w) {
    w = w.substr(0, w.find('/'));
    return !w.empty() && (std::isdigit(static_cast<unsigned char>(w[0])) || w == "i" || w == "ii" ||
                          w == "iii" || w == "iv");
}

} // namespace

period_name read_period_name(period_kind kind, std::span<const std::string> after, year_month_day today) {
    period_name out;
    if (after.empty() || kind == period_kind::week || !looks_like_a_number(after[0]))
        return out;
    auto first = std::string_view(after[0]);
    out.words = 1;
    out.detail = after[0];
    auto fail = [&](const char* reason) {
        out.error = reason;
        out.day.reset();
        return out;
    };
    if (kind == period_kind::year) {
        auto y = year_number(first);
        if (!y || first.size() != 4)
            return fail("error_bad_period");
        out.day = year{*y} / January / 1;
    } else {
        // The number, then a year: "11/2026", "11 2026", "11 năm 2026".
        auto slash = first.find('/');
        auto number = first.substr(0, slash);
        std::optional<int> y;
        if (slash != std::string_view::npos) {
            y = year_number(first.substr(slash + 1));
            if (!y)
                return fail("error_bad_period");
        } else if (after.size() > 1 && year_number(after[1]) && after[1].size() == 4) {
            y = year_number(after[1]);
            out.words = 2;
        } else if (after.size() > 2 && after[1] == "nam" && year_number(after[2])) {
            y = year_number(after[2]);
            out.words = 3;
        }
        for (std::size_t k = 1; k < out.words; ++k)
            out.detail += " " + after[k];
        auto n = kind == period_kind::month ? whole_number(number) : quarter_number(number);
        int last = kind == period_kind::month ? 12 : 4;
        if (!n)
            return fail("error_bad_period");
        if (*n < 1 || *n > last)
            return fail("error_period_number");
        unsigned first_month = kind == period_kind::month ? static_cast<unsigned>(*n) : (*n - 1) * 3 + 1u;
        auto this_year = static_cast<int>(today.year());
        auto day = year{y.value_or(this_year)} / month{first_month} / 1;
        // "tháng 11" in March means the November just gone.
        if (!y && sys_days{day} > sys_days{today})
            day = year{this_year - 1} / month{first_month} / 1;
        out.day = day;
    }
    if (sys_days{*out.day} > sys_days{today})
        return fail("error_future_period");
    return out;
}

std::optional<short_period> short_period_name(std::string_view w) {
    if (w.size() < 2 || (w[0] != 't' && w[0] != 'q') || !std::isdigit(static_cast<unsigned char>(w[1])))
        return std::nullopt;
    return short_period{w[0] == 't' ? period_kind::month : period_kind::quarter, std::string(w.substr(1))};
}

std::optional<std::string> english_month_number(std::string_view w, std::string_view next) {
    static constexpr std::string_view names[] = {"january",   "february", "march",    "april",
                                                 "may",       "june",     "july",     "august",
                                                 "september", "october",  "november", "december"};
    for (std::size_t i = 0; i < std::size(names); ++i) {
        auto name = names[i];
        bool abbreviated = w.size() == 3 || (w == "sept" && i == 8);
        if (w != name && !(abbreviated && name.starts_with(w)))
            continue;
        if (name == "may" && !(next.size() == 4 && whole_number(next)))
            return std::nullopt;
        return std::to_string(i + 1);
    }
    return std::nullopt;
}

named_period read_month_of_year(std::string_view w) {
    auto slash = w.find('/');
    if (slash == std::string_view::npos || w.find('/', slash + 1) != std::string_view::npos)
        return std::nullopt;
    auto m = whole_number(w.substr(0, slash));
    auto y = year_number(w.substr(slash + 1));
    if (!m || !y || *m < 1 || *m > 12)
        return std::nullopt;
    return year{*y} / month{static_cast<unsigned>(*m)} / 1;
}

} // namespace cnscd
