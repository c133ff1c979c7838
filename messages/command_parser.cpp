#include "messages/command_parser.hpp"

#include "messages/activity_parser.hpp"
#include "messages/command_names.hpp"
#include "messages/new_member.hpp"
#include "messages/period_name.hpp"
#include "messages/role_title.hpp"
#include "messages/text_fold.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <vector>

namespace cnscd {
namespace {

using namespace std::chrono;

bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

// Text after the first `n` words of `s`.
std::string_view after_words(std::string_view s, std::size_t n) {
    s = trim(s);
    for (std::size_t k = 0; k < n && !s.empty(); ++k) {
        std::size_t i = 0;
        while (i < s.size() && !is_space(s[i]))
            ++i;
        s = trim(s.substr(i));
    }
    return s;
}

std::string lower_ascii(std::string_view s) {
    std::string out(s);
    for (auto& c : out)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

// Folded word with punctuation around it removed ("tháng," -> "thang").
std::string fold_word(std::string_view w) {
    auto f = fold(w);
    while (!f.empty() && std::ispunct(static_cast<unsigned char>(f.back())) && f.back() != '_')
        f.pop_back();
    while (!f.empty() && std::ispunct(static_cast<unsigned char>(f.front())) && f.front() != '@')
        f.erase(f.begin());
    return f;
}

// A record's number as the confirmation showed it: "125" or "#125"; nothing for anything else.
std::optional<long long> record_number(std::string_view word) {
    if (word.starts_with("#"))
        word.remove_prefix(1);
    long long no = 0;
    auto [end, ec] = std::from_chars(word.data(), word.data() + word.size(), no);
    if (ec != std::errc() || end != word.data() + word.size() || no <= 0)
        return std::nullopt;
    return no;
}

// Only punctuation ("/tham ,", "/buoi -") says nothing: the same as no argument. Any letter,
// digit or non-ASCII character (Vietnamese letters) says something.
bool says_something(std::string_view text) {
    return std::any_of(text.begin(), text.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || static_cast<unsigned char>(c) >= 0x80;
    });
}

command_error missing(std::string_view name, std::string example) {
    return command_error{std::string(name), "error_missing_argument", std::move(example)};
}

// "07:30", "7h30", "7h" -> minutes after midnight.
std::optional<int> parse_clock(std::string_view w) {
    int h = 0, m = 0;
    auto sep = w.find_first_of(":hgH");
    auto hs = w.substr(0, sep);
    if (hs.empty() || hs.size() > 2 || std::from_chars(hs.data(), hs.data() + hs.size(), h).ec != std::errc())
        return std::nullopt;
    if (sep != std::string_view::npos) {
        auto ms = w.substr(sep + 1);
        if (!ms.empty() &&
            (ms.size() > 2 || std::from_chars(ms.data(), ms.data() + ms.size(), m).ec != std::errc()))
            return std::nullopt;
    } else {
        return std::nullopt; // a bare number is not a time
    }
    if (h > 23 || m > 59)
        return std::nullopt;
    return h * 60 + m;
}

// parse_clock, also as English readers write the time: "2pm", "7:30am", "7:30 pm" (the "am" or
// "pm" a word of its own, `next`). `words` is how many words it took.
struct clock_reading {
    std::optional<int> minutes;
    std::size_t words = 1;
};
clock_reading read_clock(std::string_view w, std::string_view next) {
    auto half_of_day = [](std::string_view s) -> std::optional<bool> {
        auto f = fold(s);
        if (f == "pm" || f == "p.m.")
            return true;
        if (f == "am" || f == "a.m.")
            return false;
        return std::nullopt;
    };
    clock_reading out;
    std::string clock(w);
    auto pm = half_of_day(next);
    if (pm) {
        out.words = 2;
    } else if (clock.size() > 2 && (pm = half_of_day(std::string_view(clock).substr(clock.size() - 2)))) {
        clock.resize(clock.size() - 2);
    }
    if (pm && clock.find_first_of(":hgH") == std::string::npos)
        clock += ":"; // "2pm": a bare hour is a time when "pm" follows it
    out.minutes = parse_clock(clock);
    if (!out.minutes) {
        out.words = 1;
        return out;
    }
    if (pm) {
        if (*out.minutes >= 13 * 60) // "14:00 pm" is no time
            out.minutes.reset();
        else if (*pm && *out.minutes < 12 * 60)
            *out.minutes += 12 * 60;
        else if (!*pm && *out.minutes >= 12 * 60)
            *out.minutes -= 12 * 60; // "12:30am" is half past midnight
    }
    return out;
}

// "25/12" or "25/12/2026" -> a date (this year when the year is missing).
std::optional<year_month_day> parse_day(std::string_view w, year_month_day today) {
    int d = 0, mo = 0, y = static_cast<int>(today.year());
    auto s1 = w.find_first_of("/-.");
    if (s1 == std::string_view::npos)
        return std::nullopt;
    auto s2 = w.find_first_of("/-.", s1 + 1);
    auto ds = w.substr(0, s1);
    auto ms = w.substr(s1 + 1, s2 == std::string_view::npos ? std::string_view::npos : s2 - s1 - 1);
    if (std::from_chars(ds.data(), ds.data() + ds.size(), d).ec != std::errc() ||
        std::from_chars(ms.data(), ms.data() + ms.size(), mo).ec != std::errc())
        return std::nullopt;
    if (s2 != std::string_view::npos) {
        auto ys = w.substr(s2 + 1);
        if (std::from_chars(ys.data(), ys.data() + ys.size(), y).ec != std::errc())
            return std::nullopt;
        if (y < 100)
            y += 2000;
    }
    year_month_day ymd{year{y}, month{static_cast<unsigned>(mo)}, day{static_cast<unsigned>(d)}};
    if (!ymd.ok())
        return std::nullopt;
    return ymd;
}

// A sending time from ws[first]: a clock time, a part of the day, then the day ("7h30 sáng mai",
// "2h chiều nay", "19h ngày mai", "07:30 25/12[/2026]", "07:30 hôm nay").
struct send_time {
    std::optional<std::int64_t> local_minutes; // minutes since the epoch, local time; none if unread
    std::string words;                         // the words read (or tried), as typed
    std::size_t end = 0;                       // the index after them
};

send_time read_send_time(const std::vector<std::string_view>& ws, std::size_t first, year_month_day today) {
    send_time out;
    auto clock = read_clock(ws[first], first + 1 < ws.size() ? ws[first + 1] : std::string_view());
    auto minutes = clock.minutes;
    std::size_t next = first + clock.words;
    if (next < ws.size()) {
        auto part = fold_word(ws[next]);
        bool afternoon = part == "chieu" || part == "toi";
        if (afternoon || part == "sang" || part == "trua") {
            if (afternoon && minutes && *minutes < 12 * 60)
                *minutes += 12 * 60; // "2h chiều" is 14:00
            ++next;
        }
    }
    if (next < ws.size() && (fold_word(ws[next]) == "ngay" || fold_word(ws[next]) == "on"))
        ++next;
    std::optional<year_month_day> date;
    std::size_t day_words = 1;
    if (next < ws.size()) {
        auto day_word = fold_word(ws[next]);
        bool hom_nay = day_word == "hom" && next + 1 < ws.size() && fold_word(ws[next + 1]) == "nay";
        if (day_word == "mai" || day_word == "tomorrow")
            date = year_month_day{sys_days(today) + days(1)};
        else if (day_word == "nay" || day_word == "today" || hom_nay)
            date = today;
        else
            date = parse_day(ws[next], today);
        day_words = hom_nay ? 2 : 1;
    }
    out.end = date ? next + day_words : std::min(next + 1, ws.size());
    for (auto k = first; k < out.end; ++k)
        out.words += (out.words.empty() ? "" : " ") + std::string(ws[k]);
    if (minutes && date)
        out.local_minutes =
            static_cast<std::int64_t>(sys_days(*date).time_since_epoch().count()) * 1440 + *minutes;
    return out;
}

command parse_broadcast(std::string_view args, const parse_context& ctx) {
    cmd_broadcast b;
    auto ws = split_words(args);
    // "huy 12", "hủy số 12", "cancel 12": an announcement needs more words than that.
    if ((ws.size() == 2 || ws.size() == 3) && (fold_word(ws[0]) == "huy" || fold_word(ws[0]) == "cancel") &&
        (ws.size() == 2 || fold_word(ws[1]) == "so" || fold_word(ws[1]) == "no")) {
        if (auto id = record_number(ws.back())) {
            b.cancel_id = *id;
            return b;
        }
    }
    std::size_t used = 0;
    while (used < ws.size()) {
        auto w = ws[used];
        auto f = fold_word(w);
        if (w.starts_with("@") && (w.size() > 1 || used + 1 < ws.size())) {
            // "@to1,to3", also written "@to1, to3": a word ending in a comma continues the list.
            // "@ to1" (a space typed after "@") names the teams too: read as text, it went to all.
            std::string_view list = w.substr(1);
            if (list.empty())
                list = ws[++used];
            for (;;) {
                bool more = list.ends_with(',');
                while (!list.empty()) {
                    auto comma = list.find(',');
                    auto item = list.substr(0, comma);
                    if (!item.empty())
                        b.teams.push_back(fold(item));
                    if (comma == std::string_view::npos)
                        break;
                    list.remove_prefix(comma + 1);
                }
                // "@Tổ 1", "@tổ 1, tổ 3", "@tổ số 2": a team named as people write it, the
                // number in a word of its own, is its code ("to1").
                if (!more && !b.teams.empty() && b.teams.back() == "to") {
                    auto k = used + 1;
                    if (k + 1 < ws.size() && fold_word(ws[k]) == "so")
                        ++k;
                    auto number = k < ws.size() ? ws[k] : std::string_view{};
                    more = number.ends_with(',');
                    if (more)
                        number.remove_suffix(1);
                    if (!number.empty() &&
                        std::ranges::all_of(number, [](char ch) { return ch >= '0' && ch <= '9'; })) {
                        b.teams.back() += std::string(number);
                        used = k;
                    } else {
                        more = false;
                    }
                }
                ++used;
                if (!more || used >= ws.size())
                    break;
                list = ws[used];
                if (list.starts_with('@'))
                    list.remove_prefix(1);
            }
        } else if (f == "chua-bao-cao" || f == "chuabaocao" || f == "chua_bao_cao" || f == "not-reported") {
            b.not_reported = true;
            ++used;
        } else if ((f == "tailieu" || f == "guide") && used + 1 < ws.size() && b.guide.empty()) {
            b.guide = fold_word(ws[used + 1]);
            used += 2;
        } else if (f == "luc" || f == "at") {
            // "lúc 07:30 25/12[/2026]", "lúc 07:30 ngày 25/12", and as staff say it: "lúc 7h30 sáng
            // mai", "lúc 2h chiều nay", "lúc 19h ngày mai".
            if (used + 1 >= ws.size())
                return command_error{"thongbao", "error_bad_time", std::string(w)};
            auto when = read_send_time(ws, used + 1, ctx.today);
            // "lúc 25/12 Họp …": a day without its hour; say what is missing, not that the
            // announcement's words are a bad time.
            auto day_at = used + 1 < ws.size() && fold_word(ws[used + 1]) == "ngay" ? used + 2 : used + 1;
            if (!when.local_minutes && day_at < ws.size() && !parse_clock(ws[used + 1]) &&
                parse_day(ws[day_at], ctx.today))
                return command_error{"thongbao", "error_time_without_hour", std::string(ws[day_at])};
            if (!when.local_minutes)
                return command_error{"thongbao", "error_bad_time", when.words};
            b.at_local_minutes = when.local_minutes;
            b.at_words = when.words;
            used = when.end;
        } else if (auto when = read_send_time(ws, used, ctx.today);
                   read_clock(w, used + 1 < ws.size() ? ws[used + 1] : std::string_view()).minutes &&
                   when.local_minutes) {
            // Staff also leave "lúc" out: "7h30 sáng mai …". Only a clock time with its day reads
            // so; "3 tổ chưa nộp …", "15/12 họp …" or "8h họp …" are the announcement's words.
            b.at_local_minutes = when.local_minutes;
            b.at_words = when.words;
            b.at_without_luc = true;
            used = when.end;
        } else {
            break;
        }
    }
    b.text = std::string(after_words(args, used));
    return b;
}

// "số 125" as the confirmation shows a record to Vietnamese readers, "no. 125" as it shows it
// to English ones: both name the record that follows.
bool number_sign(std::string_view folded_word) {
    return folded_word == "so" || folded_word == "no";
}

command parse_args(std::string_view name, std::string_view args, const parse_context& ctx) {
    auto ws = split_words(args);
    std::vector<std::string> folded;
    for (auto w : ws)
        folded.push_back(fold_word(w));

    if (name == "start")
        return cmd_start{std::string(args)};
    if (name == "giup") {
        // "/giup thống kê": the words joined are the command's name ("thongke"). "/help report
        // ward": the words after the command's name are its arguments, so the help is the command's.
        std::string about;
        for (auto& f : folded)
            about += f;
        auto known = [](std::string_view n) {
            return canonical_command(n.substr(std::min(n.find_first_not_of('/'), n.size()))).has_value();
        };
        std::string prefix;
        for (std::size_t k = 0; k + 1 < folded.size() && !known(about); ++k)
            if (prefix += folded[k]; known(prefix))
                return cmd_help{prefix};
        return cmd_help{about};
    }
    if (name == "tham" || name == "buoi") {
        if (!says_something(args))
            return missing(name, name == "tham" ? "/tham số 12 ngõ 5, hướng dẫn 2 người cài VNeID"
                                                : "/buoi nhà văn hóa tổ 3, 30 người, chống lừa đảo");
        auto details = parse_activity(args, ctx.today, ctx.explain);
        if (!details) {
            auto e = details.error();
            e.command = std::string(name);
            return e;
        }
        if (name == "tham")
            return cmd_visit{std::move(*details)};
        // A session is counted by who came: "x2" there is most likely "twice".
        if (!details->people_times.empty())
            details->people.reset();
        return cmd_session{std::move(*details)};
    }
    if (name == "huy") {
        // "/huy 125", "/huy #125", "/huy số 125": that record; "/huy" alone: the last one.
        std::size_t at = !folded.empty() && number_sign(folded[0]) ? 1 : 0;
        if (ws.empty())
            return cmd_undo{};
        if (ws.size() <= at) // "/huy số" with the number left out: not the last record by default
            return command_error{"huy", "error_bad_undo_number", std::string(trim(args))};
        auto no = record_number(ws[at]);
        if (!no || ws.size() > at + 1)
            return command_error{"huy", "error_bad_undo_number", std::string(trim(args))};
        return cmd_undo{*no};
    }
    if (name == "anh") {
        // "/anh", "/anh 125", "/anh số 125", "/anh #125".
        std::size_t at = !folded.empty() && number_sign(folded[0]) ? 1 : 0;
        if (ws.size() <= at)
            return cmd_photo{};
        auto no = record_number(ws[at]);
        if (!no || ws.size() > at + 1)
            return command_error{"anh", "error_bad_photo_number", std::string(trim(args))};
        return cmd_photo{*no};
    }
    if (name == "thoat")
        return cmd_cancel{};
    if (name == "sua") {
        // "/sua 12 ...", as the confirmation shows it ("số 12") and as /huy takes it, and with a
        // comma or colon after it ("/sua 12, 3 người", "/sua 12: ...").
        std::size_t at = folded.size() > 1 && number_sign(folded[0]) ? 1 : 0;
        if (ws.empty())
            return missing(name, "/sua 12 số 8 ngõ 3, hướng dẫn VNeID");
        auto word = ws[at];
        auto rest = after_words(args, at + 1);
        // "/sua 12,hq", "/sua 12:3 người": no space after the comma. "12,3" stays one word (record
        // 12 and 3 people, or record 123?): refused below with the example to follow.
        if (auto mark = word.find_first_of(",:"); mark != std::string_view::npos && mark + 1 < word.size() &&
                                                  !std::isdigit(static_cast<unsigned char>(word[mark + 1])) &&
                                                  record_number(word.substr(0, mark))) {
            rest = args.substr(static_cast<std::size_t>(word.data() + mark + 1 - args.data()));
            word = word.substr(0, mark + 1);
        }
        bool separated = word.ends_with(',') || word.ends_with(':');
        if (separated)
            word.remove_suffix(1);
        auto no = record_number(word);
        if (!no)
            return command_error{"sua", "error_bad_record_number", std::string(ws[at])};
        // "/sua số 8 ngõ 3, ...": an address with the record's number left out, not record 8.
        if (at == 1 && !separated && ws.size() > 2 && folded[2] != "so" && address_word(folded[2]))
            return command_error{"sua", "error_bad_record_number", std::string(trim(args))};
        auto example = "/sua " + std::to_string(*no) + " số 8 ngõ 3, hướng dẫn VNeID";
        if (!says_something(rest))
            return missing(name, example);
        auto edit = parse_edit(rest, ctx.today, ctx.explain);
        if (!edit) {
            auto e = edit.error();
            e.command = "sua";
            return e;
        }
        // "/sua 12 sửa lại": the correction itself is missing.
        auto& d = edit->details;
        // "/sua 12 vài người": the count is what it corrects, and it still has no number.
        if (!d.people && !d.people_vague.empty() && d.place.empty() && d.topics.empty() && !d.says_when)
            return command_error{"sua", "error_bad_number", d.people_vague};
        if (d.place.empty() && d.topics.empty() && !d.people && !d.says_when && !edit->new_note)
            return missing(name, example);
        return cmd_edit{*no, std::move(d), edit->adds, edit->new_note, std::string(trim(rest))};
    }
    if (name == "toi" || name == "thongke" || name == "xephang" || name == "baocao" || name == "xuat") {
        // "tháng trước" / "last month" asks for the whole period before; "tháng này" is the default.
        struct period_words {
            std::optional<period_kind> period;
            bool ward = false, period_given = false, previous = false;
            std::string format = "xlsx";
            named_period named;
            std::size_t used = 0; // where the period words stopped
        };
        // Reads period words from `from` on into `s`, up to the first other word.
        auto read_words = [&](period_words& s, std::size_t from) -> std::optional<command_error> {
            auto& [period, ward, period_given, previous, format, named, used] = s;
            // The number of a period written in one word with it ("Q4", "November"), then the
            // year that may follow: "Q4 2026", "November 2026", "Q4 năm 2026". It reads s.used, not
            // the binding: clang before 16 refuses a structured binding captured by a lambda.
            auto read_number_at = [&](period_kind kind, const std::string& number,
                                      named_period& out) -> std::optional<command_error> {
                std::vector<std::string> after{number};
                for (auto k = s.used + 1; k < folded.size() && k <= s.used + 2; ++k)
                    after.push_back(folded[k]);
                auto n = read_period_name(kind, after, ctx.today);
                if (!n.error.empty()) {
                    std::string quoted(ws[s.used]);
                    for (std::size_t k = 1; k < n.words; ++k)
                        quoted += " " + std::string(ws[s.used + k]);
                    return command_error{std::string(name), n.error, quoted};
                }
                out = n.day;
                s.used += n.words - 1;
                return std::nullopt;
            };
            for (used = from; used < folded.size(); ++used) {
                auto& f = folded[used];
                if (auto p = parse_period(f)) {
                    period = p;
                    period_given = true;
                    // "tháng 11", "quý III/2026", "năm 2025": that period, whole.
                    auto n = read_period_name(*p, std::span(folded).subspan(used + 1), ctx.today);
                    if (!n.error.empty())
                        return command_error{std::string(name), n.error,
                                             std::string(ws[used]) + " " + n.detail};
                    if (n.day)
                        named = n.day;
                    used += n.words;
                } else if (auto sp = short_period_name(f)) {
                    // "T10", "Q3/2026", and "Q4 2026" as English readers are shown it: the period
                    // and its number in one word, a year perhaps after it.
                    period = sp->kind;
                    period_given = true;
                    if (auto e = read_number_at(sp->kind, sp->number, named))
                        return e;
                } else if (auto number = english_month_number(
                               f, used + 1 < folded.size() ? std::string_view(folded[used + 1]) : "")) {
                    // "November 2026", as English readers are shown a month, and "nov".
                    period = period_kind::month;
                    period_given = true;
                    if (auto e = read_number_at(period_kind::month, *number, named))
                        return e;
                } else if (auto m = read_month_of_year(f); m && !named) {
                    if (std::chrono::sys_days{*m} > std::chrono::sys_days{ctx.today})
                        return command_error{std::string(name), "error_future_period", std::string(ws[used])};
                    period = period_kind::month;
                    period_given = true;
                    named = m;
                } else if ((f == "phuong" || f == "ward" || f == "xa") && name != "toi") {
                    ward = true;
                } else if (f == "nay" || f == "this") {
                    continue;
                } else if (f == "truoc" || f == "last" || f == "previous") {
                    previous = true;
                } else if (name == "xuat" && (f == "xlsx" || f == "csv" || f == "excel")) {
                    format = f == "csv" ? "csv" : "xlsx";
                } else {
                    break;
                }
            }
            return std::nullopt;
        };
        period_words s;
        if (auto e = read_words(s, 0))
            return *e;
        auto& [period, ward, period_given, previous, format, named, used] = s;
        if (used < folded.size()) {
            if (name == "thongke" || name == "xephang") {
                // Ward staff may name a team before or after the period: "/thongke tháng Tổ 3",
                // "/thongke Tổ 2 tháng trước" (the period there was read as part of the team's name).
                auto named_team = [&](const period_words& w, std::string team) -> command {
                    auto k = w.period.value_or(period_kind::month);
                    if (name == "xephang")
                        return cmd_ranking{k, w.ward, w.previous, w.named, std::move(team)};
                    return cmd_team_stats{k, w.ward, std::move(team), w.previous, w.named};
                };
                auto team = after_words(args, used);
                for (auto from = used + 1; from < folded.size(); ++from) {
                    // "Thôn Năm tháng trước": "năm" (five) before a period word ends the name.
                    if (folded[from] == "nam" && from + 1 < folded.size() &&
                        (parse_period(folded[from + 1]) || short_period_name(folded[from + 1])))
                        continue;
                    auto tail = s;
                    if (auto e = read_words(tail, from))
                        return *e;
                    if (tail.used < folded.size())
                        continue;
                    auto rest = after_words(args, from);
                    return named_team(tail, std::string(trim(team.substr(0, team.size() - rest.size()))));
                }
                return named_team(s, std::string(team));
            }
            static constexpr std::string_view file_formats[] = {"xls", "ods",  "pdf",    "doc", "docx",
                                                                "txt", "exel", "excell", "word"};
            if (name == "xuat" && std::ranges::find(file_formats, folded[used]) != std::end(file_formats))
                return command_error{"xuat", "error_bad_format", std::string(ws[used])};
            // The whole unread rest ("hôm nay", not only "hôm"), so the user sees what was not understood.
            return command_error{std::string(name), "error_bad_period", std::string(after_words(args, used))};
        }
        auto p = period.value_or(period_kind::month);
        if (name == "toi")
            return cmd_my_stats{p, previous, named};
        if (name == "thongke")
            return cmd_team_stats{p, ward, "", previous, named};
        if (name == "xephang")
            return cmd_ranking{p, ward, previous, named, ""};
        if (name == "baocao")
            return cmd_report{p, ward, period_given, previous, named};
        if (p == period_kind::week)
            return command_error{"xuat", "error_export_period", std::string(ws.empty() ? "" : ws[0])};
        return cmd_export{p, format, previous, named};
    }
    if (name == "nhacnho") {
        cmd_nudge c;
        std::size_t used = 0;
        for (; used < folded.size(); ++used) {
            if (auto p = parse_period(folded[used]))
                c.period = *p;
            else if (folded[used] != "nay" && folded[used] != "this")
                break;
        }
        c.team = std::string(after_words(args, used));
        // "/nhacnho Tổ 2 tuần": the period may come after the team's name too.
        auto last = folded.size();
        for (; last > used + 1; --last) {
            if (auto p = parse_period(folded[last - 1]))
                c.period = *p;
            else if (folded[last - 1] != "nay" && folded[last - 1] != "this")
                break;
        }
        if (last < folded.size()) {
            auto rest = after_words(args, last);
            c.team = std::string(trim(std::string_view(c.team).substr(0, c.team.size() - rest.size())));
        }
        return c;
    }
    if (name == "lienket")
        return cmd_bind_group{std::string(args)};
    if (name == "thanhvien")
        return cmd_members{std::string(args)};
    if (name == "moi") {
        if (args.empty())
            return missing(name, "/moi Nguyễn Văn An hoặc /moi 3");
        return cmd_invite{std::string(args)};
    }
    if (name == "thanhvien_them")
        return std::visit([](auto&& v) -> command { return std::move(v); }, read_new_member(args));
    if (name == "ma") {
        if (args.empty())
            return missing(name, "/ma ABC123");
        return cmd_redeem_code{std::string(trim(args))};
    }
    if (name == "xoa") {
        if (args.empty())
            return missing(name, "/xoa Nguyễn Văn An");
        return cmd_remove_member{std::string(args)};
    }
    if (name == "doivaitro") {
        if (ws.size() < 2)
            return missing(name, "/doivaitro Nguyễn Văn An tổ phó");
        // The role is the last one to four words, the longest that names one. Ward staff and
        // administrators are not team roles: their accounts are made by the operator.
        std::optional<std::size_t> staff_title_at;
        for (std::size_t n = std::min<std::size_t>(4, ws.size() - 1); n >= 1; --n) {
            std::string words;
            for (auto i = ws.size() - n; i < ws.size(); ++i)
                words += (words.empty() ? "" : " ") + folded[i];
            // Digits alone ("/doivaitro An 3") are no title, though an empty one means member.
            bool has_letter = std::any_of(words.begin(), words.end(),
                                          [](char c) { return std::isalpha(static_cast<unsigned char>(c)); });
            if (auto r = has_letter ? role_from_title(words) : std::nullopt) {
                auto first = ws[ws.size() - n];
                std::string who(args.substr(0, static_cast<std::size_t>(first.data() - args.data())));
                return cmd_change_role{std::string(trim(who)), *r};
            }
            if (!staff_title_at && is_staff_title(words))
                staff_title_at = static_cast<std::size_t>(ws[ws.size() - n].data() - args.data());
        }
        if (staff_title_at)
            return command_error{"doivaitro", "error_staff_role",
                                 std::string(trim(args.substr(*staff_title_at)))};
        // Name the unknown role as the member wrote it: Vietnamese roles are mostly two words
        // ("chủ tịch", "trưởng nhóm"), and the name before them is capitalised.
        if (ws.size() >= 3 && !starts_upper(ws[ws.size() - 2])) {
            auto first = ws[ws.size() - 2];
            auto from = static_cast<std::size_t>(first.data() - args.data());
            return command_error{"doivaitro", "error_bad_role", std::string(trim(args.substr(from)))};
        }
        return command_error{"doivaitro", "error_bad_role", std::string(ws.back())};
    }
    if (name == "ngonngu") {
        if (folded.empty())
            return missing(name, "/ngonngu en hoặc /ngonngu vi");
        // "tiếng Việt" is two words: read them joined, as "tiengviet" is.
        std::string f;
        for (auto& w : folded)
            f += w;
        if (f == "vi" || f == "tiengviet" || f == "vn" || f == "vietnamese")
            return cmd_language{"vi"};
        if (f == "en" || f == "english" || f == "tienganh")
            return cmd_language{"en"};
        return command_error{"ngonngu", "error_bad_language", std::string(trim(args))};
    }
    if (name == "thongbao")
        return parse_broadcast(args, ctx);
    if (name == "thongbao_ds")
        return cmd_broadcast_list{};
    if (name == "tailieu")
        return cmd_guides{std::string(args)};
    if (name == "tailieu_them") {
        if (args.empty())
            return missing(name, "/tailieu_them Hướng dẫn cài VNeID (gửi kèm tệp)");
        return cmd_add_guide{std::string(args)};
    }
    if (name == "hannop")
        return cmd_deadlines{};
    if (name == "hannop_them") // without arguments the handler shows the form, with a date ahead
        return cmd_add_deadline{std::string(args)};
    return unknown_command{std::string(name), ""};
}

} // namespace

activity_details* activity_of(command& c) {
    if (auto* v = std::get_if<cmd_visit>(&c))
        return &v->details;
    if (auto* s = std::get_if<cmd_session>(&c))
        return &s->details;
    return nullptr;
}

std::optional<period_kind> parse_period(std::string_view word) {
    auto f = fold_word(word);
    if (f == "tuan" || f == "week" || f == "w")
        return period_kind::week;
    if (f == "thang" || f == "thg" || f == "month" || f == "m")
        return period_kind::month;
    // "quí" is how many write "quý" (the older spelling, still common).
    if (f == "quy" || f == "qui" || f == "quarter" || f == "q")
        return period_kind::quarter;
    if (f == "nam" || f == "year" || f == "y")
        return period_kind::year;
    return std::nullopt;
}

std::string_view period_code(period_kind p) {
    switch (p) {
    case period_kind::week:
        return "week";
    case period_kind::month:
        return "month";
    case period_kind::quarter:
        return "quarter";
    case period_kind::year:
        return "year";
    }
    return "month";
}

namespace {

// "tham gia" (take part), "tham quan" (sightseeing), "tham khảo" (refer to)...: not a visit.
bool tham_compound(std::string_view next) {
    static const std::string_view words[] = {"gia", "quan", "khao", "du",    "van",
                                             "muu", "o",    "lam",  "nhung", "chieu"};
    return std::find(std::begin(words), std::end(words), next) != std::end(words);
}

} // namespace

namespace {

// Logging commands typed in a hurry, read when only one command can be meant: two letters
// swapped ("/thma", "/boui"), or "số" glued to the name ("/thamso 5", "/thamsố 5"), with the
// bot's name after it or not ("/thamso@ToCNSBot 5"). Only /tham and /buoi: a wrong guess there
// is one /huy away, and the confirmation shows what was read. `first` is the name without the
// slash and the bot's name; `args` what follows the command and the bot's name.
std::optional<command> logging_typo(const std::string& word, std::string_view first, std::string_view args,
                                    const parse_context& ctx) {
    static constexpr std::string_view logging[] = {"tham", "buoi"};
    for (auto name : logging)
        if (word.size() == name.size() + 2 && word.starts_with(name) && word.ends_with("so")) {
            // The raw "số"/"so" is the last two letters of the word as typed.
            auto s = first.find_last_of("sS");
            if (s != std::string_view::npos && fold_word(first.substr(s)) == "so" && !args.empty())
                return parse_args(name, std::string(first.substr(s)) + " " + std::string(args), ctx);
        }
    std::optional<std::string_view> meant;
    // Each swap copies the word: a 12 KB junk "command" must not cost 12,000 copies of itself.
    constexpr std::size_t longest_name = 24;
    for (std::size_t k = 0; word.size() <= longest_name && k + 1 < word.size(); ++k) {
        auto swapped = word;
        std::swap(swapped[k], swapped[k + 1]);
        if (auto name = canonical_command(swapped)) {
            if (meant && *meant != *name)
                return std::nullopt; // two commands are as near: ask
            meant = name;
        }
    }
    if (meant && std::find(std::begin(logging), std::end(logging), *meant) != std::end(logging))
        return parse_args(*meant, args, ctx);
    return std::nullopt;
}

// A Telegram bot's username: 5 to 32 letters, digits or '_', ending in "bot" (Telegram requires it).
bool bot_shaped(std::string_view name) {
    return name.size() >= 5 && name.size() <= 32 && lower_ascii(name.substr(name.size() - 3)) == "bot" &&
           std::all_of(name.begin(), name.end(),
                       [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; });
}

// "/tham @cnscd_bot số 5": with a space before it the bot's name is outside the command, and
// Telegram leaves it out of the command's entity. A person's "@lan" names no bot.
struct named_bot {
    enum { none, this_one, other } who = none;
    std::string_view rest; // the arguments after the name and the punctuation glued to it
};

named_bot bot_named_first(std::string_view args, std::string_view bot_username) {
    if (!args.starts_with('@'))
        return {};
    auto end = args.find_first_of(" \t\r\n:,;.");
    auto name = args.substr(1, end == std::string_view::npos ? std::string_view::npos : end - 1);
    bool ours = !bot_username.empty() && lower_ascii(name) == lower_ascii(bot_username);
    if (!ours && !bot_shaped(name))
        return {};
    auto rest = end == std::string_view::npos ? std::string_view{} : args.substr(end);
    while (!rest.empty() && (rest.front() == ':' || rest.front() == ',' || rest.front() == ';' ||
                             rest.front() == '.' || is_space(rest.front())))
        rest.remove_prefix(1);
    // Without our own username (the console, a bot not yet asked getMe) any bot's name is taken
    // for ours, as "/tham@name" is.
    return {ours || bot_username.empty() ? named_bot::this_one : named_bot::other, rest};
}

} // namespace

command parse_command(std::string_view raw, const parse_context& ctx) {
    auto text = trim(raw);
    bool slash = text.starts_with('/');
    auto ws = split_words(text);
    if (ws.empty())
        return plain_text{std::string(text)};

    if (!slash) {
        if (!ctx.private_chat)
            return plain_text{std::string(text)};
        // In private chats "báo cáo tháng" works like "/baocao tháng", for long names only:
        // short ones ("tôi", "mà") are ordinary words. A message to the bot that starts with
        // "thăm" and goes on is a visit logged without the slash, unless it is a word of its own
        // ("tham gia", "tham quan"). "buổi" is not: "buổi sáng" is just the morning.
        for (std::size_t n : {std::size_t{3}, std::size_t{2}, std::size_t{1}}) {
            if (ws.size() < n)
                continue;
            std::string joined;
            for (std::size_t k = 0; k < n; ++k)
                joined += fold_word(ws[k]);
            auto name = canonical_command(joined);
            if (!name)
                continue;
            // Three words only for a longer command named after a two-word one ("thành viên thêm").
            if (n == 3) {
                auto shorter = canonical_command(fold_word(ws[0]) + fold_word(ws[1]));
                if (!shorter || *shorter == *name)
                    continue;
            }
            bool long_name =
                (name->size() >= 5 || *name == "giup") && (n == 2 || ws.size() == 1 || name->size() >= 6);
            bool logs = n == 1 && ws.size() >= 2 &&
                        ((*name == "tham" && !tham_compound(fold_word(ws[1]))) || joined == "session");
            if (long_name || logs)
                return parse_args(*name, after_words(text, n), ctx);
        }
        return plain_text{std::string(text)};
    }

    // "/tham@ToCNSBot ..." -> name "tham", addressed to ToCNSBot.
    auto first = ws[0].substr(1);
    std::string_view addressee;
    if (auto at = first.find('@'); at != std::string_view::npos) {
        addressee = first.substr(at + 1);
        first = first.substr(0, at);
    }
    // "/tham@ToCNSBot:số 5": punctuation after the bot's name, as after the command's own; what
    // follows it without a space starts the arguments. It was read as another bot's name.
    auto args = after_words(text, 1);
    if (auto mark = addressee.find_first_of(":,"); mark != std::string_view::npos) {
        args = text.substr(static_cast<std::size_t>(addressee.data() + mark + 1 - text.data()));
        addressee = addressee.substr(0, mark);
    }
    if (!addressee.empty() && !ctx.bot_username.empty() &&
        lower_ascii(addressee) != lower_ascii(ctx.bot_username))
        return plain_text{std::string(text)}; // for another bot: not ours to answer
    // "/tham @cnscd_bot số 5": our name is no part of the address. "/tham @other_bot ..." is for
    // that bot, as "/tham@other_bot ..." is: Telegram sends a command without a name to more
    // than one bot, and only one should record the visit.
    if (auto named = addressee.empty() ? bot_named_first(args, ctx.bot_username) : named_bot{};
        named.who == named_bot::other)
        return plain_text{std::string(text)};
    else if (named.who == named_bot::this_one)
        args = named.rest;
    auto word = fold_word(first);
    if (auto name = canonical_command(word)) {
        // "/thanhvien them Lan, 0905...", "/hannop them ...", "/thongbao ds": a longer command's
        // name with a space in it, not the shorter one's arguments ("/thanhvien" listed the team);
        // "/nhắc nhở": the full name of the command "nhac" is short for, not "nho" as its period.
        if (auto next = ws.size() >= 2 ? fold_word(ws[1]) : std::string();
            addressee.empty() && !next.empty()) {
            auto joined = word + next;
            if (auto longer = canonical_command(joined); longer && (*longer != *name || joined == *longer))
                return parse_args(*longer, after_words(text, 2), ctx);
        }
        return parse_args(*name, args, ctx);
    }
    // "/tham:số 5, ...", "/tham,số 5": no space after the name's punctuation. "/tham:số@cnscd_bot
    // 5": the bot's name went after the first word of the address, and is no part of it.
    if (auto mark = first.find_first_of(":,."); mark != std::string_view::npos && mark > 0)
        if (auto name = canonical_command(fold_word(first.substr(0, mark)))) {
            if (!addressee.empty())
                return parse_args(*name, std::string(first.substr(mark + 1)) + " " + std::string(args), ctx);
            return parse_args(
                *name, text.substr(static_cast<std::size_t>(first.data() + mark + 1 - text.data())), ctx);
        }
    // "/báo cáo tháng": the name was split by a space; "/thành viên thêm": by two.
    if (ws.size() >= 2 && addressee.empty()) {
        auto joined = word + fold_word(ws[1]);
        if (auto name = canonical_command(joined)) {
            if (ws.size() >= 3)
                if (auto longer = canonical_command(joined + fold_word(ws[2])); longer && *longer != *name)
                    return parse_args(*longer, after_words(text, 3), ctx);
            return parse_args(*name, after_words(text, 2), ctx);
        }
    }
    if (word.empty())
        return plain_text{std::string(text)};
    if (auto c = logging_typo(word, first, args, ctx))
        return *c;
    return unknown_command{word, nearest_command(word)};
}

std::string_view command_name(const command& c) {
    return std::visit(
        [](const auto& v) -> std::string_view {
            using T = std::decay_t<decltype(v)>;
            if constexpr (std::is_same_v<T, cmd_start>)
                return "start";
            else if constexpr (std::is_same_v<T, cmd_help>)
                return "giup";
            else if constexpr (std::is_same_v<T, cmd_visit>)
                return "tham";
            else if constexpr (std::is_same_v<T, cmd_session>)
                return "buoi";
            else if constexpr (std::is_same_v<T, cmd_undo>)
                return "huy";
            else if constexpr (std::is_same_v<T, cmd_edit>)
                return "sua";
            else if constexpr (std::is_same_v<T, cmd_photo>)
                return "anh";
            else if constexpr (std::is_same_v<T, cmd_my_stats>)
                return "toi";
            else if constexpr (std::is_same_v<T, cmd_team_stats>)
                return "thongke";
            else if constexpr (std::is_same_v<T, cmd_ranking>)
                return "xephang";
            else if constexpr (std::is_same_v<T, cmd_nudge>)
                return "nhacnho";
            else if constexpr (std::is_same_v<T, cmd_bind_group>)
                return "lienket";
            else if constexpr (std::is_same_v<T, cmd_members>)
                return "thanhvien";
            else if constexpr (std::is_same_v<T, cmd_invite>)
                return "moi";
            else if constexpr (std::is_same_v<T, cmd_add_member>)
                return "thanhvien_them";
            else if constexpr (std::is_same_v<T, cmd_redeem_code>)
                return "ma";
            else if constexpr (std::is_same_v<T, cmd_remove_member>)
                return "xoa";
            else if constexpr (std::is_same_v<T, cmd_change_role>)
                return "doivaitro";
            else if constexpr (std::is_same_v<T, cmd_language>)
                return "ngonngu";
            else if constexpr (std::is_same_v<T, cmd_broadcast>)
                return "thongbao";
            else if constexpr (std::is_same_v<T, cmd_broadcast_list>)
                return "thongbao_ds";
            else if constexpr (std::is_same_v<T, cmd_guides>)
                return "tailieu";
            else if constexpr (std::is_same_v<T, cmd_add_guide>)
                return "tailieu_them";
            else if constexpr (std::is_same_v<T, cmd_deadlines>)
                return "hannop";
            else if constexpr (std::is_same_v<T, cmd_add_deadline>)
                return "hannop_them";
            else if constexpr (std::is_same_v<T, cmd_report>)
                return "baocao";
            else if constexpr (std::is_same_v<T, cmd_export>)
                return "xuat";
            else if constexpr (std::is_same_v<T, cmd_cancel>)
                return "thoat";
            else if constexpr (std::is_same_v<T, command_error>)
                return v.command;
            else if constexpr (std::is_same_v<T, unknown_command>)
                return "";
            else
                return "";
        },
        c);
}

} // namespace cnscd
