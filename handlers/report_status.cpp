#include "handlers/report_status.hpp"

#include "handlers/reminder_planning.hpp"
#include "storage/registry.hpp"
#include "storage/report_store.hpp"

#include <algorithm>
#include <set>

namespace cnscd {

bool team_owes(const team_record& team, const deadline_instance& d) {
    return team.created_at <= d.due_at;
}

std::vector<team_record> teams_owing(const std::vector<team_record>& teams, const deadline_instance& d) {
    std::vector<team_record> out;
    for (auto& t : teams)
        if (team_owes(t, d))
            out.push_back(t);
    return out;
}

ward_tally tally_ward(const std::vector<team_record>& teams, const deadline_instance& d,
                      const std::vector<report_submission>& submitted) {
    ward_tally out;
    for (auto& t : teams) {
        auto it =
            std::find_if(submitted.begin(), submitted.end(), [&](auto& s) { return s.team_id == t.id; });
        if (it == submitted.end() && !team_owes(t, d))
            continue;
        out.counted.push_back(t);
        if (it == submitted.end())
            out.missing.push_back(t);
        else
            (it->on_time ? out.on_time : out.late)++;
    }
    return out;
}

// "The report currently due" for the ward: of its open team occurrences (not locked, period
// started) that some team owes, the one due first. (A team's /baocao also skips what that team has
// submitted.) One due before every team came is nobody's: a ward that starts with the bot in a
// report's grace days means the next report, not "every team has submitted".
std::optional<deadline_instance> team_report_due(database& db, const config& cfg, std::int64_t ward_id,
                                                 std::int64_t now) {
    auto ward = ward_store(db).by_id(ward_id);
    if (!ward)
        return std::nullopt;
    auto teams = team_store(db).in_ward(ward_id);
    local_time zone{cfg.utc_offset_minutes};
    std::optional<deadline_instance> due;
    for (auto& rule : ward_deadlines(db, cfg, *ward)) {
        if (rule.who != "team")
            continue;
        auto d = open_instance(rule, now, zone);
        if (d && !teams_owing(teams, *d).empty() && (!due || d->due_at < due->due_at))
            due = d;
    }
    return due;
}

std::vector<std::int64_t> teams_not_reported(database& db, const config& cfg, std::int64_t ward_id,
                                             std::int64_t now) {
    std::vector<std::int64_t> out;
    auto due = team_report_due(db, cfg, ward_id, now);
    std::set<std::int64_t> submitted;
    if (due)
        for (auto& s : report_store(db).current_of_ward(ward_id, due->rule.code, due->period.key))
            if (s.team_id)
                submitted.insert(*s.team_id);
    for (auto& t : team_store(db).in_ward(ward_id))
        if (!submitted.contains(t.id) && (!due || team_owes(t, *due)))
            out.push_back(t.id);
    return out;
}

} // namespace cnscd
