// A text longer than the platform's limit (Zalo 2,000, Telegram 4,096 characters) goes out as
// several messages. When a later part
// fails and the outbox retries the row, the parts members already saw must not come again.

#include "bot/telegram/telegram_client.hpp"
#include "bot/zalo/zalo_bot_client.hpp"
#include "bot/zalo/zalo_oa_client.hpp"
#include "bot/zalo/zalo_oa_tokens.hpp"
#include "storage/database.hpp"
#include "storage/writer.hpp"
#include "tests/support/fake_telegram.hpp"
#include "tests/support/fake_zalo.hpp"

#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>

#include <gtest/gtest.h>

#include <filesystem>
#include <optional>
#include <unistd.h>

namespace cnscd {
namespace {

namespace net = boost::asio;
using namespace std::chrono_literals;

// Two parts: 150 lines of 20 characters.
std::string long_text() {
    std::string s;
    for (int i = 0; i < 150; ++i)
        s += "Dòng số " + std::to_string(1000 + i) + " của tin\n";
    return s;
}

struct long_text_retry : ::testing::Test {
    test::fake_zalo zalo;
    net::io_context io;
    net::executor_work_guard<net::io_context::executor_type> keep_running = net::make_work_guard(io);

    delivery_result deliver(platform_client& client, const outgoing& m) {
        std::optional<delivery_result> got;
        client.deliver(m, "", [&](delivery_result r) { got = std::move(r); });
        for (int i = 0; i < 500 && !got; ++i)
            io.run_for(10ms);
        EXPECT_TRUE(got.has_value());
        return got.value_or(delivery_result{});
    }

    // How many calls carried each distinct text, in order of first appearance.
    static std::vector<int> sends_per_text(const std::vector<test::zalo_call>& calls) {
        std::vector<std::string> seen;
        std::vector<int> counts;
        for (auto& c : calls) {
            auto it = std::find(seen.begin(), seen.end(), c.text);
            if (it == seen.end()) {
                seen.push_back(c.text);
                counts.push_back(1);
            } else {
                ++counts[static_cast<std::size_t>(it - seen.begin())];
            }
        }
        return counts;
    }
};

TEST_F(long_text_retry, zalo_oa_group_resends_only_the_part_that_failed) {
    auto path = (std::filesystem::temp_directory_path() /
                 ("zalo_long_text_retry_" + std::to_string(::getpid()) + ".db"))
                    .string();
    std::filesystem::remove(path);
    {
        writer db_writer(database::open(path), 64);
        zalo_oa_config cfg;
        cfg.app_id = "1";
        cfg.secret_key = "k";
        cfg.api_base = cfg.oauth_base = zalo.base_url();
        cfg.access_token = zalo.oa_access_token();
        cfg.refresh_token = zalo.oa_refresh_token();
        zalo_oa_tokens tokens(io, db_writer, cfg, "");
        tokens.start();
        for (int i = 0; i < 200 && tokens.access_token().empty(); ++i)
            io.run_for(10ms);
        auto client = make_zalo_oa_client(io, cfg, 7 * 60, tokens);

        const std::string path_group = "/v3.0/oa/group/message";
        zalo.script(path_group, {200, R"({"error":0,"message":"Success","data":{"message_id":"p1"}})"});
        zalo.script(path_group, {200, R"({"error":-32,"message":"Exceed rate limit"})"});
        auto m = text_to({channel::zalo_oa, "4a9bada229cec09099df"}, chat_kind::group, long_text());
        EXPECT_EQ(deliver(*client, m).what, delivery_result::outcome::retry);
        EXPECT_EQ(deliver(*client, m).what, delivery_result::outcome::sent);

        auto calls = zalo.calls(path_group);
        ASSERT_EQ(calls.size(), 3u);
        EXPECT_EQ(sends_per_text(calls), (std::vector<int>{1, 2})); // the second part twice, the first once
        // The same text asked again later is a new message: all of it goes.
        EXPECT_EQ(deliver(*client, m).what, delivery_result::outcome::sent);
        EXPECT_EQ(zalo.calls(path_group).size(), 5u);
        client->stop();
        tokens.stop();
        io.run_for(50ms);
        db_writer.stop();
    }
    for (auto ext : {"", "-wal", "-shm"})
        std::filesystem::remove(path + ext);
}

TEST_F(long_text_retry, zalo_bot_resends_only_the_part_that_failed) {
    zalo_bot_config cfg;
    cfg.token = "123:abc";
    cfg.api_base = zalo.base_url();
    auto client = make_zalo_bot_client(io, cfg);
    zalo.script("sendMessage", {200, R"({"ok":true,"result":{"message_id":"p1","date":1}})"});
    zalo.script("sendMessage", {502, "bad gateway"});
    auto m = text_to({channel::zalo_bot, "7aa1b2c3d4e5f6a7b8c9"}, chat_kind::group, long_text());
    EXPECT_EQ(deliver(*client, m).what, delivery_result::outcome::retry);
    EXPECT_EQ(deliver(*client, m).what, delivery_result::outcome::sent);
    auto calls = zalo.calls("sendMessage");
    ASSERT_EQ(calls.size(), 3u);
    EXPECT_EQ(sends_per_text(calls), (std::vector<int>{1, 2}));
    client->stop();
    io.run_for(50ms);
}

TEST_F(long_text_retry, telegram_resends_only_the_part_that_failed) {
    test::fake_telegram telegram;
    telegram_config cfg;
    cfg.token = "123456:TEST";
    cfg.api_base = telegram.base_url();
    cfg.limits.enabled = false;
    auto client = make_telegram_client(io, cfg);
    std::string text;
    for (int i = 0; i < 150; ++i) // two parts
        text += "Dòng số " + std::to_string(1000 + i) + " của tin nhắn dài\n";
    telegram.script(
        "sendMessage", "55",
        {200, R"({"ok":true,"result":{"message_id":9,"date":1,"chat":{"id":55,"type":"private"}}})"});
    telegram.script("sendMessage", "55", {502, "<html>Bad Gateway</html>"});
    auto m = text_to({channel::telegram, "55"}, chat_kind::private_chat, text);
    EXPECT_EQ(deliver(*client, m).what, delivery_result::outcome::retry);
    EXPECT_EQ(deliver(*client, m).what, delivery_result::outcome::sent);
    std::vector<std::string> texts;
    for (auto& c : telegram.calls("sendMessage"))
        texts.push_back(c.text);
    ASSERT_EQ(texts.size(), 3u);
    EXPECT_NE(texts[0], texts[1]);
    EXPECT_EQ(texts[1], texts[2]) << "the second part again, not the first";
    client->stop();
    io.run_for(50ms);
}

} // namespace
} // namespace cnscd
