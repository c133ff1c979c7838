// Faults with the real binary: the disk full, the database locked by another process or
// damaged, the platform unreachable. The bot refuses what it cannot store (503, so the platform
// redelivers), says why on /healthz, /metrics and in its log, and recovers without a restart
// when the condition clears; outgoing messages wait out an outage and leave in order per chat.

#include "storage/database.hpp"
#include "storage/meta_store.hpp"
#include "storage/update_log.hpp"
#include "tests/support/bot_process.hpp"
#include "tests/support/damaged_file.hpp"
#include "tests/support/fake_telegram.hpp"
#include "tests/support/telegram_bot_fixture.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <sys/resource.h>
#include <thread>

namespace cnscd {
namespace {

using namespace std::chrono_literals;
using json = nlohmann::json;
using test::bot_process;
using test::fake_telegram;
using test::http_request_to;
using test::private_update;

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

struct faults_fixture : test::telegram_bot_fixture {
    // A short busy timeout so "locked" shows within the test; retries capped at 300 ms so an
    // outage of seconds spans many more attempts than max_attempts.
    faults_fixture() {
        extra_config = R"({"telegram": {"limits": {"enabled": false}},
        "storage": {"busy_timeout_ms": 200},
        "outbox": {"retry_base_ms": 100, "retry_max_ms": 300, "max_attempts": 3}})";
    }
};

// The disk full, made without root: a file size limit (RLIMIT_FSIZE) set on the running bot
// with prlimit(2). Each write past it fails with EFBIG, as a write to a full disk fails with
// ENOSPC: the same write(2) -> SQLite error -> failed commit path. (SQLite reports EFBIG as
// SQLITE_IOERR_WRITE and only ENOSPC as SQLITE_FULL; the bot reads the errno behind it and
// names both "disk_full".) The bot ignores SIGXFSZ, so the limit does not kill it. Unlike a
// full tmpfs or `PRAGMA max_page_count`, the limit needs no mount and can be lifted while the
// bot runs, which tests recovery without a restart.
TEST_F(faults_fixture, disk_full_refuses_updates_says_so_and_recovers_without_restart) {
    start();
    ASSERT_EQ(post(private_update(1, 301, "/start")).status, 200);
    ASSERT_TRUE(wait_replies("301", 1));

    // The write-ahead log is already far larger than 64 KiB after the migrations: each new
    // commit appends past the limit. (The log file stays below it.)
    rlimit full{64 << 10, RLIM_INFINITY};
    ASSERT_EQ(::prlimit(bot->pid(), RLIMIT_FSIZE, &full, nullptr), 0);

    std::vector<std::int64_t> accepted;
    std::int64_t refused = 0;
    for (std::int64_t n = 2; n < 40 && !refused; ++n) {
        auto r = post(private_update(n, 300 + n, "/start"));
        if (r.status == 200)
            accepted.push_back(n);
        else if (r.status == 503)
            refused = n;
        else
            FAIL() << "unexpected status " << r.status;
    }
    ASSERT_NE(refused, 0) << "no update was refused with the file size limit in place";
    EXPECT_EQ(post(private_update(refused, 300 + refused, "/start")).status, 503) << "still full";

    auto health = get("/healthz");
    EXPECT_EQ(health.status, 503);
    auto h = json::parse(health.body, nullptr, false);
    ASSERT_TRUE(h.is_object()) << health.body;
    EXPECT_EQ(h["status"], "storage_fault");
    EXPECT_EQ(h["storage"]["fault"], "disk_full");
    EXPECT_NE(h["storage"]["fix"].get<std::string>().find("free disk space"), std::string::npos);
    auto metrics = get("/metrics").body;
    EXPECT_NE(metrics.find("cnscd_storage_ok 0"), std::string::npos);
    EXPECT_EQ(metrics.find("cnscd_storage_failed_commits_total{kind=\"disk_full\"} 0"), std::string::npos);
    auto text = log();
    EXPECT_NE(text.find("storage: disk_full on " + db_path), std::string::npos) << text;
    EXPECT_NE(text.find("Fix: free disk space"), std::string::npos);

    // Space is freed: the redelivered update is accepted and answered, the earlier ones once.
    rlimit freed{RLIM_INFINITY, RLIM_INFINITY};
    ASSERT_EQ(::prlimit(bot->pid(), RLIMIT_FSIZE, &freed, nullptr), 0);
    EXPECT_EQ(get("/healthz").status, 200) << "the health check's probe commit clears the fault";
    EXPECT_EQ(post(private_update(refused, 300 + refused, "/start")).status, 200);
    EXPECT_NE(get("/metrics").body.find("cnscd_storage_ok 1"), std::string::npos);
    ASSERT_TRUE(wait_replies(std::to_string(300 + refused), 1));
    for (auto n : accepted)
        EXPECT_TRUE(wait_replies(std::to_string(300 + n), 1)) << n;
    std::this_thread::sleep_for(500ms);
    EXPECT_EQ(replies_to("301"), 1u);
    EXPECT_EQ(replies_to(std::to_string(300 + refused)), 1u);
    for (auto n : accepted)
        EXPECT_EQ(replies_to(std::to_string(300 + n)), 1u) << n;
    EXPECT_NE(log().find("accepts commits again"), std::string::npos);

    // Nothing acknowledged was lost, and a restart resends nothing.
    ASSERT_EQ(bot->terminate(), 0);
    {
        auto db = database::open(db_path, {false, false});
        update_log updates(*db);
        EXPECT_TRUE(updates.contains(channel::telegram, "1"));
        EXPECT_TRUE(updates.contains(channel::telegram, std::to_string(refused)));
        for (auto n : accepted)
            EXPECT_TRUE(updates.contains(channel::telegram, std::to_string(n))) << n;
    }
    auto sent_before = telegram.count("sendMessage");
    start();
    std::this_thread::sleep_for(1s);
    EXPECT_EQ(telegram.count("sendMessage"), sent_before)
        << "delivery outcomes were recorded after the fault";
}

// Another process holds the write lock (an sqlite3 shell left in a transaction) longer than
// the bot's busy timeout.
TEST_F(faults_fixture, locked_database_refuses_updates_then_accepts_after_release) {
    start();
    ASSERT_EQ(post(private_update(1, 401, "/start")).status, 200);
    ASSERT_TRUE(wait_replies("401", 1));

    SQLite::Database other(db_path, SQLite::OPEN_READWRITE);
    other.setBusyTimeout(5000); // the bot may be committing at this moment
    other.exec("BEGIN EXCLUSIVE");
    EXPECT_EQ(post(private_update(2, 402, "/start")).status, 503);
    auto health = get("/healthz");
    EXPECT_EQ(health.status, 503);
    EXPECT_EQ(json::parse(health.body, nullptr, false)["storage"]["fault"], "locked") << health.body;
    EXPECT_NE(get("/metrics").body.find("cnscd_storage_failed_commits_total{kind=\"locked\"}"),
              std::string::npos);
    EXPECT_NE(log().find("storage: locked on"), std::string::npos);

    other.exec("ROLLBACK");
    EXPECT_EQ(post(private_update(2, 402, "/start")).status, 200);
    EXPECT_EQ(get("/healthz").status, 200);
    ASSERT_TRUE(wait_replies("402", 1));
    std::this_thread::sleep_for(300ms);
    EXPECT_EQ(replies_to("402"), 1u);
    EXPECT_EQ(replies_to("401"), 1u);
}

// Long polling: an update that could not be stored is asked for again (the saved offset does
// not move past it), and is answered once when the lock is gone.
TEST_F(faults_fixture, polling_does_not_move_the_offset_past_an_update_it_could_not_store) {
    auto e = env();
    e["TELEGRAM_MODE"] = "polling";
    e.erase("TELEGRAM_WEBHOOK_SECRET");
    bot = std::make_unique<bot_process>(e);
    ASSERT_TRUE(bot->wait_ready(port));
    telegram.push_update(private_update(500, 501, "/start"));
    ASSERT_TRUE(wait_replies("501", 1));

    SQLite::Database other(db_path, SQLite::OPEN_READWRITE);
    other.setBusyTimeout(5000); // the bot may be committing at this moment
    other.exec("BEGIN EXCLUSIVE");
    telegram.push_update(private_update(501, 502, "/start"));
    std::this_thread::sleep_for(1500ms); // the bot polls, fails to store, waits 2 s, polls again
    EXPECT_EQ(replies_to("502"), 0u);
    other.exec("ROLLBACK");
    // Asked again from the unchanged offset, Telegram (and the fake) offers it again.
    bool asked_again = false;
    for (auto& c : telegram.calls("getUpdates"))
        asked_again = asked_again || json::parse(c.body).value("offset", 0) == 501;
    EXPECT_TRUE(asked_again);
    ASSERT_TRUE(wait_replies("502", 1));
    std::this_thread::sleep_for(300ms);
    EXPECT_EQ(replies_to("502"), 1u);
    ASSERT_EQ(bot->terminate(), 0);
    auto db = database::open(db_path, {false, false});
    EXPECT_EQ(meta_store(*db).get_int("telegram.offset", 0), 502);
}

// Locked while starting (it records the bot's username): exit 1 with the reason and the fix,
// for the service manager to start it again, instead of an abort.
TEST_F(faults_fixture, locked_during_start_up_exits_with_the_reason) {
    {
        auto db = database::open(db_path); // an up-to-date schema: opening it needs no write
    }
    SQLite::Database other(db_path, SQLite::OPEN_READWRITE);
    other.exec("BEGIN EXCLUSIVE");
    bot_process starting(env());
    auto code = starting.wait_exit(30s);
    other.exec("ROLLBACK");
    ASSERT_TRUE(code.has_value()) << "the bot neither started nor exited";
    EXPECT_EQ(*code, 1);
    auto text = log();
    EXPECT_NE(text.find("storage: locked on"), std::string::npos) << text;
    EXPECT_NE(text.find("serve: cannot start: database is locked"), std::string::npos) << text;
    start(); // and starts once the lock is gone
}

// A damaged file: the bot refuses to start, says what to do, and leaves the file as it was.
TEST_F(faults_fixture, corrupt_database_is_refused_at_start_and_left_untouched) {
    start();
    for (int i = 0; i < 20; ++i)
        ASSERT_EQ(post(private_update(i + 1, 600 + i, "/start")).status, 200);
    ASSERT_EQ(bot->terminate(), 0);
    {
        SQLite::Database db(db_path, SQLite::OPEN_READWRITE);
        db.exec("PRAGMA wal_checkpoint(TRUNCATE)");
    }
    test::write_garbage_over_pages(db_path, 3, 4); // table and index pages, not the header
    auto before = read_file(db_path);

    bot_process damaged(env());
    auto code = damaged.wait_exit(30s);
    ASSERT_TRUE(code.has_value()) << "the bot kept running on a damaged database";
    EXPECT_NE(*code, 0);
    auto text = log();
    EXPECT_NE(text.find("is damaged (PRAGMA quick_check"), std::string::npos) << text;
    EXPECT_NE(text.find("restore the latest backup"), std::string::npos);
    EXPECT_EQ(read_file(db_path), before) << "the damaged file was changed";
    EXPECT_NE(get("/healthz").status, 200);
}

// The platform unreachable (connections dropped) while updates for several chats keep
// arriving, for longer than max_attempts retries take: nothing is given up, and every chat
// gets its answers afterwards in the order the updates were accepted.
TEST_F(faults_fixture, platform_unreachable_for_a_while_then_every_message_goes_out_in_order_per_chat) {
    start();
    telegram.go_offline();
    constexpr int chats = 5, per_chat = 4;
    std::int64_t update = 1;
    for (int k = 0; k < per_chat; ++k) {
        for (int c = 0; c < chats; ++c)
            ASSERT_EQ(post(private_update(update++, 700 + c, k % 2 == 0 ? "/start" : "/giup")).status, 200);
        std::this_thread::sleep_for(600ms);
    }
    std::this_thread::sleep_for(1s); // about 3.5 s offline: ten or more attempts per chat's head
    EXPECT_EQ(telegram.count("sendMessage"), 0u);
    EXPECT_NE(get("/metrics").body.find("cnscd_outbox_depth 20\n"), std::string::npos);
    telegram.resume();
    for (int c = 0; c < chats; ++c)
        ASSERT_TRUE(wait_replies(std::to_string(700 + c), per_chat, 20s)) << c;
    std::this_thread::sleep_for(300ms);
    for (int c = 0; c < chats; ++c) {
        std::vector<bool> greeting;
        for (auto& call : telegram.calls("sendMessage"))
            if (call.chat_id == std::to_string(700 + c))
                greeting.push_back(call.text.find("Xin chào") != std::string::npos);
        ASSERT_EQ(greeting.size(), static_cast<std::size_t>(per_chat)) << c;
        for (int k = 0; k < per_chat; ++k)
            EXPECT_EQ(greeting[k], k % 2 == 0) << "chat " << c << " message " << k << " out of order";
    }
    EXPECT_NE(get("/metrics").body.find("cnscd_sends_failed_total{channel=\"telegram\"} 0"),
              std::string::npos);
}

// The platform hanging instead (calls accepted, no answer within the send timeout). A timed-out
// call may still have been delivered, so a reply can arrive more than once (Telegram has no
// idempotency key); what must hold is that every reply arrives and each chat's replies arrive
// in the order accepted, each one only after the previous one.
TEST_F(faults_fixture, platform_hanging_for_a_while_then_every_message_goes_out_in_order_per_chat) {
    extra_config = R"({"telegram": {"limits": {"enabled": false}, "send_timeout_seconds": 1},
        "outbox": {"retry_base_ms": 100, "retry_max_ms": 300, "max_attempts": 3}})";
    start();
    telegram.set_delay(2500ms);
    constexpr int chats = 3, per_chat = 3;
    std::int64_t update = 1;
    for (int k = 0; k < per_chat; ++k) {
        for (int c = 0; c < chats; ++c)
            ASSERT_EQ(post(private_update(update++, 800 + c, k == 1 ? "/giup" : "/start")).status, 200);
        std::this_thread::sleep_for(700ms);
    }
    telegram.set_delay(0ms);
    for (int c = 0; c < chats; ++c)
        ASSERT_TRUE(telegram.wait_for(
            [&](const std::vector<test::recorded_call>& calls) {
                // The replies, with repeats of a timed-out call folded: greeting, help, greeting.
                std::vector<bool> greeting;
                for (auto& call : calls)
                    if (call.method == "sendMessage" && call.chat_id == std::to_string(800 + c)) {
                        bool g = call.text.find("Xin chào") != std::string::npos;
                        if (greeting.empty() || greeting.back() != g)
                            greeting.push_back(g);
                    }
                return greeting == std::vector<bool>{true, false, true};
            },
            20s))
            << "chat " << 800 + c;
}

} // namespace
} // namespace cnscd
