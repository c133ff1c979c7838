// /nhacnho and the 📣 button under a team's /thongke: who has logged nothing is reminded in the
// team's group (privately when the team has none), by the team's leaders or ward staff only, once
// per 12 hours.

#include "storage/database.hpp"
#include "storage/registry.hpp"
#include "tests/support/test_bot.hpp"

#include <gtest/gtest.h>

namespace cnscd {
namespace {

using test::test_bot;
using test::to_chat;

// The test clock: Tuesday 24/11/2026, 09:00.
struct nudge_fixture : ::testing::Test {
    test_bot bot;
    std::int64_t ward = bot.ward("Phường Hòa Xuân");
    std::int64_t team1 = bot.team(ward, "Tổ dân phố số 1");
    std::int64_t team2 = bot.team(ward, "Tổ dân phố số 2");
    std::int64_t leader = bot.member(ward, team1, "Trần Văn Bình", "leader", "101");
    std::int64_t deputy = bot.member(ward, team1, "Lê Thị Cúc", "deputy", "102");
    std::int64_t member = bot.member(ward, team1, "Phạm Thị Dung", "member", "103");
    std::int64_t quiet = bot.member(ward, team1, "Hoàng Văn Em", "member", "104");
    std::int64_t leader2 = bot.member(ward, team2, "Võ Thị Giang", "leader", "201");
    std::int64_t staff = bot.member(ward, 0, "Ngô Thị Hạnh", "ward_staff", "900");
    std::string button_data = "nh:" + std::to_string(team1) + ":m";

    void SetUp() override {
        bot.bind_group("-1001", ward, team1);
        bot.say("101", "/tham số 3 ngõ 1, cài VNeID cho 2 người");
        bot.say("103", "/tham số 9 ngõ 4, thanh toán QR");
    }
    static std::string button_of(const std::vector<outgoing>& out) {
        for (auto& o : out)
            for (auto& row : o.choices)
                for (auto& b : row)
                    if (b.data.starts_with("nh:"))
                        return b.data;
        return "";
    }
};

TEST_F(nudge_fixture, the_leader_presses_the_button_under_stats_and_the_group_hears_who_logged_nothing) {
    auto stats = bot.say("101", "/thongke");
    EXPECT_EQ(button_of(stats), button_data) << test_bot::joined(stats);
    auto out = bot.press("101", button_data);
    auto posts = to_chat(out, "-1001");
    ASSERT_EQ(posts.size(), 1u) << test_bot::joined(out);
    EXPECT_EQ(posts[0].chat_type, chat_kind::group);
    auto& text = posts[0].text;
    EXPECT_NE(text.find("Trần Văn Bình (tổ trưởng)"), std::string::npos) << text;
    EXPECT_NE(
        text.find("Trong tháng 11/2026 (01/11/2026 – 24/11/2026), các bạn sau chưa ghi lượt nào: Lê Thị Cúc, "
                  "Hoàng Văn Em."),
        std::string::npos)
        << text;
    EXPECT_EQ(text.find("Phạm Thị Dung"), std::string::npos) << "she logged a visit";
    EXPECT_NE(text.find("/tham số 12 ngõ 5"), std::string::npos) << "says how to log";
    EXPECT_TRUE(test_bot::joined(to_chat(out, "101"))
                    .find("Đã nhắc 2 người chưa ghi trong nhóm của Tổ dân phố số 1") != std::string::npos)
        << test_bot::joined(out);
}

TEST_F(nudge_fixture, a_group_is_reminded_at_most_once_in_12_hours) {
    ASSERT_EQ(to_chat(bot.press("101", button_data), "-1001").size(), 1u);
    auto again = bot.press("102", button_data); // the deputy, an hour later
    EXPECT_TRUE(to_chat(again, "-1001").empty());
    EXPECT_NE(test_bot::joined(again).find("đã được nhắc vào Thứ Ba, 24/11/2026 lúc 09:00"),
              std::string::npos)
        << test_bot::joined(again);
    bot.clk.set(bot.clk.now() + 13 * 3600);
    EXPECT_EQ(to_chat(bot.say("102", "/nhacnho"), "-1001").size(), 1u);
}

TEST_F(nudge_fixture, members_and_other_teams_leaders_cannot_remind_a_group) {
    EXPECT_TRUE(button_of(bot.say("103", "/thongke")).empty()) << "a member sees no button";
    auto forged = bot.press("103", button_data);
    EXPECT_TRUE(to_chat(forged, "-1001").empty());
    EXPECT_NE(test_bot::joined(forged).find("Chỉ tổ trưởng, tổ phó của tổ hoặc cán bộ phường"),
              std::string::npos);
    EXPECT_TRUE(to_chat(bot.press("201", button_data), "-1001").empty()) << "another team's leader";
    EXPECT_NE(test_bot::joined(bot.say("103", "/nhacnho")).find("Lệnh /nhacnho chỉ dành cho"),
              std::string::npos)
        << "members are refused by the command table";
    EXPECT_TRUE(to_chat(bot.press("101", "nh:999:m"), "-1001").empty()) << "no such team";
    EXPECT_TRUE(to_chat(bot.press("101", "nh:" + std::to_string(team1) + ":x"), "-1001").empty());
}

TEST_F(nudge_fixture, in_the_group_itself_the_post_is_the_answer) {
    auto out = bot.say_in_group("-1001", "101", "/nhacnho tuần");
    ASSERT_EQ(out.size(), 1u) << test_bot::joined(out);
    EXPECT_EQ(out[0].to.chat_id, "-1001");
    EXPECT_NE(out[0].text.find("(23/11/2026 – 24/11/2026)"), std::string::npos) << out[0].text;
}

TEST_F(nudge_fixture, a_weekly_reminder_names_the_week) {
    auto weekly = bot.say("900", "/nhacnho tuần Tổ dân phố số 2");
    auto to_leader = to_chat(weekly, "201");
    ASSERT_EQ(to_leader.size(), 1u) << test_bot::joined(weekly);
    EXPECT_NE(to_leader[0].text.find("Trong tuần này (23/11/2026 – 24/11/2026), bạn chưa ghi"),
              std::string::npos)
        << to_leader[0].text;
}

TEST_F(nudge_fixture, ward_staff_may_name_the_period_after_the_team) {
    // "tuần" after the team's name was dropped: the week was asked, the month was reminded of.
    auto weekly = bot.say("900", "/nhacnho Tổ dân phố số 2 tuần này");
    auto to_leader = to_chat(weekly, "201");
    ASSERT_EQ(to_leader.size(), 1u) << test_bot::joined(weekly);
    EXPECT_NE(to_leader[0].text.find("Trong tuần"), std::string::npos) << to_leader[0].text;
}

TEST_F(nudge_fixture, ward_staff_name_the_team_and_are_told_when_there_is_nothing_to_do) {
    auto ask = test_bot::joined(bot.say("900", "/nhacnho"));
    EXPECT_NE(ask.find("Hãy ghi tên tổ cần nhắc"), std::string::npos) << ask;
    EXPECT_EQ(to_chat(bot.say("900", "/nhacnho Tổ dân phố số 1"), "-1001").size(), 1u);
    // Team 2 has no group: its leader, who logged nothing, is reminded privately.
    auto no_group = bot.say("900", "/nhacnho Tổ dân phố số 2");
    auto to_leader = to_chat(no_group, "201");
    ASSERT_EQ(to_leader.size(), 1u) << test_bot::joined(no_group);
    EXPECT_NE(to_leader[0].text.find("Trong tháng 11/2026 (01/11/2026 – 24/11/2026), bạn chưa ghi lượt nào"),
              std::string::npos)
        << to_leader[0].text;
    EXPECT_NE(test_bot::joined(to_chat(no_group, "900")).find("nên bot đã nhắc riêng 1 người chưa ghi"),
              std::string::npos)
        << test_bot::joined(no_group);
    EXPECT_TRUE(button_of(bot.say("201", "/thongke")).empty()) << "only the leader himself to remind";
    // Everyone in team 1 logs: nobody to remind, and no button.
    bot.say("102", "/tham số 1 ngõ 2, VNeID");
    bot.say("104", "/buoi nhà văn hóa, 20 người, chống lừa đảo");
    bot.clk.set(bot.clk.now() + 13 * 3600);
    auto nobody = test_bot::joined(bot.say("101", "/nhacnho"));
    EXPECT_NE(nobody.find("những người khác đều đã ghi ít nhất một lượt trong tháng 11/2026"),
              std::string::npos)
        << nobody;
    EXPECT_TRUE(button_of(bot.say("101", "/thongke")).empty());
}

TEST_F(nudge_fixture, words_that_are_neither_a_current_period_nor_the_own_team_are_explained) {
    auto out = test_bot::joined(bot.say("101", "/nhacnho tháng trước"));
    EXPECT_NE(out.find("Không rõ «trước»"), std::string::npos) << out;
    EXPECT_NE(out.find("chỉ nhắc được cho kỳ đang diễn ra"), std::string::npos);
    EXPECT_EQ(test_bot::joined(bot.say("101", "/nhacnho Tổ dân phố số 2")).find("📣"), std::string::npos);
    EXPECT_EQ(to_chat(bot.say("101", "/nhacnho Tổ dân phố số 1"), "-1001").size(), 1u)
        << "its own team, named";
}

TEST_F(nudge_fixture, no_button_for_a_period_that_is_over) {
    EXPECT_TRUE(button_of(bot.say("101", "/thongke tháng trước")).empty());
    EXPECT_FALSE(button_of(bot.say("101", "/thongke tuần")).empty());
}

// A team with no group, on Zalo OA: those who logged nothing are reminded privately where Zalo
// allows it (within 7 days of their last message), and the leader hears who could not be.
// A Zalo OA team without a group: its leader (z1), a member who is not linked, and `others`.
void zalo_team(test_bot& bot, const std::vector<std::pair<std::string, std::string>>& others) {
    bot.platform = channel::zalo_oa;
    auto ward = bot.ward("Phường Hòa Xuân");
    auto team = bot.team(ward, "Tổ dân phố số 3");
    bot.member(ward, team, "Trần Văn Bình", "leader", "z1");
    for (auto& [name, user] : others)
        bot.member(ward, team, name, "member", user);
    bot.member(ward, team, "Hoàng Văn Em", "member", "");
}

TEST(nudge_without_group, zalo_oa_members_are_reminded_privately_within_the_window) {
    test_bot bot;
    zalo_team(bot, {{"Lê Thị Cúc", "z2"}, {"Phạm Thị Dung", "z3"}});
    bot.clk.set(bot.clk.now() + 10 * 86400); // 4/12: everyone's window closed...
    bot.say("z2", "/hannop");                // ...but Cúc wrote just now
    auto out = bot.say("z1", "/nhacnho");
    EXPECT_EQ(to_chat(out, "z2").size(), 1u) << test_bot::joined(out);
    EXPECT_TRUE(to_chat(out, "z3").empty()) << "silent for 10 days: Zalo would refuse";
    auto answer = test_bot::joined(to_chat(out, "z1"));
    EXPECT_NE(
        answer.find("đã nhắc riêng 1 người chưa ghi. Không nhắn riêng được cho: Phạm Thị Dung, Hoàng Văn Em"),
        std::string::npos)
        << answer;
    // Nobody reachable: nothing sent, no 12-hour wait started, and what to do.
    test_bot quiet;
    zalo_team(quiet, {});
    auto none = test_bot::joined(quiet.say("z1", "/nhacnho"));
    EXPECT_NE(none.find("bot không nhắn riêng được cho ai trong số những người chưa ghi (Hoàng Văn Em)"),
              std::string::npos)
        << none;
    EXPECT_EQ(test_bot::joined(quiet.say("z1", "/nhacnho")).find("đã được nhắc"), std::string::npos);
}

} // namespace
} // namespace cnscd
