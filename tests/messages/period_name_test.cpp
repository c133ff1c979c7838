// Periods named by their number: "/toi tháng 11", "/thongke quý III", "/xuat năm 2025".

#include "messages/command_parser.hpp"

#include <gtest/gtest.h>

namespace cnscd {
namespace {

using namespace std::chrono;

constexpr year_month_day today{year{2026}, March, day{10}};

command parse(const std::string& text) {
    return parse_command(text, parse_context{"cnscd_bot", today, true});
}

std::string named_day(const command& c) {
    named_period n;
    period_kind k = period_kind::week;
    std::visit(
        [&](const auto& x) {
            if constexpr (requires { x.named; }) {
                n = x.named;
                k = x.period;
            }
        },
        c);
    if (!n)
        return "-";
    char buf[32];
    std::snprintf(buf, sizeof buf, "%s %04d-%02u-%02u", std::string(period_code(k)).c_str(),
                  static_cast<int>(n->year()), static_cast<unsigned>(n->month()),
                  static_cast<unsigned>(n->day()));
    return buf;
}

TEST(named_periods, name_the_period_that_contains_the_day) {
    EXPECT_EQ(named_day(parse("/toi tháng 2")), "month 2026-02-01");
    EXPECT_EQ(named_day(parse("/toi thang 2/2025")), "month 2025-02-01");
    EXPECT_EQ(named_day(parse("/toi tháng 2 năm 2025")), "month 2025-02-01");
    EXPECT_EQ(named_day(parse("/toi tháng 2 2025")), "month 2025-02-01");
    EXPECT_EQ(named_day(parse("/toi 2/2025")), "month 2025-02-01");
    EXPECT_EQ(named_day(parse("/thongke quý IV")), "quarter 2025-10-01"); // the most recent Q4
    EXPECT_EQ(named_day(parse("/thongke quý 1")), "quarter 2026-01-01");  // the current one
    EXPECT_EQ(named_day(parse("/xephang quy iii/2025")), "quarter 2025-07-01");
    EXPECT_EQ(named_day(parse("/baocao năm 2025")), "year 2025-01-01");
    EXPECT_EQ(named_day(parse("/xuat tháng 12 csv")), "month 2025-12-01"); // December just gone
    EXPECT_EQ(named_day(parse("/me month 1")), "month 2026-01-01");
    // Without a number nothing is named.
    EXPECT_EQ(named_day(parse("/toi tháng")), "-");
    EXPECT_EQ(named_day(parse("/toi tháng trước")), "-");
    auto ward = std::get<cmd_team_stats>(parse("/thongke phuong quý 4"));
    EXPECT_TRUE(ward.ward);
    EXPECT_EQ(named_day(ward), "quarter 2025-10-01");
    // "/xuat quý trước" now works too (it was refused as an unknown period).
    auto last_quarter = std::get<cmd_export>(parse("/xuat quý trước"));
    EXPECT_TRUE(last_quarter.previous);
    EXPECT_EQ(last_quarter.period, period_kind::quarter);
}

TEST(named_periods, short_forms_leaders_write) {
    EXPECT_EQ(named_day(parse("/thongke T10")), "month 2025-10-01"); // last October, it is March
    EXPECT_EQ(named_day(parse("/toi t2")), "month 2026-02-01");
    EXPECT_EQ(named_day(parse("/xephang T12/2025")), "month 2025-12-01");
    EXPECT_EQ(named_day(parse("/thongke Q4")), "quarter 2025-10-01");
    EXPECT_EQ(named_day(parse("/baocao q1/2026")), "quarter 2026-01-01");
    EXPECT_EQ(named_day(parse("/toi thg 1")), "month 2026-01-01");
    auto staff = std::get<cmd_team_stats>(parse("/thongke Tổ 2 T2"));
    EXPECT_EQ(staff.team, "Tổ 2");
    EXPECT_EQ(named_day(staff), "month 2026-02-01");
}

TEST(named_periods, wrong_or_future_ones_say_what_is_wrong) {
    struct {
        const char* text;
        const char* reason;
        const char* detail;
    } const cases[] = {
        {"/toi tháng 13", "error_period_number", "tháng 13"},
        {"/toi quý 5", "error_period_number", "quý 5"},
        {"/toi tháng 0", "error_period_number", "tháng 0"},
        {"/toi năm 25", "error_bad_period", "năm 25"},
        {"/toi tháng 4/2026", "error_future_period", "tháng 4/2026"},
        {"/thongke năm 2027", "error_future_period", "năm 2027"},
        {"/toi 5/2026", "error_future_period", "5/2026"},
        {"/toi T13", "error_period_number", "T13"},
        {"/thongke Q3/2026", "error_future_period", "Q3/2026"},
        {"/xuat tháng 2/20x6", "error_bad_period", "tháng 2/20x6"},
        // The whole unread part is quoted, and a period word is not taken for a file format.
        {"/toi hôm nay", "error_bad_period", "hôm nay"},
        {"/xuat hôm qua", "error_bad_period", "hôm qua"},
        {"/xuat abc", "error_bad_period", "abc"},
        {"/xuat tháng pdf", "error_bad_format", "pdf"},
    };
    for (auto& c : cases) {
        auto cmd = parse(c.text);
        auto* e = std::get_if<command_error>(&cmd);
        ASSERT_NE(e, nullptr) << c.text << " -> " << command_name(cmd);
        EXPECT_EQ(e->reason, c.reason) << c.text;
        EXPECT_EQ(e->detail, c.detail) << c.text;
    }
}

// English readers are shown "November 2025" and "Q4 2025" (report_texts.cpp) and type them back:
// both were refused as an unknown period ("Unknown period "November"", ""2025"").
TEST(named_periods, english_readers_name_a_period_as_they_are_shown_it) {
    EXPECT_EQ(named_day(parse("/stats November 2025")), "month 2025-11-01");
    EXPECT_EQ(named_day(parse("/report november")), "month 2025-11-01"); // the most recent one
    EXPECT_EQ(named_day(parse("/me Feb")), "month 2026-02-01");
    EXPECT_EQ(named_day(parse("/export Sept 2025 csv")), "month 2025-09-01");
    EXPECT_EQ(named_day(parse("/stats Q4 2025")), "quarter 2025-10-01");
    EXPECT_EQ(named_day(parse("/report Q1 2026")), "quarter 2026-01-01");
    EXPECT_EQ(named_day(parse("/thongke Q4 năm 2024")), "quarter 2024-10-01");
    EXPECT_EQ(named_day(parse("/top May 2025")), "month 2025-05-01");
    auto staff = std::get<cmd_team_stats>(parse("/stats Tổ 2 Q4 2025"));
    EXPECT_EQ(staff.team, "Tổ 2");
    EXPECT_EQ(named_day(staff), "quarter 2025-10-01");
    // "may" alone is a Vietnamese word too (mây): part of a team's name, not May.
    auto cloud = std::get<cmd_team_stats>(parse("/thongke Thôn Mây"));
    EXPECT_EQ(cloud.team, "Thôn Mây");
    EXPECT_EQ(named_day(cloud), "-");
    auto future = std::get<command_error>(parse("/stats Q4 2026"));
    EXPECT_EQ(future.reason, "error_future_period");
    EXPECT_EQ(future.detail, "Q4 2026");
    auto bad = std::get<command_error>(parse("/stats Q5 2025"));
    EXPECT_EQ(bad.reason, "error_period_number");
    EXPECT_EQ(bad.detail, "Q5 2025");
}

} // namespace
} // namespace cnscd
