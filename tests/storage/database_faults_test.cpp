// The database's fault reading: damaged files refused at open, SQLite errors named for the
// operator.

#include "storage/database.hpp"
#include "storage/database_damaged.hpp"
#include "storage/meta_store.hpp"
#include "storage/storage_fault.hpp"
#include "storage/writer.hpp"
#include "tests/support/damaged_file.hpp"

#include <gtest/gtest.h>

#include <cerrno>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <future>
#include <sqlite3.h>
#include <unistd.h>

namespace cnscd {
namespace {

struct damaged_file : ::testing::Test {
    std::string path =
        (std::filesystem::temp_directory_path() / ("cnscd-damaged-" + std::to_string(::getpid()) + ".db"))
            .string();
    void SetUp() override {
        remove_files();
        auto db = database::open(path);
        db->in_transaction([&] {
            meta_store meta(*db);
            for (int i = 0; i < 2000; ++i)
                meta.set("key." + std::to_string(i), std::string(200, 'x'));
        });
    }
    void TearDown() override { remove_files(); }
    void remove_files() {
        for (auto ext : {"", "-wal", "-shm"})
            std::filesystem::remove(path + ext);
    }
    void damage() {
        {
            auto db = database::open(path, {false, false});
            ASSERT_TRUE(db->quick_check());
        } // the last connection closing checkpoints the log into the file
        test::write_garbage_over_pages(path, 5, 8, '\x33');
    }
};

TEST_F(damaged_file, a_sound_file_passes_the_check_at_open) {
    auto db = database::open(path, {false, true, "full", 5000, true});
    EXPECT_EQ(db->quick_check_problems(), "");
}

TEST_F(damaged_file, a_damaged_file_is_refused_with_what_to_do) {
    damage();
    try {
        database::open(path, {false, true, "full", 5000, true});
        FAIL() << "a damaged file was opened";
    } catch (const database_damaged& e) {
        std::string what = e.what();
        EXPECT_NE(what.find("is damaged (PRAGMA quick_check: "), std::string::npos) << what;
        EXPECT_NE(what.find("Nothing was changed in it"), std::string::npos);
        EXPECT_NE(what.find("restore the latest backup"), std::string::npos);
    }
    // Without the check the same file opens (tools that only read may still get data out).
    EXPECT_NO_THROW(database::open(path, {false, false}));
}

// An sqlite3 shell holding the lock (or a read-only file) makes the check fail too: that is not
// damage, and restoring a backup over a sound file would lose what was logged since.
TEST_F(damaged_file, a_locked_file_is_not_called_damaged) {
    sqlite3* holder = nullptr;
    ASSERT_EQ(sqlite3_open(path.c_str(), &holder), SQLITE_OK);
    ASSERT_EQ(sqlite3_exec(holder,
                           "PRAGMA locking_mode=EXCLUSIVE; BEGIN EXCLUSIVE; SELECT count(*) FROM meta;",
                           nullptr, nullptr, nullptr),
              SQLITE_OK);
    try {
        database::open(path, {false, true, "full", 50, true});
        ADD_FAILURE() << "a locked file was opened";
    } catch (const database_error& e) {
        std::string what = e.what();
        EXPECT_EQ(what.find("is damaged"), std::string::npos) << what;
        EXPECT_EQ(what.find("restore the latest backup"), std::string::npos) << what;
        EXPECT_NE(what.find("another process holds the database"), std::string::npos) << what;
    }
    sqlite3_exec(holder, "ROLLBACK", nullptr, nullptr, nullptr);
    sqlite3_close(holder);
}

// The bot's folder made read-only (its owner changed, a read-only mount): SQLite cannot create
// the write-ahead log beside the file. That was named a failing disk, with "restore the latest
// backup" as the fix, which would have thrown away a sound file's recent work.
TEST(unwritable_folder, is_named_as_such_not_as_a_failing_disk) {
    auto folder = std::filesystem::temp_directory_path() / ("cnscd-readonly-" + std::to_string(::getpid()));
    std::filesystem::create_directories(folder);
    auto path = (folder / "bot.db").string();
    database::open(path); // closed: no -wal or -shm left beside it
    std::filesystem::permissions(folder,
                                 std::filesystem::perms::owner_read | std::filesystem::perms::owner_exec);
    bool immutable = false;
    if (std::ofstream(folder / "probe")) { // root ignores the mode: make the folder immutable
        std::filesystem::remove(folder / "probe");
        immutable = std::system(("chattr +i '" + folder.string() + "' 2>/dev/null").c_str()) == 0;
        if (!immutable) {
            std::filesystem::permissions(folder, std::filesystem::perms::owner_all);
            std::filesystem::remove_all(folder);
            GTEST_SKIP() << "cannot make a folder read-only here (root without chattr)";
        }
    }
    std::string what;
    try {
        database::open(path, {false, true, "full", 50, true});
        ADD_FAILURE() << "the database opened in a read-only folder";
    } catch (const database_error& e) {
        what = e.what();
    }
    if (immutable)
        std::system(("chattr -i '" + folder.string() + "'").c_str());
    std::filesystem::permissions(folder, std::filesystem::perms::owner_all);
    std::filesystem::remove_all(folder);
    EXPECT_NE(what.find("cannot be written"), std::string::npos) << what;
    EXPECT_NE(what.find("write access to the database and to its folder"), std::string::npos) << what;
    EXPECT_EQ(what.find("restore the latest backup"), std::string::npos) << what;
    EXPECT_EQ(what.find("I/O error"), std::string::npos) << what;
}

// SQLite in WAL mode commits into a file deleted under it; the writer refuses instead, since
// what it acknowledged would be in no file the next start opens.
TEST_F(damaged_file, a_commit_into_a_deleted_file_fails_as_moved_and_succeeds_once_it_is_back) {
    writer w(database::open(path), 4);
    auto commit = [&] {
        std::promise<job_outcome> done;
        w.submit([](database& d) { meta_store(d).set("probe", "1"); },
                 [&](job_outcome o, const std::string&) { done.set_value(o); });
        return done.get_future().get();
    };
    ASSERT_EQ(commit(), job_outcome::committed);
    std::filesystem::rename(path, path + ".aside");
    EXPECT_EQ(commit(), job_outcome::storage_failed);
    EXPECT_EQ(w.stats().fault, storage_fault::moved);
    EXPECT_NE(w.stats().fault_error.find("no longer at " + path), std::string::npos) << w.stats().fault_error;
    std::filesystem::rename(path + ".aside", path);
    EXPECT_EQ(commit(), job_outcome::committed);
    EXPECT_EQ(w.stats().fault, storage_fault::none);
}

TEST(storage_fault_names, sqlite_errors_are_named_for_the_operator) {
    EXPECT_EQ(classify_sqlite_error(SQLITE_FULL, SQLITE_FULL, 0), storage_fault::disk_full);
    EXPECT_EQ(classify_sqlite_error(SQLITE_IOERR, SQLITE_IOERR_WRITE, ENOSPC), storage_fault::disk_full);
    EXPECT_EQ(classify_sqlite_error(SQLITE_IOERR, SQLITE_IOERR_WRITE, EFBIG), storage_fault::disk_full);
    EXPECT_EQ(classify_sqlite_error(SQLITE_IOERR, SQLITE_IOERR_WRITE, EIO), storage_fault::io_error);
    EXPECT_EQ(classify_sqlite_error(SQLITE_BUSY, SQLITE_BUSY, 0), storage_fault::locked);
    EXPECT_EQ(classify_sqlite_error(SQLITE_CORRUPT, SQLITE_CORRUPT, 0), storage_fault::corrupt);
    EXPECT_EQ(classify_sqlite_error(SQLITE_NOTADB, SQLITE_NOTADB, 0), storage_fault::corrupt);
    EXPECT_EQ(classify_sqlite_error(SQLITE_READONLY, SQLITE_READONLY, 0), storage_fault::read_only);
    EXPECT_EQ(classify_sqlite_error(SQLITE_READONLY_DBMOVED, -1, 0), storage_fault::moved);
    // The log cannot be created beside the file: permissions, not a failing disk.
    EXPECT_EQ(classify_sqlite_error(SQLITE_CANTOPEN, SQLITE_CANTOPEN, EACCES), storage_fault::read_only);
    EXPECT_EQ(classify_sqlite_error(SQLITE_CANTOPEN, SQLITE_CANTOPEN, EROFS), storage_fault::read_only);
    EXPECT_EQ(classify_sqlite_error(SQLITE_IOERR, SQLITE_IOERR_WRITE, EPERM), storage_fault::read_only);
    for (auto k : storage_fault_kinds) {
        EXPECT_NE(fault_advice(k).find("Fix: "), std::string::npos) << fault_name(k);
        EXPECT_NE(fault_name(k), "ok");
    }
}

} // namespace
} // namespace cnscd
