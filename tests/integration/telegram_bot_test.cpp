// The real binary on loopback against the in-process fake Telegram server: webhooks,
// secrets, bad bodies, platform errors, crashes and restarts.

#include "storage/database.hpp"
#include "storage/meta_store.hpp"
#include "storage/outbox.hpp"
#include "storage/registry.hpp"
#include "storage/update_log.hpp"
#include "tests/support/bot_process.hpp"
#include "tests/support/fake_telegram.hpp"
#include "tests/support/fixtures.hpp"
#include "tests/support/telegram_bot_fixture.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <atomic>
#include <fstream>
#include <set>
#include <thread>

namespace cnscd {
namespace {

using namespace std::chrono_literals;
using json = nlohmann::json;
using test::bot_process;
using test::fake_telegram;
using test::http_request_to;
using test::private_update;

using test::telegram_bot_fixture;

struct bot_fixture : telegram_bot_fixture {
    bool recorded(const std::string& update_id) {
        auto db = database::open(db_path, {false, false});
        return update_log(*db).contains(channel::telegram, update_id);
    }
};

TEST_F(bot_fixture, start_gets_a_vietnamese_answer_after_commit) {
    start();
    auto r = post(test::fixture("telegram/private_start.json"));
    EXPECT_EQ(r.status, 200);
    EXPECT_TRUE(recorded("830001202")) << "acknowledged means committed";
    ASSERT_TRUE(wait_replies("5012345678", 1));
    auto call = telegram.calls("sendMessage").front();
    EXPECT_NE(call.text.find("Xin chào"), std::string::npos);
    EXPECT_EQ(call.token, "123456:TEST");
}

TEST_F(bot_fixture, the_command_menu_is_published_in_both_languages_once) {
    start();
    ASSERT_TRUE(telegram.wait_for(
        [](const std::vector<test::recorded_call>& calls) {
            return std::count_if(calls.begin(), calls.end(),
                                 [](auto& c) { return c.method == "setMyCommands"; }) == 4;
        },
        5s));
    std::map<std::string, std::vector<std::string>> menus; // "<scope>/<language>" -> commands
    for (auto& c : telegram.calls("setMyCommands")) {
        auto body = json::parse(c.body);
        auto& names = menus[body["scope"]["type"].get<std::string>() + "/" + body.value("language_code", "")];
        for (auto& e : body["commands"])
            names.push_back(e["command"]);
    }
    ASSERT_EQ(menus.size(), 4u);
    EXPECT_EQ(menus["all_private_chats/"].front(), "tham");
    EXPECT_EQ(menus["all_private_chats/en"].front(), "visit");
    auto& group = menus["all_group_chats/"];
    EXPECT_NE(std::find(group.begin(), group.end(), "lienket"), group.end());
    EXPECT_EQ(std::find(group.begin(), group.end(), "anh"), group.end())
        << "no photos of residents in groups";
    // Remembered once Telegram accepted all four; the same menu is not sent at the next start.
    bool remembered = false;
    for (int i = 0; i < 50 && !remembered; ++i, std::this_thread::sleep_for(100ms))
        remembered =
            meta_store(*database::open(db_path, {false, false})).get("telegram.command_menu").has_value();
    ASSERT_TRUE(remembered);
    bot->terminate();
    start();
    EXPECT_EQ(post(test::fixture("telegram/private_start.json")).status, 200);
    ASSERT_TRUE(wait_replies("5012345678", 1));
    EXPECT_EQ(telegram.count("setMyCommands"), 4u);
}

TEST_F(bot_fixture, a_refused_command_menu_does_not_stop_the_bot) {
    for (int i = 0; i < 4; ++i)
        telegram.script("setMyCommands", "",
                        {400, R"({"ok":false,"error_code":400,"description":"Bad Request: bad command"})"});
    start();
    auto r = post(test::fixture("telegram/private_start.json"));
    EXPECT_EQ(r.status, 200);
    ASSERT_TRUE(wait_replies("5012345678", 1));
    // Not remembered as published: the next start tries again.
    bot->terminate();
    start();
    EXPECT_TRUE(telegram.wait_for(
        [](const std::vector<test::recorded_call>& calls) {
            return std::count_if(calls.begin(), calls.end(),
                                 [](auto& c) { return c.method == "setMyCommands"; }) >= 8;
        },
        5s));
}

TEST_F(bot_fixture, group_help_addressed_to_the_bot_by_username_learned_from_getMe) {
    start();
    EXPECT_GE(telegram.count("getMe"), 1u);
    auto body = json::parse(test::fixture("telegram/group_command.json"));
    body["message"]["text"] = "/giup@ToCNSBot";
    body["message"]["entities"][0]["length"] = 14;
    EXPECT_EQ(post(body.dump()).status, 200);
    ASSERT_TRUE(wait_replies("-1001987654321", 1));
    body["update_id"] = 830001299;
    body["message"]["text"] = "/giup@SomeOtherBot";
    body["message"]["entities"][0]["length"] = 18;
    EXPECT_EQ(post(body.dump()).status, 200);
    std::this_thread::sleep_for(500ms);
    EXPECT_EQ(replies_to("-1001987654321"), 1u);
}

TEST_F(bot_fixture, a_staff_export_is_built_off_the_writer_and_sent_as_a_workbook) {
    {
        auto db = database::open(db_path);
        db->in_transaction([&] {
            auto ward = ward_store(*db).ensure("Phường Hòa Xuân", 0);
            member_store members(*db);
            member_record m;
            m.ward_id = ward;
            m.full_name = "Ngô Thị Hạnh";
            m.role = "ward_staff";
            m.phone = "+84900000900";
            members.link_account(channel::telegram, "5012340900", members.insert(m, 0), "contact", 0);
        });
    }
    start();
    EXPECT_EQ(post(private_update(901, 5012340900, "/xuat")).status, 200);
    // Updates right after it are answered as usual.
    EXPECT_EQ(post(private_update(902, 5012340901, "/start")).status, 200);
    ASSERT_TRUE(wait_replies("5012340901", 1));
    ASSERT_TRUE(telegram.wait_for(
        [](const std::vector<test::recorded_call>& calls) {
            for (auto& c : calls)
                if (c.method == "sendDocument")
                    return true;
            return false;
        },
        10s))
        << "no workbook; see " << dir << "/bot.log";
    auto doc = telegram.calls("sendDocument").front();
    EXPECT_NE(doc.body.find(".xlsx"), std::string::npos);
    EXPECT_NE(doc.body.find("5012340900"), std::string::npos) << "sent to the staff member who asked";
}

TEST_F(bot_fixture, wrong_or_missing_secret_is_refused_and_nothing_is_stored) {
    start();
    EXPECT_EQ(post(private_update(1, 11, "/start"), "").status, 401);
    EXPECT_EQ(post(private_update(2, 11, "/start"), "wrong").status, 401);
    EXPECT_EQ(post(private_update(3, 11, "/start"), secret + "x").status, 401);
    EXPECT_FALSE(recorded("1"));
    EXPECT_FALSE(recorded("2"));
    std::this_thread::sleep_for(300ms);
    EXPECT_EQ(replies_to("11"), 0u);
    auto metrics = http_request_to(port, "GET", "/metrics");
    EXPECT_NE(metrics.body.find("cnscd_unauthorized_requests_total{channel=\"telegram\"} 3"),
              std::string::npos);
}

TEST_F(bot_fixture, duplicate_deliveries_are_answered_once) {
    start();
    auto body = private_update(42, 12, "/start");
    for (int i = 0; i < 3; ++i)
        EXPECT_EQ(post(body).status, 200);
    ASSERT_TRUE(wait_replies("12", 1));
    std::this_thread::sleep_for(500ms);
    EXPECT_EQ(replies_to("12"), 1u);
}

TEST_F(bot_fixture, malformed_and_oversized_bodies_are_refused_and_the_bot_keeps_serving) {
    extra_config = R"({"http": {"max_body_bytes": 4096}, "telegram": {"limits": {"enabled": false}}})";
    start();
    EXPECT_EQ(post("{not json").status, 400);
    EXPECT_EQ(post("[1,2,3]").status, 400);
    EXPECT_EQ(post(R"({"update_id": "seven"})").status, 400);
    EXPECT_EQ(post(std::string(100000, '[')).status, 413);
    EXPECT_EQ(post(std::string(5000, ' ') + "{}").status, 413);
    // The operator can tell why a platform's delivery was refused: the limit and its key.
    EXPECT_NE(log().find("over http.max_body_bytes (4096 bytes) with 413"), std::string::npos) << log();
    EXPECT_EQ(http_request_to(port, "GET", "/telegram/webhook").status, 405);
    EXPECT_EQ(http_request_to(port, "GET", "/nowhere").status, 404);
    EXPECT_EQ(post(private_update(7, 13, "/start")).status, 200);
    EXPECT_TRUE(wait_replies("13", 1));
    auto health = http_request_to(port, "GET", "/healthz");
    EXPECT_EQ(health.status, 200);
    // An unlabelled histogram's series are written without empty braces.
    auto metrics = http_request_to(port, "GET", "/metrics").body;
    EXPECT_NE(metrics.find("\ncnscd_commit_latency_seconds_count "), std::string::npos) << metrics;
    EXPECT_EQ(metrics.find("{}"), std::string::npos) << metrics;
}

TEST_F(bot_fixture, flood_control_is_honoured_for_that_chat) {
    start();
    telegram.script(
        "sendMessage", "14",
        {429,
         R"({"ok":false,"error_code":429,"description":"Too Many Requests: retry after 2","parameters":{"retry_after":2}})"});
    auto t0 = std::chrono::steady_clock::now();
    EXPECT_EQ(post(private_update(20, 14, "/start")).status, 200);
    EXPECT_EQ(post(private_update(21, 15, "/start")).status, 200);
    ASSERT_TRUE(wait_replies("15", 1, 3s));
    EXPECT_LT(std::chrono::steady_clock::now() - t0, 1500ms) << "another chat is not held back";
    ASSERT_TRUE(wait_replies("14", 2, 10s)); // the refused attempt and the retry
    auto calls = telegram.calls("sendMessage");
    std::vector<std::chrono::steady_clock::time_point> at;
    for (auto& c : calls)
        if (c.chat_id == "14")
            at.push_back(c.at);
    EXPECT_GE(at[1] - at[0], 1900ms);
    auto metrics = http_request_to(port, "GET", "/metrics");
    EXPECT_NE(metrics.body.find("cnscd_rate_limited_total{channel=\"telegram\"} 1"), std::string::npos);
}

// A restart during Telegram's flood wait used to send at once: Telegram answers that with
// another 429 and, repeated, a longer wait.
TEST_F(bot_fixture, flood_wait_outlasts_a_restart) {
    start();
    telegram.script(
        "sendMessage", "18",
        {429,
         R"({"ok":false,"error_code":429,"description":"Too Many Requests: retry after 4","parameters":{"retry_after":4}})"});
    auto t0 = std::chrono::steady_clock::now();
    EXPECT_EQ(post(private_update(40, 18, "/start")).status, 200);
    ASSERT_TRUE(wait_replies("18", 1, 3s));
    std::this_thread::sleep_for(300ms); // the wait is recorded
    bot->terminate();
    start();
    ASSERT_TRUE(wait_replies("18", 2, 10s)) << log();
    auto calls = telegram.calls("sendMessage");
    std::vector<std::chrono::steady_clock::time_point> at;
    for (auto& c : calls)
        if (c.chat_id == "18")
            at.push_back(c.at);
    ASSERT_EQ(at.size(), 2u);
    EXPECT_GE(at[1] - t0, 3900ms) << "the restarted bot did not wait out retry_after";
}

// A team whose group has "Topics" on: a member who logs a visit in a topic read the
// confirmation in "General", where no one looks for it. It now goes to the topic, also when it
// was still waiting in the outbox (a flood wait) when the bot restarted.
TEST_F(bot_fixture, a_visit_logged_in_a_forum_topic_is_confirmed_in_that_topic_also_after_a_restart) {
    const std::string group = "-1001987654321";
    {
        auto db = database::open(db_path);
        db->in_transaction([&] {
            auto ward = ward_store(*db).ensure("Phường Hòa Xuân", 0);
            auto team = team_store(*db).ensure(ward, "Tổ dân phố số 1", 0);
            member_store members(*db);
            member_record m;
            m.ward_id = ward;
            m.team_id = team;
            m.full_name = "Nguyễn Thị Hoa";
            m.role = "member";
            members.link_account(channel::telegram, "5012345678", members.insert(m, 0), "contact", 0);
            group_store(*db).bind({{channel::telegram, group}, ward, team, "Tổ 1", true}, std::nullopt, 0);
        });
    }
    // The one 429 is for the confirmation: the calendar's reminders to the group (an overdue
    // report's, in the day's hours) would take it first and the confirmation would go at once,
    // so this ward's only deadline is long past.
    extra_config = R"({"telegram": {"limits": {"enabled": false}},
                       "outbox": {"retry_base_ms": 100, "retry_max_ms": 400},
                       "deadlines": [{"code": "old", "name": "Hạn cũ", "kind": "once", "day": 1,
                                      "month": 1, "year": 2020}]})";
    telegram.script(
        "sendMessage", group,
        {429,
         R"({"ok":false,"error_code":429,"description":"Too Many Requests: retry after 3","parameters":{"retry_after":3}})"});
    // The confirmations among `calls`.
    auto confirmations_in = [&](const std::vector<test::recorded_call>& calls) {
        std::vector<json> sent;
        for (auto& c : calls)
            if (c.method == "sendMessage" && c.chat_id == group &&
                c.text.find("12 ngõ 5 Lê Lợi") != std::string::npos)
                sent.push_back(json::parse(c.body));
        return sent;
    };
    auto confirmed = [&](std::size_t n, std::chrono::milliseconds t) {
        return telegram.wait_for(
            [&](const std::vector<test::recorded_call>& calls) {
                return confirmations_in(calls).size() >= n;
            },
            t);
    };
    start();
    EXPECT_EQ(post(test::fixture("telegram/topic_command.json")).status, 200);
    ASSERT_TRUE(confirmed(1, 5s)) << log();
    std::this_thread::sleep_for(300ms); // the wait is recorded on the row
    bot->terminate();
    {
        auto db = database::open(db_path, {false, false});
        std::vector<outbox_row> waiting;
        for (auto& row : outbox(*db).pending())
            if (row.message.merge_key == "visit")
                waiting.push_back(row);
        ASSERT_EQ(waiting.size(), 1u) << "the confirmation waits in the outbox across the restart";
        EXPECT_EQ(waiting[0].message.thread_id, "805");
    }
    start();
    ASSERT_TRUE(confirmed(2, 10s)) << log();
    auto sent = confirmations_in(telegram.calls());
    ASSERT_EQ(sent.size(), 2u);
    for (auto& body : sent) {
        EXPECT_EQ(body.value("message_thread_id", 0), 805) << body.dump();
        EXPECT_EQ(body["reply_parameters"]["message_id"], 812) << body.dump();
    }
}

// The topic was deleted while the confirmation waited: it is not lost, it goes to "General".
TEST_F(bot_fixture, a_reply_to_a_deleted_topic_goes_to_general_instead_of_being_lost) {
    start();
    telegram.script(
        "sendMessage", "-100555",
        {400, R"({"ok":false,"error_code":400,"description":"Bad Request: message thread not found"})"});
    auto body = json::parse(private_update(60, 5012345679, "/giup"));
    body["message"]["chat"] = {
        {"id", -100555}, {"type", "supergroup"}, {"title", "Tổ 9"}, {"is_forum", true}};
    body["message"]["message_thread_id"] = 77;
    body["message"]["is_topic_message"] = true;
    EXPECT_EQ(post(body.dump()).status, 200);
    ASSERT_TRUE(wait_replies("-100555", 2, 5s)) << log();
    auto calls = telegram.calls("sendMessage");
    std::vector<json> sent;
    for (auto& c : calls)
        if (c.chat_id == "-100555")
            sent.push_back(json::parse(c.body));
    ASSERT_GE(sent.size(), 2u);
    EXPECT_EQ(sent[0].value("message_thread_id", 0), 77);
    for (std::size_t i = 1; i < sent.size(); ++i)
        EXPECT_FALSE(sent[i].contains("message_thread_id")) << sent[i].dump();
    EXPECT_EQ(sent[1]["text"], sent[0]["text"]);
}

// A private chat with topics (Bot API 9.3): the member's /tham there is confirmed in that
// topic. Telegram has refused such threads at times ("message thread not found", Bot API 10.0,
// tdlib/telegram-bot-api#847): the confirmation then comes in the chat itself, not lost.
TEST_F(bot_fixture, a_visit_logged_in_a_private_topic_is_confirmed_in_that_topic) {
    {
        auto db = database::open(db_path);
        db->in_transaction([&] {
            auto ward = ward_store(*db).ensure("Phường Hòa Xuân", 0);
            auto team = team_store(*db).ensure(ward, "Tổ dân phố số 1", 0);
            member_store members(*db);
            member_record m;
            m.ward_id = ward;
            m.team_id = team;
            m.full_name = "Nguyễn Thị Hoa";
            m.role = "member";
            members.link_account(channel::telegram, "5012345678", members.insert(m, 0), "contact", 0);
        });
    }
    start();
    EXPECT_EQ(post(test::fixture("telegram/private_topic_command.json")).status, 200);
    ASSERT_TRUE(wait_replies("5012345678", 1, 5s)) << log();
    auto first = json::parse(telegram.calls("sendMessage").front().body);
    EXPECT_EQ(first.value("message_thread_id", 0), 7) << first.dump();
    EXPECT_NE(first.value("text", "").find("12 ngõ 5 Lê Lợi"), std::string::npos) << first.dump();
    EXPECT_TRUE(first.contains("reply_markup")) << "the topic buttons: " << first.dump();

    telegram.script(
        "sendMessage", "5012345678",
        {400, R"({"ok":false,"error_code":400,"description":"Bad Request: message thread not found"})"});
    auto again = json::parse(test::fixture("telegram/private_topic_command.json"));
    again["update_id"] = 830001312;
    again["message"]["message_id"] = 92;
    again["message"]["text"] = "/tham số 14 ngõ 5 Lê Lợi, cài VNeID";
    EXPECT_EQ(post(again.dump()).status, 200);
    ASSERT_TRUE(wait_replies("5012345678", 3, 5s)) << log();
    auto last = json::parse(telegram.calls("sendMessage").back().body);
    EXPECT_FALSE(last.contains("message_thread_id")) << last.dump();
    EXPECT_NE(last.value("text", "").find("14 ngõ 5 Lê Lợi"), std::string::npos) << last.dump();
}

// A leader presses a button under the bot's message from before the group became a supergroup.
// Telegram reports the press with the message as it was, in the old group (its chat id); a send
// to that id is refused with migrate_to_chat_id. The answer must reach the supergroup, once.
TEST_F(bot_fixture, a_button_under_a_message_from_before_the_upgrade_is_answered_in_the_supergroup) {
    const std::string old_group = "-4012345678", new_group = "-1002223334445";
    std::int64_t team = 0;
    {
        auto db = database::open(db_path);
        db->in_transaction([&] {
            auto ward = ward_store(*db).ensure("Xã Trần Phú", 0);
            team = team_store(*db).ensure(ward, "Thôn 3", 0);
            member_store members(*db);
            member_record m;
            m.ward_id = ward;
            m.team_id = team;
            m.full_name = "Trần Văn Bình";
            m.role = "leader";
            members.link_account(channel::telegram, "5012345678", members.insert(m, 0), "contact", 0);
            m.full_name = "Phạm Thị Dung";
            m.role = "member";
            members.link_account(channel::telegram, "5012345679", members.insert(m, 0), "contact", 0);
            group_store(*db).bind({{channel::telegram, old_group}, ward, team, "Thôn 3", true}, std::nullopt,
                                  0);
        });
    }
    telegram.script("sendMessage", old_group, {400, test::fixture("telegram/error_400_migrated.json")}, 5);
    start();
    EXPECT_EQ(post(test::fixture("telegram/group_migrated.json")).status, 200);
    auto press = json::parse(test::fixture("telegram/callback_query.json"));
    press["update_id"] = 830001207;
    press["callback_query"]["message"]["chat"] = {
        {"id", -4012345678}, {"title", "Thôn 3"}, {"type", "group"}};
    press["callback_query"]["data"] = "nh:" + std::to_string(team) + ":m";
    EXPECT_EQ(post(press.dump()).status, 200);
    // The reminder post and the "reminded N people" answer both start with 📣; the group's
    // deadline reminders, if any today, do not.
    auto nudges = [&](const std::vector<test::recorded_call>& calls) {
        std::vector<std::string> in_new;
        for (auto& c : calls)
            if (c.method == "sendMessage" && c.chat_id == new_group && c.text.starts_with("📣"))
                in_new.push_back(c.text);
        return in_new;
    };
    ASSERT_TRUE(telegram.wait_for([&](const auto& calls) { return !nudges(calls).empty(); }, 5s)) << log();
    std::this_thread::sleep_for(2500ms); // a second answer, if any, comes after the refusal
    auto in_new = nudges(telegram.calls());
    ASSERT_EQ(in_new.size(), 1u) << "the reminder post is the answer, said once";
    EXPECT_NE(in_new[0].find("Phạm Thị Dung"), std::string::npos) << in_new[0];
    EXPECT_EQ(telegram.count("answerCallbackQuery"), 1u);
}

TEST_F(bot_fixture, server_errors_are_retried_with_backoff) {
    start();
    telegram.script("sendMessage", "16", {502, "<html>Bad Gateway</html>"}, 2);
    EXPECT_EQ(post(private_update(30, 16, "/start")).status, 200);
    ASSERT_TRUE(wait_replies("16", 3, 10s));
    // The third answer was a success: the row is recorded as sent soon after.
    std::int64_t depth = -1;
    for (int i = 0; i < 100 && depth != 0; ++i) {
        std::this_thread::sleep_for(20ms);
        depth = outbox(*database::open(db_path, {false, false})).depth();
    }
    EXPECT_EQ(depth, 0);
}

TEST_F(bot_fixture, blocked_user_stops_sends_to_that_chat) {
    start();
    telegram.script("sendMessage", "17", {403, test::fixture("telegram/error_403_blocked.json")});
    EXPECT_EQ(post(private_update(31, 17, "/start")).status, 200);
    ASSERT_TRUE(wait_replies("17", 1));
    std::this_thread::sleep_for(700ms);
    EXPECT_EQ(replies_to("17"), 1u) << "a 403 is not retried";
    EXPECT_TRUE(outbox(*database::open(db_path, {false, false})).chat_inactive(channel::telegram, "17"));

    // They unblock the bot: Telegram says so (my_chat_member, kicked -> member) and the chat takes
    // messages again, though they have not written. Their app shows a Start button; the bot says
    // nothing.
    auto unblocked = json::parse(test::fixture("telegram/bot_unblocked_in_private.json"));
    unblocked["update_id"] = 32;
    unblocked["my_chat_member"]["chat"]["id"] = 17;
    unblocked["my_chat_member"]["from"]["id"] = 17;
    EXPECT_EQ(post(unblocked.dump()).status, 200);
    bool inactive = true;
    for (int i = 0; i < 50 && inactive; ++i) {
        std::this_thread::sleep_for(20ms);
        inactive = outbox(*database::open(db_path, {false, false})).chat_inactive(channel::telegram, "17");
    }
    EXPECT_FALSE(inactive) << "the unblocked chat is reachable again";
    std::this_thread::sleep_for(300ms);
    EXPECT_EQ(replies_to("17"), 1u) << "nothing said on unblocking";
}

TEST_F(bot_fixture, group_upgraded_to_supergroup_gets_the_message_at_its_new_id) {
    start();
    telegram.script("sendMessage", "-4012345678", {400, test::fixture("telegram/error_400_migrated.json")});
    auto body = json::parse(test::fixture("telegram/group_command.json"));
    body["message"]["chat"] = {{"id", -4012345678LL}, {"type", "group"}, {"title", "Thôn 3"}};
    body["message"]["text"] = "/giup";
    body["message"]["entities"][0]["length"] = 5;
    EXPECT_EQ(post(body.dump()).status, 200);
    ASSERT_TRUE(wait_replies("-1002223334445", 1));
}

TEST_F(bot_fixture, slow_platform_does_not_slow_acknowledgements) {
    start();
    telegram.set_delay(1500ms);
    auto t0 = std::chrono::steady_clock::now();
    for (int i = 0; i < 5; ++i)
        EXPECT_EQ(post(private_update(40 + i, 18, "/start")).status, 200);
    EXPECT_LT(std::chrono::steady_clock::now() - t0, 1000ms);
    ASSERT_TRUE(wait_replies("18", 5, 20s));
}

TEST_F(bot_fixture, platform_down_for_a_while_then_messages_go_out_in_order) {
    start();
    telegram.go_offline();
    for (int i = 0; i < 3; ++i)
        EXPECT_EQ(post(private_update(50 + i, 19, i == 0 ? "/start" : "/giup")).status, 200);
    std::this_thread::sleep_for(1500ms);
    telegram.resume();
    ASSERT_TRUE(wait_replies("19", 3, 15s));
    std::vector<std::string> texts;
    for (auto& c : telegram.calls("sendMessage"))
        if (c.chat_id == "19")
            texts.push_back(c.text);
    EXPECT_NE(texts[0].find("Xin chào"), std::string::npos) << "the /start answer comes first";
}

TEST_F(bot_fixture, sigterm_answers_what_was_accepted_and_exits_zero) {
    start();
    telegram.set_delay(300ms);
    for (int i = 0; i < 10; ++i)
        EXPECT_EQ(post(private_update(60 + i, 100 + i, "/start")).status, 200);
    auto code = bot->terminate();
    ASSERT_TRUE(code.has_value());
    EXPECT_EQ(*code, 0);
    // What was not sent before the grace period ended is sent by the next run.
    telegram.set_delay(0ms);
    start();
    for (int i = 0; i < 10; ++i)
        EXPECT_TRUE(wait_replies(std::to_string(100 + i), 1)) << i;
}

TEST_F(bot_fixture, kill_minus_9_loses_nothing_acknowledged_and_duplicates_stay_in_the_window) {
    start();
    telegram.set_delay(5ms);
    constexpr int updates = 2000;
    std::vector<std::atomic<int>> status(updates);
    std::atomic<int> next{0};
    std::vector<std::thread> senders;
    for (int t = 0; t < 6; ++t)
        senders.emplace_back([&] {
            for (int i = next++; i < updates; i = next++)
                status[i] = post(private_update(1000 + i, 5000 + i, "/start")).status;
        });
    std::this_thread::sleep_for(250ms);
    bot->kill_hard();
    for (auto& s : senders)
        s.join();
    int acked = 0;
    for (auto& s : status)
        acked += s == 200;
    // The window: replies Telegram had already received whose row was still pending at the kill.
    std::set<std::string> in_window;
    {
        std::set<std::string> received;
        for (auto& c : telegram.calls("sendMessage"))
            received.insert(c.chat_id);
        auto db = database::open(db_path, {false, false});
        for (auto& row : outbox(*db).pending())
            if (received.contains(row.message.to.chat_id))
                in_window.insert(row.message.to.chat_id);
    }
    // Telegram redelivers what was not acknowledged; here everything is posted again.
    start();
    for (int i = 0; i < updates; ++i)
        EXPECT_EQ(post(private_update(1000 + i, 5000 + i, "/start")).status, 200);
    ASSERT_TRUE(telegram.wait_for(
        [&](const std::vector<test::recorded_call>& calls) {
            std::set<std::string> chats;
            for (auto& c : calls)
                if (c.method == "sendMessage")
                    chats.insert(c.chat_id);
            return chats.size() >= updates;
        },
        60s));
    std::this_thread::sleep_for(500ms);
    std::map<std::string, int> per_chat;
    for (auto& c : telegram.calls("sendMessage"))
        ++per_chat[c.chat_id];
    int duplicates = 0;
    for (auto& [chat, n] : per_chat) {
        duplicates += n - 1;
        // A reply goes out twice only if Telegram had it and its row was not yet recorded as
        // sent when the process died (docs/ARCHITECTURE.md, "The duplicate window"), and then
        // only twice. How wide that window is under load is measured by bench/crash_test.sh;
        // a fixed count here failed under a busy `ctest -j 2` (45 with the writer behind).
        if (n > 1) {
            EXPECT_TRUE(in_window.contains(chat)) << chat << " was sent " << n << " times";
            EXPECT_EQ(n, 2) << chat;
        }
    }
    std::cout << "[kill -9] acknowledged before the crash: " << acked << "/" << updates
              << ", duplicate replies (send-to-record window): " << duplicates << " of " << in_window.size()
              << " in the window\n";
    EXPECT_EQ(per_chat.size(), static_cast<std::size_t>(updates));
}

// Long polling deletes the webhook: a bot switched back to webhook mode (or started before
// set-webhook) received nothing and said nothing.
TEST_F(bot_fixture, webhook_mode_warns_when_telegram_has_no_webhook_for_the_bot) {
    telegram.script("getWebhookInfo", "",
                    {200, R"({"ok":true,"result":{"url":"","pending_update_count":3}})"});
    start();
    ASSERT_TRUE(telegram.wait_for(
        [](const std::vector<test::recorded_call>& calls) {
            for (auto& c : calls)
                if (c.method == "getWebhookInfo")
                    return true;
            return false;
        },
        5s));
    std::this_thread::sleep_for(200ms);
    const std::string warning = "Telegram has no webhook for this bot";
    EXPECT_NE(log().find(warning), std::string::npos) << log();
    EXPECT_NE(log().find("cnscd-bot set-webhook --url"), std::string::npos);
    bot->terminate();
    start(); // registered now
    std::this_thread::sleep_for(500ms);
    EXPECT_EQ(log().find(warning), log().rfind(warning)) << "only the first start warns";
    EXPECT_NE(log().find("Telegram sends updates to https://bot.example.vn/telegram/webhook"),
              std::string::npos);
}

TEST_F(bot_fixture, long_polling_restart_answers_each_update_once) {
    auto e = env();
    e["TELEGRAM_MODE"] = "polling";
    e.erase("TELEGRAM_WEBHOOK_SECRET");
    telegram.push_update(private_update(900, 21, "/start"));
    bot = std::make_unique<bot_process>(e);
    ASSERT_TRUE(bot->wait_ready(port));
    ASSERT_TRUE(wait_replies("21", 1));
    EXPECT_GE(telegram.count("deleteWebhook"), 1u);
    bot->terminate();
    // Telegram offers again what was handled but not yet confirmed: not answered twice.
    telegram.push_update(private_update(900, 21, "/start"));
    telegram.push_update(private_update(901, 22, "/start"));
    bot = std::make_unique<bot_process>(e);
    ASSERT_TRUE(bot->wait_ready(port));
    ASSERT_TRUE(wait_replies("22", 1));
    std::this_thread::sleep_for(300ms);
    EXPECT_EQ(replies_to("21"), 1u);
    bool asked_past_them = false;
    for (auto& c : telegram.calls("getUpdates"))
        asked_past_them = asked_past_them || json::parse(c.body).value("offset", 0) == 902;
    EXPECT_TRUE(asked_past_them);
}

// The fake handed each polled update out once, so no test showed what happens to updates the
// bot received and stored but had not confirmed (the next getUpdates carries the confirming
// offset) when it is killed: Telegram offers them again at the restart. Each is answered once,
// and one that arrived while the bot was down is not lost.
TEST_F(bot_fixture, long_polling_killed_before_confirming_answers_each_update_once_after_restart) {
    auto e = env();
    e["TELEGRAM_MODE"] = "polling";
    e.erase("TELEGRAM_WEBHOOK_SECRET");
    telegram.push_update(private_update(500, 71, "/start"));
    telegram.push_update(private_update(501, 72, "/start"));
    telegram.lose_confirmations(true);
    bot = std::make_unique<bot_process>(e);
    ASSERT_TRUE(bot->wait_ready(port));
    ASSERT_TRUE(wait_replies("71", 1));
    ASSERT_TRUE(wait_replies("72", 1));
    ASSERT_TRUE(telegram.wait_for(
        [](const std::vector<test::recorded_call>& calls) {
            for (auto& c : calls)
                if (c.method == "getUpdates" && c.status == 0)
                    return true;
            return false;
        },
        10s))
        << "the bot did not try to confirm";
    // The replies' "sent" marks committed: a reply resent from the outbox after the kill is
    // another matter (kill_minus_9_loses_nothing_acknowledged_and_duplicates_stay_in_the_window).
    std::this_thread::sleep_for(500ms);
    bot->kill_hard();
    ASSERT_EQ(telegram.held_updates(), 2u) << "received and stored, not confirmed";

    telegram.push_update(private_update(502, 73, "/start")); // while the bot is down
    telegram.lose_confirmations(false);
    bot = std::make_unique<bot_process>(e);
    ASSERT_TRUE(bot->wait_ready(port));
    ASSERT_TRUE(wait_replies("73", 1));
    auto deadline = std::chrono::steady_clock::now() + 10s;
    while (telegram.held_updates() > 0 && std::chrono::steady_clock::now() < deadline)
        std::this_thread::sleep_for(50ms);
    EXPECT_EQ(telegram.held_updates(), 0u) << "all three confirmed after the restart";
    std::this_thread::sleep_for(300ms);
    EXPECT_EQ(replies_to("71"), 1u);
    EXPECT_EQ(replies_to("72"), 1u);
    EXPECT_EQ(replies_to("73"), 1u);
    for (auto id : {"500", "501", "502"})
        EXPECT_TRUE(recorded(id)) << id;
    auto metrics = get("/metrics").body;
    EXPECT_NE(metrics.find("\ncnscd_duplicate_updates_total{channel=\"telegram\"} 2\n"), std::string::npos)
        << "the two offered again are recognised: " << metrics;
}

// Update ids start again lower under a new bot token, or after a week without updates: the
// first request after a restart must not name the old offset, which would confirm them unseen.
TEST_F(bot_fixture, long_polling_after_a_restart_takes_updates_numbered_below_the_old_offset) {
    auto e = env();
    e["TELEGRAM_MODE"] = "polling";
    e.erase("TELEGRAM_WEBHOOK_SECRET");
    telegram.push_update(private_update(900, 21, "/start"));
    bot = std::make_unique<bot_process>(e);
    ASSERT_TRUE(bot->wait_ready(port));
    ASSERT_TRUE(wait_replies("21", 1));
    bot->terminate();
    telegram.push_update(private_update(35, 23, "/start"));
    bot = std::make_unique<bot_process>(e);
    ASSERT_TRUE(bot->wait_ready(port));
    EXPECT_TRUE(wait_replies("23", 1));
}

} // namespace
} // namespace cnscd
