// Open questions as stored: one per chat, forum topic and person, and kept across the upgrade
// that gave them their topic.

#include "storage/conversation_store.hpp"
#include "storage/database.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>

#include <filesystem>

namespace cnscd {
namespace {

// A question open when the bot is upgraded is still answered afterwards (it counts as asked
// outside topics, the only place a version without topics knew).
TEST(conversation_thread_migration, a_question_open_during_the_upgrade_is_kept) {
    auto path = (std::filesystem::temp_directory_path() / "cnscd_conversation_thread.db").string();
    for (auto ext : {"", "-wal", "-shm"})
        std::filesystem::remove(path + ext);
    database::open(path);
    {
        // As version 17 left it: the question keyed by chat and person only.
        SQLite::Database raw(path, SQLite::OPEN_READWRITE);
        raw.exec("DROP TABLE conversations");
        raw.exec("CREATE TABLE conversations (channel TEXT NOT NULL, chat_id TEXT NOT NULL, user_id TEXT NOT "
                 "NULL, kind TEXT NOT NULL, state TEXT NOT NULL, expires_at INTEGER NOT NULL, PRIMARY KEY "
                 "(channel, chat_id, user_id)) WITHOUT ROWID");
        raw.exec("INSERT INTO conversations VALUES ('telegram', '-1001987654321', '102', 'choice', "
                 "'[\"t:12:vneid\"]', 900)");
        raw.exec("DROP TABLE nudge_messages"); // nor the private nudges of 18
        raw.exec("DROP TABLE nudges");
        raw.exec("DROP TABLE chat_migrations");                    // nor the upgraded groups of 20
        raw.exec("ALTER TABLE campaigns DROP COLUMN owed_report"); // nor the owed report of 22
        raw.exec("ALTER TABLE campaigns DROP COLUMN owed_period");
        raw.exec("PRAGMA user_version = 17");
    }
    {
        auto db = database::open(path);
        conversation_store questions(*db);
        chat_address group{channel::telegram, "-1001987654321"};
        auto kept = questions.find(group, "", "102");
        ASSERT_TRUE(kept);
        EXPECT_EQ(kept->kind, "choice");
        EXPECT_EQ(kept->state, R"(["t:12:vneid"])");
        EXPECT_EQ(kept->expires_at, 900);
        EXPECT_FALSE(questions.find(group, "805", "102")) << "not in a topic it was not asked in";
    }
    for (auto ext : {"", "-wal", "-shm"})
        std::filesystem::remove(path + ext);
}

TEST(conversation_store, the_same_person_has_one_question_per_topic) {
    auto db = database::open(":memory:");
    conversation_store questions(*db);
    chat_address group{channel::telegram, "-1001987654321"};
    questions.put({group, "805", "102", "choice", "[\"t:1:vneid\"]", 100});
    questions.put({group, "811", "102", "choice", "[\"t:2:vneid\"]", 100});
    questions.put({group, "", "102", "choice", "[\"t:3:vneid\"]", 100});
    EXPECT_EQ(questions.find(group, "805", "102")->state, "[\"t:1:vneid\"]");
    EXPECT_EQ(questions.find(group, "811", "102")->state, "[\"t:2:vneid\"]");
    EXPECT_EQ(questions.find(group, "", "102")->state, "[\"t:3:vneid\"]");
    questions.erase(group, "811", "102");
    EXPECT_FALSE(questions.find(group, "811", "102"));
    EXPECT_TRUE(questions.find(group, "805", "102"));
    EXPECT_TRUE(questions.find(group, "", "102"));
    // The group upgraded to a supergroup: every topic's question follows it.
    questions.rekey_chat(group, "-1002223334445");
    EXPECT_TRUE(questions.find({channel::telegram, "-1002223334445"}, "805", "102"));
    EXPECT_TRUE(questions.find({channel::telegram, "-1002223334445"}, "", "102"));
}

} // namespace
} // namespace cnscd
