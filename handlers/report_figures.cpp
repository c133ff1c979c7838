#include "handlers/report_figures.hpp"

#include "messages/report_texts.hpp"
#include "messages/topics.hpp"
#include "storage/registry.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <set>

namespace cnscd {

day_range range_of(const report_period& p) {
    return {iso_date(p.first), iso_date(p.last)};
}

activity_totals team_figures(database& db, std::int64_t team_id, const report_period& p) {
    return visit_store(db).team_totals_in(team_id, range_of(p));
}

activity_totals ward_figures(database& db, std::int64_t ward_id, const report_period& p) {
    return visit_store(db).ward_totals_in(ward_id, range_of(p));
}

std::string figures_json(const activity_totals& t, const report_period& p) {
    nlohmann::json j{{"from", iso_date(p.first)},
                     {"to", iso_date(p.last)},
                     {"visits", t.visits},
                     {"people", t.people},
                     {"sessions", t.sessions},
                     {"attendees", t.attendees},
                     {"active_members", t.active_members},
                     {"with_evidence", t.with_evidence}};
    auto topics = nlohmann::json::object();
    for (auto& [code, tt] : t.topics)
        topics[code] = {{"records", tt.records}, {"people", tt.people}};
    j["topics"] = topics;
    return j.dump();
}

activity_totals figures_from_json(const std::string& json) {
    activity_totals t;
    auto j = nlohmann::json::parse(json, nullptr, false);
    if (!j.is_object())
        return t;
    auto number = [&](const nlohmann::json& o, const char* key) {
        auto it = o.find(key);
        return it != o.end() && it->is_number_integer() ? it->get<std::int64_t>() : std::int64_t{0};
    };
    t.visits = number(j, "visits");
    t.people = number(j, "people");
    t.sessions = number(j, "sessions");
    t.attendees = number(j, "attendees");
    t.active_members = number(j, "active_members");
    t.with_evidence = number(j, "with_evidence");
    if (auto it = j.find("topics"); it != j.end() && it->is_object())
        for (auto& [code, v] : it->items())
            if (v.is_object())
                t.topics[code] = {number(v, "records"), number(v, "people")};
    return t;
}

bool figures_differ(const activity_totals& a, const activity_totals& b) {
    auto topics = [](const activity_totals& t) {
        std::map<std::string, std::pair<std::int64_t, std::int64_t>> m;
        for (auto& [code, tt] : t.topics)
            m[code] = {tt.records, tt.people};
        return m;
    };
    return a.visits != b.visits || a.people != b.people || a.sessions != b.sessions ||
           a.attendees != b.attendees || a.active_members != b.active_members || topics(a) != topics(b);
}

bool on_team_by(const member_record& m, std::chrono::year_month_day last, const local_time& zone) {
    return !m.team_since || std::chrono::sys_days{zone.date_of(*m.team_since)} <= std::chrono::sys_days{last};
}

bool in_a_team_by(const member_record& m, std::chrono::year_month_day last, const local_time& zone) {
    // On some team of the ward since coming into its records.
    return m.team_id && (!m.team_since ||
                         std::chrono::sys_days{zone.date_of(m.created_at)} <= std::chrono::sys_days{last});
}

namespace {

// Members on the list by the period's last day, plus those who logged in it and are not on the
// list (left or moved since): the active ones are never more than the total.
std::int64_t members_total(const std::vector<member_record>& members, const std::vector<std::int64_t>& logged,
                           const report_period& p, const local_time& zone, bool need_team) {
    std::set<std::int64_t> counted;
    for (auto& m : members)
        if (m.active && (need_team ? in_a_team_by(m, p.last, zone) : on_team_by(m, p.last, zone)))
            counted.insert(m.id);
    auto total = static_cast<std::int64_t>(counted.size());
    for (auto id : logged)
        total += counted.contains(id) ? 0 : 1;
    return total;
}

} // namespace

std::int64_t team_members_total(database& db, std::int64_t team_id, const report_period& p,
                                const local_time& zone) {
    std::vector<std::int64_t> logged;
    for (auto& mt : visit_store(db).members_of_team(team_id, range_of(p)))
        logged.push_back(mt.member_id);
    return members_total(member_store(db).in_team(team_id), logged, p, zone, false);
}

std::int64_t ward_members_total(database& db, std::int64_t ward_id, const report_period& p,
                                const local_time& zone) {
    return members_total(member_store(db).in_ward(ward_id),
                         visit_store(db).members_active_in_ward(ward_id, range_of(p)), p, zone, true);
}

std::string figures_text(language lang, const activity_totals& t, std::int64_t members_total) {
    auto out = say(lang, report_text::figures,
                   {{"visits", format_count(lang, t.visits)},
                    {"people", format_count(lang, t.people)},
                    {"sessions", format_count(lang, t.sessions)},
                    {"attendees", format_count(lang, t.attendees)}});
    // Out of how many, as /thongke says it: "1" alone does not tell a good month from a bad one.
    out += "\n" + say(lang, members_total > 0 ? report_text::figure_active_of : report_text::figure_active,
                      {{"active", format_count(lang, t.active_members)},
                       {"total", format_count(lang, members_total)}});
    if (t.with_evidence > 0)
        out += "\n" + say(lang, report_text::figure_evidence,
                          {{"with", format_count(lang, t.with_evidence)},
                           {"records", format_count(lang, t.visits + t.sessions)}});
    if (!t.topics.empty()) {
        out += "\n" + say(lang, report_text::figures_topics);
        // In the catalog's order, so every report lists topics the same way.
        for (auto& topic : all_topics()) {
            auto it = t.topics.find(std::string(topic.code));
            if (it == t.topics.end())
                continue;
            out += "\n" + say(lang, report_text::figure_topic,
                              {{"topic", lang == language::vi ? topic.name_vi : topic.name_en},
                               {"records", format_count(lang, it->second.records)},
                               {"people", format_count(lang, it->second.people)}});
        }
    }
    return out;
}

double team_share(database& db, std::int64_t ward_id, std::int64_t team_id) {
    auto teams = team_store(db).in_ward(ward_id);
    if (teams.empty())
        return 1.0;
    std::int64_t total = 0, mine = 0;
    for (auto& t : teams) {
        if (!t.households || *t.households <= 0)
            return 1.0 / static_cast<double>(teams.size());
        total += *t.households;
        if (t.id == team_id)
            mine = *t.households;
    }
    return static_cast<double>(mine) / static_cast<double>(total);
}

std::string targets_text(language lang, const activity_totals& t, const std::vector<target_config>& targets,
                         const std::string& deadline_kind, double share) {
    std::string per = deadline_kind == "monthly"     ? "month"
                      : deadline_kind == "quarterly" ? "quarter"
                                                     : "year";
    std::string out;
    for (auto& target : targets) {
        if (target.goal <= 0 || target.per != per)
            continue;
        std::int64_t value = 0;
        if (target.metric == "households")
            value = t.visits;
        else if (target.metric == "people")
            value = t.people + t.attendees;
        else if (target.metric == "sessions")
            value = t.sessions;
        else if (target.metric.starts_with("topic:")) {
            auto it = t.topics.find(target.metric.substr(6));
            value = it == t.topics.end() ? 0 : it->second.people;
        }
        auto goal = std::max<std::int64_t>(1, std::llround(target.goal * share));
        out += "\n" +
               say(lang, report_text::figure_target,
                   {{"target", target.name.empty() ? target.code : target.name},
                    {"value", format_count(lang, value)},
                    {"goal", format_count(lang, goal)},
                    {"percent", static_cast<std::int64_t>(value * 100 / std::max<std::int64_t>(goal, 1))}});
    }
    return out;
}

} // namespace cnscd
