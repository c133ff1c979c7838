#include "config/load_config.hpp"
#include "handlers/reporting_calendar.hpp"

#include <gtest/gtest.h>

namespace cnscd {
namespace {

using namespace std::chrono;

const local_time vn{7 * 60};

deadline_config rule(std::string kind, int day, int month = 0) {
    deadline_config d;
    d.code = kind;
    d.name = kind;
    d.kind = std::move(kind);
    d.day = day;
    d.month = month;
    return d;
}

year_month_day ymd(int y, unsigned m, unsigned d) {
    return year_month_day{year{y}, month{m}, day{d}};
}

std::vector<std::string> due_dates(const deadline_config& r, year_month_day from, year_month_day to) {
    std::vector<std::string> out;
    for (auto& i : instances_between(r, from, to, vn))
        out.push_back(iso_date(i.due_date));
    return out;
}

TEST(reporting_calendar, day_31_means_the_last_day_of_shorter_months_including_leap_february) {
    auto r = rule("monthly", 31);
    EXPECT_EQ(due_dates(r, ymd(2026, 1, 1), ymd(2026, 4, 30)),
              (std::vector<std::string>{"2026-01-31", "2026-02-28", "2026-03-31", "2026-04-30"}));
    EXPECT_EQ(due_dates(r, ymd(2028, 2, 1), ymd(2028, 2, 29)), (std::vector<std::string>{"2028-02-29"}));
    EXPECT_EQ(iso_date(clamp_day(year{2026}, February, 30)), "2026-02-28");
    EXPECT_EQ(iso_date(clamp_day(year{2024}, February, 29)), "2024-02-29");
    EXPECT_EQ(iso_date(clamp_day(year{2026}, June, 15)), "2026-06-15");
}

// A record's confirmation asks which reports cover its day; the short way must find exactly
// what the long scan of every nearby occurrence finds, for every kind of rule and day.
TEST(reporting_calendar, the_reports_covering_a_day_are_those_whose_period_holds_it) {
    std::vector<deadline_config> rules{rule("monthly", 24),    rule("monthly", 5),
                                       rule("quarterly", 19),  rule("quarterly", 10, 1),
                                       rule("yearly", 29, 11), rule("yearly", 15, 1)};
    auto cut = rule("monthly", 20);
    cut.period = "cutoff";
    cut.cutoff_day = 15;
    rules.push_back(cut);
    auto cut_q = rule("quarterly", 20);
    cut_q.period = "cutoff";
    cut_q.cutoff_day = 15;
    rules.push_back(cut_q);
    auto once = rule("once", 22, 4);
    once.year = 2027;
    rules.push_back(once);
    for (auto& r : rules)
        for (auto d = sys_days{ymd(2026, 1, 1)}; d <= sys_days{ymd(2027, 12, 31)}; d += days{3}) {
            year_month_day day{d};
            std::vector<std::string> expected;
            for (auto& i :
                 instances_between(r, year_month_day{d - days{800}}, year_month_day{d + days{800}}, vn))
                if (sys_days{i.period.first} <= d && d <= sys_days{i.period.last})
                    expected.push_back(i.period.key + " " + iso_date(i.due_date));
            std::vector<std::string> found;
            for (auto& i : instances_covering(r, day, vn))
                found.push_back(i.period.key + " " + iso_date(i.due_date));
            ASSERT_EQ(found, expected) << r.kind << " " << r.day << "/" << r.month << " on " << iso_date(day);
            if (r.kind != "once") {
                ASSERT_FALSE(found.empty()) << r.kind << " on " << iso_date(day);
            }
        }
}

TEST(reporting_calendar, the_deadline_instant_is_local_time_in_vietnam) {
    auto r = rule("monthly", 24);
    auto d = make_instance(r, ymd(2026, 11, 24), vn);
    // 24/11/2026 17:00 +07:00 = 10:00 UTC.
    EXPECT_EQ(d.due_at, 1795485600 + 8 * 3600);
    EXPECT_EQ(d.locks_at, d.due_at + 5 * 86400);
    EXPECT_EQ(d.period.key, "2026-11");
    EXPECT_EQ(iso_date(d.period.first), "2026-11-01");
    EXPECT_EQ(iso_date(d.period.last), "2026-11-30");
}

TEST(reporting_calendar, quarterly_in_the_last_month_or_the_month_after) {
    auto last_month = rule("quarterly", 19, 0);
    EXPECT_EQ(due_dates(last_month, ymd(2026, 1, 1), ymd(2026, 12, 31)),
              (std::vector<std::string>{"2026-03-19", "2026-06-19", "2026-09-19", "2026-12-19"}));
    auto q4 = make_instance(last_month, ymd(2026, 12, 19), vn);
    EXPECT_EQ(q4.period.key, "2026-Q4");
    EXPECT_EQ(iso_date(q4.period.first), "2026-10-01");
    EXPECT_EQ(iso_date(q4.period.last), "2026-12-31");

    auto month_after = rule("quarterly", 10, 1);
    EXPECT_EQ(due_dates(month_after, ymd(2026, 1, 1), ymd(2026, 12, 31)),
              (std::vector<std::string>{"2026-01-10", "2026-04-10", "2026-07-10", "2026-10-10"}));
    // January's deadline covers the previous year's last quarter.
    auto jan = make_instance(month_after, ymd(2026, 1, 10), vn);
    EXPECT_EQ(jan.period.key, "2025-Q4");
    EXPECT_EQ(iso_date(jan.period.first), "2025-10-01");
    EXPECT_EQ(iso_date(jan.period.last), "2025-12-31");
}

TEST(reporting_calendar, yearly_and_one_off_deadlines) {
    auto yearly = rule("yearly", 29, 11);
    EXPECT_EQ(due_dates(yearly, ymd(2025, 6, 1), ymd(2027, 12, 31)),
              (std::vector<std::string>{"2025-11-29", "2026-11-29", "2027-11-29"}));
    auto y = make_instance(yearly, ymd(2026, 11, 29), vn);
    EXPECT_EQ(y.period.key, "2026");
    EXPECT_EQ(iso_date(y.period.first), "2026-01-01");
    EXPECT_EQ(iso_date(y.period.last), "2026-12-31");

    auto once = rule("once", 22, 4);
    once.year = 2026;
    EXPECT_EQ(due_dates(once, ymd(2025, 1, 1), ymd(2027, 12, 31)), (std::vector<std::string>{"2026-04-22"}));
    EXPECT_EQ(make_instance(once, ymd(2026, 4, 22), vn).period.key, "2026-04-22");
}

TEST(reporting_calendar, cutoff_periods_run_from_the_15th_to_the_14th_across_year_ends) {
    auto monthly = rule("monthly", 20);
    monthly.period = "cutoff";
    monthly.cutoff_day = 15;
    auto jan = period_of(monthly, ymd(2026, 1, 20));
    EXPECT_EQ(jan.key, "2026-01");
    EXPECT_EQ(iso_date(jan.first), "2025-12-15");
    EXPECT_EQ(iso_date(jan.last), "2026-01-14");
    auto mar = period_of(monthly, ymd(2028, 3, 20));
    EXPECT_EQ(iso_date(mar.first), "2028-02-15");
    EXPECT_EQ(iso_date(mar.last), "2028-03-14");

    auto quarterly = rule("quarterly", 20);
    quarterly.period = "cutoff";
    quarterly.cutoff_day = 15;
    auto q1 = period_of(quarterly, ymd(2026, 3, 20));
    EXPECT_EQ(q1.key, "2026-Q1");
    EXPECT_EQ(iso_date(q1.first), "2025-12-15");
    EXPECT_EQ(iso_date(q1.last), "2026-03-14");

    auto yearly = rule("yearly", 20, 12);
    yearly.period = "cutoff";
    yearly.cutoff_day = 15;
    auto y = period_of(yearly, ymd(2026, 12, 20));
    EXPECT_EQ(iso_date(y.first), "2025-12-15");
    EXPECT_EQ(iso_date(y.last), "2026-12-14");

    // Cut-off day 31 clamps like a deadline day: 28/2 .. 30/3 in a common year.
    monthly.cutoff_day = 31;
    auto clamped = period_of(monthly, ymd(2026, 3, 31));
    EXPECT_EQ(iso_date(clamped.first), "2026-02-28");
    EXPECT_EQ(iso_date(clamped.last), "2026-03-30");
}

TEST(reporting_calendar, reminder_slots_default_three_days_one_day_and_the_day_at_eight) {
    auto r = rule("monthly", 24);
    auto d = make_instance(r, ymd(2026, 12, 24), vn);
    auto slots = reminder_slots(d, vn);
    std::vector<int> before;
    for (auto& s : slots)
        if (s.kind == reminder_kind::before)
            before.push_back(s.offset_days);
    auto at8 = [](int day) { return vn.at(ymd(2026, 12, static_cast<unsigned>(day)), 8, 0); };
    ASSERT_EQ(before, (std::vector<int>{-3, -1, 0}));
    EXPECT_EQ(slots[0].at, at8(21));
    EXPECT_EQ(slots[0].offset_days, -3);
    EXPECT_EQ(slots[1].at, at8(23));
    EXPECT_EQ(slots[2].at, at8(24));
    EXPECT_EQ(slots[3].kind, reminder_kind::staff_summary);
    EXPECT_EQ(slots[3].at, d.due_at);
    // Overdue: 25..29 at 08:00 (locks 29/12 17:00), team and staff each.
    int overdue = 0;
    for (auto& s : slots)
        overdue += s.kind == reminder_kind::overdue;
    EXPECT_EQ(overdue, 5);
    EXPECT_EQ(slots.back().at, at8(29));
}

TEST(reporting_calendar, only_the_newest_missed_reminder_is_still_worth_sending) {
    auto d = make_instance(rule("monthly", 24), ymd(2026, 12, 24), vn);
    auto slots = reminder_slots(d, vn);
    // The bot was off from the 20th to the 23rd at 12:00: the 3-day reminder is stale, the
    // 1-day one is sent.
    auto now = vn.at(ymd(2026, 12, 23), 12, 0);
    EXPECT_FALSE(slot_still_relevant(d, slots, 0, now));
    EXPECT_TRUE(slot_still_relevant(d, slots, 1, now));
    EXPECT_FALSE(slot_still_relevant(d, slots, 2, now)); // not due yet
    // After the deadline no "before" reminder is relevant.
    EXPECT_FALSE(slot_still_relevant(d, slots, 2, d.due_at + 60));
    // After the lock nothing is.
    for (std::size_t i = 0; i < slots.size(); ++i)
        EXPECT_FALSE(slot_still_relevant(d, slots, i, d.locks_at + 1));
}

TEST(reporting_calendar, open_instance_is_the_unlocked_period_already_started) {
    auto r = rule("monthly", 24);
    auto at = [](int m, int d, int h) {
        return vn.at(ymd(2026, static_cast<unsigned>(m), static_cast<unsigned>(d)), h, 0);
    };
    EXPECT_EQ(open_instance(r, at(11, 24, 9), vn)->period.key, "2026-11");
    EXPECT_EQ(open_instance(r, at(11, 28, 9), vn)->period.key, "2026-11"); // late but open
    EXPECT_EQ(open_instance(r, at(11, 30, 9), vn)->period.key, "2026-12"); // November locked
    EXPECT_EQ(open_instance(rule("yearly", 29, 11), at(12, 2, 9), vn)->period.key, "2026");
    // Locked on 4/12 (5 days of grace): the next year's report is the one to prepare.
    EXPECT_EQ(open_instance(rule("yearly", 29, 11), at(12, 15, 9), vn)->period.key, "2027");
}

TEST(reporting_calendar, the_example_config_carries_the_calendar_from_the_seeds) {
    auto cfg = load_config(std::string(CNSCD_SOURCE_DIR) + "/config/example.json",
                           [](std::string_view) { return std::optional<std::string>(); });
    ASSERT_TRUE(cfg) << cfg.error().message;
    auto rules = deadlines_for_ward(*cfg, "Phường Hòa Xuân");
    ASSERT_EQ(rules.size(), 3u);
    // Before the 25th of each month, the 20th of the quarter's last month, and 30/11.
    auto due = [&](std::size_t i, int y, unsigned m) {
        return iso_date(*due_date_in(rules[i], year{y}, month{m}));
    };
    EXPECT_EQ(due(0, 2026, 2), "2026-02-24");
    EXPECT_EQ(due(1, 2026, 9), "2026-09-19");
    EXPECT_FALSE(due_date_in(rules[1], year{2026}, month{8}));
    EXPECT_EQ(due(2, 2026, 11), "2026-11-29");
    // The built-in calendar (no file) is the same.
    auto builtin = builtin_deadlines();
    for (std::size_t i = 0; i < 3; ++i) {
        EXPECT_EQ(rules[i].kind, builtin[i].kind);
        EXPECT_EQ(rules[i].day, builtin[i].day);
        EXPECT_EQ(rules[i].grace_days, builtin[i].grace_days);
        EXPECT_EQ(rules[i].remind_days_before, builtin[i].remind_days_before);
        EXPECT_EQ(rules[i].name, builtin[i].name);
        EXPECT_EQ(rules[i].name_en, builtin[i].name_en);
    }
}

TEST(reporting_calendar, reads_day_month_year) {
    EXPECT_EQ(iso_date(*parse_dmy("22/4/2026", 2025)), "2026-04-22");
    EXPECT_EQ(iso_date(*parse_dmy("22/04", 2026)), "2026-04-22");
    EXPECT_EQ(iso_date(*parse_dmy("29-2-2028", 2026)), "2028-02-29");
    EXPECT_FALSE(parse_dmy("29/2/2026", 2026));
    EXPECT_FALSE(parse_dmy("31/4/2026", 2026));
    EXPECT_FALSE(parse_dmy("mai", 2026));
    EXPECT_FALSE(parse_dmy("22", 2026));
}

} // namespace
} // namespace cnscd
