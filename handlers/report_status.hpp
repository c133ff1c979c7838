#pragma once

// Which teams are behind on the current report: what "/thongbao chua-bao-cao" targets.

#include "config/config.hpp"
#include "handlers/reporting_calendar.hpp"
#include "storage/registry.hpp"
#include "storage/report_store.hpp"

#include <cstdint>
#include <vector>

namespace cnscd {

class database;

// Does the team owe this occurrence? Not one whose deadline passed before the team came into the
// bot's records: a ward that starts in December is not asked for the year's report due 29/11.
bool team_owes(const team_record& team, const deadline_instance& d);
// The teams of `teams` that owe `d`.
std::vector<team_record> teams_owing(const std::vector<team_record>& teams, const deadline_instance& d);

// The ward's completeness for one occurrence: the teams it counts are those that owe it, and any
// that sent it anyway (a team added after the deadline may still submit while it is open).
struct ward_tally {
    std::vector<team_record> counted;
    std::vector<team_record> missing; // counted, not submitted, in the ward's team order
    int on_time = 0;
    int late = 0;
    int submitted() const { return on_time + late; }
};
ward_tally tally_ward(const std::vector<team_record>& teams, const deadline_instance& d,
                      const std::vector<report_submission>& submitted);

// Of `open` (soonest deadline first), the reports some team of the ward owes and has not sent.
std::vector<deadline_instance> still_owed_by_teams(database& db, std::int64_t ward_id,
                                                   const std::vector<team_record>& teams,
                                                   const std::vector<deadline_instance>& open);

// The teams' report currently due: of the open ones some team owes, the one due first that a
// team has not sent (else the one due first).
std::optional<deadline_instance> team_report_due(database& db, const config& cfg, std::int64_t ward_id,
                                                 std::int64_t now);

// Active teams of the ward that owe the report currently due and have not submitted it.
std::vector<std::int64_t> teams_not_reported(database& db, const config& cfg, std::int64_t ward_id,
                                             std::int64_t now);

} // namespace cnscd
