#include "messages/head_count.hpp"

#include "messages/activity_parser.hpp"
#include "messages/text_fold.hpp"

#include <cctype>
#include <charconv>
#include <tuple>

namespace cnscd::activity_detail {
namespace {

// Words that name who a head count counts. Vietnamese names people by who they are: "30 phụ
// huynh" (parents), "20 hội viên", "3 gia đình", "40 em học sinh", "2 cháu". Each really means
// people: "học" (study) and "hội" (association) alone do not ("năm học mới", "hai học kỳ").
// Written with tone marks, a word must carry its own: "hồ" (a lake) is no "hộ" (household).
std::optional<unit_match> single_unit(std::string_view folded, std::string_view raw) {
    static const std::string_view anyone[] = {"nguoi", "ng", "people", "person", "persons", "attendees"};
    static const std::string_view households[] = {"ho", "households", "families"};
    static const std::string_view kinds[] = {
        "cu",      "ba",     "ong",       "chau",  "bac",      "khau",      "em",      "co",       "chu",
        "chi",     "anh",    "ban",       "hv",    "vc",       "residents", "parents", "students", "members",
        "seniors", "elders", "villagers", "women", "teachers", "traders",   "dv"};
    static const std::pair<std::string_view, std::string_view> marks[] = {
        {"nguoi", "người"}, {"ho", "hộ"},   {"cu", "cụ"},     {"ba", "bà"}, {"ong", "ông"},
        {"chau", "cháu"},   {"bac", "bác"}, {"khau", "khẩu"}, {"co", "cô"}, {"chu", "chú"},
        {"chi", "chị"},     {"ban", "bạn"}, {"dv", "đv"}};
    auto in = [folded](auto& list) {
        return std::find(std::begin(list), std::end(list), folded) != std::end(list);
    };
    auto what = in(anyone) ? counted::anyone : in(households) ? counted::households : counted::kind;
    if (what == counted::kind && !in(kinds))
        return std::nullopt;
    // "30 ĐV" (đoàn viên, youth union members); "dv" without its "đ" is "dịch vụ" (service).
    if (folded == "dv" && plain(raw))
        return std::nullopt;
    // "ngươi", "ngưoi", "nguòi": half the marks typed in a hurry. No other word is spelled so.
    if (!plain(raw) && folded != "nguoi") {
        auto m = std::find_if(std::begin(marks), std::end(marks), [&](auto& p) { return p.first == folded; });
        if (!spelled_as(raw, m != std::end(marks) ? m->second : folded))
            return std::nullopt;
    }
    return unit_match{1, what, std::string(folded)};
}

// Two-word names of who came: "15 tiểu thương" (market traders), "45 đại biểu" (delegates),
// "hai ông bà" (an old couple), "2 vợ chồng", "1.500 lượt người" (as reports count attendance).
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
        {"anh", "em", counted::kind},         {"luot", "nguoi", counted::anyone}};
    for (auto [x, y, what] : pairs)
        if (a == x && b == y)
            return unit_match{2, what, std::string(x) + " " + std::string(y)};
    return std::nullopt;
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

} // namespace

std::optional<unit_match> unit_at(const std::vector<token>& toks, std::size_t k) {
    if (k >= toks.size())
        return std::nullopt;
    if (k + 1 < toks.size())
        if (auto u = unit_pair(toks[k].folded, toks[k + 1].folded))
            return u;
    return single_unit(toks[k].folded, toks[k].raw);
}

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

std::optional<int> plain_number(std::string_view w) {
    int n = 0;
    auto [end, ec] = std::from_chars(w.data(), w.data() + w.size(), n);
    return ec == std::errc() && end == w.data() + w.size() ? std::optional(n) : std::nullopt;
}

std::optional<spoken_number> spaced_thousands(const std::vector<token>& toks, std::size_t k) {
    if (k + 2 >= toks.size() || toks[k].folded.size() > 3 || toks[k + 1].folded.size() != 3 ||
        !unit_at(toks, k + 2))
        return std::nullopt;
    auto high = plain_number(toks[k].folded), low = plain_number(toks[k + 1].folded);
    if (!high || !low || *high < 0 || *low < 0)
        return std::nullopt;
    return spoken_number{*high * 1000L + *low, 2};
}

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

bool leads_to_a_count(std::string_view w) {
    return w == "cho" || w == "khoang" || w == "hon" || w == "gan" || w == "for" || w == "about" ||
           w == "ca" || w == "nha";
}

bool joined_by_and(const std::vector<token>& toks, std::size_t k) {
    std::string_view f = k < toks.size() ? std::string_view(toks[k].folded) : std::string_view();
    return f == "va" || f == "cung";
}

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
    // "ông và bà", "bà và ông": the old couple, two people.
    auto grand = [&](std::size_t k, std::string_view f, std::string_view marked) {
        return k < toks.size() && written_as(toks[k], f, marked) &&
               (f != "ba" || !plain(toks[k].raw) || plain(toks[i].raw));
    };
    if (joined_by_and(toks, i + 1) && ((grand(i, "ong", "ông") && grand(i + 2, "ba", "bà")) ||
                                       (grand(i, "ba", "bà") && grand(i + 2, "ong", "ông"))))
        return family_count{2, 3, "ong ba"};
    if (auto f = named_with_family(toks, numbers, i))
        return family_count{f->first, f->second, "ca nha"};
    return std::nullopt;
}

bool number_in_address(const std::vector<token>& toks, std::size_t i, const std::optional<unit_match>& unit) {
    if (i == 0 || !address_word(toks[i - 1].folded))
        return false;
    // "chữ ký số, 1 người": a comma between them, the word ended what was done.
    if (auto& before = toks[i - 1].raw; before.ends_with(',') || before.ends_with(';'))
        return false;
    if (toks[i - 1].folded != "nha")
        return true;
    bool whole_family = i > 1 && written_as(toks[i - 2], "ca", "cả");
    bool persons =
        unit && (unit->what == counted::anyone || unit->kind == "khau" || unit->kind == "nhan khau");
    return !whole_family && !persons;
}

namespace {

// "cả nhà", "cả gia đình", "cả hộ" (the whole family) at token k without its number after it
// ("cả nhà 4 người" is four): how many words it takes. Not first: "cả nhà ông Tư, ..." is
// where the visit was.
std::size_t whole_family_at(const std::vector<token>& toks, std::size_t k, bool accented_text) {
    auto& t = toks[k];
    if (k == 0 || !written_as(t, "ca", "cả") || (accented_text && plain(t.raw)) || k + 1 >= toks.size())
        return 0;
    std::size_t n = written_as(toks[k + 1], "nha", "nhà") || written_as(toks[k + 1], "ho", "hộ")         ? 2
                    : k + 2 < toks.size() && toks[k + 1].folded == "gia" && toks[k + 2].folded == "dinh" ? 3
                                                                                                         : 0;
    if (n == 0 || k + n >= toks.size())
        return n;
    auto& next = toks[k + n].folded;
    std::string_view words[] = {next};
    bool number_follows = !next.empty() && (std::isdigit(static_cast<unsigned char>(next[0])) ||
                                            (read_spoken_number(std::span<const std::string_view>(words)) &&
                                             spelled_as_number(toks[k + n].raw, accented_text)));
    return number_follows ? 0 : n;
}

} // namespace

std::optional<std::size_t> vague_count_at(const std::vector<token>& toks, std::size_t k, bool accented_text) {
    static const std::string_view words[] = {"vai", "may", "dam", "nhieu", "mot"};
    static const std::string_view for_whom[] = {"cho", "giup", "dan", "hd", "voi", "nhac"};
    static const std::string_view spelled[] = {"vài", "mấy", "dăm", "nhiều", "một"};
    auto& t = toks[k];
    if (t.folded == "ca")
        if (auto n = whole_family_at(toks, k, accented_text))
            return n;
    // "cho bà con", "hướng dẫn bà con" (the residents): for whom, with no number of them ("bà con
    // vui" says how they took it). Unaccented "ba con" is three children.
    if (t.folded == "ba" && k > 0 && one_of(toks[k - 1].folded, for_whom) && k + 1 < toks.size() &&
        toks[k + 1].folded == "con" && !plain(t.raw) && spelled_as(t.raw, "bà") &&
        written_as(toks[k + 1], "con", "con") && !starts_upper(toks[k + 1].raw))
        return 2;
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

} // namespace cnscd::activity_detail
