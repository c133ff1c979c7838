#pragma once

// A report's figures: totals of the logged visits and sessions in a period, as shown to
// users and as stored (JSON) with a submission.

#include "config/config.hpp"
#include "handlers/clock.hpp"
#include "handlers/reporting_calendar.hpp"
#include "messages/catalog.hpp"
#include "storage/registry.hpp"
#include "storage/visit_store.hpp"

#include <chrono>
#include <string>

namespace cnscd {

class database;

day_range range_of(const report_period& p);
activity_totals team_figures(database& db, std::int64_t team_id, const report_period& p);
activity_totals ward_figures(database& db, std::int64_t ward_id, const report_period& p);

std::string figures_json(const activity_totals& t, const report_period& p);
// What a submission stored (figures_json); empty totals if the text is not such JSON.
activity_totals figures_from_json(const std::string& json);
// Whether two sets of figures differ in what a report states.
bool figures_differ(const activity_totals& a, const activity_totals& b);
// Whether `m` counts among a team's members for figures up to `last`: on the team by that day
// (who joined later owed it nothing). Among a ward's: on one of its teams by then (moved since
// still counts). /thongke and the reports count by these, so their totals agree.
bool on_team_by(const member_record& m, std::chrono::year_month_day last, const local_time& zone);
bool in_a_team_by(const member_record& m, std::chrono::year_month_day last, const local_time& zone);
// How many members a team's (a ward's) figures are out of, as /thongke counts them: who was on
// the team (on a team) by the period's last day, and who logged in it and has left since.
std::int64_t team_members_total(database& db, std::int64_t team_id, const report_period& p,
                                const local_time& zone);
std::int64_t ward_members_total(database& db, std::int64_t ward_id, const report_period& p,
                                const local_time& zone);
// The figures block of a report message (HTML-lite); active members are shown out of
// `members_total` when it is known (not 0).
std::string figures_text(language lang, const activity_totals& t, std::int64_t members_total = 0);
// Progress against the ward's targets whose period matches the report's kind, one line each;
// `share` scales the ward's goals to one team's part.
std::string targets_text(language lang, const activity_totals& t, const std::vector<target_config>& targets,
                         const std::string& deadline_kind, double share = 1.0);
// A team's part of the ward's goals: by households when every active team has its count,
// else an equal part.
double team_share(database& db, std::int64_t ward_id, std::int64_t team_id);

} // namespace cnscd
