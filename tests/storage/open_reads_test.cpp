// A read that stops at its row leaves its statement open. Its snapshot must not outlive the
// transaction: when another process (a roster import, the console) writes between two of the
// writer's transactions, the next one must still start, not fail with SQLITE_BUSY_SNAPSHOT.

#include "storage/database.hpp"
#include "storage/meta_store.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <unistd.h>

namespace cnscd {
namespace {

struct open_reads : ::testing::Test {
    std::string path =
        (std::filesystem::temp_directory_path() / ("cnscd-open-reads-" + std::to_string(::getpid()) + ".db"))
            .string();
    std::unique_ptr<database> db;

    void SetUp() override {
        remove_files();
        db = database::open(path);
        db->in_transaction([&] { meta_store(*db).set("greeting", "xin chào"); });
    }
    void TearDown() override {
        db.reset();
        remove_files();
    }
    void remove_files() {
        for (auto ext : {"", "-wal", "-shm"})
            std::filesystem::remove(path + ext);
    }
    void another_process_writes(const std::string& value) {
        auto other = database::open(path);
        other->in_transaction([&] { meta_store(*other).set("greeting", value); });
    }
};

TEST_F(open_reads, a_committed_read_does_not_block_the_next_write_after_another_process_wrote) {
    db->begin();
    EXPECT_EQ(meta_store(*db).get("greeting"), "xin chào"); // stops at its row
    db->commit();
    another_process_writes("chào buổi sáng");
    EXPECT_NO_THROW({
        db->begin();
        meta_store(*db).set("note", "ghi");
        db->commit();
    });
    EXPECT_EQ(meta_store(*db).get("greeting"), "chào buổi sáng");
}

TEST_F(open_reads, a_rolled_back_read_does_not_block_the_next_write_either) {
    db->begin();
    EXPECT_EQ(meta_store(*db).get("greeting"), "xin chào");
    db->rollback();
    another_process_writes("tạm biệt");
    EXPECT_NO_THROW({
        db->begin();
        meta_store(*db).set("note", "ghi");
        db->commit();
    });
    EXPECT_EQ(meta_store(*db).get("greeting"), "tạm biệt");
}

TEST_F(open_reads, the_writer_sees_what_another_process_wrote_in_its_next_transaction) {
    db->in_transaction([&] { EXPECT_EQ(meta_store(*db).get("greeting"), "xin chào"); });
    another_process_writes("hẹn gặp lại");
    db->in_transaction([&] { EXPECT_EQ(meta_store(*db).get("greeting"), "hẹn gặp lại"); });
}

} // namespace
} // namespace cnscd
