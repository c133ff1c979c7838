// Times reminder planning (the scheduler's per-tick work) for one ward of N teams, each with
// a bound group and a linked leader, on the built-in calendar, in an in-memory database.
//   reminder_bench [teams]
// Prints the time of ticks that send reminders and of idle ticks right after them.

#include "handlers/reminder_planning.hpp"
#include "storage/database.hpp"
#include "storage/registry.hpp"

#include <chrono>
#include <cstdio>
#include <string>

using namespace cnscd;

int main(int argc, char** argv) {
    int teams = argc > 1 ? std::stoi(argv[1]) : 1000;
    auto db = database::open(":memory:");
    config cfg;
    db->in_transaction([&] {
        auto ward = ward_store(*db).ensure("Phường Bench", 0);
        for (int i = 0; i < teams; ++i) {
            auto team = team_store(*db).insert(ward, "Tổ " + std::to_string(i + 1), 0);
            member_record m;
            m.ward_id = ward;
            m.team_id = team;
            m.full_name = "Tổ trưởng " + std::to_string(i + 1);
            m.role = "leader";
            auto id = member_store(*db).insert(m, 0);
            member_store(*db).link_account(channel::telegram, std::to_string(100000 + i), id, "bench", 0);
            group_binding g;
            g.chat = {channel::telegram, "-" + std::to_string(100000 + i)};
            g.ward_id = ward;
            g.team_id = team;
            group_store(*db).bind(g, std::nullopt, 0);
        }
    });
    local_time vn{cfg.utc_offset_minutes};
    using namespace std::chrono;
    // 22/12/2026 08:00: the monthly 3-day reminder and the quarter's third overdue day.
    auto base = vn.at(year_month_day{year{2026}, December, day{22}}, 8, 0);
    for (auto t : {base, base + 30, base + 60, base + 86400, base + 86400 + 30}) {
        auto start = steady_clock::now();
        std::size_t sent = 0;
        db->in_transaction([&] { sent = plan_reminders(*db, cfg, t).messages.size(); });
        auto ms = duration<double, std::milli>(steady_clock::now() - start).count();
        std::printf("%d teams, tick at +%lld s: %zu messages queued, %.1f ms\n", teams,
                    static_cast<long long>(t - base), sent, ms);
    }
}
