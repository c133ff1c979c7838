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
    raw.exec("ALTER TABLE outbox DROP COLUMN thread_id");
    raw.exec("ALTER TABLE members DROP COLUMN team_since");
    raw.exec("DROP TABLE nudge_messages");
    raw.exec("DROP TABLE nudges");
    raw.exec("DROP TABLE chat_migrations");
    raw.exec("DROP TABLE account_languages");
    raw.exec("ALTER TABLE campaigns DROP COLUMN owed_report");
    raw.exec("ALTER TABLE campaigns DROP COLUMN owed_period");
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
    EXPECT_NE(log.find("schema version 15 -> 22"), std::string::npos) << log;
    EXPECT_NE(log.find("migration 17 applied: outbox: the forum topic each message goes to"),
              std::string::npos)
        << log;
    EXPECT_NE(log.find("migration 18 applied: nudges: who was not reached by a private reminder"),
              std::string::npos)
        << log;
    EXPECT_NE(log.find("migration 19 applied: conversations: each open question belongs to its forum topic"),
              std::string::npos)
        << log;
    EXPECT_NE(log.find("migration 20 applied: groups: where each group upgraded to a supergroup went"),
              std::string::npos)
        << log;
    EXPECT_NE(log.find("migration 21 applied: accounts: the language chosen before linking"),
              std::string::npos)
        << log;
    EXPECT_NE(
        log.find("migration 22 applied: campaigns: the report an announcement to the teams behind is about"),
        std::string::npos)
        << log;
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
    EXPECT_NE(second.find("schema version 22 -> 22 (0 migration(s) applied)"), std::string::npos) << second;
    EXPECT_EQ(second.find("applied:"), std::string::npos) << second;
}

// `chat` (the README's way to try the bot) and the roster commands upgraded the file without a
// word, so the operator learned of it only when the previous release refused the file.
TEST_F(upgrade, chat_and_roster_commands_say_which_migrations_they_applied) {
    write_version_15(db_path);
    auto e = env();
    e["CNSCD_TEST_LOG"] = dir + "/chat.log";
    ASSERT_EQ(bot_process(e, {"chat"}).wait_exit(), 0);
    auto chat = read_text(dir + "/chat.log");
    EXPECT_NE(chat.find("migration 16 applied: members: since when each is on their team"), std::string::npos)
        << chat;
    EXPECT_NE(chat.find("schema version 15 -> 22"), std::string::npos) << chat;
    // A file already up to date, or a new one, is opened without a word about migrations.
    e["CNSCD_TEST_LOG"] = dir + "/again.log";
    ASSERT_EQ(bot_process(e, {"chat"}).wait_exit(), 0);
    EXPECT_EQ(read_text(dir + "/again.log").find("migration"), std::string::npos);
    write_version_15(dir + "/other.db");
    e["CNSCD_DB"] = dir + "/other.db";
    e["CNSCD_TEST_LOG"] = dir + "/roster.log";
    bot_process(e, {"export-roster", "--ward", "Phường Hải Châu", "--output", dir + "/roster.csv"})
        .wait_exit();
    EXPECT_NE(read_text(dir + "/roster.log").find("migration 16 applied"), std::string::npos)
        << read_text(dir + "/roster.log");
}

} // namespace
} // namespace cnscd
