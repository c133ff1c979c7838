// The database file deleted under the writer: its data is copied next to it under a name that
// never replaces a file, a copy that cannot be written says why and leaves nothing behind, and
// `restore` puts the copy back without the deleted file's log.

#include "storage/backup.hpp"
#include "storage/database.hpp"
#include "storage/meta_store.hpp"
#include "storage/rescue.hpp"
#include "storage/writer.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <future>
#include <iterator>
#include <sys/resource.h>
#include <unistd.h>

namespace cnscd {
namespace {

namespace fs = std::filesystem;

// 2026-12-02 05:00:17 UTC.
constexpr std::int64_t noon_in_hanoi = 1796187617;

struct rescue : ::testing::Test {
    std::string dir =
        (fs::temp_directory_path() / ("cnscd-rescue-" + std::to_string(::getpid()) + "-" +
                                      ::testing::UnitTest::GetInstance()->current_test_info()->name()))
            .string();
    std::string path = dir + "/cnscd.db";

    void SetUp() override {
        fs::remove_all(dir);
        fs::create_directories(dir);
    }
    void TearDown() override { fs::remove_all(dir); }

    // `rows` meta keys, committed.
    std::unique_ptr<database> open_with(int rows) {
        auto db = database::open(path);
        db->in_transaction([&] {
            meta_store meta(*db);
            for (int i = 0; i < rows; ++i)
                meta.set("key." + std::to_string(i), std::string(200, 'x'));
        });
        return db;
    }

    static int keys_in(const std::string& file) {
        auto db = database::open(file, {.create = false, .run_migrations = false});
        int n = 0;
        meta_store meta(*db);
        for (int i = 0; i < 5000; ++i)
            n += meta.get("key." + std::to_string(i)).has_value();
        return n;
    }

    std::vector<std::string> rescued_files() {
        std::vector<std::string> out;
        for (auto& e : fs::directory_iterator(dir))
            if (e.path().filename().string().find(".rescued-") != std::string::npos)
                out.push_back(e.path().string());
        return out;
    }

    static std::string read(const std::string& file) {
        std::ifstream in(file, std::ios::binary);
        return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    }
};

// What a restart after a deletion finds: the newest copy, only while the database is missing,
// never another database's copy or a copy's log.
TEST_F(rescue, a_missing_database_is_pointed_to_its_newest_copy) {
    EXPECT_FALSE(rescued_copy_of_missing(path).has_value());
    for (auto name : {"cnscd.db.rescued-20261202-050017", "cnscd.db.rescued-20261203-081500",
                      "cnscd.db.rescued-20261203-081500-wal", "other.db.rescued-20261204-000000"})
        std::ofstream(dir + "/" + name) << "x";
    EXPECT_EQ(rescued_copy_of_missing(path), dir + "/cnscd.db.rescued-20261203-081500");
    std::ofstream(path) << "restored";
    EXPECT_FALSE(rescued_copy_of_missing(path).has_value());
    EXPECT_FALSE(rescued_copy_of_missing(dir + "/no-such-folder/cnscd.db").has_value());
}

TEST_F(rescue, the_copy_is_named_after_the_file_and_the_utc_time) {
    EXPECT_EQ(rescue_file_name("/var/lib/cnscd-bot/cnscd.db", noon_in_hanoi),
              "/var/lib/cnscd-bot/cnscd.db.rescued-20261202-050017");
}

TEST_F(rescue, a_deleted_file_is_copied_next_to_it_with_everything_it_held) {
    auto db = open_with(300);
    fs::remove(path);
    auto copy = rescue_database(*db, noon_in_hanoi);
    ASSERT_TRUE(copy.has_value()) << copy.error();
    EXPECT_EQ(*copy, path + ".rescued-20261202-050017");
    EXPECT_EQ(keys_in(*copy), 300);
    EXPECT_EQ(fs::status(*copy).permissions() & fs::perms::others_all, fs::perms::none)
        << "the copy of the roster's personal data is readable by every user";
}

TEST_F(rescue, an_existing_file_of_that_name_is_never_written_over) {
    auto db = open_with(10);
    fs::remove(path);
    auto name = rescue_file_name(path, noon_in_hanoi);
    std::ofstream(name) << "an earlier rescue";
    std::ofstream(name + "-2") << "another one";
    auto copy = rescue_database(*db, noon_in_hanoi);
    ASSERT_TRUE(copy.has_value()) << copy.error();
    EXPECT_EQ(*copy, name + "-3");
    EXPECT_EQ(read(name), "an earlier rescue");
    EXPECT_EQ(read(name + "-2"), "another one");
    EXPECT_EQ(keys_in(*copy), 10);
}

TEST_F(rescue, a_folder_that_is_gone_is_named_and_nothing_is_written) {
    path = dir + "/data/cnscd.db";
    auto db = open_with(10);
    fs::remove_all(dir + "/data");
    auto copy = rescue_database(*db, noon_in_hanoi);
    ASSERT_FALSE(copy.has_value());
    EXPECT_NE(copy.error().find("the folder " + dir + "/data no longer exists"), std::string::npos)
        << copy.error();
    EXPECT_FALSE(fs::exists(dir + "/data"));
    auto advice = rescue_advice(path, "", copy.error());
    EXPECT_NE(advice.find("do not stop or restart it"), std::string::npos) << advice;
    EXPECT_NE(advice.find("Fix: make the folder " + dir + "/data exist"), std::string::npos) << advice;
}

// The disk full in the middle of the copy (a file size limit stands in for it): the error says
// so and no half copy is left under a name the operator would restore.
TEST_F(rescue, a_copy_that_cannot_be_finished_is_removed_and_the_reason_given) {
    auto db = open_with(2000); // about 500 KB
    fs::remove(path);
    auto old_handler = std::signal(SIGXFSZ, SIG_IGN);
    rlimit old_limit{};
    ASSERT_EQ(::getrlimit(RLIMIT_FSIZE, &old_limit), 0);
    rlimit small{64 << 10, old_limit.rlim_max};
    ASSERT_EQ(::setrlimit(RLIMIT_FSIZE, &small), 0);
    auto copy = rescue_database(*db, noon_in_hanoi);
    ::setrlimit(RLIMIT_FSIZE, &old_limit);
    std::signal(SIGXFSZ, old_handler);
    ASSERT_FALSE(copy.has_value()) << "a 500 KB copy was written under a 64 KB limit";
    EXPECT_NE(copy.error().find("cannot write " + rescue_file_name(path, noon_in_hanoi)), std::string::npos)
        << copy.error();
    EXPECT_TRUE(rescued_files().empty()) << rescued_files().front();
}

struct rescue_writer : rescue {
    std::atomic<std::int64_t> now{noon_in_hanoi};
    std::vector<std::pair<std::string, std::string>> heard; // writer's thread, read after commits

    std::unique_ptr<writer> start(int rows) {
        auto w = std::make_unique<writer>(open_with(rows), 4);
        w->set_rescue(
            [this] { return now.load(); },
            [this](const std::string& copy, const std::string& error) { heard.emplace_back(copy, error); });
        return w;
    }
    static job_outcome commit(writer& w) {
        std::promise<job_outcome> done;
        w.submit([](database& d) { meta_store(d).set("probe", "1"); },
                 [&](job_outcome o, const std::string&) { done.set_value(o); });
        return done.get_future().get();
    }
};

TEST_F(rescue_writer, the_first_refused_commit_after_a_delete_saves_a_copy_once) {
    auto w = start(50);
    ASSERT_EQ(commit(*w), job_outcome::committed);
    fs::remove(path);
    EXPECT_EQ(commit(*w), job_outcome::storage_failed) << "a commit into the deleted file was acknowledged";
    auto copy = path + ".rescued-20261202-050017";
    auto s = w->stats();
    EXPECT_EQ(s.fault, storage_fault::moved);
    EXPECT_EQ(s.rescued_to, copy);
    EXPECT_NE(s.fault_error.find("saved in " + copy), std::string::npos) << s.fault_error;
    ASSERT_EQ(heard.size(), 1u);
    EXPECT_EQ(heard[0].first, copy);
    now += 60;
    EXPECT_EQ(commit(*w), job_outcome::storage_failed);
    EXPECT_EQ(heard.size(), 1u) << "a second copy was written";
    EXPECT_EQ(rescued_files().size(), 1u);
    w.reset();
    EXPECT_EQ(keys_in(copy), 50);
    auto advice = rescue_advice(path, copy, "");
    EXPECT_NE(advice.find("`cnscd-bot restore --from " + copy + "`"), std::string::npos) << advice;
}

// `rm` and a restart with no update in between: the copy is saved on the way out.
TEST_F(rescue_writer, a_file_deleted_with_no_commit_since_is_copied_when_the_writer_stops) {
    auto w = start(40);
    fs::remove(path);
    w->stop();
    auto copy = path + ".rescued-20261202-050017";
    ASSERT_EQ(heard.size(), 1u);
    EXPECT_EQ(heard[0].first, copy);
    w.reset();
    EXPECT_EQ(keys_in(copy), 40);
}

// Renamed, the file still holds everything under its new name: no copy, rename it back.
TEST_F(rescue_writer, a_renamed_file_is_not_copied) {
    auto w = start(5);
    fs::rename(path, path + ".aside");
    EXPECT_EQ(commit(*w), job_outcome::storage_failed);
    EXPECT_EQ(w->stats().rescued_to, "");
    EXPECT_TRUE(heard.empty());
    EXPECT_TRUE(rescued_files().empty());
    fs::rename(path + ".aside", path);
    EXPECT_EQ(commit(*w), job_outcome::committed);
}

TEST_F(rescue_writer, a_failed_copy_is_tried_again_once_the_folder_is_back) {
    path = dir + "/data/cnscd.db";
    auto w = start(20);
    fs::remove_all(dir + "/data");
    EXPECT_EQ(commit(*w), job_outcome::storage_failed);
    ASSERT_EQ(heard.size(), 1u);
    EXPECT_EQ(heard[0].first, "");
    EXPECT_NE(heard[0].second.find("no longer exists"), std::string::npos) << heard[0].second;
    EXPECT_NE(w->stats().rescue_error.find("no longer exists"), std::string::npos);

    fs::create_directories(dir + "/data");
    now += 5; // not every refused commit: a copy of a large file is not free
    EXPECT_EQ(commit(*w), job_outcome::storage_failed);
    EXPECT_EQ(heard.size(), 1u);
    now += 10;
    EXPECT_EQ(commit(*w), job_outcome::storage_failed);
    ASSERT_EQ(heard.size(), 2u);
    EXPECT_EQ(heard[1].first, path + ".rescued-20261202-050032");
    EXPECT_EQ(w->stats().rescue_error, "");
    w.reset();
    EXPECT_EQ(keys_in(heard[1].first), 20);
}

// After the bot stops, the deleted file's -wal and -shm are still at the path: restored without
// setting them aside, the next start would replay that log onto the copy.
TEST_F(rescue, restore_sets_aside_a_log_left_without_its_file) {
    std::string copy;
    {
        auto db = open_with(30);
        fs::remove(path);
        auto r = rescue_database(*db, noon_in_hanoi);
        ASSERT_TRUE(r.has_value()) << r.error();
        copy = *r;
    }
    std::ofstream(path + "-wal") << "a log of the deleted file";
    auto r = restore_database(copy, path, noon_in_hanoi + 3600);
    EXPECT_EQ(r.set_aside, path + ".before-restore-20261202-060017");
    EXPECT_EQ(read(r.set_aside + "-wal"), "a log of the deleted file");
    EXPECT_FALSE(fs::exists(path + "-wal"));
    EXPECT_EQ(keys_in(path), 30);
}

} // namespace
} // namespace cnscd
