#pragma once

// The real binary on loopback with Telegram pointed at the in-process fake Bot API: the base
// of the integration tests that drive the bot through its webhook.

#include "tests/support/bot_process.hpp"
#include "tests/support/fake_telegram.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <fstream>
#include <iterator>
#include <map>
#include <memory>
#include <string>

namespace cnscd::test {

struct telegram_bot_fixture : ::testing::Test {
    static inline const std::string secret = "integration-secret_1";

    fake_telegram telegram;
    std::string dir = temp_dir(::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::string db_path = dir + "/bot.db";
    std::uint16_t port = free_port();
    std::unique_ptr<bot_process> bot;
    // Written to the bot's config file by start(); a test may change it before.
    std::string extra_config =
        R"({"telegram": {"limits": {"enabled": false}}, "outbox": {"retry_base_ms": 100, "retry_max_ms": 400}})";

    std::map<std::string, std::string> env() {
        std::ofstream(dir + "/bot.json") << extra_config;
        return {{"CNSCD_DB", db_path},
                {"CNSCD_LISTEN", "127.0.0.1:" + std::to_string(port)},
                {"CNSCD_CONFIG", dir + "/bot.json"},
                {"TELEGRAM_BOT_TOKEN", "123456:TEST"},
                {"TELEGRAM_API_BASE", telegram.base_url()},
                {"TELEGRAM_WEBHOOK_SECRET", secret},
                {"CNSCD_TEST_LOG", dir + "/bot.log"}};
    }

    void start() {
        bot = std::make_unique<bot_process>(env());
        ASSERT_TRUE(bot->wait_ready(port)) << "bot did not start; see " << dir << "/bot.log";
    }

    // A webhook delivery; `token` "" sends no secret header.
    http_answer post(const std::string& body, const std::string& token = secret) {
        std::map<std::string, std::string> headers;
        if (!token.empty())
            headers["X-Telegram-Bot-Api-Secret-Token"] = token;
        return http_request_to(port, "POST", "/telegram/webhook", body, headers);
    }
    http_answer get(const std::string& target) { return http_request_to(port, "GET", target); }

    std::size_t replies_to(const std::string& chat) {
        std::size_t n = 0;
        for (auto& c : telegram.calls("sendMessage"))
            n += c.chat_id == chat;
        return n;
    }

    bool wait_replies(const std::string& chat, std::size_t n,
                      std::chrono::milliseconds t = std::chrono::seconds(10)) {
        return telegram.wait_for(
            [&](const std::vector<recorded_call>& calls) {
                std::size_t k = 0;
                for (auto& c : calls)
                    k += c.method == "sendMessage" && c.chat_id == chat;
                return k >= n;
            },
            t);
    }

    // What the bot has logged so far.
    std::string log() {
        std::ifstream in(dir + "/bot.log", std::ios::binary);
        return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    }

    void TearDown() override {
        if (bot)
            bot->terminate();
    }
};

} // namespace cnscd::test
