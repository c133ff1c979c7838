// What members and leaders meet in real Telegram groups: forum topics, admins posting
// anonymously, people posting as a channel.

#include "handlers/handlers.hpp"
#include "messages/catalog.hpp"
#include "storage/database.hpp"
#include "storage/registry.hpp"
#include "storage/visit_store.hpp"
#include "tests/support/test_bot.hpp"

#include <gtest/gtest.h>

namespace cnscd {
namespace {

using test::has;
using test::record_no;
using test::test_bot;

struct group_fixture : ::testing::Test {
    test_bot bot;
    std::int64_t ward = bot.ward("Phường Hòa Xuân");
    std::int64_t team1 = bot.team(ward, "Tổ dân phố số 1");
    std::int64_t leader = bot.member(ward, team1, "Trần Văn Bình", "leader", "100");
    std::int64_t member = bot.member(ward, team1, "Phạm Thị Dung", "member", "102");
    visit_store visits{*bot.db};
    const std::string group = "-1001987654321";

    group_fixture() { bot.bind_group(group, ward, team1); }

    // `text` written by `user_id` in forum topic `thread` of the group ("" = General).
    std::vector<outgoing> say_in_topic(const std::string& thread, const std::string& user_id,
                                       const std::string& text) {
        incoming in;
        in.chat = {channel::telegram, group};
        in.chat_type = chat_kind::group;
        in.chat_title = "Tổ 1";
        in.user_id = user_id;
        in.message_ref = std::to_string(bot.next_update + 1000);
        in.thread_id = thread;
        in.text = text;
        return bot.deliver(std::move(in));
    }

    // `text` sent in the group in the name of a chat (anonymous admin, channel).
    std::vector<outgoing> say_as(sender_chat_kind who, const std::string& text,
                                 incoming_kind kind = incoming_kind::message) {
        incoming in;
        in.kind = kind;
        in.chat = {channel::telegram, group};
        in.chat_type = chat_kind::group;
        in.user_id = who == sender_chat_kind::anonymous_admin ? "1087968824"
                     : who == sender_chat_kind::channel       ? "136817688"
                                                              : "777000";
        in.user_name = "Group";
        in.message_ref = std::to_string(bot.next_update + 1000);
        in.sender_chat = who;
        in.text = text;
        return bot.deliver(std::move(in));
    }

    // Whether any visit was recorded (ids start at 1).
    bool any_visit() { return visits.by_id(1).has_value(); }
};

TEST_F(group_fixture, a_visit_logged_in_a_topic_is_confirmed_and_asked_about_in_that_topic) {
    auto out = say_in_topic("805", "102", "/tham số 8 kiệt 4");
    ASSERT_EQ(out.size(), 1u);
    auto no = record_no(out);
    ASSERT_GT(no, 0);
    EXPECT_EQ(out[0].to.chat_id, group);
    EXPECT_EQ(out[0].thread_id, "805") << "read back from the outbox: the confirmation goes to the topic";
    EXPECT_TRUE(has(out, "Trả lời tin này bằng số")) << test_bot::joined(out);
    // The answer to the question, in the same topic, is confirmed there too.
    auto answered = say_in_topic("805", "102", "2");
    ASSERT_EQ(answered.size(), 1u);
    EXPECT_EQ(answered[0].thread_id, "805");
    EXPECT_TRUE(has(answered, "Đã cập nhật số " + std::to_string(no))) << test_bot::joined(answered);
}

TEST_F(group_fixture, a_mistake_in_a_topic_is_explained_in_that_topic_and_general_stays_general) {
    auto wrong = say_in_topic("811", "102", "/tham");
    ASSERT_FALSE(wrong.empty());
    for (auto& o : wrong)
        EXPECT_EQ(o.thread_id, "811") << o.text;
    auto general = say_in_topic("", "102", "/tham số 3 ngõ 2, VNeID");
    ASSERT_FALSE(general.empty());
    for (auto& o : general)
        EXPECT_EQ(o.thread_id, "") << o.text;
}

TEST_F(group_fixture, a_button_pressed_in_a_topic_answers_in_that_topic_and_private_notes_stay_private) {
    auto no = record_no(say_in_topic("805", "102", "/tham số 8 kiệt 4"));
    incoming press;
    press.kind = incoming_kind::choice;
    press.chat = {channel::telegram, group};
    press.chat_type = chat_kind::group;
    press.user_id = "102";
    press.thread_id = "805";
    press.choice_data = "t:" + std::to_string(no) + ":vneid";
    press.choice_ref = "cb1";
    press.message_ref = "900";
    auto out = bot.deliver(press);
    ASSERT_FALSE(out.empty());
    for (auto& o : out) {
        if (o.to.chat_id != group || o.kind == outgoing_kind::answer_choice || o.kind == outgoing_kind::edit)
            EXPECT_EQ(o.thread_id, "") << o.text;
        else
            EXPECT_EQ(o.thread_id, "805") << o.text;
    }
    EXPECT_EQ(visits.by_id(no)->topics, std::vector<std::string>{"vneid"});
}

// A member asked the topic question in one topic types "2" in another: that was chatter in the
// second topic. It answered the first topic's question, and the answer was read in the wrong topic.
TEST_F(group_fixture, a_number_typed_in_another_topic_does_not_answer_the_question_asked_in_the_first) {
    auto no = record_no(say_in_topic("805", "102", "/tham số 8 kiệt 4"));
    ASSERT_GT(no, 0);
    EXPECT_TRUE(say_in_topic("811", "102", "2").empty()) << "a number in another topic is its chatter";
    EXPECT_TRUE(say_in_topic("811", "102", "cài VNeID").empty()) << "and so are topic words there";
    EXPECT_TRUE(say_in_topic("", "102", "Chiều nay ai đi họp?").empty())
        << "chatter in General stays chatter";
    EXPECT_EQ(visits.by_id(no)->topics, std::vector<std::string>{"khac"});
    // The question still waits in its own topic and is answered there.
    auto answered = say_in_topic("805", "102", "2");
    ASSERT_EQ(answered.size(), 1u);
    EXPECT_EQ(answered[0].thread_id, "805");
    EXPECT_TRUE(has(answered, "Đã cập nhật số " + std::to_string(no))) << test_bot::joined(answered);
    EXPECT_NE(visits.by_id(no)->topics, std::vector<std::string>{"khac"});
}

// An admin deletes the topic a member was asked in (Telegram says nothing to the bot): the member
// can only answer in "General", and the answer was taken for chatter, the visit left under «Khác».
TEST_F(group_fixture, an_answer_in_general_reaches_the_question_of_a_deleted_topic) {
    auto no = record_no(say_in_topic("805", "102", "/tham số 8 kiệt 4"));
    ASSERT_GT(no, 0);
    EXPECT_TRUE(say_in_topic("", "100", "2").empty()) << "the leader's number is not the member's answer";
    auto answered = say_in_topic("", "102", "2");
    ASSERT_EQ(answered.size(), 1u) << test_bot::joined(answered);
    EXPECT_EQ(answered[0].thread_id, "") << "confirmed in General, where the member is";
    EXPECT_TRUE(has(answered, "Đã cập nhật số " + std::to_string(no))) << test_bot::joined(answered);
    EXPECT_NE(visits.by_id(no)->topics, std::vector<std::string>{"khac"});
    // Answered once: another "2" in General is chatter again.
    EXPECT_TRUE(say_in_topic("", "102", "2").empty());
}

// The answer in words works there too, and a number the list does not have stays chatter.
TEST_F(group_fixture, topic_words_in_general_answer_a_deleted_topics_question_and_other_numbers_do_not) {
    auto no = record_no(say_in_topic("805", "102", "/tham số 8 kiệt 4"));
    ASSERT_GT(no, 0);
    EXPECT_TRUE(say_in_topic("", "102", "42").empty()) << "not one of the choices";
    auto answered = say_in_topic("", "102", "cài VNeID");
    ASSERT_EQ(answered.size(), 1u) << test_bot::joined(answered);
    EXPECT_TRUE(has(answered, "Đã cập nhật số " + std::to_string(no))) << test_bot::joined(answered);
    EXPECT_EQ(visits.by_id(no)->topics, std::vector<std::string>{"vneid"});
}

// Asked in two topics, both gone: the answer in General is for the latest question, and the
// earlier one is answered next.
TEST_F(group_fixture, an_answer_in_general_goes_to_the_latest_of_several_questions_in_topics) {
    auto first = record_no(say_in_topic("805", "102", "/tham số 8 kiệt 4"));
    bot.clk.advance(60);
    auto second = record_no(say_in_topic("811", "102", "/tham số 2 ngõ 9"));
    ASSERT_GT(second, first);
    auto answered = say_in_topic("", "102", "cài VNeID");
    EXPECT_TRUE(has(answered, "Đã cập nhật số " + std::to_string(second))) << test_bot::joined(answered);
    EXPECT_EQ(visits.by_id(second)->topics, std::vector<std::string>{"vneid"});
    EXPECT_EQ(visits.by_id(first)->topics, std::vector<std::string>{"khac"});
    answered = say_in_topic("", "102", "2");
    EXPECT_TRUE(has(answered, "Đã cập nhật số " + std::to_string(first))) << test_bot::joined(answered);
    EXPECT_NE(visits.by_id(first)->topics, std::vector<std::string>{"khac"});
}

// An admin closes a topic while the bot waits for answers there: Telegram says so in the topic
// (forum_topic_closed), and members can no longer write in it. The group hears in "General" whom
// the bot waits for and how to answer there; every open question of the topic, also one that
// takes text (a report's comment), is answered in "General".
TEST_F(group_fixture, when_a_topic_is_closed_its_questions_are_answered_in_general) {
    auto no = record_no(say_in_topic("805", "102", "/tham số 8 kiệt 4"));
    ASSERT_GT(no, 0);
    incoming press;
    press.kind = incoming_kind::choice;
    press.chat = {channel::telegram, group};
    press.chat_type = chat_kind::group;
    press.user_id = "100"; // the leader adds a comment to the month's report
    press.thread_id = "805";
    press.choice_data = "rp:c:" + std::to_string(team1) + ":monthly:2026-11";
    press.choice_ref = "cb9";
    press.message_ref = "905";
    ASSERT_TRUE(has(bot.deliver(press), "Gõ ghi chú"));

    incoming closed;
    closed.kind = incoming_kind::topic_closed;
    closed.chat = {channel::telegram, group};
    closed.chat_type = chat_kind::group;
    closed.user_id = "100";
    closed.thread_id = "805";
    closed.message_ref = "906";
    auto notice = bot.deliver(closed);
    ASSERT_EQ(notice.size(), 1u) << test_bot::joined(notice);
    EXPECT_EQ(notice[0].to.chat_id, group);
    EXPECT_EQ(notice[0].thread_id, "") << "said in General: the closed topic takes no answers";
    EXPECT_TRUE(has(notice, "vừa được đóng")) << notice[0].text;
    EXPECT_TRUE(has(notice, "Phạm Thị Dung")) << notice[0].text;
    EXPECT_TRUE(has(notice, "Trần Văn Bình")) << notice[0].text;
    EXPECT_TRUE(has(notice, "trả lời ngay tại đây")) << notice[0].text;

    auto comment = say_in_topic("", "100", "Tổ đã tổ chức 2 buổi ở chợ");
    EXPECT_TRUE(has(comment, "Đã nộp")) << test_bot::joined(comment);
    auto answered = say_in_topic("", "102", "2");
    ASSERT_EQ(answered.size(), 1u) << test_bot::joined(answered);
    EXPECT_EQ(answered[0].thread_id, "");
    EXPECT_TRUE(has(answered, "Đã cập nhật số " + std::to_string(no))) << test_bot::joined(answered);
    // Closing a topic where nobody is asked anything says nothing.
    closed.thread_id = "811";
    EXPECT_TRUE(bot.deliver(closed).empty());
}

// Two visits without a topic, logged in two topics: each topic's question stays open and each
// answer files its own record, confirmed in its own topic.
TEST_F(group_fixture, questions_asked_in_two_topics_are_each_answered_in_their_own) {
    auto first = record_no(say_in_topic("805", "102", "/tham số 8 kiệt 4"));
    auto second_out = say_in_topic("811", "102", "/tham số 2 ngõ 9");
    auto second = record_no(second_out);
    ASSERT_GT(first, 0);
    ASSERT_GT(second, first);
    EXPECT_FALSE(has(second_out, "chưa được trả lời"))
        << "the first topic's question was not replaced: " << test_bot::joined(second_out);
    auto in_second = say_in_topic("811", "102", "3");
    ASSERT_EQ(in_second.size(), 1u);
    EXPECT_EQ(in_second[0].thread_id, "811");
    EXPECT_TRUE(has(in_second, "Đã cập nhật số " + std::to_string(second))) << test_bot::joined(in_second);
    auto in_first = say_in_topic("805", "102", "2");
    ASSERT_EQ(in_first.size(), 1u);
    EXPECT_EQ(in_first[0].thread_id, "805");
    EXPECT_TRUE(has(in_first, "Đã cập nhật số " + std::to_string(first))) << test_bot::joined(in_first);
    EXPECT_NE(visits.by_id(first)->topics, visits.by_id(second)->topics);
}

// Telegram lets a bot's private chat have topics (Bot API 9.3: message_thread_id and
// is_topic_message in private chats): the member's /tham there is confirmed, asked about and
// answered in that topic, and a number typed in another topic answers nothing.
TEST_F(group_fixture, a_visit_logged_in_a_private_topic_is_answered_in_that_topic) {
    auto in_private_topic = [&](const std::string& thread, const std::string& text) {
        incoming in;
        in.chat = {channel::telegram, "102"};
        in.chat_type = chat_kind::private_chat;
        in.user_id = "102";
        in.message_ref = std::to_string(bot.next_update + 1000);
        in.thread_id = thread;
        in.text = text;
        return bot.deliver(std::move(in));
    };
    auto out = in_private_topic("7", "/tham số 8 kiệt 4");
    ASSERT_EQ(out.size(), 1u);
    auto no = record_no(out);
    ASSERT_GT(no, 0);
    EXPECT_EQ(out[0].thread_id, "7");
    ASSERT_FALSE(out[0].choices.empty()) << "private chats get the topic buttons";
    // A number in another private topic does not file the record.
    for (auto& o : in_private_topic("9", "2"))
        EXPECT_EQ(o.thread_id, "9") << o.text;
    EXPECT_EQ(visits.by_id(no)->topics, std::vector<std::string>{"khac"});
    // The button under the question, pressed in its topic, answers there.
    incoming press;
    press.kind = incoming_kind::choice;
    press.chat = {channel::telegram, "102"};
    press.chat_type = chat_kind::private_chat;
    press.user_id = "102";
    press.thread_id = "7";
    press.choice_data = test_bot::button(out, "VNeID");
    press.choice_ref = "cb7";
    press.message_ref = "901";
    ASSERT_FALSE(press.choice_data.empty()) << test_bot::joined(out);
    auto pressed = bot.deliver(press);
    bool confirmed = false;
    for (auto& o : pressed)
        if (o.kind == outgoing_kind::text) {
            EXPECT_EQ(o.thread_id, "7") << o.text;
            confirmed = confirmed || o.text.find("Đã cập nhật số " + std::to_string(no)) != std::string::npos;
        }
    EXPECT_TRUE(confirmed) << test_bot::joined(pressed);
    EXPECT_EQ(visits.by_id(no)->topics, std::vector<std::string>{"vneid"});
}

// An admin with "Remain anonymous" on writes as @GroupAnonymousBot, the same account for every
// such admin of every group: nothing may be recorded, registered or counted for it.
TEST_F(group_fixture, commands_from_an_anonymous_admin_record_nothing_and_say_how_to_be_known) {
    ward_store(*bot.db).set_join_policy(ward, "open"); // where writing in the group registers a member
    for (std::string text : {"/tham số 3 ngõ 7, hướng dẫn VNeID", "/thongke", "/toi", "/start", "/thanhvien",
                             "/ma ABC123", "/lienket"}) {
        auto out = say_as(sender_chat_kind::anonymous_admin, text);
        ASSERT_EQ(out.size(), 1u) << text;
        EXPECT_TRUE(has(out, "quản trị viên ẩn danh")) << text << ": " << test_bot::joined(out);
        EXPECT_TRUE(has(out, "tắt Ẩn danh")) << test_bot::joined(out);
        EXPECT_EQ(out[0].to.chat_id, group);
    }
    EXPECT_FALSE(any_visit());
    EXPECT_FALSE(member_store(*bot.db).by_account(channel::telegram, "1087968824"))
        << "the shared anonymous account was registered as a member";
    // Chatter and a number are not commands: nothing at all.
    EXPECT_TRUE(say_as(sender_chat_kind::anonymous_admin, "Chào cả tổ, mai họp 8 giờ").empty());
    EXPECT_TRUE(say_as(sender_chat_kind::anonymous_admin, "2").empty());
    // An edit of such a message changes nothing either.
    EXPECT_TRUE(
        say_as(sender_chat_kind::anonymous_admin, "/tham số 4", incoming_kind::edited_message).empty());
}

TEST_F(group_fixture, the_anonymous_account_never_speaks_for_a_member_even_if_linked_to_one) {
    // Linked by an older version (open join) before it knew the account is shared.
    member_store(*bot.db).link_account(channel::telegram, "1087968824", member, "open_join", 0);
    auto out = say_as(sender_chat_kind::anonymous_admin, "/toi");
    EXPECT_FALSE(has(out, "Phạm Thị Dung")) << test_bot::joined(out);
    EXPECT_TRUE(has(out, "quản trị viên ẩn danh")) << test_bot::joined(out);
    say_as(sender_chat_kind::anonymous_admin, "/tham số 3 ngõ 7");
    EXPECT_FALSE(any_visit());
}

TEST_F(group_fixture, a_command_posted_as_a_channel_is_explained_and_a_linked_channel_post_is_ignored) {
    auto out = say_as(sender_chat_kind::channel, "/toi");
    ASSERT_EQ(out.size(), 1u);
    EXPECT_TRUE(has(out, "dưới tên một kênh")) << test_bot::joined(out);
    EXPECT_TRUE(say_as(sender_chat_kind::linked_channel, "/tham là lệnh ghi lượt hỗ trợ").empty());
    EXPECT_FALSE(any_visit());
}

// A member forwards a colleague's "/tham ..." into the group (or to the bot): the visit was the
// colleague's, and recording it as the forwarder's counted it for the wrong person (and twice).
TEST_F(group_fixture, a_forwarded_visit_of_someone_else_is_not_recorded_for_the_forwarder) {
    for (auto where : {group, std::string("102")}) {
        incoming in;
        in.chat = {channel::telegram, where};
        in.chat_type = where == group ? chat_kind::group : chat_kind::private_chat;
        in.user_id = "102";
        in.message_ref = "77";
        in.forwarded_from_other = true;
        in.text = "/tham số 9 ngõ 3, hướng dẫn VNeID cho 2 người";
        auto out = bot.deliver(in);
        ASSERT_EQ(out.size(), 1u) << where;
        EXPECT_TRUE(has(out, "tin chuyển tiếp từ người khác")) << test_bot::joined(out);
        EXPECT_FALSE(any_visit()) << where;
        // Forwarded chatter in the group is left alone.
        in.text = "Mai họp tổ lúc 8 giờ";
        EXPECT_EQ(bot.deliver(in).empty(), where == group) << where;
    }
    // Written by the member: recorded as before.
    EXPECT_GT(record_no(say_in_topic("", "102", "/tham số 9 ngõ 3, hướng dẫn VNeID cho 2 người")), 0);
}

// An admin bot (privacy mode off) reads every message: chatter gets no answer, an open question
// still gets its answer.
TEST_F(group_fixture, with_every_message_seen_plain_chat_gets_no_answer) {
    EXPECT_TRUE(say_in_topic("", "555", "Chào cả nhà, 2 hôm nữa họp nhé").empty())
        << "someone not on the roster";
    EXPECT_TRUE(say_in_topic("", "102", "2").empty()) << "a number with no question open";
    EXPECT_TRUE(say_in_topic("805", "100", "Cả tổ nhớ mang phiếu khảo sát").empty());
    auto no = record_no(say_in_topic("805", "102", "/tham số 8 kiệt 4"));
    EXPECT_TRUE(say_in_topic("805", "100", "3").empty()) << "the leader's number is not the member's answer";
    EXPECT_FALSE(say_in_topic("805", "102", "3").empty());
    EXPECT_NE(visits.by_id(no)->topics, std::vector<std::string>{"khac"});
}

TEST_F(group_fixture, an_edited_visit_in_a_topic_is_fixed_there_and_an_edit_two_months_late_changes_nothing) {
    auto edit = [&](const std::string& ref, const std::string& text) {
        incoming in;
        in.kind = incoming_kind::edited_message;
        in.chat = {channel::telegram, group};
        in.chat_type = chat_kind::group;
        in.user_id = "102";
        in.thread_id = "805";
        in.message_ref = ref;
        in.text = text;
        return bot.deliver(in);
    };
    incoming first;
    first.chat = {channel::telegram, group};
    first.chat_type = chat_kind::group;
    first.user_id = "102";
    first.thread_id = "805";
    first.message_ref = "m1";
    first.text = "/tham số 1, cài VNeID";
    auto no = record_no(bot.deliver(first));
    ASSERT_GT(no, 0);
    auto fixed = edit("m1", "/tham số 1A, cài VNeID cho 2 người");
    ASSERT_EQ(fixed.size(), 1u);
    EXPECT_TRUE(has(fixed, "Đã sửa số " + std::to_string(no))) << test_bot::joined(fixed);
    EXPECT_EQ(fixed[0].thread_id, "805");
    EXPECT_EQ(visits.by_id(no)->place, "số 1A");
    bot.clk.advance(61 * 24 * 3600);
    auto late = edit("m1", "/tham số 1B, cài VNeID cho 3 người");
    ASSERT_EQ(late.size(), 1u);
    EXPECT_EQ(late[0].thread_id, "805");
    EXPECT_FALSE(has(late, "Đã sửa")) << test_bot::joined(late);
    EXPECT_EQ(visits.by_id(no)->place, "số 1A");
    EXPECT_EQ(visits.by_id(no)->people, 2);
}

// The group was upgraded to a supergroup (Telegram does it when a group turns on topics or
// grows): a member asked the topic question just before answered in the new chat, and nothing
// happened.
TEST_F(group_fixture, a_question_asked_before_the_group_became_a_supergroup_is_answered_after) {
    const std::string old_group = "-4012345678", new_group = "-1004012345678";
    bot.bind_group(old_group, ward, team1);
    auto in_chat = [&](const std::string& chat, const std::string& text) {
        incoming in;
        in.chat = {channel::telegram, chat};
        in.chat_type = chat_kind::group;
        in.user_id = "102";
        in.message_ref = std::to_string(bot.next_update + 1000);
        in.text = text;
        return bot.deliver(in);
    };
    auto no = record_no(in_chat(old_group, "/tham số 8 kiệt 4"));
    ASSERT_GT(no, 0);
    incoming moved;
    moved.kind = incoming_kind::chat_migrated;
    moved.chat = {channel::telegram, old_group};
    moved.chat_type = chat_kind::group;
    moved.migrated_to = new_group;
    bot.deliver(moved);
    auto answered = in_chat(new_group, "2");
    ASSERT_EQ(answered.size(), 1u);
    EXPECT_EQ(answered[0].to.chat_id, new_group);
    EXPECT_EQ(visits.by_id(no)->topics, std::vector<std::string>{"vneid"});
}

// A button under a message sent before the upgrade: Telegram reports the press with the message
// as it was, in the old group's chat. The leader's reminder was posted in the supergroup and the
// "reminded N members" answer went to the old chat as well: two messages where the post alone
// is the answer, and the second one only after Telegram refused the old chat once.
TEST_F(group_fixture, a_button_pressed_under_a_message_from_before_the_upgrade_answers_in_the_supergroup) {
    const std::string old_group = "-4012345678", new_group = "-1004012345678";
    group_store(*bot.db).set_active({channel::telegram, group}, false); // the team's one group
    bot.bind_group(old_group, ward, team1);
    incoming moved;
    moved.kind = incoming_kind::chat_migrated;
    moved.chat = {channel::telegram, old_group};
    moved.chat_type = chat_kind::group;
    moved.migrated_to = new_group;
    bot.deliver(moved);
    incoming press;
    press.kind = incoming_kind::choice;
    press.chat = {channel::telegram, old_group};
    press.chat_type = chat_kind::group;
    press.user_id = "100"; // the leader
    press.choice_data = "nh:" + std::to_string(team1) + ":m";
    press.choice_ref = "cb-old";
    press.message_ref = "513";
    auto out = bot.deliver(press);
    std::vector<std::string> in_group;
    for (auto& o : out) {
        if (o.kind == outgoing_kind::answer_choice)
            continue;
        EXPECT_EQ(o.to.chat_id, new_group) << o.text;
        EXPECT_EQ(o.reply_to, "") << "message 513 is the old chat's, not the supergroup's";
        in_group.push_back(o.text);
    }
    ASSERT_EQ(in_group.size(), 1u) << test_bot::joined(out);
    EXPECT_NE(in_group[0].find("Phạm Thị Dung"), std::string::npos) << in_group[0];
}

TEST_F(group_fixture, the_closed_topic_notice_exists_in_english_too) {
    EXPECT_NE(say(language::en, text::topic_closed_questions, {{"names", "Dung"}}).find("Dung to answer"),
              std::string::npos);
    EXPECT_NE(say(language::en, text::topic_closed_questions_nameless).find("reply to this message"),
              std::string::npos);
}

TEST_F(group_fixture, the_nameless_sender_texts_exist_in_english_too) {
    EXPECT_NE(say(language::en, text::sender_anonymous_admin).find("Remain anonymous"), std::string::npos);
    EXPECT_NE(say(language::en, text::sender_channel).find("as yourself"), std::string::npos);
    EXPECT_NE(say(language::en, text::forwarded_not_logged).find("forwarded"), std::string::npos);
}

} // namespace
} // namespace cnscd
