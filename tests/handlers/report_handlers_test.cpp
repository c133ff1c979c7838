// Deadlines and reports in chat: /hannop, /hannop_them, /baocao and its submit button.

#include "handlers/handlers.hpp"
#include "handlers/reminder_planning.hpp"
#include "handlers/report_status.hpp"
#include "messages/topics.hpp"
#include "storage/database.hpp"
#include "storage/registry.hpp"
#include "storage/report_store.hpp"
#include "storage/visit_store.hpp"
#include "tests/support/test_bot.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>

namespace cnscd {
namespace {

using test::has;
using test::test_bot;

const local_time vn{7 * 60};

std::int64_t at(int y, unsigned m, unsigned d, int h) {
    return vn.at(
        std::chrono::year_month_day{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}}, h, 0);
}

// The default clock is Tuesday 24/11/2026 09:00: November's monthly report is due today 17:00.
struct report_fixture : ::testing::Test {
    test_bot bot;
    std::int64_t ward = bot.ward("Phường Hòa Xuân");
    std::int64_t team1 = bot.team(ward, "Tổ dân phố số 1");
    std::int64_t team2 = bot.team(ward, "Tổ dân phố số 2");
    std::int64_t leader = bot.member(ward, team1, "Trần Văn Bình", "leader", "100");
    std::int64_t deputy = bot.member(ward, team1, "Lê Thị Cúc", "deputy", "101");
    std::int64_t member = bot.member(ward, team1, "Phạm Thị Dung", "member", "102");
    std::int64_t leader2 = bot.member(ward, team2, "Võ Thị Giang", "leader", "200");
    std::int64_t staff = bot.member(ward, 0, "Ngô Thị Hạnh", "ward_staff", "900");
    std::string t1 = std::to_string(team1);

    void SetUp() override {
        bot.bind_group("-2000", ward, 0); // the ward-wide group
        bot.bind_group("-1001", ward, team1);
    }

    void log_visit(std::int64_t team, std::int64_t who, const std::string& day, activity_kind kind,
                   int people, std::vector<std::string> topics) {
        visit_record v;
        v.kind = kind;
        v.ward_id = ward;
        v.team_id = team;
        v.member_id = who;
        v.day = day;
        v.recorded_at = bot.clk.now();
        v.people = people;
        v.topics = std::move(topics);
        v.note = "test";
        visit_store(*bot.db).add(v);
    }

    // November: team 1 visits 3 households (2 + 1 + 4 people), holds one session of 30;
    // an October visit and team 2's visit must not count in team 1's November report.
    void november_activity() {
        log_visit(team1, member, "2026-11-02", activity_kind::visit, 2, {"vneid"});
        log_visit(team1, member, "2026-11-10", activity_kind::visit, 1, {"vneid", "thanhtoan"});
        log_visit(team1, deputy, "2026-11-20", activity_kind::visit, 4, {"dvc"});
        log_visit(team1, deputy, "2026-11-21", activity_kind::session, 30, {"luadao"});
        log_visit(team1, member, "2026-10-31", activity_kind::visit, 5, {"vneid"});
        log_visit(team2, leader2, "2026-11-05", activity_kind::visit, 3, {"vneid"});
    }

    std::optional<report_submission> current(std::int64_t team, const std::string& period = "2026-11") {
        return report_store(*bot.db).current(ward, team, "monthly", period);
    }
    std::vector<outgoing> to_chat(const std::vector<outgoing>& out, const std::string& chat) {
        std::vector<outgoing> r;
        for (auto& o : out)
            if (o.to.chat_id == chat && o.kind == outgoing_kind::text)
                r.push_back(o);
        return r;
    }
};

TEST_F(report_fixture, the_monthly_report_shows_the_teams_figures_for_the_period_with_submit_buttons) {
    november_activity();
    auto out = bot.say("100", "/baocao tháng");
    auto text = test_bot::joined(out);
    EXPECT_NE(text.find("Báo cáo tháng — Tổ dân phố số 1"), std::string::npos) << text;
    EXPECT_NE(text.find("tháng 11/2026"), std::string::npos);
    EXPECT_NE(text.find("Lượt thăm hộ: 3 (người được hỗ trợ: 7)"), std::string::npos) << text;
    EXPECT_NE(text.find("Buổi hướng dẫn: 1 (30 người tham dự)"), std::string::npos) << text;
    EXPECT_NE(text.find("Thành viên có hoạt động: 2"), std::string::npos) << text;
    EXPECT_NE(text.find("Định danh điện tử VNeID: 2 lượt, 3 người"), std::string::npos) << text;
    EXPECT_NE(text.find("chưa nộp"), std::string::npos);
    ASSERT_EQ(out.size(), 1u);
    ASSERT_EQ(out[0].choices.size(), 2u);
    EXPECT_EQ(out[0].choices[0][0].data, "rp:s:" + t1 + ":monthly:2026-11");
    EXPECT_EQ(out[0].choices[1][0].data, "rp:c:" + t1 + ":monthly:2026-11");
}

// "Thành viên có hoạt động: 2" alone did not say whether that was the whole team; /thongke
// says "2/3", and the report card, the post to the ward and the ward's report now do too.
TEST_F(report_fixture, active_members_are_shown_out_of_the_teams_members_as_in_stats) {
    november_activity();
    auto card = test_bot::joined(bot.say("100", "/baocao tháng"));
    EXPECT_NE(card.find("Thành viên có hoạt động: 2/3"), std::string::npos) << card;
    auto ward_post = to_chat(bot.press("100", "rp:s:" + t1 + ":monthly:2026-11"), "-2000");
    ASSERT_EQ(ward_post.size(), 1u);
    EXPECT_NE(ward_post[0].text.find("Thành viên có hoạt động: <b>2</b>/3"), std::string::npos)
        << ward_post[0].text;
    // The ward: Dung, Cúc and Giang of the four members on a team (staff are not on one).
    auto ward_report = test_bot::joined(bot.say("900", "/baocao phuong tháng"));
    EXPECT_NE(ward_report.find("Thành viên có hoạt động: 3/4"), std::string::npos) << ward_report;
    // Dung leaves: her November work still counts, and so does she: 2/3, not 2/2.
    member_store(*bot.db).set_active(member, false, bot.clk.now());
    auto after = test_bot::joined(bot.say("100", "/baocao tháng"));
    EXPECT_NE(after.find("Thành viên có hoạt động: 2/3"), std::string::npos) << after;
    bot.say("100", "/ngonngu en");
    auto en = test_bot::joined(bot.say("100", "/report month"));
    EXPECT_NE(en.find("Active members: 2/3"), std::string::npos) << en;
}

TEST_F(report_fixture, submitting_stores_the_figures_marks_on_time_and_posts_to_the_ward_group) {
    november_activity();
    auto out = bot.press("100", "rp:s:" + t1 + ":monthly:2026-11");
    EXPECT_TRUE(has(out, "Đã nộp Báo cáo tháng (tháng 11/2026)")) << test_bot::joined(out);
    EXPECT_TRUE(has(out, "đúng hạn"));
    // The instant reads "vào Thứ Ba, 24/11/2026 lúc 09:00": one "lúc", before the hour only.
    EXPECT_TRUE(has(out, "(tháng 11/2026) vào ")) << test_bot::joined(out);
    EXPECT_FALSE(has(out, "lúc Thứ") || has(out, "lúc Chủ nhật")) << test_bot::joined(out);
    auto ward_post = to_chat(out, "-2000");
    ASSERT_EQ(ward_post.size(), 1u);
    EXPECT_NE(ward_post[0].text.find("Tổ dân phố số 1"), std::string::npos);
    EXPECT_NE(ward_post[0].text.find("Trần Văn Bình"), std::string::npos);
    auto s = current(team1);
    ASSERT_TRUE(s);
    EXPECT_TRUE(s->on_time);
    auto figures = nlohmann::json::parse(s->figures_json);
    EXPECT_EQ(figures["visits"], 3);
    EXPECT_EQ(figures["people"], 7);
    EXPECT_EQ(figures["sessions"], 1);
    EXPECT_EQ(figures["attendees"], 30);
    EXPECT_EQ(figures["topics"]["vneid"]["records"], 2);
    EXPECT_EQ(figures["from"], "2026-11-01");
    EXPECT_EQ(figures["to"], "2026-11-30");
    // /hannop now shows it as submitted on time; team 2 still has nothing.
    auto deadlines = bot.say("100", "/hannop");
    EXPECT_TRUE(has(deadlines, "đã nộp đúng hạn vào ")) << test_bot::joined(deadlines);
    EXPECT_FALSE(current(team2));
}

TEST_F(report_fixture, resubmitting_replaces_the_report_and_keeps_the_history_late_after_the_deadline) {
    bot.press("100", "rp:s:" + t1 + ":monthly:2026-11");
    bot.clk.set(at(2026, 11, 26, 10)); // two days late, within the grace period
    log_visit(team1, member, "2026-11-25", activity_kind::visit, 1, {"dvc"});
    auto out = bot.press("101", "rp:s:" + t1 + ":monthly:2026-11"); // the deputy may submit too
    EXPECT_TRUE(has(out, "Đã nộp lại")) << test_bot::joined(out);
    EXPECT_TRUE(has(out, "lần nộp thứ 2"));
    EXPECT_TRUE(has(out, "muộn"));
    auto history = report_store(*bot.db).history(ward, team1, "monthly", "2026-11");
    ASSERT_EQ(history.size(), 2u);
    EXPECT_EQ(history[0].replaced_by, history[1].id);
    EXPECT_TRUE(history[0].on_time);
    EXPECT_FALSE(history[1].on_time);
    EXPECT_EQ(nlohmann::json::parse(history[1].figures_json)["visits"], 1);
}

TEST_F(report_fixture, an_overdue_report_says_so_and_until_when_it_can_still_be_submitted) {
    EXPECT_FALSE(has(bot.say("100", "/baocao tháng"), "quá hạn")); // due today 17:00, not yet late
    bot.clk.set(at(2026, 11, 26, 10));                             // due 24/11, locks 29/11 17:00
    auto out = bot.say("100", "/baocao tháng");
    auto text = test_bot::joined(out);
    EXPECT_NE(text.find("tháng 11/2026"), std::string::npos) << text;
    EXPECT_NE(text.find("đã quá hạn. Vẫn nộp được đến Chủ nhật, 29/11/2026 lúc 17:00, tính là nộp muộn"),
              std::string::npos)
        << text;
    ASSERT_EQ(out.size(), 1u);
    EXPECT_EQ(out[0].choices.size(), 2u); // the submit buttons are still there
}

// On 3/12 the year's report (due 29/11, taken until 9/12) was due before the quarter's (19/12) and
// December's (24/12): "/baocao" kept opening it even once it was in. It now opens the report the
// team has not sent that is due first, and lists the others with a button each.
TEST_F(report_fixture,
       without_a_period_a_leader_gets_the_first_report_not_yet_submitted_and_the_others_listed) {
    bot.clk.set(at(2026, 12, 3, 10));
    auto card = bot.say("100", "/baocao");
    auto text = test_bot::joined(card);
    EXPECT_NE(text.find("Báo cáo tổng kết năm — Tổ dân phố số 1"), std::string::npos) << text;
    EXPECT_NE(text.find("Tổ còn báo cáo khác chưa nộp: Báo cáo quý (quý IV/2026, hạn 19/12/2026); Báo cáo "
                        "tháng (tháng 12/2026, hạn 24/12/2026)"),
              std::string::npos)
        << text;
    EXPECT_EQ(test_bot::button(card, "Báo cáo tháng (tháng 12/2026)"), "rp:v:" + t1 + ":monthly:2026-12");
    bot.press("100", "rp:s:" + t1 + ":yearly:2026");
    auto next = test_bot::joined(bot.say("100", "/baocao"));
    EXPECT_NE(next.find("Báo cáo quý — Tổ dân phố số 1"), std::string::npos) << next;
    EXPECT_NE(next.find("chưa nộp: Báo cáo tháng (tháng 12/2026"), std::string::npos) << next;
    EXPECT_EQ(next.find("Báo cáo tổng kết năm"), std::string::npos) << next;
    // Everything in: the report due first, to read, and nothing listed.
    bot.press("100", "rp:s:" + t1 + ":quarterly:2026-Q4");
    bot.press("100", "rp:s:" + t1 + ":monthly:2026-12");
    auto done = test_bot::joined(bot.say("100", "/baocao"));
    EXPECT_NE(done.find("Báo cáo tổng kết năm — Tổ dân phố số 1"), std::string::npos) << done;
    EXPECT_EQ(done.find("chưa nộp:"), std::string::npos) << done;
}

// A team that came into the bot on 3/12 was not asked for the year's report due 29/11: "/baocao"
// opens the quarter's, and the year's is reachable by name only.
TEST_F(report_fixture, a_team_added_after_a_deadline_is_not_pointed_to_that_report) {
    bot.clk.set(at(2026, 12, 3, 10));
    auto team3 = bot.team(ward, "Tổ dân phố số 3");
    bot.member(ward, team3, "Đỗ Văn Khoa", "leader", "300");
    auto text = test_bot::joined(bot.say("300", "/baocao"));
    EXPECT_NE(text.find("Báo cáo quý — Tổ dân phố số 3"), std::string::npos) << text;
    EXPECT_NE(text.find("chưa nộp: Báo cáo tháng (tháng 12/2026, hạn 24/12/2026)."), std::string::npos)
        << text;
    EXPECT_EQ(text.find("Báo cáo tổng kết năm"), std::string::npos) << text;
    EXPECT_TRUE(has(bot.say("300", "/baocao năm"), "Báo cáo tổng kết năm — Tổ dân phố số 3"));
    // Nor reminded of it, nor counted as behind on it; team 1, there since November, is.
    bot.bind_group("-3001", ward, team3);
    reminder_run run;
    bot.db->in_transaction([&] { run = plan_reminders(*bot.db, bot.cfg, at(2026, 12, 4, 8)); });
    bool team1_reminded = false;
    for (auto& m : run.messages) {
        EXPECT_FALSE(m.to.chat_id == "-3001" && m.text.find("Báo cáo tổng kết năm") != std::string::npos)
            << m.text;
        team1_reminded = team1_reminded || (m.to.chat_id == "-1001" &&
                                            m.text.find("Báo cáo tổng kết năm") != std::string::npos);
    }
    EXPECT_TRUE(team1_reminded);
    EXPECT_EQ(teams_not_reported(*bot.db, bot.cfg, ward, bot.clk.now()),
              (std::vector<std::int64_t>{team1, team2}));
    bot.say("300", "/ngonngu en");
    auto en = test_bot::joined(bot.say("300", "/report"));
    EXPECT_NE(en.find("other reports not yet submitted: Monthly report (December 2026, due 24/12/2026)"),
              std::string::npos)
        << en;
}

TEST_F(report_fixture, after_the_grace_period_the_period_is_locked) {
    bot.clk.set(at(2026, 11, 30, 9)); // November locked on 29/11 at 17:00
    auto out = bot.press("100", "rp:s:" + t1 + ":monthly:2026-11");
    EXPECT_TRUE(has(out, "đã khóa")) << test_bot::joined(out);
    EXPECT_FALSE(current(team1));
    // /baocao tháng moves on to December.
    EXPECT_TRUE(has(bot.say("100", "/baocao tháng"), "tháng 12/2026"));
}

TEST_F(report_fixture, a_comment_can_be_added_before_submitting) {
    auto ask = bot.press("100", "rp:c:" + t1 + ":monthly:2026-11");
    EXPECT_TRUE(has(ask, "Gõ ghi chú"));
    auto out = bot.say("100", "Tổ đã tổ chức 2 buổi ở chợ");
    EXPECT_TRUE(has(out, "Đã nộp"));
    // The leader's confirmation repeats the comment the ward got, so a typo is seen at once.
    EXPECT_TRUE(has(to_chat(out, "100"), "Ghi chú: Tổ đã tổ chức 2 buổi ở chợ")) << test_bot::joined(out);
    auto s = current(team1);
    ASSERT_TRUE(s);
    EXPECT_EQ(s->comment, "Tổ đã tổ chức 2 buổi ở chợ");
    EXPECT_TRUE(has(to_chat(out, "-2000"), "Ghi chú: Tổ đã tổ chức 2 buổi ở chợ"));
    // The leader's card shows the comment the ward got with the report.
    auto card = bot.say("100", "/baocao tháng");
    EXPECT_TRUE(has(card, "Trần Văn Bình đã nộp vào")) << test_bot::joined(card); // who sent it
    EXPECT_TRUE(has(card, "Ghi chú: Tổ đã tổ chức 2 buổi ở chợ")) << test_bot::joined(card);
}

TEST_F(report_fixture,
       the_card_says_when_the_figures_changed_after_submitting_and_keeps_the_submitted_ones_once_locked) {
    november_activity();
    bot.press("100", "rp:s:" + t1 + ":monthly:2026-11");
    log_visit(team1, member, "2026-11-23", activity_kind::visit, 5, {"dvc"}); // logged after submitting
    auto open = test_bot::joined(bot.say("100", "/baocao tháng"));
    EXPECT_NE(open.find("Lượt thăm hộ: 4 (người được hỗ trợ: 12)"), std::string::npos) << open;
    EXPECT_NE(open.find("Số liệu đã thay đổi từ khi nộp. Bản đã nộp: 3 lượt thăm hộ (7 người), 1 buổi "
                        "hướng dẫn (30 người tham dự)"),
              std::string::npos)
        << open;
    bot.clk.set(at(2026, 11, 30, 9)); // locked on 29/11 at 17:00
    auto locked = test_bot::joined(bot.say("100", "/baocao tháng 11"));
    EXPECT_NE(locked.find("Lượt thăm hộ: 3 (người được hỗ trợ: 7)"), std::string::npos) << locked;
    EXPECT_NE(locked.find("Số liệu trên là bản đã nộp"), std::string::npos) << locked;
    EXPECT_NE(locked.find("hiện là 4 lượt thăm hộ (12 người)"), std::string::npos) << locked;
    EXPECT_EQ(locked.find("Nộp lại trước"), std::string::npos) << locked; // no longer possible
    EXPECT_NE(locked.find("đã khóa"), std::string::npos);
}

// The ward's card counts every record; a team's locked card shows what it sent. Staff saw 4
// visits against the 3 team 1 had sent, with nothing to say which team's figures had moved.
TEST_F(report_fixture, the_ward_report_names_the_teams_whose_figures_changed_since_they_submitted) {
    november_activity();
    bot.press("100", "rp:s:" + t1 + ":monthly:2026-11");
    auto same = test_bot::joined(bot.say("900", "/baocao phuong tháng"));
    EXPECT_EQ(same.find("sau khi nộp"), std::string::npos) << same;            // nothing changed yet
    log_visit(team1, member, "2026-11-23", activity_kind::visit, 5, {"dvc"});  // logged after submitting
    log_visit(team2, leader2, "2026-11-23", activity_kind::visit, 1, {"dvc"}); // team 2 has not submitted
    auto text = test_bot::joined(bot.say("900", "/baocao phuong tháng"));
    EXPECT_NE(text.find("Lượt thăm hộ: 6 (người được hỗ trợ: 16)"), std::string::npos) << text;
    EXPECT_NE(text.find("1 tổ đã ghi thêm hoặc sửa sau khi nộp"), std::string::npos) << text;
    EXPECT_NE(text.find("• Tổ dân phố số 1: 3 → 4 lượt thăm hộ (7 → 12 người), 1 → 1 buổi (30 → 30 người "
                        "tham dự)"),
              std::string::npos)
        << text;
    EXPECT_EQ(text.find("• Tổ dân phố số 2:"), std::string::npos) << text;
    // Still said once the period has locked, when the team's own card shows only what it sent.
    bot.clk.set(at(2026, 11, 30, 9));
    auto locked = test_bot::joined(bot.say("900", "/baocao phuong tháng 11"));
    EXPECT_NE(locked.find("• Tổ dân phố số 1: 3 → 4 lượt thăm hộ"), std::string::npos) << locked;
}

// A visit logged after the team sent its report reached the ward only if the leader sent it
// again, and nobody was told; one dated after a locked report's due date reaches it never.
TEST_F(report_fixture, a_record_in_a_period_already_submitted_or_locked_says_what_the_report_will_show) {
    november_activity();
    auto before = test_bot::joined(bot.say("102", "/tham số 5 ngõ 2, cài VNeID cho 2 người"));
    EXPECT_EQ(before.find("ℹ️"), std::string::npos) << before; // nothing submitted yet
    bot.press("100", "rp:s:" + t1 + ":monthly:2026-11");
    auto out = test_bot::joined(bot.say("102", "/tham số 7 ngõ 2, cài VNeID cho 1 người"));
    EXPECT_NE(out.find("Đã ghi lượt thăm"), std::string::npos) << out;
    EXPECT_NE(out.find("Tổ đã nộp Báo cáo tháng (tháng 11/2026): thay đổi này chỉ vào báo cáo nếu tổ trưởng "
                       "hoặc tổ phó nộp lại trước Chủ nhật, 29/11/2026 lúc 17:00"),
              std::string::npos)
        << out;
    auto last = visit_store(*bot.db).last_of_member(member);
    ASSERT_TRUE(last);
    auto no = std::to_string(last->id);
    EXPECT_NE(test_bot::joined(bot.say("102", "/sua " + no + " 2 người")).find("Tổ đã nộp Báo cáo tháng"),
              std::string::npos);
    EXPECT_NE(test_bot::joined(bot.say("102", "/huy " + no)).find("Tổ đã nộp Báo cáo tháng"),
              std::string::npos);
    // November locked on 29/11 17:00; 26/11 is past its due date, so it may still be logged, and
    // once November is over it is said that its report will not show it.
    bot.clk.set(at(2026, 11, 30, 9));
    auto same_month = test_bot::joined(bot.say("102", "/tham số 9 ngõ 2, cài VNeID cho 1 người, ngày 26/11"));
    EXPECT_NE(same_month.find("Đã ghi lượt thăm"), std::string::npos) << same_month;
    EXPECT_EQ(same_month.find("ℹ️"), std::string::npos) << same_month; // every record of 25-30/11 would
    bot.clk.set(at(2026, 12, 1, 9));
    auto late = test_bot::joined(bot.say("102", "/tham số 11 ngõ 2, cài VNeID cho 1 người, ngày 27/11"));
    EXPECT_NE(late.find("Đã ghi lượt thăm"), std::string::npos) << late;
    EXPECT_NE(late.find("Đã khóa sổ nên lượt này không vào Báo cáo tháng (tháng 11/2026); nó vẫn được tính "
                        "trong thống kê"),
              std::string::npos)
        << late;
}

// A team whose report locked unsent was told only that nothing could be done any more.
TEST_F(report_fixture, a_report_locked_before_the_team_sent_it_says_what_the_team_can_still_do) {
    november_activity();
    bot.press("100", "rp:s:" + t1 + ":monthly:2026-11");
    bot.clk.set(at(2026, 11, 30, 9)); // locked on 29/11 at 17:00
    auto unsent = test_bot::joined(bot.say("200", "/baocao tháng 11"));
    EXPECT_NE(unsent.find("Tổ chưa nộp báo cáo kỳ này"), std::string::npos) << unsent;
    EXPECT_NE(unsent.find("hãy gửi số liệu trên cho cán bộ phường"), std::string::npos) << unsent;
    auto sent = test_bot::joined(bot.say("100", "/baocao tháng 11"));
    EXPECT_EQ(sent.find("cán bộ phường"), std::string::npos) << sent;
}

// "quí" is the older spelling of "quý", and many still write it.
TEST_F(report_fixture, quarter_written_qui_opens_the_quarterly_report) {
    auto out = test_bot::joined(bot.say("100", "/baocao quí"));
    EXPECT_NE(out.find("Báo cáo quý — Tổ dân phố số 1"), std::string::npos) << out;
    EXPECT_NE(out.find("quý IV/2026"), std::string::npos) << out;
    EXPECT_TRUE(has(bot.say("100", "/thongke qui truoc"), "quý trước"));
}

TEST_F(report_fixture, the_card_warns_before_an_empty_or_early_submission_and_names_who_submitted) {
    auto empty = test_bot::joined(bot.say("100", "/baocao tháng"));
    EXPECT_NE(empty.find("nộp bây giờ là nộp báo cáo trống"), std::string::npos) << empty;
    november_activity();
    auto early = test_bot::joined(bot.say("100", "/baocao tháng")); // 24/11: the period runs to 30/11
    EXPECT_EQ(early.find("báo cáo trống"), std::string::npos) << early;
    EXPECT_NE(early.find("Kỳ này tính đến hết 30/11/2026"), std::string::npos) << early;
    bot.press("101", "rp:s:" + t1 + ":monthly:2026-11"); // the deputy submits
    auto card = test_bot::joined(bot.say("100", "/baocao tháng"));
    EXPECT_NE(card.find("Lê Thị Cúc đã nộp vào"), std::string::npos) << card;
}

TEST_F(report_fixture, submitting_again_with_the_plain_button_keeps_the_comment) {
    bot.press("100", "rp:c:" + t1 + ":monthly:2026-11");
    bot.say("100", "Còn 1 thành viên chưa hoạt động do ốm.");
    ASSERT_TRUE(current(team1));
    EXPECT_EQ(current(team1)->comment, "Còn 1 thành viên chưa hoạt động do ốm."); // the full stop stays
    bot.press("100", "rp:s:" + t1 + ":monthly:2026-11");
    EXPECT_EQ(report_store(*bot.db).history(ward, team1, "monthly", "2026-11").size(), 2u);
    EXPECT_EQ(current(team1)->comment, "Còn 1 thành viên chưa hoạt động do ốm.");
}

TEST_F(report_fixture, a_number_answers_only_the_list_on_screen) {
    bot.say("100", "/baocao tháng"); // the card, numbered 1 (submit) and 2 (comment) where no buttons
    bot.say("100", "/toi");          // another answer, with no list
    auto out = bot.say("100", "1");  // meant for something else: must not submit the report
    EXPECT_FALSE(current(team1)) << test_bot::joined(out);
    bot.say("100", "/baocao tháng");
    EXPECT_TRUE(has(bot.say("100", "số 7"), "Hãy gõ một số từ 1 đến 2")); // not on the list
    EXPECT_FALSE(current(team1));
    bot.say("100", "1"); // right after the card it does
    EXPECT_TRUE(current(team1));
}

TEST_F(report_fixture, huy_or_thoat_at_the_comment_prompt_cancel_the_prompt_not_a_record) {
    bot.say("100", "/tham số 3 ngõ 10, hướng dẫn cài VNeID cho 2 người");
    bot.press("100", "rp:c:" + t1 + ":monthly:2026-11");
    auto out = bot.say("100", "/huy");
    // The leader is told that their visit is still there, and how to undo it.
    EXPECT_TRUE(has(out, "Đã hủy câu hỏi đang chờ. Chưa lượt ghi nào bị hủy")) << test_bot::joined(out);
    EXPECT_FALSE(has(out, "ngõ 10")) << test_bot::joined(out); // the visit is not undone
    bot.press("100", "rp:c:" + t1 + ":monthly:2026-11");
    out = bot.say("100", "/thoat");
    EXPECT_TRUE(has(out, "Đã hủy câu hỏi đang chờ.")) << test_bot::joined(out);
    EXPECT_FALSE(has(out, "Chưa lượt ghi nào")) << test_bot::joined(out); // /thoat never undoes
    EXPECT_TRUE(has(bot.say("100", "Không phải ghi chú"), "chưa hiểu"));  // the prompt is gone
    EXPECT_FALSE(current(team1));
    EXPECT_TRUE(has(bot.say("100", "/huy"), "ngõ 10")); // with no question open, /huy undoes the visit
}

TEST_F(report_fixture, only_leaders_and_deputies_of_a_team_submit) {
    EXPECT_TRUE(has(bot.say("102", "/baocao tháng"), "tổ trưởng")); // the command table refuses members
    auto out = bot.press("102", "rp:s:" + t1 + ":monthly:2026-11");
    EXPECT_TRUE(has(out, "Chỉ tổ trưởng hoặc tổ phó"));
    EXPECT_FALSE(current(team1));
    EXPECT_TRUE(has(bot.press("102", "rp:c:" + t1 + ":monthly:2026-11"), "Chỉ tổ trưởng hoặc tổ phó"));
    // Staff have no team report; they use the ward report.
    EXPECT_TRUE(has(bot.say("900", "/baocao tháng"), "/baocao phuong"));
    EXPECT_TRUE(has(bot.say("100", "/baocao phuong"), "Chỉ cán bộ phường"));
    EXPECT_TRUE(has(bot.say("100", "/baocao tuần"), "theo tháng, quý hoặc năm"));
    EXPECT_TRUE(has(bot.press("100", "rp:s:" + t1 + ":nosuchrule:2026-11"), "Nút này đã cũ"));
    // Team 2's leader pressing team 1's button (e.g. in the ward group) is refused.
    EXPECT_TRUE(has(bot.press("200", "rp:s:" + t1 + ":monthly:2026-11"), "Chỉ tổ trưởng hoặc tổ phó"));
    EXPECT_FALSE(current(team2));
}

TEST_F(report_fixture, the_ward_report_aggregates_all_teams_with_completeness_and_timeliness) {
    november_activity();
    bot.press("100", "rp:s:" + t1 + ":monthly:2026-11");
    auto out = bot.say("900", "/baocao phuong tháng");
    auto text = test_bot::joined(out);
    EXPECT_NE(text.find("Phường Hòa Xuân"), std::string::npos) << text;
    EXPECT_NE(text.find("Lượt thăm hộ: 4 (người được hỗ trợ: 10)"), std::string::npos) << text;
    EXPECT_NE(text.find("Đã nộp: 1/2 tổ (50%) — đúng hạn 1, muộn 0"), std::string::npos) << text;
    EXPECT_NE(text.find("Chưa nộp: Tổ dân phố số 2"), std::string::npos) << text;
    // /hannop for staff counts the teams.
    EXPECT_TRUE(has(bot.say("900", "/hannop"), "1/2 tổ đã nộp"));
}

// On 3/12 the year's report (due 29/11, accepted until 9/12) is due first: "/baocao phuong" kept
// opening it after every team had sent it, while the quarter's was still missing from all.
TEST_F(report_fixture,
       without_a_period_ward_staff_get_the_first_report_teams_still_owe_and_the_others_listed) {
    bot.clk.set(at(2026, 12, 3, 10));
    bot.press("100", "rp:s:" + t1 + ":yearly:2026");
    auto first = test_bot::joined(bot.say("900", "/baocao phuong"));
    EXPECT_NE(first.find("📊 Báo cáo tổng kết năm — Phường Hòa Xuân"), std::string::npos) << first;
    EXPECT_NE(first.find("Đã nộp: 1/2 tổ"), std::string::npos) << first;
    EXPECT_NE(first.find("Kỳ khác còn tổ chưa nộp: Báo cáo quý (quý IV/2026, hạn 19/12/2026: 2 tổ chưa nộp); "
                         "Báo cáo tháng (tháng 12/2026, hạn 24/12/2026: 2 tổ chưa nộp)."),
              std::string::npos)
        << first;
    // Every team has sent the year's: the quarter's opens, the year's is no longer listed.
    bot.press("200", "rp:s:" + std::to_string(team2) + ":yearly:2026");
    auto next = test_bot::joined(bot.say("900", "/baocao phuong"));
    EXPECT_NE(next.find("📊 Báo cáo quý — Phường Hòa Xuân"), std::string::npos) << next;
    EXPECT_EQ(next.find("Báo cáo tổng kết năm"), std::string::npos) << next;
    EXPECT_NE(next.find("Kỳ khác còn tổ chưa nộp: Báo cáo tháng (tháng 12/2026"), std::string::npos) << next;
    // Asked by name, the year's is still there.
    EXPECT_TRUE(has(bot.say("900", "/baocao phuong năm"), "Báo cáo tổng kết năm"));
    bot.say("900", "/ngonngu en");
    auto en = test_bot::joined(bot.say("900", "/report ward"));
    EXPECT_NE(en.find("Other reports teams still owe: Monthly report (December 2026, due 24/12/2026: 2 teams "
                      "missing)."),
              std::string::npos)
        << en;
}

// A team that came into the bot on 3/12 does not owe the year's report due 29/11: the ward's
// count and its list of missing teams leave it out, as its card, the reminders and
// /thongbao chua-bao-cao do; the quarter's, due later, counts it.
TEST_F(report_fixture, the_wards_count_leaves_out_a_team_added_after_the_deadline) {
    bot.clk.set(at(2026, 12, 3, 10));
    auto team3 = bot.team(ward, "Tổ dân phố số 3");
    bot.member(ward, team3, "Đỗ Văn Khoa", "leader", "300");
    bot.press("100", "rp:s:" + t1 + ":yearly:2026");
    auto year = test_bot::joined(bot.say("900", "/baocao phuong năm"));
    EXPECT_NE(year.find("Đã nộp: 1/2 tổ (50%)"), std::string::npos) << year;
    EXPECT_NE(year.find("Chưa nộp: Tổ dân phố số 2\n"), std::string::npos) << year;
    EXPECT_EQ(year.find("Tổ dân phố số 3"), std::string::npos) << year;
    auto quarter = test_bot::joined(bot.say("900", "/baocao phuong quý"));
    EXPECT_NE(quarter.find("Đã nộp: 0/3 tổ"), std::string::npos) << quarter;
    auto deadlines = test_bot::joined(bot.say("900", "/hannop"));
    EXPECT_NE(deadlines.find("1/2 tổ đã nộp"), std::string::npos) << deadlines;
    EXPECT_NE(deadlines.find("0/3 tổ đã nộp"), std::string::npos) << deadlines;
    // A team that sends it anyway is counted with those that did.
    bot.press("300", "rp:s:" + std::to_string(team3) + ":yearly:2026");
    auto sent = test_bot::joined(bot.say("900", "/baocao phuong năm"));
    EXPECT_NE(sent.find("Đã nộp: 2/3 tổ"), std::string::npos) << sent;
}

// A ward that starts with the bot on 3/12, in the year-end report's grace days: /baocao and the
// reminders already leave that report out, but /hannop told the leader it was overdue and the
// staff "0/0 tổ đã nộp".
TEST_F(report_fixture, deadlines_say_a_report_due_before_the_team_came_is_not_owed) {
    bot.clk.set(at(2026, 12, 3, 10));
    auto new_ward = bot.ward("Xã Hòa Phước");
    auto team = bot.team(new_ward, "Thôn Phước Thuận");
    bot.member(new_ward, team, "Đỗ Văn Tâm", "leader", "310");
    bot.member(new_ward, 0, "Lê Thị Hoa", "ward_staff", "910");
    auto leader = test_bot::joined(bot.say("310", "/hannop"));
    EXPECT_NE(leader.find("tổ vào sau hạn này nên không phải nộp"), std::string::npos) << leader;
    EXPECT_EQ(leader.find("quá hạn"), std::string::npos) << leader;
    EXPECT_NE(leader.find("Báo cáo quý (quý IV/2026)"), std::string::npos) << leader; // still listed
    auto staff = test_bot::joined(bot.say("910", "/hannop"));
    EXPECT_NE(staff.find("không tổ nào phải nộp: các tổ đều vào sau hạn này"), std::string::npos) << staff;
    EXPECT_EQ(staff.find("0/0"), std::string::npos) << staff;
    EXPECT_NE(staff.find("0/1 tổ đã nộp"), std::string::npos) << staff; // the quarter's, owed
}

TEST_F(report_fixture, past_the_due_date_ward_staff_see_the_report_is_overdue_and_the_last_day_to_send) {
    bot.press("100", "rp:s:" + t1 + ":monthly:2026-11");
    EXPECT_FALSE(has(bot.say("900", "/baocao phuong tháng"), "quá hạn")); // due today 17:00
    EXPECT_FALSE(has(bot.say("900", "/hannop"), "quá hạn"));
    bot.clk.set(at(2026, 11, 26, 10));
    auto report = test_bot::joined(bot.say("900", "/baocao phuong tháng"));
    EXPECT_NE(
        report.find(
            "Chưa nộp: Tổ dân phố số 2\n⚠️ Đã quá hạn; tổ chưa nộp còn nộp muộn được "
            "đến "
            "Chủ "
            "nhật, "
            "29/11/2026 lúc 17:00."),
        std::string::npos)
        << report;
    auto deadlines = test_bot::joined(bot.say("900", "/hannop"));
    EXPECT_NE(
        deadlines.find(
            "1/2 tổ đã nộp (1 đúng hạn); ⚠️ đã quá hạn, tổ chưa nộp còn nộp muộn "
            "được "
            "đến "
            "Chủ "
            "nhật, 29/11/2026 lúc 17:00"),
        std::string::npos)
        << deadlines;
    // Once every team has sent it, nothing is overdue any more.
    bot.press("200", "rp:s:" + std::to_string(team2) + ":monthly:2026-11");
    EXPECT_FALSE(has(bot.say("900", "/baocao phuong tháng"), "quá hạn"));
    auto after = test_bot::joined(bot.say("900", "/hannop"));
    EXPECT_NE(after.find("2/2 tổ đã nộp (1 đúng hạn)"), std::string::npos) << after;
    EXPECT_EQ(after.find("quá hạn"), std::string::npos) << after;
}

TEST_F(report_fixture, teams_not_reported_are_those_without_the_report_currently_due) {
    EXPECT_EQ(teams_not_reported(*bot.db, bot.cfg, ward, bot.clk.now()),
              (std::vector<std::int64_t>{team1, team2}));
    bot.press("100", "rp:s:" + t1 + ":monthly:2026-11");
    EXPECT_EQ(teams_not_reported(*bot.db, bot.cfg, ward, bot.clk.now()), (std::vector<std::int64_t>{team2}));
    // Once November locks, the overdue yearly report (due 29/11, open until 9/12) is the one due.
    EXPECT_EQ(teams_not_reported(*bot.db, bot.cfg, ward, at(2026, 11, 30, 9)),
              (std::vector<std::int64_t>{team1, team2}));
}

TEST_F(report_fixture, ward_staff_add_a_one_off_deadline_that_teams_see_and_get_reminded_of) {
    auto out = bot.say("900", "/hannop_them Rà soát danh sách tổ; 22/12/2026");
    EXPECT_TRUE(has(out, "Đã thêm hạn Rà soát danh sách tổ")) << test_bot::joined(out);
    EXPECT_TRUE(has(out, "22/12/2026 lúc 17:00"));
    EXPECT_TRUE(has(bot.say("100", "/hannop"), "Rà soát danh sách tổ"));
    // Reminded like any deadline: three days before at 08:00.
    reminder_run run;
    bot.db->in_transaction([&] { run = plan_reminders(*bot.db, bot.cfg, at(2026, 12, 19, 8)); });
    std::string button;
    for (auto& m : run.messages)
        if (m.to.chat_id == "-1001" && m.text.find("Rà soát danh sách tổ") != std::string::npos &&
            !m.choices.empty())
            button = m.choices.front().front().data;
    ASSERT_FALSE(button.empty()) << run.messages.size() << " " << (run.log.empty() ? "" : run.log[0]);
    // "/baocao" alone would open another report: the reminder's button opens this one, in the group.
    auto opened = bot.press("100", button, "-1001");
    EXPECT_TRUE(has(opened, "Rà soát danh sách tổ — Tổ dân phố số 1")) << test_bot::joined(opened);
    EXPECT_TRUE(has(bot.press("102", button, "-1001"), "Chỉ tổ trưởng"));
    // The leader submits it with /baocao (no period: the open deadline due first; on 27/12
    // the quarter has locked and December's monthly report is due after it).
    bot.clk.set(at(2026, 12, 27, 9));
    auto report = bot.say("100", "/baocao");
    EXPECT_TRUE(has(report, "Rà soát danh sách tổ")) << test_bot::joined(report);
}

// In English the built-in deadlines were "Báo cáo tháng for November 2026": named in English
// now; a deadline ward staff wrote keeps their words.
TEST_F(report_fixture, english_readers_see_the_built_in_deadlines_named_in_english) {
    bot.say("900", "/hannop_them Rà soát danh sách tổ; 22/12/2026");
    bot.say("100", "/ngonngu en");
    auto list = test_bot::joined(bot.say("100", "/deadlines"));
    EXPECT_NE(list.find("Monthly report for November 2026"), std::string::npos) << list;
    EXPECT_NE(list.find("Quarterly report"), std::string::npos) << list;
    EXPECT_NE(list.find("Rà soát danh sách tổ"), std::string::npos) << list;
    EXPECT_EQ(list.find("Báo cáo"), std::string::npos) << list;
    auto card = test_bot::joined(bot.say("100", "/report month"));
    EXPECT_NE(card.find("Monthly report — Tổ dân phố số 1"), std::string::npos) << card;
    // The Vietnamese reader is unchanged.
    auto vi = test_bot::joined(bot.say("101", "/hannop"));
    EXPECT_NE(vi.find("Báo cáo tháng"), std::string::npos) << vi;
}

TEST_F(report_fixture, a_leader_opens_and_submits_a_one_off_deadline_from_the_deadlines_list) {
    bot.say("900", "/hannop_them Rà soát danh sách tổ; 22/12/2026");
    auto list = bot.say("100", "/hannop");
    auto data = test_bot::button(list, "Rà soát danh sách tổ");
    ASSERT_FALSE(data.empty()) << test_bot::joined(list);
    EXPECT_FALSE(test_bot::button(list, "Báo cáo tháng").empty());
    EXPECT_TRUE(has(list, "Bấm một hạn bên dưới"));
    EXPECT_LE(data.size(), 64u); // Telegram's limit for a button's data
    // "/baocao" alone would open November's monthly report, due first.
    auto report = bot.press("100", data);
    EXPECT_TRUE(has(report, "Rà soát danh sách tổ — Tổ dân phố số 1")) << test_bot::joined(report);
    auto submit = test_bot::button(report, "Nộp báo cáo");
    ASSERT_FALSE(submit.empty()) << test_bot::joined(report);
    EXPECT_TRUE(has(bot.press("100", submit), "Đã nộp"));
    EXPECT_TRUE(has(bot.say("100", "/hannop"), "đã nộp đúng hạn"));
    // Members get no buttons, and are told who submits; staff are pointed to the ward's report.
    auto member_list = bot.say("102", "/hannop");
    EXPECT_TRUE(test_bot::button(member_list, "Rà soát").empty());
    EXPECT_TRUE(has(member_list, "Tổ trưởng hoặc tổ phó nộp báo cáo")) << test_bot::joined(member_list);
    EXPECT_TRUE(has(bot.say("900", "/hannop"), "/baocao phuong"));
    // The view button is the leader's own: another team's leader is refused.
    EXPECT_TRUE(has(bot.press("200", data), "Chỉ tổ trưởng")) << test_bot::joined(bot.press("200", data));
}

TEST_F(report_fixture, last_months_report_is_shown_on_request_even_after_it_locked) {
    // On 24/11 the open monthly report is November's; "tháng trước" is October's, locked.
    auto october = test_bot::joined(bot.say("100", "/baocao tháng trước"));
    EXPECT_NE(october.find("Kỳ: tháng 10/2026"), std::string::npos) << october;
    EXPECT_NE(october.find("khóa"), std::string::npos) << october;
    // Once November's has closed, "tháng trước" still means November.
    bot.clk.set(at(2026, 12, 5, 9));
    auto november = test_bot::joined(bot.say("100", "/baocao tháng trước"));
    EXPECT_NE(november.find("Kỳ: tháng 11/2026"), std::string::npos) << november;
    EXPECT_NE(test_bot::joined(bot.say("100", "/baocao tháng này")).find("Kỳ: tháng 12/2026"),
              std::string::npos);
}

TEST_F(report_fixture, a_report_named_by_its_period_is_shown_open_or_locked) {
    auto october = test_bot::joined(bot.say("100", "/baocao tháng 10"));
    EXPECT_NE(october.find("Kỳ: tháng 10/2026"), std::string::npos) << october;
    EXPECT_NE(october.find("khóa"), std::string::npos) << october;
    auto november = bot.say("100", "/baocao tháng 11");
    EXPECT_TRUE(has(november, "Kỳ: tháng 11/2026"));
    EXPECT_FALSE(test_bot::button(november, "Nộp báo cáo").empty()) << test_bot::joined(november);
    EXPECT_TRUE(has(bot.say("900", "/baocao phuong quý 3"), "quý III/2026"));
    EXPECT_TRUE(has(bot.say("100", "/baocao tháng 12/2026"), "chưa bắt đầu"));
    // Without a year the month is the most recent one of that name: last December.
    EXPECT_TRUE(has(bot.say("100", "/baocao tháng 12"), "Kỳ: tháng 12/2025"));
}

TEST_F(report_fixture, adding_a_deadline_explains_what_is_wrong) {
    EXPECT_TRUE(has(bot.say("900", "/hannop_them Rà soát 22/12/2026"), "Viết theo mẫu"));
    EXPECT_TRUE(has(bot.say("900", "/hannop_them ; 22/12/2026"), "Viết theo mẫu"));
    EXPECT_TRUE(has(bot.say("900", "/hannop_them Rà soát; 31/4/2026"), "Không đọc được ngày «31/4/2026»"));
    EXPECT_TRUE(has(bot.say("900", "/hannop_them Rà soát; 22/12/2026 25:00"), "Không đọc được ngày"));
    EXPECT_TRUE(has(bot.say("900", "/hannop_them Rà soát; 1/1/2026"), "đã qua"));
    EXPECT_TRUE(has(bot.say("100", "/hannop_them Rà soát; 22/12/2026"), "cán bộ phường"));
    // The examples are dates the command would accept today (24/11/2026): two weeks ahead.
    auto form = test_bot::joined(bot.say("900", "/hannop_them"));
    EXPECT_NE(form.find("Ví dụ: /hannop_them Rà soát danh sách tổ; 8/12/2026"), std::string::npos) << form;
    EXPECT_TRUE(has(bot.say("900", "/hannop_them Rà soát; 32/1"),
                    "ví dụ 8/12/2026 (có thể thêm giờ: 8/12/2026 17:00)"));
    EXPECT_TRUE(has(bot.say("100", "/hannop_them"), "cán bộ phường"));
    EXPECT_TRUE(extra_deadline_store(*bot.db).of_ward(ward).empty());
}

TEST_F(report_fixture, deadlines_list_shows_each_rule_with_its_period_and_status) {
    auto text = test_bot::joined(bot.say("100", "/hannop"));
    EXPECT_NE(text.find("Hạn báo cáo của Tổ dân phố số 1"), std::string::npos) << text;
    EXPECT_NE(text.find("Báo cáo tháng (tháng 11/2026): hạn Thứ Ba, 24/11/2026 lúc 17:00"), std::string::npos)
        << text;
    EXPECT_NE(text.find("Báo cáo quý (quý IV/2026)"), std::string::npos) << text;
    EXPECT_NE(text.find("Báo cáo tổng kết năm (năm 2026)"), std::string::npos) << text;
    bot.clk.set(at(2026, 11, 25, 9));
    EXPECT_TRUE(has(bot.say("100", "/hannop"), "quá hạn, còn nộp được đến"));
}

// In mid-December the year-end report of 2026 has locked (due 30/11, ten days' grace), and
// /hannop offered 2027's, due 30/11/2027, with a button to open it. A leader sees this month's
// and this quarter's reports and how the year's report stands, and nothing a year away.
TEST_F(report_fixture, in_december_the_deadlines_show_this_years_report_not_next_years) {
    bot.submit_report(ward, team1, "yearly", "2026", at(2026, 11, 27, 10));
    bot.clk.set(at(2026, 12, 15, 9));
    for (auto user : {"100", "200"}) {
        auto out = bot.say(user, "/hannop");
        auto text = test_bot::joined(out);
        EXPECT_EQ(text.find("2027"), std::string::npos) << text;
        EXPECT_NE(text.find("Báo cáo tháng (tháng 12/2026)"), std::string::npos) << text;
        EXPECT_NE(text.find("Báo cáo quý (quý IV/2026)"), std::string::npos) << text;
        EXPECT_NE(text.find("Báo cáo tổng kết năm (năm 2026)"), std::string::npos) << text;
        // Team 1 sent it; team 2 did not, and cannot any more.
        EXPECT_NE(text.find(user == std::string("100") ? "đã nộp đúng hạn" : "đã khóa, không nộp"),
                  std::string::npos)
            << text;
        for (auto& o : out)
            for (auto& row : o.choices)
                for (auto& b : row)
                    EXPECT_EQ(b.data.find("2027"), std::string::npos) << b.data;
    }
    // Ward staff are not shown next year's either.
    auto staff_view = test_bot::joined(bot.say("900", "/hannop"));
    EXPECT_EQ(staff_view.find("2027"), std::string::npos) << staff_view;
    // Once 2027 has begun, its year-end report is the current one.
    bot.clk.set(at(2027, 1, 4, 9));
    EXPECT_TRUE(has(bot.say("100", "/hannop"), "Báo cáo tổng kết năm (năm 2027)"));
}

// /thongke listed topics by how many records each had, the report card in the topic table's
// order: the same figures read in two orders. Both follow the table now.
TEST_F(report_fixture, stats_and_the_report_card_list_topics_in_the_same_order) {
    november_activity(); // VNeID twice, the other topics once: by count, VNeID came first
    auto order = [](const std::string& text) {
        std::vector<std::pair<std::size_t, std::string>> found;
        for (auto& t : all_topics())
            if (auto at = text.find("• " + std::string(t.name_vi) + ":"); at != std::string::npos)
                found.emplace_back(at, t.name_vi);
        std::sort(found.begin(), found.end());
        std::vector<std::string> names;
        for (auto& f : found)
            names.push_back(f.second);
        return names;
    };
    std::vector<std::string> table{"Dịch vụ công trực tuyến", "Định danh điện tử VNeID",
                                   "Thanh toán không dùng tiền mặt", "Phòng chống lừa đảo"};
    auto stats = test_bot::joined(bot.say("100", "/thongke tháng"));
    auto card = test_bot::joined(bot.say("100", "/baocao tháng"));
    EXPECT_EQ(order(stats), table) << stats;
    EXPECT_EQ(order(card), table) << card;
}

} // namespace
} // namespace cnscd

namespace cnscd {
namespace {

// A ward that itself reports quarterly to the district, before the 26th of the quarter's last month.
config with_ward_deadline() {
    config c;
    c.default_deadlines = builtin_deadlines();
    deadline_config w;
    w.code = "ward_quarterly";
    w.name = "Báo cáo quý của phường";
    w.kind = "quarterly";
    w.day = 26;
    w.who = "ward";
    c.default_deadlines.push_back(w);
    return c;
}

struct ward_deadline_fixture : ::testing::Test {
    test_bot bot{with_ward_deadline()};
    std::int64_t ward = bot.ward("Phường Hòa Xuân");
    std::int64_t team1 = bot.team(ward, "Tổ dân phố số 1");
    std::int64_t leader = bot.member(ward, team1, "Trần Văn Bình", "leader", "100");
    std::int64_t staff = bot.member(ward, 0, "Ngô Thị Hạnh", "ward_staff", "900");

    std::size_t reminders_to_staff(std::int64_t when) {
        reminder_run run;
        bot.db->in_transaction([&] { run = plan_reminders(*bot.db, bot.cfg, when); });
        std::size_t n = 0;
        for (auto& m : run.messages)
            n += m.to.chat_id == "900" && m.text.find("Báo cáo quý của phường") != std::string::npos;
        return n;
    }
};

TEST_F(ward_deadline_fixture, staff_submit_the_wards_own_report_and_its_reminders_stop) {
    EXPECT_EQ(reminders_to_staff(at(2026, 12, 23, 8)), 1u); // three days before, to ward staff
    bot.clk.set(at(2026, 12, 24, 9));
    auto out = bot.say("900", "/baocao phuong quý");
    EXPECT_TRUE(has(out, "Báo cáo của phường: Báo cáo quý của phường (quý IV/2026)"))
        << test_bot::joined(out);
    ASSERT_EQ(out.size(), 1u);
    ASSERT_EQ(out[0].choices.size(), 1u);
    EXPECT_EQ(out[0].choices[0][0].data, "rp:w:ward_quarterly:2026-Q4");
    EXPECT_TRUE(has(bot.press("100", "rp:w:ward_quarterly:2026-Q4"), "Chỉ cán bộ phường"));
    EXPECT_TRUE(has(bot.press("900", "rp:w:ward_quarterly:2026-Q4"), "Đã nộp Báo cáo quý của phường"));
    auto s = report_store(*bot.db).current(ward, std::nullopt, "ward_quarterly", "2026-Q4");
    ASSERT_TRUE(s);
    EXPECT_TRUE(s->on_time);
    EXPECT_EQ(reminders_to_staff(at(2026, 12, 26, 8)), 0u); // submitted: no reminder on the day
    // A team's button cannot file a ward deadline, nor the ward button a team one.
    EXPECT_TRUE(has(bot.press("900", "rp:w:quarterly:2026-Q4"), "Nút này đã cũ"));
}

} // namespace
} // namespace cnscd

namespace cnscd {
namespace {

config with_targets() {
    config c;
    ward_config w;
    w.name = "Phường Hòa Xuân";
    w.targets = {{"households", "Hộ được hướng dẫn", "households", 40, "month", ""},
                 {"vneid", "Người được hướng dẫn VNeID", "topic:vneid", 2000, "year", ""}};
    c.wards = {w};
    return c;
}

TEST(report_targets, a_team_sees_its_part_of_the_wards_monthly_goal_by_households) {
    test_bot bot{with_targets()};
    auto ward = bot.ward("Phường Hòa Xuân");
    auto team1 = bot.team(ward, "Tổ dân phố số 1");
    auto team2 = bot.team(ward, "Tổ dân phố số 2");
    for (auto [id, households] : {std::pair{team1, 300}, {team2, 100}}) {
        auto t = *team_store(*bot.db).by_id(id);
        t.households = households;
        team_store(*bot.db).update(t);
    }
    auto leader = bot.member(ward, team1, "Trần Văn Bình", "leader", "100");
    bot.member(ward, 0, "Ngô Thị Hạnh", "ward_staff", "900");
    for (auto [team, day] : {std::pair{team1, "2026-11-02"},
                             {team1, "2026-11-03"},
                             {team1, "2026-11-04"},
                             {team2, "2026-11-05"}}) {
        visit_record v;
        v.ward_id = ward;
        v.team_id = team;
        v.member_id = leader;
        v.day = day;
        v.recorded_at = bot.clk.now();
        v.topics = {"dvc"};
        visit_store(*bot.db).add(v);
    }
    // Team 1 has 300 of the ward's 400 households: 30 of the 40 a month.
    auto team = test_bot::joined(bot.say("100", "/baocao tháng"));
    EXPECT_NE(team.find("Hộ được hướng dẫn: 3/30 (10%)"), std::string::npos) << team;
    EXPECT_EQ(team.find("VNeID"), std::string::npos); // a yearly goal is not shown on a monthly report
    auto ward_report = test_bot::joined(bot.say("900", "/baocao phuong tháng"));
    EXPECT_NE(ward_report.find("Hộ được hướng dẫn: 4/40 (10%)"), std::string::npos) << ward_report;
}

} // namespace
} // namespace cnscd
