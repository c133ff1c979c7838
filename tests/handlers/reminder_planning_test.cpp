#include "handlers/delivery_hooks.hpp"
#include "handlers/reminder_planning.hpp"
#include "messages/markup.hpp"
#include "storage/database.hpp"
#include "storage/outbox.hpp"
#include "storage/report_store.hpp"
#include "tests/support/test_bot.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <map>

namespace cnscd {
namespace {

using namespace std::chrono;
using test::test_bot;

const local_time vn{7 * 60};

std::int64_t at(int y, unsigned m, unsigned d, int h, int min = 0) {
    return vn.at(year_month_day{year{y}, month{m}, day{d}}, h, min);
}

struct sent_message {
    std::int64_t at;
    std::string chat;
    std::string text;
    std::string button; // the first button's data, "" without one
};

// A ward with two teams: team 1 has a bound group and a linked leader, team 2 only a linked
// leader; one ward staff member. The built-in calendar (monthly 24th, quarterly 19th of the
// quarter's last month, yearly 29/11).
struct reminder_fixture : ::testing::Test {
    virtual ~reminder_fixture() = default;
    std::string path = (std::filesystem::temp_directory_path() /
                        ("reminders-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) +
                         "-" + ::testing::UnitTest::GetInstance()->current_test_info()->name() + ".db"))
                           .string();
    std::unique_ptr<test_bot> bot;
    std::int64_t ward = 0, team1 = 0, team2 = 0, leader1 = 0;
    std::vector<sent_message> sent;
    std::vector<std::string> log;
    std::vector<std::string> missed; // logged as warnings

    // Only the monthly deadline, so each test's counts are about one rule.
    virtual config make_config() {
        config c;
        c.default_deadlines = {builtin_deadlines().front()};
        return c;
    }

    virtual channel platform() { return channel::telegram; }

    void SetUp() override {
        std::filesystem::remove(path);
        bot = std::make_unique<test_bot>(make_config(), path);
        bot->platform = platform();
        ward = bot->ward("Phường Hòa Xuân");
        // The teams were there before every deadline the tests play (from January 2026).
        team1 = bot->team(ward, "Tổ dân phố số 1", at(2025, 12, 1, 0));
        team2 = bot->team(ward, "Tổ dân phố số 2", at(2025, 12, 1, 0));
        leader1 = bot->member(ward, team1, "Trần Văn Bình", "leader", "101");
        bot->member(ward, team1, "Lê Thị Cúc", "member", "102");
        bot->member(ward, team2, "Võ Thị Giang", "leader", "201");
        bot->member(ward, 0, "Ngô Thị Hạnh", "ward_staff", "900");
        bot->bind_group("-1001", ward, team1);
    }
    void TearDown() override {
        bot.reset();
        std::filesystem::remove(path);
    }

    // One scheduler tick at `now`, in its own transaction, as the scheduler runs it.
    void tick(std::int64_t now) {
        bot->db->in_transaction([&] {
            auto run = plan_reminders(*bot->db, bot->cfg, now);
            for (auto& m : run.messages)
                sent.push_back({now, m.to.chat_id, markup::to_plain(m.text),
                                m.choices.empty() ? "" : m.choices.front().front().data});
            log.insert(log.end(), run.log.begin(), run.log.end());
            missed.insert(missed.end(), run.missed.begin(), run.missed.end());
        });
    }
    void step(std::int64_t from, std::int64_t to, std::int64_t every = 1800) {
        for (auto t = from; t <= to; t += every)
            tick(t);
    }
    void restart() {
        bot->db.reset();
        bot->db = database::open(path);
    }
    void submit(std::int64_t team, const std::string& code, const std::string& period, std::int64_t when) {
        bot->submit_report(ward, team, code, period, when);
    }
    std::vector<sent_message> to(const std::string& chat) const {
        std::vector<sent_message> out;
        for (auto& s : sent)
            if (s.chat == chat)
                out.push_back(s);
        return out;
    }
    std::vector<std::int64_t> times_to(const std::string& chat, const std::string& needle) const {
        std::vector<std::int64_t> out;
        for (auto& s : to(chat))
            if (s.text.find(needle) != std::string::npos)
                out.push_back(s.at);
        return out;
    }
};

// The whole built-in calendar.
struct full_calendar_fixture : reminder_fixture {
    config make_config() override { return {}; }
};

TEST_F(full_calendar_fixture, a_whole_year_of_reminders_each_sent_once_at_its_time) {
    // Team 2 submits June's monthly report early; it gets no June reminder at all.
    bool submitted = false;
    for (auto t = at(2026, 1, 1, 0); t <= at(2026, 12, 31, 23, 30); t += 1800) {
        if (!submitted && t >= at(2026, 6, 20, 10)) {
            submit(team2, "monthly", "2026-06", t);
            submitted = true;
        }
        tick(t);
    }
    // Per year: monthly 12 x (3 before + 5 overdue), quarterly 4 x (3 + 7), yearly 4 + 10.
    EXPECT_EQ(to("-1001").size(), 96u + 40u + 14u);
    EXPECT_EQ(to("101").size(), 150u);
    EXPECT_EQ(to("201").size(), 150u - 8u);
    EXPECT_EQ(to("102").size(), 0u); // members are reminded in the group, not privately
    // Staff: a summary at each deadline plus one list per overdue day (team 1 never submits).
    EXPECT_EQ(to("900").size(), 12u * 6 + 4u * 8 + 11u);

    // March's monthly reminders: 21, 23, 24 at 08:00, then overdue 25..29 at 08:00.
    EXPECT_EQ(times_to("-1001", "tháng 3/2026"),
              (std::vector<std::int64_t>{at(2026, 3, 21, 8), at(2026, 3, 23, 8), at(2026, 3, 24, 8),
                                         at(2026, 3, 25, 8), at(2026, 3, 26, 8), at(2026, 3, 27, 8),
                                         at(2026, 3, 28, 8), at(2026, 3, 29, 8)}));
    // February has 28 days; the deadline is still the 24th.
    EXPECT_EQ(times_to("-1001", "tháng 2/2026").front(), at(2026, 2, 21, 8));
    // Quarter IV: before 19/12, overdue until 26/12.
    auto q4 = times_to("-1001", "quý IV/2026");
    ASSERT_EQ(q4.size(), 10u);
    EXPECT_EQ(q4.front(), at(2026, 12, 16, 8));
    EXPECT_EQ(q4.back(), at(2026, 12, 26, 8));
    // The yearly report: 7, 3, 1 days before 29/11 and on the day.
    auto yearly = times_to("-1001", "năm 2026");
    ASSERT_EQ(yearly.size(), 14u);
    EXPECT_EQ(yearly[0], at(2026, 11, 22, 8));
    EXPECT_EQ(yearly[3], at(2026, 11, 29, 8));
    EXPECT_EQ(yearly[4], at(2026, 11, 30, 8));
    // No June reminder to the team that submitted.
    EXPECT_TRUE(times_to("201", "tháng 6/2026").empty());
    EXPECT_EQ(times_to("201", "tháng 5/2026").size(), 8u);

    // What a reminder says: what, which period, by when, how to submit.
    auto first = to("-1001").front();
    EXPECT_EQ(first.at, at(2026, 1, 21, 8));
    EXPECT_NE(first.text.find("Báo cáo tháng"), std::string::npos);
    EXPECT_NE(first.text.find("tháng 1/2026"), std::string::npos);
    EXPECT_NE(first.text.find("24/01/2026 lúc 17:00"), std::string::npos);
    EXPECT_NE(first.text.find("còn 3 ngày"), std::string::npos);
    // On Telegram, with the button that opens that report.
    EXPECT_NE(first.text.find("bấm nút bên dưới"), std::string::npos) << first.text;
    EXPECT_EQ(first.button, "rp:v:" + std::to_string(team1) + ":monthly:2026-01");
    // The staff summary at the June deadline names the missing team only.
    auto june = times_to("900", "tháng 6/2026");
    ASSERT_FALSE(june.empty());
    EXPECT_EQ(june.front(), at(2026, 6, 24, 17));
    for (auto& s : to("900"))
        if (s.at == at(2026, 6, 24, 17) && s.text.find("tháng 6/2026") != std::string::npos) {
            EXPECT_NE(s.text.find("Tổ dân phố số 1"), std::string::npos);
            EXPECT_EQ(s.text.find("Tổ dân phố số 2"), std::string::npos);
            EXPECT_NE(s.text.find("1/2"), std::string::npos);
        }
    EXPECT_TRUE(log.size() > 0);
    for (auto& l : log)
        EXPECT_EQ(l.find("skipped"), std::string::npos) << l;
}

// Zalo groups have no buttons anyone can press: the reminder names the command instead.
struct zalo_reminder_fixture : reminder_fixture {
    channel platform() override { return channel::zalo_bot; }
};

TEST_F(zalo_reminder_fixture, a_reminder_without_buttons_names_the_command) {
    tick(at(2026, 1, 21, 8));
    auto group = to("-1001");
    ASSERT_EQ(group.size(), 1u);
    EXPECT_NE(group[0].text.find("Tổ trưởng gõ /baocao tháng"), std::string::npos) << group[0].text;
    EXPECT_EQ(group[0].button, "");
    // The leader's own copy speaks to the leader, not of "the leader".
    auto leader = to("101");
    ASSERT_EQ(leader.size(), 1u);
    EXPECT_NE(leader[0].text.find("Bạn gõ /baocao tháng"), std::string::npos) << leader[0].text;
    EXPECT_EQ(leader[0].text.find("Tổ trưởng"), std::string::npos) << leader[0].text;
}

// A leader who reads English was told "Type /baocao tháng to see the figures and submit.": the
// command was written out in Vietnamese whatever the reader's language.
TEST_F(zalo_reminder_fixture, a_reminder_in_english_names_the_english_command) {
    member_store(*bot->db).set_language(leader1, "en");
    tick(at(2026, 1, 21, 8));
    auto leader = to("101");
    ASSERT_EQ(leader.size(), 1u);
    EXPECT_NE(leader[0].text.find("Type /report month to see the figures and submit."), std::string::npos)
        << leader[0].text;
    EXPECT_EQ(leader[0].text.find("/baocao"), std::string::npos) << leader[0].text;
    // The Vietnamese readers' reminders are as they were.
    auto group = to("-1001");
    ASSERT_EQ(group.size(), 1u);
    EXPECT_NE(group[0].text.find("Tổ trưởng gõ /baocao tháng"), std::string::npos) << group[0].text;
}

// Zalo OA lets the bot write to someone privately only within 7 days of their last message.
struct zalo_oa_reminder_fixture : reminder_fixture {
    channel platform() override { return channel::zalo_oa; }
    void writes_privately(const std::string& user, std::int64_t when) {
        bot->clk.set(when);
        bot->say(user, "/hannop");
    }
};

TEST_F(zalo_oa_reminder_fixture, private_reminders_go_only_to_leaders_who_wrote_in_the_last_7_days) {
    // Everyone linked on 24/11. Leader 1 writes on 19/12, leader 2 on 10/12, the staff on 20/12.
    writes_privately("101", at(2026, 12, 19, 20));
    writes_privately("201", at(2026, 12, 10, 20));
    writes_privately("900", at(2026, 12, 20, 20));
    step(at(2026, 12, 21, 0), at(2026, 12, 24, 17));
    // Team 1: its group and its leader (wrote 2 days before); team 2's leader went quiet on the 17th.
    EXPECT_EQ(times_to("-1001", "tháng 12/2026").size(), 3u);
    EXPECT_EQ(times_to("101", "tháng 12/2026").size(), 3u);
    EXPECT_TRUE(times_to("201", "tháng 12/2026").empty());
    // Leader 1's window closes on the 26th: from the reminder 3 days before, it says how to keep it.
    EXPECT_EQ(times_to("101", "Nhắn cho OA một tin bất kỳ"),
              (std::vector<std::int64_t>{at(2026, 12, 24, 8)}));
    EXPECT_TRUE(times_to("-1001", "Nhắn cho OA").empty()) << "groups have no window";
    int logged = 0;
    for (auto& l : log)
        logged += l.find("not sent privately to 1 leader(s) on Zalo OA") != std::string::npos &&
                  l.find("Tổ dân phố số 2") != std::string::npos;
    EXPECT_EQ(logged, 3); // the 21st, 23rd and 24th
    // The staff summary says which team no reminder reaches, and what to do.
    auto staff = to("900");
    ASSERT_EQ(staff.size(), 1u);
    EXPECT_NE(staff[0].text.find("Bot không nhắc được Tổ dân phố số 2: tổ chưa gắn nhóm chat"),
              std::string::npos)
        << staff[0].text;
    EXPECT_NE(staff[0].text.find("Hãy gọi điện nhắc tổ trưởng"), std::string::npos);
    EXPECT_EQ(staff[0].text.find("Bot không nhắc được Tổ dân phố số 1"), std::string::npos);
    // Once leader 2 writes again, the overdue reminders reach them.
    writes_privately("201", at(2026, 12, 25, 7));
    step(at(2026, 12, 25, 0), at(2026, 12, 25, 9));
    EXPECT_EQ(times_to("201", "tháng 12/2026").size(), 1u);
}

TEST_F(zalo_oa_reminder_fixture,
       a_staff_member_silent_for_7_days_gets_no_summary_sent_into_the_closed_window) {
    step(at(2026, 12, 21, 0), at(2026, 12, 24, 17)); // nobody wrote since linking on 24/11
    EXPECT_TRUE(to("900").empty());
    EXPECT_TRUE(to("101").empty());
    EXPECT_EQ(times_to("-1001", "tháng 12/2026").size(), 3u); // the group still gets them
}

// What a leader or ward staff member writes back after their window closed: the reply, and the
// latest reminder that could not reach them, if it still applies.
struct missed_reminder_fixture : zalo_oa_reminder_fixture {
    // Zalo refuses the latest message queued for `user` for its window, as the sender reports it.
    void refused_for_the_window(const std::string& user) {
        std::optional<outbox_row> last;
        for (std::int64_t id = 1; auto row = outbox(*bot->db).find(id); ++id)
            if (row->message.to.chat_id == user)
                last = row;
        ASSERT_TRUE(last);
        bot->db->in_transaction([&] {
            delivery_report r;
            r.row = *last;
            r.error = "Zalo error -230: User has not interacted with the OA in the past 7 days";
            r.outside_window = true;
            r.at = bot->clk.now();
            on_delivery(*bot->db, bot->env, r);
        });
    }
    std::vector<std::string> back(const std::string& user, std::int64_t when) {
        bot->clk.set(when);
        std::vector<std::string> caught_up;
        for (auto& o : bot->say(user, "/hannop"))
            if (o.text.find("chưa đến được với bạn") != std::string::npos)
                caught_up.push_back(markup::to_plain(o.text));
        return caught_up;
    }
};

// Zalo refused a reminder for its window although the leader wrote 3 days before by the bot's
// count (-230, -232): nothing more is sent into the closed window, and when the leader writes
// again they get the latest reminder they missed, as when the bot knew the window had closed.
TEST_F(missed_reminder_fixture, a_leader_zalo_refused_for_the_window_gets_what_they_missed_when_back) {
    writes_privately("201", at(2026, 12, 18, 20)); // open until the 25th, by the bot's count
    tick(at(2026, 12, 21, 8));
    ASSERT_EQ(to("201").size(), 1u);
    refused_for_the_window("201");
    step(at(2026, 12, 21, 9), at(2026, 12, 23, 9));
    EXPECT_EQ(to("201").size(), 1u) << "the reminder of the 23rd is not sent into the closed window";
    auto missed = back("201", at(2026, 12, 23, 10));
    ASSERT_EQ(missed.size(), 1u);
    EXPECT_NE(missed[0].find("Zalo đã từ chối"), std::string::npos) << missed[0];
    EXPECT_NE(missed[0].find("tháng 12/2026"), std::string::npos) << missed[0];
    EXPECT_NE(missed[0].find("còn 1 ngày"), std::string::npos) << missed[0];
    // Writing reopened the window: nothing more to catch up, and the next reminder arrives.
    EXPECT_TRUE(back("201", at(2026, 12, 23, 11)).empty());
    step(at(2026, 12, 23, 11), at(2026, 12, 24, 9));
    EXPECT_EQ(times_to("201", "tháng 12/2026").size(), 2u);
}

// The catch-up says why the reminder came late. Zalo refused it 3 days after the leader's last
// message (-230/-232 inside the window): it said "more than 7 days had passed", which was false.
TEST_F(missed_reminder_fixture, the_catch_up_after_a_refusal_says_zalo_refused_and_not_that_7_days_passed) {
    writes_privately("201", at(2026, 12, 18, 20));
    tick(at(2026, 12, 21, 8));
    ASSERT_EQ(to("201").size(), 1u);
    refused_for_the_window("201");
    step(at(2026, 12, 21, 9), at(2026, 12, 23, 9));
    auto missed = back("201", at(2026, 12, 23, 10));
    ASSERT_EQ(missed.size(), 1u);
    EXPECT_NE(missed[0].find("Zalo đã từ chối tin nhắn riêng của bot gửi cho bạn"), std::string::npos)
        << missed[0];
    EXPECT_NE(missed[0].find("chưa quá 7 ngày kể từ tin nhắn cuối của bạn (ngày 18/12/2026)"),
              std::string::npos)
        << missed[0];
    EXPECT_EQ(missed[0].find("đã quá 7 ngày"), std::string::npos) << missed[0];
    EXPECT_NE(missed[0].find("tháng 12/2026"), std::string::npos)
        << "the reminder itself follows: " << missed[0];
}

// Back after the 7 days: the catch-up says so, and since when, so the leader knows how long the
// bot could not write.
TEST_F(missed_reminder_fixture, the_catch_up_after_7_days_says_when_the_leader_last_wrote) {
    writes_privately("201", at(2026, 12, 10, 20));
    step(at(2026, 12, 21, 0), at(2026, 12, 23, 9));
    auto missed = back("201", at(2026, 12, 23, 10));
    ASSERT_EQ(missed.size(), 1u);
    EXPECT_NE(
        missed[0].find("Zalo chỉ cho bot nhắn riêng trong vòng 7 ngày kể từ tin nhắn cuối của bạn, mà lần "
                       "cuối bạn nhắn cho OA là ngày 10/12/2026"),
        std::string::npos)
        << missed[0];
    EXPECT_EQ(missed[0].find("từ chối"), std::string::npos) << missed[0];
}

TEST_F(missed_reminder_fixture, the_reminder_zalo_refused_is_itself_caught_up) {
    writes_privately("201", at(2026, 12, 18, 20));
    tick(at(2026, 12, 21, 8, 5)); // the scheduler a few minutes after the 8:00 slot
    ASSERT_EQ(to("201").size(), 1u);
    refused_for_the_window("201");
    auto missed = back("201", at(2026, 12, 21, 10));
    ASSERT_EQ(missed.size(), 1u);
    EXPECT_NE(missed[0].find("còn 3 ngày"), std::string::npos) << missed[0];
}

TEST_F(missed_reminder_fixture, a_leader_back_after_7_days_gets_the_latest_reminder_they_missed_once) {
    writes_privately("201", at(2026, 12, 10, 20)); // window closes on the 17th
    step(at(2026, 12, 21, 0), at(2026, 12, 23, 9));
    ASSERT_TRUE(to("201").empty());
    auto missed = back("201", at(2026, 12, 23, 10));
    ASSERT_EQ(missed.size(), 1u);
    // Only the newest of the two it missed (21st, 23rd), worded as of now, with the reason.
    EXPECT_NE(missed[0].find("Zalo chỉ cho bot nhắn riêng trong vòng 7 ngày"), std::string::npos)
        << missed[0];
    EXPECT_NE(missed[0].find("tháng 12/2026"), std::string::npos) << missed[0];
    EXPECT_NE(missed[0].find("còn 1 ngày"), std::string::npos) << missed[0];
    EXPECT_NE(missed[0].find("/baocao tháng"), std::string::npos) << "Zalo has no buttons: " << missed[0];
    // The window is open again: the next message catches up nothing, the next reminder arrives.
    EXPECT_TRUE(back("201", at(2026, 12, 23, 11)).empty());
    step(at(2026, 12, 23, 11), at(2026, 12, 24, 9));
    EXPECT_EQ(times_to("201", "tháng 12/2026").size(), 1u);
    // Leader 1, who wrote in time, got every reminder and has nothing to catch up.
    writes_privately("101", at(2026, 12, 19, 20));
    EXPECT_TRUE(back("101", at(2026, 12, 24, 10)).empty());
}

TEST_F(missed_reminder_fixture, nothing_is_caught_up_for_a_team_that_submitted_or_once_it_went_stale) {
    step(at(2026, 12, 21, 0), at(2026, 12, 23, 9)); // nobody wrote since linking on 24/11
    // Team 2 submitted meanwhile (its deputy pressed the button): nothing to remind its leader of.
    submit(team2, "monthly", "2026-12", at(2026, 12, 23, 9, 30));
    EXPECT_TRUE(back("201", at(2026, 12, 23, 10)).empty());
    // Past the deadline, before the first overdue reminder: the last one ("due today") is stale.
    step(at(2026, 12, 23, 10), at(2026, 12, 25, 7));
    EXPECT_TRUE(back("101", at(2026, 12, 25, 7, 30)).empty());
    // The overdue reminder then reaches the leader as usual.
    step(at(2026, 12, 25, 7, 30), at(2026, 12, 25, 9));
    EXPECT_EQ(times_to("101", "tháng 12/2026").size(), 1u);
}

TEST_F(missed_reminder_fixture, a_reminder_due_but_not_yet_planned_is_left_to_the_scheduler_and_sent_once) {
    step(at(2026, 12, 21, 0), at(2026, 12, 23, 9));
    // The 8:00 reminder of the 24th is due, but the scheduler has not run since: it is not caught
    // up here (its outcome is not known yet) but sent by the next run, into the open window.
    EXPECT_TRUE(back("101", at(2026, 12, 24, 8, 10)).empty());
    tick(at(2026, 12, 24, 8, 30));
    EXPECT_EQ(to("101").size(), 1u);
}

TEST_F(missed_reminder_fixture, a_leader_also_linked_on_telegram_had_the_reminders_there) {
    member_store(*bot->db).link_account(channel::telegram, "201",
                                        member_store(*bot->db).by_account(channel::zalo_oa, "201")->id,
                                        "test", bot->clk.now());
    step(at(2026, 12, 21, 0), at(2026, 12, 23, 9));
    EXPECT_EQ(times_to("201", "tháng 12/2026").size(), 2u); // the 21st and 23rd, on Telegram
    EXPECT_TRUE(back("201", at(2026, 12, 23, 10)).empty());
}

TEST_F(missed_reminder_fixture, ward_staff_back_within_a_day_get_the_summary_of_who_is_missing) {
    submit(team1, "monthly", "2026-12", at(2026, 12, 22, 10));
    step(at(2026, 12, 21, 0), at(2026, 12, 24, 18)); // the staff summary at 17:00 reached nobody
    ASSERT_TRUE(to("900").empty());
    auto missed = back("900", at(2026, 12, 25, 7));
    ASSERT_EQ(missed.size(), 1u);
    EXPECT_NE(missed[0].find("1/2"), std::string::npos) << missed[0];
    EXPECT_NE(missed[0].find("Tổ dân phố số 2"), std::string::npos) << missed[0];
    EXPECT_NE(missed[0].find("Bot không nhắc được Tổ dân phố số 2"), std::string::npos) << missed[0];
    EXPECT_EQ(missed[0].find("Tổ dân phố số 1"), std::string::npos) << "team 1 submitted: " << missed[0];
    // A member who is neither leader nor staff has nothing to catch up.
    EXPECT_TRUE(back("102", at(2026, 12, 25, 7, 30)).empty());
}

// A team with no group and no leader the bot can write to: the operator's log said "reminder
// sent to 0 chat(s)", which read as a bug in the bot, not as a team to set up.
TEST_F(reminder_fixture, a_reminder_that_reaches_nobody_says_so_in_the_log_with_the_fix) {
    bot->team(ward, "Tổ dân phố số 3"); // no group, nobody linked
    tick(at(2026, 12, 21, 8));
    std::string line;
    for (auto& l : log)
        if (l.find("Tổ dân phố số 3") != std::string::npos)
            line = l;
    EXPECT_NE(line.find("reminder reached nobody (no group bound to the team"), std::string::npos) << line;
    EXPECT_NE(line.find("/thanhvien"), std::string::npos) << line;
    for (auto& l : log)
        EXPECT_EQ(l.find("sent to 0 chat"), std::string::npos) << l;
}

TEST_F(reminder_fixture, restart_on_the_same_file_plans_nothing_twice) {
    step(at(2026, 3, 20, 0), at(2026, 3, 24, 9));
    auto before = sent.size();
    EXPECT_EQ(before, 3u * 3); // 21, 23, 24: group + two leaders
    restart();
    tick(at(2026, 3, 24, 9));
    EXPECT_EQ(sent.size(), before);
    step(at(2026, 3, 24, 9), at(2026, 3, 30, 0));
    // After the restart only the new slots: staff summary, 5 overdue days x 3 chats + staff lists.
    EXPECT_EQ(sent.size(), before + 1 + 5 * 3 + 5);
}

TEST_F(reminder_fixture, setting_the_clock_back_resends_nothing) {
    step(at(2026, 3, 20, 0), at(2026, 3, 26, 9));
    auto before = sent.size();
    step(at(2026, 3, 19, 0), at(2026, 3, 26, 9));
    EXPECT_EQ(sent.size(), before);
}

TEST_F(reminder_fixture, renaming_or_retiming_a_deadline_in_the_config_resends_nothing) {
    step(at(2026, 3, 20, 0), at(2026, 3, 23, 9));
    auto before = sent.size();
    EXPECT_EQ(before, 2u * 3);
    // The operator renames the deadline's code and moves its reminders to 07:00.
    bot->cfg.default_deadlines[0].code = "thang";
    bot->cfg.default_deadlines[0].remind_time = "07:00";
    step(at(2026, 3, 23, 9, 30), at(2026, 3, 24, 6, 30));
    EXPECT_EQ(sent.size(), before);
    // The next reminder still comes, at the new time.
    tick(at(2026, 3, 24, 7));
    EXPECT_EQ(sent.size(), before + 3);
}

TEST_F(reminder_fixture, after_downtime_only_what_is_still_useful_is_sent_and_the_rest_logged) {
    // Off from the 20th until noon on the deadline day: the 3-day and 1-day reminders are
    // stale; the morning one is still useful.
    tick(at(2026, 3, 20, 0));
    tick(at(2026, 3, 24, 12));
    auto group = to("-1001");
    ASSERT_EQ(group.size(), 1u);
    EXPECT_NE(group[0].text.find("Hôm nay là hạn chót"), std::string::npos);
    int skipped = 0;
    for (auto& l : missed)
        skipped += l.find("missed while the bot was not running") != std::string::npos &&
                   l.find("monthly 2026-03") != std::string::npos;
    EXPECT_EQ(skipped, 2 * 2); // two stale slots for each of the two teams
    // The operator reads when each skipped reminder was planned as a date, not epoch seconds.
    bool dated = false;
    for (auto& l : missed)
        dated = dated || l.find("/03/2026") != std::string::npos;
    EXPECT_TRUE(dated) << (missed.empty() ? "" : missed.front());
    // Off for the whole grace period: nothing about March any more.
    sent.clear();
    tick(at(2026, 4, 2, 9));
    for (auto& s : sent)
        EXPECT_EQ(s.text.find("tháng 3/2026"), std::string::npos) << s.text;
}

// A new installation: the roster is imported and the bot started days after the 3-day and
// 1-day reminders' times. Those were never due from this bot, so the operator is not shown a
// list of "skipped" reminders that reads like errors: one line says so, no warning; the newest
// still-useful reminder goes out. A reminder missed later, while the bot was off, is a warning.
TEST_F(reminder_fixture, a_new_installation_does_not_warn_about_reminders_due_before_it_existed) {
    auto installed = at(2026, 3, 24, 7);
    auto team3 = bot->team(ward, "Tổ dân phố số 3", installed);
    bot->bind_group("-1003", ward, team3);
    tick(installed + 3600);
    EXPECT_TRUE(missed.empty()) << missed.front();
    for (auto& l : log)
        EXPECT_EQ(l.find("skipped"), std::string::npos) << l;
    std::string summary;
    for (auto& l : log)
        if (l.find("before the bot first ran") != std::string::npos)
            summary = l;
    // Two slots (21st, 23rd) for each of three teams.
    EXPECT_NE(summary.find("6 reminder time(s)"), std::string::npos) << summary;
    EXPECT_NE(summary.find("none was missed"), std::string::npos) << summary;
    EXPECT_EQ(to("-1003").size(), 1u); // today's reminder, the newest still useful
    // Off from the deadline morning until two days later: the overdue reminder of the 25th was
    // really missed, and that one is a warning.
    tick(at(2026, 3, 24, 9));
    tick(at(2026, 3, 26, 9));
    int warned = 0;
    for (auto& l : missed)
        warned += l.starts_with("reminder missed while the bot was not running") &&
                  l.find("offset 1 (team") != std::string::npos;
    EXPECT_EQ(warned, 3) << (missed.empty() ? "" : missed.front());
}

TEST_F(reminder_fixture, a_reminder_sent_late_counts_the_days_left_from_when_it_is_sent) {
    // Off from the 20th until the 22nd: the 3-day reminder still goes (the newest due), and says
    // two days, not three.
    tick(at(2026, 3, 20, 0));
    tick(at(2026, 3, 22, 10));
    auto group = to("-1001");
    ASSERT_EQ(group.size(), 1u);
    EXPECT_NE(group[0].text.find("còn 2 ngày"), std::string::npos) << group[0].text;
}

TEST_F(reminder_fixture, a_team_that_submits_during_the_overdue_days_stops_getting_reminders) {
    step(at(2026, 3, 24, 0), at(2026, 3, 25, 9));
    submit(team1, "monthly", "2026-03", at(2026, 3, 25, 10));
    auto before = times_to("-1001", "tháng 3/2026").size();
    step(at(2026, 3, 25, 10), at(2026, 3, 30, 0));
    EXPECT_EQ(times_to("-1001", "tháng 3/2026").size(), before);
    EXPECT_EQ(times_to("201", "tháng 3/2026").size(), before + 4); // team 2 is still reminded
}

} // namespace
} // namespace cnscd
