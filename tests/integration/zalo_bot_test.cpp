// The real binary on loopback against the fake Zalo Bot Platform: the secret-token webhook
// (wrapped and unwrapped bodies, redeliveries) and getUpdates polling (one update per call,
// 408 when empty).

#include "storage/database.hpp"
#include "storage/outbox.hpp"
#include "storage/update_log.hpp"
#include "tests/support/bot_process.hpp"
#include "tests/support/fake_zalo.hpp"
#include "tests/support/fixtures.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <fstream>
#include <iterator>
#include <thread>

namespace cnscd {
namespace {

using namespace std::chrono_literals;
using json = nlohmann::json;
using test::http_request_to;

const std::string secret = "zalo-bot-secret-1";
const std::string token = "1234567890:zalo-bot-test";

std::string private_text(const std::string& id, const std::string& user, const std::string& text) {
    return json{{"event_name", "message.text.received"},
                {"message",
                 {{"message_id", id},
                  {"date", 1767225600602},
                  {"from", {{"id", user}, {"display_name", "Lan"}, {"is_bot", false}}},
                  {"chat", {{"id", user}, {"chat_type", "PRIVATE"}}},
                  {"text", text}}}}
        .dump();
}

struct zalo_bot_fixture : ::testing::Test {
    test::fake_zalo zalo;
    std::string dir = test::temp_dir(::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::string db_path = dir + "/bot.db";
    std::uint16_t port = test::free_port();
    std::unique_ptr<test::bot_process> bot;

    void start(const std::string& mode, const std::string& more_config = "",
               const std::string& outbox = R"({"retry_base_ms": 100})") {
        std::ofstream(dir + "/bot.json")
            << R"({"zalo_bot": {"limits": {"enabled": false}, "poll_idle_ms": 20}, )" << more_config
            << R"("outbox": )" << outbox << "}";
        bot = std::make_unique<test::bot_process>(
            std::map<std::string, std::string>{{"CNSCD_DB", db_path},
                                               {"CNSCD_LISTEN", "127.0.0.1:" + std::to_string(port)},
                                               {"CNSCD_CONFIG", dir + "/bot.json"},
                                               {"ZALO_BOT_TOKEN", token},
                                               {"ZALO_BOT_API_BASE", zalo.base_url()},
                                               {"ZALO_BOT_WEBHOOK_SECRET", secret},
                                               {"ZALO_BOT_MODE", mode},
                                               {"CNSCD_TEST_LOG", dir + "/bot.log"}});
        ASSERT_TRUE(bot->wait_ready(port)) << "bot did not start; see " << dir << "/bot.log";
    }

    test::http_answer post(const std::string& body, const std::string& token_header = secret) {
        std::map<std::string, std::string> headers;
        if (!token_header.empty())
            headers["X-Bot-Api-Secret-Token"] = token_header;
        return http_request_to(port, "POST", "/zalobot/webhook", body, headers);
    }

    std::size_t sends_to(const std::string& chat) {
        std::size_t n = 0;
        for (auto& c : zalo.calls("sendMessage"))
            n += c.to == chat;
        return n;
    }

    bool wait_sends(const std::string& chat, std::size_t n, std::chrono::milliseconds t = 10s) {
        return zalo.wait_for(
            [&](const std::vector<test::zalo_call>& calls) {
                std::size_t k = 0;
                for (auto& c : calls)
                    k += c.method == "sendMessage" && c.to == chat;
                return k >= n;
            },
            t);
    }

    bool recorded(const std::string& id) {
        auto db = database::open(db_path, {false, false});
        return update_log(*db).contains(channel::zalo_bot, id);
    }

    void TearDown() override {
        if (bot)
            bot->terminate();
    }
};

TEST_F(zalo_bot_fixture, webhook_update_is_stored_then_answered_with_the_bot_token) {
    start("webhook");
    EXPECT_EQ(post(private_text("m000000000000000001", "u1", "/start")).status, 200);
    EXPECT_TRUE(recorded("m000000000000000001")) << "acknowledged means committed";
    ASSERT_TRUE(wait_sends("u1", 1));
    auto call = zalo.calls("sendMessage").front();
    EXPECT_EQ(call.access_token, token);
    EXPECT_NE(call.text.find("Xin chào"), std::string::npos) << call.text;
}

TEST_F(zalo_bot_fixture, wrapped_group_body_is_accepted_and_redeliveries_answered_once) {
    start("webhook");
    auto body = test::fixture("zalo_bot/message_text_wrapped.json");
    for (int i = 0; i < 3; ++i)
        EXPECT_EQ(post(body).status, 200);
    EXPECT_TRUE(recorded("2d758cb5e222177a4e35"));
    // The group is not bound to a team: the bot still answers there, once.
    ASSERT_TRUE(wait_sends("7aa1b2c3d4e5f6a7b8c9", 1));
    std::this_thread::sleep_for(500ms);
    EXPECT_EQ(sends_to("7aa1b2c3d4e5f6a7b8c9"), 1u);
}

TEST_F(zalo_bot_fixture, wrong_or_missing_secret_is_refused_and_nothing_is_stored) {
    start("webhook");
    EXPECT_EQ(post(private_text("m1", "u2", "/start"), "").status, 401);
    EXPECT_EQ(post(private_text("m2", "u2", "/start"), secret + "x").status, 401);
    EXPECT_EQ(post("{not json").status, 400);
    EXPECT_FALSE(recorded("m1"));
    EXPECT_FALSE(recorded("m2"));
    std::this_thread::sleep_for(300ms);
    EXPECT_EQ(sends_to("u2"), 0u);
    std::ifstream in(dir + "/bot.log");
    std::string log((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    EXPECT_NE(
        log.find("another secret than ZALO_BOT_WEBHOOK_SECRET: run `cnscd-bot set-webhook --zalo-bot --url"),
        std::string::npos)
        << log;
    EXPECT_EQ(log.find(secret), std::string::npos) << "the secret is in the log";
}

TEST_F(zalo_bot_fixture, polling_takes_one_update_per_call_and_treats_408_as_empty) {
    start("polling");
    ASSERT_TRUE(zalo.wait_for(
        [](auto& calls) {
            std::size_t polls = 0;
            for (auto& c : calls)
                polls += c.method == "getUpdates";
            return polls >= 2;
        },
        5s))
        << "keeps polling after 408";
    EXPECT_EQ(zalo.calls("deleteWebhook").size(), 1u);
    auto poll = zalo.calls("getUpdates").front();
    EXPECT_EQ(json::parse(poll.body)["timeout"], "30") << "Zalo takes the timeout as a string";
    zalo.push_bot_update(private_text("p000000000000000001", "u3", "/start"));
    zalo.push_bot_update(private_text("p000000000000000002", "u4", "/start"));
    ASSERT_TRUE(wait_sends("u3", 1));
    ASSERT_TRUE(wait_sends("u4", 1));
    EXPECT_TRUE(recorded("p000000000000000001"));
    EXPECT_TRUE(recorded("p000000000000000002"));
}

// getUpdates hands an update out once: one the database refused (locked here) must be kept
// and stored when it can be, not dropped.
TEST_F(zalo_bot_fixture, polling_keeps_an_update_the_database_refused_and_stores_it_later) {
    start("polling", R"("storage": {"busy_timeout_ms": 200}, )");
    SQLite::Database other(db_path, SQLite::OPEN_READWRITE);
    other.setBusyTimeout(5000);
    other.exec("BEGIN EXCLUSIVE");
    zalo.push_bot_update(private_text("p000000000000000005", "u5", "/start"));
    std::this_thread::sleep_for(1500ms); // refused, kept, tried again after 1 s
    EXPECT_EQ(sends_to("u5"), 0u);
    other.exec("ROLLBACK");
    ASSERT_TRUE(wait_sends("u5", 1));
    EXPECT_TRUE(recorded("p000000000000000005"));
}

// /healthz stayed 200 while every getUpdates failed. After three failures in a row it says 503
// and which channel; an empty long poll (408) is no failure, and a good call makes it 200.
TEST_F(zalo_bot_fixture, healthz_says_503_while_polling_keeps_failing) {
    start("polling");
    zalo.script("getUpdates", {401, R"({"ok":false,"error_code":401,"description":"Unauthorized"})"}, 3);
    ASSERT_TRUE(zalo.wait_for(
        [](auto& calls) {
            std::size_t refused = 0;
            for (auto& c : calls)
                refused += c.method == "getUpdates" && c.reply.find("Unauthorized") != std::string::npos;
            return refused >= 3;
        },
        15s));
    std::this_thread::sleep_for(300ms); // the next call is 4 s away
    auto health = http_request_to(port, "GET", "/healthz");
    EXPECT_EQ(health.status, 503) << health.body;
    auto j = json::parse(health.body, nullptr, false);
    ASSERT_TRUE(j.is_object()) << health.body;
    EXPECT_EQ(j.value("status", ""), "polling_failed");
    ASSERT_TRUE(j["polling"].is_array() && !j["polling"].empty()) << health.body;
    EXPECT_EQ(j["polling"][0].value("channel", ""), "zalo_bot");
    EXPECT_EQ(health.body.find(token), std::string::npos) << "the token is in /healthz";
    zalo.push_bot_update(private_text("p000000000000000009", "u9", "/start"));
    ASSERT_TRUE(wait_sends("u9", 1, 15s));
    EXPECT_EQ(http_request_to(port, "GET", "/healthz").status, 200);
}

// /healthz and the log said "Unauthorized" and nothing more: the operator had to guess that the
// token was wrong and where the right one is. Both now say it, with the fix, never the token.
TEST_F(zalo_bot_fixture, a_refused_token_is_named_with_its_fix_in_healthz_and_the_log) {
    start("polling");
    zalo.script("getUpdates", {401, R"({"ok":false,"error_code":401,"description":"Unauthorized"})"}, 3);
    ASSERT_TRUE(zalo.wait_for(
        [](auto& calls) {
            std::size_t refused = 0;
            for (auto& c : calls)
                refused += c.method == "getUpdates" && c.reply.find("Unauthorized") != std::string::npos;
            return refused >= 3;
        },
        15s));
    std::this_thread::sleep_for(300ms);
    auto health = http_request_to(port, "GET", "/healthz");
    EXPECT_EQ(health.status, 503) << health.body;
    auto j = json::parse(health.body, nullptr, false);
    ASSERT_TRUE(j.is_object() && j["polling"].is_array() && !j["polling"].empty()) << health.body;
    auto fix = j["polling"][0].value("fix", "");
    EXPECT_NE(fix.find("does not know the bot token"), std::string::npos) << health.body;
    EXPECT_NE(fix.find("ZALO_BOT_TOKEN"), std::string::npos) << health.body;
    EXPECT_EQ(health.body.find(token), std::string::npos) << "the token is in /healthz";
    std::ifstream in(dir + "/bot.log");
    std::string log((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    EXPECT_NE(log.find("ZALO_BOT_TOKEN"), std::string::npos) << log;
    EXPECT_EQ(log.find(token), std::string::npos) << "the token is in the log";
    EXPECT_EQ(log.find("zalo-bot-test"), std::string::npos) << "part of the token is in the log";
}

// The platform down (503, a gateway's HTML page): the operator reads that it is Zalo's side and
// that the bot keeps trying by itself, and what to check if it lasts.
TEST_F(zalo_bot_fixture, the_platform_down_is_named_as_such_with_what_to_do) {
    start("polling");
    zalo.script("getUpdates", {503, "<html><body>503 Service Temporarily Unavailable</body></html>"}, 3);
    ASSERT_TRUE(zalo.wait_for(
        [](auto& calls) {
            std::size_t down = 0;
            for (auto& c : calls)
                down += c.method == "getUpdates" && c.reply.find("503") != std::string::npos;
            return down >= 3;
        },
        15s));
    std::this_thread::sleep_for(300ms);
    auto health = http_request_to(port, "GET", "/healthz");
    EXPECT_EQ(health.status, 503) << health.body;
    auto j = json::parse(health.body, nullptr, false);
    ASSERT_TRUE(j.is_object() && j["polling"].is_array() && !j["polling"].empty()) << health.body;
    auto fix = j["polling"][0].value("fix", "");
    EXPECT_NE(fix.find("Zalo Bot Platform is not answering"), std::string::npos) << health.body;
    EXPECT_NE(fix.find("retries"), std::string::npos) << health.body;
    EXPECT_NE(fix.find("ZALO_BOT_API_BASE"), std::string::npos) << health.body;
}

// A wrong token with a webhook: nothing was said at start, every retry of every message logged
// the refusal again, and a message was dropped once tried enough and old enough. Now the log
// says it once, naming the setting, and the messages wait until the platform takes the token.
TEST_F(zalo_bot_fixture, a_refused_token_is_said_once_and_the_waiting_messages_are_kept) {
    const std::string refused = R"({"ok":false,"error_code":401,"description":"Unauthorized"})";
    zalo.script("getWebhookInfo", {401, refused});
    zalo.script("sendMessage", {401, refused}, 5);
    start("webhook", "",
          R"({"retry_base_ms": 100, "retry_max_ms": 300, "max_attempts": 2, "give_up_after_seconds": 0})");
    EXPECT_EQ(post(private_text("m000000000000000031", "u31", "/start")).status, 200);
    ASSERT_TRUE(zalo.wait_for(
        [](const std::vector<test::zalo_call>& calls) {
            for (auto& c : calls)
                if (c.method == "sendMessage" && c.to == "u31" &&
                    c.reply.find(R"("ok":true)") != std::string::npos)
                    return true;
            return false;
        },
        15s))
        << "the message was dropped while the token was refused";
    EXPECT_EQ(sends_to("u31"), 6u) << "five refused, then delivered";
    std::this_thread::sleep_for(200ms);
    std::ifstream in(dir + "/bot.log");
    std::string log((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    std::size_t naming = 0;
    for (std::size_t at = log.find("ZALO_BOT_TOKEN"); at != std::string::npos;
         at = log.find("ZALO_BOT_TOKEN", at + 1))
        ++naming;
    EXPECT_EQ(naming, 1u) << log;
    EXPECT_NE(log.find("refuses the bot token (Unauthorized)"), std::string::npos) << log;
    EXPECT_NE(log.find("accepts the bot token again"), std::string::npos) << log;
    EXPECT_EQ(log.find("giving up"), std::string::npos) << log;
    EXPECT_EQ(log.find("zalo-bot-test"), std::string::npos) << "part of the token is in the log";
}

TEST_F(zalo_bot_fixture, a_local_file_fails_visibly_instead_of_sending_its_name) {
    {
        auto db = database::open(db_path, {true, true});
        outgoing m;
        m.kind = outgoing_kind::document;
        m.to = {channel::zalo_bot, "u9"};
        m.document = attachment{"document", "file:/nonexistent/bao_cao.xlsx", "bao_cao.xlsx"};
        outbox(*db).add(m, 1767225600);
    }
    start("webhook");
    std::optional<delivery_status> s;
    for (int i = 0; i < 100 && !(s && s->state == delivery_state::failed); ++i) {
        std::this_thread::sleep_for(50ms);
        s = outbox(*database::open(db_path, {false, false})).status(1);
    }
    ASSERT_TRUE(s);
    EXPECT_EQ(s->state, delivery_state::failed);
    EXPECT_NE(s->error.find("cannot send files"), std::string::npos) << s->error;
    EXPECT_EQ(sends_to("u9"), 0u);
}

TEST_F(zalo_bot_fixture, set_webhook_registers_the_url_and_secret) {
    std::ofstream(dir + "/bot.json") << "{}";
    test::bot_process p({{"CNSCD_DB", db_path},
                         {"CNSCD_CONFIG", dir + "/bot.json"},
                         {"ZALO_BOT_TOKEN", token},
                         {"ZALO_BOT_API_BASE", zalo.base_url()},
                         {"ZALO_BOT_WEBHOOK_SECRET", secret},
                         {"CNSCD_TEST_LOG", dir + "/set.log"}},
                        {"set-webhook", "--zalo-bot", "--url", "https://tocns.hoaxuan.test/zalobot/webhook"});
    for (int i = 0; i < 200 && p.running(); ++i)
        std::this_thread::sleep_for(50ms);
    auto calls = zalo.calls("setWebhook");
    ASSERT_EQ(calls.size(), 1u);
    auto body = json::parse(calls[0].body);
    EXPECT_EQ(body["url"], "https://tocns.hoaxuan.test/zalobot/webhook");
    EXPECT_EQ(body["secret_token"], secret);
    EXPECT_EQ(calls[0].access_token, token);
}

// In webhook mode serve called nothing on the platform before the first reply: a wrong token, or
// set-webhook never run, started without a word, and members' messages went unanswered (or never
// arrived) while the log stayed quiet. It now asks at start and says what is wrong, and keeps
// serving: the webhook still takes what arrives, and the token can be put right with a restart.
TEST_F(zalo_bot_fixture, webhook_mode_says_at_start_when_the_token_is_refused_or_no_webhook_is_set) {
    auto log_after_start = [&](const std::string& wanted) {
        std::string log;
        for (int i = 0; i < 100 && log.find(wanted) == std::string::npos; ++i) {
            std::this_thread::sleep_for(50ms);
            std::ifstream in(dir + "/bot.log");
            log.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
        }
        return log;
    };
    zalo.script("getWebhookInfo", {200, R"({"ok":false,"error_code":401,"description":"Unauthorized"})"});
    start("webhook");
    auto log = log_after_start("refuses the bot token");
    EXPECT_NE(log.find("zalo_bot: the Zalo Bot Platform refuses the bot token (Unauthorized)"),
              std::string::npos)
        << log;
    EXPECT_NE(log.find("ZALO_BOT_TOKEN"), std::string::npos) << log;
    EXPECT_EQ(log.find(token), std::string::npos) << "the token is in the log";
    EXPECT_TRUE(bot->running()) << "a refused token stopped serve";
    EXPECT_EQ(post(private_text("m1", "u1", "/giup")).status, 200) << "the webhook no longer takes updates";
    bot->terminate();

    zalo.script("getWebhookInfo", {200, R"({"ok":true,"result":{"url":""}})"});
    start("webhook");
    log = log_after_start("has no webhook");
    EXPECT_NE(log.find("the Zalo Bot Platform has no webhook for this bot"), std::string::npos) << log;
    EXPECT_NE(log.find("set-webhook --zalo-bot"), std::string::npos) << log;
    bot->terminate();

    zalo.script("getWebhookInfo",
                {200, R"({"ok":true,"result":{"url":"https://tocns.hoaxuan.test/zalobot/webhook"}})"});
    start("webhook");
    log = log_after_start("sends updates to https://tocns.hoaxuan.test/zalobot/webhook");
    EXPECT_NE(log.find("the platform accepts the bot token and sends updates to "
                       "https://tocns.hoaxuan.test/zalobot/webhook"),
              std::string::npos)
        << log;
}

// set-webhook --zalo-bot with a wrong token printed the platform's word alone,
// "set-webhook --zalo-bot failed: Unauthorized", naming neither the token nor where to get it.
TEST_F(zalo_bot_fixture, set_webhook_with_a_refused_token_names_the_token_and_its_fix) {
    std::ofstream(dir + "/bot.json") << "{}";
    auto set_webhook = [&](const std::string& name) {
        test::bot_process p(
            {{"CNSCD_DB", db_path},
             {"CNSCD_CONFIG", dir + "/bot.json"},
             {"ZALO_BOT_TOKEN", token},
             {"ZALO_BOT_API_BASE", zalo.base_url()},
             {"ZALO_BOT_WEBHOOK_SECRET", secret},
             {"CNSCD_TEST_LOG", dir + "/" + name + ".log"}},
            {"set-webhook", "--zalo-bot", "--url", "https://tocns.hoaxuan.test/zalobot/webhook"});
        auto code = p.wait_exit(30s);
        std::ifstream in(dir + "/" + name + ".log");
        return std::pair{code.value_or(-1),
                         std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>())};
    };
    // As the platform answers it: the envelope with HTTP 200, and an HTTP 401 or 404.
    zalo.script("setWebhook", {200, R"({"ok":false,"error_code":401,"description":"Unauthorized"})"});
    zalo.script("setWebhook", {401, R"({"ok":false,"error_code":401,"description":"Unauthorized"})"});
    zalo.script("setWebhook", {404, R"({"ok":false,"error_code":404,"description":"Not Found"})"});
    for (auto name : {"envelope", "http401", "http404"}) {
        auto [code, said] = set_webhook(name);
        EXPECT_EQ(code, 1) << name;
        EXPECT_NE(said.find("does not know the bot token"), std::string::npos) << name << ": " << said;
        EXPECT_NE(said.find("ZALO_BOT_TOKEN"), std::string::npos) << name << ": " << said;
        EXPECT_EQ(said.find(token), std::string::npos) << "the token is printed";
    }
}

} // namespace
} // namespace cnscd
