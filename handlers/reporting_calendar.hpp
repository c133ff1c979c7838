#pragma once

// The reporting calendar as pure arithmetic: which deadlines fall when, which period each
// one covers, when it locks, and when its reminders are due. Everything is computed in the
// configured fixed UTC offset (local_time); instants are unix seconds.

#include "config/config.hpp"
#include "handlers/clock.hpp"

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace cnscd {

// The local dates a report covers (inclusive) and its stable key ("2026-11", "2026-Q4",
// "2026", or the due date "2026-04-22" for a one-off deadline).
struct report_period {
    std::string key;
    std::chrono::year_month_day first;
    std::chrono::year_month_day last;

    bool operator==(const report_period&) const = default;
};

// One occurrence of a deadline rule.
struct deadline_instance {
    deadline_config rule;
    report_period period;
    std::chrono::year_month_day due_date;
    std::int64_t due_at = 0;   // the deadline itself (rule.time on due_date)
    std::int64_t locks_at = 0; // due_at + grace_days: after this nothing is accepted
};

// What a reminder slot is for.
enum class reminder_kind {
    before,        // to teams not yet submitted, `days` (>= 0) before the deadline
    overdue,       // to teams still missing, `days` (>= 1) after the deadline, until the lock
    staff_summary, // to ward staff at the deadline: who submitted, who did not
    staff_overdue, // to ward staff with the overdue reminders: who is still missing
};

struct reminder_slot {
    reminder_kind kind = reminder_kind::before;
    int offset_days = 0;  // negative before the deadline, 0 on the day, positive after
    std::int64_t at = 0;  // when it is due
    std::string audience; // "team" | "staff": part of the once-only key
};

// "17:00" -> 1020; the config loader already checked the form.
int minutes_of(const std::string& hhmm);

// `day` in the month, with days past the month's end meaning its last day (31 => 30 April).
std::chrono::year_month_day clamp_day(std::chrono::year y, std::chrono::month m, int day);

// The calendar from the seeds, used when neither the ward nor the file has one: monthly
// before the 25th, quarterly before the 20th of the quarter's last month, yearly before 30/11.
const std::vector<deadline_config>& builtin_deadlines();

// The ward's rules: its own, else the file's default calendar, else the built-in one.
std::vector<deadline_config> deadlines_for_ward(const config& cfg, const std::string& ward_name);

// The period a deadline due on `due_date` covers.
//   monthly: the due month; quarterly: the quarter whose last month is the due month
//   (month = 0) or the quarter before the due month (month = 1); yearly: the due year;
//   once: the due year up to the due date.
//   period = "cutoff" shifts calendar periods to start on cutoff_day of the month before
//   their first month and end the day before cutoff_day of their last month (15th..14th).
report_period period_of(const deadline_config& rule, std::chrono::year_month_day due_date);

// The due date of the rule's occurrence in `year`/`month` (monthly: every month; quarterly:
// months 3, 6, 9, 12, shifted by rule.month; yearly: rule.month; once: its date), if any.
std::optional<std::chrono::year_month_day> due_date_in(const deadline_config& rule, std::chrono::year y,
                                                       std::chrono::month m);

deadline_instance make_instance(const deadline_config& rule, std::chrono::year_month_day due_date,
                                const local_time& zone);

// Every occurrence whose due date lies in [from, to] (local dates), earliest first.
std::vector<deadline_instance> instances_between(const deadline_config& rule,
                                                 std::chrono::year_month_day from,
                                                 std::chrono::year_month_day to, const local_time& zone);

// Every occurrence whose period contains `day` (a local date), earliest first. Cheaper than
// instances_between over the widest span a period can have: it is asked for every record.
std::vector<deadline_instance> instances_covering(const deadline_config& rule,
                                                  std::chrono::year_month_day day, const local_time& zone);

// The occurrence a report made at `now` belongs to: the earliest one not yet locked whose
// period has started; else the next one to come.
std::optional<deadline_instance> open_instance(const deadline_config& rule, std::int64_t now,
                                               const local_time& zone);

// Reminder slots of one occurrence, in time order: the "before" reminders (remind_days_before
// at remind_time), the staff summary at the deadline, and daily overdue reminders at
// remind_time while the period is not locked.
std::vector<reminder_slot> reminder_slots(const deadline_instance& d, const local_time& zone);

// Of the due slots (at <= now) of one series, only the newest is still worth sending; older
// ones were missed (the bot was off) and are skipped. A "before" reminder is stale once the
// deadline has passed, an overdue one once the period locked, a staff summary after a day.
bool slot_still_relevant(const deadline_instance& d, const std::vector<reminder_slot>& slots,
                         std::size_t index, std::int64_t now);

// "2026-11-24" for a date.
std::string iso_date(std::chrono::year_month_day d);
// Reads "24/11/2026" or "24/11" (then `default_year`); nullopt if not a real date.
std::optional<std::chrono::year_month_day> parse_dmy(std::string_view text, int default_year);

} // namespace cnscd
