// What the ward's IT person meets running the bot: a second serve started by mistake, a wrong
// token or a leftover webhook in polling mode, and /metrics after a scripted run.

#include "tests/support/bot_process.hpp"
#include "tests/support/fake_telegram.hpp"
#include "tests/support/telegram_bot_fixture.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <arpa/inet.h>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <netinet/in.h>
#include <regex>
#include <set>
#include <sstream>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>
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

// A new installation's first start said only the schema version: every member who wrote was told
// to ask for a code that could not exist yet, and the log did not say what comes first.
TEST_F(operator_fixture, a_first_start_says_the_database_is_new_and_what_to_do_next) {
    start();
    auto said = log();
    EXPECT_NE(said.find("database " + db_path + " (schema version"), std::string::npos) << said;
    EXPECT_NE(said.find(", created now)"), std::string::npos) << said;
    EXPECT_NE(said.find("the database has no ward yet"), std::string::npos) << said;
    EXPECT_NE(said.find("cnscd-bot import-roster ROSTER.csv --ward"), std::string::npos) << said;
    bot->terminate();

    // Once a ward exists, neither is said again.
    std::filesystem::remove(dir + "/bot.log");
    auto staff_env = env();
    staff_env["CNSCD_TEST_LOG"] = dir + "/staff.log";
    bot_process staff(staff_env, {"add-staff", "--ward", "Phường Hòa Xuân", "--new-ward", "--name",
                                  "Trần Thị Hoa", "--phone", "0905000900"});
    ASSERT_EQ(staff.wait_exit(), 0) << read_file(dir + "/staff.log");
    start();
    said = log();
    EXPECT_NE(said.find("database " + db_path + " (schema version"), std::string::npos) << said;
    EXPECT_EQ(said.find("created now"), std::string::npos) << said;
    EXPECT_EQ(said.find("no ward yet"), std::string::npos) << said;
}

// The config's settings for a ward the database does not have used to apply to no ward without
// a word, while the operator believed the ward's deadlines and targets were in force. `serve`
// warns at start, naming the key, the name, the wards there are and the fix. A name that differs
// only in accents, case or spacing ("Phường Hoà Xuân", the accent on another letter) finds the
// ward, as `import-roster --ward` does, so it is not warned about; a second entry for the same
// ward is, since only the first applies.
TEST_F(operator_fixture, a_ward_name_in_the_config_that_matches_no_ward_is_warned_about_at_start) {
    auto staff_env = env();
    staff_env["CNSCD_TEST_LOG"] = dir + "/staff.log";
    bot_process staff(staff_env, {"add-staff", "--ward", "Phường Hòa Xuân", "--new-ward", "--name",
                                  "Trần Thị Hoa", "--phone", "0905000900"});
    ASSERT_EQ(staff.wait_exit(), 0) << read_file(dir + "/staff.log");
    extra_config = R"({"telegram": {"limits": {"enabled": false}},
        "wards": [{"name": "Phường Hoà Xuân"}, {"name": "Phường Hòa Khánh", "join_policy": "open"},
                  {"name": "PHƯỜNG HÒA XUÂN", "join_policy": "open"}]})";
    start();
    auto said = log();
    EXPECT_EQ(said.find("\"wards[0].name\" in "), std::string::npos) << said;
    EXPECT_NE(said.find("\"wards[1].name\" in " + dir +
                        "/bot.json is \"Phường Hòa Khánh\", which is no ward "
                        "in the database"),
              std::string::npos)
        << said;
    EXPECT_NE(said.find("Wards in the database: \"Phường Hòa Xuân\""), std::string::npos) << said;
    EXPECT_NE(said.find("--ward \"Phường Hòa Khánh\" --new-ward"), std::string::npos) << said;
    EXPECT_NE(said.find("\"wards[2].name\" in " + dir +
                        "/bot.json is \"PHƯỜNG HÒA XUÂN\", the same ward (\"Phường Hòa Xuân\") as "
                        "\"wards[0].name\" (\"Phường Hoà Xuân\"), whose settings apply to it"),
              std::string::npos)
        << said;
    EXPECT_NE(said.find("Fix: merge the two entries into one"), std::string::npos) << said;
}

// With the listen port taken (another program, an old bot left running elsewhere), `serve`
// opened and migrated the database, published the Telegram command menu and loaded the outbox,
// and only then failed to bind. It now fails first, with the same message, and changes nothing.
TEST_F(operator_fixture, a_taken_port_stops_serve_before_it_changes_anything) {
    int taken = ::socket(AF_INET, SOCK_STREAM, 0);
    ASSERT_GE(taken, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(port);
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ASSERT_EQ(::bind(taken, reinterpret_cast<sockaddr*>(&addr), sizeof addr), 0);
    ASSERT_EQ(::listen(taken, 1), 0);

    // A database one version behind, as before an upgrade.
    auto e = env();
    e["CNSCD_TEST_LOG"] = dir + "/migrate.log";
    ASSERT_EQ(bot_process(e, {"migrate"}).wait_exit(20s), 0);
    int latest = SQLite::Database(db_path, SQLite::OPEN_READONLY).execAndGet("PRAGMA user_version").getInt();
    SQLite::Database(db_path, SQLite::OPEN_READWRITE)
        .exec("PRAGMA user_version = " + std::to_string(latest - 1));
    auto before = read_file(db_path);

    bot_process refused(env());
    auto code = refused.wait_exit(20s);
    ::close(taken);
    ASSERT_TRUE(code.has_value()) << "serve kept running";
    EXPECT_EQ(*code, 1);
    auto said = log();
    EXPECT_NE(said.find("cannot listen on 127.0.0.1:" + std::to_string(port)), std::string::npos) << said;
    EXPECT_NE(
        said.find("Fix: stop what uses that port (`ss -ltnp` shows it) or choose another (CNSCD_LISTEN"),
        std::string::npos)
        << said;
    EXPECT_EQ(said.find("migration"), std::string::npos) << "it migrated: " << said;
    EXPECT_EQ(read_file(db_path), before) << "the database was changed";
    EXPECT_EQ(SQLite::Database(db_path, SQLite::OPEN_READONLY).execAndGet("PRAGMA user_version").getInt(),
              latest - 1);
    EXPECT_EQ(calls_to("getMe"), 0u);
    EXPECT_EQ(calls_to("setMyCommands"), 0u) << "the command menu was published";

    // A new database path is not even created.
    e = env();
    e["CNSCD_DB"] = dir + "/new.db";
    taken = ::socket(AF_INET, SOCK_STREAM, 0);
    ASSERT_EQ(::bind(taken, reinterpret_cast<sockaddr*>(&addr), sizeof addr), 0);
    ASSERT_EQ(::listen(taken, 1), 0);
    EXPECT_EQ(bot_process(e).wait_exit(20s), 1);
    ::close(taken);
    EXPECT_FALSE(std::filesystem::exists(dir + "/new.db"));

    // With the port free again it starts (the version put back: the stand-in "older" file has the
    // newest migration's columns already).
    SQLite::Database(db_path, SQLite::OPEN_READWRITE).exec("PRAGMA user_version = " + std::to_string(latest));
    start();
}

// An address that is not this machine's (a public IP copied from the hosting panel) was told to
// "stop what uses that port": nothing did, and the operator was left looking for a process.
TEST_F(operator_fixture, an_address_not_of_this_machine_is_named_as_such) {
    auto e = env();
    e["CNSCD_LISTEN"] = "192.0.2.1:" + std::to_string(port); // TEST-NET-1: never a local address
    bot_process refused(e);
    auto code = refused.wait_exit(20s);
    ASSERT_TRUE(code.has_value()) << "serve kept running";
    EXPECT_EQ(*code, 1);
    auto said = log();
    EXPECT_NE(said.find("192.0.2.1 is not an address of this machine"), std::string::npos) << said;
    EXPECT_NE(said.find("127.0.0.1"), std::string::npos) << said;
    EXPECT_EQ(said.find("stop what uses that port"), std::string::npos) << said;
}

// A newer release's `migrate` (or `chat`, or a roster command, which upgrade too) run while the
// older release's serve still ran on the file upgraded it under that serve. It is now refused,
// saying why, and the file keeps its version.
TEST_F(operator_fixture, an_upgrade_under_a_running_serve_is_refused_and_changes_nothing) {
    start();
    ASSERT_EQ(post(private_update(1, 41, "/start")).status, 200);
    ASSERT_TRUE(wait_replies("41", 1));
    // As if the running serve were the previous release: the file one version older.
    auto version = [&] {
        return SQLite::Database(db_path, SQLite::OPEN_READONLY, 5000)
            .execAndGet("PRAGMA user_version")
            .getInt();
    };
    auto set_version = [&](int v) {
        SQLite::Database(db_path, SQLite::OPEN_READWRITE, 5000)
            .exec("PRAGMA user_version = " + std::to_string(v));
    };
    int latest = version();
    set_version(latest - 1);
    for (auto& args : {std::vector<std::string>{"migrate"}, std::vector<std::string>{"chat"}}) {
        auto e = env();
        e["CNSCD_TEST_LOG"] = dir + "/" + args[0] + ".log";
        bot_process command(e, args);
        auto code = command.wait_exit(20s);
        ASSERT_TRUE(code.has_value()) << args[0] << " kept running";
        EXPECT_EQ(*code, 1) << args[0];
        auto said = read_file(dir + "/" + args[0] + ".log");
        EXPECT_NE(said.find("a `cnscd-bot serve` of the older release runs on it"), std::string::npos)
            << args[0] << ": " << said;
        EXPECT_NE(said.find("Nothing was changed. Fix: stop the bot"), std::string::npos) << said;
    }
    EXPECT_EQ(version(), latest - 1);
    // The serve goes on answering.
    ASSERT_EQ(post(private_update(2, 42, "/start")).status, 200);
    ASSERT_TRUE(wait_replies("42", 1));
    set_version(latest);
    // Without a pending upgrade a command still runs beside serve, as the README suggests.
    auto e = env();
    e["CNSCD_TEST_LOG"] = dir + "/migrate-current.log";
    EXPECT_EQ(bot_process(e, {"migrate"}).wait_exit(20s), 0) << read_file(dir + "/migrate-current.log");
}

// A wrong or revoked token in polling mode logged "getUpdates failed (Unauthorized)" every
// minute and nothing else: the log now says the token is the problem and where to get it,
// without writing the token.
TEST_F(operator_fixture, polling_with_a_wrong_token_says_to_fix_the_token) {
    const std::string refused = R"({"ok":false,"error_code":401,"description":"Unauthorized"})";
    telegram.script("getMe", "", {401, refused});
    telegram.script("getUpdates", "", {401, refused}, 2);
    bot = std::make_unique<bot_process>(polling_env());
    ASSERT_TRUE(bot->wait_ready(port));
    ASSERT_TRUE(wait_calls("getUpdates", 1));
    std::this_thread::sleep_for(300ms);
    auto said = log();
    EXPECT_NE(said.find("Telegram does not know the bot token"), std::string::npos) << said;
    EXPECT_NE(said.find("@BotFather"), std::string::npos) << said;
    EXPECT_NE(said.find("TELEGRAM_BOT_TOKEN"), std::string::npos) << said;
    EXPECT_EQ(said.find("123456:TEST"), std::string::npos) << "the token is in the log";
    // /metrics shows it too, where monitoring looks (one failed poll so far, or two).
    auto metrics = get("/metrics").body;
    const std::string series = "\ncnscd_poll_failures_total{channel=\"telegram\"} ";
    auto at = metrics.find(series);
    ASSERT_NE(at, std::string::npos) << metrics;
    auto failed_polls = metrics.substr(at + series.size(), metrics.find('\n', at + 1) - at - series.size());
    EXPECT_TRUE(failed_polls == "1" || failed_polls == "2") << failed_polls;

    // Nothing is lost meanwhile: once Telegram takes the token, the waiting update is answered.
    telegram.push_update(private_update(700, 41, "/start"));
    EXPECT_TRUE(wait_replies("41", 1, 15s));
}

// /healthz stayed 200 in polling mode while every getUpdates failed (a wrong token, a webhook
// left set), so monitoring never saw that no message reached the bot. After three failed calls
// in a row it now answers 503 with the reason and the fix, and 200 again once a call succeeds.
TEST_F(operator_fixture, healthz_says_503_while_polling_keeps_failing_and_200_once_it_works) {
    const std::string refused = R"({"ok":false,"error_code":401,"description":"Unauthorized"})";
    telegram.script("getUpdates", "", {401, refused}, 3);
    bot = std::make_unique<bot_process>(polling_env());
    ASSERT_TRUE(bot->wait_ready(port));
    ASSERT_TRUE(wait_calls("getUpdates", 3, 15s));
    std::this_thread::sleep_for(300ms); // the third answer read; the next call is 4 s away
    auto health = get("/healthz");
    EXPECT_EQ(health.status, 503) << health.body;
    auto j = nlohmann::json::parse(health.body, nullptr, false);
    ASSERT_TRUE(j.is_object()) << health.body;
    EXPECT_EQ(j.value("status", ""), "polling_failed") << health.body;
    ASSERT_TRUE(j["polling"].is_array() && j["polling"].size() == 1u) << health.body;
    EXPECT_EQ(j["polling"][0].value("channel", ""), "telegram");
    EXPECT_EQ(j["polling"][0].value("failed_calls", 0), 3);
    EXPECT_EQ(j["polling"][0].value("error", ""), "Unauthorized");
    EXPECT_NE(j["polling"][0].value("fix", "").find("TELEGRAM_BOT_TOKEN"), std::string::npos) << health.body;
    EXPECT_EQ(health.body.find("123456:TEST"), std::string::npos) << "the token is in /healthz";

    // The token accepted again (the scripted refusals are used up): healthy, and updates arrive.
    telegram.push_update(private_update(900, 43, "/start"));
    ASSERT_TRUE(wait_replies("43", 1, 15s));
    EXPECT_EQ(get("/healthz").status, 200);
    EXPECT_NE(log().find("telegram: getUpdates works again after 3 failed calls"), std::string::npos)
        << log();
}

// Polling, the log never said which bot it polled for, so an operator with two tokens (a test
// bot and the ward's) could not tell which one was running. It names the @username from getMe,
// or the one set in TELEGRAM_BOT_USERNAME (then getMe is not asked).
TEST_F(operator_fixture, polling_names_the_bot_it_polls_as) {
    bot = std::make_unique<bot_process>(polling_env());
    ASSERT_TRUE(bot->wait_ready(port));
    ASSERT_TRUE(wait_calls("getUpdates", 1));
    EXPECT_NE(log().find("telegram: polling for updates as @ToCNSBot"), std::string::npos) << log();
    bot->terminate();
    bot.reset();

    std::filesystem::remove(dir + "/bot.log");
    auto e = polling_env();
    e["TELEGRAM_BOT_USERNAME"] = "HoaXuanCNSBot";
    bot = std::make_unique<bot_process>(e);
    ASSERT_TRUE(bot->wait_ready(port));
    ASSERT_TRUE(wait_calls("getUpdates", 2));
    EXPECT_NE(log().find("telegram: polling for updates as @HoaXuanCNSBot"), std::string::npos) << log();
}

// In webhook mode the start log named no bot (polling did), so after rotating the token the
// operator could not tell whether the new one was the ward's bot or a test bot. It names the
// @username from getMe, or from TELEGRAM_BOT_USERNAME, as polling does.
TEST_F(operator_fixture, webhook_mode_names_the_bot_it_receives_updates_for) {
    start();
    EXPECT_NE(log().find("telegram: receiving updates by webhook as @ToCNSBot at /telegram/webhook"),
              std::string::npos)
        << log();
    bot->terminate();
    bot.reset();

    std::filesystem::remove(dir + "/bot.log");
    auto e = env();
    e["TELEGRAM_BOT_USERNAME"] = "@HoaXuanCNSBot";
    bot = std::make_unique<bot_process>(e);
    ASSERT_TRUE(bot->wait_ready(port));
    EXPECT_NE(log().find("telegram: receiving updates by webhook as @HoaXuanCNSBot at"), std::string::npos)
        << log();
}

// A webhook set while the bot polls (set-webhook run by hand) made getUpdates answer 409,
// which the log showed only as a retried failure.
TEST_F(operator_fixture, polling_while_a_webhook_is_set_says_which_mode_to_choose) {
    bot = std::make_unique<bot_process>(polling_env());
    ASSERT_TRUE(bot->wait_ready(port));
    ASSERT_TRUE(wait_calls("getUpdates", 1));
    telegram.script("getUpdates", "",
                    {409,
                     R"({"ok":false,"error_code":409,"description":"Conflict: can't use getUpdates method )"
                     R"(while webhook is active; use deleteWebhook to delete the webhook first"})"});
    auto before = calls_to("getUpdates");
    ASSERT_TRUE(wait_calls("getUpdates", before + 1));
    std::this_thread::sleep_for(300ms);
    auto said = log();
    EXPECT_NE(said.find("a webhook is set for this bot"), std::string::npos) << said;
    EXPECT_NE(said.find("TELEGRAM_MODE=webhook"), std::string::npos) << said;

    telegram.script("getUpdates", "",
                    {409, R"({"ok":false,"error_code":409,"description":"Conflict: terminated by other )"
                          R"(getUpdates request; make sure that only one bot instance is running"})"});
    before = calls_to("getUpdates");
    ASSERT_TRUE(wait_calls("getUpdates", before + 1));
    std::this_thread::sleep_for(300ms);
    said = log();
    EXPECT_NE(said.find("another program is polling with the same bot token"), std::string::npos) << said;

    telegram.push_update(private_update(800, 42, "/start"));
    EXPECT_TRUE(wait_replies("42", 1, 15s)) << "polling goes on once the conflict is gone";
}

// After a scripted run the counters say what happened: updates in, redeliveries skipped,
// replies delivered and refused, requests refused; each family is described once.
TEST_F(operator_fixture, metrics_count_what_happened_in_a_scripted_run) {
    telegram.script(
        "sendMessage", "53",
        {403, R"({"ok":false,"error_code":403,"description":"Forbidden: bot was blocked by the user"})"});
    start();
    for (int chat : {51, 52, 53})
        ASSERT_EQ(post(private_update(chat, chat, "/start")).status, 200);
    ASSERT_EQ(post(private_update(51, 51, "/start")).status, 200); // redelivered
    EXPECT_EQ(post(private_update(54, 54, "/start"), "wrong-secret").status, 401);
    EXPECT_EQ(post("{not json").status, 400);
    ASSERT_TRUE(wait_replies("51", 1));
    ASSERT_TRUE(wait_replies("52", 1));
    ASSERT_TRUE(wait_replies("53", 1)); // tried, refused
    std::this_thread::sleep_for(500ms);

    std::size_t delivered = 0, refused = 0;
    for (auto& c : telegram.calls())
        if (!c.chat_id.empty())
            (c.status == 200 ? delivered : refused) += 1;
    ASSERT_EQ(refused, 1u);
    auto metrics = get("/metrics").body;
    auto value = [&](const std::string& series) {
        auto at = metrics.find("\n" + series + " ");
        if (at == std::string::npos)
            return std::string("missing");
        at += series.size() + 2;
        return metrics.substr(at, metrics.find('\n', at) - at);
    };
    EXPECT_EQ(value("cnscd_updates_total{channel=\"telegram\"}"), "3") << metrics;
    EXPECT_EQ(value("cnscd_duplicate_updates_total{channel=\"telegram\"}"), "1");
    EXPECT_EQ(value("cnscd_unauthorized_requests_total{channel=\"telegram\"}"), "1");
    EXPECT_EQ(value("cnscd_bad_payloads_total{channel=\"telegram\"}"), "1");
    EXPECT_EQ(value("cnscd_sends_ok_total{channel=\"telegram\"}"), std::to_string(delivered));
    EXPECT_EQ(value("cnscd_sends_failed_total{channel=\"telegram\"}"), "1");
    EXPECT_EQ(value("cnscd_outbox_depth"), "0");

    // Prometheus text format: one HELP and one TYPE per family, before its samples.
    std::set<std::string> helped, typed;
    std::istringstream lines(metrics);
    std::string line;
    const std::regex sample(R"(^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{[^}]*\})? -?[0-9.e+Inf]+$)");
    while (std::getline(lines, line)) {
        std::smatch m;
        if (line.starts_with("# HELP ")) {
            EXPECT_TRUE(helped.insert(line.substr(7, line.find(' ', 7) - 7)).second) << line;
        } else if (line.starts_with("# TYPE ")) {
            EXPECT_TRUE(typed.insert(line.substr(7, line.find(' ', 7) - 7)).second) << line;
        } else if (std::regex_match(line, m, sample)) {
            auto name = m[1].str();
            for (auto suffix : {"_bucket", "_sum", "_count"})
                if (!typed.contains(name) && name.ends_with(suffix))
                    name = name.substr(0, name.size() - std::string(suffix).size());
            EXPECT_TRUE(typed.contains(name)) << "sample before its # TYPE: " << line;
        } else {
            ADD_FAILURE() << "not a Prometheus text line: " << line;
        }
    }
    EXPECT_EQ(helped, typed);
}

// CNSCD_LOG_LEVEL=debug said nothing more about updates than info: "why did the bot not answer
// me?" could not be traced. It now logs each update's id, chat, command and replies queued,
// and each delivery, without the text, phone numbers, CCCDs, the token or the secret.
TEST_F(operator_fixture, debug_log_traces_each_update_without_personal_data_or_secrets) {
    auto e = env();
    e["CNSCD_LOG_LEVEL"] = "debug";
    bot = std::make_unique<bot_process>(e);
    ASSERT_TRUE(bot->wait_ready(port));
    ASSERT_EQ(post(private_update(61, 61, "/tham số 12 ngõ 5, SĐT 0905123456, CCCD 048123456789")).status,
              200);
    ASSERT_EQ(post(private_update(61, 61, "/tham số 12 ngõ 5, SĐT 0905123456, CCCD 048123456789")).status,
              200);
    ASSERT_TRUE(wait_replies("61", 1));
    std::this_thread::sleep_for(500ms);
    auto said = log();
    EXPECT_NE(said.find("telegram: update 61 in chat 61 from user 61: /tham, "), std::string::npos) << said;
    EXPECT_NE(said.find(" (seen before, skipped), 0 replies queued"), std::string::npos) << said;
    EXPECT_NE(said.find("sent to chat 61"), std::string::npos) << said;
    for (const std::string& secret_or_personal :
         std::vector<std::string>{"0905123456", "048123456789", "123456:TEST", secret})
        EXPECT_EQ(said.find(secret_or_personal), std::string::npos) << secret_or_personal << " is in the log";
}

// CNSCD_DB pointing at a file that is not a database (the config file, a roster CSV) was
// reported as a damaged database to be replaced by a backup.
TEST_F(operator_fixture, a_file_that_is_not_a_database_is_named_as_such_and_left_untouched) {
    const std::string content = "TT,Họ tên,SĐT\n1,Nguyễn Văn A,0905123456\n";
    std::ofstream(db_path, std::ios::binary) << content;
    bot_process refused(env());
    auto code = refused.wait_exit(30s);
    ASSERT_TRUE(code.has_value()) << "the bot kept running";
    EXPECT_NE(*code, 0);
    auto said = log();
    EXPECT_NE(said.find("the file " + db_path + " is not a SQLite database"), std::string::npos) << said;
    EXPECT_NE(said.find("check that CNSCD_DB"), std::string::npos) << said;
    EXPECT_EQ(read_file(db_path), content) << "the file was changed";

    // `migrate` says the same and leaves the file alone too (it used to exit 1 with "cannot open
    // the database", or, on a file damaged past its header, write migrations into it).
    bot_process migrate(env(), {"migrate"});
    auto migrate_code = migrate.wait_exit(30s);
    ASSERT_TRUE(migrate_code.has_value());
    EXPECT_EQ(*migrate_code, 4);
    EXPECT_NE(log().find("check that CNSCD_DB"), std::string::npos) << log();
    EXPECT_EQ(read_file(db_path), content) << "migrate changed the file";
}

// Restarted after its file was deleted, the bot started an empty database beside the copy the
// last serve had saved, so what it then stored was set aside by the restore that had to follow.
TEST_F(operator_fixture, a_missing_database_with_a_rescued_copy_beside_it_is_not_started_empty) {
    const auto copy = db_path + ".rescued-20261203-081500";
    std::ofstream(copy, std::ios::binary) << "the copy";
    bot_process refused(env());
    auto code = refused.wait_exit(30s);
    ASSERT_TRUE(code.has_value()) << "the bot started on an empty database";
    EXPECT_EQ(*code, 4);
    auto said = log();
    EXPECT_NE(said.find("does not exist, but " + copy + " lies beside it"), std::string::npos) << said;
    EXPECT_NE(said.find("cnscd-bot restore --from " + copy), std::string::npos) << said;
    EXPECT_FALSE(std::filesystem::exists(db_path)) << "an empty database was created";
    EXPECT_EQ(read_file(copy), "the copy");

    // Deleted on purpose: with the copy moved away the bot starts on a new database.
    std::filesystem::rename(copy, dir + "/kept-elsewhere.db");
    bot_process started(env());
    EXPECT_FALSE(started.wait_exit(2s).has_value()) << log();
    EXPECT_TRUE(std::filesystem::exists(db_path));
}

// The shipped unit must not run a check systemd would retry: RestartPreventExitStatus applies to
// the main process only, so a damaged file found by an ExecStartPre restarted the unit.
TEST(systemd_unit, nothing_that_meets_a_damaged_database_runs_before_the_main_process) {
    std::ifstream unit(std::string(CNSCD_SOURCE_DIR) + "/deploy/cnscd-bot.service");
    ASSERT_TRUE(unit.good());
    std::string line;
    bool prevents_4 = false;
    while (std::getline(unit, line)) {
        EXPECT_FALSE(line.starts_with("ExecStartPre=") && line.find("cnscd-bot") != std::string::npos)
            << line;
        if (line.starts_with("RestartPreventExitStatus=") && line.find(" 4") != std::string::npos)
            prevents_4 = true;
    }
    EXPECT_TRUE(prevents_4);
}

// set-webhook with a wrong token printed only "set-webhook failed: Unauthorized".
TEST_F(operator_fixture, set_webhook_with_a_wrong_token_says_to_fix_the_token) {
    telegram.script("setWebhook", "", {401, R"({"ok":false,"error_code":401,"description":"Unauthorized"})"});
    bot_process command(env(), {"set-webhook", "--url", "https://tocns.hoaxuan.test/telegram/webhook"});
    auto code = command.wait_exit(30s);
    ASSERT_TRUE(code.has_value());
    EXPECT_EQ(*code, 1);
    auto said = log();
    EXPECT_NE(said.find("Telegram does not know the bot token"), std::string::npos) << said;
    EXPECT_NE(said.find("TELEGRAM_BOT_TOKEN"), std::string::npos) << said;
    EXPECT_EQ(said.find("123456:TEST"), std::string::npos) << "the token is printed";
}

// set-webhook registered the example domain of config/example.json and secrets.env.example
// without a word (Telegram would have sent the members' messages to that server), told an
// http:// URL only that it "needs the public HTTPS URL", and a network failure was
// "connect: Connection refused" without saying what it tried to reach.
TEST_F(operator_fixture, set_webhook_refuses_the_example_domain_and_says_what_is_wrong) {
    auto run = [&](std::map<std::string, std::string> e, std::vector<std::string> args,
                   const std::string& name) {
        e["CNSCD_TEST_LOG"] = dir + "/" + name + ".log";
        bot_process command(e, args);
        auto code = command.wait_exit(30s);
        return std::pair{code.value_or(-1), read_file(dir + "/" + name + ".log")};
    };
    // The example URL, from --url and from TELEGRAM_PUBLIC_URL as secrets.env.example has it.
    auto [code, said] =
        run(env(), {"set-webhook", "--url", "https://bot.example.vn/telegram/webhook"}, "example");
    EXPECT_EQ(code, 2);
    EXPECT_NE(said.find("is the example address"), std::string::npos) << said;
    EXPECT_NE(said.find("Fix: give the domain of your own reverse proxy"), std::string::npos) << said;
    auto e = env();
    e["TELEGRAM_PUBLIC_URL"] = "https://bot.example.vn/telegram/webhook";
    std::tie(code, said) = run(e, {"set-webhook"}, "example-env");
    EXPECT_EQ(code, 2);
    EXPECT_NE(said.find("TELEGRAM_PUBLIC_URL"), std::string::npos) << said;
    EXPECT_EQ(calls_to("setWebhook"), 0u) << "the example URL was registered";

    std::tie(code, said) =
        run(env(), {"set-webhook", "--url", "http://tocns.hoaxuan.test/telegram/webhook"}, "http");
    EXPECT_EQ(code, 2);
    EXPECT_NE(said.find("is not an HTTPS URL"), std::string::npos) << said;
    EXPECT_NE(said.find("HTTPS reverse proxy"), std::string::npos) << said;

    e = env();
    e["TELEGRAM_API_BASE"] = "http://127.0.0.1:1";
    std::tie(code, said) =
        run(e, {"set-webhook", "--url", "https://tocns.hoaxuan.test/telegram/webhook"}, "down");
    EXPECT_EQ(code, 1);
    EXPECT_NE(said.find("cannot reach the Telegram Bot API at http://127.0.0.1:1"), std::string::npos)
        << said;
    EXPECT_NE(said.find("TELEGRAM_API_BASE"), std::string::npos) << said;

    // A real address still goes through.
    std::tie(code, said) =
        run(env(), {"set-webhook", "--url", "https://tocns.hoaxuan.test/telegram/webhook"}, "ok");
    EXPECT_EQ(code, 0) << said;
    EXPECT_EQ(calls_to("setWebhook"), 1u);
}

// set-webhook registered a URL on a port Telegram refuses (the bot's own 8080, say): Telegram
// answered with an error the operator had to decode. It is refused before Telegram is asked,
// naming the ports Telegram accepts and the reverse proxy's part; those ports still go through.
TEST_F(operator_fixture, set_webhook_refuses_a_port_telegram_does_not_call) {
    auto run = [&](const std::string& url, const std::string& name) {
        auto e = env();
        e["CNSCD_TEST_LOG"] = dir + "/" + name + ".log";
        bot_process command(e, {"set-webhook", "--url", url});
        auto code = command.wait_exit(30s);
        return std::pair{code.value_or(-1), read_file(dir + "/" + name + ".log")};
    };
    auto [code, said] = run("https://tocns.hoaxuan.test:8080/telegram/webhook", "8080");
    EXPECT_EQ(code, 2);
    EXPECT_NE(said.find("uses port 8080"), std::string::npos) << said;
    EXPECT_NE(said.find("only on ports 443, 80, 88 or 8443"), std::string::npos) << said;
    EXPECT_NE(said.find("reverse proxy"), std::string::npos) << said;
    EXPECT_EQ(calls_to("setWebhook"), 0u) << "a refused port was registered";

    std::tie(code, said) = run("https://tocns.hoaxuan.test:8443/telegram/webhook", "8443");
    EXPECT_EQ(code, 0) << said;
    std::tie(code, said) = run("https://[2001:db8::1]:88/telegram/webhook", "88");
    EXPECT_EQ(code, 0) << said;
    EXPECT_EQ(calls_to("setWebhook"), 2u);
}

// The options listed in each section of a CLI11 help text ("Options:", "Subcommands:", ...):
// the first word of each entry, split at commas ("-o,--output" gives both).
std::map<std::string, std::set<std::string>> help_sections(const std::string& help) {
    std::map<std::string, std::set<std::string>> out;
    std::istringstream lines(help);
    std::string line, section;
    while (std::getline(lines, line)) {
        if (!line.empty() && line[0] != ' ' && line.ends_with(":"))
            section = line.substr(0, line.size() - 1);
        else if (!section.empty() && line.starts_with("  ") && line.size() > 2 && line[2] != ' ') {
            std::istringstream entry(line);
            std::string names, name;
            entry >> names;
            std::istringstream split(names);
            while (std::getline(split, name, ','))
                out[section].insert(name);
        }
    }
    return out;
}

// `cnscd-bot serve --help` (and migrate's, backup's, ...) did not show --config, which each
// takes; only the top-level help did. Each subcommand's help now lists every option it
// accepts: its own and the ones it shares with the top level.
TEST_F(operator_fixture, every_subcommand_help_lists_every_option_it_accepts) {
    auto help_of = [&](std::vector<std::string> args, const std::string& name) {
        args.push_back("--help");
        bot_process p({{"CNSCD_TEST_LOG", dir + "/" + name + ".help"}}, args);
        auto code = p.wait_exit(20s);
        EXPECT_EQ(code, 0) << name;
        return read_file(dir + "/" + name + ".help");
    };
    auto top = help_sections(help_of({}, "top"));
    auto shared = top["Options"];
    ASSERT_TRUE(shared.contains("--config")) << "top-level help";
    ASSERT_TRUE(shared.contains("--help"));
    ASSERT_GE(top["Subcommands"].size(), 10u);
    for (auto& sub : top["Subcommands"]) {
        auto text = help_of({sub}, sub);
        auto listed = help_sections(text)["Options"];
        for (auto& option : shared)
            EXPECT_TRUE(listed.contains(option))
                << "`cnscd-bot " << sub << " --help` does not show " << option << ":\n"
                << text;
        // And each one shown is taken: --config after the subcommand's name, as the help shows it.
        EXPECT_NE(text.find("--config TEXT"), std::string::npos) << text;
    }
    // The option shown works there: a missing file is named, not "--config: unknown option".
    bot_process p({{"CNSCD_TEST_LOG", dir + "/migrate-config.log"}},
                  {"migrate", "--config", dir + "/no-such.json"});
    EXPECT_EQ(p.wait_exit(20s), 2);
    auto said = read_file(dir + "/migrate-config.log");
    EXPECT_NE(said.find("no-such.json"), std::string::npos) << said;
}

// CNSCD_DATABASE (for CNSCD_DB) was ignored without a word: the bot started on a new, empty
// database under ./data, and the ward's figures seemed gone.
TEST_F(operator_fixture, a_misspelt_environment_variable_is_pointed_out) {
    auto e = env();
    e["CNSCD_DATABASE"] = dir + "/elsewhere.db";
    bot = std::make_unique<bot_process>(e);
    ASSERT_TRUE(bot->wait_ready(port));
    auto said = log();
    EXPECT_NE(
        said.find("environment variable CNSCD_DATABASE is set but cnscd-bot does not read it; did you mean"),
        std::string::npos)
        << said;
    EXPECT_EQ(said.find("CNSCD_LISTEN is set but"), std::string::npos) << "a variable it reads is not listed";
}

} // namespace
} // namespace cnscd
