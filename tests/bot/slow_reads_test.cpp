// A long read (a ward's year export) must not hold up the other updates: it runs beside the
// writer on the committed data, and what it returns reaches the outbox.

#include "bot/slow_reads.hpp"
#include "storage/database.hpp"
#include "storage/outbox.hpp"
#include "storage/update_log.hpp"
#include "storage/writer.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <future>

namespace cnscd {
namespace {

struct slow_reads_fixture : ::testing::Test {
    // One file per test: ctest runs them in parallel.
    std::string path =
        (std::filesystem::temp_directory_path() /
         ("cnscd_slow_reads_" + std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()) +
          ".db"))
            .string();
    fixed_clock clk{1795485600};
    std::unique_ptr<writer> db_writer;

    void SetUp() override {
        for (auto ext : {"", "-wal", "-shm"})
            std::filesystem::remove(path + ext);
        db_writer = std::make_unique<writer>(database::open(path), 64);
    }
    void TearDown() override {
        db_writer->stop();
        for (auto ext : {"", "-wal", "-shm"})
            std::filesystem::remove(path + ext);
    }
    // Commits one update key and waits for the commit.
    std::future<job_outcome> record(const std::string& key) {
        auto done = std::make_shared<std::promise<job_outcome>>();
        db_writer->submit([key](database& db) { update_log(db).record(channel::telegram, key, 1); },
                          [done](job_outcome o, const std::string&) { done->set_value(o); });
        return done->get_future();
    }
    std::vector<outbox_row> pending() {
        std::vector<outbox_row> rows;
        db_writer->run_sync([&](database& db) { rows = outbox(db).pending(); });
        return rows;
    }
};

TEST_F(slow_reads_fixture, other_updates_commit_while_a_read_runs_and_its_result_is_queued_after) {
    ASSERT_EQ(record("1").get(), job_outcome::committed);
    slow_reads reads(path, *db_writer, clk);
    std::promise<void> release;
    auto released = release.get_future().share();
    std::promise<void> started;
    reads.submit([&, released](database& db) {
        started.set_value();
        released.wait(); // a long export
        outgoing o;
        o.to = {channel::telegram, "-100"};
        o.text = update_log(db).contains(channel::telegram, "1") ? "saw the committed update"
                                                                 : "missed the committed update";
        return std::vector<outgoing>{o};
    });
    started.get_future().wait();
    // The writer goes on: these commit while the read is still running.
    for (int i = 2; i < 20; ++i) {
        auto f = record(std::to_string(i));
        ASSERT_EQ(f.wait_for(std::chrono::seconds(5)), std::future_status::ready) << "writer held up";
        EXPECT_EQ(f.get(), job_outcome::committed);
    }
    EXPECT_TRUE(pending().empty());
    release.set_value();
    reads.stop(); // finishes the read and hands its message to the writer
    auto rows = pending();
    ASSERT_EQ(rows.size(), 1u);
    EXPECT_EQ(rows[0].message.text, "saw the committed update");
}

TEST_F(slow_reads_fixture, a_read_that_throws_sends_nothing_and_the_next_one_still_runs) {
    slow_reads reads(path, *db_writer, clk);
    reads.submit([](database&) -> std::vector<outgoing> { throw std::runtime_error("broken export"); });
    reads.submit([](database&) {
        outgoing o;
        o.to = {channel::telegram, "7"};
        o.text = "second";
        return std::vector<outgoing>{o};
    });
    reads.stop();
    auto rows = pending();
    ASSERT_EQ(rows.size(), 1u);
    EXPECT_EQ(rows[0].message.text, "second");
}

} // namespace
} // namespace cnscd
