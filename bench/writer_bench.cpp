// The writer's share of one webhook update, without HTTP: parses peer-benchmark updates
// (`/tham@bench_bot ...` in 100 supergroups from 1,000 users) and runs them through the real
// writer and dispatcher on a file database with fsync, keeping `in_flight` updates queued the
// way that many webhook connections would. Prints CPU microseconds per update (parse, and
// writer) and the wall rate, so a change to the hot path can be measured without the noise
// of the load generator and the fake API sharing the two cores.
//   writer_bench DB_FILE [updates] [in_flight]
// DB_FILE should be seeded with bench/peer_bench_seed.sh (else every /tham is "not linked").

#include "bot/system_clock.hpp"
#include "bot/telegram/telegram_adapter.hpp"
#include "config/config.hpp"
#include "handlers/dispatch.hpp"
#include "storage/database.hpp"
#include "storage/writer.hpp"

#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <ctime>
#include <fstream>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

using namespace cnscd;

namespace {

double cpu_seconds(clockid_t clock) {
    timespec ts{};
    clock_gettime(clock, &ts);
    return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) / 1e9;
}

// The body the shared benchmark's wrk script sends (../shared/peer-bench/load/update.lua).
std::string update_body(std::int64_t id) {
    static const char* streets[] = {"Lê Lợi", "Trần Hưng Đạo", "Nguyễn Trãi", "Hai Bà Trưng"};
    auto chat = -1001000000001 - (id % 100);
    auto user = 700000001 + (id * 7919 % 1000);
    std::string text = "/tham@bench_bot số " + std::to_string(id % 200 + 1) + " ngõ " +
                       std::to_string(id % 30 + 1) + " " + streets[id % 4] + ", hướng dẫn VNeID " +
                       std::to_string(id % 5 + 1) + " người";
    return R"({"update_id":)" + std::to_string(id) + R"(,"message":{"message_id":)" + std::to_string(id) +
           R"(,"from":{"id":)" + std::to_string(user) +
           R"(,"is_bot":false,"first_name":"Bench"},"chat":{"id":)" + std::to_string(chat) +
           R"(,"title":"Bench group","type":"supergroup"},"date":1795485600,"text":")" + text +
           R"(","entities":[{"offset":0,"length":15,"type":"bot_command"}]}})";
}

// Bytes this process has written so far (WAL frames, mostly).
long long bytes_written() {
    std::ifstream io("/proc/self/io");
    std::string key;
    long long value = 0;
    while (io >> key >> value)
        if (key == "wchar:")
            return value;
    return 0;
}

} // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: writer_bench DB_FILE [updates] [in_flight]\n");
        return 2;
    }
    int updates = argc > 2 ? std::atoi(argv[2]) : 50000;
    int in_flight = argc > 3 ? std::atoi(argv[3]) : 32;
    config cfg;
    cnscd::system_clock clk;
    dispatch_env env{cfg, clk, "bench_bot"};
    auto db = database::open(argv[1]);
    db->track_roster(); // as `serve` does
    writer w(std::move(db), cfg.storage.max_batch);

    std::vector<std::string> bodies;
    bodies.reserve(static_cast<std::size_t>(updates));
    auto base = static_cast<std::int64_t>(std::time(nullptr)) * 1000;
    for (int i = 0; i < updates; ++i)
        bodies.push_back(update_body(base + i));

    std::vector<incoming> parsed;
    parsed.reserve(bodies.size());
    auto parse_start = cpu_seconds(CLOCK_THREAD_CPUTIME_ID);
    for (auto& b : bodies)
        parsed.push_back(*telegram::parse_update(b, "bench_bot"));
    auto parse_cpu = cpu_seconds(CLOCK_THREAD_CPUTIME_ID) - parse_start;

    std::mutex m;
    std::condition_variable cv;
    int pending = 0, done = 0, failed = 0;
    auto wall_start = std::chrono::steady_clock::now();
    // CPU of the writer's thread alone: read on that thread before and after.
    double cpu_start = 0, cpu_end = 0;
    w.run_sync([&](database&) { cpu_start = cpu_seconds(CLOCK_THREAD_CPUTIME_ID); });
    auto main_start = cpu_seconds(CLOCK_THREAD_CPUTIME_ID);
    auto written_start = bytes_written();
    for (auto& in : parsed) {
        {
            std::unique_lock lock(m);
            cv.wait(lock, [&] { return pending < in_flight; });
            ++pending;
        }
        // As bot/ingest.cpp does: the command is read before the update is queued.
        auto cmd = std::make_shared<std::optional<command>>(read_command(in, env));
        w.submit([&env, cmd, in = std::move(in)](database& db) { dispatch(in, db, env, std::move(*cmd)); },
                 [&](job_outcome o, const std::string&) {
                     std::lock_guard lock(m);
                     --pending;
                     ++done;
                     failed += o != job_outcome::committed;
                     cv.notify_one();
                 });
    }
    {
        std::unique_lock lock(m);
        cv.wait(lock, [&] { return done == updates; });
    }
    auto wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - wall_start).count();
    w.run_sync([&](database&) { cpu_end = cpu_seconds(CLOCK_THREAD_CPUTIME_ID); });
    auto cpu = cpu_end - cpu_start;
    auto main_cpu = cpu_seconds(CLOCK_THREAD_CPUTIME_ID) - main_start;
    auto written = bytes_written() - written_start;
    auto stats = w.stats();
    w.stop();
    std::printf("updates %d, in flight %d, failed %d, commits %llu\n", updates, in_flight, failed,
                static_cast<unsigned long long>(stats.commits));
    std::printf("parse_update: %.1f us/update\n", parse_cpu * 1e6 / updates);
    std::printf("writer (dispatch + commit): %.1f us CPU/update, %.0f updates/s wall\n", cpu * 1e6 / updates,
                updates / wall);
    std::printf("queueing thread (read_command + submit): %.1f us CPU/update\n", main_cpu * 1e6 / updates);
    std::printf("written: %.1f KiB/commit, %.0f bytes/update\n",
                written / 1024.0 / static_cast<double>(stats.commits),
                static_cast<double>(written) / updates);
}
