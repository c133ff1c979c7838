// Migration 18: a database of the release before (no nudge tables) upgrades, and a private nudge
// sent after the upgrade follows its messages' outcomes.

#include "storage/database.hpp"
#include "storage/nudge_store.hpp"
#include "storage/registry.hpp"

#include <SQLiteCpp/Database.h>
#include <gtest/gtest.h>

#include <filesystem>

namespace cnscd {
namespace {

TEST(private_nudges_migration, a_database_from_before_follows_private_nudges_after_the_upgrade) {
    auto path = (std::filesystem::temp_directory_path() / "cnscd_nudges_migration_test.db").string();
    for (auto ext : {"", "-wal", "-shm"})
        std::filesystem::remove(path + ext);
    std::int64_t team = 0, leader = 0;
    {
        auto db = database::open(path);
        auto ward = ward_store(*db).ensure("Phường Hòa Xuân", 0);
        team = team_store(*db).ensure(ward, "Tổ dân phố số 3", 0);
        member_record m;
        m.ward_id = ward;
        m.team_id = team;
        m.role = "leader";
        m.full_name = "Trần Văn Bình";
        leader = member_store(*db).insert(m, 0);
    }
    {
        // As version 17 left it.
        SQLite::Database raw(path, SQLite::OPEN_READWRITE);
        raw.exec("DROP TABLE nudge_messages");
        raw.exec("DROP TABLE nudges");
        raw.exec("DROP TABLE chat_migrations"); // and 20 (19 rebuilds a table and runs again)
        raw.exec("ALTER TABLE campaigns DROP COLUMN owed_report"); // nor the owed report of 22
        raw.exec("ALTER TABLE campaigns DROP COLUMN owed_period");
        raw.exec("PRAGMA user_version = 17");
    }
    {
        auto db = database::open(path);
        EXPECT_EQ(db->schema_version(), db->latest_schema_version()); // up to date, whatever came after 18
        nudge_store nudges(*db);
        auto id =
            nudges.create({0, team, leader, 1000, {channel::telegram, "t1"}, chat_kind::private_chat, ""});
        nudges.add_message(id, leader, {channel::telegram, "t2"});
        nudges.add_message(id, leader, {channel::zalo_oa, "z2"});
        EXPECT_FALSE(nudges.record_outcome(id, {channel::zalo_oa, "z2"}, "window")) << "one still on its way";
        EXPECT_TRUE(nudges.record_outcome(id, {channel::telegram, "t2"}, "delivered")) << "the last one";
        EXPECT_FALSE(nudges.record_outcome(id, {channel::telegram, "t2"}, "gone")) << "already settled";
        auto messages = nudges.messages(id);
        ASSERT_EQ(messages.size(), 2u);
        EXPECT_EQ(messages[0].outcome, "delivered");
        EXPECT_EQ(messages[1].outcome, "window");
        EXPECT_EQ(nudges.by_id(id)->origin.chat_id, "t1");
    }
    for (auto ext : {"", "-wal", "-shm"})
        std::filesystem::remove(path + ext);
}

} // namespace
} // namespace cnscd
