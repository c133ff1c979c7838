// Thirty members log a visit in the same team group within a second, against a fake
// Telegram that enforces the published limits: every visit is recorded and confirmed, the
// group never gets more than its 20 messages a minute, and nothing is answered 429.

#include "storage/database.hpp"
#include "storage/registry.hpp"
#include "storage/visit_store.hpp"
#include "tests/support/bot_process.hpp"
#include "tests/support/fake_telegram.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <atomic>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <thread>

namespace cnscd {
namespace {

using namespace std::chrono_literals;
using json = nlohmann::json;

const std::string secret = "burst-secret";
const std::string group = "-1001555000111";

std::string group_update(std::int64_t update_id, std::int64_t user, const std::string& text) {
    return json{
        {"update_id", update_id},
        {"message",
         {{"message_id", update_id},
          {"from", {{"id", user}, {"is_bot", false}, {"first_name", "Thành viên"}, {"language_code", "vi"}}},
          {"chat", {{"id", std::stoll(group)}, {"type", "supergroup"}, {"title", "Tổ 1"}}},
          {"date", 1767225600},
          {"text", text},
          {"entities", {{{"type", "bot_command"}, {"offset", 0}, {"length", 5}}}}}}}
        .dump();
}

// A ward whose one team has its group bound and `members` members, "Thành viên 1".., linked
// on Telegram as users 7000...
void seed_team(const std::string& db_path, int members) {
    auto db = database::open(db_path);
    auto ward = ward_store(*db).ensure("Phường Hòa Xuân", 0);
    auto team = team_store(*db).ensure(ward, "Tổ dân phố số 1", 0);
    group_store(*db).bind({{channel::telegram, group}, ward, team, "Tổ 1", true}, std::nullopt, 0);
    member_store roster(*db);
    for (int i = 0; i < members; ++i) {
        member_record m;
        m.ward_id = ward;
        m.team_id = team;
        m.full_name = "Thành viên " + std::to_string(i + 1);
        m.role = "member";
        m.phone = "+8490500" + std::to_string(1000 + i);
        auto id = roster.insert(m, 0);
        roster.link_account(channel::telegram, std::to_string(7000 + i), id, "contact", 0);
    }
}

TEST(visit_burst, thirty_members_in_one_minute_stay_within_the_group_limit) {
    test::fake_telegram telegram;
    telegram.enforce_limits(true);
    auto dir = test::temp_dir("visit_burst");
    auto db_path = dir + "/bot.db";
    seed_team(db_path, 30);
    auto port = test::free_port();
    test::bot_process bot({{"CNSCD_DB", db_path},
                           {"CNSCD_LISTEN", "127.0.0.1:" + std::to_string(port)},
                           {"TELEGRAM_BOT_TOKEN", "123456:TEST"},
                           {"TELEGRAM_API_BASE", telegram.base_url()},
                           {"TELEGRAM_WEBHOOK_SECRET", secret},
                           {"CNSCD_TEST_LOG", dir + "/bot.log"}});
    ASSERT_TRUE(bot.wait_ready(port)) << "see " << dir << "/bot.log";

    std::vector<std::thread> senders;
    std::atomic<int> acked{0};
    for (int i = 0; i < 30; ++i)
        senders.emplace_back([&, i] {
            auto body = group_update(900000 + i, 7000 + i,
                                     "/tham số " + std::to_string(i + 1) + " ngõ 5, cài VNeID cho 2 người");
            auto r = test::http_request_to(port, "POST", "/telegram/webhook", body,
                                           {{"X-Telegram-Bot-Api-Secret-Token", secret}});
            acked += r.status == 200;
        });
    for (auto& t : senders)
        t.join();
    ASSERT_EQ(acked.load(), 30);

    // Every member's confirmation reaches the group, inside fewer messages than members.
    std::set<std::string> confirmed;
    const std::regex member_name("Thành viên (\\d+):");
    auto all_confirmed = telegram.wait_for(
        [&](const std::vector<test::recorded_call>& calls) {
            confirmed.clear();
            for (auto& c : calls)
                if (c.method == "sendMessage" && c.chat_id == group)
                    for (auto it = std::sregex_iterator(c.text.begin(), c.text.end(), member_name);
                         it != std::sregex_iterator(); ++it)
                        confirmed.insert((*it)[1].str());
            return confirmed.size() == 30;
        },
        30s);
    EXPECT_TRUE(all_confirmed) << confirmed.size() << " of 30 confirmed";

    std::vector<std::chrono::steady_clock::time_point> at;
    for (auto& c : telegram.calls("sendMessage"))
        if (c.chat_id == group)
            at.push_back(c.at);
    EXPECT_LT(at.size(), 30u) << "confirmations were merged";
    for (std::size_t i = 0; i + 20 < at.size(); ++i)
        EXPECT_GE(at[i + 20] - at[i], 60s) << "more than 20 messages to the group within a minute";
    EXPECT_EQ(telegram.rate_limited(), 0u);

    bot.terminate();
    auto db = database::open(db_path, {false, false});
    EXPECT_EQ(visit_store(*db).ward_totals_in(1, {"2000-01-01", "2100-01-01"}).visits, 30);
}

// The bot restarted in the middle of a busy minute used to forget what the group had already
// received and send at once: Telegram's per-group limit was exceeded (429s) after each restart.
TEST(visit_burst, a_restart_keeps_the_group_within_its_limit) {
    test::fake_telegram telegram;
    telegram.enforce_limits(true, 30, 4, 5);
    auto dir = test::temp_dir("visit_burst_restart");
    auto db_path = dir + "/bot.db";
    seed_team(db_path, 4);
    auto port = test::free_port();
    // Four messages a minute per group, five a second per chat: the test need not wait a minute.
    std::ofstream(dir + "/bot.json")
        << R"({"telegram": {"limits": {"per_group_per_minute": 4, "per_chat_per_second": 5}}})";
    std::map<std::string, std::string> env{{"CNSCD_DB", db_path},
                                           {"CNSCD_LISTEN", "127.0.0.1:" + std::to_string(port)},
                                           {"CNSCD_CONFIG", dir + "/bot.json"},
                                           {"TELEGRAM_BOT_TOKEN", "123456:TEST"},
                                           {"TELEGRAM_API_BASE", telegram.base_url()},
                                           {"TELEGRAM_WEBHOOK_SECRET", secret},
                                           {"CNSCD_TEST_LOG", dir + "/bot.log"}};
    auto log_visit = [&](int i) {
        auto body =
            group_update(910000 + i, 7000 + i, "/tham số " + std::to_string(i + 1) + " ngõ 5, cài VNeID");
        return test::http_request_to(port, "POST", "/telegram/webhook", body,
                                     {{"X-Telegram-Bot-Api-Secret-Token", secret}})
            .status;
    };
    auto to_group = [](const std::vector<test::recorded_call>& calls) {
        std::size_t n = 0;
        for (auto& c : calls)
            n += c.method == "sendMessage" && c.chat_id == group;
        return n;
    };
    {
        test::bot_process bot(env);
        ASSERT_TRUE(bot.wait_ready(port)) << "see " << dir << "/bot.log";
        // Half the minute's four: the next confirmations are spread over the rest of it.
        for (int i = 0; i < 2; ++i) {
            ASSERT_EQ(log_visit(i), 200);
            ASSERT_TRUE(
                telegram.wait_for([&](auto& calls) { return to_group(calls) == std::size_t(i + 1); }, 5s));
        }
        bot.terminate();
    }
    test::bot_process bot(env);
    ASSERT_TRUE(bot.wait_ready(port)) << "see " << dir << "/bot.log";
    ASSERT_EQ(log_visit(2), 200);
    ASSERT_EQ(log_visit(3), 200);
    std::this_thread::sleep_for(3s);
    EXPECT_EQ(telegram.rate_limited(), 0u);
    EXPECT_EQ(to_group(telegram.calls("sendMessage")), 2u)
        << "the group's window was forgotten at the restart";
    bot.terminate();
    auto db = database::open(db_path, {false, false});
    EXPECT_EQ(visit_store(*db).ward_totals_in(1, {"2000-01-01", "2100-01-01"}).visits, 4);
}

} // namespace
} // namespace cnscd
