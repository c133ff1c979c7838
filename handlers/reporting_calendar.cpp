#include "handlers/reporting_calendar.hpp"

#include "handlers/ward_settings.hpp"
#include "messages/calendar_names.hpp"

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <set>

namespace cnscd {

using namespace std::chrono;

namespace {

year_month add_months(year_month ym, int n) {
    return ym + months{n};
}

year_month_day day_before(year_month_day d) {
    return year_month_day{sys_days{d} - days{1}};
}

year_month_day last_of(year y, month m) {
    return year_month_day{year_month_day_last{y, month_day_last{m}}};
}

std::string two(unsigned v) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "%02u", v % 100);
    return buf;
}

// Months whose due dates belong to a quarterly rule: the quarters' last months, shifted.
bool quarterly_due_month(const deadline_config& rule, month m) {
    int k = (static_cast<int>(static_cast<unsigned>(m)) - 1 - rule.month % 12 + 12) % 12;
    return k % 3 == 2;
}

} // namespace

int minutes_of(const std::string& hhmm) {
    int h = 0, m = 0;
    if (std::sscanf(hhmm.c_str(), "%d:%d", &h, &m) != 2)
        return 0;
    return h * 60 + m;
}

year_month_day clamp_day(year y, month m, int day) {
    auto last = last_of(y, m);
    if (day >= static_cast<int>(static_cast<unsigned>(last.day())))
        return last;
    return year_month_day{y, m, std::chrono::day{static_cast<unsigned>(std::max(day, 1))}};
}

namespace {

std::vector<deadline_config> make_builtin_deadlines() {
    deadline_config monthly;
    monthly.code = "monthly";
    monthly.name = builtin_deadline_name(language::vi, builtin_deadline::monthly);
    monthly.name_en = builtin_deadline_name(language::en, builtin_deadline::monthly);
    monthly.kind = "monthly";
    monthly.day = 24;
    deadline_config quarterly;
    quarterly.code = "quarterly";
    quarterly.name = builtin_deadline_name(language::vi, builtin_deadline::quarterly);
    quarterly.name_en = builtin_deadline_name(language::en, builtin_deadline::quarterly);
    quarterly.kind = "quarterly";
    quarterly.day = 19;
    quarterly.grace_days = 7;
    deadline_config yearly;
    yearly.code = "yearly";
    yearly.name = builtin_deadline_name(language::vi, builtin_deadline::yearly);
    yearly.name_en = builtin_deadline_name(language::en, builtin_deadline::yearly);
    yearly.kind = "yearly";
    yearly.day = 29;
    yearly.month = 11;
    yearly.remind_days_before = {7, 3, 1, 0};
    yearly.grace_days = 10;
    return {monthly, quarterly, yearly};
}

} // namespace

// Built once: every visit's confirmation asks for its ward's deadlines.
const std::vector<deadline_config>& builtin_deadlines() {
    static const std::vector<deadline_config> rules = make_builtin_deadlines();
    return rules;
}

std::vector<deadline_config> deadlines_for_ward(const config& cfg, const std::string& ward_name) {
    if (auto* w = ward_settings(cfg, ward_name); w && !w->deadlines.empty())
        return w->deadlines;
    if (!cfg.default_deadlines.empty())
        return cfg.default_deadlines;
    return builtin_deadlines();
}

namespace {

// The period's dates, and its key only when asked: the key's formatting is most of the cost,
// and instances_covering looks at many periods to keep a few.
report_period period_dates(const deadline_config& rule, year_month_day due, bool with_key) {
    report_period p;
    bool cutoff = rule.period == "cutoff" && rule.cutoff_day > 0;
    // The calendar period as [first month, last month].
    year_month first_month{due.year(), due.month()};
    year_month last_month = first_month;
    if (rule.kind == "monthly") {
        if (with_key)
            p.key =
                std::to_string(static_cast<int>(due.year())) + "-" + two(static_cast<unsigned>(due.month()));
    } else if (rule.kind == "quarterly") {
        last_month = add_months(first_month, -(rule.month % 12));
        first_month = add_months(last_month, -2);
        if (with_key)
            p.key = std::to_string(static_cast<int>(last_month.year())) + "-Q" +
                    std::to_string((static_cast<unsigned>(last_month.month()) - 1) / 3 + 1);
    } else if (rule.kind == "yearly") {
        first_month = year_month{due.year(), January};
        last_month = year_month{due.year(), December};
        if (with_key)
            p.key = std::to_string(static_cast<int>(due.year()));
    } else { // once: the year up to the due date
        if (with_key)
            p.key = iso_date(due);
        p.first = year_month_day{due.year(), January, day{1}};
        p.last = due;
        return p;
    }
    if (cutoff) {
        auto before = add_months(first_month, -1);
        p.first = clamp_day(before.year(), before.month(), rule.cutoff_day);
        p.last = day_before(clamp_day(last_month.year(), last_month.month(), rule.cutoff_day));
    } else {
        p.first = year_month_day{first_month.year(), first_month.month(), day{1}};
        p.last = last_of(last_month.year(), last_month.month());
    }
    return p;
}

} // namespace

report_period period_of(const deadline_config& rule, year_month_day due) {
    return period_dates(rule, due, true);
}

std::optional<year_month_day> due_date_in(const deadline_config& rule, year y, month m) {
    if (rule.kind == "monthly")
        return clamp_day(y, m, rule.day);
    if (rule.kind == "quarterly")
        return quarterly_due_month(rule, m) ? std::optional(clamp_day(y, m, rule.day)) : std::nullopt;
    if (rule.kind == "yearly")
        return static_cast<unsigned>(m) == static_cast<unsigned>(rule.month)
                   ? std::optional(clamp_day(y, m, rule.day))
                   : std::nullopt;
    if (rule.kind == "once")
        return static_cast<int>(y) == rule.year &&
                       static_cast<unsigned>(m) == static_cast<unsigned>(rule.month)
                   ? std::optional(clamp_day(y, m, rule.day))
                   : std::nullopt;
    return std::nullopt;
}

deadline_instance make_instance(const deadline_config& rule, year_month_day due_date,
                                const local_time& zone) {
    deadline_instance d;
    d.rule = rule;
    d.period = period_of(rule, due_date);
    d.due_date = due_date;
    int t = minutes_of(rule.time);
    d.due_at = zone.at(due_date, t / 60, t % 60);
    d.locks_at = d.due_at + rule.grace_days * 86400LL;
    return d;
}

std::vector<deadline_instance> instances_between(const deadline_config& rule, year_month_day from,
                                                 year_month_day to, const local_time& zone) {
    std::vector<deadline_instance> out;
    for (year_month ym{from.year(), from.month()}; ym <= year_month{to.year(), to.month()}; ym += months{1}) {
        auto due = due_date_in(rule, ym.year(), ym.month());
        if (due && sys_days{*due} >= sys_days{from} && sys_days{*due} <= sys_days{to})
            out.push_back(make_instance(rule, *due, zone));
    }
    return out;
}

std::vector<deadline_instance> instances_covering(const deadline_config& rule, year_month_day day,
                                                  const local_time& zone) {
    std::vector<deadline_instance> out;
    // A period's due date lies within a year and a month of any of its days (a yearly report
    // due in January of the next year, a cutoff period shifted by a month).
    year_month at{day.year(), day.month()};
    for (auto ym = at - months{13}; ym <= at + months{13}; ym += months{1}) {
        auto due = due_date_in(rule, ym.year(), ym.month());
        if (!due)
            continue;
        auto p = period_dates(rule, *due, false);
        if (sys_days{p.first} <= sys_days{day} && sys_days{day} <= sys_days{p.last})
            out.push_back(make_instance(rule, *due, zone));
    }
    return out;
}

std::optional<deadline_instance> open_instance(const deadline_config& rule, std::int64_t now,
                                               const local_time& zone) {
    auto today = zone.date_of(now);
    auto from = year_month_day{sys_days{today} - days{800}};
    auto to = year_month_day{sys_days{today} + days{800}};
    std::optional<deadline_instance> next;
    for (auto& d : instances_between(rule, from, to, zone)) {
        if (d.locks_at <= now)
            continue;
        if (sys_days{d.period.first} <= sys_days{today})
            return d;
        if (!next)
            next = d;
    }
    return next;
}

std::vector<reminder_slot> reminder_slots(const deadline_instance& d, const local_time& zone) {
    std::vector<reminder_slot> out;
    int rt = minutes_of(d.rule.remind_time);
    std::set<int, std::greater<>> before(d.rule.remind_days_before.begin(), d.rule.remind_days_before.end());
    for (int n : before) {
        auto day = year_month_day{sys_days{d.due_date} - days{n}};
        auto at = zone.at(day, rt / 60, rt % 60);
        // "On the day at 08:00" for a deadline at 07:00 would come too late: send it then.
        out.push_back({reminder_kind::before, -n, std::min(at, d.due_at), "team"});
    }
    out.push_back({reminder_kind::staff_summary, 0, d.due_at, "staff"});
    for (int n = 1; n <= d.rule.grace_days; ++n) {
        auto day = year_month_day{sys_days{d.due_date} + days{n}};
        auto at = zone.at(day, rt / 60, rt % 60);
        if (at >= d.locks_at)
            break;
        out.push_back({reminder_kind::overdue, n, at, "team"});
        out.push_back({reminder_kind::staff_overdue, n, at, "staff"});
    }
    std::stable_sort(out.begin(), out.end(), [](auto& a, auto& b) { return a.at < b.at; });
    return out;
}

bool slot_still_relevant(const deadline_instance& d, const std::vector<reminder_slot>& slots,
                         std::size_t index, std::int64_t now) {
    auto& s = slots[index];
    if (s.at > now)
        return false;
    for (std::size_t j = 0; j < slots.size(); ++j)
        if (j != index && slots[j].kind == s.kind && slots[j].at > s.at && slots[j].at <= now)
            return false; // a newer reminder of the same series is due: this one was missed
    switch (s.kind) {
    case reminder_kind::before:
        return now < d.due_at;
    case reminder_kind::staff_summary:
        return now < s.at + 86400 && now < std::max(d.locks_at, s.at + 1);
    case reminder_kind::overdue:
    case reminder_kind::staff_overdue:
        return now < d.locks_at;
    }
    return false;
}

std::string iso_date(year_month_day d) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(d.year()),
                  static_cast<unsigned>(d.month()), static_cast<unsigned>(d.day()));
    return buf;
}

std::optional<year_month_day> parse_dmy(std::string_view text, int default_year) {
    int parts[3] = {0, 0, default_year};
    int n = 0;
    const char* p = text.data();
    const char* end = text.data() + text.size();
    while (p < end && n < 3) {
        auto [next, ec] = std::from_chars(p, end, parts[n]);
        if (ec != std::errc())
            return std::nullopt;
        ++n;
        p = next;
        if (p < end && (*p == '/' || *p == '-' || *p == '.'))
            ++p;
        else
            break;
    }
    if (p != end || n < 2)
        return std::nullopt;
    if (n == 3 && parts[2] < 100)
        parts[2] += 2000;
    year_month_day d{year{parts[2]}, month{static_cast<unsigned>(parts[1])},
                     day{static_cast<unsigned>(parts[0])}};
    if (!d.ok())
        return std::nullopt;
    return d;
}

} // namespace cnscd
