#pragma once

// The roster the visit handler tests start from: a ward with two teams, team 1's leader and one
// of its members, linked to Telegram as "100" and "102". A fixture derives from it and adds the
// people its own tests need; bases are built first, so the record ids stay as they were.

#include "tests/support/test_bot.hpp"

namespace cnscd::test {

struct team_one_roster {
    test_bot bot;
    std::int64_t ward = bot.ward("Phường Hòa Xuân");
    std::int64_t team1 = bot.team(ward, "Tổ dân phố số 1");
    std::int64_t team2 = bot.team(ward, "Tổ dân phố số 2");
    std::int64_t leader = bot.member(ward, team1, "Trần Văn Bình", "leader", "100");
    std::int64_t member = bot.member(ward, team1, "Phạm Thị Dung", "member", "102");
};

} // namespace cnscd::test
