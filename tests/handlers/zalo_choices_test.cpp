// Zalo has no buttons: every question the bot asks with buttons shows there as a numbered list,
// and typing a number (in the chat where it was asked) must do what pressing the button does on
// Telegram. Each flow is played on the Zalo OA and on the Zalo Bot platform, privately and in a
// group where the flow is offered there.

#include "handlers/delivery_hooks.hpp"
#include "storage/campaign_store.hpp"
#include "storage/database.hpp"
#include "storage/outbox.hpp"
#include "storage/registry.hpp"
#include "storage/report_store.hpp"
#include "storage/visit_store.hpp"
#include "tests/support/test_bot.hpp"

#include <gtest/gtest.h>

#include <set>

namespace cnscd {
namespace {

using test::has;
using test::test_bot;
using test::to_chat;

// Whether a message of `out` offers choices as a list to answer by number.
bool offers_numbers(const std::vector<outgoing>& out) {
    for (auto& o : out)
        if (!o.choices.empty() && o.text.find("Gõ số hoặc tên mục bạn chọn") != std::string::npos)
            return true;
    return false;
}

// The test clock: Tuesday 24/11/2026 09:00; November's monthly report is due today 17:00.
struct zalo_choices : ::testing::TestWithParam<channel> {
    test_bot bot;
    channel platform = (bot.platform = GetParam());
    std::int64_t ward = bot.ward("Phường Hòa Xuân");
    std::int64_t team1 = bot.team(ward, "Tổ dân phố số 1");
    std::int64_t team2 = bot.team(ward, "Tổ dân phố số 2");
    std::int64_t leader = bot.member(ward, team1, "Trần Văn Bình", "leader", "z100");
    std::int64_t member = bot.member(ward, team1, "Phạm Thị Dung", "member", "z102");
    std::int64_t quiet = bot.member(ward, team1, "Hoàng Văn Em", "member", "z103");
    std::int64_t staff = bot.member(ward, 0, "Ngô Thị Hạnh", "ward_staff", "z900");

    void SetUp() override {
        bot.bind_group("gw", ward, 0); // the ward's group
        bot.bind_group("g1", ward, team1);
        bot.bind_group("g2", ward, team2);
    }

    std::optional<report_submission> report() {
        return report_store(*bot.db).current(ward, team1, "monthly", "2026-11");
    }

    // Plays back the platform's answers for campaign `id`: `failed` groups refuse it. Returns what
    // the bot queued in reaction (progress, the delivery report).
    std::vector<outgoing> play_deliveries(std::int64_t id, const std::set<std::string>& failed) {
        std::vector<outgoing> reactions;
        for (auto row_id : campaign_store(*bot.db).part_rows(id)) {
            delivery_report r;
            r.row = *outbox(*bot.db).find(row_id);
            r.delivered = !failed.contains(r.row.message.to.chat_id);
            r.chat_gone = !r.delivered;
            r.error = r.delivered ? "" : "Zalo error -213: the OA is not in the group";
            r.at = bot.clk.now();
            auto queued = bot.report_delivery(r);
            reactions.insert(reactions.end(), queued.begin(), queued.end());
            bot.clk.advance(1);
        }
        return reactions;
    }

    std::int64_t latest_campaign() {
        auto recent = campaign_store(*bot.db).recent(ward, 1);
        return recent.empty() ? 0 : recent.front().id;
    }
};

TEST_P(zalo_choices, a_leader_submits_the_report_privately_by_typing_1) {
    bot.say("z102", "/tham số 3 ngõ 1, cài VNeID cho 2 người");
    auto card = bot.say("z100", "/baocao");
    EXPECT_TRUE(offers_numbers(card)) << test_bot::joined(card);
    auto out = bot.say("z100", "1");
    EXPECT_TRUE(has(out, "Đã nộp Báo cáo tháng (tháng 11/2026)")) << test_bot::joined(out);
    EXPECT_TRUE(report());
    EXPECT_EQ(to_chat(out, "gw").size(), 1u) << "the ward's group hears of it";
}

TEST_P(zalo_choices, a_leader_submits_the_report_in_the_team_group_by_typing_1) {
    auto card = bot.say_in_group("g1", "z100", "/baocao");
    EXPECT_TRUE(offers_numbers(card)) << test_bot::joined(card);
    // Another member's number in the group answers nothing of the leader's.
    bot.say_in_group("g1", "z102", "1");
    EXPECT_FALSE(report());
    auto out = bot.say_in_group("g1", "z100", "1");
    EXPECT_TRUE(has(out, "Đã nộp Báo cáo tháng")) << test_bot::joined(out);
    EXPECT_TRUE(report());
}

TEST_P(zalo_choices, a_leader_adds_a_comment_by_typing_2_then_the_comment) {
    bot.say("z100", "/baocao");
    auto ask = bot.say("z100", "2");
    EXPECT_TRUE(has(ask, "Gõ ghi chú cho báo cáo")) << test_bot::joined(ask);
    auto out = bot.say("z100", "Tháng này tổ tập trung hướng dẫn VNeID");
    EXPECT_TRUE(has(out, "Đã nộp Báo cáo tháng")) << test_bot::joined(out);
    ASSERT_TRUE(report());
    EXPECT_EQ(report()->comment, "Tháng này tổ tập trung hướng dẫn VNeID");
}

TEST_P(zalo_choices, a_leader_opens_the_report_from_the_deadlines_list_and_submits_it) {
    auto list = bot.say("z100", "/hannop");
    EXPECT_TRUE(offers_numbers(list)) << test_bot::joined(list);
    auto card = bot.say("z100", "1");
    EXPECT_TRUE(has(card, "Báo cáo tháng — Tổ dân phố số 1")) << test_bot::joined(card);
    EXPECT_TRUE(offers_numbers(card));
    auto out = bot.say("z100", "1");
    EXPECT_TRUE(has(out, "Đã nộp Báo cáo tháng")) << test_bot::joined(out);
    EXPECT_TRUE(report());
}

TEST_P(zalo_choices, ward_staff_confirm_a_broadcast_by_typing_1_privately) {
    auto preview = bot.say("z900", "/thongbao Họp tổ trưởng lúc 19h tối nay");
    EXPECT_TRUE(offers_numbers(preview)) << test_bot::joined(preview);
    auto out = bot.say("z900", "1");
    std::set<std::string> groups;
    for (auto& o : out)
        if (o.campaign_id)
            groups.insert(o.to.chat_id);
    EXPECT_EQ(groups, (std::set<std::string>{"g1", "g2"})) << test_bot::joined(out);
    EXPECT_TRUE(has(out, "đang gửi tới 2 nhóm")) << test_bot::joined(out);
}

TEST_P(zalo_choices, ward_staff_cancel_a_broadcast_by_typing_2_in_the_ward_group) {
    auto preview = bot.say_in_group("gw", "z900", "/thongbao Họp tổ trưởng lúc 19h tối nay");
    EXPECT_TRUE(offers_numbers(preview)) << test_bot::joined(preview);
    auto out = bot.say_in_group("gw", "z900", "2");
    EXPECT_TRUE(has(out, "Đã hủy, thông báo không được gửi")) << test_bot::joined(out);
    for (auto& o : out)
        EXPECT_EQ(o.campaign_id, 0);
}

TEST_P(zalo_choices, ward_staff_resend_to_the_failed_groups_by_typing_1_under_the_delivery_report) {
    bot.say("z900", "/thongbao Nhắc các tổ nộp báo cáo tháng");
    bot.say("z900", "1");
    auto id = latest_campaign();
    auto report = play_deliveries(id, {"g2"});
    EXPECT_TRUE(offers_numbers(report)) << test_bot::joined(report);
    auto out = bot.say("z900", "1");
    std::set<std::string> groups;
    for (auto& o : out)
        if (o.campaign_id)
            groups.insert(o.to.chat_id);
    EXPECT_EQ(groups, std::set<std::string>{"g2"}) << test_bot::joined(out);
    EXPECT_TRUE(has(out, "đang gửi lại tới 1 nhóm lỗi")) << test_bot::joined(out);
}

TEST_P(zalo_choices, a_leader_confirms_or_declines_a_removal_by_number) {
    auto ask = bot.say("z100", "/xoa Hoàng Văn Em");
    EXPECT_TRUE(offers_numbers(ask)) << test_bot::joined(ask);
    auto kept = bot.say("z100", "2");
    EXPECT_TRUE(has(kept, "Đã giữ nguyên")) << test_bot::joined(kept);
    EXPECT_TRUE(member_store(*bot.db).by_id(quiet)->active);
    bot.say("z100", "/xoa Hoàng Văn Em");
    auto removed = bot.say("z100", "1");
    EXPECT_TRUE(has(removed, "Đã cho Hoàng Văn Em nghỉ")) << test_bot::joined(removed);
    EXPECT_FALSE(member_store(*bot.db).by_id(quiet)->active);
}

TEST_P(zalo_choices, a_member_answers_the_topic_question_by_number_privately_and_in_the_group) {
    auto ask = bot.say("z102", "/tham số 3 ngõ 1, 2 người");
    EXPECT_TRUE(offers_numbers(ask)) << test_bot::joined(ask);
    auto no = test::record_no(ask);
    bot.say("z102", "1");
    EXPECT_EQ(visit_store(*bot.db).by_id(no)->topics, std::vector<std::string>{"dvc"});

    auto in_group = bot.say_in_group("g1", "z102", "/tham số 4 ngõ 1, 2 người");
    EXPECT_TRUE(has(in_group, "Trả lời tin này bằng số hoặc tên nội dung: 1 Dịch vụ công"))
        << test_bot::joined(in_group);
    auto second = test::record_no(in_group);
    bot.say_in_group("g1", "z102", "1");
    EXPECT_EQ(visit_store(*bot.db).by_id(second)->topics, std::vector<std::string>{"dvc"});
}

TEST_P(zalo_choices, a_visit_written_without_the_command_is_logged_by_typing_1) {
    auto offer = bot.say("z102", "số 14 ngõ 5, hướng dẫn 2 người cài VNeID");
    EXPECT_TRUE(offers_numbers(offer)) << test_bot::joined(offer);
    auto out = bot.say("z102", "1");
    auto no = test::record_no(out);
    ASSERT_GT(no, 0) << test_bot::joined(out);
    EXPECT_EQ(visit_store(*bot.db).by_id(no)->kind, activity_kind::visit);
}

TEST_P(zalo_choices, a_leader_reminds_the_idle_from_the_stats_by_typing_1) {
    bot.say("z102", "/tham số 3 ngõ 1, cài VNeID cho 2 người");
    auto stats = bot.say("z100", "/thongke");
    EXPECT_TRUE(offers_numbers(stats)) << test_bot::joined(stats);
    auto out = bot.say("z100", "1");
    auto posts = to_chat(out, "g1");
    ASSERT_EQ(posts.size(), 1u) << test_bot::joined(out);
    EXPECT_NE(posts[0].text.find("Hoàng Văn Em"), std::string::npos) << posts[0].text;
}

// A member reading "1. 📤 Nộp báo cáo" may well type "nộp": only the topic question took words.
TEST_P(zalo_choices, a_leader_submits_the_report_by_typing_its_words) {
    bot.say("z100", "/baocao");
    auto out = bot.say("z100", "nộp");
    EXPECT_TRUE(has(out, "Đã nộp Báo cáo tháng (tháng 11/2026)")) << test_bot::joined(out);
    EXPECT_TRUE(report());
}

TEST_P(zalo_choices, a_leader_asks_for_the_comment_by_typing_ghi_chu) {
    bot.say("z100", "/baocao");
    auto ask = bot.say("z100", "ghi chú");
    EXPECT_TRUE(has(ask, "Gõ ghi chú cho báo cáo")) << test_bot::joined(ask);
    EXPECT_FALSE(report());
}

TEST_P(zalo_choices, ward_staff_send_a_broadcast_by_typing_gui_and_cancel_one_by_typing_huy) {
    bot.say("z900", "/thongbao Họp tổ trưởng lúc 19h tối nay");
    auto sent = bot.say("z900", "gửi đi");
    EXPECT_TRUE(has(sent, "đang gửi tới 2 nhóm")) << test_bot::joined(sent);
    bot.say_in_group("gw", "z900", "/thongbao Họp lại lúc 20h");
    auto out = bot.say_in_group("gw", "z900", "Hủy");
    EXPECT_TRUE(has(out, "Đã hủy, thông báo không được gửi")) << test_bot::joined(out);
}

TEST_P(zalo_choices, ward_staff_resend_to_the_failed_groups_by_typing_gui_lai) {
    bot.say("z900", "/thongbao Nhắc các tổ nộp báo cáo tháng");
    bot.say("z900", "1");
    play_deliveries(latest_campaign(), {"g2"});
    auto out = bot.say("z900", "gửi lại");
    EXPECT_TRUE(has(out, "đang gửi lại tới 1 nhóm lỗi")) << test_bot::joined(out);
}

TEST_P(zalo_choices, a_leader_declines_or_confirms_a_removal_in_words) {
    bot.say("z100", "/xoa Hoàng Văn Em");
    auto kept = bot.say("z100", "không");
    EXPECT_TRUE(has(kept, "Đã giữ nguyên")) << test_bot::joined(kept);
    bot.say("z100", "/xoa Hoàng Văn Em");
    auto removed = bot.say("z100", "cho nghỉ");
    EXPECT_TRUE(has(removed, "Đã cho Hoàng Văn Em nghỉ")) << test_bot::joined(removed);
    EXPECT_FALSE(member_store(*bot.db).by_id(quiet)->active);
}

TEST_P(zalo_choices, a_visit_written_without_the_command_is_logged_as_a_session_in_words) {
    bot.say("z102", "số 14 ngõ 5, hướng dẫn 2 người cài VNeID");
    auto out = bot.say("z102", "buổi hướng dẫn");
    auto no = test::record_no(out);
    ASSERT_GT(no, 0) << test_bot::joined(out);
    EXPECT_EQ(visit_store(*bot.db).by_id(no)->kind, activity_kind::session);
}

TEST_P(zalo_choices, a_leader_reminds_the_idle_by_typing_nhac) {
    bot.say("z102", "/tham số 3 ngõ 1, cài VNeID cho 2 người");
    bot.say("z100", "/thongke");
    auto out = bot.say("z100", "nhắc");
    ASSERT_EQ(to_chat(out, "g1").size(), 1u) << test_bot::joined(out);
}

// "ok" under the report card was "I did not understand" and the list was forgotten, so the
// "1" that followed did nothing. Now it says what to type, and the list still answers.
TEST_P(zalo_choices, a_reply_that_names_no_choice_says_what_to_type_and_keeps_the_list) {
    auto card = test_bot::joined(bot.say("z100", "/baocao"));
    auto hint = test_bot::joined(bot.say("z100", "ok"));
    EXPECT_NE(hint.find("«ok» không khớp mục nào"), std::string::npos) << hint;
    // Submit, submit with a comment, and the two other reports the team has not sent, which a
    // list without buttons must not tell to press.
    EXPECT_NE(card.find("Tổ còn báo cáo khác chưa nộp: Báo cáo tổng kết năm"), std::string::npos) << card;
    EXPECT_NE(card.find("Chọn bên dưới để mở"), std::string::npos) << card;
    EXPECT_EQ(card.find("Bấm nút"), std::string::npos) << card;
    EXPECT_NE(hint.find("Gõ số từ 1 đến 4, hoặc tên mục, ví dụ «Nộp báo cáo»"), std::string::npos) << hint;
    EXPECT_FALSE(report());
    auto out = bot.say("z100", "1");
    EXPECT_TRUE(has(out, "Đã nộp Báo cáo tháng")) << test_bot::joined(out);
}

// In the team's group, words answer only the one asked; chatter gets no hint.
TEST_P(zalo_choices, in_a_group_words_answer_only_the_one_asked_and_chatter_is_left_alone) {
    bot.say_in_group("g1", "z100", "/baocao");
    EXPECT_TRUE(bot.say_in_group("g1", "z102", "nộp").empty());
    EXPECT_TRUE(bot.say_in_group("g1", "z100", "ok mọi người").empty());
    EXPECT_FALSE(report());
    auto out = bot.say_in_group("g1", "z100", "nộp báo cáo");
    EXPECT_TRUE(has(out, "Đã nộp Báo cáo tháng")) << test_bot::joined(out);
}

INSTANTIATE_TEST_SUITE_P(platforms, zalo_choices, ::testing::Values(channel::zalo_oa, channel::zalo_bot),
                         [](const auto& info) { return std::string(channel_name(info.param)); });

} // namespace
} // namespace cnscd
