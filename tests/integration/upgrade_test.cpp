// Upgrading a database a previous release wrote: what the operator reads while it happens.

#include "storage/database.hpp"
#include "tests/support/telegram_bot_fixture.hpp"

#include <SQLiteCpp/Database.h>
#include <gtest/gtest.h>

#include <fstream>
#include <iterator>

namespace cnscd {
namespace {

using test::bot_process;
struct upgrade : test::telegram_bot_fixture {};

std::string read_text(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// The file as the release before migration 16 left it.
void write_version_15(const std::string& path) {
    database::open(path);
    SQLite::Database raw(path, SQLite::OPEN_READWRITE);
    raw.exec("ALTER TABLE members DROP COLUMN team_since");
    raw.exec("PRAGMA user_version = 15");
}

TEST_F(upgrade, serve_says_in_the_log_which_migrations_an_upgrade_applied) {
    write_version_15(db_path);
    bot = std::make_unique<bot_process>(env());
    ASSERT_TRUE(bot->wait_ready(port));
    ASSERT_EQ(bot->terminate(), 0);
    auto log = this->log();
    EXPECT_NE(log.find("migration 16 applied: members: since when each is on their team"), std::string::npos)
        << log;
    EXPECT_NE(log.find("schema version 15 -> 16"), std::string::npos) << log;
    EXPECT_EQ(log.find("migration 15 applied"), std::string::npos) << "applied before, not again";
}

TEST_F(upgrade, migrate_lists_each_migration_it_applied_and_none_the_second_time) {
    write_version_15(db_path);
    auto e = env();
    e["CNSCD_TEST_LOG"] = dir + "/first.log";
    ASSERT_EQ(bot_process(e, {"migrate"}).wait_exit(), 0);
    e["CNSCD_TEST_LOG"] = dir + "/second.log";
    ASSERT_EQ(bot_process(e, {"migrate"}).wait_exit(), 0);
    auto first = read_text(dir + "/first.log"), second = read_text(dir + "/second.log");
    EXPECT_NE(first.find("migration 16 applied: members: since when each is on their team"),
              std::string::npos)
        << first;
    EXPECT_NE(second.find("schema version 16 -> 16 (0 migration(s) applied)"), std::string::npos) << second;
    EXPECT_EQ(second.find("applied:"), std::string::npos) << second;
}

} // namespace
} // namespace cnscd
