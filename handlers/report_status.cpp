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

std::vector<deadline_instance> still_owed_by_teams(database& db, std::int64_t ward_id,
                                                   const std::vector<team_record>& teams,
                                                   const std::vector<deadline_instance>& open) {
    report_store reports(db);
    std::vector<deadline_instance> out;
    for (auto& d : open)
        if (!tally_ward(teams, d, reports.current_of_ward(ward_id, d.rule.code, d.period.key))
                 .missing.empty())
            out.push_back(d);
    return out;
}

// "The report currently due" for the ward: of its open team occurrences (not locked, period
// started), the one due first that some team owes and has not sent, as "/baocao phuong" opens;
// when every team has sent them all, the one due first that some team owes. One due before every
// team came is nobody's: a ward that starts with the bot in a report's grace days means the next
// report, not "every team has submitted".
std::optional<deadline_instance> team_report_due(database& db, const config& cfg, std::int64_t ward_id,
                                                 std::int64_t now) {
    auto ward = ward_store(db).by_id(ward_id);
    if (!ward)
        return std::nullopt;
    auto teams = team_store(db).in_ward(ward_id);
    local_time zone{cfg.utc_offset_minutes};
    std::vector<deadline_instance> owed; // soonest deadline first
    for (auto& rule : ward_deadlines(db, cfg, *ward))
        if (auto d = rule.who == "team" ? open_instance(rule, now, zone) : std::nullopt;
            d && !teams_owing(teams, *d).empty())
            owed.push_back(std::move(*d));
    std::stable_sort(owed.begin(), owed.end(), [](auto& a, auto& b) { return a.due_at < b.due_at; });
    if (auto pending = still_owed_by_teams(db, ward_id, teams, owed); !pending.empty())
        return pending.front();
    return owed.empty() ? std::nullopt : std::optional(owed.front());
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
