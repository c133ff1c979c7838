#include "handlers/report_export.hpp"

#include "handlers/member_lookup.hpp"
#include "handlers/period.hpp"
#include "handlers/reminder_planning.hpp"
#include "handlers/report_figures.hpp"
#include "handlers/report_status.hpp"
#include "messages/dates.hpp"
#include "messages/markup.hpp"
#include "messages/report_texts.hpp"
#include "messages/text_fold.hpp"
#include "messages/topics.hpp"
#include "storage/report_store.hpp"
#include "storage/visit_photo_store.hpp"
#include "storage/visit_store.hpp"

#include <map>

namespace cnscd {

namespace {

using namespace std::chrono;

std::string h(language lang, report_text key) {
    return say(lang, key);
}

// Spreadsheet cells are plain text; the catalog escapes arguments for HTML-lite.
std::string plain_say(language lang, report_text key, std::initializer_list<arg> args = {}) {
    return markup::to_plain(say(lang, key, args));
}

} // namespace

ward_export build_ward_export(database& db, const config& cfg, language lang, const ward_record& ward,
                              const deadline_instance& d) {
    ward_export out;
    auto range = range_of(d.period);
    visit_store visits(db);
    auto teams = team_store(db).in_ward(ward.id);
    std::map<std::int64_t, std::string> team_names;
    for (auto& t : teams)
        team_names[t.id] = t.name;

    // Teams: one row each, figures of the period and the submission of this deadline.
    sheet ts{h(lang, report_text::sheet_teams),
             {h(lang, report_text::col_no), h(lang, report_text::col_team), h(lang, report_text::col_visits),
              h(lang, report_text::col_people), h(lang, report_text::col_sessions),
              h(lang, report_text::col_attendees), h(lang, report_text::col_active)},
             {}};
    // Two columns a topic, as /thongke counts it: the visits and sessions that dealt with it, and
    // the people helped or attending (what the ward reports up asks for both).
    for (auto& topic : all_topics())
        for (auto key : {report_text::col_topic_records, report_text::col_topic_people})
            ts.headers.push_back(plain_say(
                lang, key, {{"topic", std::string(lang == language::vi ? topic.name_vi : topic.name_en)}}));
    for (auto key : {report_text::col_submitted_at, report_text::col_on_time, report_text::col_comment,
                     report_text::col_submitted_figures})
        ts.headers.push_back(h(lang, key));
    report_store reports(db);
    std::int64_t no = 0;
    std::vector<std::int64_t> total(7 + 2 * all_topics().size(), 0); // the numeric columns, for the total row
    for (auto& t : teams) {
        auto f = visits.team_totals_in(t.id, range);
        std::vector<sheet_cell> row{++no,       t.name,      f.visits,        f.people,
                                    f.sessions, f.attendees, f.active_members};
        for (auto& topic : all_topics()) {
            auto it = f.topics.find(std::string(topic.code));
            auto figures = it == f.topics.end() ? topic_total{} : it->second;
            row.push_back(figures.records);
            row.push_back(figures.people);
        }
        for (std::size_t i = 2; i < row.size(); ++i)
            total[i] += row[i].number;
        auto s =
            d.rule.code.empty() ? std::nullopt : reports.current(ward.id, t.id, d.rule.code, d.period.key);
        if (s) {
            row.push_back(sheet_cell::date_time(s->submitted_at, cfg.utc_offset_minutes));
            row.push_back(h(lang, s->on_time ? report_text::value_on_time : report_text::value_late));
            row.push_back(s->comment);
            // The live figures above may have moved since; the ward sees what the team sent.
            auto sent = figures_from_json(s->figures_json);
            row.push_back(figures_differ(sent, f) ? plain_say(lang, report_text::value_submitted_figures,
                                                              {{"visits", sent.visits},
                                                               {"people", sent.people},
                                                               {"sessions", sent.sessions},
                                                               {"attendees", sent.attendees}})
                                                  : h(lang, report_text::value_same_as_now));
        } else {
            row.push_back(std::string());
            // As the chat's views count it: a team added after the deadline does not owe the report.
            bool owed = d.rule.code.empty() || team_owes(t, d);
            row.push_back(h(lang, owed ? report_text::value_not_submitted : report_text::value_not_owed));
            row.push_back(std::string());
            row.push_back(std::string());
        }
        ts.rows.push_back(std::move(row));
    }
    if (!teams.empty()) {
        std::vector<sheet_cell> row{std::string(), h(lang, report_text::value_total)};
        for (std::size_t i = 2; i < total.size(); ++i)
            row.push_back(total[i]);
        ts.rows.push_back(std::move(row));
    }

    // Members: everyone on the roster, with their own figures (zeros when nothing logged).
    sheet ms{h(lang, report_text::sheet_members),
             {h(lang, report_text::col_no), h(lang, report_text::col_name), h(lang, report_text::col_team),
              h(lang, report_text::col_role), h(lang, report_text::col_visits),
              h(lang, report_text::col_people), h(lang, report_text::col_sessions),
              h(lang, report_text::col_attendees)},
             {}};
    no = 0;
    for (auto& t : teams) {
        std::map<std::int64_t, member_totals> by_member;
        for (auto& m : visits.members_of_team(t.id, range))
            by_member[m.member_id] = m;
        for (auto& m : member_store(db).in_team(t.id)) {
            auto it = by_member.find(m.id);
            member_totals mt = it == by_member.end() ? member_totals{} : it->second;
            ms.rows.push_back({++no, m.full_name, t.name, m.role_title.empty() ? m.role : m.role_title,
                               mt.visits, mt.people, mt.sessions, mt.attendees});
            by_member.erase(m.id);
        }
        // Who worked in the team this period and has left it since: their rows still add up.
        for (auto& [id, mt] : by_member)
            if (auto m = member_store(db).by_id(id))
                ms.rows.push_back({++no, member_name(lang, *m), t.name, h(lang, report_text::value_left_team),
                                   mt.visits, mt.people, mt.sessions, mt.attendees});
    }

    // Raw records of the period, oldest first.
    sheet vs{h(lang, report_text::sheet_visits),
             {h(lang, report_text::col_record), h(lang, report_text::col_day), h(lang, report_text::col_kind),
              h(lang, report_text::col_team), h(lang, report_text::col_member),
              h(lang, report_text::col_place), h(lang, report_text::col_topics),
              h(lang, report_text::col_count), h(lang, report_text::col_note),
              h(lang, report_text::col_photos)},
             {}};
    auto photos = visit_photo_store(db).counts_in_ward(ward.id, range);
    std::map<std::int64_t, std::string> member_names;
    member_store members(db);
    visits.for_each_in_ward(ward.id, range, [&](const visit_record& v) {
        auto name = member_names.find(v.member_id);
        if (name == member_names.end()) {
            auto m = members.by_id(v.member_id);
            name = member_names.emplace(v.member_id, m ? member_name(lang, *m) : "").first;
        }
        std::string topics;
        for (auto& code : v.topics) {
            auto* t = find_topic(code);
            topics +=
                (topics.empty() ? "" : ", ") +
                std::string(t ? (lang == language::vi ? t->name_vi : t->name_en) : std::string_view(code));
        }
        auto parsed = parse_iso_day(v.day);
        auto day = parsed ? sheet_cell::date(static_cast<int>(parsed->year()),
                                             static_cast<unsigned>(parsed->month()),
                                             static_cast<unsigned>(parsed->day()))
                          : sheet_cell(v.day);
        vs.rows.push_back(
            {v.id, day,
             h(lang, v.kind == activity_kind::visit ? report_text::kind_visit : report_text::kind_session),
             team_names[v.team_id], name->second, v.place, topics, static_cast<std::int64_t>(v.people),
             v.note, static_cast<std::int64_t>(photos.contains(v.id) ? photos[v.id] : 0)});
    });
    out.teams = teams.size();
    out.members = ms.rows.size();
    out.records = vs.rows.size();
    out.sheets = {std::move(ts), std::move(ms), std::move(vs)};
    return out;
}

std::optional<deadline_instance> instance_for_key(database& db, const config& cfg, const ward_record& ward,
                                                  const std::string& key, bool calendar_fallback) {
    auto digits = [&](std::size_t from, std::size_t n) {
        if (key.size() < from + n)
            return -1;
        int v = 0;
        for (std::size_t i = from; i < from + n; ++i) {
            if (key[i] < '0' || key[i] > '9')
                return -1;
            v = v * 10 + (key[i] - '0');
        }
        return v;
    };
    int y = digits(0, 4);
    if (y < 2000)
        return std::nullopt;
    std::string kind;
    year_month_day inside;
    if (key.size() == 4) {
        kind = "yearly";
        inside = year_month_day{year{y}, June, day{15}};
    } else if (key.size() == 7 && key[4] == '-' && (key[5] == 'Q' || key[5] == 'q') && digits(6, 1) >= 1 &&
               digits(6, 1) <= 4) {
        kind = "quarterly";
        inside = year_month_day{year{y}, month{static_cast<unsigned>(digits(6, 1) * 3 - 1)}, day{15}};
    } else if (key.size() == 7 && key[4] == '-' && digits(5, 2) >= 1 && digits(5, 2) <= 12) {
        kind = "monthly";
        inside = year_month_day{year{y}, month{static_cast<unsigned>(digits(5, 2))}, day{15}};
    } else {
        return std::nullopt;
    }
    std::string canonical = key;
    if (kind == "quarterly")
        canonical[5] = 'Q';
    local_time zone{cfg.utc_offset_minutes};
    for (auto& rule : ward_deadlines(db, cfg, ward)) {
        if (rule.kind != kind || rule.who != "team")
            continue;
        for (auto& d : instances_between(rule, year_month_day{sys_days{inside} - days{500}},
                                         year_month_day{sys_days{inside} + days{500}}, zone))
            if (d.period.key == canonical)
                return d;
    }
    // No such deadline: the calendar period, with no submissions to show.
    if (!calendar_fallback)
        return std::nullopt;
    deadline_config plain;
    plain.kind = kind;
    plain.month = kind == "yearly" ? 12 : 0;
    plain.day = 31;
    auto due =
        kind == "yearly"
            ? year_month_day{year{y}, December, day{31}}
            : clamp_day(inside.year(), kind == "quarterly" ? inside.month() + months{1} : inside.month(), 31);
    return make_instance(plain, due, zone);
}

std::string export_file_stem(const ward_record& ward, const deadline_instance& d) {
    std::string stem = "bao-cao";
    bool gap = true; // a dash before the next letter or digit
    for (char c : fold(ward.name)) {
        if (!std::isalnum(static_cast<unsigned char>(c))) {
            gap = true;
            continue;
        }
        if (gap)
            stem += '-';
        gap = false;
        stem += c;
    }
    return stem + "-" + d.period.key;
}

} // namespace cnscd
