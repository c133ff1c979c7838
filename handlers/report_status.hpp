#pragma once

// Which teams are behind on the current report: what "/thongbao chua-bao-cao" targets.

#include "config/config.hpp"
#include "handlers/reporting_calendar.hpp"

#include <cstdint>
#include <vector>

namespace cnscd {

class database;

// The teams' report currently due: of the open ones, the one due first.
std::optional<deadline_instance> team_report_due(database& db, const config& cfg, std::int64_t ward_id,
                                                 std::int64_t now);

// Active teams of the ward that have not submitted the report currently due.
std::vector<std::int64_t> teams_not_reported(database& db, const config& cfg, std::int64_t ward_id,
                                             std::int64_t now);

} // namespace cnscd
