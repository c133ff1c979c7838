#include "messages/activity_parser.hpp"

#include "messages/text_fold.hpp"
#include "messages/topics.hpp"

#include <charconv>
#include <vector>

namespace cnscd {
namespace {

using namespace std::chrono;

struct token {
    std::string_view raw; // as written
    std::string folded;   // folded, punctuation trimmed
};

bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

std::vector<token> tokenize(std::string_view s) {
    std::vector<token> out;
    std::size_t i = 0;
    while (i < s.size()) {
        while (i < s.size() && is_space(s[i]))
            ++i;
        std::size_t j = i;
        while (j < s.size() && !is_space(s[j]))
            ++j;
        if (j > i) {
            auto raw = s.substr(i, j - i);
            auto f = fold(raw);
            while (!f.empty() && (f.back() == ',' || f.back() == '.' || f.back() == ';' || f.back() == ':' ||
                                  f.back() == ')' || f.back() == '!' || f.back() == '?'))
                f.pop_back();
            while (!f.empty() && (f.front() == '(' || f.front() == ','))
                f.erase(f.begin());
            out.push_back({raw, std::move(f)});
        }
        i = j;
    }
    return out;
}

std::optional<int> small_number(std::string_view w) {
    int n = 0;
    auto [end, ec] = std::from_chars(w.data(), w.data() + w.size(), n);
    if (ec == std::errc() && end == w.data() + w.size())
        return n;
    // Numbers in words, 1 to 10 (folded: "năm" is also "year", so only before a unit word).
    static const std::pair<std::string_view, int> names[] = {
        {"mot", 1},  {"hai", 2},  {"ba", 3},   {"bon", 4},   {"tu", 4},    {"nam", 5},  {"sau", 6},
        {"bay", 7},  {"tam", 8},  {"chin", 9}, {"muoi", 10}, {"one", 1},   {"two", 2},  {"three", 3},
        {"four", 4}, {"five", 5}, {"six", 6},  {"seven", 7}, {"eight", 8}, {"nine", 9}, {"ten", 10},
    };
    for (auto [name, value] : names)
        if (w == name)
            return value;
    return std::nullopt;
}

bool people_unit(std::string_view w) {
    return w == "nguoi" || w == "ho" || w == "nhan" || w == "ba" || w == "cu" || w == "nguoi." || w == "hv" ||
           w == "hoc" || w == "people" || w == "person" || w == "persons" || w == "households" ||
           w == "attendees" || w == "nguoi," || w == "thanh";
}

std::optional<year_month_day> explicit_date(std::string_view w, year_month_day today, bool& malformed) {
    auto s1 = w.find('/');
    if (s1 == std::string_view::npos)
        return std::nullopt;
    int d = 0, mo = 0, y = static_cast<int>(today.year());
    auto s2 = w.find('/', s1 + 1);
    auto ds = w.substr(0, s1);
    auto ms = w.substr(s1 + 1, s2 == std::string_view::npos ? std::string_view::npos : s2 - s1 - 1);
    bool ok = std::from_chars(ds.data(), ds.data() + ds.size(), d).ec == std::errc() &&
              std::from_chars(ms.data(), ms.data() + ms.size(), mo).ec == std::errc();
    if (ok && s2 != std::string_view::npos) {
        auto ys = w.substr(s2 + 1);
        ok = std::from_chars(ys.data(), ys.data() + ys.size(), y).ec == std::errc();
        if (y < 100)
            y += 2000;
    }
    year_month_day ymd{year{y}, month{static_cast<unsigned>(mo)}, day{static_cast<unsigned>(d)}};
    if (!ok || !ymd.ok()) {
        malformed = true;
        return std::nullopt;
    }
    // "20/12" written in January means last December.
    if (s2 == std::string_view::npos && sys_days(ymd) > sys_days(today) + days(31))
        ymd = year_month_day{ymd.year() - years(1), ymd.month(), ymd.day()};
    return ymd;
}

} // namespace

std::expected<activity_details, command_error> parse_activity(std::string_view args, year_month_day today) {
    activity_details d;
    auto text = args;
    while (!text.empty() && is_space(text.front()))
        text.remove_prefix(1);
    while (!text.empty() && is_space(text.back()))
        text.remove_suffix(1);
    d.note = std::string(text);
    d.topics = find_topics(fold(text));

    auto toks = tokenize(text);
    for (std::size_t i = 0; i < toks.size(); ++i) {
        auto& w = toks[i].folded;
        // Dates
        if (w == "hom" && i + 1 < toks.size()) {
            auto& n = toks[i + 1].folded;
            if (n == "qua") {
                d.date = year_month_day{sys_days(today) - days(1)};
                ++i;
                continue;
            }
            if (n == "kia") {
                d.date = year_month_day{sys_days(today) - days(2)};
                ++i;
                continue;
            }
            if (n == "nay") {
                d.date = today;
                ++i;
                continue;
            }
        }
        if (w == "yesterday") {
            d.date = year_month_day{sys_days(today) - days(1)};
            continue;
        }
        if (w.find('/') != std::string::npos && !w.empty() &&
            std::isdigit(static_cast<unsigned char>(w[0]))) {
            bool malformed = false;
            auto date = explicit_date(w, today, malformed);
            if (malformed)
                return std::unexpected(command_error{"", "error_bad_date", std::string(toks[i].raw)});
            if (date) {
                d.date = date;
                continue;
            }
        }
        // People: "2 người", "hai hộ", "30 người"
        if (i + 1 < toks.size() && people_unit(toks[i + 1].folded) && !d.people) {
            if (i > 0 &&
                (toks[i - 1].folded == "so" || toks[i - 1].folded == "ngo" || toks[i - 1].folded == "to"))
                continue; // "số 12", "tổ 3" are addresses, not head counts
            if (auto n = small_number(w)) {
                if (*n <= 0 || *n > 100000)
                    return std::unexpected(command_error{"", "error_bad_number", std::string(toks[i].raw)});
                d.people = *n;
                ++i;
            }
        }
    }

    // The place is what comes before the first comma (or the whole text without topics).
    auto comma = text.find(',');
    d.place = std::string(text.substr(0, comma));
    while (!d.place.empty() && is_space(d.place.back()))
        d.place.pop_back();
    return d;
}

} // namespace cnscd
