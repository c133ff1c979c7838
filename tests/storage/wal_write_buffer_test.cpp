// The writer's log writes are held in memory until the commit syncs them
// (storage/wal_write_buffer.cpp). What must not change: another process never sees half a
// commit, a rolled-back transaction leaves nothing, and a commit that returned survives the
// process being killed the next instant.

#include "storage/database.hpp"
#include "storage/meta_store.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <csignal>
#include <filesystem>
#include <sqlite3.h>
#include <stdexcept>
#include <string>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

namespace cnscd {
namespace {

struct wal_write_buffer : ::testing::Test {
    std::string path =
        (std::filesystem::temp_directory_path() / ("cnscd-wal-buffer-" + std::to_string(::getpid()) + ".db"))
            .string();
    void SetUp() override {
        remove_files();
        database::open(path); // schema
    }
    void TearDown() override { remove_files(); }
    void remove_files() {
        for (auto ext : {"", "-wal", "-shm"})
            std::filesystem::remove(path + ext);
    }
};

// Another process's view: SQLite's own VFS, no code of ours.
struct plain_connection {
    sqlite3* db = nullptr;
    explicit plain_connection(const std::string& path) {
        if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK)
            throw std::runtime_error("cannot open " + path);
        sqlite3_busy_timeout(db, 5000);
    }
    ~plain_connection() { sqlite3_close(db); }
    void exec(const char* sql) {
        if (sqlite3_exec(db, sql, nullptr, nullptr, nullptr) != SQLITE_OK)
            throw std::runtime_error(sqlite3_errmsg(db));
    }
    std::int64_t number(const char* sql) {
        sqlite3_stmt* st = nullptr;
        if (sqlite3_prepare_v2(db, sql, -1, &st, nullptr) != SQLITE_OK)
            throw std::runtime_error(sqlite3_errmsg(db));
        int rc = sqlite3_step(st);
        std::int64_t v = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : -1;
        sqlite3_finalize(st);
        if (rc != SQLITE_ROW)
            throw std::runtime_error(sqlite3_errmsg(db));
        return v;
    }
    std::string text(const char* sql) {
        sqlite3_stmt* st = nullptr;
        sqlite3_prepare_v2(db, sql, -1, &st, nullptr);
        std::string v =
            sqlite3_step(st) == SQLITE_ROW ? reinterpret_cast<const char*>(sqlite3_column_text(st, 0)) : "";
        sqlite3_finalize(st);
        return v;
    }
};

// Transaction i writes rows_in(i) rows of 3 KB: most commits are over one 124 KiB write, every
// tenth is over the 1 MiB the buffer holds, every seventh is rolled back.
int rows_in(int i) {
    return i % 10 == 0 ? 400 : 40;
}
bool rolled_back(int i) {
    return i % 7 == 3;
}
std::int64_t rows_after(int last) {
    std::int64_t n = 0;
    for (int i = 1; i <= last; ++i)
        if (!rolled_back(i))
            n += rows_in(i);
    return n;
}
void write_transaction(database& db, int i) {
    db.begin();
    meta_store meta(db);
    for (int j = 0; j < rows_in(i); ++j)
        meta.set("bulk." + std::to_string(i) + "." + std::to_string(j),
                 std::string(3000, static_cast<char>('a' + i % 26)));
    meta.set("last", std::to_string(rolled_back(i) ? i - 1 : i));
    if (rolled_back(i))
        db.rollback();
    else
        db.commit();
}

TEST_F(wal_write_buffer, another_process_sees_every_commit_whole_and_no_rolled_back_row) {
    constexpr int transactions = 60;
    std::atomic<bool> done{false};
    std::atomic<int> reads{0};
    std::string problem;
    std::thread reader([&] {
        try {
            plain_connection other(path);
            while (!done) {
                other.exec("BEGIN"); // both reads from one snapshot
                auto last_text = other.text("SELECT value FROM meta WHERE key = 'last'");
                int last = last_text.empty() ? 0 : std::stoi(last_text);
                auto rows = other.number("SELECT count(*) FROM meta WHERE key LIKE 'bulk.%'");
                other.exec("COMMIT");
                if (rows != rows_after(last)) {
                    problem = "after transaction " + std::to_string(last) + " saw " + std::to_string(rows) +
                              " rows, expected " + std::to_string(rows_after(last));
                    return;
                }
                ++reads;
            }
        } catch (const std::exception& e) {
            problem = e.what();
        }
    });
    {
        auto db = database::open(path);
        for (int i = 1; i <= transactions; ++i)
            write_transaction(*db, i);
    }
    done = true;
    reader.join();
    EXPECT_EQ(problem, "");
    EXPECT_GT(reads.load(), 0);

    plain_connection after(path);
    EXPECT_EQ(after.number("SELECT count(*) FROM meta WHERE key LIKE 'bulk.%'"), rows_after(transactions));
    EXPECT_EQ(after.text("PRAGMA integrity_check"), "ok");
}

TEST_F(wal_write_buffer, a_commit_that_returned_survives_a_kill_the_next_instant) {
    int fds[2];
    ASSERT_EQ(::pipe(fds), 0);
    pid_t child = ::fork();
    ASSERT_GE(child, 0);
    if (child == 0) {
        ::close(fds[0]);
        auto db = database::open(path);
        for (int i = 1;; ++i) {
            write_transaction(*db, i);
            if (!rolled_back(i) && ::write(fds[1], &i, sizeof i) != sizeof i)
                ::_exit(1);
        }
    }
    ::close(fds[1]);
    int committed = 0, got = 0;
    while (committed < 25 && ::read(fds[0], &got, sizeof got) == sizeof got)
        committed = got;
    ::kill(child, SIGKILL); // mid-way through the next transaction, or between two
    ::waitpid(child, nullptr, 0);
    while (::read(fds[0], &got, sizeof got) == sizeof got)
        committed = got; // commits reported before the kill landed
    ::close(fds[0]);
    ASSERT_GE(committed, 25);

    auto db = database::open(path); // recovers the log
    int last = std::stoi(meta_store(*db).get("last").value());
    EXPECT_GE(last, committed);
    plain_connection after(path);
    EXPECT_EQ(after.number("SELECT count(*) FROM meta WHERE key LIKE 'bulk.%'"), rows_after(last));
    EXPECT_EQ(after.text("PRAGMA integrity_check"), "ok");
}

} // namespace
} // namespace cnscd
