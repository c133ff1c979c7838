// Zalo OA's 7-day window for private messages: noted from each private message, and shown to
// leaders and ward staff where someone cannot be written to.

#include "handlers/private_reach.hpp"
#include "storage/database.hpp"
#include "storage/registry.hpp"
#include "tests/support/test_bot.hpp"

#include <gtest/gtest.h>

namespace cnscd {
namespace {

using test::test_bot;

constexpr std::int64_t day = 24 * 3600;

struct reach_fixture : ::testing::Test {
    test_bot bot;
    std::int64_t ward = bot.ward("Phường Hòa Xuân");
    std::int64_t team1 = bot.team(ward, "Tổ dân phố số 1");
    std::int64_t team2 = bot.team(ward, "Tổ dân phố số 2");
    std::int64_t linked_at = bot.clk.now();
    std::int64_t leader = 0, member = 0, staff = 0, tg_leader = 0;

    void SetUp() override {
        bot.platform = channel::zalo_oa;
        leader = bot.member(ward, team1, "Trần Văn Bình", "leader", "z100");
        member = bot.member(ward, team1, "Phạm Thị Dung", "member", "z102");
        staff = bot.member(ward, 0, "Ngô Thị Hạnh", "ward_staff", "z900");
        bot.platform = channel::telegram;
        tg_leader = bot.member(ward, team2, "Võ Thị Giang", "leader", "200");
        bot.platform = channel::zalo_oa;
    }
    std::int64_t last_seen(std::int64_t member_id) {
        return member_store(*bot.db).linked_accounts_of(member_id).at(0).last_private_message_at;
    }
    std::string say(const std::string& user, const std::string& text) {
        return test_bot::joined(bot.say(user, text));
    }
};

TEST_F(reach_fixture, a_private_message_on_zalo_oa_reopens_the_window_for_7_days) {
    EXPECT_EQ(last_seen(member), linked_at); // linking is a message too
    EXPECT_TRUE(
        can_write_privately(member_store(*bot.db).linked_accounts_of(member)[0], linked_at + 6 * day));
    EXPECT_TRUE(private_routes(*bot.db, member, linked_at + 8 * day).empty());
    EXPECT_EQ(private_reach_of(*bot.db, member, linked_at + 8 * day), private_reach::waiting);

    bot.clk.set(linked_at + 8 * day);
    bot.say("z102", "/toi");
    EXPECT_EQ(last_seen(member), linked_at + 8 * day);
    EXPECT_EQ(private_routes(*bot.db, member, linked_at + 14 * day).size(), 1u);
    EXPECT_TRUE(private_routes(*bot.db, member, linked_at + 15 * day).empty());
    // Within the minute nothing is rewritten; later it is.
    bot.clk.set(linked_at + 8 * day + 30);
    bot.say("z102", "/toi");
    EXPECT_EQ(last_seen(member), linked_at + 8 * day);
    bot.clk.set(linked_at + 9 * day);
    bot.say("z102", "/toi");
    EXPECT_EQ(last_seen(member), linked_at + 9 * day);
}

TEST_F(reach_fixture, group_messages_and_telegram_accounts_do_not_count_and_telegram_has_no_window) {
    bot.bind_group("g1", ward, team1);
    bot.clk.set(linked_at + 8 * day);
    bot.say_in_group("g1", "z102", "/tham số 3 ngõ 1, cài VNeID");
    EXPECT_EQ(last_seen(member), linked_at); // a group message is not a message to the OA
    EXPECT_EQ(private_reach_of(*bot.db, member, bot.clk.now()), private_reach::waiting);
    // Telegram: reachable however long ago the last message was.
    EXPECT_EQ(private_routes(*bot.db, tg_leader, linked_at + 365 * day).size(), 1u);
    EXPECT_EQ(private_reach_of(*bot.db, tg_leader, linked_at + 365 * day), private_reach::open);
    auto unlinked = bot.member(ward, team1, "Hoàng Văn Em", "member", "");
    EXPECT_EQ(private_reach_of(*bot.db, unlinked, linked_at), private_reach::not_linked);
    EXPECT_TRUE(private_routes(*bot.db, unlinked, linked_at).empty());
}

// `cnscd-bot chat --as PHONE` on the ward's database linked a console account to that member:
// reminders were queued for the console, which no server delivers (an error at every start),
// and a member never linked on a platform counted as linked in /thanhvien.
TEST_F(reach_fixture, a_console_login_is_no_way_to_reach_a_member) {
    auto tried = bot.member(ward, team1, "Hoàng Văn Em", "member", "");
    member_store(*bot.db).link_account(channel::console, "0905100009", tried, "console", linked_at);
    EXPECT_EQ(private_reach_of(*bot.db, tried, linked_at), private_reach::not_linked);
    EXPECT_TRUE(private_routes(*bot.db, tried, linked_at).empty());
    // A platform account beside it is reached as before, and only there.
    member_store(*bot.db).link_account(channel::telegram, "300", tried, "contact", linked_at);
    auto routes = private_routes(*bot.db, tried, linked_at);
    ASSERT_EQ(routes.size(), 1u);
    EXPECT_EQ(routes[0].platform, channel::telegram);
}

TEST_F(reach_fixture, the_members_list_marks_who_the_bot_cannot_write_to_privately_and_says_why) {
    bot.clk.set(linked_at + 10 * day);
    auto list = say("z100", "/thanhvien"); // the leader wrote just now; the member 10 days ago
    EXPECT_NE(list.find("Phạm Thị Dung — thành viên ✅ 💤"), std::string::npos) << list;
    EXPECT_EQ(list.find("Trần Văn Bình — tổ trưởng ✅ 💤"), std::string::npos) << list;
    EXPECT_NE(list.find("💤 Đã quá 7 ngày chưa nhắn cho OA Zalo"), std::string::npos) << list;
    EXPECT_NE(list.find("chỉ cần nhắn một tin bất kỳ cho OA"), std::string::npos);
    // Once the member writes, the mark and the note go.
    bot.say("z102", "/toi");
    list = say("z100", "/thanhvien");
    EXPECT_EQ(list.find("💤"), std::string::npos) << list;
}

TEST_F(reach_fixture, the_ward_overview_names_teams_whose_leader_is_out_of_reach_on_zalo) {
    bot.clk.set(linked_at + 10 * day);
    auto overview = say("z900", "/thanhvien");
    EXPECT_NE(overview.find("Tổ dân phố số 1: 2/2 đã liên kết (tổ trưởng quá 7 ngày chưa nhắn OA Zalo"),
              std::string::npos)
        << overview;
    EXPECT_EQ(overview.find("Tổ dân phố số 2: 1/1 đã liên kết (tổ trưởng"), std::string::npos) << overview;
}

} // namespace
} // namespace cnscd
