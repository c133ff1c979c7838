#include "messages/activity_parser.hpp"

#include "messages/activity_dates.hpp"
#include "messages/activity_reading.hpp"
#include "messages/head_count.hpp"
#include "messages/telex.hpp"
#include "messages/text_fold.hpp"
#include "messages/topics.hpp"

#include <cctype>

namespace cnscd {
namespace activity_detail {

using namespace std::chrono;

namespace {

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

} // namespace

// A verb of helping starts the description: "hướng dẫn", "cài", "giúp"... A verb followed by a
// capitalised word is part of a name ("Cái Răng").
std::size_t verb_words(const std::vector<token>& toks, std::size_t k) {
    // "hd", "hdan" and "hdẫn" shorten "hướng dẫn".
    static const std::string_view verbs[] = {"giup", "cai",     "nop",       "nhac",   "helped",
                                             "help", "install", "installed", "taught", "showed",
                                             "hd",   "phat",    "hdan"};
    static const std::pair<std::string_view, std::string_view> verb_pairs[] = {
        {"huong", "dan"}, {"ho", "tro"},  {"dang", "ky"}, {"tu", "van"},   {"tuyen", "truyen"},
        {"kich", "hoat"}, {"chi", "dan"}, {"mo", "tai"},  {"tap", "huan"}, {"dang", "ki"}};
    auto& w = toks[k].folded;
    // "làm thủ tục" (an administrative procedure: "hướng dẫn bà Lan làm thủ tục trên dịch vụ
    // công"); "làm" alone says nothing of helping.
    if (w == "lam" && k + 2 < toks.size() && toks[k + 1].folded == "thu" && toks[k + 2].folded == "tuc")
        return 3;
    // "Hướng Dẫn", "Hỗ Trợ": typed with every word capitalised, still the verb; no place is
    // named so.
    for (auto [a, b] : verb_pairs)
        if (w == a && k + 1 < toks.size() && toks[k + 1].folded == b)
            return 2;
    if (std::find(std::begin(verbs), std::end(verbs), w) == std::end(verbs))
        return 0;
    // Two capitalised words are a name ("Cái Răng"), not a verb and its object, unless the
    // second names a topic ("Cài VNeID"). Asked of verbs only: it costs a topic search.
    if (starts_upper(toks[k].raw) && k + 1 < toks.size() && starts_upper(toks[k + 1].raw) &&
        !starts_topic(toks, k + 1))
        return 0;
    return 1;
}

bool is_verb(const std::vector<token>& toks, std::size_t k) {
    return verb_words(toks, k) > 0;
}

bool starts_topic(const std::vector<token>& toks, std::size_t k) {
    std::string rest;
    for (auto i = k; i < toks.size() && i < k + 6; ++i)
        rest += (rest.empty() ? "" : " ") + toks[i].folded;
    for (auto [b, e] : topic_phrase_spans(rest))
        if (b == 0)
            return true;
    return false;
}

namespace {

// "đã cài", "vừa hướng dẫn": a verb of helping, with "already" or "just" before it.
std::size_t verb_at(const std::vector<token>& toks, std::size_t k) {
    if ((toks[k].folded == "da" || toks[k].folded == "vua") && k + 1 < toks.size() && is_verb(toks, k + 1))
        return 2;
    return is_verb(toks, k) ? 1 : 0;
}

std::size_t place_end(const std::vector<token>& toks, const std::vector<bool>& counted, std::size_t first);

// "tôi giúp bà Năm số 8 ngõ 3 ...", "em vừa hướng dẫn ...", "cháu đã cài ...": the member writing
// of themself, then what they did. The pronoun is no address; the message starts with the verb.
bool self_then_verb(const std::vector<token>& toks, std::size_t k) {
    static const std::pair<std::string_view, std::string_view> self[] = {
        {"toi", "tôi"}, {"tui", "tui"}, {"em", "em"}, {"chau", "cháu"}, {"minh", "mình"}, {"con", "con"}};
    if (k + 1 >= toks.size() || verb_at(toks, k + 1) == 0)
        return false;
    return std::any_of(std::begin(self), std::end(self),
                       [&](auto& p) { return written_as(toks[k], p.first, p.second); });
}

// Without a comma, where the place ends: at the first word that starts the description, a verb
// of helping ("hướng dẫn", "cài", "giúp"...), or at a head count ("cho 2 người") or a date word
// (`counted`). A verb followed by a capitalised word is part of a name ("Cái Răng"). Leading
// date words are not the place either. Returns [first, last) token indexes.
std::pair<std::size_t, std::size_t> place_tokens(const std::vector<token>& toks,
                                                 const std::vector<bool>& counted) {
    auto starts_description = [&](std::size_t k) { return verb_at(toks, k) > 0; };
    std::size_t first = 0;
    while (first < toks.size() && counted[first])
        ++first;
    if (first < toks.size() && self_then_verb(toks, first))
        ++first;
    if (first < toks.size() && (starts_description(first) || starts_topic(toks, first))) {
        // "cài vneid cho 2 người ở số 12 ngõ 5", "vneid 2 người số 12 ngõ 5": the address written
        // last, a house's number after "ở"/"tại" (at) or not; "tại nhà bà Lan" after them only.
        static const std::string_view house[] = {"so", "ngo", "ngach", "hem", "kiet"};
        for (auto k = first + 1; k + 1 < toks.size(); ++k) {
            bool at = toks[k - 1].folded == "o" || toks[k - 1].folded == "tai";
            bool numbered = std::isdigit(static_cast<unsigned char>(toks[k + 1].raw[0])) && !counted[k + 1];
            if (!counted[k] &&
                ((numbered && (at ? address_word(toks[k].folded) : one_of(toks[k].folded, house))) ||
                 (at && toks[k].folded == "nha" && k + 2 < toks.size())))
                return {k, place_end(toks, counted, k)};
        }
        return {first, first}; // no place given: "/tham hướng dẫn 2 người cài VNeID", "/sua 12 thanh toán QR"
    }
    return {first, place_end(toks, counted, first)};
}

// Where a place that starts at token `first` ends: at a head count, a verb of helping or a topic.
std::size_t place_end(const std::vector<token>& toks, const std::vector<bool>& counted, std::size_t first) {
    auto starts_description = [&](std::size_t k) { return verb_at(toks, k) > 0; };
    for (std::size_t k = first + 1; k < toks.size(); ++k) {
        if (counted[k]) { // "nhà bà Lan cho 2 người", "ấp Tân Hòa cả nhà 4 người"
            auto last = k;
            while (last > first + 1 && leads_to_a_count(toks[last - 1].folded))
                --last;
            return last;
        }
        // "số 20 ngõ 9 VNeID cho 2 người": a topic ends the place too, unless it is part of a
        // name written in capitals ("Bệnh Viện C").
        bool name = starts_upper(toks[k].raw) && k + 1 < toks.size() && starts_upper(toks[k + 1].raw);
        if (starts_description(k) || (!name && starts_topic(toks, k)))
            return k;
    }
    return toks.size();
}

// Where the place may end: a comma or semicolon, a line break (the address on a line of its own,
// as typed on a phone), or a colon ("Tổ 5: cài VNeID", "ngõ 5:cài VNeID"), but not one between
// digits ("8:30") nor a link's ("https://").
std::size_t next_separator(std::string_view text, std::size_t from) {
    auto digit = [&](std::size_t i) {
        return i < text.size() && std::isdigit(static_cast<unsigned char>(text[i]));
    };
    for (auto i = from; i < text.size(); ++i)
        if (text[i] == ',' || text[i] == ';' || text[i] == '\n' ||
            (text[i] == ':' && !(i > 0 && digit(i - 1) && digit(i + 1)) &&
             !(i + 1 < text.size() && text[i + 1] == '/')))
            return i;
    return std::string_view::npos;
}

// "số 12 ngõ 5 cài vneid cho 2 người, hôm qua": the first comma came after the description, not
// after the address. Where the description starts among tokens [first, last): at a topic, or at
// a verb of helping followed by a topic, a head count or a day (a verb alone may be part of a
// place's name: "Trung tâm hỗ trợ ..."). `marks`: the topic words. nullopt when it does not.
std::optional<std::size_t> description_start(const std::vector<token>& toks, const std::vector<bool>& used,
                                             const std::vector<bool>& marks, std::size_t first,
                                             std::size_t last) {
    for (std::size_t k = first; k < last; ++k) {
        // "Bệnh Viện C", "Cái Răng": capitalised words are a name.
        bool name = starts_upper(toks[k].raw) && k + 1 < toks.size() && starts_upper(toks[k + 1].raw);
        if (marks[k] && !name && (k == first || !marks[k - 1]))
            return k;
        if (verb_at(toks, k))
            for (auto j = k; j < last; ++j)
                if (marks[j] || used[j])
                    return k;
    }
    return std::nullopt;
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
    return find_topics(untelex(fold(part))).empty();
}

// Where an address that reaches separator `at` ends, once the parts after it that only go on with
// it are added (continues_address): the first separator whose part does not, `at` itself when
// the next part does not, or text.size() when all of them do.
std::size_t address_parts_end(std::string_view text, std::size_t at, const std::vector<token>& toks,
                              const std::vector<bool>& used) {
    for (;;) {
        auto next = next_separator(text, at + 1);
        auto part =
            text.substr(at + 1, next == std::string_view::npos ? std::string_view::npos : next - at - 1);
        if (!continues_address(part, toks, used))
            return at;
        if (next == std::string_view::npos)
            return text.size();
        at = next;
    }
}

} // namespace

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

namespace {

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
        "hdan",   "doi",     "sdt",     "ki",     "tk",     "xac",    "thuc"};
    std::vector<std::string> out;
    if (description_from >= text.size())
        return out; // no description part: the whole text is the place
    mark_topic_words(toks, used);
    // A verb of helping explains itself, the words of "làm thủ tục" too.
    for (std::size_t k = 0; k < toks.size(); ++k)
        for (std::size_t j = k, n = verb_words(toks, k); j < k + n; ++j)
            used[j] = true;
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

} // namespace

bool acknowledgement(const std::vector<token>& toks) {
    static const std::string_view words[] = {"ok",  "oke", "okay", "okie", "okela", "u",   "um",
                                             "uhm", "uh",  "vang", "da",   "a",     "roi", "xong",
                                             "yes", "yep", "ye",   "dc",   "duoc",  "nhe"};
    return std::all_of(toks.begin(), toks.end(), [](const token& t) {
        return !has_letter_or_digit(t.raw) ||
               std::find(std::begin(words), std::end(words), t.folded) != std::end(words);
    });
}

namespace {

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

} // namespace

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
    // "thanh toans" (telex keys left in) is "thanh toán".
    d.topics = find_topics(
        untelex(fold(text.find("AI") == std::string_view::npos ? text : with_ai_spelled_out(text))));

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
    std::optional<int> times; // "x2": the people when no count says otherwise
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
        // "hd cài vneid x2": done for two people, or twice. A count given wins ("cho 3 cháu x2" is
        // three), and the handler of a session does not take it for attendees.
        if (w.size() >= 2 && w.size() <= 3 && w[0] == 'x' && !number_in_address(toks, i, std::nullopt))
            if (auto n = plain_number(w.substr(1)); n && *n >= 1 && *n <= 50) {
                if (!times) {
                    times = *n;
                    d.people_times = phrase(toks, i, 1);
                }
                take(i, 1);
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
        // "cho bố mẹ chị Lan", "giúp ông bà cài VNeID": a pair named after whom it was for. Only
        // there: "ông bà Tư" alone may be the household's name in an address.
        auto after_for = i > 0 && (toks[i - 1].folded == "cho" || toks[i - 1].folded == "giup");
        if (after_for && i + 1 < toks.size() && !number_before() &&
            (((w == "bo" || w == "cha" || w == "ba") && written_as(toks[i + 1], "me", "mẹ")) ||
             // "cho mẹ con chị Lan": a mother and her child
             (written_as(toks[i], "me", "mẹ") && toks[i + 1].folded == "con" && plain(toks[i + 1].raw)) ||
             (written_as(toks[i], "ong", "ông") && written_as(toks[i + 1], "ba", "bà") &&
              (plain(toks[i + 1].raw) == plain(toks[i].raw))))) {
            counts.push_back({2, counted::kind, w == "ong" ? "ong ba" : w == "me" ? "me con" : "bo me"});
            take(i, 2);
            ++i;
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
        // "sl 30", "số lượng: 30": the quantity named before its number, as on a report form.
        std::size_t label = i > 0 && toks[i - 1].folded == "sl" ? 1
                            : i > 1 && toks[i - 1].folded == "luong" && written_as(toks[i - 2], "so", "số")
                                ? 2
                                : 0;
        if (!n || (i + n->words >= toks.size() && label == 0))
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
        // Unaccented "giup ba cu" is "bà cụ" (the old lady) far more often than three old people;
        // "ba muoi cu", "ba chuc cu" are thirty, as "bon muoi cu" is forty.
        bool old_lady = w == "ba" && n->words == 1 && unit && unit->kind == "cu" && plain(toks[i].raw) &&
                        plain(toks[after].raw);
        if (!unit && label > 0)
            unit = unit_match{0, counted::anyone, "nguoi"};
        if (!unit || name || old_lady)
            continue;
        if (n->value <= 0 || n->value > 100000)
            return std::unexpected(command_error{"", "error_bad_number", std::string(toks[i].raw)});
        counts.push_back({n->value, unit->what, std::move(unit->kind)});
        take(i, n->words + unit->words);
        if (unit->words == 0) // the label before the number is read with it
            take(i - label, label);
        i = after + unit->words - 1;
    }
    d.people = people_from(counts);
    if (!d.people && times)
        d.people = times;
    else
        d.people_times.clear();
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
    if (!d.date && !unread_dates.empty())
        d.date_vague = unread_dates.front(); // the confirmation says which day it stands for

    bool nothing = acknowledgement(toks);
    d.says_what =
        !nothing && (!d.topics.empty() || std::any_of(toks.begin(), toks.end(), [&](const token& t) {
            auto k = static_cast<std::size_t>(&t - toks.data());
            return !used[k] && has_letter_or_digit(t.raw) && !leads_to_a_date(t.folded);
        }));

    // The place is what comes before the first comma; without one, what comes before the
    // description ("số 12 ngõ 5 hướng dẫn 2 người cài VNeID" is at "số 12 ngõ 5").
    auto description_from = next_separator(text, 0);
    // "số 5 ngõ 3 - hd vneid, ttkdtm": a dash before a verb of helping or a topic ends the place
    // as a comma does; "Tổ 5 - nhà chú Hùng: ..." goes on with the address.
    for (std::size_t k = 1; k + 1 < toks.size(); ++k) {
        auto at = static_cast<std::size_t>(toks[k].raw.data() - text.data());
        if (description_from != std::string_view::npos && at >= description_from)
            break;
        if (toks[k].raw == "-" && !used[k + 1] && (is_verb(toks, k + 1) || starts_topic(toks, k + 1))) {
            description_from = at;
            break;
        }
    }
    auto offset = [&](std::size_t k) {
        return k < toks.size() ? static_cast<std::size_t>(toks[k].raw.data() - text.data()) : text.size();
    };
    // The first part may be the description itself, or hold it after the address: "cài vneid cho 2
    // người, số 12 ngõ 5" is at the later part that is an address alone; "số 12 ngõ 5 cài vneid
    // cho 2 người, hôm qua" is at "số 12 ngõ 5". Topics or counts must be there for it to be so.
    bool place_cut = false;
    std::optional<std::pair<std::size_t, std::size_t>> place_later; // bytes [from, to) of `text`
    if (description_from != std::string_view::npos) {
        std::size_t first = 0, last = 0;
        while (first < toks.size() && used[first])
            ++first;
        for (last = first; last < toks.size() && offset(last) < description_from;)
            ++last;
        bool counted_inside =
            std::any_of(used.begin() + static_cast<std::ptrdiff_t>(first),
                        used.begin() + static_cast<std::ptrdiff_t>(last), [](bool u) { return u; });
        // Most first parts are an address alone, with neither a count nor a verb: the topic words
        // are marked (another pass over the text) only when one is there.
        bool verb_inside = false;
        for (auto k = first; k < last && !counted_inside && !verb_inside; ++k)
            verb_inside = verb_at(toks, k) > 0;
        std::vector<bool> marks(toks.size(), false);
        if ((counted_inside || verb_inside) && !d.topics.empty())
            mark_topic_words(toks, marks);
        bool topic_inside =
            std::any_of(marks.begin() + static_cast<std::ptrdiff_t>(first),
                        marks.begin() + static_cast<std::ptrdiff_t>(last), [](bool m) { return m; });
        if (first < last && (counted_inside || topic_inside))
            if (auto k = description_start(toks, used, marks, first, last)) {
                place_cut = true;
                auto separator = description_from;
                description_from = offset(*k);
                // The first part is all description: the address is the first later part that is
                // one, with the parts after it that go on with it ("..., số 12, ngõ 5").
                if (*k == first)
                    for (auto at = separator; at != std::string_view::npos; at = next_separator(text, at + 1))
                        if (auto end = address_parts_end(text, at, toks, used); end != at) {
                            place_later = std::pair{at + 1, end};
                            break;
                        }
            }
    }
    // "số nhà 45, ngách 12/5, ngõ 8: cài VssID": parts that only go on with the address stay in it.
    if (!place_cut && description_from != std::string_view::npos)
        description_from = address_parts_end(text, description_from, toks, used);
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
        d.place = place_later ? place_between(place_later->first, place_later->second)
                              : place_between(from, description_from);
        while (!d.place.empty() &&
               (is_space(d.place.front()) || d.place.front() == ':' || d.place.front() == '-'))
            d.place.erase(d.place.begin());
    } else {
        auto [first, last] = place_tokens(toks, used);
        if (first < last)
            d.place = place_between(offset(first), offset(last));
        description_from = last < toks.size() ? offset(last) : text.size();
    }
    // "số 5 ngõ 3. Cài vneid": the full stop ends the address's sentence, not the address.
    while (!d.place.empty() && (is_space(d.place.back()) || d.place.back() == ':' || d.place.back() == '-' ||
                                d.place.back() == ';' || d.place.back() == ',' || d.place.back() == '.'))
        d.place.pop_back();
    d.place = one_line(d.place);
    // "🏠 số 9 ngõ 4": an emoji before the address decorates it, as one after it does.
    for (auto space = d.place.find(' ');
         space != std::string::npos && !has_letter_or_digit(std::string_view(d.place).substr(0, space));
         space = d.place.find(' '))
        d.place.erase(0, d.place.find_first_not_of(' ', space));
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
        auto explained = used;
        if (place_later) // the address written last is no unexplained word
            for (std::size_t k = 0; k < toks.size(); ++k)
                if (offset(k) >= place_later->first && offset(k) < place_later->second)
                    explained[k] = true;
        auto words = unexplained_words(toks, explained, text, description_from);
        d.unparsed.insert(d.unparsed.end(), words.begin(), words.end());
    }
    return reading{std::move(d), std::move(toks), std::move(used), text, description_from};
}

} // namespace activity_detail

using namespace activity_detail;

std::expected<activity_details, command_error> parse_activity(std::string_view args, year_month_day today,
                                                              bool explain) {
    auto r = read_activity(args, today, explain);
    if (!r)
        return std::unexpected(r.error());
    return std::move(r->d);
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
    return !find_topics(untelex(fold(text))).empty();
}

} // namespace cnscd
