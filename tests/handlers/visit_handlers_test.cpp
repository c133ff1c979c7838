// Logging visits and sessions in chat: what members see and what is stored.

#include "handlers/handlers.hpp"
#include "storage/database.hpp"
#include "storage/registry.hpp"
#include "storage/visit_store.hpp"
#include "tests/support/team_one_roster.hpp"
#include "tests/support/test_bot.hpp"

#include <gtest/gtest.h>

#include <regex>

namespace cnscd {
namespace {

using test::has;
using test::record_no;
using test::test_bot;

// Beside team 1's leader and member: a member of team 2 and a ward staff member.
struct visit_fixture : ::testing::Test, test::team_one_roster {
    std::int64_t other = bot.member(ward, team2, "Võ Thị Giang", "member", "200");
    std::int64_t staff = bot.member(ward, 0, "Ngô Thị Hạnh", "ward_staff", "900");
    visit_store visits{*bot.db};
};

TEST_F(visit_fixture, a_visit_is_recorded_with_its_details_and_confirmed_with_its_number) {
    auto out = bot.say("102", "/tham số 12 ngõ 5 Lê Lợi, hướng dẫn 2 người cài VNeID và thanh toán QR");
    ASSERT_EQ(out.size(), 1u);
    auto no = record_no(out);
    ASSERT_GT(no, 0);
    EXPECT_TRUE(has(out, "Định danh điện tử VNeID")) << test_bot::joined(out);
    EXPECT_TRUE(has(out, "2 người"));
    auto v = visits.by_id(no);
    ASSERT_TRUE(v);
    EXPECT_EQ(v->member_id, member);
    EXPECT_EQ(v->team_id, team1);
    EXPECT_EQ(v->ward_id, ward);
    EXPECT_EQ(v->day, "2026-11-24");
    EXPECT_EQ(v->place, "số 12 ngõ 5 Lê Lợi");
    EXPECT_EQ(v->topics, (std::vector<std::string>{"vneid", "thanhtoan"}));
    EXPECT_EQ(v->people, 2);
    EXPECT_EQ(v->kind, activity_kind::visit);
}

TEST_F(visit_fixture, a_session_counts_attendees) {
    auto out = bot.say("102", "/buoi nhà văn hóa tổ 3, 30 người, chống lừa đảo");
    auto v = visits.by_id(record_no(out));
    ASSERT_TRUE(v);
    EXPECT_EQ(v->kind, activity_kind::session);
    EXPECT_EQ(v->people, 30);
    EXPECT_TRUE(has(out, "30 người tham dự")) << test_bot::joined(out);
    // Thousands are grouped as /toi and the report group them.
    auto rally = bot.say("102", "/buoi sân vận động, 1.200 người, bầu cử");
    EXPECT_TRUE(has(rally, "1.200 người tham dự")) << test_bot::joined(rally);
    // Without a count the session is still recorded, and the member is told how to add it.
    auto uncounted = bot.say("102", "/buoi nhà văn hóa tổ 4, chống lừa đảo");
    auto no = record_no(uncounted);
    EXPECT_TRUE(has(uncounted, "chưa có số người tham dự (bổ sung: /sua " + std::to_string(no)))
        << test_bot::joined(uncounted);
    bot.say("102", "/sua " + std::to_string(no) + " nhà văn hóa tổ 4, 25 người, chống lừa đảo");
    EXPECT_EQ(visits.by_id(no)->people, 25);
    // The count is not part of the venue ("12 cụ" used to be kept in it).
    auto elders = bot.say("102", "/buoi hôm qua hội người cao tuổi 12 cụ, chống lừa đảo");
    auto held = visits.by_id(record_no(elders));
    ASSERT_TRUE(held);
    EXPECT_EQ(held->place, "hội người cao tuổi");
    EXPECT_EQ(held->people, 12);
    EXPECT_TRUE(has(elders, "hội người cao tuổi — Phòng chống lừa đảo, 12 người tham dự"))
        << test_bot::joined(elders);
}

// Typed without tone marks, "ba mươi cụ" (thirty elders) was read as "bà" and "mười cụ": 10
// attendees recorded for 30, and "ba" left in the venue.
TEST_F(visit_fixture, thirty_elders_typed_without_tone_marks_are_thirty) {
    auto tens = bot.say("102", "/buoi nha van hoa hoi nguoi cao tuoi ba chuc cu, lua dao qua dien thoai");
    auto v = visits.by_id(record_no(tens));
    ASSERT_TRUE(v) << test_bot::joined(tens);
    EXPECT_EQ(v->people, 30);
    EXPECT_EQ(v->place, "nha van hoa hoi nguoi cao tuoi");
    EXPECT_TRUE(has(tens, "30 người tham dự")) << test_bot::joined(tens);
    auto spelled = bot.say("102", "/buoi nha van hoa, ba muoi cu, vneid");
    EXPECT_EQ(visits.by_id(record_no(spelled))->people, 30) << test_bot::joined(spelled);
    // "giup ba cu" is still the old lady, one person.
    auto lady = bot.say("102", "/tham so 5 ngo 2, giup ba cu kich hoat vneid");
    EXPECT_EQ(visits.by_id(record_no(lady))->people, 1) << test_bot::joined(lady);
}

// A member writing of themself ("tôi giúp...", "em vừa hướng dẫn...") had the pronoun recorded as
// the address: "tôi" in the export's place column, the real address lost.
TEST_F(visit_fixture, a_visit_told_in_the_first_person_is_at_the_address_it_names) {
    auto me = bot.say("102", "/tham hôm qua tôi giúp bà Năm số 8 ngõ 3 cài VNeID");
    auto v = visits.by_id(record_no(me));
    ASSERT_TRUE(v) << test_bot::joined(me);
    EXPECT_EQ(v->place, "số 8 ngõ 3");
    EXPECT_EQ(v->day, "2026-11-23");
    EXPECT_TRUE(has(me, "số 8 ngõ 3 — Định danh điện tử VNeID")) << test_bot::joined(me);
    auto em = bot.say("102", "/tham em vua huong dan ong Tu so 9 ngo 3 cai vneid");
    EXPECT_EQ(visits.by_id(record_no(em))->place, "so 9 ngo 3") << test_bot::joined(em);
    auto chau = bot.say("102", "/tham chau da giup ong Hai so 4 ngo 3 quet ma qr");
    EXPECT_EQ(visits.by_id(record_no(chau))->place, "so 4 ngo 3") << test_bot::joined(chau);
    // Without an address the pronoun is still none: the confirmation shows no "tôi".
    auto none = bot.say("102", "/tham tôi hướng dẫn bà Năm cài VNeID");
    EXPECT_FALSE(has(none, "tôi —")) << test_bot::joined(none);
}

TEST_F(visit_fixture, a_form_of_address_is_not_a_head_count_and_every_count_given_is_used) {
    // "bà" (grandmother) used to be read as "ba" (three): three people recorded for one.
    auto grandma = bot.say("102", "/tham số 5 ngõ 3, hướng dẫn bà cụ cài VNeID");
    EXPECT_EQ(visits.by_id(record_no(grandma))->people, 1);
    EXPECT_TRUE(has(grandma, "1 người")) << test_bot::joined(grandma);
    auto named = bot.say("102", "/tham số 7, giúp chị Sáu hộ kinh doanh cài QR");
    EXPECT_EQ(visits.by_id(record_no(named))->people, 1) << test_bot::joined(named);
    // "1 gia đình 4 người" used to be one person.
    auto family = bot.say("102", "/tham số 9, cài VNeID cho 1 gia đình 4 người");
    EXPECT_EQ(visits.by_id(record_no(family))->people, 4);
    EXPECT_TRUE(has(family, "4 người")) << test_bot::joined(family);
}

// "vài người" gives no number: none is made up, and the 1 person a visit keeps is shown as a
// stand-in with how to correct it, not as if the member had written it.
TEST_F(visit_fixture, a_count_without_a_number_is_shown_as_a_stand_in_to_correct) {
    auto out = bot.say("102", "/tham thôn 2, vài người, cài vneid");
    auto no = record_no(out);
    auto v = visits.by_id(no);
    ASSERT_TRUE(v);
    EXPECT_EQ(v->people, 1);
    EXPECT_EQ(v->place, "thôn 2");
    EXPECT_TRUE(has(out, "tạm ghi 1 người («vài người» chưa có số cụ thể; ghi đúng số: /sua " +
                             std::to_string(no) + " 3 người)"))
        << test_bot::joined(out);
    // Corrected with another count without a number: asked for the number, nothing changes.
    auto vague = bot.say("102", "/sua " + std::to_string(no) + " mấy người");
    EXPECT_TRUE(has(vague, "Số «mấy người» không hợp lệ. Hãy ghi bằng chữ số, ví dụ: 2 người."))
        << test_bot::joined(vague);
    EXPECT_EQ(visits.by_id(no)->people, 1);
    bot.say("102", "/sua " + std::to_string(no) + " 3 người");
    EXPECT_EQ(visits.by_id(no)->people, 3);
    // A session keeps no attendees and asks for them, as without any count.
    auto session = bot.say("102", "/buoi nhà văn hóa, mấy chục hộ, VNeID");
    EXPECT_FALSE(has(session, "tạm ghi")) << test_bot::joined(session);
    auto s = bot.say("102", "/buoi nhà văn hóa, nhiều người, VNeID");
    EXPECT_TRUE(has(s, "chưa có số người tham dự")) << test_bot::joined(s);
    EXPECT_EQ(visits.by_id(record_no(s))->people, 0);
}

// A household visit helps a family: "1.000 người" on one is a typo or a session, and would
// silently swell the ward's figures. It is refused with what to do; sessions keep hundreds.
TEST_F(visit_fixture, a_household_visit_with_more_people_than_a_family_is_refused) {
    auto out = bot.say("102", "/tham số 5, 1.000 người cài VNeID");
    EXPECT_TRUE(has(out, "Chưa ghi: 1.000 người trong một lần đến nhà là quá nhiều"))
        << test_bot::joined(out);
    EXPECT_TRUE(has(out, "tối đa 50 người")) << test_bot::joined(out); // the limit, said
    EXPECT_TRUE(has(out, "/buoi")) << test_bot::joined(out);
    auto no = record_no(bot.say("102", "/tham số 5, 10 người cài VNeID"));
    ASSERT_TRUE(visits.by_id(no));
    auto edit = bot.say("102", "/sua " + std::to_string(no) + " 1.000 người");
    EXPECT_TRUE(has(edit, "Chưa sửa số " + std::to_string(no) + ": 1.000 người")) << test_bot::joined(edit);
    EXPECT_TRUE(has(edit, "tối đa 50 người")) << test_bot::joined(edit);
    EXPECT_EQ(visits.by_id(no)->people, 10);
    bot.say("102", "/sua " + std::to_string(no) + " 12 người");
    EXPECT_EQ(visits.by_id(no)->people, 12);
    auto session = bot.say("102", "/buoi nhà văn hóa, 1.000 người, bầu cử");
    EXPECT_EQ(visits.by_id(record_no(session))->people, 1000);
}

// "x2" after what was done is two people on a household visit; at a session it is most likely
// "twice", and a session is counted by who came: no attendees are made up from it, and the
// confirmation says how it was read and how to give the count. /sua reads it the same way.
TEST_F(visit_fixture, x2_at_a_session_is_not_taken_for_its_attendees) {
    auto out = bot.say("102", "/buoi nhà văn hóa tổ 3, hd cài vneid x2");
    auto no = record_no(out);
    ASSERT_TRUE(visits.by_id(no));
    EXPECT_EQ(visits.by_id(no)->people, 0);
    EXPECT_TRUE(has(out, "chưa có số người tham dự («x2» được hiểu là số lần, không phải số người"))
        << test_bot::joined(out);
    auto edit = bot.say("102", "/sua " + std::to_string(no) + " x3");
    EXPECT_EQ(visits.by_id(no)->people, 0);
    EXPECT_TRUE(has(edit, "«x3» được hiểu là số lần")) << test_bot::joined(edit);
    bot.say("102", "/sua " + std::to_string(no) + " 25 người");
    EXPECT_EQ(visits.by_id(no)->people, 25);
    // A household visit still counts it as people.
    auto visit = bot.say("102", "/tham số 5, hd cài vneid x2");
    EXPECT_EQ(visits.by_id(record_no(visit))->people, 2);
    EXPECT_TRUE(has(visit, "2 người")) << test_bot::joined(visit);
}

// The limit is the operator's (`visit_max_people`): a ward whose visits are small sets it lower.
TEST(visit_limit, the_most_people_on_one_household_visit_is_configured) {
    config c;
    c.visit_max_people = 8;
    test_bot bot{c};
    auto ward = bot.ward("Phường Hòa Xuân");
    auto team = bot.team(ward, "Tổ dân phố số 1");
    bot.member(ward, team, "Phạm Thị Dung", "member", "102");
    auto out = bot.say("102", "/tham số 5, 9 người cài VNeID");
    EXPECT_TRUE(has(out, "Chưa ghi: 9 người trong một lần đến nhà là quá nhiều (tối đa 8 người)"))
        << test_bot::joined(out);
    EXPECT_EQ(record_no(out), 0);
    auto kept = bot.say("102", "/tham số 5, 8 người cài VNeID");
    auto no = record_no(kept);
    ASSERT_TRUE(visit_store(*bot.db).by_id(no));
    EXPECT_EQ(visit_store(*bot.db).by_id(no)->people, 8);
    auto edit = bot.say("102", "/sua " + std::to_string(no) + " 20 người");
    EXPECT_TRUE(has(edit, "(tối đa 8 người)")) << test_bot::joined(edit);
    EXPECT_EQ(visit_store(*bot.db).by_id(no)->people, 8);
}

TEST_F(visit_fixture, yesterday_is_recorded_on_yesterday_and_future_or_old_dates_are_refused) {
    auto out = bot.say("102", "/tham hộ bà Tư hôm qua, cài VNeID");
    auto v = visits.by_id(record_no(out));
    ASSERT_TRUE(v);
    EXPECT_EQ(v->day, "2026-11-23");
    EXPECT_TRUE(has(out, "23/11/2026"));

    auto future = bot.say("102", "/tham hộ bà Tư 28/11, cài VNeID");
    EXPECT_TRUE(has(future, "chưa tới")) << test_bot::joined(future);
    auto old = bot.say("102", "/tham hộ bà Tư 1/8/2026, cài VNeID");
    EXPECT_TRUE(has(old, "60 ngày")) << test_bot::joined(old);
    EXPECT_EQ(visits.member_totals_in(member, {"2026-01-01", "2026-12-31"}).visits, 1);
}

TEST_F(visit_fixture, dates_written_in_other_ways_are_read_and_a_date_not_read_is_shown) {
    // These used to be recorded as today.
    auto central = bot.say("102", "/tham số 5 bữa qua, cài VNeID");
    EXPECT_EQ(visits.by_id(record_no(central))->day, "2026-11-23");
    auto dotted = bot.say("102", "/tham số 6 20.11, cài VNeID");
    EXPECT_EQ(visits.by_id(record_no(dotted))->day, "2026-11-20");
    auto worded = bot.say("102", "/tham số 7 ngày 21 tháng 11, cài VNeID");
    EXPECT_EQ(visits.by_id(record_no(worded))->day, "2026-11-21");
    auto first = bot.say("102", "/tham số 8 mùng 1, cài VNeID");
    EXPECT_EQ(visits.by_id(record_no(first))->day, "2026-11-01");
    EXPECT_TRUE(has(first, "ngày 01/11/2026")) << test_bot::joined(first);
    // Ahead of today: refused with the reason, like "28/11".
    for (auto text :
         {"/tham số 9 ngày mai, cài VNeID", "/tham số 9 30.11, cài VNeID", "/tham số 9 30-11, cài VNeID"}) {
        auto ahead = bot.say("102", text);
        EXPECT_TRUE(has(ahead, "chưa tới")) << text << ": " << test_bot::joined(ahead);
        EXPECT_EQ(record_no(ahead), 0) << text;
    }
    // Date words the bot cannot read: recorded as today, and the confirmation says so.
    auto unread = bot.say("102", "/tham số 10 hôm trước, cài VNeID");
    auto v = visits.by_id(record_no(unread));
    ASSERT_TRUE(v);
    EXPECT_EQ(v->day, "2026-11-24");
    EXPECT_EQ(v->place, "số 10");
    EXPECT_TRUE(has(unread, "ngày 24/11/2026")) << test_bot::joined(unread);
    // Without date words, today goes without saying.
    EXPECT_FALSE(has(bot.say("102", "/tham số 11, cài VNeID"), "24/11/2026"));
}

TEST_F(visit_fixture, a_date_in_a_report_period_already_closed_is_refused_with_the_report_and_its_lock) {
    // Built-in calendar: the monthly report is due on the 24th and locks 5 days later, so on
    // 24/11 October up to its due date is closed; the days after it and November are open.
    auto locked = bot.say("102", "/tham hộ bà Tư 20/10, cài VNeID");
    EXPECT_TRUE(has(locked, "kỳ đã chốt của Báo cáo tháng")) << test_bot::joined(locked);
    EXPECT_TRUE(has(locked, "29/10/2026")) << test_bot::joined(locked);
    EXPECT_EQ(record_no(locked), 0);
    auto after_due = bot.say("102", "/tham hộ bà Tư 26/10, cài VNeID");
    EXPECT_GT(record_no(after_due), 0) << test_bot::joined(after_due);
    auto open = bot.say("102", "/tham hộ bà Tư 10/11, cài VNeID");
    EXPECT_GT(record_no(open), 0) << test_bot::joined(open);
    EXPECT_EQ(visits.member_totals_in(member, {"2026-10-01", "2026-11-30"}).visits, 2);

    // Moving a record into the closed period is refused too, and the record keeps its date.
    auto moved = bot.say("102", "/sua " + std::to_string(record_no(open)) + " hộ bà Tư 15/10, cài VNeID");
    EXPECT_TRUE(has(moved, "khóa sổ")) << test_bot::joined(moved);
    EXPECT_EQ(visits.by_id(record_no(open))->day, "2026-11-10");
}

TEST_F(visit_fixture, undoing_a_fresh_record_of_a_period_closed_since_is_refused) {
    // 29/11 09:00: November's report (due 24/11 17:00) locks at 17:00 today; 20/11 is still open.
    bot.clk.set(1795917600);
    auto no = record_no(bot.say("102", "/tham hộ bà Tư 20/11, cài VNeID"));
    ASSERT_GT(no, 0);
    auto before = visits.member_totals_in(member, {"2026-11-01", "2026-11-30"});
    // 18:00, inside the member's 24-hour undo window but after the lock.
    bot.clk.set(1795917600 + 9 * 3600);
    auto undo = bot.say("102", "/huy " + std::to_string(no));
    EXPECT_TRUE(has(undo, "kỳ đã chốt của Báo cáo tháng")) << test_bot::joined(undo);
    EXPECT_FALSE(visits.by_id(no)->cancelled);
    EXPECT_EQ(visits.member_totals_in(member, {"2026-11-01", "2026-11-30"}).visits, before.visits);
    EXPECT_TRUE(has(bot.say("102", "/huy"), "kỳ đã chốt")) << "the last record, without its number";
}

// A topic chosen after the record's month closed moved the record between topics in the
// closed report's figures.
TEST_F(visit_fixture, a_topic_chosen_after_the_period_closed_is_refused) {
    // 29/11 16:50: November locks at 17:00.
    bot.clk.set(1795917600 + 7 * 3600 + 50 * 60);
    auto no = record_no(bot.say("102", "/tham hộ bà Tư 20/11"));
    ASSERT_GT(no, 0);
    bot.clk.set(1795917600 + 8 * 3600 + 5 * 60); // 17:05, still inside the question's 30 minutes
    auto late = bot.press("102", "t:" + std::to_string(no) + ":vneid");
    EXPECT_TRUE(has(late, "kỳ đã chốt của Báo cáo tháng")) << test_bot::joined(late);
    EXPECT_EQ(visits.by_id(no)->topics, std::vector<std::string>{"khac"});
}

TEST_F(visit_fixture, a_leader_cancels_an_old_record_of_an_open_day) {
    // 25/09 is after September's due date and Q3's: no report covers it yet.
    bot.clk.set(test::default_now - 59 * 86400);
    auto no = record_no(bot.say("102", "/tham hộ bà Tư hôm qua, cài VNeID"));
    ASSERT_EQ(visits.by_id(no)->day, "2026-09-25");
    bot.clk.set(test::default_now + 86400); // 61 days later
    auto undo = bot.say("100", "/huy " + std::to_string(no));
    EXPECT_TRUE(has(undo, "Đã hủy số")) << test_bot::joined(undo);
    EXPECT_TRUE(visits.by_id(no)->cancelled);
}

TEST_F(visit_fixture, a_closed_period_refusal_gives_advice_fit_for_who_reads_it) {
    auto no = record_no(bot.say("102", "/tham hộ bà Tư 10/11, cài VNeID"));
    auto locked = bot.say("102", "/tham hộ bà Tư 20/10, cài VNeID");
    EXPECT_TRUE(has(locked, "Nhờ tổ trưởng báo cán bộ phường")) << test_bot::joined(locked);
    // The leader was told to ask the leader, and ward staff to tell the ward staff.
    auto leader = bot.say("100", "/sua " + std::to_string(no) + " ghi nhầm ngày, 20/10");
    EXPECT_TRUE(has(leader, "kỳ đã chốt")) << test_bot::joined(leader);
    EXPECT_FALSE(has(leader, "Nhờ tổ trưởng")) << test_bot::joined(leader);
    EXPECT_TRUE(has(leader, "Hãy báo cán bộ phường nếu cần bổ sung.")) << test_bot::joined(leader);
    auto staff = bot.say("900", "/sua " + std::to_string(no) + " ghi nhầm ngày, 20/10");
    EXPECT_TRUE(has(staff, "kỳ đã chốt")) << test_bot::joined(staff);
    EXPECT_FALSE(has(staff, "cán bộ phường")) << test_bot::joined(staff);
    auto old = bot.say("100", "/sua " + std::to_string(no) + " ghi nhầm ngày, 1/8");
    EXPECT_TRUE(has(old, "đã quá 60 ngày")) << test_bot::joined(old);
    EXPECT_FALSE(has(old, "Nhờ tổ trưởng")) << test_bot::joined(old);
    EXPECT_EQ(visits.by_id(no)->day, "2026-11-10");
}

TEST_F(visit_fixture, no_topic_asks_with_buttons_and_the_choice_refiles_the_record) {
    auto out = bot.say("102", "/tham số 8 kiệt 4");
    ASSERT_EQ(out.size(), 1u) << "one message: the confirmation asks";
    auto no = record_no(out);
    EXPECT_TRUE(has(out, "Khác"));
    ASSERT_FALSE(out[0].choices.empty());
    EXPECT_EQ(visits.by_id(no)->topics, std::vector<std::string>{"khac"}); // counted at once

    auto chosen = bot.press("102", "t:" + std::to_string(no) + ":vneid");
    EXPECT_TRUE(has(chosen, "Định danh điện tử VNeID")) << test_bot::joined(chosen);
    EXPECT_EQ(visits.by_id(no)->topics, std::vector<std::string>{"vneid"});
    EXPECT_EQ(visits.history_count(no), 1);
}

TEST_F(visit_fixture, the_topic_can_be_chosen_by_typing_its_number) {
    auto out = bot.say("102", "/tham số 8 kiệt 4");
    auto no = record_no(out);
    bot.say("102", "2"); // second button: vneid
    EXPECT_EQ(visits.by_id(no)->topics, std::vector<std::string>{"vneid"});
}

// On Zalo the choices are a numbered list: the question said "choose one below" and never that
// the member should type its number.
TEST_F(visit_fixture, without_buttons_the_topic_question_says_to_type_the_number) {
    auto telegram = test_bot::joined(bot.say("102", "/tham số 8 kiệt 4"));
    EXPECT_EQ(telegram.find("Gõ số hoặc tên mục bạn chọn"), std::string::npos) << "buttons: " << telegram;
    bot.platform = channel::zalo_oa;
    bot.member(ward, team1, "Lê Văn Hùng", "member", "6142494823123456789");
    auto zalo = bot.say("6142494823123456789", "/tham số 9 kiệt 4");
    ASSERT_EQ(zalo.size(), 1u);
    EXPECT_FALSE(zalo[0].choices.empty());
    EXPECT_NE(zalo[0].text.find("Gõ số hoặc tên mục bạn chọn."), std::string::npos) << zalo[0].text;
    auto no = record_no(zalo);
    bot.say("6142494823123456789", "2");
    EXPECT_EQ(visits.by_id(no)->topics, std::vector<std::string>{"vneid"});
}

TEST_F(visit_fixture, the_topic_question_expires_and_says_so) {
    auto no = record_no(bot.say("102", "/tham số 8 kiệt 4"));
    bot.clk.advance(31 * 60);
    auto late = bot.press("102", "t:" + std::to_string(no) + ":vneid");
    EXPECT_TRUE(has(late, "hết hạn")) << test_bot::joined(late);
    EXPECT_EQ(visits.by_id(no)->topics, std::vector<std::string>{"khac"});
}

TEST_F(visit_fixture, in_a_group_the_question_is_a_numbered_line_the_member_answers) {
    bot.bind_group("-500", ward, team1);
    auto out = bot.say_in_group("-500", "102", "/tham số 8 kiệt 4");
    ASSERT_EQ(out.size(), 1u);
    EXPECT_EQ(out[0].to.chat_id, "-500");
    EXPECT_FALSE(out[0].merge_key.empty()) << "still mergeable under the group's limit";
    EXPECT_TRUE(out[0].choices.empty());
    // Telegram's privacy mode (on by default) passes the bot only replies to its own messages.
    EXPECT_TRUE(has(out, "Trả lời tin này bằng số hoặc tên nội dung: 1 Dịch vụ công · 2 VNeID"))
        << test_bot::joined(out);
    auto no = record_no(out);
    // Someone else's number is not an answer.
    bot.say_in_group("-500", "100", "3");
    EXPECT_EQ(visits.by_id(no)->topics, std::vector<std::string>{"khac"});
    auto answered = bot.say_in_group("-500", "102", "3");
    EXPECT_EQ(visits.by_id(no)->topics, std::vector<std::string>{"thanhtoan"});
    EXPECT_TRUE(has(answered, "Đã cập nhật số " + std::to_string(no))) << test_bot::joined(answered);
}

TEST_F(visit_fixture, the_topic_question_may_be_answered_by_naming_the_topics) {
    bot.bind_group("-500", ward, team1);
    auto no = record_no(bot.say_in_group("-500", "102", "/tham số 8 kiệt 4"));
    // Chat that names no topic leaves the question open; the leader's words are not the answer.
    EXPECT_TRUE(bot.say_in_group("-500", "102", "cảm ơn cả nhà").empty());
    bot.say_in_group("-500", "100", "nhớ hướng dẫn lừa đảo nhé");
    EXPECT_EQ(visits.by_id(no)->topics, std::vector<std::string>{"khac"});
    auto answered = bot.say_in_group("-500", "102", "cài VNeID và thanh toán QR");
    EXPECT_EQ(visits.by_id(no)->topics, (std::vector<std::string>{"vneid", "thanhtoan"}));
    EXPECT_TRUE(has(answered, "Định danh điện tử VNeID, Thanh toán không dùng tiền mặt"))
        << test_bot::joined(answered);
    // Answered once: the next message is only chat.
    bot.say_in_group("-500", "102", "chống lừa đảo");
    EXPECT_EQ(visits.by_id(no)->topics, (std::vector<std::string>{"vneid", "thanhtoan"}));
    // After the question expires, naming a topic changes nothing.
    auto late = record_no(bot.say_in_group("-500", "102", "/tham số 9 kiệt 4"));
    bot.clk.advance(24 * 3600);
    auto said = test_bot::joined(bot.say_in_group("-500", "102", "VNeID"));
    EXPECT_EQ(visits.by_id(late)->topics, std::vector<std::string>{"khac"});
    // ... and says why, and how to fix the record.
    EXPECT_NE(said.find("đã hết hạn sau 30 phút; số " + std::to_string(late) + " vẫn được ghi ở mục «Khác»"),
              std::string::npos)
        << said;
}

TEST_F(visit_fixture, the_topic_question_takes_its_number_as_people_write_it) {
    bot.bind_group("-500", ward, team1);
    for (auto answer : {"số 3", "3 ạ", "Dạ số 3", "ba", "3."}) {
        auto no = record_no(bot.say_in_group("-500", "102", "/tham số 8 kiệt 4"));
        auto out = bot.say_in_group("-500", "102", answer);
        EXPECT_EQ(visits.by_id(no)->topics, std::vector<std::string>{"thanhtoan"})
            << answer << ": " << test_bot::joined(out);
    }
    // A late number gets the topic question's own explanation, not a bare "expired".
    auto no = record_no(bot.say_in_group("-500", "102", "/tham số 9 kiệt 4"));
    bot.clk.advance(24 * 3600);
    auto late = test_bot::joined(bot.say_in_group("-500", "102", "2"));
    EXPECT_NE(late.find("vẫn được ghi ở mục «Khác». Muốn sửa, gõ /sua " + std::to_string(no)),
              std::string::npos)
        << late;
}

// An English reader was told to fix the record with "/edit 12 số 12 ngõ 5, cài VNeID cho 2
// người": the example after the English sentence was a Vietnamese one.
TEST_F(visit_fixture, a_late_topic_answer_in_english_gets_an_english_example) {
    member_store(*bot.db).set_language(member, "en");
    bot.bind_group("-500", ward, team1);
    auto logged = test_bot::joined(bot.say_in_group("-500", "102", "/visit no. 9 lane 4"));
    std::smatch number;
    ASSERT_TRUE(std::regex_search(logged, number, std::regex("Visit (?:<b>)?no\\. (\\d+)"))) << logged;
    auto no = number[1].str();
    bot.clk.advance(24 * 3600);
    auto late = test_bot::joined(bot.say_in_group("-500", "102", "2"));
    EXPECT_NE(late.find("This question expired after 30 minutes; no. " + no + " stays under \"Other\""),
              std::string::npos)
        << late;
    EXPECT_NE(late.find("e.g. /edit " + no + " 12 Lane 5, VNeID for 2 people"), std::string::npos) << late;
    EXPECT_EQ(late.find("ngõ"), std::string::npos) << late;
}

// A member who typed "2" and then thought better of it and typed "3" got "Tôi chưa hiểu ý bạn"
// and could believe the record now said 3.
TEST_F(visit_fixture, a_second_number_after_the_topic_answer_says_how_to_change_it) {
    auto no = std::to_string(record_no(bot.say("102", "/tham số 8 kiệt 4")));
    bot.say("102", "2");
    auto again = test_bot::joined(bot.say("102", "3"));
    EXPECT_EQ(visits.by_id(std::stoll(no))->topics, std::vector<std::string>{"vneid"});
    EXPECT_NE(again.find("Không có câu hỏi nào đang chờ bạn trả lời"), std::string::npos) << again;
    EXPECT_NE(again.find("Số " + no + " đang ghi «Định danh điện tử VNeID»"), std::string::npos) << again;
    EXPECT_NE(again.find("/sua " + no), std::string::npos) << again;
    // Other words still get the usual nudge; in a group a number is only chat.
    EXPECT_EQ(test_bot::joined(bot.say("102", "cảm ơn")).find("Không có câu hỏi"), std::string::npos);
    bot.bind_group("-500", ward, team1);
    EXPECT_TRUE(bot.say_in_group("-500", "102", "3").empty());
}

TEST_F(visit_fixture, group_confirmations_name_the_member_and_are_mergeable) {
    bot.bind_group("-500", ward, team1);
    auto out = bot.say_in_group("-500", "102", "/tham số 3, cài VNeID cho 2 người");
    ASSERT_EQ(out.size(), 1u);
    EXPECT_TRUE(has(out, "Phạm Thị Dung"));
    EXPECT_EQ(out[0].merge_key, "visit");
}

// Thirty members answering in a group: "/huy", "/sua" and topic answers used to go out one
// message each, unnamed ("↩️ Đã hủy số 212"), filling the group's 20-a-minute limit so the
// visit confirmations behind them waited up to a minute.
TEST_F(visit_fixture, group_answers_to_undo_edit_and_topic_name_the_member_and_are_mergeable) {
    bot.bind_group("-500", ward, team1);
    auto no = std::to_string(record_no(bot.say_in_group("-500", "102", "/tham số 3 kiệt 4")));
    auto topic = bot.say_in_group("-500", "102", "2");
    auto edit = bot.say_in_group("-500", "102", "/sua " + no + " 3 người");
    auto undo = bot.say_in_group("-500", "102", "/huy " + no);
    for (auto* out : {&topic, &edit, &undo}) {
        ASSERT_EQ(out->size(), 1u);
        EXPECT_EQ((*out)[0].merge_key, "visit") << (*out)[0].text;
    }
    EXPECT_TRUE(has(topic, "✅ Phạm Thị Dung: Đã cập nhật số " + no)) << test_bot::joined(topic);
    EXPECT_TRUE(has(edit, "✏️ Phạm Thị Dung: Đã sửa số " + no)) << test_bot::joined(edit);
    EXPECT_TRUE(has(undo, "↩️ Phạm Thị Dung: Đã hủy số " + no)) << test_bot::joined(undo);
    // Privately nobody needs to be named.
    bot.say("102", "/tham số 4 kiệt 4, cài VNeID");
    EXPECT_TRUE(has(bot.say("102", "/huy"), "↩️ Đã hủy số")) << "private";
}

// Two visits without a topic in a row in a group: the answer "2" went to the second, and the
// first stayed under "Khác" without a word, its question no longer answerable.
TEST_F(visit_fixture, a_second_topic_question_in_a_group_says_the_first_record_stays_under_other) {
    bot.bind_group("-500", ward, team1);
    auto first = std::to_string(record_no(bot.say_in_group("-500", "102", "/tham số 3 kiệt 4")));
    auto second = bot.say_in_group("-500", "102", "/tham số 5 kiệt 4");
    EXPECT_TRUE(
        has(second, "Số " + first + " chưa được trả lời nên vẫn ở mục «Khác»; muốn đổi, gõ: /sua " + first))
        << test_bot::joined(second);
    // Another member's question, or one already answered, is not mentioned.
    auto others = bot.say_in_group("-500", "100", "/tham số 7 kiệt 4");
    EXPECT_FALSE(has(others, "chưa được trả lời")) << test_bot::joined(others);
    bot.say_in_group("-500", "102", "2");
    EXPECT_FALSE(has(bot.say_in_group("-500", "102", "/tham số 9 kiệt 4"), "chưa được trả lời"));
}

TEST_F(visit_fixture, undo_cancels_the_last_record_within_the_window_and_keeps_history) {
    auto first = record_no(bot.say("102", "/tham số 1, cài VNeID"));
    auto second = record_no(bot.say("102", "/tham số 2, cài VNeID"));
    auto out = bot.say("102", "/huy");
    EXPECT_TRUE(has(out, "Đã hủy số " + std::to_string(second))) << test_bot::joined(out);
    EXPECT_TRUE(visits.by_id(second)->cancelled);
    EXPECT_FALSE(visits.by_id(first)->cancelled);
    EXPECT_EQ(visits.history_count(second), 1);
    EXPECT_EQ(visits.member_totals_in(member, {"2026-11-01", "2026-11-30"}).visits, 1);

    bot.clk.advance(25 * 3600);
    auto late = bot.say("102", "/huy");
    EXPECT_TRUE(has(late, "quá 24 giờ")) << test_bot::joined(late);
    EXPECT_FALSE(visits.by_id(first)->cancelled);
}

// The topic question comes after the record is stored under «Khác»: "/huy" there used to
// answer "Đã hủy." and close the question, while the record stayed in the figures.
TEST_F(visit_fixture, undo_at_the_topic_question_undoes_the_record_the_question_is_about) {
    auto asked = bot.say("102", "/tham số 5 ngõ 3 giúp bà Tư");
    ASSERT_FALSE(asked.empty());
    ASSERT_FALSE(asked[0].choices.empty()) << test_bot::joined(asked);
    auto no = record_no(asked);
    auto out = bot.say("102", "/huy");
    EXPECT_TRUE(has(out, "Đã hủy số " + std::to_string(no))) << test_bot::joined(out);
    EXPECT_TRUE(visits.by_id(no)->cancelled);
    EXPECT_EQ(visits.member_totals_in(member, {"2026-11-01", "2026-11-30"}).visits, 0);
    // The question went with it: "2" is no longer an answer.
    auto two = bot.say("102", "2");
    EXPECT_TRUE(has(two, "chưa hiểu")) << test_bot::joined(two);
    EXPECT_TRUE(visits.by_id(no)->cancelled);
}

// The 📣 offer under /thongke (a numbered list on Zalo and in the console) asks nothing that
// "/huy" could answer: it used to be taken as "cancel the offer", and the visit stayed.
TEST_F(visit_fixture, undo_after_stats_with_an_offer_undoes_the_last_record) {
    auto no = record_no(bot.say("100", "/tham số 8 ngõ 2, cài VNeID"));
    auto stats = bot.say("100", "/thongke");
    bool offered = false;
    for (auto& o : stats)
        for (auto& row : o.choices)
            for (auto& b : row)
                offered = offered || b.data.starts_with("nh:");
    ASSERT_TRUE(offered) << test_bot::joined(stats);
    auto out = bot.say("100", "/huy");
    EXPECT_TRUE(has(out, "Đã hủy số " + std::to_string(no))) << test_bot::joined(out);
    EXPECT_TRUE(visits.by_id(no)->cancelled);
    // The offer's list is gone: "1" does not remind the group.
    EXPECT_FALSE(has(bot.say("100", "1"), "chưa ghi"));
}

TEST_F(visit_fixture, the_team_leader_corrects_or_cancels_a_members_record_the_member_no_longer_can) {
    auto no = record_no(bot.say("102", "/tham số 5, cài VNeID cho 20 người"));
    bot.clk.advance(25 * 3600);
    auto n = std::to_string(no);
    EXPECT_TRUE(has(bot.say("102", "/huy " + n), "Nhờ tổ trưởng hỗ trợ"));
    // Another team's member may not touch it.
    EXPECT_TRUE(has(bot.say("200", "/sua " + n + " 2 người"), "không phải do bạn ghi"));
    EXPECT_EQ(visits.by_id(no)->people, 20);
    // The leader of the member's team may, and the answer names whose record it is.
    auto edited = test_bot::joined(bot.say("100", "/sua " + n + " 2 người"));
    EXPECT_EQ(visits.by_id(no)->people, 2) << edited;
    EXPECT_NE(edited.find("Lượt này do Phạm Thị Dung ghi"), std::string::npos) << edited;
    auto undone = test_bot::joined(bot.say("100", "/huy " + n));
    EXPECT_TRUE(visits.by_id(no)->cancelled) << undone;
    EXPECT_NE(undone.find("Lượt này do Phạm Thị Dung ghi"), std::string::npos) << undone;
    EXPECT_EQ(visits.history_count(no), 2); // both changes kept, with who made them
}

TEST_F(visit_fixture, undo_with_a_number_cancels_that_record_and_no_other) {
    auto first = record_no(bot.say("102", "/tham số 1, cài VNeID"));
    auto second = record_no(bot.say("102", "/tham số 2, cài VNeID"));
    // It used to cancel the last record, whatever number was given.
    auto out = bot.say("102", "/huy " + std::to_string(first));
    EXPECT_TRUE(has(out, "Đã hủy số " + std::to_string(first))) << test_bot::joined(out);
    EXPECT_TRUE(visits.by_id(first)->cancelled);
    EXPECT_FALSE(visits.by_id(second)->cancelled);
    EXPECT_TRUE(has(bot.say("102", "/huy #" + std::to_string(first)), "đã được hủy trước đó"));
    EXPECT_TRUE(has(bot.say("102", "/huy 99999"), "Không tìm thấy số 99999"));
    auto others = record_no(bot.say("100", "/tham số 3, cài VNeID"));
    EXPECT_TRUE(has(bot.say("102", "/huy số " + std::to_string(others)), "không hủy được"));
    EXPECT_FALSE(visits.by_id(others)->cancelled);
    // Not a number: nothing is cancelled, and the two forms are shown.
    EXPECT_TRUE(has(bot.say("102", "/huy số"), "/huy 125"));
    auto bad = bot.say("102", "/huy số 2 ngõ 5");
    EXPECT_TRUE(has(bad, "/huy 125")) << test_bot::joined(bad);
    EXPECT_FALSE(visits.by_id(second)->cancelled);
    bot.clk.advance(25 * 3600);
    EXPECT_TRUE(has(bot.say("102", "/huy " + std::to_string(second)), "quá 24 giờ"));
    EXPECT_FALSE(visits.by_id(second)->cancelled);
}

// "bữa trước" (the other day) was recorded as today with only "ngày 24/11/2026" to show it: the
// confirmation now says the day is a stand-in and how to set it. "bà con" (the residents) is one
// person for now, said as for "cả nhà". "/thma" is read as /tham, with the same confirmation.
TEST_F(visit_fixture, vague_days_and_counts_are_said_to_be_stand_ins) {
    auto other_day = bot.say("102", "/tham số 5 bữa trước cài VNeID");
    auto no = record_no(other_day);
    ASSERT_TRUE(visits.by_id(no)) << test_bot::joined(other_day);
    EXPECT_EQ(visits.by_id(no)->day, "2026-11-24");
    EXPECT_TRUE(
        has(other_day, "tạm ghi ngày 24/11/2026 («bữa trước» chưa rõ là ngày nào; ghi đúng ngày: /sua " +
                           std::to_string(no) + " ngày 23/11)"))
        << test_bot::joined(other_day);
    // The fix it gives works.
    bot.say("102", "/sua " + std::to_string(no) + " ngày 23/11");
    EXPECT_EQ(visits.by_id(no)->day, "2026-11-23");

    auto residents = bot.say("102", "/tham số 3, hướng dẫn cài VNeID cho bà con");
    auto r = record_no(residents);
    ASSERT_TRUE(visits.by_id(r)) << test_bot::joined(residents);
    EXPECT_TRUE(has(residents, "tạm ghi 1 người («bà con» chưa có số cụ thể; ghi đúng số: /sua " +
                                   std::to_string(r) + " 3 người)"))
        << test_bot::joined(residents);

    auto typo = bot.say("102", "/thma số 9, cài VNeID cho 2 người");
    auto proper = bot.say("102", "/tham số 9, cài VNeID cho 2 người");
    auto t = record_no(typo);
    ASSERT_TRUE(visits.by_id(t)) << test_bot::joined(typo);
    EXPECT_EQ(visits.by_id(t)->place, "số 9");
    EXPECT_EQ(visits.by_id(t)->people, 2);
    auto numbered = [](std::string text, std::int64_t no) {
        auto at = text.find("số " + std::to_string(no) + ":");
        return at == std::string::npos
                   ? text
                   : text.replace(at, std::string("số ").size() + std::to_string(no).size(), "số N");
    };
    EXPECT_EQ(numbered(test_bot::joined(typo), t), numbered(test_bot::joined(proper), record_no(proper)));
}

// Typed in a hurry: no space after the commas, "hq" for yesterday, "cả nhà" for the family.
// The count and the day used to be lost ("số 5 hq", 1 person, today) and "cả nhà" recorded as
// one person without a word; a /sua that says what the value is not ("chứ ko phải 3") used to
// make "chứ ko phải 3" the record's address.
TEST_F(visit_fixture, messy_messages_record_what_the_member_meant) {
    auto out = bot.say("102", "/tham số 5,cài vneid,2 người");
    auto no = record_no(out);
    auto v = visits.by_id(no);
    ASSERT_TRUE(v) << test_bot::joined(out);
    EXPECT_EQ(v->place, "số 5");
    EXPECT_EQ(v->people, 2);
    EXPECT_TRUE(has(out, "Định danh điện tử VNeID, 2 người")) << test_bot::joined(out);

    auto yesterday = bot.say("102", "/tham số 12 ngõ 5 hq 2 ng cài vneid");
    auto y = visits.by_id(record_no(yesterday));
    ASSERT_TRUE(y) << test_bot::joined(yesterday);
    EXPECT_EQ(y->place, "số 12 ngõ 5");
    EXPECT_EQ(y->day, "2026-11-23");
    EXPECT_TRUE(has(yesterday, "ngày 23/11/2026")) << test_bot::joined(yesterday);

    auto family = bot.say("102", "/tham số 7, cài vneid cho cả nhà");
    auto f = record_no(family);
    EXPECT_TRUE(has(family, "tạm ghi 1 người («cả nhà» chưa có số cụ thể; ghi đúng số: /sua " +
                                std::to_string(f) + " 3 người)"))
        << test_bot::joined(family);

    auto edit = bot.say("102", "/sửa số " + std::to_string(f) + " 4 nguoi chứ ko phải 3");
    EXPECT_TRUE(has(edit, "Đã sửa")) << test_bot::joined(edit);
    EXPECT_EQ(visits.by_id(f)->people, 4);
    EXPECT_EQ(visits.by_id(f)->place, "số 7");
    bot.say("102", "/sua " + std::to_string(f) + ",hq");
    EXPECT_EQ(visits.by_id(f)->day, "2026-11-23");
    EXPECT_EQ(visits.by_id(f)->place, "số 7");

    auto undo = bot.say("102", "/huỷ số " + std::to_string(no));
    EXPECT_TRUE(has(undo, "Đã hủy số " + std::to_string(no) + " (số 5,")) << test_bot::joined(undo);
    EXPECT_TRUE(visits.by_id(no)->cancelled);
}

TEST_F(visit_fixture, undo_with_nothing_logged_says_so) {
    EXPECT_TRUE(has(bot.say("102", "/huy"), "chưa có lượt nào"));
}

TEST_F(visit_fixture, edit_changes_own_records_only_and_keeps_the_old_content) {
    auto no = record_no(bot.say("102", "/tham số 1, cài VNeID cho 2 người"));
    auto out = bot.say("102", "/sua " + std::to_string(no) + " số 1A, cài VNeID cho 3 người");
    EXPECT_TRUE(has(out, "Đã sửa")) << test_bot::joined(out);
    auto v = visits.by_id(no);
    EXPECT_EQ(v->place, "số 1A");
    EXPECT_EQ(v->people, 3);
    EXPECT_EQ(visits.history_count(no), 1);
    EXPECT_EQ(visits.member_totals_in(member, {"2026-11-01", "2026-11-30"}).people, 3);

    auto theirs = bot.say("200", "/sua " + std::to_string(no) + " số 9, dvc");
    EXPECT_TRUE(has(theirs, "không phải do bạn ghi")) << test_bot::joined(theirs);
    EXPECT_EQ(visits.by_id(no)->place, "số 1A");
    EXPECT_TRUE(has(bot.say("102", "/sua 99999 số 1, dvc"), "Không tìm thấy số 99999"));
    // A word where the record's number goes: the example shows /sua with a number, not a head count.
    auto word = bot.say("102", "/sua abc số 1, dvc");
    EXPECT_TRUE(has(word, "«abc» không phải số của một lượt đã ghi")) << test_bot::joined(word);
    EXPECT_TRUE(has(word, "/sua 125 ")) << test_bot::joined(word);
    EXPECT_EQ(visits.by_id(no)->place, "số 1A");
}

TEST_F(visit_fixture, edit_takes_the_record_number_as_the_confirmation_shows_it) {
    auto no = std::to_string(record_no(bot.say("102", "/tham số 20 ngõ 9, cài VNeID cho 2 người")));
    // "số 12" is how the confirmation names it and how /huy takes it; these were refused.
    auto named = bot.say("102", "/sua số " + no + " 1 người");
    EXPECT_TRUE(has(named, "Đã sửa số " + no)) << test_bot::joined(named);
    EXPECT_EQ(visits.by_id(std::stoll(no))->people, 1);
    bot.say("102", "/sua " + no + ", 4 người");
    EXPECT_EQ(visits.by_id(std::stoll(no))->people, 4);
    bot.say("102", "/sua " + no + ": 5 người");
    EXPECT_EQ(visits.by_id(std::stoll(no))->people, 5);
    EXPECT_EQ(visits.by_id(std::stoll(no))->place, "số 20 ngõ 9");
    // "số 8 ngõ 3" first is an address with the number left out: no record 8 is changed.
    auto address = bot.say("102", "/sua số " + no + " ngõ 3, cài VNeID");
    EXPECT_TRUE(has(address, "không phải số của một lượt đã ghi")) << test_bot::joined(address);
    EXPECT_EQ(visits.by_id(std::stoll(no))->place, "số 20 ngõ 9");
}

TEST_F(visit_fixture, a_partial_edit_changes_only_what_it_names) {
    auto no = std::to_string(record_no(bot.say("102", "/tham số 20 ngõ 9, cài VNeID cho 2 người")));
    bot.say("102", "/sua " + no + " 3 người");
    bot.say("102", "/sua " + no + " thanh toán QR"); // it used to become the address
    auto v = visits.by_id(std::stoll(no));
    EXPECT_EQ(v->place, "số 20 ngõ 9");
    EXPECT_EQ(v->people, 3);
    EXPECT_EQ(v->topics, std::vector<std::string>{"thanhtoan"});
    EXPECT_EQ(visits.history_count(std::stoll(no)), 2);
}

TEST_F(visit_fixture, words_that_announce_a_correction_are_not_an_address) {
    auto no = record_no(bot.say("102", "/tham số 20 ngõ 9, hướng dẫn bà Tư cài VNeID cho 2 người"));
    auto edit = [&](const std::string& words) {
        return bot.say("102", "/sua " + std::to_string(no) + " " + words);
    };
    auto check = [&](const std::string& words, int people, const std::string& day) {
        auto out = edit(words);
        auto v = visits.by_id(no);
        EXPECT_TRUE(has(out, "Đã sửa số")) << words << ": " << test_bot::joined(out);
        EXPECT_EQ(v->place, "số 20 ngõ 9") << words;
        EXPECT_EQ(v->people, people) << words;
        EXPECT_EQ(v->day, day) << words;
        // Only the count, topics or date changed: the member's description stays, and the
        // correction follows it, so the note does not contradict the record.
        EXPECT_TRUE(v->note.starts_with("số 20 ngõ 9, hướng dẫn bà Tư cài VNeID cho 2 người → ")) << v->note;
        EXPECT_TRUE(v->note.ends_with(" → " + words)) << v->note;
    };
    // These used to set the address to "sửa lại là", "số người là 4", "nội dung"...
    check("sửa lại là 3 người", 3, "2026-11-24");
    check("số người là 4", 4, "2026-11-24");
    check("nhầm, 2 người", 2, "2026-11-24");
    check("thêm 1 người", 3, "2026-11-24"); // one more than the 2 recorded
    check("nội dung dịch vụ công", 3, "2026-11-24");
    EXPECT_EQ(visits.by_id(no)->topics, std::vector<std::string>{"dvc"});
    check("thêm chủ đề lừa đảo", 3, "2026-11-24");
    EXPECT_EQ(visits.by_id(no)->topics, (std::vector<std::string>{"dvc", "luadao"}));
    check("chủ đề thanh toán QR", 3, "2026-11-24");
    EXPECT_EQ(visits.by_id(no)->topics, std::vector<std::string>{"thanhtoan"});
    check("ghi nhầm ngày, hôm qua", 3, "2026-11-23");
    // A correction that says nothing asks for it, and changes nothing.
    auto empty = edit("sửa lại");
    EXPECT_TRUE(has(empty, "cần thêm thông tin")) << test_bot::joined(empty);
    EXPECT_TRUE(has(edit("ok 👍"), "cần thêm thông tin"));
    EXPECT_EQ(visits.history_count(no), 8);
    // A new address alone moves the record and its note with it.
    edit("đổi thành số 22 ngõ 9");
    EXPECT_EQ(visits.by_id(no)->place, "số 22 ngõ 9");
    EXPECT_TRUE(visits.by_id(no)->note.starts_with("số 22 ngõ 9, hướng dẫn bà Tư cài VNeID cho 2 người → "))
        << visits.by_id(no)->note;
    // A new description replaces the note.
    edit("số 22 ngõ 9, hướng dẫn ông Năm thanh toán tiền điện");
    EXPECT_EQ(visits.by_id(no)->note, "số 22 ngõ 9, hướng dẫn ông Năm thanh toán tiền điện");
}

TEST_F(visit_fixture, editing_the_message_of_a_visit_edits_the_visit) {
    auto message = [&](incoming_kind kind, const std::string& ref, const std::string& text) {
        incoming in;
        in.kind = kind;
        in.chat = {channel::telegram, "102"};
        in.chat_type = chat_kind::private_chat;
        in.user_id = "102";
        in.message_ref = ref;
        in.text = text;
        return bot.deliver(in);
    };
    auto no = record_no(message(incoming_kind::message, "m1", "/tham số 1, cài VNeID"));
    auto other = record_no(message(incoming_kind::message, "m2", "/tham số 2, cài VNeID"));
    // Fixing a typo in the first message fixes that record, with its history, and no other.
    auto out = message(incoming_kind::edited_message, "m1", "/tham số 1A, cài VNeID cho 2 người");
    EXPECT_TRUE(has(out, "Đã sửa số " + std::to_string(no))) << test_bot::joined(out);
    EXPECT_EQ(visits.by_id(no)->people, 2);
    EXPECT_EQ(visits.by_id(no)->place, "số 1A");
    EXPECT_EQ(visits.history_count(no), 1);
    EXPECT_EQ(visits.by_id(other)->place, "số 2");
    // A message the bot has no record of (sent before this was kept): how to use /sua instead.
    auto old = message(incoming_kind::edited_message, "m0", "/tham số 9, cài VNeID cho 3 người");
    EXPECT_TRUE(has(old, "/sua " + std::to_string(other))) << test_bot::joined(old);
    EXPECT_TRUE(message(incoming_kind::edited_message, "m3", "cảm ơn").empty())
        << "other edits are not answered";
    // An edit that cannot be read says why, and changes nothing.
    EXPECT_TRUE(has(message(incoming_kind::edited_message, "m1", "/tham số 1, 31/02 cài VNeID"), "«31/02»"));
    EXPECT_EQ(visits.by_id(no)->place, "số 1A");
    // A cancelled record is not brought back by an edit.
    bot.say("102", "/huy " + std::to_string(no));
    EXPECT_TRUE(has(message(incoming_kind::edited_message, "m1", "/tham số 1B, VNeID"), "đã được hủy"));
}

TEST_F(visit_fixture, people_not_on_the_roster_and_staff_without_team_cannot_log) {
    auto stranger = bot.say("555", "/tham số 1, cài VNeID");
    EXPECT_EQ(visits.last_of_member(member), std::nullopt);
    EXPECT_FALSE(test_bot::joined(stranger).empty());
    auto out = bot.say("900", "/tham số 1, cài VNeID");
    EXPECT_TRUE(has(out, "chưa thuộc tổ nào")) << test_bot::joined(out);
}

TEST_F(visit_fixture, a_malformed_command_gets_an_example_and_records_nothing) {
    auto out = bot.say("102", "/tham");
    EXPECT_TRUE(has(out, "/tham")) << test_bot::joined(out);
    auto bad = bot.say("102", "/tham số 5, 31/02 cài vneid");
    EXPECT_TRUE(has(bad, "31/02")) << test_bot::joined(bad);
    EXPECT_EQ(visits.last_of_member(member), std::nullopt);
    // Only when and how many: no household, no topic. Asked for them instead of a record whose
    // place would read "hôm qua", saying that the address (a session's venue) is what is missing.
    for (auto text : {"/tham hôm qua", "/tham sáng hôm qua 2 người", "/tham 20/11", "/tham 3 hộ",
                      "/tham hôm qua 2 người", "/tham hôm trước 2 người"}) {
        auto when_only = bot.say("102", text);
        EXPECT_TRUE(has(when_only, "Chưa ghi được vì thiếu địa chỉ. Hãy ghi thêm địa chỉ hoặc hộ gia đình"))
            << text << ": " << test_bot::joined(when_only);
    }
    auto venue = bot.say("102", "/buoi chiều nay 30 người");
    EXPECT_TRUE(has(venue, "Chưa ghi được vì thiếu nơi tổ chức")) << test_bot::joined(venue);
    EXPECT_EQ(visits.last_of_member(member), std::nullopt);
    // An acknowledgement or emoji is no visit: what to write is shown, nothing is counted.
    for (auto text : {"/tham 👍", "/tham ok", "/tham Oke!", "/tham dạ vâng", "/buoi 🎉🎉🎉", "/tham ừ"}) {
        auto junk = bot.say("102", text);
        EXPECT_TRUE(has(junk, "Hãy ghi địa chỉ hoặc hộ gia đình và nội dung sau lệnh, ví dụ:"))
            << text << ": " << test_bot::joined(junk);
    }
    EXPECT_EQ(visits.last_of_member(member), std::nullopt);
    // Anything more is a record: a household, or a topic.
    EXPECT_TRUE(has(bot.say("102", "/tham hôm qua nhà bà Tư"), "Đã ghi lượt thăm"));
    EXPECT_TRUE(has(bot.say("102", "/tham hôm qua cài VNeID"), "Đã ghi lượt thăm"));
}

TEST_F(visit_fixture, a_visit_described_without_the_command_is_offered_and_logged_with_one_tap) {
    auto offer = bot.say("102", "số 14 ngõ 5 hướng dẫn 2 người thanh toán QR");
    EXPECT_TRUE(has(offer, "Bạn có muốn ghi lại việc này không?")) << test_bot::joined(offer);
    EXPECT_EQ(test_bot::button(offer, "Ghi lượt thăm hộ"), "sl:tham");
    EXPECT_EQ(test_bot::button(offer, "Ghi buổi hướng dẫn"), "sl:buoi");
    EXPECT_EQ(visits.last_of_member(member), std::nullopt) << "nothing logged before the tap";
    auto logged = bot.press("102", "sl:tham");
    EXPECT_TRUE(has(logged, "Đã ghi lượt thăm")) << test_bot::joined(logged);
    auto v = visits.last_of_member(member);
    ASSERT_TRUE(v);
    EXPECT_EQ(v->place, "số 14 ngõ 5");
    EXPECT_EQ(v->people, 2);
    EXPECT_EQ(v->topics, std::vector<std::string>{"thanhtoan"});
    // The offer is used up: a second tap logs nothing twice.
    EXPECT_TRUE(has(bot.press("102", "sl:tham"), "đã hết hạn"));
    // A session, answered by typing the number (platforms without buttons).
    bot.say("102", "nhà văn hóa tổ 3, 30 người, chống lừa đảo");
    EXPECT_TRUE(has(bot.say("102", "2"), "Đã ghi buổi hướng dẫn"));
    EXPECT_EQ(visits.last_of_member(member)->kind, activity_kind::session);
    // An offer not taken in time expires.
    bot.say("102", "số 16 ngõ 5, cài VNeID");
    bot.clk.advance(bot.cfg.visit_topic_question_minutes * 60 + 60);
    EXPECT_TRUE(has(bot.press("102", "sl:tham"), "đã hết hạn"));
}

TEST_F(visit_fixture, only_what_reads_like_a_visit_from_a_member_is_offered_privately) {
    // A question, a greeting: not a visit.
    EXPECT_TRUE(has(bot.say("102", "cài VNeID thế nào?"), "chưa hiểu"));
    // A greeting is welcomed (it was "Tôi chưa hiểu ý bạn"), with how to log.
    auto greeting = bot.say("102", "xin chào bot");
    EXPECT_TRUE(has(greeting, "Xin chào Phạm Thị Dung")) << test_bot::joined(greeting);
    EXPECT_FALSE(has(greeting, "chưa hiểu")) << test_bot::joined(greeting);
    EXPECT_TRUE(has(greeting, "/tham số 12 ngõ 5")) << "a member is shown how to log";
    // In the group people talk about their work all the time: the bot stays quiet.
    bot.bind_group("-1001", ward, team1);
    EXPECT_TRUE(bot.say_in_group("-1001", "102", "số 14 ngõ 5 hướng dẫn thanh toán QR").empty());
    // Ward staff log no visits, and someone not on the roster is told how to link instead.
    EXPECT_FALSE(has(bot.say("900", "số 14 ngõ 5 hướng dẫn thanh toán QR"), "Bạn có muốn ghi"));
    EXPECT_FALSE(has(bot.say("555", "số 14 ngõ 5 hướng dẫn thanh toán QR"), "Bạn có muốn ghi"));
    // Written with the command but without its slash, it is logged at once.
    EXPECT_TRUE(has(bot.say("102", "thăm số 18 ngõ 5, cài VNeID"), "Đã ghi lượt thăm"));
    // "tham gia" (took part) is not "thăm": offered, not logged.
    auto took_part = bot.say("102", "tham gia buổi tập huấn VNeID");
    EXPECT_TRUE(has(took_part, "Bạn có muốn ghi")) << test_bot::joined(took_part);
}

TEST_F(visit_fixture, english_speakers_get_english_confirmations) {
    member_store(*bot.db).set_language(member, "en");
    auto out = bot.say("102", "/visit 12 lane 5, helped 2 people install VNeID");
    EXPECT_TRUE(has(out, "Visit no.")) << test_bot::joined(out);
    EXPECT_TRUE(has(out, "VNeID e-identity"));
}

} // namespace
} // namespace cnscd
