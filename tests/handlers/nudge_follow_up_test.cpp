// A private /nhacnho (a team without a group) is one message per member. When some of them fail
// for good at delivery (blocked, Zalo's window closed, another error), the one who asked hears
// who was not reached, once every message has its outcome; when all arrive, nothing more is said.
// The platform's outcomes are played back through on_delivery as the outbox sender reports them.

#include "handlers/delivery_hooks.hpp"
#include "handlers/private_reach.hpp"
#include "storage/database.hpp"
#include "storage/outbox.hpp"
#include "storage/registry.hpp"
#include "tests/support/test_bot.hpp"

#include <gtest/gtest.h>

#include <map>

namespace cnscd {
namespace {

using test::test_bot;

// What the platform answers for one message.
enum class fate { delivered, blocked, no_window, refused };

struct nudge_follow_up : ::testing::Test {
    test_bot bot;
    std::int64_t ward = bot.ward("Phường Hòa Xuân");
    std::int64_t team = bot.team(ward, "Tổ dân phố số 3"); // no group chat
    std::int64_t leader = bot.member(ward, team, "Trần Văn Bình", "leader", "t1");
    std::int64_t cuc = bot.member(ward, team, "Lê Thị Cúc", "member", "t2");
    std::int64_t dung = bot.member(ward, team, "Phạm Thị Dung", "member", "t3");
    std::int64_t em = bot.member(ward, team, "Hoàng Văn Em", "member", "t4");

    // The private reminders a /nhacnho queued (rows after `after`), by chat id.
    std::map<std::string, outbox_row> reminders_after(std::int64_t after) {
        std::map<std::string, outbox_row> rows;
        for (auto id = after + 1;; ++id) {
            auto row = outbox(*bot.db).find(id);
            if (!row)
                break;
            if (row->message.chat_type == chat_kind::private_chat && row->message.to.chat_id != "t1" &&
                row->message.text.find("Nhắc ghi lượt hỗ trợ") != std::string::npos)
                rows.emplace(row->message.to.chat_id, *row);
        }
        return rows;
    }

    std::int64_t last_row() {
        std::int64_t id = 0;
        while (outbox(*bot.db).find(id + 1))
            ++id;
        return id;
    }

    // The leader's /nhacnho; returns its reminders by chat.
    std::map<std::string, outbox_row> nudge() {
        auto before = last_row();
        bot.say("t1", "/nhacnho");
        return reminders_after(before);
    }

    // The outcome of one message, as the sender reports it; returns what the bot queued then.
    std::vector<outgoing> report(const outbox_row& row, fate f) {
        delivery_report r;
        r.row = row;
        r.delivered = f == fate::delivered;
        r.chat_gone = f == fate::blocked;
        r.outside_window = f == fate::no_window;
        r.error = f == fate::blocked     ? "Forbidden: bot was blocked by the user"
                  : f == fate::no_window ? "Zalo error -230: User has not interacted with the OA in the "
                                           "past 7 days"
                  : f == fate::refused   ? "Bad Request: message is too long"
                                         : "";
        r.at = bot.clk.now();
        auto reactions = bot.report_delivery(r);
        bot.clk.advance(1);
        return reactions;
    }

    static chat_address tg(const std::string& id) { return {channel::telegram, id}; }
};

TEST_F(nudge_follow_up, mixed_outcomes_give_the_leader_one_note_naming_who_was_not_reached_and_why) {
    auto rows = nudge();
    ASSERT_EQ(rows.size(), 3u);
    EXPECT_TRUE(report(rows.at("t2"), fate::blocked).empty()) << "not before every outcome is known";
    EXPECT_TRUE(report(rows.at("t3"), fate::delivered).empty());
    auto note = report(rows.at("t4"), fate::refused);
    ASSERT_EQ(note.size(), 1u) << test_bot::joined(note);
    EXPECT_EQ(note[0].to, tg("t1")) << "in the chat where the leader asked";
    auto text = test_bot::joined(note);
    EXPECT_NE(text.find("Lời nhắc riêng (Tổ dân phố số 3) chưa đến được 2 trong 3 người"), std::string::npos)
        << text;
    EXPECT_NE(text.find("• Lê Thị Cúc: đã chặn bot"), std::string::npos) << text;
    EXPECT_NE(text.find("• Hoàng Văn Em: gửi không được (Bad Request: message is too long)"),
              std::string::npos)
        << text;
    EXPECT_EQ(text.find("Phạm Thị Dung"), std::string::npos) << "she got it: " << text;
    EXPECT_NE(text.find("Hãy gọi điện nhắc trực tiếp, và nhờ họ nhắn một tin bất kỳ cho bot"),
              std::string::npos)
        << text;
}

TEST_F(nudge_follow_up, when_every_reminder_arrives_nothing_more_is_said) {
    auto rows = nudge();
    ASSERT_EQ(rows.size(), 3u);
    for (auto& [chat, row] : rows)
        EXPECT_TRUE(report(row, fate::delivered).empty()) << chat;
}

TEST_F(nudge_follow_up, outcomes_in_any_order_and_twice_give_one_note_after_the_last) {
    auto rows = nudge();
    ASSERT_EQ(rows.size(), 3u);
    EXPECT_TRUE(report(rows.at("t4"), fate::delivered).empty());
    EXPECT_TRUE(report(rows.at("t2"), fate::delivered).empty());
    EXPECT_TRUE(report(rows.at("t4"), fate::refused).empty()) << "a second report of a settled message";
    auto note = report(rows.at("t3"), fate::blocked);
    ASSERT_EQ(note.size(), 1u) << test_bot::joined(note);
    auto text = test_bot::joined(note);
    EXPECT_NE(text.find("chưa đến được 1 trong 3 người"), std::string::npos) << text;
    EXPECT_NE(text.find("• Phạm Thị Dung: đã chặn bot"), std::string::npos) << text;
    EXPECT_EQ(text.find("Hoàng Văn Em"), std::string::npos) << text;
    EXPECT_TRUE(report(rows.at("t3"), fate::blocked).empty()) << "the note is said once";
}

TEST_F(nudge_follow_up, a_member_reached_on_one_of_two_accounts_counts_as_reached) {
    // Cúc also uses the Zalo OA (she wrote to it just now, so its window is open).
    member_store(*bot.db).link_account(channel::zalo_oa, "z2", cuc, "test", bot.clk.now());
    member_store(*bot.db).link_account(channel::zalo_oa, "z4", em, "test", bot.clk.now());
    auto rows = nudge();
    ASSERT_EQ(rows.size(), 5u);
    EXPECT_TRUE(report(rows.at("t2"), fate::blocked).empty());
    EXPECT_TRUE(report(rows.at("z2"), fate::delivered).empty());
    EXPECT_TRUE(report(rows.at("t3"), fate::delivered).empty());
    EXPECT_TRUE(report(rows.at("t4"), fate::blocked).empty());
    auto note = report(rows.at("z4"), fate::no_window);
    ASSERT_EQ(note.size(), 1u) << test_bot::joined(note);
    auto text = test_bot::joined(note);
    EXPECT_NE(text.find("chưa đến được 1 trong 3 người"), std::string::npos) << text;
    EXPECT_EQ(text.find("Lê Thị Cúc"), std::string::npos) << "her Zalo got it: " << text;
    // Em is named once, with each account's reason.
    EXPECT_NE(
        text.find("• Hoàng Văn Em: đã chặn bot hoặc bỏ quan tâm OA; quá 7 ngày chưa nhắn cho OA Zalo nên "
                  "Zalo chặn tin; họ cần nhắn cho OA trước"),
        std::string::npos)
        << text;
}

TEST_F(nudge_follow_up, the_note_is_in_the_language_of_the_one_who_asked) {
    member_store(*bot.db).set_language(leader, "en");
    auto rows = nudge();
    ASSERT_EQ(rows.size(), 3u);
    report(rows.at("t2"), fate::delivered);
    report(rows.at("t3"), fate::delivered);
    auto note = report(rows.at("t4"), fate::no_window);
    auto text = test_bot::joined(note);
    EXPECT_NE(
        text.find("The private reminder (Tổ dân phố số 3) did not reach 1 of 3:\n• Hoàng Văn Em: silent on "
                  "the Zalo OA for 7 days, so Zalo refused; they need to message the OA first\nCall them"),
        std::string::npos)
        << text;
}

// The sender marks a chat the platform says is gone (bot blocked) inactive: the next nudge does
// not write there in vain but names the member as unreachable, until they write to the bot again.
TEST_F(nudge_follow_up, a_member_who_blocked_the_bot_is_unreachable_next_time_until_they_write_again) {
    auto rows = nudge();
    ASSERT_EQ(rows.size(), 3u);
    outbox(*bot.db).mark_chat_inactive(channel::telegram, "t2", "Forbidden: bot was blocked by the user",
                                       bot.clk.now());
    bot.clk.advance(13 * 3600);
    auto before = last_row();
    auto out = bot.say("t1", "/nhacnho");
    auto again = reminders_after(before);
    EXPECT_EQ(again.size(), 2u) << test_bot::joined(out);
    EXPECT_FALSE(again.contains("t2")) << test_bot::joined(out);
    EXPECT_NE(test_bot::joined(out).find("Không nhắn riêng được cho: Lê Thị Cúc (chưa liên kết tài khoản, đã "
                                         "chặn bot"),
              std::string::npos)
        << test_bot::joined(out);

    bot.say("t2", "/toi"); // she unblocked the bot and wrote
    bot.clk.advance(13 * 3600);
    EXPECT_TRUE(nudge().contains("t2"));
}

// Telegram tells the bot when someone blocks it in their private chat and when they unblock it
// (my_chat_member): from the unblock on they are reached again, without having to write first.
TEST_F(nudge_follow_up, a_member_who_unblocks_the_bot_is_reachable_again_before_writing) {
    auto event = [&](incoming_kind kind) {
        incoming in;
        in.kind = kind;
        in.chat = tg("t2");
        in.chat_type = chat_kind::private_chat;
        in.user_id = "t2";
        return bot.deliver(in);
    };
    EXPECT_TRUE(event(incoming_kind::bot_removed).empty());
    auto out = bot.say("t1", "/nhacnho");
    EXPECT_NE(test_bot::joined(out).find("Không nhắn riêng được cho: Lê Thị Cúc (chưa liên kết tài khoản, đã "
                                         "chặn bot"),
              std::string::npos)
        << test_bot::joined(out);

    bot.clk.advance(13 * 3600);
    auto said = event(incoming_kind::bot_added);
    EXPECT_TRUE(said.empty()) << "their app shows a Start button; the bot says nothing: "
                              << test_bot::joined(said);
    EXPECT_TRUE(nudge().contains("t2"));
}

// Zalo refuses a private message for its window (-230, -232) although by the bot's count the
// person wrote recently: the next /nhacnho does not write there in vain but names them, the
// members' list marks them as waiting, until they write to the OA again.
TEST(nudge_window_refused, a_member_zalo_refused_for_the_window_waits_for_their_next_message) {
    test_bot bot;
    bot.platform = channel::zalo_oa;
    auto ward = bot.ward("Phường Hòa Xuân");
    auto team = bot.team(ward, "Tổ dân phố số 3");
    bot.member(ward, team, "Trần Văn Bình", "leader", "z1");
    auto cuc = bot.member(ward, team, "Lê Thị Cúc", "member", "z2");
    bot.member(ward, team, "Phạm Thị Dung", "member", "z3");
    auto nudge = [&] {
        auto out = test_bot::joined(bot.say("z1", "/nhacnho"));
        bot.clk.advance(13 * 3600); // one /nhacnho per 12 hours
        return out;
    };
    auto first = nudge();
    EXPECT_NE(first.find("đã nhắc riêng 2 người chưa ghi"), std::string::npos) << first;
    std::optional<outbox_row> to_cuc;
    for (std::int64_t id = 1; auto row = outbox(*bot.db).find(id); ++id)
        if (row->message.to.chat_id == "z2")
            to_cuc = row;
    ASSERT_TRUE(to_cuc);
    delivery_report r;
    r.row = *to_cuc;
    r.error = "Zalo error -230: User has not interacted with the OA in the past 7 days";
    r.outside_window = true;
    r.at = bot.clk.now();
    bot.report_delivery(r);
    EXPECT_EQ(private_reach_of(*bot.db, cuc, bot.clk.now()), private_reach::waiting);

    auto second = nudge();
    EXPECT_NE(second.find("đã nhắc riêng 1 người chưa ghi. Không nhắn riêng được cho: Lê Thị Cúc"),
              std::string::npos)
        << second;
    auto list = test_bot::joined(bot.say("z1", "/thanhvien"));
    EXPECT_NE(list.find("Lê Thị Cúc — thành viên ✅ 💤"), std::string::npos) << list;
    EXPECT_EQ(list.find("Phạm Thị Dung — thành viên ✅ 💤"), std::string::npos) << list;

    bot.say("z2", "/toi"); // she writes to the OA: the window is open again
    EXPECT_EQ(private_reach_of(*bot.db, cuc, bot.clk.now()), private_reach::open);
    auto third = nudge();
    EXPECT_NE(third.find("đã nhắc riêng 2 người chưa ghi"), std::string::npos) << third;
}

// Zalo tells the OA when someone unfollows it; Zalo refuses the OA's messages to them from then.
TEST(nudge_unfollowed, a_member_who_unfollowed_the_zalo_oa_is_unreachable_until_they_follow_again) {
    test_bot bot;
    bot.platform = channel::zalo_oa;
    auto ward = bot.ward("Phường Hòa Xuân");
    auto team = bot.team(ward, "Tổ dân phố số 3");
    bot.member(ward, team, "Trần Văn Bình", "leader", "z1");
    bot.member(ward, team, "Lê Thị Cúc", "member", "z2");
    auto event = [&](incoming_kind kind) {
        incoming in;
        in.kind = kind;
        in.chat = {channel::zalo_oa, "z2"};
        in.user_id = "z2";
        bot.deliver(in);
    };
    event(incoming_kind::unfollow);
    auto out = test_bot::joined(bot.say("z1", "/nhacnho"));
    EXPECT_NE(out.find("bot không nhắn riêng được cho ai trong số những người chưa ghi (Lê Thị Cúc)"),
              std::string::npos)
        << out;
    event(incoming_kind::follow);
    out = test_bot::joined(bot.say("z1", "/nhacnho"));
    EXPECT_NE(out.find("đã nhắc riêng 1 người chưa ghi"), std::string::npos) << out;
}

} // namespace
} // namespace cnscd
