// Announcements to team groups and the guide library, through the real dispatcher; the
// platform's delivery outcomes are played back through on_delivery as the sender reports them.

#include "handlers/delivery_hooks.hpp"
#include "handlers/handlers.hpp"
#include "storage/campaign_store.hpp"
#include "storage/database.hpp"
#include "storage/outbox.hpp"
#include "storage/registry.hpp"
#include "storage/sqlite_connection.hpp"
#include "tests/support/test_bot.hpp"

#include <gtest/gtest.h>

#include <map>
#include <set>

namespace cnscd {
namespace {

using test::has;
using test::test_bot;
using test::to_chat;

std::string button(const std::vector<outgoing>& out, const std::string& prefix) {
    for (auto& o : out)
        for (auto& row : o.choices)
            for (auto& b : row)
                if (b.data.starts_with(prefix))
                    return b.data;
    return "";
}

struct broadcast_fixture : ::testing::Test {
    test_bot bot;
    std::int64_t ward = bot.ward("Phường Hòa Xuân");
    std::int64_t other_ward = bot.ward("Phường Hòa Cường");
    std::int64_t team1 = bot.team(ward, "Tổ dân phố số 1");
    std::int64_t team2 = bot.team(ward, "Tổ dân phố số 2");
    std::int64_t team3 = bot.team(ward, "Tổ dân phố số 3");
    std::int64_t far_team = bot.team(other_ward, "Tổ dân phố số 1");
    std::int64_t staff = bot.member(ward, 0, "Ngô Thị Hạnh", "ward_staff", "900");
    std::int64_t other_staff = bot.member(other_ward, 0, "Lý Văn Khoa", "ward_staff", "901");
    std::int64_t leader = bot.member(ward, team1, "Trần Văn Bình", "leader", "100");

    void SetUp() override {
        bot.bind_group("-1", ward, team1);
        bot.bind_group("-2", ward, team2);
        bot.bind_group("-3", ward, team3);
        bot.bind_group("-9", other_ward, far_team);
    }

    // Plays back the platform's answers for every row of campaign `id`; returns what the
    // bot queued in reaction (progress edits, the delivery report).
    // `refused`: chats the platform refused with that error (the bot still there); `no_window`:
    // chats it refused because nobody there wrote to the bot recently.
    std::vector<outgoing> play_deliveries(std::int64_t id, const std::set<std::string>& gone = {},
                                          const std::map<std::string, std::string>& refused = {},
                                          const std::set<std::string>& no_window = {}) {
        std::vector<outgoing> reactions;
        for (auto row_id : campaign_store(*bot.db).part_rows(id)) {
            delivery_report r;
            r.row = *outbox(*bot.db).find(row_id);
            auto chat = r.row.message.to.chat_id;
            r.delivered = !gone.contains(chat) && !refused.contains(chat) && !no_window.contains(chat);
            r.outside_window = no_window.contains(chat);
            r.chat_gone = gone.contains(chat);
            r.error = r.chat_gone              ? "Forbidden: bot was kicked from the group chat"
                      : refused.contains(chat) ? refused.at(chat)
                      : r.outside_window
                          ? "Zalo error -230: User has not interacted with the OA in the past 7 days"
                          : "";
            r.at = bot.clk.now();
            auto queued = bot.report_delivery(r);
            reactions.insert(reactions.end(), queued.begin(), queued.end());
            bot.clk.advance(1);
        }
        return reactions;
    }

    std::int64_t id_of(const std::string& data) { return std::stoll(data.substr(data.rfind(':') + 1)); }
};

TEST_F(broadcast_fixture, staff_preview_then_send_reaches_every_team_group_once) {
    auto preview = bot.say("900", "/thongbao Họp tổ trưởng lúc 19h tối nay tại nhà văn hóa");
    EXPECT_TRUE(has(preview, "3 nhóm")) << test_bot::joined(preview);
    auto send = button(preview, "b:send:");
    ASSERT_FALSE(send.empty());
    auto sent = bot.press("900", send);
    std::set<std::string> groups;
    for (auto& o : sent)
        if (o.campaign_id) {
            groups.insert(o.to.chat_id);
            EXPECT_EQ(o.priority, lane::bulk);
            EXPECT_NE(o.text.find("Họp tổ trưởng"), std::string::npos);
        }
    EXPECT_EQ(groups, (std::set<std::string>{"-1", "-2", "-3"}));
    EXPECT_TRUE(has(sent, "đang gửi tới 3 nhóm")) << test_bot::joined(sent);

    // Pressing again sends nothing twice.
    auto again = bot.press("900", send);
    for (auto& o : again)
        EXPECT_EQ(o.campaign_id, 0);
    EXPECT_TRUE(has(again, "đã được xử lý")) << test_bot::joined(again);
}

// A preview left unconfirmed overnight kept its «Gửi» button for good: pressed days later it
// sent the groups chosen then (the teams behind on a report, perhaps since caught up).
TEST_F(broadcast_fixture, a_preview_confirmed_after_a_day_is_not_sent_and_says_to_preview_again) {
    auto preview = bot.say("900", "/thongbao chua-bao-cao Nhắc các tổ nộp báo cáo");
    auto send = button(preview, "b:send:");
    ASSERT_FALSE(send.empty());
    bot.clk.advance(25 * 3600);
    auto late = bot.press("900", send);
    for (auto& o : late)
        EXPECT_EQ(o.campaign_id, 0) << "nothing goes to a group";
    EXPECT_TRUE(has(late, "đã quá 24 giờ nên không gửi nữa")) << test_bot::joined(late);
    EXPECT_TRUE(has(late, "Gõ lại /thongbao")) << test_bot::joined(late);
    EXPECT_TRUE(has(bot.say("900", "/thongbao_ds"), "bản xem trước đã hết hạn, không gửi"));
    // A fresh preview goes out as usual.
    auto again = bot.press("900", button(bot.say("900", "/thongbao chua-bao-cao Nhắc nộp"), "b:send:"));
    EXPECT_TRUE(has(again, "đang gửi tới")) << test_bot::joined(again);
}

TEST_F(broadcast_fixture, progress_ends_with_a_report_and_retry_goes_to_the_failed_group_only) {
    auto preview = bot.say("900", "/thongbao Nhắc các tổ nộp báo cáo tháng");
    auto send = button(preview, "b:send:");
    auto id = id_of(send);
    bot.press("900", send);
    auto reactions = play_deliveries(id, {"-2"});
    auto text = test_bot::joined(reactions);
    EXPECT_NE(text.find("đã gửi xong: 2/3"), std::string::npos) << text;
    EXPECT_NE(text.find("Tổ dân phố số 2: bot đã bị xóa khỏi nhóm"), std::string::npos) << text;
    bool edited = false;
    for (auto& o : reactions)
        edited = edited || (o.kind == outgoing_kind::edit && o.edit_outbox_id != 0);
    EXPECT_TRUE(edited) << "the progress message is edited, not repeated";
    auto retry = button(reactions, "b:retry:");
    ASSERT_FALSE(retry.empty());

    auto resent = bot.press("900", retry);
    std::set<std::string> groups;
    for (auto& o : resent)
        if (o.campaign_id)
            groups.insert(o.to.chat_id);
    EXPECT_EQ(groups, std::set<std::string>{"-2"});
    auto c = campaign_store(*bot.db).by_id(id);
    EXPECT_EQ(c->delivered, 2);
    EXPECT_EQ(c->failed, 0);
}

// The delivery report showed the platform's English error ("Zalo error -230: User has not
// interacted...") to Vietnamese ward staff.
TEST_F(broadcast_fixture, the_delivery_report_says_why_in_the_staff_members_language) {
    auto preview = bot.say("900", "/thongbao Lịch tiêm chủng");
    auto id = id_of(button(preview, "b:send:"));
    bot.press("900", button(preview, "b:send:"));
    auto text = test_bot::joined(play_deliveries(id, {}, {{"-3", "HTTP 502 after 8 attempts"}}, {"-2"}));
    EXPECT_NE(text.find("Tổ dân phố số 2: quá 7 ngày chưa ai nhắn cho Official Account"), std::string::npos)
        << text;
    EXPECT_EQ(text.find("User has not interacted"), std::string::npos) << text;
    EXPECT_NE(
        text.find(
            "Tổ dân phố số 3: nền tảng không nhận tin (chuyển lỗi này cho bộ phận kỹ thuật: HTTP 502 after 8 attempts)"),
        std::string::npos)
        << text;
}

TEST_F(broadcast_fixture, named_teams_only_and_unknown_team_names_are_explained) {
    auto preview = bot.say("900", "/thongbao @to1,to3 Lịch trực tuần này");
    EXPECT_TRUE(has(preview, "2 nhóm")) << test_bot::joined(preview);
    auto sent = bot.press("900", button(preview, "b:send:"));
    std::set<std::string> groups;
    for (auto& o : sent)
        if (o.campaign_id)
            groups.insert(o.to.chat_id);
    EXPECT_EQ(groups, (std::set<std::string>{"-1", "-3"}));
    // A space after the comma still names both teams; the text starts after the list.
    auto spaced = test_bot::joined(bot.say("900", "/thongbao @to1, to3 Họp"));
    EXPECT_NE(spaced.find("2 nhóm"), std::string::npos) << spaced;
    EXPECT_NE(spaced.find("Họp"), std::string::npos) << spaced;
    EXPECT_EQ(spaced.find("to3 Họp"), std::string::npos) << spaced;
    auto bad = bot.say("900", "/thongbao @to7 Lịch trực");
    EXPECT_TRUE(has(bad, "Không tìm thấy tổ: to7")) << test_bot::joined(bad);
    EXPECT_TRUE(button(bad, "b:send:").empty());
}

// "@ to1" (a space after "@", as phone keyboards often add) was read as the announcement's
// first words, and the announcement meant for team 1 went to every team.
TEST_F(broadcast_fixture, a_space_after_the_at_sign_still_names_the_teams) {
    auto preview = bot.say("900", "/thongbao @ to1, to3 Lịch trực tết của hai tổ");
    EXPECT_TRUE(has(preview, "2 nhóm")) << test_bot::joined(preview);
    auto sent = bot.press("900", button(preview, "b:send:"));
    std::set<std::string> groups;
    for (auto& o : sent)
        if (o.campaign_id) {
            groups.insert(o.to.chat_id);
            EXPECT_EQ(o.text.find("@"), std::string::npos) << o.text;
        }
    EXPECT_EQ(groups, (std::set<std::string>{"-1", "-3"}));
}

TEST_F(broadcast_fixture, without_bound_groups_staff_are_told_how_teams_bind_theirs) {
    bot.team(ward, "Tổ dân phố số 4"); // never bound a group
    auto named = test_bot::joined(bot.say("900", "/thongbao @to4 Lịch trực"));
    EXPECT_NE(named.find("Không có nhóm nào để gửi: Tổ dân phố số 4 chưa gắn nhóm chat"), std::string::npos)
        << named;
    auto preview = test_bot::joined(bot.say("900", "/thongbao Lịch trực"));
    EXPECT_NE(preview.find("1 tổ chưa gắn nhóm nên sẽ không nhận: Tổ dân phố số 4"), std::string::npos)
        << preview;
    test_bot lone;
    auto lone_ward = lone.ward("Phường Hòa Xuân");
    lone.team(lone_ward, "Tổ dân phố số 1");
    lone.member(lone_ward, 0, "Ngô Thị Hạnh", "ward_staff", "900");
    auto all = test_bot::joined(lone.say("900", "/thongbao Lịch trực"));
    EXPECT_NE(all.find("Chưa tổ nào gắn nhóm chat với bot"), std::string::npos) << all;
    EXPECT_NE(all.find("gõ /lienket trong nhóm"), std::string::npos) << all;
    EXPECT_EQ(all.find("(0)"), std::string::npos) << all;
}

// The bot removed from a team's group: the preview told staff to have it bound with /lienket,
// though the group is still bound and only the bot has to be added back.
TEST_F(broadcast_fixture, a_group_the_bot_was_removed_from_is_told_to_add_the_bot_back_not_to_bind) {
    group_store groups(*bot.db);
    groups.set_active({bot.platform, "-1"}, false); // as on_bot_removed leaves it
    auto preview = test_bot::joined(bot.say("900", "/thongbao Lịch trực"));
    EXPECT_NE(preview.find("1 tổ đã xóa bot khỏi nhóm nên sẽ không nhận: Tổ dân phố số 1"), std::string::npos)
        << preview;
    EXPECT_NE(preview.find("Tổ trưởng thêm lại bot vào nhóm của tổ"), std::string::npos) << preview;
    EXPECT_EQ(preview.find("chưa gắn nhóm"), std::string::npos) << preview;
    auto named = test_bot::joined(bot.say("900", "/thongbao @to1 Lịch trực"));
    EXPECT_NE(named.find("Không có nhóm nào để gửi."), std::string::npos) << named;
    EXPECT_NE(named.find("thêm lại bot vào nhóm của tổ"), std::string::npos) << named;
    EXPECT_EQ(named.find("chưa gắn nhóm"), std::string::npos) << named;
}

TEST_F(broadcast_fixture, teams_behind_on_the_current_report_only_in_either_language) {
    // Team 1 submitted November's monthly report (the one due on the test clock's 24/11).
    bot.submit_report(ward, team1, "monthly", "2026-11");
    for (auto text :
         {"/thongbao chua-bao-cao Nhắc các tổ nộp báo cáo", "/broadcast not-reported Please report"}) {
        auto preview = bot.say("900", text);
        EXPECT_TRUE(has(preview, "2 nhóm")) << text << ": " << test_bot::joined(preview);
        auto sent = bot.press("900", button(preview, "b:send:"));
        std::set<std::string> groups;
        for (auto& o : sent)
            if (o.campaign_id)
                groups.insert(o.to.chat_id);
        EXPECT_EQ(groups, (std::set<std::string>{"-2", "-3"})) << text;
    }
    // The preview names the report it means.
    EXPECT_TRUE(has(bot.say("900", "/thongbao chua-bao-cao Nhắc nộp"),
                    "các tổ chưa nộp Báo cáo tháng (tháng 11/2026)"));
    // The teams behind are not in their groups any more: they are named, not "no team has a group".
    group_store groups(*bot.db);
    groups.set_active({bot.platform, "-2"}, false);
    groups.set_active({bot.platform, "-3"}, false);
    auto unbound = test_bot::joined(bot.say("900", "/thongbao chua-bao-cao Nhắc nộp"));
    EXPECT_NE(unbound.find("2 tổ đã xóa bot khỏi nhóm nên sẽ không nhận: Tổ dân phố số 2, Tổ dân phố số 3"),
              std::string::npos)
        << unbound;
    // Everyone sent November's: the teams behind are those of the next open report, as
    // "/baocao phuong" opens it.
    bot.submit_report(ward, team2, "monthly", "2026-11");
    bot.submit_report(ward, team3, "monthly", "2026-11");
    groups.set_active({bot.platform, "-2"}, true);
    EXPECT_TRUE(has(bot.say("900", "/thongbao chua-bao-cao Nhắc nộp"),
                    "các tổ chưa nộp Báo cáo tổng kết năm (năm 2026)"));
    // Every open report sent: said so.
    for (auto team : {team1, team2, team3}) {
        bot.submit_report(ward, team, "yearly", "2026");
        bot.submit_report(ward, team, "quarterly", "2026-Q4");
    }
    auto done = test_bot::joined(bot.say("900", "/thongbao chua-bao-cao Nhắc nộp"));
    EXPECT_NE(done.find("Mọi tổ đã nộp Báo cáo tháng (tháng 11/2026)"), std::string::npos) << done;
}

// A scheduled "chua-bao-cao" kept the teams chosen at the preview: a team that sent its report
// in the meantime was still told to send it.
TEST_F(broadcast_fixture, a_scheduled_reminder_goes_only_to_the_teams_still_behind_at_its_time) {
    auto preview = bot.say("900", "/thongbao chua-bao-cao lúc 15:00 24/11 Nhắc các tổ nộp báo cáo tháng");
    EXPECT_TRUE(has(preview, "3 nhóm")) << test_bot::joined(preview);
    auto send = button(preview, "b:send:");
    auto id = id_of(send);
    auto confirmed = bot.press("900", send);
    for (auto& o : confirmed)
        EXPECT_EQ(o.campaign_id, 0) << "nothing is queued to a group before its time";
    EXPECT_TRUE(has(confirmed, "bot chỉ gửi cho các tổ khi đó vẫn chưa nộp báo cáo"))
        << test_bot::joined(confirmed);

    bot.submit_report(ward, team1, "monthly", "2026-11");
    bot.clk.advance(5 * 3600); // 14:00
    for (auto& o : bot.run_scheduled())
        EXPECT_EQ(o.campaign_id, 0) << "not before 15:00";
    bot.clk.advance(3600 + 30);
    std::set<std::string> groups;
    for (auto& o : bot.run_scheduled())
        if (o.campaign_id == id)
            groups.insert(o.to.chat_id);
    EXPECT_EQ(groups, (std::set<std::string>{"-2", "-3"}));
    auto summary = test_bot::joined(play_deliveries(id));
    EXPECT_NE(summary.find("đã gửi xong: 2/2 nhóm"), std::string::npos) << summary;
    EXPECT_NE(summary.find("1 tổ đã nộp báo cáo trước giờ gửi nên không nhận: Tổ dân phố số 1"),
              std::string::npos)
        << summary;
}

TEST_F(broadcast_fixture, a_scheduled_reminder_is_not_sent_when_every_team_caught_up_and_staff_are_told) {
    auto preview = bot.say("900", "/thongbao chua-bao-cao lúc 15:00 24/11 Nhắc nộp báo cáo");
    auto id = id_of(button(preview, "b:send:"));
    bot.press("900", button(preview, "b:send:"));
    for (auto team : {team1, team2, team3})
        bot.submit_report(ward, team, "monthly", "2026-11");
    bot.clk.advance(6 * 3600 + 30);
    auto out = bot.run_scheduled();
    for (auto& o : out)
        EXPECT_EQ(o.campaign_id, 0) << "no group gets it";
    auto to_staff = test_bot::joined(to_chat(out, "900"));
    EXPECT_NE(to_staff.find("Thông báo số " + std::to_string(id) + " không gửi đi"), std::string::npos)
        << to_staff;
    EXPECT_NE(to_staff.find("đều đã nộp báo cáo"), std::string::npos) << to_staff;
    EXPECT_TRUE(has(bot.say("900", "/thongbao_ds"), "đã gửi xong"));
    EXPECT_FALSE(has(bot.run_scheduled(), "không gửi đi")) << "told once";
}

// Confirmed hours after the preview: the teams that reported meanwhile are left out too.
TEST_F(broadcast_fixture, a_reminder_confirmed_later_skips_the_teams_that_reported_since_the_preview) {
    auto preview = bot.say("900", "/thongbao chua-bao-cao Nhắc nộp báo cáo");
    auto send = button(preview, "b:send:");
    bot.submit_report(ward, team2, "monthly", "2026-11");
    std::set<std::string> groups;
    auto sent = bot.press("900", send);
    for (auto& o : sent)
        if (o.campaign_id)
            groups.insert(o.to.chat_id);
    EXPECT_EQ(groups, (std::set<std::string>{"-1", "-3"}));
    EXPECT_TRUE(has(sent, "đang gửi tới 2 nhóm")) << test_bot::joined(sent);
}

// A leader's question that starts with «Thông báo» was read as /thongbao and refused as a
// staff command.
TEST_F(broadcast_fixture, a_members_question_starting_like_a_staff_command_gets_whom_to_ask) {
    auto asked = test_bot::joined(bot.say("100", "Thông báo họp lúc mấy giờ?"));
    EXPECT_NE(asked.find("không trả lời được câu hỏi này"), std::string::npos) << asked;
    EXPECT_NE(asked.find("hỏi tổ trưởng trong nhóm chat của tổ hoặc cán bộ Phường Hòa Xuân"),
              std::string::npos)
        << asked;
    EXPECT_EQ(asked.find("/thongbao"), std::string::npos) << asked;
    // Not a question: the usual nudge, still no refusal of a command they never meant.
    auto said = test_bot::joined(bot.say("100", "thong bao hop to"));
    EXPECT_NE(said.find("Tôi chưa hiểu ý bạn"), std::string::npos) << said;
    // Staff still announce without the slash, and a member's /thongbao is still refused.
    EXPECT_TRUE(has(bot.say("900", "thông báo Họp tổ trưởng tối nay"), "Xem trước thông báo"));
    EXPECT_FALSE(has(bot.say("100", "/thongbao Họp"), "không trả lời được câu hỏi này"));
}

// «✅ đã gửi xong 2/2» said nothing of the teams with no group: staff had to remember the preview.
TEST_F(broadcast_fixture, the_delivery_summary_names_the_teams_without_a_group_and_whom_to_phone) {
    auto team4 = bot.team(ward, "Tổ dân phố số 4");
    bot.member(ward, team4, "Lê Văn Dũng", "leader", "104", "+84905100004");
    group_store(*bot.db).set_active({bot.platform, "-3"}, false);
    auto send = button(bot.say("900", "/thongbao Họp tổ trưởng"), "b:send:");
    bot.press("900", send);
    auto summary = test_bot::joined(play_deliveries(id_of(send)));
    EXPECT_NE(summary.find("đã gửi xong: 2/2 nhóm"), std::string::npos) << summary;
    EXPECT_NE(summary.find("2 tổ không nhận được vì chưa có nhóm với bot, hãy gọi điện báo: Tổ dân phố số 3; "
                           "Tổ dân phố số 4 (tổ trưởng Lê Văn Dũng, 0905100004)"),
              std::string::npos)
        << summary;
}

// "@Tổ 1" read "tổ" as a team's name and was refused: teams named as people write them.
TEST_F(broadcast_fixture, teams_named_as_people_write_them_work_like_their_codes) {
    for (auto [text, expected] : std::vector<std::pair<std::string, std::set<std::string>>>{
             {"/thongbao @Tổ 1 Lịch trực tuần này", {"-1"}},
             {"/thongbao @tổ 1, tổ 3 Lịch trực tuần này", {"-1", "-3"}},
             {"/thongbao @tổ số 2 Lịch trực tuần này", {"-2"}}}) {
        auto preview = bot.say("900", text);
        EXPECT_FALSE(has(preview, "Không tìm thấy tổ")) << text << ": " << test_bot::joined(preview);
        std::set<std::string> groups;
        for (auto& o : bot.press("900", button(preview, "b:send:")))
            if (o.campaign_id) {
                groups.insert(o.to.chat_id);
                EXPECT_NE(o.text.find("\n\nLịch trực tuần này"), std::string::npos) << text << ": " << o.text;
            }
        EXPECT_EQ(groups, expected) << text;
    }
    // A number that is the announcement's own word is left to it: "@to1 3 tổ chưa nộp".
    EXPECT_TRUE(has(bot.say("900", "/thongbao @to1 3 tổ chưa nộp"), "3 tổ chưa nộp"));
}

// "lúc 25/12 Họp …" was refused quoting "25/12 Họp" as a bad time: say the hour is missing.
TEST_F(broadcast_fixture, a_day_without_an_hour_after_luc_says_the_hour_is_missing_with_an_example) {
    for (auto text : {"/thongbao lúc 25/12 Họp tổ trưởng", "/thongbao lúc ngày 25/12 Họp tổ trưởng"}) {
        auto reply = test_bot::joined(bot.say("900", text));
        EXPECT_NE(reply.find("«lúc 25/12» mới có ngày, còn thiếu giờ gửi"), std::string::npos)
            << text << ": " << reply;
        EXPECT_NE(reply.find("/thongbao lúc 07:30 25/12 Họp tổ trưởng"), std::string::npos) << reply;
        EXPECT_EQ(reply.find("Họp tổ trưởng»"), std::string::npos) << reply;
    }
    EXPECT_TRUE(has(bot.say("900", "/thongbao lúc 07:30 25/12 Họp tổ trưởng"), "hẹn gửi vào"));
    EXPECT_TRUE(has(bot.say("900", "/thongbao lúc abc Họp"), "Thời gian «abc"));
}

// /thongbao_ds showed "2/3 nhóm, 1 lỗi" and nothing more: which group, why, and what to do.
TEST_F(broadcast_fixture, the_list_names_each_failed_group_why_and_what_to_do) {
    auto send = button(bot.say("900", "/thongbao Lịch trực tuần này"), "b:send:");
    bot.press("900", send);
    play_deliveries(id_of(send), {"-2"});
    auto list = bot.say("900", "/thongbao_ds");
    auto text = test_bot::joined(list);
    EXPECT_NE(text.find("2/3 nhóm, 1 lỗi"), std::string::npos) << text;
    EXPECT_NE(
        text.find("↳ Tổ dân phố số 2: bot đã bị xóa khỏi nhóm hoặc nhóm không còn. Cách xử lý: tổ trưởng "
                  "thêm lại bot vào nhóm của tổ, rồi bấm gửi lại"),
        std::string::npos)
        << text;
    EXPECT_EQ(text.find("Tổ dân phố số 1:"), std::string::npos) << text;
    auto retry = button(list, "b:retry:");
    ASSERT_EQ(retry, "b:retry:" + std::to_string(id_of(send)));
    std::set<std::string> groups;
    for (auto& o : bot.press("900", retry))
        if (o.campaign_id)
            groups.insert(o.to.chat_id);
    EXPECT_EQ(groups, (std::set<std::string>{"-2"}));
}

// A ward that started with the bot after a report's deadline, in its grace days: no team owed
// that report, and "chua-bao-cao" answered "Mọi tổ đã nộp ..." instead of reaching the teams
// behind on the report they do owe.
TEST_F(broadcast_fixture, teams_behind_are_those_of_the_report_they_owe_not_one_due_before_they_came) {
    bot.clk.advance(2 * 86400); // 26/11: November's monthly report was due on the 24th
    auto new_ward = bot.ward("Xã Hòa Phước");
    auto a = bot.team(new_ward, "Thôn Phước Thuận");
    auto b = bot.team(new_ward, "Thôn Phước Hưng");
    bot.member(new_ward, 0, "Đỗ Văn Tâm", "ward_staff", "902");
    bot.bind_group("-21", new_ward, a);
    bot.bind_group("-22", new_ward, b);
    auto preview = test_bot::joined(bot.say("902", "/thongbao chua-bao-cao Nhắc các thôn nộp báo cáo"));
    EXPECT_EQ(preview.find("Mọi tổ đã nộp"), std::string::npos) << preview;
    EXPECT_NE(preview.find("2 nhóm"), std::string::npos) << preview;
    EXPECT_EQ(preview.find("Báo cáo tháng (tháng 11/2026)"), std::string::npos) << preview;
}

TEST_F(broadcast_fixture, the_preview_names_the_teams_it_will_not_reach) {
    bot.team(ward, "Tổ dân phố số 4"); // no group bound
    auto all = bot.say("900", "/thongbao Họp tổ tối thứ 6");
    EXPECT_TRUE(has(all, "3 nhóm")) << test_bot::joined(all);
    EXPECT_TRUE(has(all, "1 tổ chưa gắn nhóm nên sẽ không nhận: Tổ dân phố số 4")) << test_bot::joined(all);
    // Named teams that all have a group: nothing to warn about.
    EXPECT_FALSE(has(bot.say("900", "/thongbao @to1,to3 Lịch trực"), "chưa gắn nhóm"));
}

TEST_F(broadcast_fixture, cancel_sends_nothing) {
    auto preview = bot.say("900", "/thongbao Thông báo thử");
    auto cancel = button(preview, "b:cancel:");
    auto out = bot.press("900", cancel);
    EXPECT_TRUE(has(out, "Đã hủy"));
    for (auto& o : out)
        EXPECT_EQ(o.campaign_id, 0);
    auto late = bot.press("900", button(preview, "b:send:"));
    for (auto& o : late)
        EXPECT_EQ(o.campaign_id, 0);
}

// A scheduled announcement could not be stopped: "Hủy" only worked on the preview, so an
// announcement scheduled with the wrong date went out anyway.
TEST_F(broadcast_fixture, a_scheduled_or_sending_announcement_can_be_cancelled_by_its_number) {
    auto preview = bot.say("900", "/thongbao lúc 07:30 25/12 Họp tổ sáng thứ 2");
    auto id = id_of(button(preview, "b:send:"));
    auto sent = bot.press("900", button(preview, "b:send:"));
    EXPECT_TRUE(has(sent, "Muốn hủy, gõ: /thongbao huy " + std::to_string(id))) << test_bot::joined(sent);
    auto rows = campaign_store(*bot.db).part_rows(id);
    ASSERT_EQ(rows.size(), 3u);
    // The test bot marks what it sees as sent; these wait for 25/12 in the outbox.
    auto unsend = [&](std::int64_t campaign) {
        bot.db->native().db.exec("UPDATE outbox SET state = 'pending' WHERE campaign_id = " +
                                 std::to_string(campaign));
    };
    unsend(id);
    // Someone else's ward, or a number that is no announcement: nothing changes.
    EXPECT_TRUE(has(bot.say("901", "/thongbao huy " + std::to_string(id)), "Phường không có thông báo số"));
    EXPECT_TRUE(has(bot.say("900", "/thongbao hủy số 999"), "Phường không có thông báo số 999"));
    EXPECT_EQ(campaign_store(*bot.db).by_id(id)->state, "scheduled");
    auto out = bot.say("900", "/thongbao hủy số " + std::to_string(id));
    EXPECT_TRUE(
        has(out, "Đã hủy thông báo số " + std::to_string(id) + " hẹn gửi vào Thứ Sáu, 25/12/2026 lúc 07:30"))
        << test_bot::joined(out);
    EXPECT_EQ(campaign_store(*bot.db).by_id(id)->state, "cancelled");
    for (auto row : rows)
        EXPECT_EQ(outbox(*bot.db).status(row)->state, delivery_state::cancelled);
    EXPECT_TRUE(has(bot.say("900", "/thongbao huy " + std::to_string(id)), "đã hủy")) << "only once";

    // Part-way: the groups that got it are counted, the rest are not sent to.
    auto now = bot.say("900", "/thongbao Lịch trực tuần này");
    auto second = id_of(button(now, "b:send:"));
    bot.press("900", button(now, "b:send:"));
    auto parts = campaign_store(*bot.db).part_rows(second);
    unsend(second);
    bot.db->in_transaction([&] {
        delivery_report r;
        r.row = *outbox(*bot.db).find(parts[0]);
        r.delivered = true;
        r.at = bot.clk.now();
        outbox(*bot.db).mark_sent(parts[0], "m1", bot.clk.now());
        on_delivery(*bot.db, bot.env, r);
    });
    auto stopped = test_bot::joined(bot.say("900", "/thongbao huy " + std::to_string(second)));
    EXPECT_NE(stopped.find("1 nhóm đã nhận, 2 nhóm còn lại sẽ không nhận"), std::string::npos) << stopped;
    EXPECT_EQ(outbox(*bot.db).status(parts[0])->state, delivery_state::sent);
    EXPECT_EQ(outbox(*bot.db).status(parts[1])->state, delivery_state::cancelled);
    auto list = test_bot::joined(bot.say("900", "/thongbao_ds"));
    EXPECT_NE(list.find("đã hủy: 1/3 nhóm"), std::string::npos) << list;
    // Members cannot stop the ward's announcements.
    EXPECT_FALSE(has(bot.say("100", "/thongbao huy " + std::to_string(second)), "Đã dừng"));
}

TEST_F(broadcast_fixture, only_ward_staff_broadcast_and_only_to_their_ward) {
    auto member_try = bot.say("100", "/thongbao Chào cả phường");
    EXPECT_TRUE(button(member_try, "b:send:").empty());
    EXPECT_TRUE(has(member_try, "cán bộ phường")) << test_bot::joined(member_try);
    auto preview = bot.say("900", "/thongbao Chào cả phường");
    auto stranger = bot.press("901", button(preview, "b:send:"));
    EXPECT_TRUE(has(stranger, "Chỉ cán bộ phường của Phường Hòa Xuân")) << test_bot::joined(stranger);
    for (auto& o : stranger)
        EXPECT_EQ(o.campaign_id, 0);
    auto theirs = bot.say("901", "/thongbao Chào phường Hòa Cường");
    EXPECT_TRUE(has(theirs, "1 nhóm")) << test_bot::joined(theirs);
}

TEST_F(broadcast_fixture, scheduled_announcements_wait_for_their_time_and_the_past_is_refused) {
    auto preview = bot.say("900", "/thongbao lúc 07:30 25/12 Chúc mừng Giáng sinh");
    EXPECT_TRUE(has(preview, "25/12/2026")) << test_bot::joined(preview);
    auto sent = bot.press("900", button(preview, "b:send:"));
    bool waits = false;
    for (auto& o : sent)
        if (o.campaign_id)
            waits = o.not_before == 1798158600; // 2026-12-25 07:30 +07:00
    EXPECT_TRUE(waits);
    EXPECT_TRUE(has(sent, "Đã hẹn gửi")) << test_bot::joined(sent);
    auto past = bot.say("900", "/thongbao lúc 07:30 20/11 Muộn rồi");
    EXPECT_TRUE(has(past, "đã qua")) << test_bot::joined(past);
}

// Staff write the time as they say it: "lúc 7h30 sáng mai" was refused as a bad time, and
// only "lúc 07:30 25/11" was understood.
TEST_F(broadcast_fixture, a_time_written_as_said_schedules_for_that_moment) {
    auto tomorrow = bot.say("900", "/thongbao lúc 7h30 sáng mai Họp tổ trưởng tại nhà văn hóa");
    EXPECT_TRUE(has(tomorrow, "Thứ Tư, 25/11/2026 lúc 07:30")) << test_bot::joined(tomorrow);
    EXPECT_TRUE(has(tomorrow, "\n\nHọp tổ trưởng tại nhà văn hóa")) << test_bot::joined(tomorrow);
    EXPECT_FALSE(has(tomorrow, "sáng mai Họp")) << test_bot::joined(tomorrow);
    EXPECT_TRUE(
        has(tomorrow, "Không gửi ngay: hẹn gửi vào Thứ Tư, 25/11/2026 lúc 07:30 (theo «7h30 sáng mai»)"))
        << test_bot::joined(tomorrow);
    auto afternoon = bot.say("900", "/thongbao lúc 2h chiều nay Nhắc nộp báo cáo");
    EXPECT_TRUE(has(afternoon, "24/11/2026 lúc 14:00")) << test_bot::joined(afternoon);
    auto evening = bot.say("900", "/thongbao lúc 19h ngày mai Họp chi bộ");
    EXPECT_TRUE(has(evening, "25/11/2026 lúc 19:00")) << test_bot::joined(evening);
    // A time that still reads as none is refused, with both ways to write it.
    auto bad = bot.say("900", "/thongbao lúc 7h30 sáng thứ hai Họp");
    EXPECT_TRUE(has(bad, "lúc 7h30 sáng mai")) << test_bot::joined(bad);
}

// "/thongbao 7h30 sáng mai Họp …" without "lúc" went out at once, starting "7h30 sáng mai".
// A leading clock time with its day now schedules it; the preview says so apart, with the words
// it read and how to send them as text instead. Other leading numbers stay the announcement's.
TEST_F(broadcast_fixture, a_leading_time_with_its_day_schedules_without_luc_and_the_preview_says_so) {
    auto preview = bot.say("900", "/thongbao 7h30 sáng mai Họp tổ trưởng tại nhà văn hóa");
    auto text = test_bot::joined(preview);
    EXPECT_NE(text.find("Không gửi ngay: hẹn gửi vào Thứ Tư, 25/11/2026 lúc 07:30"), std::string::npos)
        << text;
    EXPECT_NE(text.find("«7h30 sáng mai» ở đầu tin được hiểu là giờ gửi"), std::string::npos) << text;
    EXPECT_NE(text.find("/thongbao Thông báo: 7h30 sáng mai …"), std::string::npos) << text;
    EXPECT_NE(text.find("\n\nHọp tổ trưởng tại nhà văn hóa\n"), std::string::npos) << text;
    auto sent = bot.press("900", button(preview, "b:send:"));
    EXPECT_TRUE(has(sent, "Đã hẹn gửi")) << test_bot::joined(sent);
    for (auto& o : sent) {
        if (o.campaign_id) {
            EXPECT_EQ(o.not_before, 1795566600) << o.text; // 2026-11-25 07:30 +07:00
        }
    }
    EXPECT_TRUE(
        has(bot.say("900", "/thongbao 19h hôm nay Họp chi bộ"), "hẹn gửi vào Thứ Ba, 24/11/2026 lúc 19:00"));
    EXPECT_TRUE(has(bot.say("900", "/thongbao 07:30 25/12 Chúc mừng Giáng sinh"), "25/12/2026 lúc 07:30"));
    // Numbers that are not a sending time are the announcement's first words, sent when pressed.
    for (std::string words : {"3 tổ chưa nộp báo cáo tháng", "15/12 họp tổ trưởng", "8h họp tổ trưởng",
                              "7h30 họp tổ trưởng sáng mai"}) {
        auto now = test_bot::joined(bot.say("900", "/thongbao " + words));
        EXPECT_EQ(now.find("hẹn gửi"), std::string::npos) << now;
        EXPECT_NE(now.find("\n\n" + words + "\n"), std::string::npos) << now;
    }
    // In English too.
    bot.say("900", "/ngonngu en");
    auto en = test_bot::joined(bot.say("900", "/announce 7h30 tomorrow Team leaders meet"));
    EXPECT_NE(en.find("Not sent now: scheduled for"), std::string::npos) << en;
    EXPECT_NE(en.find("\"7h30 tomorrow\" at the start was read as the sending time"), std::string::npos)
        << en;
}

TEST_F(broadcast_fixture, the_list_shows_recent_announcements_with_their_status) {
    auto preview = bot.say("900", "/thongbao Thông báo số một");
    auto id = id_of(button(preview, "b:send:"));
    bot.press("900", button(preview, "b:send:"));
    play_deliveries(id);
    auto list = test_bot::joined(bot.say("900", "/thongbao_ds"));
    EXPECT_NE(list.find("Số " + std::to_string(id)), std::string::npos) << list;
    EXPECT_NE(list.find("đã gửi xong: 3/3 nhóm"), std::string::npos) << list;
    // A cancelled draft went nowhere: no delivery count.
    auto dropped = bot.say("900", "/thongbao Bản nháp bỏ đi");
    auto dropped_id = id_of(button(dropped, "b:cancel:"));
    bot.press("900", button(dropped, "b:cancel:"));
    list = test_bot::joined(bot.say("900", "/thongbao_ds"));
    auto line = list.substr(list.find("Số " + std::to_string(dropped_id)));
    line = line.substr(0, line.find('\n'));
    EXPECT_EQ(line.find("0/3"), std::string::npos) << line;
    EXPECT_NE(line.find(", 3 nhóm"), std::string::npos) << line;
}

TEST_F(broadcast_fixture, a_guide_can_be_broadcast_by_its_code) {
    auto preview = bot.say("900", "/thongbao tailieu lua-dao");
    auto sent = bot.press("900", button(preview, "b:send:"));
    int copies = 0;
    for (auto& o : sent)
        copies += o.campaign_id && o.text.find("lừa đảo") != std::string::npos;
    EXPECT_EQ(copies, 3);
    EXPECT_TRUE(has(bot.say("900", "/thongbao tailieu khong-co"), "Không có tài liệu"));
    // The usage's own example: a keyword that names one guide, as /tailieu takes it.
    auto by_keyword = bot.say("900", "/thongbao tailieu vneid");
    EXPECT_FALSE(button(by_keyword, "b:send:").empty()) << test_bot::joined(by_keyword);
}

// A poster with a caption of some 750 Vietnamese letters (over 1,000 bytes, still within a
// caption's 1,024 characters) reached every group twice: as the caption and again as a message.
TEST_F(broadcast_fixture, a_poster_with_a_long_caption_reaches_each_group_once) {
    std::string body = "Lịch tiếp dân và hướng dẫn cài VNeID tại nhà văn hóa.";
    while (body.size() < 1100)
        body += " Bà con mang theo căn cước gắn chip và điện thoại chính chủ để được hướng dẫn.";
    incoming in;
    in.chat = {channel::telegram, "900"};
    in.user_id = "900";
    in.text = "/thongbao " + body;
    in.file = attachment{"photo", "POSTER-1", ""};
    auto preview = bot.deliver(in);
    auto sent = bot.press("900", button(preview, "b:send:"));
    int copies = 0, posters = 0;
    for (auto& o : sent) {
        if (!o.campaign_id || o.to.chat_id != "-1")
            continue;
        posters += o.kind == outgoing_kind::document && o.document && o.document->file_ref == "POSTER-1";
        for (auto at = o.text.find("Lịch tiếp dân"); at != std::string::npos;
             at = o.text.find("Lịch tiếp dân", at + 1))
            ++copies;
    }
    EXPECT_EQ(posters, 1) << test_bot::joined(sent);
    EXPECT_EQ(copies, 1) << test_bot::joined(sent);
}

// "/thongbao tailieu lua-dao <note>" dropped the staff member's note without a word.
TEST_F(broadcast_fixture, a_note_written_after_a_guide_goes_with_it) {
    auto preview = bot.say("900", "/thongbao tailieu lua-dao Các tổ in ra phát cho bà con trước 20/12");
    EXPECT_TRUE(has(preview, "Các tổ in ra phát cho bà con")) << test_bot::joined(preview);
    auto sent = bot.press("900", button(preview, "b:send:"));
    std::map<std::string, std::string> got;
    for (auto& o : sent)
        if (o.campaign_id)
            got[o.to.chat_id] += o.text;
    ASSERT_EQ(got.size(), 3u);
    for (auto& [group, text] : got) {
        EXPECT_NE(text.find("Các tổ in ra phát cho bà con trước 20/12"), std::string::npos) << group;
        EXPECT_NE(text.find("lừa đảo"), std::string::npos) << group;
    }
}

// A member saw a bare "Họp tổ trưởng ..." from the bot, with nothing saying who sent it.
TEST_F(broadcast_fixture, each_group_sees_the_announcement_comes_from_the_ward) {
    auto preview = bot.say("900", "/thongbao Họp tổ trưởng lúc 19h tối nay tại nhà văn hóa");
    EXPECT_TRUE(has(preview, "Thông báo của Phường Hòa Xuân")) << test_bot::joined(preview);
    auto sent = bot.press("900", button(preview, "b:send:"));
    int headed = 0;
    for (auto& o : sent)
        if (o.campaign_id) {
            EXPECT_NE(o.text.find("Thông báo của Phường Hòa Xuân"), std::string::npos) << o.text;
            EXPECT_NE(o.text.find("Ngô Thị Hạnh"), std::string::npos) << o.text;
            EXPECT_LT(o.text.find("Phường Hòa Xuân"), o.text.find("Họp tổ trưởng")) << o.text;
            ++headed;
        }
    EXPECT_EQ(headed, 3);
}

TEST_F(broadcast_fixture, usage_is_shown_for_an_empty_announcement) {
    EXPECT_TRUE(has(bot.say("900", "/thongbao"), "Cách gửi thông báo"));
}

TEST_F(broadcast_fixture, guides_are_listed_searched_and_sent) {
    auto list = test_bot::joined(bot.say("100", "/tailieu"));
    EXPECT_NE(list.find("vneid-muc-2"), std::string::npos) << list;
    EXPECT_NE(list.find("lua-dao"), std::string::npos);
    auto vneid = test_bot::joined(bot.say("100", "/tailieu vneid"));
    EXPECT_NE(vneid.find("Kích hoạt tài khoản định danh điện tử mức 2"), std::string::npos) << vneid;
    EXPECT_NE(vneid.find("passcode"), std::string::npos);
    auto unaccented = test_bot::joined(bot.say("100", "/tailieu lua dao"));
    EXPECT_NE(unaccented.find("Nhận biết lừa đảo"), std::string::npos) << unaccented;
    EXPECT_TRUE(has(bot.say("100", "/tailieu tàu vũ trụ"), "Không có tài liệu nào khớp"));
}

TEST_F(broadcast_fixture, staff_add_a_guide_by_sending_a_file) {
    EXPECT_TRUE(has(bot.say("900", "/tailieu_them Sổ tay an toàn mạng"), "Hãy gửi tệp"));
    incoming in;
    in.chat = {channel::telegram, "900"};
    in.user_id = "900";
    in.text = "/tailieu_them Sổ tay an toàn mạng";
    in.file = attachment{"document", "FILE-ID-123", "so-tay.pdf"};
    auto added = bot.deliver(in);
    EXPECT_TRUE(has(added, "so-tay-an-toan-mang")) << test_bot::joined(added);
    auto sent = bot.say("100", "/tailieu so-tay-an-toan-mang");
    ASSERT_EQ(sent.size(), 1u);
    EXPECT_EQ(sent[0].kind, outgoing_kind::document);
    EXPECT_EQ(sent[0].document->file_ref, "FILE-ID-123");
    std::size_t audits = 0;
    for (auto& e : audit_log(*bot.db).recent(100))
        audits += e.action == "guide.add";
    EXPECT_EQ(audits, 1u);
}

} // namespace
} // namespace cnscd
