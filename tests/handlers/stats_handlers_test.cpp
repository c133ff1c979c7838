// Stats in chat, checked against totals the test keeps itself from what it logged.

#include "handlers/handlers.hpp"
#include "handlers/period.hpp"
#include "messages/text_fold.hpp"
#include "messages/text_limit.hpp"
#include "storage/database.hpp"
#include "storage/registry.hpp"
#include "storage/sqlite_connection.hpp"
#include "storage/visit_store.hpp"
#include "tests/support/test_bot.hpp"

#include <gtest/gtest.h>

#include <map>
#include <random>

namespace cnscd {
namespace {

using namespace std::chrono;
using test::has;
using test::test_bot;

struct tally {
    std::int64_t visits = 0, people = 0, sessions = 0, attendees = 0;
    std::map<std::string, std::int64_t> topic_records;
};

struct stats_fixture : ::testing::Test {
    // Only a year-end report, so no period these tests back-fill (September to November) is
    // closed yet; closed periods are tested in visit_handlers_test.
    test_bot bot{test::ward_with_year_end_report(
        "Phường Hòa Xuân", {{"households", "Hộ được hướng dẫn", "households", 1000, "year", ""}})};
    std::int64_t ward = bot.ward("Phường Hòa Xuân");
    std::int64_t team1 = bot.team(ward, "Tổ dân phố số 1");
    std::int64_t team2 = bot.team(ward, "Tổ dân phố số 2");
    std::int64_t team3 = bot.team(ward, "Tổ dân phố số 3");
    std::vector<std::pair<std::string, std::int64_t>> members{
        {"101", bot.member(ward, team1, "Trần Văn Bình", "leader", "101")},
        {"102", bot.member(ward, team1, "Phạm Thị Dung", "member", "102")},
        {"103", bot.member(ward, team1, "Lê Văn Em", "member", "103")},
        {"201", bot.member(ward, team2, "Võ Thị Giang", "leader", "201")},
        {"202", bot.member(ward, team2, "Đỗ Văn Hải", "member", "202")},
    };
    std::int64_t idle = bot.member(ward, team1, "Hoàng Thị Idle", "member", "104");
    std::int64_t staff = bot.member(ward, 0, "Ngô Thị Hạnh", "ward_staff", "900");
};

TEST_F(stats_fixture, team_and_ward_totals_match_what_was_logged) {
    std::mt19937 rng(42);
    const char* topics[][2] = {{"vneid", "cài VNeID"},
                               {"dvc", "nộp hồ sơ dịch vụ công"},
                               {"luadao", "cảnh báo lừa đảo"},
                               {"thanhtoan", "thanh toán QR"}};
    std::map<std::int64_t, tally> by_team; // this month, as logged
    tally ward_total;
    std::map<std::int64_t, std::int64_t> team_of;
    for (auto& [user, id] : members)
        team_of[id] = member_store(*bot.db).by_id(id)->team_id.value_or(0);
    for (int i = 0; i < 150; ++i) {
        auto& [user, id] = members[rng() % members.size()];
        auto& topic = topics[rng() % 4];
        int people = 1 + static_cast<int>(rng() % 5);
        int day = 1 + static_cast<int>(rng() % 24);
        bool session = rng() % 5 == 0;
        auto text = std::string(session ? "/buoi" : "/tham") + " số " + std::to_string(i) + " " +
                    std::to_string(day) + "/11, " + topic[1] + " cho " + std::to_string(people) + " người";
        auto out = bot.say(user, text);
        ASSERT_TRUE(has(out, "Đã ghi")) << text << "\n" << test_bot::joined(out);
        for (auto* t : {&by_team[team_of[id]], &ward_total}) {
            (session ? t->sessions : t->visits) += 1;
            (session ? t->attendees : t->people) += people;
            t->topic_records[topic[0]] += 1;
        }
        if (i % 10 == 9) { // some are taken back at once
            bot.say(user, "/huy");
            for (auto* t : {&by_team[team_of[id]], &ward_total}) {
                (session ? t->sessions : t->visits) -= 1;
                (session ? t->attendees : t->people) -= people;
                t->topic_records[topic[0]] -= 1;
            }
        }
    }
    visit_store visits(*bot.db);
    day_range month{"2026-11-01", "2026-11-24"};
    for (auto team : {team1, team2}) {
        auto t = visits.team_totals_in(team, month);
        EXPECT_EQ(t.visits, by_team[team].visits);
        EXPECT_EQ(t.people, by_team[team].people);
        EXPECT_EQ(t.sessions, by_team[team].sessions);
        EXPECT_EQ(t.attendees, by_team[team].attendees);
        for (auto& [code, n] : by_team[team].topic_records)
            EXPECT_EQ(t.topics[code].records, n) << code;
    }
    auto w = visits.ward_totals_in(ward, month);
    EXPECT_EQ(w.visits, ward_total.visits);
    EXPECT_EQ(w.people, ward_total.people);
    EXPECT_EQ(w.active_members, 5);

    // The answers in chat show the same figures.
    auto team_answer = test_bot::joined(bot.say("101", "/thongke"));
    EXPECT_NE(team_answer.find("Lượt thăm hộ: " + std::to_string(by_team[team1].visits) +
                               ", người được hỗ trợ: " + std::to_string(by_team[team1].people)),
              std::string::npos)
        << team_answer;
    EXPECT_NE(team_answer.find("Hoàng Thị Idle"), std::string::npos) << "idle members are named";
    auto ward_answer = test_bot::joined(bot.say("900", "/thongke phuong"));
    EXPECT_NE(ward_answer.find("Lượt thăm hộ: " + std::to_string(ward_total.visits)), std::string::npos)
        << ward_answer;
    EXPECT_NE(ward_answer.find("Tổ dân phố số 3"), std::string::npos) << "idle teams are named";
    EXPECT_NE(
        ward_answer.find("Hộ được hướng dẫn (năm 2026): " + std::to_string(ward_total.visits) + "/1.000"),
        std::string::npos)
        << ward_answer;
}

TEST_F(stats_fixture, my_stats_compare_with_the_same_span_of_the_previous_period) {
    bot.say("102", "/tham số 1 20/10, cài VNeID cho 2 người");
    bot.say("102", "/tham số 2 5/11, cài VNeID cho 1 người");
    bot.say("102", "/tham số 3 6/11, nộp hồ sơ dịch vụ công cho 3 người");
    auto out = test_bot::joined(bot.say("102", "/toi"));
    EXPECT_NE(out.find("Lượt thăm hộ: 2, người được hỗ trợ: 4"), std::string::npos) << out;
    // 2 this month against 1 in Oct 1-24, said as Vietnamese says it ("the same span last month").
    EXPECT_NE(out.find("So với cùng kỳ tháng trước: lượt thăm ▲ 1"), std::string::npos) << out;
    EXPECT_NE(out.find("Định danh điện tử VNeID: 1 lượt, 1 người"), std::string::npos) << out;
    auto year = test_bot::joined(bot.say("102", "/toi năm"));
    EXPECT_NE(year.find("Lượt thăm hộ: 3"), std::string::npos) << year;
}

TEST_F(stats_fixture, last_period_is_shown_whole_and_compared_with_the_one_before_it) {
    // Today is 24/11/2026: October whole is "last month", September before it.
    bot.say("102", "/tham số 1 26/9, cài VNeID cho 2 người"); // within the 60 days a visit may go back
    bot.say("102", "/tham số 2 20/10, cài VNeID cho 2 người");
    bot.say(
        "102",
        "/tham số 3 30/10, nộp hồ sơ dịch vụ công cho 3 người"); // after the 24th: only in the whole month
    bot.say("102", "/tham số 4 5/11, cài VNeID cho 1 người");
    auto last = test_bot::joined(bot.say("102", "/toi tháng trước"));
    EXPECT_NE(last.find("tháng trước (01/10/2026 – 31/10/2026)"), std::string::npos) << last;
    EXPECT_NE(last.find("Lượt thăm hộ: 2, người được hỗ trợ: 5"), std::string::npos) << last;
    EXPECT_NE(last.find("So với tháng trước đó: lượt thăm ▲ 1, người được hỗ trợ ▲ 3"), std::string::npos)
        << last;
    // "this month" is the default, said or not; English says it too.
    EXPECT_EQ(test_bot::joined(bot.say("102", "/toi tháng này")), test_bot::joined(bot.say("102", "/toi")));
    auto english = test_bot::joined(bot.say("102", "/me last month"));
    EXPECT_NE(english.find("01/10/2026 – 31/10/2026"), std::string::npos) << english;
    // The team's and the ranking's last period.
    auto team = test_bot::joined(bot.say("101", "/thongke tháng trước"));
    EXPECT_NE(team.find("Tổ dân phố số 1 — tháng trước"), std::string::npos) << team;
    EXPECT_NE(team.find("Lượt thăm hộ: 2"), std::string::npos) << team;
    auto ranking = test_bot::joined(bot.say("101", "/xephang tháng trước"));
    EXPECT_NE(ranking.find("1. Phạm Thị Dung — 2 lượt, 5 người"), std::string::npos) << ranking;
    auto ward = test_bot::joined(bot.say("900", "/thongke phuong quý trước"));
    EXPECT_NE(ward.find("quý trước (01/07/2026 – 30/09/2026)"), std::string::npos) << ward;
    EXPECT_NE(ward.find("Lượt thăm hộ: 1"), std::string::npos) << ward;
}

TEST_F(stats_fixture, a_period_named_by_its_number_is_shown_whole_under_its_name) {
    // Today is 24/11/2026.
    bot.say("102", "/tham số 1 26/9, cài VNeID cho 2 người");
    bot.say("102", "/tham số 2 20/10, cài VNeID cho 2 người");
    bot.say("102", "/tham số 3 30/10, nộp hồ sơ dịch vụ công cho 3 người");
    bot.say("102", "/tham số 4 5/11, cài VNeID cho 1 người");
    auto october = test_bot::joined(bot.say("102", "/toi tháng 10"));
    EXPECT_NE(october.find("tháng 10/2026 (01/10/2026 – 31/10/2026)"), std::string::npos) << october;
    EXPECT_NE(october.find("Lượt thăm hộ: 2, người được hỗ trợ: 5"), std::string::npos) << october;
    EXPECT_NE(october.find("So với tháng trước đó: lượt thăm ▲ 1"), std::string::npos) << october;
    auto september = test_bot::joined(bot.say("102", "/toi tháng 9"));
    EXPECT_NE(september.find("Lượt thăm hộ: 1, người được hỗ trợ: 2"), std::string::npos) << september;
    // The current period named is the same as not naming it.
    EXPECT_EQ(test_bot::joined(bot.say("102", "/toi tháng 11")), test_bot::joined(bot.say("102", "/toi")));
    auto q3 = test_bot::joined(bot.say("101", "/thongke quý III"));
    EXPECT_NE(q3.find("Tổ dân phố số 1 — quý III/2026 (01/07/2026 – 30/09/2026)"), std::string::npos) << q3;
    EXPECT_NE(q3.find("Lượt thăm hộ: 1"), std::string::npos) << q3;
    auto ranking = test_bot::joined(bot.say("101", "/xephang tháng 10"));
    EXPECT_NE(ranking.find("1. Phạm Thị Dung — 2 lượt, 5 người"), std::string::npos) << ranking;
    auto english = test_bot::joined(bot.say("102", "/me month 10"));
    EXPECT_NE(english.find("01/10/2026 – 31/10/2026"), std::string::npos) << english;
    // A period not yet begun, or one that does not exist, is explained.
    EXPECT_TRUE(has(bot.say("102", "/toi tháng 12/2026"), "chưa bắt đầu"));
    EXPECT_TRUE(has(bot.say("102", "/toi tháng 13"), "ví dụ: /toi tháng 11"));
}

TEST_F(stats_fixture, my_stats_list_the_latest_records_with_their_numbers) {
    for (int i = 1; i <= 4; ++i)
        bot.say("102", "/tham số " + std::to_string(i) + ", cài VNeID");
    bot.say("102", "/huy");
    auto out = test_bot::joined(bot.say("102", "/toi"));
    // The latest three that still count, newest first, with what /sua and /huy need.
    auto header = out.find("Ghi gần đây (sửa: /sua số, hủy: /huy số, ảnh: /anh số)");
    ASSERT_NE(header, std::string::npos) << out;
    auto third = out.find(": số 3 — VNeID", header);
    auto second = out.find(": số 2 — VNeID", header);
    auto first = out.find(": số 1 — VNeID", header);
    EXPECT_TRUE(third != std::string::npos && second != std::string::npos && first != std::string::npos &&
                third < second && second < first)
        << out;
    EXPECT_EQ(out.find("số 4 —"), std::string::npos) << "the cancelled one is not listed";
    // A past period is about that period only.
    EXPECT_EQ(test_bot::joined(bot.say("102", "/toi tháng trước")).find("Ghi gần đây"), std::string::npos);
}

TEST_F(stats_fixture, a_member_naming_something_else_than_a_period_is_told_so) {
    // Members see their own team: another word is a period written wrong, not silently ignored.
    auto out = test_bot::joined(bot.say("102", "/thongke ngay"));
    EXPECT_NE(out.find("Không rõ khoảng thời gian «ngay»"), std::string::npos) << out;
    EXPECT_NE(out.find("ví dụ: /thongke tháng 11"), std::string::npos)
        << out; // the example names the command
    EXPECT_EQ(out.find("{command}"), std::string::npos) << out;
    // Another team named on purpose is not a period written wrong.
    EXPECT_TRUE(has(bot.say("102", "/thongke Tổ dân phố số 2"), "Bạn chỉ xem được số liệu của tổ mình"));
    EXPECT_TRUE(has(bot.say("102", "/thongke tháng Tổ dân phố số 1"), "Tổ dân phố số 1 — tháng này"));
    // The own team's short name, as ward staff write it, is the own team too.
    EXPECT_TRUE(has(bot.say("102", "/thongke Tổ 1"), "Tổ dân phố số 1 — tháng này"));
    EXPECT_TRUE(has(bot.say("102", "/thongke to 1 tháng trước"), "Tổ dân phố số 1 — tháng trước"));
    EXPECT_TRUE(has(bot.say("102", "/thongke Tổ 2"), "Số liệu của Tổ dân phố số 2 thì thành viên tổ đó"));
    EXPECT_TRUE(has(bot.say("102", "/xephang Tổ 2"), "Bạn chỉ xem được số liệu của tổ mình"));
}

TEST_F(stats_fixture, a_member_with_nothing_logged_gets_the_hint_without_an_empty_comparison) {
    auto out = test_bot::joined(bot.say("104", "/toi"));
    EXPECT_NE(out.find("Chưa có lượt nào được ghi trong kỳ"), std::string::npos) << out;
    EXPECT_EQ(out.find("So với cùng kỳ"), std::string::npos) << out;
    // Something last month and nothing now is still worth saying.
    bot.say("104", "/tham số 1 20/10, cài VNeID cho 2 người");
    out = test_bot::joined(bot.say("104", "/toi"));
    EXPECT_NE(out.find("So với cùng kỳ tháng trước: lượt thăm ▼ 1"), std::string::npos) << out;
}

TEST_F(stats_fixture, ranking_orders_members_and_teams) {
    bot.say("102", "/tham số 1, cài VNeID cho 2 người");
    bot.say("102", "/tham số 2, cài VNeID cho 2 người");
    bot.say("101", "/tham số 3, cài VNeID cho 5 người");
    bot.say("201", "/tham số 4, cài VNeID");
    auto team = test_bot::joined(bot.say("101", "/xephang"));
    auto dung = team.find("1. Phạm Thị Dung");
    auto binh = team.find("2. Trần Văn Bình");
    EXPECT_NE(dung, std::string::npos) << team;
    EXPECT_NE(binh, std::string::npos) << team;
    // A session is named beside the visits.
    bot.say("104", "/buoi nhà văn hóa, 30 người, lừa đảo");
    auto with_session = test_bot::joined(bot.say("101", "/xephang"));
    EXPECT_NE(with_session.find("— 0 lượt, 0 người; 1 buổi, 30 người tham dự"), std::string::npos)
        << with_session;
    auto wardwide = test_bot::joined(bot.say("900", "/xephang"));
    EXPECT_NE(wardwide.find("1. Tổ dân phố số 1 — 3 lượt"), std::string::npos) << wardwide;
    EXPECT_NE(wardwide.find("2. Tổ dân phố số 2 — 1 lượt"), std::string::npos) << wardwide;
}

TEST_F(stats_fixture, ward_staff_rank_the_members_of_a_team_they_name) {
    bot.say("202", "/tham số 1 20/10, cài VNeID cho 2 người");
    bot.say("201", "/tham số 2, cài VNeID");
    auto last = test_bot::joined(bot.say("900", "/xephang Tổ dân phố số 2 tháng trước"));
    EXPECT_NE(last.find("Xếp hạng thành viên Tổ dân phố số 2 — tháng trước"), std::string::npos) << last;
    EXPECT_NE(last.find("1. Đỗ Văn Hải — 1 lượt, 2 người"), std::string::npos) << last;
    auto now = test_bot::joined(bot.say("900", "/xephang to 2"));
    EXPECT_NE(now.find("1. Võ Thị Giang — 1 lượt, 1 người"), std::string::npos) << now;
    EXPECT_TRUE(has(bot.say("900", "/xephang Tổ 99"), "Không tìm thấy tổ"));
    // A member ranks their own team only, and is told so; another word is a period written wrong.
    EXPECT_TRUE(has(bot.say("102", "/xephang Tổ dân phố số 2"), "Bạn chỉ xem được số liệu của tổ mình"));
    EXPECT_TRUE(has(bot.say("102", "/xephang ngay"), "ví dụ: /xephang tháng 11"));
}

TEST_F(stats_fixture, ranking_counts_sessions_and_equal_figures_share_a_rank) {
    bot.say("102", "/tham số 1, cài VNeID cho 2 người");
    bot.say("103", "/tham số 2, cài VNeID cho 2 người");
    bot.say("101", "/buoi nhà văn hóa, 30 người, lừa đảo"); // one session: as much work as one visit
    bot.say("101", "/tham số 3, cài VNeID cho 1 người");
    auto out = test_bot::joined(bot.say("101", "/xephang"));
    EXPECT_NE(out.find("1. Trần Văn Bình — 1 lượt, 1 người; 1 buổi, 30 người tham dự"), std::string::npos)
        << out;
    // Dung and Em did the same: the same rank, and the next one is 4, not 3.
    EXPECT_NE(out.find("2. Phạm Thị Dung — 1 lượt, 2 người"), std::string::npos) << out;
    EXPECT_NE(out.find("2. Lê Văn Em — 1 lượt, 2 người"), std::string::npos) << out;
    EXPECT_NE(out.find("bằng nhau thì cùng hạng"), std::string::npos) << out;
}

// The ranking's second key adds the people helped at visits and the attendees of sessions; the
// footer named only the first, so a leader could not tell why a session's 30 outranked 2 people.
TEST_F(stats_fixture, the_rankings_footer_names_the_attendees_it_counts) {
    bot.say("102", "/tham số 1, cài VNeID cho 2 người");
    bot.say("101", "/buoi nhà văn hóa, 30 người, lừa đảo");
    auto out = test_bot::joined(bot.say("101", "/xephang"));
    ASSERT_NE(out.find("1. Trần Văn Bình"), std::string::npos) << out;
    ASSERT_NE(out.find("2. Phạm Thị Dung"), std::string::npos) << out;
    EXPECT_NE(out.find("rồi số người được hỗ trợ và người tham dự"), std::string::npos) << out;
    bot.say("101", "/ngonngu en");
    auto en = test_bot::joined(bot.say("101", "/top"));
    EXPECT_NE(en.find("then people helped and attendees"), std::string::npos) << en;
}

// "quý 5" was answered with the list of period words, which the member had used correctly; what
// was wrong was the number.
TEST_F(stats_fixture, a_period_number_that_does_not_exist_is_told_which_numbers_do) {
    auto out = test_bot::joined(bot.say("101", "/thongke quý 5"));
    EXPECT_NE(out.find("Không có «quý 5»: tháng ghi từ 1 đến 12, quý từ 1 đến 4"), std::string::npos) << out;
    out = test_bot::joined(bot.say("101", "/toi thang 13"));
    EXPECT_NE(out.find("Không có «thang 13»"), std::string::npos) << out;
}

TEST_F(stats_fixture, work_of_a_member_who_left_stays_in_the_team_lines_under_their_name) {
    bot.say("102", "/tham số 1, cài VNeID cho 2 người");
    bot.say("103", "/tham số 2, cài VNeID cho 3 người");
    member_store(*bot.db).set_active(members[2].second, false, bot.clk.now()); // Lê Văn Em removed
    auto out = test_bot::joined(bot.say("101", "/thongke"));
    EXPECT_NE(out.find("Lượt thăm hộ: 2"), std::string::npos) << out;
    EXPECT_NE(out.find("• Lê Văn Em (đã rời tổ): 1 lượt thăm, 3 người"), std::string::npos) << out;
    EXPECT_NE(out.find("• Phạm Thị Dung: 1 lượt thăm, 2 người"), std::string::npos) << out;
    // Bình, Dung and Idle are the team now, Em worked in it this month: 2 of 4 were active.
    EXPECT_NE(out.find("2/4"), std::string::npos) << out;
    // Em is not listed among those who logged nothing.
    auto idle = out.substr(out.find("Chưa ghi lượt nào"));
    EXPECT_EQ(idle.find("Lê Văn Em"), std::string::npos) << out;
    auto ranking = test_bot::joined(bot.say("101", "/xephang"));
    EXPECT_NE(ranking.find("Lê Văn Em (đã rời tổ) — 1 lượt, 3 người"), std::string::npos) << ranking;
}

// A former member's name is escaped once, like everyone else's: "&" and "<" read as written.
TEST_F(stats_fixture, a_former_members_name_is_shown_as_written) {
    auto id = bot.member(ward, team1, "Hà <Thu> & Co", "member", "105");
    bot.say("105", "/tham số 1, cài VNeID cho 2 người");
    member_store(*bot.db).set_active(id, false, bot.clk.now());
    auto out = test_bot::joined(bot.say("101", "/thongke"));
    EXPECT_NE(out.find("• Hà <Thu> & Co (đã rời tổ): 1 lượt thăm, 2 người"), std::string::npos) << out;
    auto ranking = test_bot::joined(bot.say("101", "/xephang"));
    EXPECT_NE(ranking.find("Hà <Thu> & Co (đã rời tổ) — 1 lượt, 2 người"), std::string::npos) << ranking;
}

// Lists stop at 30 lines; the answer says how many more there are, so nobody thinks a member or
// a team was left out of the figures.
TEST_F(stats_fixture, a_long_list_says_how_many_lines_are_not_shown) {
    for (int i = 0; i < 35; ++i) {
        auto user = std::to_string(3000 + i);
        bot.member(ward, team3, "Thành viên " + std::to_string(i), "member", user);
        bot.say(user, "/tham số 1, cài VNeID");
    }
    auto team = test_bot::joined(bot.say("900", "/thongke Tổ dân phố số 3"));
    EXPECT_NE(team.find("… và 5 thành viên khác"), std::string::npos) << team;
    auto ranking = test_bot::joined(bot.say("900", "/xephang Tổ dân phố số 3"));
    EXPECT_NE(ranking.find("… và 5 thành viên khác"), std::string::npos) << ranking;

    for (int i = 0; i < 32; ++i) {
        auto t = bot.team(ward, "Tổ mới " + std::to_string(i));
        auto user = std::to_string(4000 + i);
        bot.member(ward, t, "Tổ trưởng " + std::to_string(i), "leader", user);
        bot.say(user, "/tham số 2, cài VNeID");
    }
    // Team 3 and the 32 new ones have worked: 33 teams, 30 shown.
    auto wards = test_bot::joined(bot.say("900", "/thongke phuong"));
    EXPECT_NE(wards.find("… và 3 tổ khác"), std::string::npos) << wards;
    auto teams = test_bot::joined(bot.say("900", "/xephang phuong"));
    EXPECT_NE(teams.find("… và 3 tổ khác"), std::string::npos) << teams;
    bot.say("900", "/ngonngu en");
    auto english = test_bot::joined(bot.say("900", "/stats ward"));
    EXPECT_NE(english.find("… and 3 more"), std::string::npos) << english;
}

// On Zalo one message holds 2,000 characters: a team of 40 and a ward of 45 teams came in two
// messages, the second starting mid-list.
TEST_F(stats_fixture, on_zalo_stats_and_rankings_fit_one_message) {
    bot.platform = channel::zalo_oa;
    bot.member(ward, 0, "Cán bộ Zalo", "ward_staff", "z900");
    for (int i = 0; i < 40; ++i) {
        auto user = "z" + std::to_string(3000 + i);
        bot.member(ward, team3, "Nguyễn Thị Thanh Hương " + std::to_string(i), "member", user);
        bot.say(user, "/tham số 1, cài VNeID");
    }
    for (int i = 0; i < 45; ++i) {
        auto t = bot.team(ward, "Tổ dân phố số " + std::to_string(10 + i) + " Khu phố Hải Châu");
        auto user = "z" + std::to_string(4000 + i);
        bot.member(ward, t, "Tổ trưởng " + std::to_string(i), "leader", user);
        bot.say(user, "/buoi nhà văn hoá, 12 người, hướng dẫn dịch vụ công");
    }
    bot.member(ward, team3, "Người chưa ghi", "member", "z5000");
    for (auto [who, command] :
         std::vector<std::pair<std::string, std::string>>{{"z3000", "/thongke"},
                                                          {"z3000", "/xephang"},
                                                          {"z900", "/thongke phuong"},
                                                          {"z900", "/xephang phuong"},
                                                          {"z900", "/thongke Tổ dân phố số 3"}}) {
        auto out = bot.say(who, command);
        ASSERT_EQ(out.size(), 1u) << command;
        auto shown = out[0].text;
        for (auto& row : out[0].choices) // no buttons on Zalo: they become a numbered list
            for (auto& b : row)
                shown += "\n\n1. " + b.label;
        EXPECT_LE(text_length(shown), 2000u) << command << "\n" << shown;
        EXPECT_NE(shown.find("khác"), std::string::npos) << command << ": says how many are not shown";
    }
}

// A team of 65 with 40 who had logged nothing got all 40 names on one line.
TEST_F(stats_fixture, a_long_list_of_idle_members_names_thirty_and_gives_the_count) {
    for (int i = 0; i < 40; ++i)
        bot.member(ward, team3, "Người chưa ghi " + std::to_string(i), "member", std::to_string(5000 + i));
    bot.member(ward, team3, "Người đã ghi", "member", "5999");
    bot.say("5999", "/tham số 1, cài VNeID");
    auto team = test_bot::joined(bot.say("900", "/thongke Tổ dân phố số 3"));
    EXPECT_NE(team.find("(40)"), std::string::npos) << "the count of all of them: " << team;
    EXPECT_NE(team.find("Người chưa ghi 29, …"), std::string::npos) << team;
    EXPECT_EQ(team.find("Người chưa ghi 30"), std::string::npos) << team;
}

TEST_F(stats_fixture, the_wards_members_count_who_worked_in_the_period_and_left_since) {
    bot.say("102", "/tham số 1, cài VNeID cho 2 người");
    bot.say("103", "/tham số 2, cài VNeID cho 3 người");
    member_store(*bot.db).set_active(members[2].second, false, bot.clk.now()); // Lê Văn Em removed
    // Bình, Dung, Idle, Giang, Hải are on a team; Em worked this month: 2 of 6, as on the team's page.
    auto ward = test_bot::joined(bot.say("900", "/thongke phuong"));
    EXPECT_NE(ward.find("Thành viên có hoạt động: 2/6"), std::string::npos) << ward;
    EXPECT_NE(test_bot::joined(bot.say("101", "/thongke")).find("Thành viên có hoạt động: 2/4"),
              std::string::npos);
}

TEST_F(stats_fixture, ward_stats_are_for_ward_staff_only_and_staff_may_name_a_team) {
    EXPECT_TRUE(has(bot.say("102", "/thongke phuong"), "cán bộ phường"));
    bot.say("202", "/tham số 1, cài VNeID");
    auto named = test_bot::joined(bot.say("900", "/thongke Tổ dân phố số 2"));
    EXPECT_NE(named.find("Tổ dân phố số 2"), std::string::npos) << named;
    EXPECT_NE(named.find("Lượt thăm hộ: 1"), std::string::npos) << named;
    EXPECT_TRUE(has(bot.say("900", "/thongke Tổ 99"), "Không tìm thấy tổ"));
}

TEST_F(stats_fixture, a_team_named_before_the_period_gets_that_period) {
    // Today is 24/11/2026: one visit in October, two in November.
    bot.say("202", "/tham số 1 20/10, cài VNeID cho 2 người");
    bot.say("202", "/tham số 2 5/11, cài VNeID");
    bot.say("202", "/tham số 3 6/11, cài VNeID");
    auto last = test_bot::joined(bot.say("900", "/thongke Tổ dân phố số 2 tháng trước"));
    EXPECT_NE(last.find("Tổ dân phố số 2 — tháng trước (01/10/2026 – 31/10/2026)"), std::string::npos)
        << last;
    EXPECT_NE(last.find("Lượt thăm hộ: 1, người được hỗ trợ: 2"), std::string::npos) << last;
    auto named = test_bot::joined(bot.say("900", "/thongke to 2 thang 10"));
    EXPECT_NE(named.find("Tổ dân phố số 2 — tháng 10/2026"), std::string::npos) << named;
    auto quarter = test_bot::joined(bot.say("900", "/thongke Tổ 2 quý này"));
    EXPECT_NE(quarter.find("Tổ dân phố số 2 — quý này"), std::string::npos) << quarter;
    EXPECT_NE(quarter.find("Lượt thăm hộ: 3"), std::string::npos) << quarter;
    // A leader naming their own team, period last.
    auto own = test_bot::joined(bot.say("101", "/thongke Tổ dân phố số 1 tuần trước"));
    EXPECT_NE(own.find("Tổ dân phố số 1 — tuần trước"), std::string::npos) << own;
    // A period that cannot be is still explained, not taken for a team's name.
    EXPECT_TRUE(has(bot.say("900", "/thongke Tổ 2 tháng 13"), "ví dụ: /thongke tháng 11"));
}

TEST_F(stats_fixture, who_joined_the_team_after_a_period_did_not_miss_it) {
    bot.db->native().db.exec("UPDATE members SET created_at = 0"); // the roster came in the summer
    bot.say("102", "/tham số 1 20/10, cài VNeID cho 2 người");
    bot.say("101", "/tham số 2, cài VNeID");
    bot.clk.advance(60);
    EXPECT_TRUE(has(bot.say("101", "/thanhvien_them Mai Văn Tài, 0905100015"), "Đã thêm Mai Văn Tài"));
    member_store store(*bot.db);
    auto hai = *store.by_id(members[4].second); // moved from Tổ 2 to Tổ 1 today
    hai.team_id = team1;
    store.update(hai, bot.clk.now());
    auto october = test_bot::joined(bot.say("101", "/thongke tháng 10"));
    auto idle = october.substr(october.find("Chưa ghi lượt nào"));
    EXPECT_NE(idle.find("Hoàng Thị Idle"), std::string::npos) << october;
    EXPECT_EQ(idle.find("Mai Văn Tài"), std::string::npos) << october;
    EXPECT_EQ(idle.find("Đỗ Văn Hải"), std::string::npos) << october;
    // Bình, Dung, Em and Idle were the team in October; Dung logged.
    EXPECT_NE(october.find("Thành viên có hoạt động: 1/4"), std::string::npos) << october;
    auto ward = test_bot::joined(bot.say("900", "/thongke phuong tháng 10"));
    // And the ward's six, Hải among them in Tổ 2; Tài came later.
    EXPECT_NE(ward.find("Thành viên có hoạt động: 1/6"), std::string::npos) << ward;
    // This month Dung, Em and Idle have logged nothing yet; Tài and Hải came onto the team today,
    // so they are named apart with the day they came, not as idle.
    auto now = test_bot::joined(bot.say("101", "/thongke"));
    EXPECT_NE(now.find("Chưa ghi lượt nào trong kỳ (3)"), std::string::npos) << now;
    auto newcomers = now.substr(now.find("Mới vào tổ trong kỳ, chưa ghi lượt nào cho tổ (2): "));
    EXPECT_NE(newcomers.find("Mai Văn Tài (từ 24/11/2026)"), std::string::npos) << now;
    EXPECT_NE(newcomers.find("Đỗ Văn Hải (từ 24/11/2026)"), std::string::npos) << now;
}

TEST_F(stats_fixture, a_team_whose_name_ends_in_five_is_not_read_as_a_year) {
    auto five = bot.team(ward, "Thôn Năm"); // "năm" is five, and year
    bot.member(ward, five, "Lý Văn Phúc", "leader", "501");
    bot.say("501", "/tham số 1, cài VNeID");
    auto now = test_bot::joined(bot.say("900", "/thongke Thôn Năm"));
    EXPECT_NE(now.find("Thôn Năm — tháng này"), std::string::npos) << now;
    auto last = test_bot::joined(bot.say("900", "/thongke Thôn Năm tháng trước"));
    EXPECT_NE(last.find("Thôn Năm — tháng trước"), std::string::npos) << last;
    auto year = test_bot::joined(bot.say("900", "/thongke Thôn Năm năm"));
    EXPECT_NE(year.find("Thôn Năm — năm nay"), std::string::npos) << year;
    auto ranking = test_bot::joined(bot.say("900", "/xephang thon nam"));
    EXPECT_NE(ranking.find("Xếp hạng thành viên Thôn Năm — tháng này"), std::string::npos) << ranking;
    // Another team with "năm" after it is still that team's year.
    EXPECT_TRUE(has(bot.say("900", "/thongke Tổ dân phố số 2 năm"), "Tổ dân phố số 2 — năm nay"));
}

TEST_F(stats_fixture, the_same_names_as_the_report_and_other_comes_last) {
    bot.say("102", "/tham số 1");
    bot.say("102", "/tham số 2");
    bot.say("102", "/tham số 3, cài VNeID");
    bot.say("102", "/buoi nhà văn hóa, 20 người, VNeID");
    auto out = test_bot::joined(bot.say("102", "/toi"));
    EXPECT_NE(out.find("Buổi hướng dẫn: 1"), std::string::npos) << out; // as in /baocao and the export
    // A topic's line counts the session and its 20 attendees too, more than the visits line's
    // people: the heading says so.
    EXPECT_NE(out.find("Theo chủ đề (gồm cả thăm hộ và buổi hướng dẫn):"), std::string::npos) << out;
    EXPECT_NE(out.find("VNeID: 2 lượt, 21 người"), std::string::npos) << out;
    auto vneid = out.find("VNeID: 2 lượt"), other = out.find("Khác: 2 lượt");
    ASSERT_NE(vneid, std::string::npos) << out;
    ASSERT_NE(other, std::string::npos) << out;
    EXPECT_LT(vneid, other) << out; // a remainder, listed after the named topics even when as large
}

TEST_F(stats_fixture, target_progress_is_for_the_period_asked_about) {
    bot.say("102", "/tham số 1, cài VNeID");
    bot.say("102", "/tham số 2, cài VNeID");
    visit_record last_year;
    last_year.ward_id = ward;
    last_year.team_id = team1;
    last_year.member_id = members[1].second;
    last_year.day = "2025-06-01";
    last_year.recorded_at = bot.clk.now();
    last_year.people = 1;
    last_year.topics = {"vneid"};
    visit_store(*bot.db).add(last_year);
    auto now = test_bot::joined(bot.say("900", "/thongke năm phuong"));
    EXPECT_NE(now.find("Hộ được hướng dẫn: 2/1.000"), std::string::npos) << now;
    auto then = test_bot::joined(bot.say("900", "/thongke năm 2025 phuong"));
    EXPECT_NE(then.find("Hộ được hướng dẫn: 1/1.000"), std::string::npos) << then;
    // Under a month's figures the yearly goal says it is the year's: "2/1.000" read as the month's.
    auto month = test_bot::joined(bot.say("900", "/thongke tháng phuong"));
    EXPECT_NE(month.find("Hộ được hướng dẫn (năm 2026): 2/1.000"), std::string::npos) << month;
}

TEST_F(stats_fixture, ward_totals_are_the_same_whether_read_by_day_or_by_whole_month) {
    // Days at month edges, so each range below is read from day and month totals differently.
    const char* days[] = {"26/9", "30/9", "1/10", "15/10", "31/10", "1/11", "24/11"};
    int expected_people = 0;
    int n = 0;
    for (auto* d : days) {
        int people = ++n;
        bot.say("102", std::string("/tham số ") + std::to_string(n) + " " + d + ", cài VNeID cho " +
                           std::to_string(people) + " người");
        expected_people += people;
    }
    bot.say("202", "/tham số 99 31/10, nộp hồ sơ dịch vụ công cho 7 người");
    bot.say("202", "/huy"); // cancelled inside a whole month
    visit_store visits(*bot.db);
    auto check = [&](day_range r, int visits_expected, int people_expected) {
        auto t = visits.ward_totals_in(ward, r);
        EXPECT_EQ(t.visits, visits_expected) << r.from << ".." << r.to;
        EXPECT_EQ(t.people, people_expected) << r.from << ".." << r.to;
        EXPECT_EQ(t.topics["vneid"].records, visits_expected) << r.from << ".." << r.to;
        EXPECT_EQ(t.topics.count("dvc"), 0u) << "a cancelled record leaves no topic behind";
        EXPECT_EQ(t.active_members, visits_expected > 0 ? 1 : 0);
        auto teams = visits.teams_of_ward(ward, r);
        ASSERT_EQ(teams.size(), visits_expected > 0 ? 1u : 0u);
        if (!teams.empty()) {
            EXPECT_EQ(teams[0].totals.people, people_expected);
        }
    };
    check({"2026-09-01", "2026-11-30"}, 7, expected_people);
    check({"2026-10-01", "2026-11-24"}, 5, 3 + 4 + 5 + 6 + 7);
    check({"2026-09-30", "2026-11-01"}, 5, 2 + 3 + 4 + 5 + 6);
    check({"2026-10-02", "2026-10-31"}, 2, 4 + 5);
    check({"2026-10-01", "2026-10-31"}, 3, 3 + 4 + 5);
    check({"2026-11-25", "2026-11-30"}, 0, 0);
}

// Sessions were left out of the comparison: a member who only held sessions got none, and
// doubling them read as "unchanged".
TEST_F(stats_fixture, the_comparison_counts_sessions_too) {
    bot.say("102", "/buoi nhà văn hóa 10/10, 20 người, VNeID");
    bot.say("102", "/buoi nhà văn hóa, 20 người, VNeID");
    bot.say("102", "/buoi nhà văn hóa, 15 người, lừa đảo");
    auto out = test_bot::joined(bot.say("102", "/toi"));
    EXPECT_NE(out.find("So với cùng kỳ tháng trước: lượt thăm không đổi, người được hỗ trợ không đổi, buổi "
                       "hướng dẫn ▲ 1"),
              std::string::npos)
        << out;
    bot.say("102", "/ngonngu en");
    auto english = test_bot::joined(bot.say("102", "/me"));
    EXPECT_NE(english.find("visits unchanged, people helped unchanged, help sessions ▲ 1"), std::string::npos)
        << english;
    // Without sessions in either period, nothing about them.
    bot.say("101", "/tham số 1, cài VNeID");
    EXPECT_EQ(test_bot::joined(bot.say("101", "/toi")).find("buổi hướng dẫn ▲"), std::string::npos);
}

// A goal below one is allowed by the config; cut to zero it divided by zero and the bot died on
// every "/thongke phuong".
TEST(stats_targets, a_goal_below_one_counts_as_one) {
    config c;
    ward_config w;
    w.name = "Phường Hòa Xuân";
    w.targets.push_back({"sessions", "Buổi tuyên truyền", "sessions", 0.5, "month", ""});
    w.targets.push_back({"none", "Không đặt", "households", 0, "year", ""});
    c.wards.push_back(w);
    test_bot bot(c);
    auto ward = bot.ward("Phường Hòa Xuân");
    auto team = bot.team(ward, "Tổ dân phố số 1");
    bot.member(ward, team, "Trần Văn Bình", "leader", "101");
    bot.member(ward, 0, "Ngô Thị Hạnh", "ward_staff", "900");
    bot.say("101", "/buoi nhà văn hóa, 20 người, VNeID");
    bot.say("101", "/buoi nhà văn hóa, 15 người, lừa đảo");
    auto out = test_bot::joined(bot.say("900", "/thongke phuong"));
    EXPECT_NE(out.find("• Buổi tuyên truyền: 2/1 (200%)"), std::string::npos) << out;
    EXPECT_EQ(out.find("Không đặt"), std::string::npos) << out;
}

// Someone who chose English read the ward's targets by their Vietnamese names.
TEST(stats_targets, english_readers_see_a_targets_english_name_where_the_ward_gave_one) {
    config c;
    ward_config w;
    w.name = "Phường Hòa Xuân";
    w.targets.push_back({"sessions", "Buổi tuyên truyền", "sessions", 10, "year", "Outreach sessions"});
    w.targets.push_back({"households", "Hộ được hướng dẫn", "households", 100, "year", ""});
    c.wards.push_back(w);
    test_bot bot(c);
    auto ward = bot.ward("Phường Hòa Xuân");
    bot.member(ward, 0, "Ngô Thị Hạnh", "ward_staff", "900");
    bot.say("900", "/ngonngu en");
    auto out = test_bot::joined(bot.say("900", "/stats ward"));
    EXPECT_NE(out.find("• Outreach sessions (2026): 0/10"), std::string::npos) << out;
    EXPECT_EQ(out.find("Buổi tuyên truyền"), std::string::npos) << out;
    // No English name given: the ward's own words, as written.
    EXPECT_NE(out.find("• Hộ được hướng dẫn (2026): 0/100"), std::string::npos) << out;
}

TEST(stats_targets, no_header_without_a_goal) {
    config c;
    ward_config w;
    w.name = "Phường Hòa Xuân";
    w.targets.push_back({"none", "Không đặt", "households", 0, "year", ""});
    c.wards.push_back(w);
    test_bot bot(c);
    auto ward = bot.ward("Phường Hòa Xuân");
    bot.member(ward, 0, "Ngô Thị Hạnh", "ward_staff", "900");
    auto out = test_bot::joined(bot.say("900", "/thongke phuong"));
    EXPECT_NE(out.find("Phường Hòa Xuân — tháng này"), std::string::npos) << out;
    EXPECT_EQ(out.find("Tiến độ chỉ tiêu"), std::string::npos) << "a heading over nothing: " << out;
}

TEST_F(stats_fixture, the_wards_team_lines_rank_as_the_ranking_does) {
    // Tổ 2 held three sessions, Tổ 1 made two visits; Tổ 3 made two visits for as many people.
    bot.say("201", "/buoi nhà văn hóa, 10 người, VNeID");
    bot.say("201", "/buoi nhà văn hóa, 10 người, VNeID");
    bot.say("201", "/buoi nhà văn hóa, 10 người, VNeID");
    bot.say("101", "/tham số 1, cài VNeID cho 2 người");
    bot.say("102", "/tham số 2, cài VNeID cho 1 người");
    auto third = bot.member(ward, team3, "Lý Thị Mai", "leader", "301");
    (void)third;
    bot.say("301", "/tham số 3, cài VNeID cho 1 người");
    bot.say("301", "/tham số 4, cài VNeID cho 2 người");
    auto ranking = test_bot::joined(bot.say("900", "/xephang phuong"));
    EXPECT_NE(ranking.find("1. Tổ dân phố số 2 — 0 lượt"), std::string::npos) << ranking;
    EXPECT_NE(ranking.find("2. Tổ dân phố số 1 — 2 lượt, 3 người"), std::string::npos) << ranking;
    EXPECT_NE(ranking.find("2. Tổ dân phố số 3 — 2 lượt, 3 người"), std::string::npos) << ranking;
    auto stats = test_bot::joined(bot.say("900", "/thongke phuong"));
    EXPECT_NE(stats.find("1. Tổ dân phố số 2: 0 lượt thăm, 0 người, 3 buổi"), std::string::npos) << stats;
    EXPECT_NE(stats.find("2. Tổ dân phố số 1: 2 lượt thăm, 3 người, 0 buổi"), std::string::npos) << stats;
    EXPECT_NE(stats.find("2. Tổ dân phố số 3: 2 lượt thăm, 3 người, 0 buổi"), std::string::npos) << stats;
}

// In the ward's group (no team bound), a leader's /thongke was answered "you are not on a team".
TEST_F(stats_fixture, a_member_in_the_wards_group_is_told_where_their_team_figures_are) {
    bot.bind_group("-2001", ward, 0);
    bot.say("102", "/tham số 1, cài VNeID cho 2 người");
    auto out = test_bot::joined(bot.say_in_group("-2001", "101", "/thongke"));
    EXPECT_EQ(out.find("chưa thuộc tổ nào"), std::string::npos) << out;
    EXPECT_NE(out.find("Xem số liệu của Tổ dân phố số 1: nhắn riêng cho bot /thongke"), std::string::npos)
        << out;
    EXPECT_EQ(out.find("Phạm Thị Dung"), std::string::npos) << "no member list in the ward's group: " << out;
    // Ward staff there still get the ward; English says the same.
    EXPECT_NE(
        test_bot::joined(bot.say_in_group("-2001", "900", "/thongke")).find("Phường Hòa Xuân — tháng này"),
        std::string::npos);
    bot.say("101", "/ngonngu en");
    auto english = test_bot::joined(bot.say_in_group("-2001", "101", "/stats"));
    EXPECT_NE(english.find("For Tổ dân phố số 1's figures, message the bot /stats privately"),
              std::string::npos)
        << english;
}

// Without an address, a record's line in /toi was the member's whole text: three long ones took
// the answer past Zalo's 2,000 characters, into two messages.
TEST_F(stats_fixture, my_latest_records_are_one_short_line_each) {
    bot.platform = channel::zalo_oa;
    bot.member(ward, team1, "Trịnh Văn Zalo", "member", "z102");
    std::string story;
    for (int i = 0; i < 40; ++i)
        story += "nhà bác Tư cuối xóm đầu làng bên kia sông ";
    for (int i = 0; i < 3; ++i)
        ASSERT_TRUE(has(bot.say("z102", "/tham " + story + "cài VNeID cho 2 người"), "Đã ghi"));
    auto out = bot.say("z102", "/toi");
    ASSERT_EQ(out.size(), 1u) << test_bot::joined(out);
    EXPECT_LE(text_length(out[0].text), 2000u) << out[0].text;
    auto text = test_bot::joined(out);
    auto recent = text.substr(text.find("Ghi gần đây"));
    int lines = 0;
    for (auto at = recent.find("\n• Số"); at != std::string::npos; at = recent.find("\n• Số", at + 1)) {
        auto line = recent.substr(at + 1, recent.find('\n', at + 1) - at - 1);
        ++lines;
        EXPECT_LE(utf8_length(line), 100u) << line;
        EXPECT_NE(line.find("nhà bác Tư cuối xóm đầu làng bên kia sông nhà bác Tư"), std::string::npos)
            << line;
        EXPECT_NE(line.find("… — VNeID"), std::string::npos) << line;
    }
    EXPECT_EQ(lines, 3) << text;
}

// A ward of 40 teams with very long names went past 2,000 characters on Zalo even with five
// lines: two messages. Names in the lists are cut; the team's own header keeps the whole name.
TEST_F(stats_fixture, long_team_names_are_cut_in_the_wards_lists) {
    bot.platform = channel::zalo_oa;
    bot.member(ward, 0, "Cán bộ Zalo", "ward_staff", "z900");
    std::string area;
    for (int i = 0; i < 9; ++i)
        area += " khu dân cư Hòa Xuân mở rộng";
    for (int i = 0; i < 40; ++i) {
        auto t = bot.team(ward, "Tổ " + std::to_string(i) + area);
        auto user = "z" + std::to_string(4000 + i);
        bot.member(ward, t, "Tổ trưởng " + std::to_string(i), "leader", user);
        if (i % 2)
            bot.say(user, "/tham số 1, cài VNeID");
    }
    for (auto command : {"/thongke phuong", "/xephang phuong"}) {
        auto out = bot.say("z900", command);
        ASSERT_EQ(out.size(), 1u) << command;
        EXPECT_LE(text_length(out[0].text), 2000u) << command << "\n" << out[0].text;
        auto text = test_bot::joined(out);
        EXPECT_NE(text.find("Tổ 1 khu dân cư Hòa Xuân mở rộng khu dân cư Hòa Xuân mở rộng…"),
                  std::string::npos)
            << command << "\n"
            << text;
    }
    auto own = test_bot::joined(bot.say("z4001", "/thongke"));
    EXPECT_NE(own.find("Tổ 1" + area + " — tháng này"), std::string::npos) << own;
}

TEST(stats_period, periods_and_the_span_before_them) {
    auto p = period_containing(period_kind::quarter, year_month_day{year{2026}, November, day{24}});
    EXPECT_EQ(iso_day(p.start), "2026-10-01");
    EXPECT_EQ(iso_day(p.end), "2026-12-31");
    auto before = same_span_before(p);
    EXPECT_EQ(iso_day(before.start), "2026-07-01");
    EXPECT_EQ(iso_day(before.through), "2026-08-24");
    auto w = period_containing(period_kind::week, year_month_day{year{2026}, November, day{24}}); // Tuesday
    EXPECT_EQ(iso_day(w.start), "2026-11-23");
    auto m =
        same_span_before(period_containing(period_kind::month, year_month_day{year{2026}, March, day{31}}));
    EXPECT_EQ(iso_day(m.through), "2026-02-28"); // February is shorter
    auto y =
        same_span_before(period_containing(period_kind::month, year_month_day{year{2026}, January, day{10}}));
    EXPECT_EQ(iso_day(y.start), "2025-12-01");
}

TEST(stats_period, a_whole_period_is_compared_with_the_whole_one_before) {
    // "/thongke tháng 11": November whole against October whole, not October 1-30.
    auto november = period_asked(period_kind::month, true, {}, year_month_day{year{2026}, December, day{2}});
    EXPECT_EQ(iso_day(same_span_before(november).through), "2026-10-31");
    // The first quarter (90 days) against the whole fourth (92), 2025 against all of 2024.
    auto q1 = period_asked(period_kind::quarter, true, {}, year_month_day{year{2026}, April, day{2}});
    EXPECT_EQ(iso_day(same_span_before(q1).through), "2025-12-31");
    auto y2025 = period_asked(period_kind::year, true, {}, year_month_day{year{2026}, March, day{2}});
    EXPECT_EQ(iso_day(same_span_before(y2025).through), "2024-12-31");
    // The current month on its last day is whole too.
    auto today = period_containing(period_kind::month, year_month_day{year{2026}, November, day{30}});
    EXPECT_EQ(iso_day(same_span_before(today).through), "2026-10-31");
}

// A team's group is read by all its members: another team's member list and who logged nothing
// there do not belong in it, whoever asks and however the team is named.
TEST_F(stats_fixture, a_teams_group_gets_only_its_own_teams_figures) {
    bot.bind_group("-3001", ward, team1);
    bot.bind_group("-3002", ward, team2);
    bot.say("202", "/tham số 7 ngõ 2, cài VNeID cho 2 người");
    // Ward staff naming Tổ 2 in Tổ 1's group: no Tổ 2 names there, and where to ask instead.
    for (auto* command : {"/thongke Tổ dân phố số 2", "/xephang Tổ dân phố số 2"}) {
        auto out = test_bot::joined(bot.say_in_group("-3001", "900", command));
        EXPECT_EQ(out.find("Đỗ Văn Hải"), std::string::npos) << command << ": " << out;
        EXPECT_EQ(out.find("Võ Thị Giang"), std::string::npos) << command << ": " << out;
        EXPECT_NE(out.find("Đây là nhóm của Tổ dân phố số 1, nên ở đây bot chỉ đưa số liệu của tổ này"),
                  std::string::npos)
            << out;
        EXPECT_NE(out.find("nhắn riêng cho bot: /" + std::string(command + 1)), std::string::npos) << out;
    }
    // Privately, the same command still gives Tổ 2.
    EXPECT_NE(test_bot::joined(bot.say("900", "/thongke Tổ dân phố số 2")).find("Đỗ Văn Hải"),
              std::string::npos);
    // A Tổ 1 leader naming their own team in Tổ 2's group got Tổ 2's figures.
    auto own = test_bot::joined(bot.say_in_group("-3002", "101", "/thongke Tổ dân phố số 1"));
    EXPECT_EQ(own.find("Đỗ Văn Hải"), std::string::npos) << own;
    EXPECT_EQ(own.find("Phạm Thị Dung"), std::string::npos) << own;
    EXPECT_NE(own.find("Đây là nhóm của Tổ dân phố số 2"), std::string::npos) << own;
    // Naming the group's own team there is fine.
    EXPECT_NE(
        test_bot::joined(bot.say_in_group("-3002", "900", "/thongke Tổ dân phố số 2")).find("Đỗ Văn Hải"),
        std::string::npos);
}

// /toi's latest records in a group: numbers, dates and topics, not the households' addresses,
// which may come from records logged privately.
TEST_F(stats_fixture, my_stats_in_a_group_leave_out_the_addresses) {
    bot.bind_group("-3001", ward, team1);
    bot.say("102", "/tham số 12 ngõ 5 Lê Lợi, cài VNeID cho 2 người");
    auto in_group = test_bot::joined(bot.say_in_group("-3001", "102", "/toi"));
    EXPECT_EQ(in_group.find("ngõ 5 Lê Lợi"), std::string::npos) << in_group;
    EXPECT_NE(in_group.find("• Số "), std::string::npos) << "the number /sua and /huy need: " << in_group;
    EXPECT_NE(test_bot::joined(bot.say("102", "/toi")).find("ngõ 5 Lê Lợi"), std::string::npos)
        << "privately the address stays";
}

} // namespace
} // namespace cnscd
