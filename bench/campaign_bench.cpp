// A campaign to N team groups (default 10,000) through the real binary at Telegram's default
// limits, against the in-process fake Bot API enforcing the published limits. Meanwhile another
// user asks /giup every 250 ms and the reply latency is recorded. Prints one JSON line:
// campaign duration against N / 30 s, 429 answers, interactive p50/p99.
//   campaign_bench [groups]

#include "storage/database.hpp"
#include "storage/registry.hpp"
#include "tests/support/bot_process.hpp"
#include "tests/support/fake_telegram.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <map>
#include <set>
#include <thread>

using namespace cnscd;
using namespace std::chrono_literals;
using json = nlohmann::json;
using steady = std::chrono::steady_clock;

namespace {

const std::string secret = "bench-secret";
constexpr std::int64_t staff_user = 900900;

json message(std::int64_t update_id, std::int64_t user, const std::string& text) {
    return {{"update_id", update_id},
            {"message",
             {{"message_id", update_id},
              {"from", {{"id", user}, {"is_bot", false}, {"first_name", "A"}, {"language_code", "vi"}}},
              {"chat", {{"id", user}, {"type", "private"}}},
              {"date", 1767225600},
              {"text", text}}}};
}

} // namespace

int main(int argc, char** argv) {
    int groups = argc > 1 ? std::atoi(argv[1]) : 10000;
    test::fake_telegram telegram;
    telegram.enforce_limits(true);
    auto dir = test::temp_dir("campaign_bench");
    auto db_path = dir + "/bot.db";
    {
        auto db = database::open(db_path);
        db->in_transaction([&] {
            auto ward = ward_store(*db).ensure("Phường Hòa Xuân", 0);
            for (int i = 1; i <= groups; ++i) {
                auto team = team_store(*db).insert(ward, "Tổ " + std::to_string(i), 0);
                group_store(*db).bind(
                    {{channel::telegram, std::to_string(-1003000000000LL - i)}, ward, team, "Tổ", true},
                    std::nullopt, 0);
            }
            member_store members(*db);
            member_record staff;
            staff.ward_id = ward;
            staff.full_name = "Cán bộ";
            staff.role = "ward_staff";
            staff.phone = "+84905999001";
            members.link_account(channel::telegram, std::to_string(staff_user), members.insert(staff, 0),
                                 "contact", 0);
        });
    }
    auto port = test::free_port();
    std::ofstream(dir + "/bot.json") << R"({"telegram": {"quiet_hours": {"enabled": false}}})";
    test::bot_process bot({{"CNSCD_DB", db_path},
                           {"CNSCD_LISTEN", "127.0.0.1:" + std::to_string(port)},
                           {"CNSCD_CONFIG", dir + "/bot.json"},
                           {"CNSCD_LOG_LEVEL", "warn"},
                           {"TELEGRAM_BOT_TOKEN", "123456:TEST"},
                           {"TELEGRAM_API_BASE", telegram.base_url()},
                           {"TELEGRAM_WEBHOOK_SECRET", secret},
                           {"CNSCD_TEST_LOG", dir + "/bot.log"}});
    if (!bot.wait_ready(port)) {
        std::fprintf(stderr, "bot did not start; see %s/bot.log\n", dir.c_str());
        return 1;
    }
    auto post = [&](const json& body) {
        return test::http_request_to(port, "POST", "/telegram/webhook", body.dump(),
                                     {{"X-Telegram-Bot-Api-Secret-Token", secret}})
            .status;
    };
    post(message(1, staff_user, "/thongbao Họp tổ trưởng 19:00 thứ Sáu"));
    std::this_thread::sleep_for(1500ms); // the preview (1/s in the staff's chat)
    json press{
        {"update_id", 2},
        {"callback_query",
         {{"id", "cb2"},
          {"from", {{"id", staff_user}, {"is_bot", false}, {"first_name", "A"}}},
          {"message",
           {{"message_id", 1}, {"date", 1767225600}, {"chat", {{"id", staff_user}, {"type", "private"}}}}},
          {"chat_instance", "1"},
          {"data", "b:send:1"}}}};
    post(press);

    // Groups reached (each counted once), first and last delivery, copies beyond one.
    auto delivered = [&] {
        std::set<std::string> reached;
        std::size_t copies = 0;
        steady::time_point first{}, last{};
        for (auto& c : telegram.calls("sendMessage"))
            if (c.status == 200 && c.text.find("Họp tổ trưởng") != std::string::npos &&
                c.chat_id.starts_with("-100300")) {
                if (reached.empty())
                    first = c.at;
                last = c.at;
                ++copies;
                reached.insert(c.chat_id);
            }
        return std::tuple{reached.size(), first, last, copies - reached.size()};
    };
    std::vector<double> interactive_ms;
    std::int64_t update = 10;
    auto started = steady::now();
    while (std::get<0>(delivered()) < static_cast<std::size_t>(groups) && steady::now() - started < 3600s) {
        auto user = 5000000 + update;
        auto asked = steady::now();
        post(message(++update, user, "/giup"));
        auto chat = std::to_string(user);
        bool got = telegram.wait_for(
            [&](auto& calls) {
                for (auto it = calls.rbegin(); it != calls.rend(); ++it)
                    if (it->chat_id == chat && it->status == 200)
                        return true;
                return false;
            },
            10s);
        interactive_ms.push_back(
            got ? std::chrono::duration<double, std::milli>(steady::now() - asked).count() : 10000.0);
        std::this_thread::sleep_for(1s);
    }
    auto [n, first, last, duplicates] = delivered();
    double seconds = std::chrono::duration<double>(last - first).count();
    // Everything else the bot sent meanwhile (interactive replies, the day's reminders to the
    // same groups) shares the platform's 30 messages/s with the campaign.
    std::map<std::string, std::size_t> limited_by;
    for (auto& c : telegram.calls())
        if (c.status == 429)
            ++limited_by[c.method + " " + c.chat_id];
    for (auto& [what, count] : limited_by)
        std::fprintf(stderr, "429: %s x%zu\n", what.c_str(), count);
    std::size_t in_window = 0;
    for (auto& c : telegram.calls())
        if (c.status == 200 && c.at >= first && c.at <= last && c.method != "getMe")
            ++in_window;
    double allowed_s = in_window / 30.0;
    std::sort(interactive_ms.begin(), interactive_ms.end());
    auto pct = [&](double q) {
        return interactive_ms.empty()
                   ? 0.0
                   : interactive_ms[std::min(interactive_ms.size() - 1,
                                             static_cast<std::size_t>(q * interactive_ms.size()))];
    };
    std::printf("{\"groups\": %d, \"reached\": %zu, \"duplicates\": %zu, \"campaign_s\": %.1f, "
                "\"sent_in_window\": %zu, \"allowed_s\": %.1f, \"ratio\": %.3f, \"rate_per_s\": %.2f, "
                "\"answers_429\": %zu, "
                "\"interactive_n\": %zu, \"interactive_p50_ms\": %.1f, \"interactive_p99_ms\": %.1f}\n",
                groups, n, duplicates, seconds, in_window, allowed_s, seconds / allowed_s,
                n / std::max(seconds, 0.001), telegram.rate_limited(), interactive_ms.size(), pct(0.5),
                pct(0.99));
    bot.terminate();
    return 0;
}
