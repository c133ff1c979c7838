#include "messages/activity_dates.hpp"

#include "messages/activity_parser.hpp"
#include "messages/head_count.hpp"
#include "messages/text_fold.hpp"

#include <cctype>
#include <charconv>

namespace cnscd::activity_detail {

using namespace std::chrono;

namespace {

// The separator between a day and a month written in digits: "30/11", "30-11", "30.11"; 0 when
// the word is not written so.
char date_separator(std::string_view w) {
    if (w.empty() || !std::isdigit(static_cast<unsigned char>(w[0])))
        return 0;
    auto at = w.find_first_of("/-.");
    return at == std::string_view::npos ? 0 : w[at];
}

// "d/m" or "d/m/y" (or with '-' or '.') split into numbers (not yet checked as a date); nothing
// when a part before the year is not a number. `year` is empty without one.
struct date_parts {
    int day = 0;
    int month = 0;
    std::string_view year;
};

std::optional<date_parts> split_date(std::string_view w) {
    char sep = date_separator(w);
    if (sep == 0)
        return std::nullopt;
    auto s1 = w.find(sep);
    auto s2 = w.find(sep, s1 + 1);
    date_parts p;
    auto ds = w.substr(0, s1);
    auto ms = w.substr(s1 + 1, s2 == std::string_view::npos ? std::string_view::npos : s2 - s1 - 1);
    if (std::from_chars(ds.data(), ds.data() + ds.size(), p.day).ec != std::errc() ||
        std::from_chars(ms.data(), ms.data() + ms.size(), p.month).ec != std::errc())
        return std::nullopt;
    if (s2 != std::string_view::npos)
        p.year = w.substr(s2 + 1);
    return p;
}

// "20/11" or "5/12/2026" could be a date: a day 1-31 and a month 1-12. "45/7" or "12/34" are
// house numbers in an alley, never dates.
bool date_shaped(std::string_view w) {
    auto p = split_date(w);
    return p && p->day >= 1 && p->day <= 31 && p->month >= 1 && p->month <= 12;
}

// "00/12", "0/5": no house is numbered 0, so only a date with its day mistyped.
bool zero_day(std::string_view w) {
    auto p = date_separator(w) == '/' ? split_date(w) : std::nullopt;
    return p && p->day == 0 && p->month >= 1 && p->month <= 12;
}

// A day and month without a year: this year's, or last year's when this year's is more than a
// month ahead ("20/12" written in January means last December). Nothing when no such day.
std::optional<year_month_day> day_of_recent_year(int y, int m, int d, bool year_given, year_month_day today) {
    year_month_day ymd{year{y}, month{static_cast<unsigned>(m)}, day{static_cast<unsigned>(d)}};
    if (m < 1 || d < 1 || !ymd.ok())
        return std::nullopt;
    // Last year's 29/2 may not exist: then this year's stands, and is refused as ahead.
    if (!year_given && sys_days(ymd) > sys_days(today) + days(31) &&
        ((ymd.year() - years(1)) / ymd.month() / ymd.day()).ok())
        ymd = year_month_day{ymd.year() - years(1), ymd.month(), ymd.day()};
    return ymd;
}

// The latest day numbered `d` up to today: "mùng 1", "ngày 20" is this month's, or last
// month's when this month's is still ahead (or does not exist: "ngày 31" in November). "ngày
// 30" early in March is January's: February has none.
std::optional<year_month_day> latest_day_numbered(int d, year_month_day today) {
    year_month ym{today.year(), today.month()};
    for (int back = 0; back < 3; ++back, ym -= months(1)) {
        year_month_day ymd{ym.year(), ym.month(), day{static_cast<unsigned>(d)}};
        if (ymd.ok() && sys_days(ymd) <= sys_days(today))
            return ymd;
    }
    return std::nullopt;
}

std::optional<year_month_day> explicit_date(std::string_view w, year_month_day today, bool& malformed) {
    auto p = split_date(w);
    int y = static_cast<int>(today.year());
    bool ok = p.has_value();
    if (ok && !p->year.empty()) {
        ok = std::from_chars(p->year.data(), p->year.data() + p->year.size(), y).ec == std::errc();
        if (y < 100)
            y += 2000;
    }
    auto ymd = ok ? day_of_recent_year(y, p->month, p->day, !p->year.empty(), today) : std::nullopt;
    malformed = !ymd;
    return ymd;
}

// "hôm qua", "sáng nay", "tối qua": the word before "nay"/"qua"/"kia" that makes it a day.
bool day_word(std::string_view w) {
    return w == "hom" || w == "sang" || w == "chieu" || w == "toi" || w == "trua" || w == "dem";
}

} // namespace

bool leads_to_a_date(std::string_view w) {
    return w == "ngay" || w == "hom" || w == "sang" || w == "chieu" || w == "toi" || w == "trua" ||
           w == "dem" || w == "vao" || w == "luc" || w == "on" || w == "buoi" || w == "hoi" || w == "last";
}

std::optional<std::pair<unsigned, std::size_t>> weekday_at(const std::vector<token>& toks, std::size_t k) {
    std::string_view w = toks[k].folded;
    if (w.size() >= 6 && w.ends_with("day")) {
        static const std::string_view english[] = {"monday", "tuesday",  "wednesday", "thursday",
                                                   "friday", "saturday", "sunday"};
        for (unsigned i = 0; i < 7; ++i)
            if (w == english[i])
                return std::pair{i + 1, std::size_t{1}};
        return std::nullopt;
    }
    if (w.empty() || (w[0] != 't' && w[0] != 'c'))
        return std::nullopt; // asked for every word: most are gone here
    if (w.size() == 2 && w[0] == 't' && w[1] >= '2' && w[1] <= '7')
        return std::pair{static_cast<unsigned>(w[1] - '1'), std::size_t{1}};
    // "CN": chủ nhật, as "T7" is thứ bảy; but "khu CN", "cụm CN" is an industrial park (công nghiệp).
    if (w == "cn")
        return k > 0 && (toks[k - 1].folded == "khu" || toks[k - 1].folded == "cum")
                   ? std::nullopt
                   : std::optional(std::pair{7u, std::size_t{1}});
    if (k + 1 >= toks.size())
        return std::nullopt;
    std::string_view next = toks[k + 1].folded;
    // Accents tell "chủ nhật" (Sunday) from "chú Nhật" (uncle Nhật) and "thứ ba" from "thư bà".
    auto raw = toks[k].raw;
    bool named_day = raw.starts_with("thứ") || raw.starts_with("Thứ") || raw.starts_with("chủ") ||
                     raw.starts_with("Chủ") ||
                     ((raw == "thu" || raw == "chu") && !starts_upper(toks[k + 1].raw));
    if (!named_day)
        return std::nullopt;
    if (w == "chu" && next == "nhat")
        return std::pair{7u, std::size_t{2}};
    if (w != "thu")
        return std::nullopt;
    static const std::pair<std::string_view, unsigned> days[] = {{"2", 1}, {"hai", 1}, {"3", 2}, {"ba", 2},
                                                                 {"4", 3}, {"tu", 3},  {"5", 4}, {"nam", 4},
                                                                 {"6", 5}, {"sau", 5}, {"7", 6}, {"bay", 6}};
    for (auto [name, wd] : days)
        if (next == name)
            return std::pair{wd, std::size_t{2}};
    return std::nullopt;
}

namespace {

// Typed with caps lock on: no lower-case letter, and some words besides "HQ" ("SỐ 5 CÀI VNEID HQ").
bool in_capitals(const std::vector<token>& toks) {
    std::size_t letters = 0;
    for (auto& t : toks)
        for (char c : t.raw) {
            if (std::islower(static_cast<unsigned char>(c)))
                return false;
            letters += std::isupper(static_cast<unsigned char>(c)) ? 1 : 0;
        }
    return letters > 2; // a capital besides "HQ" itself
}

} // namespace

std::optional<found_date> relative_day_at(const std::vector<token>& toks, std::size_t k,
                                          year_month_day today) {
    auto on = [&](int offset, std::size_t words) {
        return found_date{year_month_day{sys_days(today) + days(offset)}, k, words};
    };
    std::string_view w = toks[k].folded;
    static const std::string_view words[] = {"hom",   "bua",  "hum",   "ngay",     "sang",
                                             "chieu", "toi",  "trua",  "dem",      "hqua",
                                             "hq",    "hnay", "today", "tomorrow", "yesterday"};
    if (!one_of(w, words))
        return std::nullopt; // asked for every word: most are gone here
    // "hq", "hnay": "hôm qua" and "hôm nay" as typed in chat ("HQ" in capitals is Korea, unless
    // the whole message is in capitals: caps lock).
    if (w == "hq" && toks[k].raw.starts_with("HQ") && !in_capitals(toks))
        return std::nullopt;
    if (w == "hqua" || w == "hq" || w == "hnay" || w == "yesterday" || w == "today" || w == "tomorrow")
        return on(w == "today" || w == "hnay" ? 0 : w == "tomorrow" ? 1 : -1, 1);
    if (k + 1 >= toks.size())
        return std::nullopt;
    auto& next = toks[k + 1];
    bool day = w == "hom" || w == "bua" || w == "hum";
    // "tối qua" is last night, but unaccented "toi qua" may be "tôi qua" (I went over).
    bool evening = w == "toi" && (toks[k].raw.starts_with("tối") || toks[k].raw.starts_with("Tối"));
    bool part_of_day = day_word(w) && (w != "toi" || evening);
    bool ngay = written_as(toks[k], "ngay", "ngày");
    // "ngày mai", "sáng mai": tomorrow ("Mai" is a name). "ngày mốt": the day after.
    if ((ngay || part_of_day) && next.raw.starts_with("mai") && spelled_as(next.raw, "mai"))
        return on(1, 2);
    if (ngay && !plain(next.raw) && spelled_as(next.raw, "mốt"))
        return on(2, 2);
    if (!day && !part_of_day)
        return std::nullopt;
    if (next.folded == "qua" || next.folded == "wa")
        return on(-1, 2);
    if (next.folded == "nay")
        return on(0, 2);
    if (day && next.folded == "kia") // "hôm kia" is two days ago, "hôm kìa" three
        return on(!plain(next.raw) && spelled_as(next.raw, "kìa") ? -3 : -2, 2);
    return std::nullopt;
}

std::optional<found_date> numeric_date_at(const std::vector<token>& toks, std::size_t k, year_month_day today,
                                          std::string& bad) {
    std::string_view w = toks[k].folded;
    char sep = date_separator(w);
    if (sep == 0)
        return std::nullopt;
    std::string_view prev = k > 0 ? std::string_view(toks[k - 1].folded) : std::string_view();
    bool after_date_word = prev == "ngay" || prev == "hom" || prev == "on";
    // "12/3 Lê Lợi": a number in an alley before a street's name, not the 12th of March.
    bool before_street = !after_date_word && k + 1 < toks.size() && starts_upper(toks[k + 1].raw) &&
                         toks[k + 1].folded != "hom" && toks[k + 1].folded != "ngay";
    // "2.5 chục người" is 25 people, not the 2nd of May.
    bool tens = k + 1 < toks.size() && (toks[k + 1].folded == "chuc" || toks[k + 1].folded == "tram");
    bool range_or_time = sep != '/' && (unit_at(toks, k + 1) || tens || prev == "luc" || prev == "at");
    if (address_word(prev) || before_street || range_or_time ||
        (!date_shaped(w) && !zero_day(w) && !after_date_word))
        return std::nullopt;
    bool malformed = false;
    auto date = explicit_date(w, today, malformed);
    if (!date) {
        bad = phrase(toks, k, 1); // "29/2", not "29/2,"
        return std::nullopt;
    }
    return found_date{*date, after_date_word ? k - 1 : k, after_date_word ? std::size_t{2} : std::size_t{1}};
}

std::optional<found_date> days_ago_at(const std::vector<token>& toks, std::size_t k, year_month_day today) {
    auto& w = toks[k].folded;
    if (w.empty() || !std::isdigit(static_cast<unsigned char>(w[0])) || k + 2 >= toks.size() ||
        (k > 0 && address_word(toks[k - 1].folded)))
        return std::nullopt; // asked for every word: most are gone here
    auto n = plain_number(w);
    auto& unit = toks[k + 1];
    auto& before = toks[k + 2];
    bool days =
        written_as(unit, "ngay", "ngày") || written_as(unit, "hom", "hôm") || written_as(unit, "bua", "bữa");
    bool ago = written_as(before, "truoc", "trước") || before.folded == "trc";
    if (!n || *n < 1 || *n > 366 || !days || !ago)
        return std::nullopt;
    return found_date{year_month_day{sys_days(today) - std::chrono::days(*n)}, k, 3};
}

std::optional<found_date> worded_date_at(const std::vector<token>& toks,
                                         std::span<const std::string_view> numbers, std::size_t k,
                                         year_month_day today, std::string& bad) {
    std::string_view f = toks[k].folded;
    bool digits = !f.empty() && std::isdigit(static_cast<unsigned char>(f[0]));
    static const std::string_view leads[] = {"ngay", "hom", "mung", "mong"};
    if (!digits && !one_of(f, leads))
        return std::nullopt; // asked for every word: most are gone here
    bool mung = written_as(toks[k], "mung", "mùng") || written_as(toks[k], "mong", "mồng");
    bool lead = mung || written_as(toks[k], "ngay", "ngày") || written_as(toks[k], "hom", "hôm");
    auto at = lead ? k + 1 : k;
    if (at >= toks.size() || (!lead && (!digits || (k > 0 && address_word(toks[k - 1].folded)))))
        return std::nullopt;
    // The day: digits, or after "mùng" also words ("mùng một").
    auto n = plain_number(toks[at].folded);
    std::size_t end = at + 1;
    if (!n && mung)
        if (auto spoken = read_spoken_number(numbers.subspan(at))) {
            n = static_cast<int>(spoken->value);
            end = at + spoken->words;
        }
    if (!n)
        return std::nullopt;
    // "ngày 0 tháng 12", "ngày 32 tháng 1": a date mistyped, not words to record today with.
    if (*n < 1 || *n > 31) {
        if (lead && end + 1 < toks.size() && written_as(toks[end], "thang", "tháng") &&
            plain_number(toks[end + 1].folded))
            bad = phrase(toks, at, end + 2 - at);
        return std::nullopt;
    }
    std::optional<int> month, year;
    if (end + 1 < toks.size() && written_as(toks[end], "thang", "tháng")) {
        month = plain_number(toks[end + 1].folded);
        if (!month)
            return std::nullopt;
        end += 2;
        if (end + 1 < toks.size() && written_as(toks[end], "nam", "năm"))
            if ((year = plain_number(toks[end + 1].folded))) {
                *year += *year < 100 ? 2000 : 0;
                end += 2;
            }
    }
    if (!month && (!lead || (end < toks.size() && (toks[end].folded == "tet" || unit_at(toks, end)))))
        return std::nullopt; // "30 người", "ngày 2 người", "mùng 1 Tết"
    auto date = month ? day_of_recent_year(year.value_or(static_cast<int>(today.year())), *month, *n,
                                           year.has_value(), today)
                      : latest_day_numbered(*n, today);
    if (!date) {
        bad = phrase(toks, at, end - at);
        return std::nullopt;
    }
    return found_date{*date, k, end - k};
}

std::size_t unread_date_at(const std::vector<token>& toks, const std::vector<bool>& used, std::size_t k) {
    auto goes_on = [&](std::size_t j) {
        static const std::string_view words[] = {"truoc", "roi", "qua", "nay", "kia", "no",   "do",
                                                 "ay",    "sau", "toi", "hom", "bua", "ngay", "tuan",
                                                 "thang", "nam", "tet", "mai", "mot", "trc",  "nua"};
        if (j >= toks.size() || used[j] || toks[j].folded.empty())
            return false;
        auto& f = toks[j].folded;
        return std::isdigit(static_cast<unsigned char>(f[0])) || one_of(f, words);
    };
    auto& t = toks[k];
    std::string_view w = t.folded;
    static const std::string_view words[] = {"hom", "bua", "hum", "mung", "mong", "ngay", "tuan", "thang"};
    if (!one_of(w, words))
        return 0; // asked for every word: most are gone here
    // "bữa ăn", "bữa sáng" are meals.
    static const std::string_view meals[] = {"an", "com", "tiec", "sang", "trua", "toi", "chieu"};
    auto meal = [&] {
        return k + 1 < toks.size() &&
               std::find(std::begin(meals), std::end(meals), toks[k + 1].folded) != std::end(meals);
    };
    bool starts = written_as(t, "hom", "hôm") || (written_as(t, "bua", "bữa") && !meal()) ||
                  written_as(t, "hum", "hum") || written_as(t, "mung", "mùng") ||
                  written_as(t, "mong", "mồng") ||
                  ((written_as(t, "ngay", "ngày") || written_as(t, "tuan", "tuần") ||
                    written_as(t, "thang", "tháng")) &&
                   goes_on(k + 1));
    if (!starts)
        return 0;
    std::size_t n = 1;
    while (n < 5 && goes_on(k + n))
        ++n;
    return n;
}

} // namespace cnscd::activity_detail
