// One conversation, run unchanged on every chat platform through the real binary and the
// fake platform servers: what a member does is the same on Telegram, Zalo OA and Zalo Bot.
// As features land (/tham, choices answered by number, /thongke), extend `conversation`.

#include "bot/zalo/zalo_oa_adapter.hpp"
#include "messages/topics.hpp"
#include "storage/database.hpp"
#include "storage/invite_store.hpp"
#include "tests/support/bot_process.hpp"
#include "tests/support/fake_telegram.hpp"
#include "tests/support/fake_zalo.hpp"
#include "tests/support/test_bot.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <fstream>
#include <thread>

namespace cnscd {
namespace {

using namespace std::chrono_literals;
using json = nlohmann::json;

std::int64_t now_ms() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

// A member's private chat with the bot on one platform.
class channel_driver {
public:
    virtual ~channel_driver() = default;
    virtual std::map<std::string, std::string> env() = 0;
    virtual std::string user() const = 0;
    // Posts `text` from the member; returns the webhook's HTTP status.
    virtual int say(std::uint16_t port, const std::string& text) = 0;
    // Texts the bot sent to the member so far.
    virtual std::vector<std::string> replies() = 0;
};

class telegram_driver final : public channel_driver {
public:
    std::map<std::string, std::string> env() override {
        return {{"TELEGRAM_BOT_TOKEN", "123456:TEST"},
                {"TELEGRAM_API_BASE", fake.base_url()},
                {"TELEGRAM_WEBHOOK_SECRET", "channels-secret"}};
    }
    std::string user() const override { return "5012345678"; }
    int say(std::uint16_t port, const std::string& text) override {
        auto body = json{{"update_id", ++update_id},
                         {"message",
                          {{"message_id", update_id},
                           {"from", {{"id", 5012345678}, {"is_bot", false}, {"first_name", "Lan"}}},
                           {"chat", {{"id", 5012345678}, {"type", "private"}}},
                           {"date", now_ms() / 1000},
                           {"text", text}}}}
                        .dump();
        return test::http_request_to(port, "POST", "/telegram/webhook", body,
                                     {{"X-Telegram-Bot-Api-Secret-Token", "channels-secret"}})
            .status;
    }
    std::vector<std::string> replies() override {
        std::vector<std::string> out;
        for (auto& c : fake.calls("sendMessage"))
            if (c.chat_id == user())
                out.push_back(c.text);
        return out;
    }

private:
    test::fake_telegram fake;
    std::int64_t update_id = 900000;
};

class zalo_oa_driver final : public channel_driver {
public:
    std::map<std::string, std::string> env() override {
        return {{"ZALO_OA_APP_ID", "2553928453557884079"}, {"ZALO_OA_SECRET_KEY", "channels-oa-key"},
                {"ZALO_APP_SECRET", "test-app-secret"},    {"ZALO_OA_ACCESS_TOKEN", "oa-access-1"},
                {"ZALO_OA_REFRESH_TOKEN", "oa-refresh-1"}, {"ZALO_OA_API_BASE", fake.base_url()},
                {"ZALO_OAUTH_BASE", fake.base_url()}};
    }
    std::string user() const override { return "6142494823123456789"; }
    int say(std::uint16_t port, const std::string& text) override {
        auto ts = std::to_string(now_ms());
        char id[24];
        std::snprintf(id, sizeof id, "%020d", ++msg);
        auto body = json{
            {"event_name", "user_send_text"},
            {"app_id", "2553928453557884079"},
            {"sender", {{"id", user()}}},
            {"recipient", {{"id", "3662729599332560487"}}},
            {"message", {{"text", text}, {"msg_id", id}}},
            {"timestamp",
             ts}}.dump();
        auto mac = zalo_oa::compute_mac("2553928453557884079", body, ts, "channels-oa-key");
        return test::http_request_to(port, "POST", "/zalo/webhook", body,
                                     {{"X-ZEvent-Signature", "mac=" + mac}})
            .status;
    }
    std::vector<std::string> replies() override {
        std::vector<std::string> out;
        for (auto& c : fake.calls("/v3.0/oa/message/cs"))
            if (c.to == user() &&
                c.reply.find(R"("error":0,)") != std::string::npos) // not the refused attempts
                out.push_back(c.text);
        return out;
    }

private:
    test::fake_zalo fake;
    int msg = 0;
};

class zalo_bot_driver final : public channel_driver {
public:
    std::map<std::string, std::string> env() override {
        return {{"ZALO_BOT_TOKEN", "99:zalo-bot"},
                {"ZALO_BOT_API_BASE", fake.base_url()},
                {"ZALO_BOT_WEBHOOK_SECRET", "channels-bot-secret"}};
    }
    std::string user() const override { return "6ede9afa66b88fe6d6a9"; }
    int say(std::uint16_t port, const std::string& text) override {
        auto body = json{{"ok", true},
                         {"result",
                          {{"event_name", "message.text.received"},
                           {"message",
                            {{"message_id", "zb" + std::to_string(++msg)},
                             {"date", now_ms()},
                             {"from", {{"id", user()}, {"display_name", "Lan"}}},
                             {"chat", {{"id", user()}, {"chat_type", "PRIVATE"}}},
                             {"text", text}}}}}}
                        .dump();
        return test::http_request_to(port, "POST", "/zalobot/webhook", body,
                                     {{"X-Bot-Api-Secret-Token", "channels-bot-secret"}})
            .status;
    }
    std::vector<std::string> replies() override {
        std::vector<std::string> out;
        for (auto& c : fake.calls("sendMessage"))
            if (c.to == user())
                out.push_back(c.text);
        return out;
    }

private:
    test::fake_zalo fake;
    int msg = 0;
};

std::unique_ptr<channel_driver> make_driver(const std::string& name) {
    if (name == "telegram")
        return std::make_unique<telegram_driver>();
    if (name == "zalo_oa")
        return std::make_unique<zalo_oa_driver>();
    return std::make_unique<zalo_bot_driver>();
}

struct channels : ::testing::TestWithParam<std::string> {
    std::unique_ptr<channel_driver> chat = make_driver(GetParam());
    std::string dir = test::temp_dir("channels-" + GetParam());
    std::string db_path = dir + "/bot.db";
    std::uint16_t port = test::free_port();
    std::unique_ptr<test::bot_process> bot;
    std::string invite_code;

    void SetUp() override {
        // The ward's roster: one member not yet linked to any chat account, and her invite.
        test::test_bot seed({}, db_path);
        auto ward = seed.ward("Phường Hòa Xuân");
        auto team = seed.team(ward, "Tổ 1");
        auto lan = seed.member(ward, team, "Lê Thị Lan", "member", "");
        invite_code = invite_store(*seed.db).create(lan, std::nullopt, now_ms() / 1000, 7 * 86400).code;
        std::ofstream(dir + "/bot.json")
            << R"({"telegram": {"limits": {"enabled": false}}, "zalo_oa": {"limits": {"enabled": false}},
                  "zalo_bot": {"limits": {"enabled": false}}})";
        auto e = chat->env();
        e.merge(std::map<std::string, std::string>{{"CNSCD_DB", db_path},
                                                   {"CNSCD_LISTEN", "127.0.0.1:" + std::to_string(port)},
                                                   {"CNSCD_CONFIG", dir + "/bot.json"},
                                                   {"CNSCD_TEST_LOG", dir + "/bot.log"}});
        bot = std::make_unique<test::bot_process>(e);
        ASSERT_TRUE(bot->wait_ready(port)) << "bot did not start; see " << dir << "/bot.log";
    }

    void TearDown() override {
        if (bot)
            bot->terminate();
    }

    // Says `text` and waits for the bot's next `n` replies; returns them joined by a blank
    // line ("" if they did not come within 10 s).
    std::string exchange(const std::string& text, std::size_t n = 1) {
        auto before = chat->replies().size();
        EXPECT_EQ(chat->say(port, text), 200) << text;
        for (int i = 0; i < 200; ++i) {
            auto r = chat->replies();
            if (r.size() >= before + n) {
                std::string out;
                for (auto k = before; k < r.size(); ++k)
                    out += (out.empty() ? "" : "\n\n") + r[k];
                return out;
            }
            std::this_thread::sleep_for(50ms);
        }
        return "";
    }
};

TEST_P(channels, conversation) {
    auto hello = exchange("/start");
    EXPECT_NE(hello.find("Xin chào"), std::string::npos) << hello;
    if (GetParam() != "telegram") {
        EXPECT_EQ(hello.find("Chia sẻ số điện thoại"), std::string::npos) << "no such button on Zalo";
    }

    auto linked = exchange("/ma " + invite_code);
    EXPECT_NE(linked.find("Đã liên kết tài khoản"), std::string::npos) << linked;
    EXPECT_NE(linked.find("Lê Thị Lan"), std::string::npos) << linked;

    auto help = exchange("/giup");
    EXPECT_NE(help.find("/tham"), std::string::npos) << help;
    if (GetParam() != "telegram") {
        EXPECT_EQ(help.find("<b>"), std::string::npos) << "Zalo has no formatting: tags are removed";
    }

    // A visit with no topic: recorded, with a question whose choices are answered by number.
    auto logged = exchange("/tham số 8 ngách 3");
    EXPECT_NE(logged.find("Đã ghi lượt thăm"), std::string::npos) << logged;
    EXPECT_NE(logged.find("Chọn một mục"), std::string::npos) << logged;
    auto first_topic = std::string(all_topics()[0].short_vi);
    if (GetParam() != "telegram") {
        EXPECT_NE(logged.find("1. " + first_topic), std::string::npos) << "numbered choices: " << logged;
    }
    auto answered = exchange("1");
    EXPECT_NE(answered.find("Đã cập nhật số"), std::string::npos) << answered;
    EXPECT_NE(answered.find(first_topic), std::string::npos) << answered;

    auto stats = exchange("/thongke");
    EXPECT_NE(stats.find("Tổ 1"), std::string::npos) << stats;
}

INSTANTIATE_TEST_SUITE_P(every_platform, channels, ::testing::Values("telegram", "zalo_oa", "zalo_bot"),
                         [](const auto& info) { return info.param; });

} // namespace
} // namespace cnscd
