// Times the stats answers the way a user gets them: a staff or leader message through the
// real dispatcher on a database made by bench/gen_visits.sh. Prints p50/p99 per command.
//   stats_bench DB_FILE [runs]

#include "handlers/dispatch.hpp"
#include "storage/database.hpp"
#include "storage/registry.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <random>
#include <string>
#include <vector>

using namespace cnscd;

namespace {

// 2026-11-24 09:00 in Vietnam.
constexpr std::int64_t bench_now = 1795485600;

struct result {
    double p50 = 0, p99 = 0, max = 0;
};

result percentiles(std::vector<double> ms) {
    std::sort(ms.begin(), ms.end());
    auto at = [&](double q) { return ms[std::min(ms.size() - 1, static_cast<std::size_t>(q * ms.size()))]; };
    return {at(0.5), at(0.99), ms.back()};
}

} // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: stats_bench DB_FILE [runs]\n");
        return 2;
    }
    int runs = argc > 2 ? std::atoi(argv[2]) : 200;
    auto db = database::open(argv[1]);
    config cfg;
    fixed_clock clk(bench_now);
    dispatch_env env{cfg, clk, "bench_bot"};

    // One staff account per ward and one leader account per team, linked to console users.
    auto wards = ward_store(*db).all();
    db->in_transaction([&] {
        member_store members(*db);
        for (auto& w : wards) {
            auto user = "staff-" + std::to_string(w.id);
            if (members.by_account(channel::console, user))
                continue;
            member_record m;
            m.ward_id = w.id;
            m.full_name = "Cán bộ " + w.name;
            m.role = "ward_staff";
            m.phone = "+8499" + std::to_string(1000000 + w.id);
            members.link_account(channel::console, user, members.insert(m, bench_now), "console", bench_now);
        }
    });
    std::mt19937 rng(7);
    std::int64_t update = 0;
    auto time_command = [&](const std::string& text, bool staff) {
        std::vector<double> ms;
        for (int i = 0; i < runs; ++i) {
            incoming in;
            in.chat = {channel::console, ""};
            if (staff) {
                in.user_id = "staff-" + std::to_string(wards[rng() % wards.size()].id);
            } else {
                // the leader of a random team: members 1..4000 are leaders in gen_visits.sh
                auto leader = 1 + static_cast<std::int64_t>(rng() % 4000);
                in.user_id = "leader-" + std::to_string(leader);
                db->in_transaction([&] {
                    member_store members(*db);
                    if (!members.by_account(channel::console, in.user_id))
                        members.link_account(channel::console, in.user_id, leader, "console", bench_now);
                });
            }
            in.chat.chat_id = in.user_id;
            in.update_key = std::to_string(++update);
            in.text = text;
            auto t0 = std::chrono::steady_clock::now();
            db->begin();
            auto r = dispatch_unlogged(in, *db, env);
            db->rollback(); // leave the database as generated
            auto t1 = std::chrono::steady_clock::now();
            if (r.replies == 0 || r.handler_failed) {
                std::fprintf(stderr, "%s: no answer (%s)\n", text.c_str(), r.error.c_str());
                std::exit(1);
            }
            ms.push_back(std::chrono::duration<double, std::milli>(t1 - t0).count());
        }
        auto p = percentiles(ms);
        std::printf("%-24s %-7s runs=%d p50=%.2f ms p99=%.2f ms max=%.2f ms\n", text.c_str(),
                    staff ? "staff" : "leader", runs, p.p50, p.p99, p.max);
    };
    for (auto* text : {"/thongke phuong", "/thongke phuong quy", "/thongke phuong nam", "/xephang phuong"})
        time_command(text, true);
    for (auto* text : {"/thongke", "/thongke nam", "/toi nam"})
        time_command(text, false);
    return 0;
}
