#pragma once

// The roster the registry tests act on: a ward with two teams, team 1's leader, deputy and a
// member, team 2's leader and one ward staff member, each linked to Telegram and with a phone.

#include "storage/registry.hpp"
#include "tests/support/test_bot.hpp"

#include <string>

namespace cnscd::test {

struct two_team_ward {
    test_bot bot;
    std::int64_t ward = bot.ward("Phường Hòa Xuân");
    std::int64_t team1 = bot.team(ward, "Tổ dân phố số 1");
    std::int64_t team2 = bot.team(ward, "Tổ dân phố số 2");
    std::int64_t leader = bot.member(ward, team1, "Trần Văn Bình", "leader", "100", "+84905100001");
    std::int64_t deputy = bot.member(ward, team1, "Lê Thị Cúc", "deputy", "101", "+84905100002");
    std::int64_t member = bot.member(ward, team1, "Phạm Thị Dung", "member", "102", "+84905100004");
    std::int64_t other_leader = bot.member(ward, team2, "Võ Thị Giang", "leader", "200", "+84905100006");
    std::int64_t staff = bot.member(ward, 0, "Ngô Thị Hạnh", "ward_staff", "900", "+84905999001");

    // How many audit entries record `action`.
    std::size_t audits(const std::string& action) {
        std::size_t n = 0;
        for (auto& e : audit_log(*bot.db).recent(1000))
            n += e.action == action;
        return n;
    }
};

} // namespace cnscd::test
