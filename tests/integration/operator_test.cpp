// What the ward's IT person meets running the bot: a second serve started by mistake, a wrong
// token or a leftover webhook in polling mode, and /metrics after a scripted run.

#include "tests/support/bot_process.hpp"
#include "tests/support/fake_telegram.hpp"
#include "tests/support/telegram_bot_fixture.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <iterator>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <thread>
#include <vector>

namespace cnscd {
namespace {

using namespace std::chrono_literals;
using test::bot_process;
using test::private_update;
using test::telegram_bot_fixture;

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

struct operator_fixture : telegram_bot_fixture {
    std::map<std::string, std::string> polling_env() {
        auto e = env();
        e["TELEGRAM_MODE"] = "polling";
        e.erase("TELEGRAM_WEBHOOK_SECRET");
        return e;
    }

    std::size_t calls_to(const std::string& method) { return telegram.count(method); }

    bool wait_calls(const std::string& method, std::size_t n, std::chrono::milliseconds t = 10s) {
        return telegram.wait_for(
            [&](const std::vector<test::recorded_call>& calls) {
                std::size_t k = 0;
                for (auto& c : calls)
                    k += c.method == method;
                return k >= n;
            },
            t);
    }
};

// A second `serve` on the same database (systemd's and one started by hand on another port)
// used to run beside the first: both sent the queued replies and, polling, both asked for the
// same updates. It now stops at once, says which database and what to do, and changes nothing.
TEST_F(operator_fixture, a_second_serve_on_the_same_database_stops_and_says_why) {
    start();
    ASSERT_EQ(post(private_update(1, 31, "/start")).status, 200);
    ASSERT_TRUE(wait_replies("31", 1));

    auto second_env = env();
    second_env["CNSCD_LISTEN"] = "127.0.0.1:" + std::to_string(test::free_port());
    second_env["CNSCD_TEST_LOG"] = dir + "/second.log";
    bot_process second(second_env);
    auto code = second.wait_exit(20s);
    ASSERT_TRUE(code.has_value()) << "the second serve kept running";
    EXPECT_NE(*code, 0);
    auto said = read_file(dir + "/second.log");
    EXPECT_NE(said.find("another `cnscd-bot serve` already runs on the database " + db_path),
              std::string::npos)
        << said;
    EXPECT_NE(said.find("Fix: stop the other one"), std::string::npos) << said;

    // The first one goes on answering, once.
    ASSERT_EQ(post(private_update(2, 32, "/start")).status, 200);
    ASSERT_TRUE(wait_replies("32", 1));
    std::this_thread::sleep_for(300ms);
    EXPECT_EQ(replies_to("31"), 1u);
    EXPECT_EQ(replies_to("32"), 1u);

    // Once the first has stopped, a new serve starts on the same file.
    bot->terminate();
    start();
    EXPECT_EQ(get("/healthz").status, 200);
}

} // namespace
} // namespace cnscd
