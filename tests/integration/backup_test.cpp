// `cnscd-bot backup --to FILE` while `serve` writes: the copy opens, passes its integrity check
// and holds what was acknowledged before the backup started.

#include "storage/database.hpp"
#include "storage/update_log.hpp"
#include "tests/support/bot_process.hpp"
#include "tests/support/fake_telegram.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <memory>
#include <thread>

namespace cnscd {
namespace {

using namespace std::chrono_literals;
using json = nlohmann::json;

const std::string secret = "backup-secret";

std::string private_update(std::int64_t update_id) {
    return test::private_update(update_id, 8000 + update_id, "/start");
}

std::string read_file(const std::string& path) {
    std::ifstream in(path);
    return {std::istreambuf_iterator<char>(in), {}};
}

struct backup_command : ::testing::Test {
    test::fake_telegram telegram;
    std::string dir = test::temp_dir(::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::string db_path = dir + "/bot.db";
    std::uint16_t port = test::free_port();

    std::map<std::string, std::string> env(const std::string& log) {
        std::ofstream(dir + "/bot.json") << R"({"telegram": {"limits": {"enabled": false}}})";
        return {{"CNSCD_DB", db_path},
                {"CNSCD_LISTEN", "127.0.0.1:" + std::to_string(port)},
                {"CNSCD_CONFIG", dir + "/bot.json"},
                {"TELEGRAM_BOT_TOKEN", "123456:TEST"},
                {"TELEGRAM_API_BASE", telegram.base_url()},
                {"TELEGRAM_WEBHOOK_SECRET", secret},
                {"CNSCD_TEST_LOG", dir + "/" + log}};
    }

    std::optional<int> backup(const std::string& to, const std::string& log) {
        test::bot_process p(env(log), {"backup", "--to", to});
        return p.wait_exit(60s);
    }
};

TEST_F(backup_command, copy_taken_while_serving_opens_and_holds_what_was_acknowledged) {
    test::bot_process bot(env("serve.log"));
    ASSERT_TRUE(bot.wait_ready(port));
    std::atomic<std::int64_t> acked{0}; // updates 1..acked were all acknowledged
    std::atomic<bool> stop{false}, refused{false};
    std::thread writer([&] {
        for (std::int64_t id = 1; !stop; ++id) {
            auto r = test::http_request_to(port, "POST", "/telegram/webhook", private_update(id),
                                           {{"X-Telegram-Bot-Api-Secret-Token", secret}});
            if (r.status != 200) {
                refused = true;
                break;
            }
            acked = id;
        }
    });
    while (acked < 200 && !refused)
        std::this_thread::sleep_for(10ms);
    auto before = acked.load();
    auto code = backup(dir + "/copy.db", "backup.log");
    auto after = acked.load();
    stop = true;
    writer.join();
    ASSERT_FALSE(refused) << "an update was refused; see " << dir << "/serve.log";
    ASSERT_EQ(code, 0) << read_file(dir + "/backup.log");
    EXPECT_NE(read_file(dir + "/backup.log").find("integrity check ok"), std::string::npos);
    EXPECT_GT(after, before) << "the bot kept acknowledging while the backup ran";
    EXPECT_TRUE(bot.running());

    auto copy = database::open(dir + "/copy.db", {.create = false, .run_migrations = false});
    EXPECT_TRUE(copy->quick_check());
    EXPECT_EQ(copy->schema_version(), copy->latest_schema_version());
    update_log log(*copy);
    for (std::int64_t id = 1; id <= before; ++id)
        ASSERT_TRUE(log.contains(channel::telegram, std::to_string(id))) << "update " << id;
    EXPECT_FALSE(std::filesystem::exists(dir + "/copy.db.partial"));
    EXPECT_EQ(bot.terminate(), 0);
}

// A restore usually follows a crash, which leaves the database's -wal file behind: copied over
// the database file alone, the backup had that log replayed onto it (later writes mixed in, or
// "database disk image is malformed"). restore sets the file aside with its log.
TEST_F(backup_command, restore_after_a_crash_puts_back_exactly_the_backup) {
    auto bot = std::make_unique<test::bot_process>(env("serve.log"));
    ASSERT_TRUE(bot->wait_ready(port));
    auto deliver = [&](std::int64_t from, std::int64_t to) {
        for (auto id = from; id <= to; ++id)
            ASSERT_EQ(test::http_request_to(port, "POST", "/telegram/webhook", private_update(id),
                                            {{"X-Telegram-Bot-Api-Secret-Token", secret}})
                          .status,
                      200);
    };
    deliver(1, 20);
    ASSERT_EQ(backup(dir + "/copy.db", "backup.log"), 0) << read_file(dir + "/backup.log");
    deliver(21, 120);
    test::bot_process refused(env("refused.log"), {"restore", "--from", dir + "/copy.db"});
    EXPECT_EQ(refused.wait_exit(), 1) << "the bot is still running";
    EXPECT_NE(read_file(dir + "/refused.log").find("stop the bot"), std::string::npos)
        << read_file(dir + "/refused.log");
    bot->kill_hard();
    bot.reset();
    ASSERT_TRUE(std::filesystem::exists(db_path + "-wal")) << "the crash left the log";

    test::bot_process restore(env("restore.log"), {"restore", "--from", dir + "/copy.db"});
    ASSERT_EQ(restore.wait_exit(), 0) << read_file(dir + "/restore.log");
    EXPECT_FALSE(std::filesystem::exists(db_path + "-wal"));
    {
        auto db = database::open(db_path, {.create = false, .run_migrations = false});
        EXPECT_TRUE(db->quick_check());
        update_log log(*db);
        EXPECT_TRUE(log.contains(channel::telegram, "20"));
        EXPECT_FALSE(log.contains(channel::telegram, "120")) << "written after the backup";
    }
    auto restored = read_file(dir + "/restore.log");
    auto kept = restored.find("kept as ");
    ASSERT_NE(kept, std::string::npos) << restored;
    auto aside = restored.substr(kept + 8, restored.find(' ', kept + 8) - kept - 8);
    EXPECT_TRUE(std::filesystem::exists(aside)) << aside;
    EXPECT_TRUE(std::filesystem::exists(aside + "-wal")) << "kept with its log";
}

TEST_F(backup_command, refuses_to_overwrite_the_database_or_write_into_a_missing_folder) {
    test::bot_process migrate(env("migrate.log"), {"migrate"});
    ASSERT_EQ(migrate.wait_exit(), 0);
    EXPECT_EQ(backup(db_path, "self.log"), 1);
    EXPECT_NE(read_file(dir + "/self.log").find("would overwrite the database itself"), std::string::npos);
    // The -wal named relatively while the bot is stopped (SQLite removed the file) was not
    // recognised: the backup was written there, where it passes for the database's log.
    auto wal = std::filesystem::relative(db_path + "-wal").string();
    ASSERT_FALSE(std::filesystem::exists(db_path + "-wal"));
    EXPECT_EQ(backup(wal, "wal.log"), 1) << read_file(dir + "/wal.log");
    EXPECT_NE(read_file(dir + "/wal.log").find("is the database's own wal file"), std::string::npos)
        << read_file(dir + "/wal.log");
    EXPECT_FALSE(std::filesystem::exists(db_path + "-wal"));
    EXPECT_EQ(backup(dir + "/no/such/folder/copy.db", "folder.log"), 1);
    EXPECT_NE(read_file(dir + "/folder.log").find("does not exist"), std::string::npos);
    std::filesystem::remove(db_path);
    EXPECT_EQ(backup(dir + "/copy.db", "missing.log"), 1);
    EXPECT_NE(read_file(dir + "/missing.log").find("there is no database"), std::string::npos);
}

// `backup --to FILE` replaced whatever FILE was: a mistyped --to (the roster CSV, the config,
// the database's own -wal file) was silently destroyed. A previous backup is still replaced,
// as cron needs; anything else is refused with the reason and left as it was.
TEST_F(backup_command, replaces_a_previous_backup_but_refuses_a_file_that_is_not_one) {
    test::bot_process migrate(env("migrate.log"), {"migrate"});
    ASSERT_EQ(migrate.wait_exit(), 0);
    const std::string nightly = dir + "/nightly.db";
    EXPECT_EQ(backup(nightly, "first.log"), 0) << read_file(dir + "/first.log");
    EXPECT_EQ(backup(nightly, "second.log"), 0)
        << "cron writes over last night's backup: " << read_file(dir + "/second.log");
    std::ofstream(dir + "/empty.db").flush(); // made by mktemp: nothing to lose
    EXPECT_EQ(backup(dir + "/empty.db", "empty.log"), 0) << read_file(dir + "/empty.log");

    const std::string roster = "TT,Họ tên,SĐT\n1,Nguyễn Văn A,0905123456\n";
    std::ofstream(dir + "/roster.csv", std::ios::binary) << roster;
    EXPECT_EQ(backup(dir + "/roster.csv", "roster.log"), 1);
    auto said = read_file(dir + "/roster.log");
    EXPECT_NE(said.find("already exists and is not a database backup"), std::string::npos) << said;
    EXPECT_NE(said.find("Fix: choose another --to file"), std::string::npos) << said;
    EXPECT_EQ(read_file(dir + "/roster.csv"), roster) << "the file was changed";
    EXPECT_FALSE(std::filesystem::exists(dir + "/roster.csv.partial"));

    // The live database's own log: a copy written there would throw away unmerged commits.
    {
        SQLite::Database live(db_path, SQLite::OPEN_READWRITE);
        live.exec("PRAGMA journal_mode=WAL");
        live.exec("PRAGMA wal_autocheckpoint=0");
        live.exec("CREATE TABLE IF NOT EXISTS backup_probe(x)");
        live.exec("INSERT INTO backup_probe VALUES (1)");
        ASSERT_TRUE(std::filesystem::exists(db_path + "-wal"));
        auto wal = read_file(db_path + "-wal");
        EXPECT_EQ(backup(db_path + "-wal", "wal.log"), 1);
        said = read_file(dir + "/wal.log");
        EXPECT_NE(said.find("is the database's own wal file"), std::string::npos) << said;
        EXPECT_EQ(read_file(db_path + "-wal"), wal);
    }
    EXPECT_EQ(backup(dir, "folder.log"), 1);
    EXPECT_NE(read_file(dir + "/folder.log").find("is a folder"), std::string::npos)
        << read_file(dir + "/folder.log");
}

// A wrong --from must change nothing: no backup there, or a file that is no database.
TEST_F(backup_command, restore_from_a_missing_or_damaged_backup_changes_nothing) {
    test::bot_process migrate(env("migrate.log"), {"migrate"});
    ASSERT_EQ(migrate.wait_exit(), 0);
    auto before = read_file(db_path);
    test::bot_process missing(env("missing.log"), {"restore", "--from", dir + "/no-such.db"});
    EXPECT_EQ(missing.wait_exit(), 1);
    EXPECT_NE(read_file(dir + "/missing.log").find("there is no backup at"), std::string::npos)
        << read_file(dir + "/missing.log");
    std::ofstream(dir + "/notes.db") << "not a database, only some notes\n";
    test::bot_process damaged(env("damaged.log"), {"restore", "--from", dir + "/notes.db"});
    EXPECT_EQ(damaged.wait_exit(), 1);
    auto damaged_log = read_file(dir + "/damaged.log");
    EXPECT_NE(damaged_log.find("cannot be read as a database"), std::string::npos) << damaged_log;
    EXPECT_NE(damaged_log.find("Nothing was changed"), std::string::npos) << damaged_log;
    EXPECT_EQ(damaged_log.find("CNSCD_DB"), std::string::npos)
        << "the advice is about --from: " << damaged_log;
    EXPECT_EQ(read_file(db_path), before);
    EXPECT_FALSE(std::filesystem::exists(db_path + ".partial"));
}

} // namespace
} // namespace cnscd
