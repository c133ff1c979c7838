#include "messages/activity_parser.hpp"

#include "messages/spoken_number.hpp"
#include "messages/text_fold.hpp"
#include "messages/topics.hpp"

#include <utf8proc.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <span>
#include <tuple>
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
            // "ng`" is "người" with its grave accent typed after it, as phone users abbreviate it.
            while (!f.empty() && (f.back() == ',' || f.back() == '.' || f.back() == ';' || f.back() == ':' ||
                                  f.back() == ')' || f.back() == '!' || f.back() == '?' || f.back() == '`' ||
                                  f.back() == '\'' || f.back() == '~'))
                f.pop_back();
            while (!f.empty() && (f.front() == '(' || f.front() == ','))
                f.erase(f.begin());
            // "3 nguoif", "caif vneid": the telex tone key left at the end when the keyboard did
            // not switch to Vietnamese. No Vietnamese word ends in f or j; only these few are read,
            // so no real word is misread.
            static const std::string_view telex[] = {"nguoif", "caif", "hoj"};
            if (!f.empty() && (f.back() == 'f' || f.back() == 'j') &&
                std::find(std::begin(telex), std::end(telex), f) != std::end(telex))
                f.pop_back();
            out.push_back({raw, std::move(f)});
        }
        i = j;
    }
    return out;
}

// Is `w` one of `words`? Asked for every word of every message: the first letters are compared
// before the rest, which most words never get to.
bool one_of(std::string_view w, std::span<const std::string_view> words) {
    return !w.empty() && std::any_of(words.begin(), words.end(), [w](std::string_view x) {
        return x.size() == w.size() && x[0] == w[0] && x == w;
    });
}

bool plain(std::string_view raw) {
    return std::all_of(raw.begin(), raw.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

// Is the word, without the punctuation around it, `spelled` (lower case, tone marks and all)?
// Words typed on a phone are composed, in lower case or with a capital first letter: compared as
// they are; only others ("Ông", marks typed apart) are lower-cased and composed by utf8proc.
bool spelled_as(std::string_view raw, std::string_view spelled) {
    while (!raw.empty() && std::ispunct(static_cast<unsigned char>(raw.back())))
        raw.remove_suffix(1);
    while (!raw.empty() && std::ispunct(static_cast<unsigned char>(raw.front())))
        raw.remove_prefix(1);
    if (raw == spelled)
        return true;
    if (raw.empty() || spelled.empty())
        return false;
    // "Người" is compared at once; "NGƯỜI" (typed with caps lock) goes on to utf8proc.
    if (raw[0] >= 'A' && raw[0] <= 'Z' && raw[0] - 'A' + 'a' == spelled[0] &&
        raw.substr(1) == spelled.substr(1))
        return true;
    return lower_marked(raw) == spelled;
}

// What a head count counts: anyone ("30 người", "60 bà con"), people of one kind ("2 cháu",
// "15 tiểu thương"), or households ("3 hộ", "2 gia đình").
enum class counted { anyone, kind, households };

struct unit_match {
    std::size_t words = 1;
    counted what = counted::kind;
    std::string kind; // folded: a kind named twice is one group of people
};

// Words that name who a head count counts. Vietnamese names people by who they are: "30 phụ
// huynh" (parents), "20 hội viên", "3 gia đình", "40 em học sinh", "2 cháu". Each really means
// people: "học" (study) and "hội" (association) alone do not ("năm học mới", "hai học kỳ").
// Written with tone marks, a word must carry its own: "hồ" (a lake) is no "hộ" (household).
std::optional<unit_match> single_unit(std::string_view folded, std::string_view raw) {
    static const std::string_view anyone[] = {"nguoi", "ng", "people", "person", "persons", "attendees"};
    static const std::string_view households[] = {"ho", "households", "families"};
    static const std::string_view kinds[] = {
        "cu",      "ba",      "ong",    "chau",      "bac",   "khau",      "em",      "co",
        "chu",     "chi",     "anh",    "ban",       "hv",    "residents", "parents", "students",
        "members", "seniors", "elders", "villagers", "women", "teachers",  "traders"};
    static const std::pair<std::string_view, std::string_view> marks[] = {
        {"nguoi", "người"}, {"ho", "hộ"},     {"cu", "cụ"}, {"ba", "bà"},   {"ong", "ông"}, {"chau", "cháu"},
        {"bac", "bác"},     {"khau", "khẩu"}, {"co", "cô"}, {"chu", "chú"}, {"chi", "chị"}, {"ban", "bạn"}};
    auto in = [folded](auto& list) {
        return std::find(std::begin(list), std::end(list), folded) != std::end(list);
    };
    auto what = in(anyone) ? counted::anyone : in(households) ? counted::households : counted::kind;
    if (what == counted::kind && !in(kinds))
        return std::nullopt;
    if (!plain(raw)) {
        auto m = std::find_if(std::begin(marks), std::end(marks), [&](auto& p) { return p.first == folded; });
        if (!spelled_as(raw, m != std::end(marks) ? m->second : folded))
            return std::nullopt;
    }
    return unit_match{1, what, std::string(folded)};
}

// Two-word names of who came: "15 tiểu thương" (market traders), "45 đại biểu" (delegates),
// "hai ông bà" (an old couple), "2 vợ chồng".
std::optional<unit_match> unit_pair(std::string_view a, std::string_view b) {
    static const std::tuple<std::string_view, std::string_view, counted> pairs[] = {
        {"ba", "con", counted::anyone},       {"nguoi", "dan", counted::anyone},
        {"gia", "dinh", counted::households}, {"tieu", "thuong", counted::kind},
        {"dai", "bieu", counted::kind},       {"can", "bo", counted::kind},
        {"giao", "vien", counted::kind},      {"cong", "nhan", counted::kind},
        {"nong", "dan", counted::kind},       {"dang", "vien", counted::kind},
        {"thanh", "nien", counted::kind},     {"chi", "em", counted::kind},
        {"anh", "chi", counted::kind},        {"cong", "chuc", counted::kind},
        {"chien", "si", counted::kind},       {"hoc", "sinh", counted::kind},
        {"sinh", "vien", counted::kind},      {"hoi", "vien", counted::kind},
        {"doan", "vien", counted::kind},      {"phu", "huynh", counted::kind},
        {"phu", "nu", counted::kind},         {"nhan", "khau", counted::kind},
        {"nhan", "vien", counted::kind},      {"vo", "chong", counted::kind},
        {"ong", "ba", counted::kind},         {"ba", "chau", counted::kind},
        {"ong", "chau", counted::kind},       {"me", "con", counted::kind},
        {"bo", "con", counted::kind},         {"cha", "con", counted::kind},
        {"anh", "em", counted::kind}};
    for (auto [x, y, what] : pairs)
        if (a == x && b == y)
            return unit_match{2, what, std::string(x) + " " + std::string(y)};
    return std::nullopt;
}

// The unit of a head count that starts at token k, if one does.
std::optional<unit_match> unit_at(const std::vector<token>& toks, std::size_t k) {
    if (k >= toks.size())
        return std::nullopt;
    if (k + 1 < toks.size())
        if (auto u = unit_pair(toks[k].folded, toks[k + 1].folded))
            return u;
    return single_unit(toks[k].folded, toks[k].raw);
}

struct head_count {
    long value = 0;
    counted what = counted::kind;
    std::string kind;
};

// One number from all the head counts of a message. "N người" says it outright ("1 gia đình 4
// người" is 4). Otherwise different kinds of people add up ("2 vợ chồng và 1 cháu" is 3) while a
// kind named twice is one group, and each household is at least one person ("3 hộ").
std::optional<int> people_from(const std::vector<head_count>& counts) {
    if (counts.empty())
        return std::nullopt;
    long anyone = 0, households = 0;
    std::vector<std::pair<std::string_view, long>> kinds;
    for (auto& c : counts) {
        if (c.what == counted::anyone)
            anyone = std::max(anyone, c.value);
        else if (c.what == counted::households)
            households = std::max(households, c.value);
        else if (auto k =
                     std::find_if(kinds.begin(), kinds.end(), [&](auto& p) { return p.first == c.kind; });
                 k != kinds.end())
            k->second = std::max(k->second, c.value);
        else
            kinds.emplace_back(c.kind, c.value);
    }
    if (anyone > 0)
        return static_cast<int>(anyone);
    long people = 0;
    for (auto& [kind, n] : kinds)
        people += n;
    return static_cast<int>(std::min(std::max(people, households), 100000L));
}

// Forms of address before a name: "chị Sáu", "ông Bảy", "anh Ba" are people, not counts.
// Unaccented, "co" may be "có" (there is) and "di" "đi" (to go): those only before a capital.
bool addresses_someone(const token& title, const token& name) {
    static const std::string_view marked_titles[] = {"ông", "bà",   "chị", "anh", "cô",   "chú", "bác", "cụ",
                                                     "em",  "cháu", "dì",  "o",   "thím", "mợ",  "cậu", "bé"};
    static const std::string_view plain_titles[] = {"ong", "ba",   "chi", "anh", "co",   "chu", "bac", "cu",
                                                    "em",  "chau", "di",  "o",   "thim", "mo",  "cau", "be"};
    static const std::string_view unambiguous[] = {"ong", "anh", "em", "chau", "thim"};
    auto in = [](auto& list, std::string_view w) {
        return std::find(std::begin(list), std::end(list), w) != std::end(list);
    };
    if (!plain(title.raw)) {
        auto at = std::find(std::begin(plain_titles), std::end(plain_titles), title.folded);
        return at != std::end(plain_titles) &&
               spelled_as(title.raw, marked_titles[at - std::begin(plain_titles)]);
    }
    return in(plain_titles, title.folded) && (starts_upper(name.raw) || in(unambiguous, title.folded));
}

// "20-30": the lower end of a range of counts.
std::optional<long> digit_range(std::string_view w) {
    auto dash = w.find('-');
    if (dash == std::string_view::npos || dash == 0 || dash + 1 >= w.size() ||
        !std::isdigit(static_cast<unsigned char>(w[0])))
        return std::nullopt;
    long low = 0, high = 0;
    auto a = std::from_chars(w.data(), w.data() + dash, low);
    auto b = std::from_chars(w.data() + dash + 1, w.data() + w.size(), high);
    if (a.ptr != w.data() + dash || b.ptr != w.data() + w.size() || a.ec != std::errc() ||
        b.ec != std::errc() || high < low)
        return std::nullopt;
    return low;
}

// A number that is all digits: "30", not "30/11" or "3người".
std::optional<int> plain_number(std::string_view w) {
    int n = 0;
    auto [end, ec] = std::from_chars(w.data(), w.data() + w.size(), n);
    return ec == std::errc() && end == w.data() + w.size() ? std::optional(n) : std::nullopt;
}

// "1 000 người", "2 500 người": thousands set apart with a space (the "000" alone used to be
// refused as no number).
std::optional<spoken_number> spaced_thousands(const std::vector<token>& toks, std::size_t k) {
    if (k + 2 >= toks.size() || toks[k].folded.size() > 3 || toks[k + 1].folded.size() != 3 ||
        !unit_at(toks, k + 2))
        return std::nullopt;
    auto high = plain_number(toks[k].folded), low = plain_number(toks[k + 1].folded);
    if (!high || !low || *high < 0 || *low < 0)
        return std::nullopt;
    return spoken_number{*high * 1000L + *low, 2};
}

// "2ng", "3người", "5hộ": a head count written without the space.
std::optional<head_count> glued_count(const token& t) {
    std::string_view w = t.folded;
    std::size_t digits = 0;
    while (digits < w.size() && std::isdigit(static_cast<unsigned char>(w[digits])))
        ++digits;
    if (digits == 0 || digits == w.size() || digits > 6)
        return std::nullopt;
    auto raw = t.raw.substr(std::min(t.raw.size(), t.raw.find_first_of("0123456789") + digits));
    auto unit = single_unit(w.substr(digits), raw);
    if (!unit)
        return std::nullopt;
    int n = 0;
    std::from_chars(w.data(), w.data() + digits, n);
    return head_count{n, unit->what, unit->kind};
}

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

// A day and month without a year: this year's, or last year's when this year's is more than a
// month ahead ("20/12" written in January means last December). Nothing when no such day.
std::optional<year_month_day> day_of_recent_year(int y, int m, int d, bool year_given, year_month_day today) {
    year_month_day ymd{year{y}, month{static_cast<unsigned>(m)}, day{static_cast<unsigned>(d)}};
    if (m < 1 || d < 1 || !ymd.ok())
        return std::nullopt;
    if (!year_given && sys_days(ymd) > sys_days(today) + days(31))
        ymd = year_month_day{ymd.year() - years(1), ymd.month(), ymd.day()};
    return ymd.ok() ? std::optional(ymd) : std::nullopt;
}

// The latest day numbered `d` up to today: "mùng 1", "ngày 20" is this month's, or last
// month's when this month's is still ahead (or does not exist: "ngày 31" in November).
std::optional<year_month_day> latest_day_numbered(int d, year_month_day today) {
    year_month_day ymd{today.year(), today.month(), day{static_cast<unsigned>(d)}};
    if (!ymd.ok() || sys_days(ymd) > sys_days(today)) {
        auto last_month = year_month{today.year(), today.month()} - months(1);
        ymd = year_month_day{last_month.year(), last_month.month(), day{static_cast<unsigned>(d)}};
    }
    return ymd.ok() ? std::optional(ymd) : std::nullopt;
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

// "AI" only in capitals means the topic: folded, "ai" is also the Vietnamese "who".
std::string with_ai_spelled_out(std::string_view text) {
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        bool word_start = i == 0 || !std::isalnum(static_cast<unsigned char>(text[i - 1]));
        bool word_end = i + 2 >= text.size() || !std::isalnum(static_cast<unsigned char>(text[i + 2]));
        if (word_start && word_end && text.substr(i, 2) == "AI") {
            out += "tri tue nhan tao";
            ++i;
            continue;
        }
        out += text[i];
    }
    return out;
}

// "hôm qua", "sáng nay", "tối qua": the word before "nay"/"qua"/"kia" that makes it a day.
bool day_word(std::string_view w) {
    return w == "hom" || w == "sang" || w == "chieu" || w == "toi" || w == "trua" || w == "dem";
}

// Words that lead into a date: "ngày 20/11", "sáng 30/11", "chiều hôm qua", "vào thứ bảy".
bool leads_to_a_date(std::string_view w) {
    return w == "ngay" || w == "hom" || w == "sang" || w == "chieu" || w == "toi" || w == "trua" ||
           w == "dem" || w == "vao" || w == "luc" || w == "on" || w == "buoi" || w == "hoi" || w == "last";
}

// Words that lead into a head count: "cho 2 người", "khoảng 45 người", "hơn 50 người", "cả nhà
// 4 người".
bool leads_to_a_count(std::string_view w) {
    return w == "cho" || w == "khoang" || w == "hon" || w == "gan" || w == "for" || w == "about" ||
           w == "ca" || w == "nha";
}

// "thứ 7", "thứ bảy", "chủ nhật", "t7" at token k: the ISO weekday (Monday 1) and how many
// words it took.
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

// Is the token the word `folded`, written with the tone marks of `spelled` or with none at all?
// "ngày" (day) and unaccented "ngay" are; "ngáy" (to snore) is not.
bool written_as(const token& t, std::string_view folded, std::string_view spelled) {
    return !t.folded.empty() && t.folded[0] == folded[0] && t.folded == folded &&
           (plain(t.raw) || spelled_as(t.raw, spelled));
}

// "cô Hai và con gái", "chị Sáu và chồng", "anh Tư và 2 con" at token i: someone named, with
// family who came along. The named one is one person and each relative another (2, 2, 3): how
// many people, and how many words it took. Only "và"/"cùng" and a relative right after the name
// count: "nhà cô Hai" or "chị Sáu hộ kinh doanh" are still nobody counted.
std::optional<std::pair<long, std::size_t>>
named_with_family(const std::vector<token>& toks, std::span<const std::string_view> numbers, std::size_t i) {
    if (i + 3 >= toks.size() ||
        !(written_as(toks[i + 2], "va", "và") || written_as(toks[i + 2], "cung", "cùng")) ||
        !starts_upper(toks[i + 1].raw) || !addresses_someone(toks[i], toks[i + 1]))
        return std::nullopt;
    auto j = i + 3;
    long relatives = 1;
    if (auto n = read_spoken_number(numbers.subspan(j)); n && n->value >= 1 && n->value <= 20) {
        relatives = n->value;
        j += n->words;
    }
    // Not "em": "anh Tư và em cài VNeID" is often the member writing of themself.
    static const std::pair<std::string_view, std::string_view> kin[] = {
        {"con", "con"}, {"chong", "chồng"}, {"vo", "vợ"},   {"me", "mẹ"}, {"bo", "bố"},
        {"cha", "cha"}, {"chau", "cháu"},   {"ong", "ông"}, {"ba", "bà"}};
    if (j >= toks.size())
        return std::nullopt;
    auto relative = std::find_if(std::begin(kin), std::end(kin), [&](auto& k) {
        // Unaccented "ba" is three: only "bà" is a grandmother here.
        return written_as(toks[j], k.first, k.second) && (k.first != "ba" || !plain(toks[j].raw));
    });
    if (relative == std::end(kin))
        return std::nullopt;
    ++j;
    // "con gái", "con trai", "con dâu", "con rể": one relative.
    static const std::string_view of_child[] = {"gai", "trai", "dau", "re"};
    if (relative->first == "con" && j < toks.size() && one_of(toks[j].folded, of_child))
        ++j;
    return std::pair{1 + relatives, j - i};
}

// "và"/"cùng" (and, with) at token k.
bool joined_by_and(const std::vector<token>& toks, std::size_t k) {
    std::string_view f = k < toks.size() ? std::string_view(toks[k].folded) : std::string_view();
    return f == "va" || f == "cung";
}

struct family_count {
    long people = 0;
    std::size_t words = 0;
    std::string_view kind;
};

// Family named without a count before it, at token i: "bà cháu" (a grandparent and grandchild,
// two people; unaccented "ba chau" too, as "ba cu" is "bà cụ", while "ba cháu" with a mark is
// three children), or someone named with relatives ("chị Sáu và chồng"). Not after a count
// ("vợ chồng chú Hùng và 2 cháu", "hai bà cháu") nor a house ("nhà cô Hai và ...").
std::optional<family_count> family_at(const std::vector<token>& toks,
                                      std::span<const std::string_view> numbers,
                                      const std::vector<bool>& used, std::size_t i) {
    if (i > 0 && (used[i - 1] || toks[i - 1].folded == "nha"))
        return std::nullopt;
    auto& w = toks[i].folded;
    if ((w == "ba" || w == "ong") && i + 1 < toks.size() && written_as(toks[i + 1], "chau", "cháu") &&
        !(i > 0 && read_spoken_number(numbers.subspan(i - 1, 1)))) {
        bool grandparent = w == "ong"           ? written_as(toks[i], "ong", "ông")
                           : plain(toks[i].raw) ? plain(toks[i + 1].raw)
                                                : spelled_as(toks[i].raw, "bà");
        if (grandparent)
            return family_count{2, 2, "ba chau"};
    }
    if (auto f = named_with_family(toks, numbers, i))
        return family_count{f->first, f->second, "ca nha"};
    return std::nullopt;
}

// The words from token `first`, `n` of them, as written: "hôm trước", "31 tháng 2".
std::string phrase(const std::vector<token>& toks, std::size_t first, std::size_t n) {
    auto begin = toks[first].raw.data();
    auto& last = toks[first + n - 1].raw;
    std::string_view out(begin, static_cast<std::size_t>(last.data() + last.size() - begin));
    while (!out.empty() && std::ispunct(static_cast<unsigned char>(out.back())))
        out.remove_suffix(1);
    return std::string(out);
}

// A date found at a token: the day, and the words it took.
struct found_date {
    year_month_day day;
    std::size_t first = 0;
    std::size_t words = 1;
};

// "hôm qua", "bữa qua" (Central), "hum qua" (chat), "hôm kia", "hôm kìa" (three days ago),
// "sáng nay", "tối qua", "ngày mai", "hqua", "yesterday" at token k.
std::optional<found_date> relative_day_at(const std::vector<token>& toks, std::size_t k,
                                          year_month_day today) {
    auto on = [&](int offset, std::size_t words) {
        return found_date{year_month_day{sys_days(today) + days(offset)}, k, words};
    };
    std::string_view w = toks[k].folded;
    static const std::string_view words[] = {"hom",  "bua", "hum",  "ngay",  "sang",     "chieu",    "toi",
                                             "trua", "dem", "hqua", "today", "tomorrow", "yesterday"};
    if (!one_of(w, words))
        return std::nullopt; // asked for every word: most are gone here
    if (w == "hqua" || w == "yesterday" || w == "today" || w == "tomorrow")
        return on(w == "today" ? 0 : w == "tomorrow" ? 1 : -1, 1);
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

// A date in digits at token k: "30/11", "30-11", "30.11", "5/12/2026", with the "ngày", "hôm"
// or "on" before it. Not dates: "hẻm 45/7" and "12/3 Lê Lợi" (houses), "20-30 người" and "2-3
// hộ" (ranges), "lúc 8.10" (a time). `bad` is set to what can only be a date and is none
// ("31/02", "ngày 31/13").
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
    if (address_word(prev) || before_street || range_or_time || (!date_shaped(w) && !after_date_word))
        return std::nullopt;
    bool malformed = false;
    auto date = explicit_date(w, today, malformed);
    if (!date) {
        bad = std::string(toks[k].raw);
        return std::nullopt;
    }
    return found_date{*date, after_date_word ? k - 1 : k, after_date_word ? std::size_t{2} : std::size_t{1}};
}

// "3 ngày trước", "2 hôm trước", "5 bữa trước": that many days before today ("số 5 hôm trước" is
// house 5, on a day not said).
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

// A date in words at token k: "ngày 30 tháng 11", "30 tháng 11 năm 2025", "mùng 1", "mồng năm
// tháng 10", "ngày 20", "hôm 20". Without a month, the latest such day: this month's, or last
// month's. "mùng 1 Tết" is the lunar new year: not read here.
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
    if (!n || *n < 1 || *n > 31)
        return std::nullopt;
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

// Date words no rule read ("hôm trước", "tuần rồi", "tháng 11", "mùng 1 Tết"): how many words
// from token k, 0 when none start there. They are no place, and the member is shown the day
// recorded so that a wrong one is noticed.
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

// A verb of helping starts the description: "hướng dẫn", "cài", "giúp"... A verb followed by a
// capitalised word is part of a name ("Cái Răng").
// How many words a verb of helping at token k takes ("cài" 1, "hướng dẫn" 2); 0 when none starts there.
std::size_t verb_words(const std::vector<token>& toks, std::size_t k) {
    // "hd", "hdan" and "hdẫn" shorten "hướng dẫn".
    static const std::string_view verbs[] = {"giup", "cai",     "nop",       "nhac",   "helped",
                                             "help", "install", "installed", "taught", "showed",
                                             "hd",   "phat",    "hdan"};
    static const std::pair<std::string_view, std::string_view> verb_pairs[] = {
        {"huong", "dan"}, {"ho", "tro"},  {"dang", "ky"}, {"tu", "van"},  {"tuyen", "truyen"},
        {"kich", "hoat"}, {"chi", "dan"}, {"mo", "tai"},  {"tap", "huan"}};
    // Two capitalised words are a name ("Cái Răng", "Hướng Dẫn"), not a verb and its object.
    if (starts_upper(toks[k].raw) && k + 1 < toks.size() && starts_upper(toks[k + 1].raw))
        return 0;
    auto& w = toks[k].folded;
    if (std::find(std::begin(verbs), std::end(verbs), w) != std::end(verbs))
        return 1;
    for (auto [a, b] : verb_pairs)
        if (w == a && k + 1 < toks.size() && toks[k + 1].folded == b)
            return 2;
    return 0;
}

bool is_verb(const std::vector<token>& toks, std::size_t k) {
    return verb_words(toks, k) > 0;
}

// Does a topic phrase start at token k ("thanh toán QR", "VNeID")?
bool starts_topic(const std::vector<token>& toks, std::size_t k) {
    std::string rest;
    for (auto i = k; i < toks.size() && i < k + 6; ++i)
        rest += (rest.empty() ? "" : " ") + toks[i].folded;
    for (auto [b, e] : topic_phrase_spans(rest))
        if (b == 0)
            return true;
    return false;
}

// Without a comma, where the place ends: at the first word that starts the description, a verb
// of helping ("hướng dẫn", "cài", "giúp"...), or at a head count ("cho 2 người") or a date word
// (`counted`). A verb followed by a capitalised word is part of a name ("Cái Răng"). Leading
// date words are not the place either. Returns [first, last) token indexes.
std::pair<std::size_t, std::size_t> place_tokens(const std::vector<token>& toks,
                                                 const std::vector<bool>& counted) {
    auto starts_description = [&](std::size_t k) { return is_verb(toks, k); };
    std::size_t first = 0;
    while (first < toks.size() && counted[first])
        ++first;
    if (first < toks.size() && (starts_description(first) || starts_topic(toks, first)))
        return {first, first}; // no place given: "/tham hướng dẫn 2 người cài VNeID", "/sua 12 thanh toán QR"
    for (std::size_t k = first + 1; k < toks.size(); ++k) {
        if (counted[k]) { // "nhà bà Lan cho 2 người", "ấp Tân Hòa cả nhà 4 người"
            auto last = k;
            while (last > first + 1 && leads_to_a_count(toks[last - 1].folded))
                --last;
            return {first, last};
        }
        // "số 20 ngõ 9 VNeID cho 2 người": a topic ends the place too, unless it is part of a
        // name written in capitals ("Bệnh Viện C").
        bool name = starts_upper(toks[k].raw) && k + 1 < toks.size() && starts_upper(toks[k + 1].raw);
        if (starts_description(k) || (!name && starts_topic(toks, k)))
            return {first, k};
    }
    return {first, toks.size()};
}

// Where the place may end: a comma or semicolon, a line break (the address on a line of its own,
// as typed on a phone), or a colon before a space ("Tổ 5: cài VNeID", not "8:30").
std::size_t next_separator(std::string_view text, std::size_t from) {
    for (auto i = from; i < text.size(); ++i)
        if (text[i] == ',' || text[i] == ';' || text[i] == '\n' ||
            (text[i] == ':' && (i + 1 == text.size() || is_space(text[i + 1]))))
            return i;
    return std::string_view::npos;
}

// Does this comma-separated part only go on with the address ("ngõ 8", "tổ 3")? It starts with
// an address word and names no topic, head count, date or verb.
bool continues_address(std::string_view part, const std::vector<token>& toks, const std::vector<bool>& used) {
    std::vector<std::size_t> inside;
    for (std::size_t k = 0; k < toks.size(); ++k)
        if (toks[k].raw.data() >= part.data() && toks[k].raw.data() < part.data() + part.size())
            inside.push_back(k);
    if (inside.empty() || inside.size() > 6 || !address_word(toks[inside[0]].folded))
        return false;
    // "tổ chức" is "to organise"; "đường link" a link, not a street.
    if (inside.size() > 1 && ((toks[inside[0]].folded == "to" && toks[inside[1]].folded == "chuc") ||
                              (toks[inside[0]].folded == "duong" && toks[inside[1]].folded == "link")))
        return false;
    for (auto k : inside)
        if (used[k] || is_verb(toks, k))
            return false;
    return find_topics(fold(part)).empty();
}

// Marks the words inside topic phrases, matching on the words joined by single spaces.
void mark_topic_words(const std::vector<token>& toks, std::vector<bool>& marks) {
    std::string joined;
    std::vector<std::size_t> starts, ends;
    for (auto& t : toks) {
        if (!joined.empty())
            joined += ' ';
        starts.push_back(joined.size());
        joined += t.raw.starts_with("AI") && t.folded == "ai" ? "tri tue nhan tao" : t.folded;
        ends.push_back(joined.size());
    }
    for (auto [b, e] : topic_phrase_spans(joined))
        for (std::size_t k = 0; k < toks.size(); ++k)
            if (starts[k] < e && ends[k] > b)
                marks[k] = true;
}

// Words of the description (after the place) that no topic keyword, number, date or common
// connecting word explains: what `cnscd-bot parse` shows so keywords can be tuned.
std::vector<std::string> unexplained_words(const std::vector<token>& toks, std::vector<bool> used,
                                           std::string_view text, std::size_t description_from) {
    static const std::string_view filler[] = {
        "huong",  "dan",     "cho",     "va",     "cai",    "dat",    "giup",   "ho",    "tro",    "nguoi",
        "cach",   "su",      "dung",    "de",     "ve",     "voi",    "cac",    "nhung", "mot",    "hai",
        "ba",     "ong",     "ba",      "co",     "chu",    "anh",    "chi",    "em",    "bac",    "gia",
        "dinh",   "nha",     "tai",     "tren",   "qua",    "lam",    "da",     "duoc",  "trong",  "khi",
        "luc",    "the",     "nao",     "tham",   "buoi",   "tuyen",  "truyen", "tu",    "van",    "biet",
        "ky",     "nang",    "app",     "ung",    "dien",   "thoai",  "cua",    "o",     "la",     "va",
        "helped", "help",    "install", "with",   "for",    "and",    "people", "the",   "to",     "a",
        "on",     "how",     "dang",    "tai",    "khoan",  "kich",   "hoat",   "nhac",  "mo",     "ca",
        "cu",     "by",      "pay",     "showed", "hd",     "ng",     "khoang", "mang",  "online", "vo",
        "chong",  "sinh",    "du",      "pho",    "bien",   "so",     "mobile", "mr",    "mrs",    "ms",
        "miss",   "huynh",   "vien",    "nu",     "em",     "phu",    "hoc",    "con",   "chau",   "phat",
        "roi",    "tap",     "huan",    "hoi",    "nghi",   "trien",  "khai",   "sang",  "chieu",  "trua",
        "tieu",   "thuong",  "dai",     "bieu",   "bo",     "nay",    "dem",    "set",   "up",     "an",
        "old",    "on",      "about",   "of",     "in",     "at",     "their",  "her",   "his",    "them",
        "him",    "trained", "owner",   "open",   "accept", "booked", "hon",    "gan",   "duoi",   "den",
        "hdan",   "doi",     "sdt"};
    std::vector<std::string> out;
    if (description_from >= text.size())
        return out; // no description part: the whole text is the place
    mark_topic_words(toks, used);
    for (std::size_t k = 0; k < toks.size(); ++k) {
        if (toks[k].raw.data() < text.data() + description_from || used[k] || toks[k].folded.empty())
            continue;
        auto& w = toks[k].folded;
        // "ông Nam", "bà Mai": a name after how one addresses someone explains itself.
        static const std::string_view honorifics[] = {"ong", "ba", "anh", "chi", "co", "chu", "bac",
                                                      "em",  "cu", "mr",  "mrs", "ms", "miss"};
        if (k > 0 && starts_upper(toks[k].raw) &&
            std::find(std::begin(honorifics), std::end(honorifics), toks[k - 1].folded) !=
                std::end(honorifics))
            continue;
        bool is_filler = std::find(std::begin(filler), std::end(filler), w) != std::end(filler);
        bool is_number = std::all_of(w.begin(), w.end(),
                                     [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
        if (!is_filler && !is_number) {
            auto raw = toks[k].raw;
            while (!raw.empty() && std::ispunct(static_cast<unsigned char>(raw.back())))
                raw.remove_suffix(1); // "mạng," reads as "mạng"
            if (!raw.empty())         // "-" or "+" starting a line is no word
                out.emplace_back(raw);
        }
    }
    return out;
}

// "ok", "oke", "ừ", "vâng", "dạ", "👍", "🎉🎉": an acknowledgement, or nothing but emoji and
// punctuation. No visit is recorded from it.
bool acknowledgement(const std::vector<token>& toks) {
    static const std::string_view words[] = {"ok",  "oke", "okay", "okie", "okela", "u",   "um",
                                             "uhm", "uh",  "vang", "da",   "a",     "roi", "xong",
                                             "yes", "yep", "ye",   "dc",   "duoc",  "nhe"};
    return std::all_of(toks.begin(), toks.end(), [](const token& t) {
        return !has_letter_or_digit(t.raw) ||
               std::find(std::begin(words), std::end(words), t.folded) != std::end(words);
    });
}

// Is the number at token i, counting `unit`, part of an address ("số 12", "tổ 3", "nhà 12 ông
// Sáu")? "cả nhà 4 người" (the whole family) and "nhà 5 khẩu" (a household of five) are head counts.
bool number_in_address(const std::vector<token>& toks, std::size_t i, const std::optional<unit_match>& unit) {
    if (i == 0 || !address_word(toks[i - 1].folded))
        return false;
    if (toks[i - 1].folded != "nha")
        return true;
    bool whole_family = i > 1 && written_as(toks[i - 2], "ca", "cả");
    bool persons =
        unit && (unit->what == counted::anyone || unit->kind == "khau" || unit->kind == "nhan khau");
    return !whole_family && !persons;
}

// "vài người", "mấy hộ", "dăm người", "nhiều người", "một số người" at token k: how many words
// the vague count and its unit take. "vai" (shoulder), "máy" (machine) are no counts: in a
// message written with tone marks (`accented_text`), the word must carry its own.
std::optional<std::size_t> vague_count_at(const std::vector<token>& toks, std::size_t k, bool accented_text) {
    static const std::string_view words[] = {"vai", "may", "dam", "nhieu", "mot"};
    static const std::string_view spelled[] = {"vài", "mấy", "dăm", "nhiều", "một"};
    auto& t = toks[k];
    if (!one_of(t.folded, words))
        return std::nullopt; // asked for every word: most are gone here
    auto at = std::find(std::begin(words), std::end(words), t.folded) - std::begin(words);
    if (!written_as(t, t.folded, spelled[at]) || (accented_text && plain(t.raw)))
        return std::nullopt;
    std::size_t n = 1;
    if (t.folded == "mot") { // "một số", "một vài"
        if (k + 1 >= toks.size() ||
            !(written_as(toks[k + 1], "so", "số") || written_as(toks[k + 1], "vai", "vài")))
            return std::nullopt;
        n = 2;
    }
    auto unit = unit_at(toks, k + n);
    if (!unit)
        return std::nullopt;
    return n + unit->words;
}

// An address written over several lines, on one: "số nhà 45\nngõ 8" is "số nhà 45, ngõ 8" in
// confirmations and spreadsheets.
std::string one_line(std::string_view place) {
    std::string out;
    for (std::size_t i = 0; i < place.size();) {
        if (!is_space(place[i])) {
            out += place[i++];
            continue;
        }
        bool line_break = false;
        for (; i < place.size() && is_space(place[i]); ++i)
            line_break = line_break || place[i] == '\n';
        if (line_break && !out.empty() && out.back() != ',' && out.back() != ';')
            out += ',';
        out += ' ';
    }
    return out;
}

// A message read, with its words and which of them the rules used (counts and dates), for
// /sua to tell a new description from corrections.
struct reading {
    activity_details d;
    std::vector<token> toks;
    std::vector<bool> used;
    std::string_view text;            // what was read, trimmed
    std::size_t description_from = 0; // where in `text` the description starts, after the place
};

std::expected<reading, command_error> read_activity(std::string_view args, year_month_day today,
                                                    bool explain) {
    activity_details d;
    auto text = args;
    while (!text.empty() && is_space(text.front()))
        text.remove_prefix(1);
    while (!text.empty() && is_space(text.back()))
        text.remove_suffix(1);
    d.note = std::string(text);
    // Nearly no message says "AI": copying it character by character was a tenth of the parse.
    d.topics =
        find_topics(fold(text.find("AI") == std::string_view::npos ? text : with_ai_spelled_out(text)));

    auto toks = tokenize(text);
    std::vector<std::string_view> folded;
    folded.reserve(toks.size());
    for (auto& t : toks)
        folded.push_back(t.folded);
    // Number words as written: with tone marks, "bà" (grandmother) is no "ba" (three), and in a
    // message written with them, "sau" (after) is no "sáu" (six).
    bool accented = std::any_of(toks.begin(), toks.end(), [](const token& t) { return has_marks(t.raw); });
    std::vector<std::string_view> numbers(folded);
    for (std::size_t k = 0; k < toks.size(); ++k)
        if ((read_spoken_number(std::span(folded).subspan(k, 1)) ||
             ((folded[k] == "lam" || folded[k] == "nham" || folded[k] == "le") && k > 0 &&
              read_spoken_number(std::span(numbers).subspan(k - 1, 1)))) &&
            !spelled_as_number(toks[k].raw, accented))
            numbers[k] = {};
    std::vector<head_count> counts;
    std::vector<bool> used(toks.size(), false), dated(toks.size(), false);
    auto take = [&](std::size_t i, std::size_t n) {
        for (std::size_t k = i; k < i + n && k < toks.size(); ++k)
            used[k] = true;
    };
    auto take_date = [&](std::size_t i, std::size_t n) {
        take(i, n);
        for (std::size_t k = i; k < i + n && k < toks.size(); ++k)
            dated[k] = true;
    };
    for (std::size_t i = 0; i < toks.size(); ++i) {
        std::string_view w = toks[i].folded; // compares by length first
        // Dates
        std::string bad;
        auto date = relative_day_at(toks, i, today);
        if (!date)
            date = days_ago_at(toks, i, today);
        if (!date)
            date = numeric_date_at(toks, i, today, bad);
        if (!date && bad.empty())
            date = worded_date_at(toks, numbers, i, today, bad);
        if (!bad.empty())
            return std::unexpected(command_error{"", "error_bad_date", bad});
        if (date) {
            d.date = date->day;
            take_date(date->first, date->words);
            i = date->first + date->words - 1;
            continue;
        }
        // "thứ 7", "chủ nhật": the latest such day; "thứ 7 tuần trước": that day of last week.
        if (auto wd = weekday_at(toks, i)) {
            auto today_wd = weekday{sys_days{today}}.iso_encoding();
            auto n = wd->second;
            int back = static_cast<int>((today_wd + 7 - wd->first) % 7);
            // "last Monday" is the latest Monday before today.
            if (i > 0 && toks[i - 1].folded == "last" && n == 1 && back == 0)
                back = 7;
            if (i + n + 1 < toks.size() && toks[i + n].folded == "tuan" &&
                toks[i + n + 1].folded == "truoc") {
                back = static_cast<int>(today_wd - wd->first) + 7; // Monday-based weeks
                n += 2;
            }
            d.date = year_month_day{sys_days(today) - days(back)};
            take_date(i, n);
            i += n - 1;
            continue;
        }
        // "vài người", "mấy hộ", "một số người": people without a number. None is made up from
        // it; the confirmation asks for the real one.
        if (auto v = vague_count_at(toks, i, accented)) {
            if (d.people_vague.empty())
                d.people_vague = phrase(toks, i, *v);
            take(i, *v);
            i += *v - 1;
            continue;
        }
        // People: "2 người", "hai hộ", "30 người", "2ng"
        if (auto c = glued_count(toks[i]);
            c && !number_in_address(toks, i, unit_match{1, c->what, c->kind})) {
            if (c->value <= 0 || c->value > 100000)
                return std::unexpected(command_error{"", "error_bad_number", std::string(toks[i].raw)});
            counts.push_back(std::move(*c));
            take(i, 1);
            continue;
        }
        // "cho vợ chồng chú Hùng", "an old couple": a couple, without a number.
        auto number_before = [&] {
            return i > 0 && read_spoken_number(std::span(numbers).subspan(i - 1, 1));
        };
        if (((w == "vo" && i + 1 < toks.size() && toks[i + 1].folded == "chong") || w == "couple") &&
            !number_before()) {
            counts.push_back({2, counted::kind, "vo chong"});
            take(i, w == "vo" ? 2 : 1);
            i += w == "vo" ? 1 : 0;
            continue;
        }
        // "bà cháu", "chị Sáu và chồng", "anh Tư và 2 con": family without a count before it.
        // Asked for every word: only "ba", "ong" or a "và" two words on go further.
        if (auto f = w == "ba" || w == "ong" || joined_by_and(toks, i + 2) ? family_at(toks, numbers, used, i)
                                                                           : std::nullopt) {
            counts.push_back({f->people, counted::kind, std::string(f->kind)});
            take(i, f->words);
            i += f->words - 1;
            continue;
        }
        // "2 người", "ba mươi người", "hai chục hộ"; "cho 2 vợ chồng": the couple is the head count.
        // A range ("20-30 người", "20 đến 30 người") counts its lower end: reports must not inflate.
        std::optional<spoken_number> n;
        if (auto r = digit_range(w))
            n = spoken_number{*r, 1};
        else if (n = spaced_thousands(toks, i); !n)
            n = read_spoken_number(std::span(numbers).subspan(i));
        if (n && i + n->words + 1 < toks.size() &&
            (toks[i + n->words].folded == "den" || toks[i + n->words].folded == "toi"))
            if (auto upper = read_spoken_number(std::span(numbers).subspan(i + n->words + 1)))
                n->words += 1 + upper->words;
        if (!n || i + n->words >= toks.size())
            continue;
        auto after = i + n->words;
        auto unit = unit_at(toks, after);
        if (number_in_address(toks, i, unit))
            continue; // "số 12", "tổ 3", "khu 3" are addresses, not head counts
        // "chị Sáu", "ông Bảy hộ nghèo", "chị Hai hội viên": a name, however it goes on.
        if (i > 0 && !std::isdigit(static_cast<unsigned char>(w[0])) &&
            addresses_someone(toks[i - 1], toks[i]))
            continue;
        // "Hai Bà Trưng" (a street), "Hai Bà" with capitals: a name, not two women.
        bool name = !std::isdigit(static_cast<unsigned char>(w[0])) && starts_upper(toks[i].raw) &&
                    after < toks.size() && starts_upper(toks[after].raw);
        // Unaccented "giup ba cu" is "bà cụ" (the old lady) far more often than three old people.
        bool old_lady =
            w == "ba" && unit && unit->kind == "cu" && plain(toks[i].raw) && plain(toks[after].raw);
        if (!unit || name || old_lady)
            continue;
        if (n->value <= 0 || n->value > 100000)
            return std::unexpected(command_error{"", "error_bad_number", std::string(toks[i].raw)});
        counts.push_back({n->value, unit->what, std::move(unit->kind)});
        take(i, n->words + unit->words);
        i = after + unit->words - 1;
    }
    d.people = people_from(counts);
    if (d.people)
        d.people_vague.clear(); // "vài người, 2 người cài VNeID": the number given wins
    // "ngày hôm qua", "vào sáng thứ 7": the words leading into a date are part of it.
    for (std::size_t k = toks.size(); k-- > 1;)
        if (dated[k] && !used[k - 1] && leads_to_a_date(toks[k - 1].folded))
            take_date(k - 1, 1);
    std::vector<std::string> unread_dates;
    for (std::size_t k = 0; k < toks.size(); ++k)
        if (auto n = used[k] ? 0 : unread_date_at(toks, used, k)) {
            unread_dates.push_back(phrase(toks, k, n));
            take_date(k, n);
            k += n - 1;
        }
    d.says_when = d.date.has_value() || !unread_dates.empty();

    bool nothing = acknowledgement(toks);
    d.says_what =
        !nothing && (!d.topics.empty() || std::any_of(toks.begin(), toks.end(), [&](const token& t) {
            auto k = static_cast<std::size_t>(&t - toks.data());
            return !used[k] && has_letter_or_digit(t.raw) && !leads_to_a_date(t.folded);
        }));

    // The place is what comes before the first comma; without one, what comes before the
    // description ("số 12 ngõ 5 hướng dẫn 2 người cài VNeID" is at "số 12 ngõ 5").
    auto description_from = next_separator(text, 0);
    // "số nhà 45, ngách 12/5, ngõ 8: cài VssID": parts that only go on with the address stay in it.
    while (description_from != std::string_view::npos) {
        auto next = next_separator(text, description_from + 1);
        auto part =
            text.substr(description_from + 1, next == std::string_view::npos ? std::string_view::npos
                                                                             : next - description_from - 1);
        if (!continues_address(part, toks, used))
            break;
        if (next == std::string_view::npos) {
            description_from = text.size(); // all of it is the address
            break;
        }
        description_from = next;
    }
    // The place without the date words and head counts at its end and what leads into them:
    // "số 5 sáng 30/11", "số 5 chiều hôm qua", "hội người cao tuổi 12 cụ", "nhà bà Lan cho 2
    // người" are at "số 5", "hội người cao tuổi", "nhà bà Lan".
    auto place_between = [&](std::size_t from, std::size_t to) {
        bool cut = false;
        for (std::size_t k = toks.size(); k-- > 0;) {
            auto start = static_cast<std::size_t>(toks[k].raw.data() - text.data());
            if (start >= to)
                continue; // after the place (a token's raw text may end with the comma)
            if (start < from ||
                !(used[k] || (cut && (leads_to_a_date(toks[k].folded) || leads_to_a_count(toks[k].folded)))))
                break;
            to = start;
            cut = true;
        }
        return std::string(text.substr(from, to > from ? to - from : 0));
    };
    if (description_from != std::string_view::npos) {
        // A date or count written first is not the place: "25/11 nhà bà Lan, ..." is at "nhà bà
        // Lan", "3 hộ khu B, ..." at "khu B".
        std::size_t from = 0;
        for (std::size_t k = 0; k < toks.size() && used[k]; ++k)
            from = static_cast<std::size_t>(toks[k].raw.data() + toks[k].raw.size() - text.data());
        if (from > description_from)
            from = 0;
        d.place = place_between(from, description_from);
        while (!d.place.empty() &&
               (is_space(d.place.front()) || d.place.front() == ':' || d.place.front() == '-'))
            d.place.erase(d.place.begin());
    } else {
        auto [first, last] = place_tokens(toks, used);
        auto offset = [&](std::size_t k) {
            return k < toks.size() ? static_cast<std::size_t>(toks[k].raw.data() - text.data()) : text.size();
        };
        if (first < last)
            d.place = place_between(offset(first), offset(last));
        description_from = last < toks.size() ? offset(last) : text.size();
    }
    while (!d.place.empty() && (is_space(d.place.back()) || d.place.back() == ':' || d.place.back() == '-' ||
                                d.place.back() == ';' || d.place.back() == ','))
        d.place.pop_back();
    d.place = one_line(d.place);
    // "số 12 ngõ 5 🏠": an emoji at the end decorates the message; it is no part of the address.
    for (auto space = d.place.rfind(' ');
         space != std::string::npos && !has_letter_or_digit(d.place.substr(space));
         space = d.place.rfind(' ')) {
        d.place.resize(space);
        while (!d.place.empty() && (is_space(d.place.back()) || d.place.back() == ','))
            d.place.pop_back();
    }
    if (nothing)
        d.place.clear(); // "ok", "👍" is no address
    if (explain) {
        d.unparsed = std::move(unread_dates);
        if (!d.people_vague.empty())
            d.unparsed.insert(d.unparsed.begin(), d.people_vague);
        auto words = unexplained_words(toks, used, text, description_from);
        d.unparsed.insert(d.unparsed.end(), words.begin(), words.end());
    }
    return reading{std::move(d), std::move(toks), std::move(used), text, description_from};
}

} // namespace

bool address_word(std::string_view w) {
    static const std::string_view words[] = {"so",   "ngo",   "ngach", "hem", "kiet",  "to",  "khu",
                                             "pho",  "thon",  "xom",   "ap",  "lo",    "can", "phong",
                                             "tang", "duong", "khoi",  "kp",  "block", "nha"};
    return one_of(w, words);
}

std::expected<activity_details, command_error> parse_activity(std::string_view args, year_month_day today,
                                                              bool explain) {
    auto r = read_activity(args, today, explain);
    if (!r)
        return std::unexpected(r.error());
    return std::move(r->d);
}

namespace {

// What the words at the start of a /sua announce.
enum class edit_label { none, people, description, date, address };

struct edit_lead {
    std::size_t words = 0; // the words taken, punctuation between them included
    edit_label label = edit_label::none;
    bool adds = false;
};

// How many words of `phrase` (as written, tone marks and all) start at token k; 0 when it does not.
std::size_t phrase_at(const std::vector<token>& toks, std::size_t k, std::string_view phrase) {
    std::size_t n = 0;
    for (; !phrase.empty(); ++n) {
        auto word = phrase.substr(0, phrase.find(' '));
        phrase.remove_prefix(std::min(phrase.size(), word.size() + 1));
        if (k + n >= toks.size() || !written_as(toks[k + n], fold(word), word))
            return 0;
    }
    return n;
}

// The correction word or label that starts at token k, if any.
std::optional<edit_lead> correction_word_at(const std::vector<token>& toks, std::size_t k) {
    // Longer phrases first: "sửa lại" before "sửa".
    static const std::string_view fillers[] = {
        "đúng ra là", "sửa lại",  "chỉnh lại", "đổi thành", "đổi lại",   "ghi nhầm",   "bị nhầm",
        "ghi lại",    "cập nhật", "đúng ra",   "đúng là",   "should be", "sửa",        "chỉnh",
        "lại",        "là",       "thành",     "đổi",       "nhầm",      "correction", "actually"};
    static const std::pair<std::string_view, edit_label> labels[] = {{"số người", edit_label::people},
                                                                     {"số lượng", edit_label::people},
                                                                     {"nội dung", edit_label::description},
                                                                     {"chủ đề", edit_label::description},
                                                                     {"địa chỉ", edit_label::address},
                                                                     {"địa điểm", edit_label::address},
                                                                     {"ngày", edit_label::date}};
    static const std::string_view additions[] = {"bổ sung", "thêm", "add"};
    for (auto p : fillers)
        if (auto n = phrase_at(toks, k, p))
            return edit_lead{n, edit_label::none, false};
    for (auto [p, label] : labels)
        if (auto n = phrase_at(toks, k, p))
            return edit_lead{n, label, false};
    for (auto p : additions)
        if (auto n = phrase_at(toks, k, p))
            return edit_lead{n, edit_label::none, true};
    return std::nullopt;
}

// The words at the start of a /sua that only announce a correction: "sửa lại là", "nhầm,",
// "ghi nhầm ngày,", "số người là", "nội dung", "thêm". "thanh toán QR" is a topic, not
// "thành"; "ngày 20/11" a date, while "ngày," or "ngày là" only names what is corrected.
edit_lead correction_lead(const std::vector<token>& toks) {
    edit_lead lead;
    while (lead.words < toks.size()) {
        auto k = lead.words;
        if (!has_letter_or_digit(toks[k].raw)) { // ",", ":", "-", "→"
            ++lead.words;
            continue;
        }
        auto w = starts_topic(toks, k) ? std::nullopt : correction_word_at(toks, k);
        if (!w)
            break;
        auto last = toks[k + w->words - 1].raw;
        bool names_a_field = last.ends_with(',') || last.ends_with(':') || k + w->words == toks.size() ||
                             correction_word_at(toks, k + w->words) ||
                             !has_letter_or_digit(toks[k + w->words].raw);
        if (w->label == edit_label::date && !names_a_field)
            break;
        lead.words += w->words;
        lead.label = w->label == edit_label::none ? lead.label : w->label;
        lead.adds = lead.adds || w->adds;
    }
    return lead;
}

// Connecting words that describe nothing themselves.
bool connecting_word(std::string_view w) {
    static const std::string_view words[] = {"cho", "va",  "voi", "la",    "cua",  "o",   "tai", "them",
                                             "nua", "nhe", "a",   "ca",    "cac",  "for", "and", "with",
                                             "to",  "the", "of",  "nhung", "luon", "ah"};
    return std::find(std::begin(words), std::end(words), w) != std::end(words);
}

// Does the description (the text from byte `from`) say something of its own, beyond counts,
// dates, topic names, verbs of helping and connecting words? Then it is a new note for the record.
bool describes_anew(const reading& r, std::size_t from) {
    auto marks = r.used;
    mark_topic_words(r.toks, marks);
    for (std::size_t k = 0; k < r.toks.size(); ++k) {
        if (auto v = verb_words(r.toks, k))
            for (std::size_t j = k; j < k + v; ++j)
                marks[j] = true;
        auto at = static_cast<std::size_t>(r.toks[k].raw.data() - r.text.data());
        if (!marks[k] && at >= from && has_letter_or_digit(r.toks[k].raw) &&
            !connecting_word(r.toks[k].folded))
            return true;
    }
    return false;
}

} // namespace

std::expected<edit_request, command_error> parse_edit(std::string_view args, year_month_day today,
                                                      bool explain) {
    auto toks = tokenize(args);
    auto lead = correction_lead(toks);
    auto rest = lead.words < toks.size()
                    ? args.substr(static_cast<std::size_t>(toks[lead.words].raw.data() - args.data()))
                    : std::string_view();
    auto r = read_activity(rest, today, explain);
    if (!r)
        return std::unexpected(r.error());
    edit_request e;
    e.adds = lead.adds;
    auto& d = r->d;
    // "số người là 4": the number after the label is the count.
    if (lead.label == edit_label::people && !d.people && !r->toks.empty()) {
        std::vector<std::string_view> words;
        for (auto& t : r->toks)
            words.push_back(t.folded);
        if (auto n = read_spoken_number(words)) {
            if (n->value <= 0 || n->value > 100000)
                return std::unexpected(command_error{"", "error_bad_number", std::string(r->toks[0].raw)});
            d.people = static_cast<int>(n->value);
            std::fill_n(r->used.begin(), n->words, true);
        }
    }
    // After a label only that field changes: "nội dung dịch vụ công" names no address, and all
    // that follows "nội dung" is the description.
    bool field = lead.label != edit_label::none && lead.label != edit_label::address;
    if (field)
        d.place.clear();
    e.new_note = !acknowledgement(r->toks) && describes_anew(*r, field ? 0 : r->description_from);
    e.details = std::move(d);
    return e;
}

bool reads_as_activity(std::string_view text) {
    while (!text.empty() && is_space(text.back()))
        text.remove_suffix(1);
    if (text.empty() || text.back() == '?')
        return false;
    auto toks = tokenize(text);
    if (toks.size() < 2)
        return false;
    auto& first = toks[0].folded;
    auto& second = toks[1].folded;
    if (first == "nha" ||
        (address_word(first) && !second.empty() && std::isdigit(static_cast<unsigned char>(second[0]))))
        return true;
    return !find_topics(fold(text)).empty();
}

} // namespace cnscd
