// The writer keeps the roster it read in memory (database::track_roster): every way the roster
// can change must be seen at the next read, or a member would act with a role or team they no
// longer have.

#include "storage/database.hpp"
#include "storage/registry.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <unistd.h>

namespace cnscd {
namespace {

struct roster_memory : ::testing::Test {
    std::string path = (std::filesystem::temp_directory_path() /
                        ("cnscd-roster-memory-" + std::to_string(::getpid()) + ".db"))
                           .string();
    std::unique_ptr<database> db;
    std::int64_t ward = 0, team_a = 0, team_b = 0, member = 0;

    void SetUp() override {
        remove_files();
        db = database::open(path);
        db->track_roster();
        ward = ward_store(*db).ensure("Phường Một", 0);
        team_a = team_store(*db).insert(ward, "Tổ 1", 0);
        team_b = team_store(*db).insert(ward, "Tổ 2", 0);
        member_record m;
        m.ward_id = ward;
        m.team_id = team_a;
        m.full_name = "Nguyễn Văn An";
        m.role = "member";
        member = member_store(*db).insert(m, 0);
        member_store(*db).link_account(channel::telegram, "700", member, "contact", 0);
    }
    void TearDown() override {
        db.reset();
        remove_files();
    }
    void remove_files() {
        for (auto suffix : {"", "-wal", "-shm"})
            std::filesystem::remove(path + suffix);
    }
    std::optional<member_record> sender(const std::string& user = "700") {
        return member_store(*db).by_account(channel::telegram, user);
    }
};

TEST_F(roster_memory, a_change_on_the_same_connection_is_seen_at_the_next_read) {
    ASSERT_EQ(sender().value().role, "member");
    member_store(*db).set_role(member, "leader", 1);
    EXPECT_EQ(sender().value().role, "leader");
    auto m = sender().value();
    m.team_id = team_b;
    member_store(*db).update(m, 2);
    EXPECT_EQ(sender().value().team_id, team_b);
    member_store(*db).set_active(member, false, 3);
    EXPECT_FALSE(sender().value().active);
}

TEST_F(roster_memory, accounts_linked_or_unlinked_after_a_read_are_seen) {
    EXPECT_FALSE(sender("701").has_value());
    member_store(*db).link_account(channel::telegram, "701", member, "contact", 1);
    EXPECT_EQ(sender("701").value().id, member);
    member_store(*db).unlink_account(channel::telegram, "701");
    EXPECT_FALSE(sender("701").has_value());
}

TEST_F(roster_memory, what_a_rolled_back_savepoint_changed_is_read_again) {
    db->begin();
    db->savepoint("handler");
    member_store(*db).set_role(member, "leader", 1);
    EXPECT_EQ(sender().value().role, "leader"); // read inside the savepoint, then undone
    db->rollback_to("handler");
    EXPECT_EQ(sender().value().role, "member");
    db->commit();
}

TEST_F(roster_memory, what_a_rolled_back_transaction_changed_is_read_again) {
    db->begin();
    member_store(*db).set_role(member, "leader", 1);
    EXPECT_EQ(sender().value().role, "leader");
    db->rollback();
    EXPECT_EQ(sender().value().role, "member");
}

TEST_F(roster_memory, a_change_by_another_process_is_seen) {
    ASSERT_EQ(sender().value().role, "member");
    {
        auto other = database::open(path); // e.g. `cnscd-bot roster import` while serving
        member_store(*other).set_role(member, "leader", 1);
    }
    EXPECT_EQ(sender().value().role, "leader");
}

TEST_F(roster_memory, a_read_leaves_no_old_snapshot_behind_for_the_next_write) {
    ASSERT_EQ(sender().value().role, "member");
    {
        auto other = database::open(path);
        member_store(*other).set_role(member, "leader", 1);
    }
    // A statement left open by the read above would pin the old snapshot, and the writer's next
    // BEGIN IMMEDIATE would fail with SQLITE_BUSY_SNAPSHOT.
    EXPECT_NO_THROW({
        db->begin();
        member_store(*db).set_role(member, "member", 2);
        db->commit();
    });
    EXPECT_EQ(sender().value().role, "member");
}

TEST_F(roster_memory, group_bindings_follow_rebinding_and_migration) {
    chat_address group{channel::telegram, "-100"};
    EXPECT_FALSE(group_store(*db).find(group).has_value());
    group_store(*db).bind({group, ward, team_a, "Tổ 1", true}, std::nullopt, 1);
    EXPECT_EQ(group_store(*db).find(group).value().team_id, team_a);
    group_store(*db).bind({group, ward, team_b, "Tổ 2", true}, std::nullopt, 2);
    EXPECT_EQ(group_store(*db).find(group).value().team_id, team_b);
    ASSERT_TRUE(group_store(*db).migrate(group, "-1009"));
    EXPECT_FALSE(group_store(*db).find(group).has_value());
    EXPECT_EQ(group_store(*db).find({channel::telegram, "-1009"}).value().team_id, team_b);
}

} // namespace
} // namespace cnscd
