// Stats in chat: /toi (my activity), /thongke (team or ward), /xephang (rankings).
// Figures come from the daily totals in visit_store; every answer fits one message on its
// platform.

#include "handlers/handlers.hpp"
#include "handlers/member_lookup.hpp"
#include "handlers/period.hpp"
#include "handlers/report_figures.hpp"
#include "handlers/report_format.hpp"
#include "handlers/team_nudge.hpp"
#include "handlers/ward_settings.hpp"
#include "messages/command_names.hpp"
#include "messages/dates.hpp"
#include "messages/markup.hpp"
#include "messages/text_fold.hpp"
#include "messages/text_limit.hpp"
#include "messages/topics.hpp"
#include "messages/visit_texts.hpp"
#include "storage/registry.hpp"
#include "storage/visit_photo_store.hpp"
#include "storage/visit_store.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <tuple>
#include <utility>

namespace cnscd {
namespace {

using namespace std::chrono;

// Lists are cut at the first of these that lets the answer fit one message on the platform: 30
// lines keep a ward's answer inside one phone screen's message on Telegram; Zalo's messages
// hold 2,000 characters, and a second message used to start mid-list.
constexpr std::size_t list_lines[] = {30, 20, 15, 10, 5};

// What a ranking compares: records (visits and sessions), then people reached by them.
template <typename T> std::pair<std::int64_t, std::int64_t> standing(const T& t) {
    return {t.visits + t.sessions, t.people + t.attendees};
}

// Ranks down a sorted list, equal figures sharing one: 1, 1, 3.
struct shared_rank {
    int place = 0; // lines so far
    int rank = 0;
    std::optional<std::pair<std::int64_t, std::int64_t>> above;
    int next(std::pair<std::int64_t, std::int64_t> standing) {
        ++place;
        if (standing != above)
            rank = place;
        above = standing;
        return rank;
    }
};

bool is_staff(const handler_context& ctx) {
    return is_staff(ctx.who);
}

// Indexed by period_kind (week, month, quarter, year).
constexpr stats_text current_period_words[] = {stats_text::period_this_week, stats_text::period_this_month,
                                               stats_text::period_this_quarter, stats_text::period_this_year};
constexpr stats_text last_period_words[] = {stats_text::period_last_week, stats_text::period_last_month,
                                            stats_text::period_last_quarter, stats_text::period_last_year};
constexpr text period_names[] = {text::period_week, text::period_month, text::period_quarter,
                                 text::period_year};

std::string period_words(const handler_context& ctx, const stats_period& asked) {
    auto i = static_cast<std::size_t>(asked.kind);
    if (asked.named)
        return calendar_period_label(ctx.lang, asked.kind, asked.start);
    return ctx.say(asked.previous ? last_period_words[i] : current_period_words[i]);
}

std::string previous_words(const handler_context& ctx, period_kind p) {
    return ctx.say(period_names[static_cast<std::size_t>(p)]);
}

std::string range_words(const stats_period& p) {
    return format_date(p.start) + " – " + format_date(p.through);
}

std::string count(const handler_context& ctx, std::int64_t n) {
    return format_count(ctx.lang, n);
}

std::string change(const handler_context& ctx, std::int64_t now, std::int64_t before) {
    if (now == before)
        return ctx.say(stats_text::change_same);
    return ctx.say(now > before ? stats_text::change_up : stats_text::change_down,
                   {{"delta", count(ctx, now > before ? now - before : before - now)}});
}

// `text` on one line, cut after `chars` characters: a record's address as /toi lists it (without
// one it is the member's whole text, and three of those took a Zalo answer past one message), a
// team's name in a list of teams (long ones kept the ward's answer past it even at 5 lines).
std::string short_line(std::string text, std::size_t chars = 60) {
    std::replace(text.begin(), text.end(), '\n', ' ');
    return cut_after_chars(text, chars);
}

void add_line(std::string& out, const std::string& line) {
    if (!out.empty())
        out += '\n';
    out += line;
}

// Under a list cut at max_lines: how many lines were left out, so the list still adds up.
void add_more_line(const handler_context& ctx, std::string& out, stats_text key, std::size_t listed,
                   std::size_t max_lines) {
    if (listed > max_lines)
        add_line(out, ctx.say(key, {{"count", static_cast<std::int64_t>(listed - max_lines)}}));
}

// The shared part of every stats answer: totals, topics, and the comparison.
void totals_block(const handler_context& ctx, std::string& out, const activity_totals& t,
                  const activity_totals& before, const stats_period& p, std::int64_t members_total) {
    add_line(out, ctx.say(stats_text::line_visits,
                          {{"visits", count(ctx, t.visits)}, {"people", count(ctx, t.people)}}));
    add_line(out, ctx.say(stats_text::line_sessions,
                          {{"sessions", count(ctx, t.sessions)}, {"attendees", count(ctx, t.attendees)}}));
    if (members_total > 0)
        add_line(out, ctx.say(stats_text::line_active, {{"active", count(ctx, t.active_members)},
                                                        {"total", count(ctx, members_total)}}));
    if (t.with_evidence > 0)
        add_line(out, ctx.say(stats_text::line_evidence, {{"with", count(ctx, t.with_evidence)},
                                                          {"records", count(ctx, t.visits + t.sessions)}}));
    if (!t.topics.empty()) {
        add_line(out, ctx.say(stats_text::line_topics_header));
        // In the topic table's order ("Khác" last), as the report card and the export list them,
        // so the same figures read the same way everywhere; codes no longer in the table after.
        std::vector<std::pair<std::string, topic_total>> topics;
        for (auto& topic : all_topics())
            if (auto it = t.topics.find(std::string(topic.code)); it != t.topics.end())
                topics.emplace_back(*it);
        for (auto& [code, tt] : t.topics)
            if (!find_topic(code))
                topics.emplace_back(code, tt);
        for (auto& [code, tt] : topics) {
            auto* info = find_topic(code);
            std::string name =
                info ? std::string(ctx.lang == language::vi ? info->name_vi : info->name_en) : code;
            add_line(out, ctx.say(stats_text::line_topic, {{"topic", name},
                                                           {"records", count(ctx, tt.records)},
                                                           {"people", count(ctx, tt.people)}}));
        }
    }
    // Sessions are compared too when either period had any: a team that doubled its sessions was
    // told "unchanged", and one with only sessions got no comparison at all.
    bool sessions = t.sessions > 0 || before.sessions > 0;
    // Nothing now and nothing then: "unchanged" would only be noise above the empty-period hint.
    if (t.visits == 0 && t.people == 0 && before.visits == 0 && before.people == 0 && !sessions)
        return;
    // A past period is compared whole with the one before it; the current one with the same span.
    auto line = ctx.say(p.previous ? stats_text::versus_before : stats_text::versus_previous,
                        {{"previous", previous_words(ctx, p.kind)},
                         {"visits", change(ctx, t.visits, before.visits)},
                         {"people", change(ctx, t.people, before.people)}});
    if (sessions)
        line +=
            ctx.say(stats_text::versus_sessions, {{"sessions", change(ctx, t.sessions, before.sessions)}});
    add_line(out, line);
}

std::int64_t metric_value(const activity_totals& t, const std::string& metric) {
    if (metric == "households")
        return t.visits;
    if (metric == "people")
        return t.people + t.attendees;
    if (metric == "sessions")
        return t.sessions;
    if (metric.starts_with("topic:")) {
        auto it = t.topics.find(metric.substr(6));
        return it == t.topics.end() ? 0 : it->second.people;
    }
    return 0;
}

period_kind target_period(const std::string& per) {
    return per == "month" ? period_kind::month : per == "quarter" ? period_kind::quarter : period_kind::year;
}

// Progress towards each target over its own period (a year, a quarter...) up to the last day
// the stats are about, so "/thongke năm 2025 phuong" shows 2025's progress, not this year's.
void ward_targets(handler_context& ctx, std::string& out, const ward_record& ward,
                  const stats_period& asked) {
    auto* wc = ward_settings(ctx.cfg(), ward.name);
    if (!wc || wc->targets.empty())
        return;
    visit_store visits(ctx.db);
    bool header = false;
    for (auto& target : wc->targets) {
        if (target.goal <= 0)
            continue;
        // Goals are whole numbers (load_config refuses others); a goal cut to zero once divided by
        // zero and took the bot down, so it stays at least one here too.
        auto goal = std::max<std::int64_t>(1, std::llround(target.goal));
        auto p = period_containing(target_period(target.per), asked.through);
        auto done = metric_value(visits.ward_totals_in(ward.id, p.so_far()), target.metric);
        if (!std::exchange(header, true))
            add_line(out, ctx.say(stats_text::target_header));
        // A yearly goal under a month's figures read as the month's own ("1/2.000"): name its period.
        auto name = configured_name(ctx.lang, target.name, target.name_en);
        if (p.kind != asked.kind)
            name += " (" + calendar_period_label(ctx.lang, p.kind, p.start) + ")";
        add_line(out, ctx.say(stats_text::target_line, {{"name", name},
                                                        {"done", count(ctx, done)},
                                                        {"goal", count(ctx, goal)},
                                                        {"percent", static_cast<int>(done * 100 / goal)}}));
    }
}

// The day `unix_seconds` falls on where the ward is.
sys_days local_day(handler_context& ctx, std::int64_t unix_seconds) {
    return sys_days{local_time{ctx.cfg().utc_offset_minutes}.date_of(unix_seconds)};
}

// The day `m` came onto their team, when it is inside `p` after its first day: they owed the
// team nothing before it (one who moved had logged for the old team), so they are not idle.
std::optional<sys_days> joined_during(handler_context& ctx, const member_record& m, const stats_period& p) {
    if (!m.team_since)
        return std::nullopt;
    auto day = local_day(ctx, *m.team_since);
    return day > sys_days{p.start} && day <= sys_days{p.through} ? std::optional(day) : std::nullopt;
}

// Counted as the reports count (report_figures.hpp), up to the last day `p` is about.
bool on_team_by_then(handler_context& ctx, const member_record& m, const stats_period& p) {
    return on_team_by(m, p.through, ctx.zone());
}

bool in_a_team_by_then(handler_context& ctx, const member_record& m, const stats_period& p) {
    return in_a_team_by(m, p.through, ctx.zone());
}

// The ward's team of that name or code, or none.
std::optional<team_record> find_team(handler_context& ctx, const std::string& name) {
    team_store teams(ctx.db);
    if (auto t = teams.by_code(ctx.member->ward_id, team_code_from_name(name)))
        return t;
    auto want = fold(name);
    for (auto& t : teams.in_ward(ctx.member->ward_id))
        if (fold(t.name) == want || fold(t.code) == want)
            return t;
    return std::nullopt;
}

// "/thongke Thôn Năm": the last word was read as "năm" (this year), but it is the end of the
// team's name ("năm" is also five): when only the whole name is a team, that team's month.
template <typename C> C with_five_in_name(handler_context& ctx, C c) {
    if (c.team.empty() || c.period != period_kind::year || c.previous || c.named || find_team(ctx, c.team))
        return c;
    if (!find_team(ctx, c.team + " năm"))
        return c;
    c.team += " năm";
    c.period = period_kind::month;
    return c;
}

// The ward's team of that name or code; none, and the ward's teams listed, when there is none.
std::optional<team_record> named_team(handler_context& ctx, const std::string& name) {
    if (auto t = find_team(ctx, name))
        return t;
    std::string names;
    for (auto& t : team_store(ctx.db).in_ward(ctx.member->ward_id)) {
        if (!names.empty())
            names += ", ";
        names += t.name;
    }
    ctx.reply(stats_text::team_unknown, {{"team", name}, {"teams", names}});
    return std::nullopt;
}

// The team a stats command is about: named (staff), this group's, or the sender's own.
// In a team's group, the figures of that team only: every member there reads the answer, with
// another team's names and who logged nothing. Said and true when `named` is another team.
bool outside_this_group(handler_context& ctx, const team_record& named, const std::string& as_typed,
                        std::string_view command) {
    if (!ctx.group || !ctx.group->team_id || *ctx.group->team_id == named.id)
        return false;
    auto here = team_store(ctx.db).by_id(*ctx.group->team_id);
    ctx.reply(stats_text::other_team_in_group, {{"group_team", here ? here->name : std::string()},
                                                {"team", named.name},
                                                {"command", shown_name(ctx, command)},
                                                {"named", as_typed}});
    return true;
}

std::optional<std::int64_t> team_in_question(handler_context& ctx, const std::string& named,
                                             std::string_view command = "thongke") {
    if (!named.empty() && is_staff(ctx)) {
        auto t = named_team(ctx, named);
        if (t && outside_this_group(ctx, *t, named, command))
            return std::nullopt;
        return t ? std::optional(t->id) : std::nullopt;
    }
    if (!named.empty()) {
        // Members see their own team only: anything else they add is most likely a period
        // written wrong ("/thongke tuan nay", "/thongke ngay"); say so rather than ignore it.
        auto own = ctx.member->team_id ? team_store(ctx.db).by_id(*ctx.member->team_id) : std::nullopt;
        auto want = fold(named);
        // "Tổ 1" or "to 1" for "Tổ dân phố số 1" (code "to1"), as ward staff may write it.
        if (!own ||
            (fold(own->name) != want && fold(own->code) != want && team_code_from_name(named) != own->code)) {
            // Another team of the ward, named on purpose: not a period written wrong.
            if (auto other = find_team(ctx, named)) {
                ctx.reply(stats_text::other_team_only, {{"team", other->name}});
                return std::nullopt;
            }
            ctx.reply(text::error_bad_period, {{"detail", named}, {"command", shown_name(ctx, command)}});
            return std::nullopt;
        }
        if (outside_this_group(ctx, *own, named, command))
            return std::nullopt;
    }
    if (ctx.group && ctx.group->team_id && ctx.group->ward_id == ctx.member->ward_id)
        return ctx.group->team_id;
    return ctx.member->team_id;
}

void team_stats(handler_context& ctx, std::int64_t team_id, const stats_period& p, std::size_t max_lines) {
    auto team = team_store(ctx.db).by_id(team_id);
    if (!team)
        return;
    visit_store visits(ctx.db);
    auto t = visits.team_totals_in(team_id, p.so_far());
    auto before = visits.team_totals_in(team_id, same_span_before(p).so_far());
    auto members = member_store(ctx.db).in_team(team_id);
    auto per_member = visits.members_of_team(team_id, p.so_far());
    auto logged = [&](std::int64_t id) {
        return std::any_of(per_member.begin(), per_member.end(),
                           [&](auto& mt) { return mt.member_id == id; });
    };
    // Who left the team (or was removed) keeps the work they did here, named as such, so the
    // lines add up to the totals.
    std::map<std::int64_t, std::string> names; // HTML-lite
    for (auto& m : members)
        names[m.id] = markup::escape(m.full_name);
    // Who joined after the period is neither counted in it nor listed as having logged nothing.
    std::erase_if(members,
                  [&](const member_record& m) { return !on_team_by_then(ctx, m, p) && !logged(m.id); });
    std::int64_t former = 0;
    for (auto& mt : per_member)
        if (!names.contains(mt.member_id)) {
            auto m = member_store(ctx.db).by_id(mt.member_id);
            names[mt.member_id] =
                ctx.say(stats_text::former_member, {{"name", m ? member_name(ctx, *m) : ""}});
            ++former;
        }

    std::string out =
        ctx.say(stats_text::team_header,
                {{"team", team->name}, {"period", period_words(ctx, p)}, {"range", range_words(p)}});
    totals_block(ctx, out, t, before, p, static_cast<std::int64_t>(members.size()) + former);
    if (team->households && *team->households > 0)
        add_line(out, ctx.say(stats_text::target_line,
                              {{"name", ctx.say(stats_text::team_households)},
                               {"done", count(ctx, t.visits)},
                               {"goal", count(ctx, *team->households)},
                               {"percent", static_cast<int>(t.visits * 100 / *team->households)}}));

    // In the order /xephang ranks them: sorted by visits, a member of sessions only came last.
    std::sort(per_member.begin(), per_member.end(), [](auto& a, auto& b) {
        return std::tuple(standing(b), a.member_id) < std::tuple(standing(a), b.member_id);
    });
    if (!per_member.empty()) {
        add_line(out, ctx.say(stats_text::members_header));
        std::size_t shown = 0;
        for (auto& mt : per_member) {
            if (++shown > max_lines)
                continue;
            add_line(out, ctx.say(stats_text::member_line, {arg::markup("name", names[mt.member_id]),
                                                            {"visits", count(ctx, mt.visits)},
                                                            {"people", count(ctx, mt.people)},
                                                            {"sessions", count(ctx, mt.sessions)}}));
        }
        add_more_line(ctx, out, stats_text::more_members, per_member.size(), max_lines);
    }
    std::string idle, newcomers;
    std::int64_t idle_count = 0, idle_others = 0; // others: whom the viewer could remind
    std::int64_t newcomer_count = 0;
    for (auto& m : members) {
        if (logged(m.id))
            continue;
        if (auto since = joined_during(ctx, m, p)) {
            if (static_cast<std::size_t>(++newcomer_count) <= max_lines)
                newcomers += (newcomers.empty() ? "" : ", ") + m.full_name + " (" +
                             markup::to_plain(ctx.say(stats_text::team_since_day,
                                                      {{"date", format_date(year_month_day{*since})}})) +
                             ")";
            continue;
        }
        ++idle_count;
        idle_others += m.id != ctx.member->id;
        // A large team's idle members would fill the screen: the count says how many there are.
        if (static_cast<std::size_t>(idle_count) > max_lines)
            continue;
        if (!idle.empty())
            idle += ", ";
        idle += m.full_name;
    }
    if (idle_count > static_cast<std::int64_t>(max_lines))
        idle += ", …";
    if (t.visits + t.sessions == 0)
        add_line(out, ctx.say(stats_text::nothing_yet));
    else if (idle_count > 0)
        add_line(out, ctx.say(stats_text::idle_members, {{"count", idle_count}, {"names", idle}}));
    else if (newcomer_count == 0)
        add_line(out, ctx.say(stats_text::idle_none));
    if (newcomer_count > static_cast<std::int64_t>(max_lines))
        newcomers += ", …";
    if (newcomer_count > 0 && t.visits + t.sessions > 0)
        add_line(out, ctx.say(stats_text::new_to_team, {{"count", newcomer_count}, {"names", newcomers}}));
    // The current period only: a reminder about a period that is over would change nothing.
    if (idle_others > 0 && !p.previous && !p.named && offers_nudge(ctx, *team)) {
        ctx.ask(std::move(out), {{{ctx.say(stats_text::nudge_button), nudge_button_data(team_id, p.kind)}}});
        return;
    }
    ctx.reply(std::move(out));
}

void ward_stats(handler_context& ctx, const stats_period& p, std::size_t max_lines) {
    auto ward = ward_store(ctx.db).by_id(ctx.member->ward_id);
    if (!ward)
        return;
    visit_store visits(ctx.db);
    auto t = visits.ward_totals_in(ward->id, p.so_far());
    auto before = visits.ward_counts_in(ward->id, same_span_before(p).so_far());
    auto teams = team_store(ctx.db).in_ward(ward->id);
    auto all_teams = team_store(ctx.db).in_ward(ward->id, false);
    auto per_team = visits.teams_of_ward(ward->id, p.so_far());
    // The members: those on a team by then, and who worked in the period and has left since (as
    // on a team's page), so the active ones are never more than all of them.
    std::int64_t with_team = 0;
    std::set<std::int64_t> others, staffed; // staffed: teams someone is on now
    for (auto& m : member_store(ctx.db).in_ward(ward->id, false)) {
        if (m.active && m.team_id)
            staffed.insert(*m.team_id);
        if (m.active && in_a_team_by_then(ctx, m, p))
            ++with_team;
        else
            others.insert(m.id);
    }
    // One look over the ward's totals: one per team cost a ward's year 40 statements.
    std::int64_t former = 0;
    if (!others.empty())
        for (auto id : visits.members_active_in_ward(ward->id, p.so_far()))
            former += others.contains(id) ? 1 : 0;

    std::string out =
        ctx.say(stats_text::ward_header,
                {{"ward", ward->name}, {"period", period_words(ctx, p)}, {"range", range_words(p)}});
    totals_block(ctx, out, t, before, p, with_team + former);

    // Ranked as /xephang ranks them (sessions count, equal figures share a rank): sorted by visits
    // alone, a team of sessions came last here and first there, and ties got different ranks.
    std::sort(per_team.begin(), per_team.end(), [](auto& a, auto& b) {
        return std::tuple(standing(b.totals), a.team_id) < std::tuple(standing(a.totals), b.team_id);
    });
    if (!per_team.empty()) {
        add_line(out, ctx.say(stats_text::teams_header));
        shared_rank ranks;
        for (auto& tt : per_team) {
            // A team closed since keeps its line, as in /xephang: its work is in the totals above.
            auto it =
                std::find_if(all_teams.begin(), all_teams.end(), [&](auto& x) { return x.id == tt.team_id; });
            if (it == all_teams.end())
                continue;
            auto rank = ranks.next(standing(tt.totals));
            if (static_cast<std::size_t>(ranks.place) > max_lines)
                continue;
            add_line(out, ctx.say(stats_text::team_line, {{"rank", rank},
                                                          {"team", short_line(it->name)},
                                                          {"visits", count(ctx, tt.totals.visits)},
                                                          {"people", count(ctx, tt.totals.people)},
                                                          {"sessions", count(ctx, tt.totals.sessions)}}));
        }
        add_more_line(ctx, out, stats_text::more_teams, static_cast<std::size_t>(ranks.place), max_lines);
    }
    // Teams nobody is on are said apart: ward staff add members to them, rather than chase them.
    std::string idle, empty;
    std::int64_t idle_count = 0, empty_count = 0;
    for (auto& team : teams) {
        if (std::any_of(per_team.begin(), per_team.end(), [&](auto& tt) { return tt.team_id == team.id; }))
            continue;
        auto& names = staffed.contains(team.id) ? idle : empty;
        auto n = ++(staffed.contains(team.id) ? idle_count : empty_count);
        if (static_cast<std::size_t>(n) <= max_lines)
            names += (names.empty() ? "" : ", ") + short_line(team.name);
    }
    if (idle_count > static_cast<std::int64_t>(max_lines))
        idle += ", …";
    if (empty_count > static_cast<std::int64_t>(max_lines))
        empty += ", …";
    if (idle_count > 0)
        add_line(out, ctx.say(stats_text::idle_teams, {{"count", idle_count}, {"names", idle}}));
    if (empty_count > 0)
        add_line(out, ctx.say(stats_text::teams_without_members,
                              {{"count", empty_count},
                               {"names", empty},
                               {"command", shown_name(ctx, "thanhvien_them")}}));
    ward_targets(ctx, out, *ward, p);
    ctx.reply(std::move(out));
}

// What the member reads: on platforms without buttons, choices follow as a numbered list.
std::size_t shown_length(const outgoing& o) {
    auto n = text_length(o.text);
    for (auto& row : o.choices)
        for (auto& b : row)
            n += 6 + text_length(b.label); // "\n\n12. "
    return n;
}

// Runs `answer(max_lines)` with the longest list that keeps each message it queues within the
// platform's limit (the shortest when none does).
template <typename Answer> void fit_one_message(handler_context& ctx, Answer answer) {
    auto limit = text_limit(ctx.in.chat.platform);
    for (auto lines : list_lines) {
        auto before = static_cast<std::ptrdiff_t>(ctx.out.size());
        answer(lines);
        if (lines == std::end(list_lines)[-1] ||
            std::all_of(ctx.out.begin() + before, ctx.out.end(),
                        [&](const outgoing& o) { return shown_length(o) <= limit; }))
            return;
        ctx.out.erase(ctx.out.begin() + before, ctx.out.end());
    }
}

} // namespace

void handle(const cmd_my_stats& c, handler_context& ctx) {
    visit_store visits(ctx.db);
    auto p = period_asked(c.period, c.previous, c.named, ctx.today());
    auto t = visits.member_totals_in(ctx.member->id, p.so_far());
    auto before = visits.member_totals_in(ctx.member->id, same_span_before(p).so_far());
    std::string out = ctx.say(
        stats_text::my_header,
        {{"name", ctx.member->full_name}, {"period", period_words(ctx, p)}, {"range", range_words(p)}});
    totals_block(ctx, out, t, before, p, 0);
    if (t.visits + t.sessions == 0)
        add_line(out, ctx.say(stats_text::nothing_yet));
    // The numbers /sua and /huy need were only in the confirmations; the latest three are here.
    if (!p.previous) {
        auto recent = visits.recent_of_member(ctx.member->id, 3);
        if (!recent.empty())
            add_line(out, "\n" + ctx.say(stats_text::recent_header));
        for (auto& v : recent) {
            std::string topics;
            for (auto& code : v.topics)
                if (auto* info = find_topic(code))
                    topics += (topics.empty() ? "" : ", ") +
                              std::string(ctx.lang == language::vi ? info->short_vi : info->name_en);
            auto day = parse_iso_day(v.day);
            auto photos = visit_photo_store(ctx.db).count_of(v.id); // evidence already attached
            // In a group, no addresses: the list may hold records logged privately.
            add_line(out, ctx.say(ctx.in_group() ? stats_text::recent_line_in_group : stats_text::recent_line,
                                  {{"no", v.id},
                                   {"date", day ? format_date(*day) : v.day},
                                   {"place", short_line(v.place.empty() ? v.note : v.place)},
                                   {"topics", topics},
                                   {"photos", photos > 0 ? " 📷" + std::to_string(photos) : std::string()}}));
        }
    }
    ctx.reply(std::move(out));
}

void handle(const cmd_team_stats& c_, handler_context& ctx) {
    auto c = with_five_in_name(ctx, c_);
    auto asked = period_asked(c.period, c.previous, c.named, ctx.today());
    if (c.ward) {
        if (!is_staff(ctx)) {
            refuse_command(
                ctx, shown_name(ctx, "thongke") + " " + std::string(ward_word(ctx.lang == language::en)),
                role_set{role::ward_staff, role::admin});
            return;
        }
        fit_one_message(ctx, [&](std::size_t lines) { ward_stats(ctx, asked, lines); });
        return;
    }
    bool ward_group = ctx.group && !ctx.group->team_id;
    auto team = ward_group && c.team.empty() ? std::nullopt : team_in_question(ctx, c.team);
    if (!team) {
        auto own = ctx.member->team_id ? team_store(ctx.db).by_id(*ctx.member->team_id) : std::nullopt;
        if (is_staff(ctx) && c.team.empty())
            fit_one_message(ctx, [&](std::size_t lines) { ward_stats(ctx, asked, lines); });
        else if (c.team.empty() && ward_group && own)
            // A leader here was told "you are not on a team"; the team's member list stays out of
            // a group every team's members read.
            ctx.reply(stats_text::ward_group_own_team,
                      {{"team", own->name}, {"command", shown_name(ctx, "thongke")}});
        else if (c.team.empty())
            ctx.reply(stats_text::pick_team);
        return;
    }
    fit_one_message(ctx, [&](std::size_t lines) { team_stats(ctx, *team, asked, lines); });
}

namespace {

void ranking(const cmd_ranking& c_, handler_context& ctx, std::size_t max_lines) {
    auto c = with_five_in_name(ctx, c_);
    visit_store visits(ctx.db);
    auto p = period_asked(c.period, c.previous, c.named, ctx.today());
    std::int64_t team_id = 0; // 0: rank the ward's teams
    bool ward_group = ctx.group && !ctx.group->team_id;
    if (!c.team.empty()) { // staff: that team's members; a member: their own team only
        auto named = team_in_question(ctx, c.team, "xephang");
        if (!named)
            return;
        team_id = *named;
    } else if (!c.ward && !ward_group) {
        team_id = team_in_question(ctx, "").value_or(0);
    }
    std::string out;
    shared_rank ranks;
    // Sessions are named too: a member who only held a session is not "0 visits, 0 people".
    // `name` is HTML-lite.
    auto line = [&](const std::string& name, std::pair<std::int64_t, std::int64_t> standing, std::int64_t v,
                    std::int64_t people, std::int64_t sessions, std::int64_t attendees) {
        auto rank = ranks.next(standing);
        if (static_cast<std::size_t>(ranks.place) > max_lines)
            return;
        auto text = ctx.say(stats_text::ranking_line, {{"rank", rank},
                                                       arg::markup("name", name),
                                                       {"visits", count(ctx, v)},
                                                       {"people", count(ctx, people)}});
        if (sessions > 0)
            text += ctx.say(stats_text::ranking_sessions,
                            {{"sessions", count(ctx, sessions)}, {"attendees", count(ctx, attendees)}});
        add_line(out, text);
    };
    if (team_id != 0) {
        auto team = team_store(ctx.db).by_id(team_id);
        out = ctx.say(stats_text::ranking_members_header,
                      {{"team", team ? team->name : ""}, {"period", period_words(ctx, p)}});
        auto rows = visits.members_of_team(team_id, p.so_far());
        std::sort(rows.begin(), rows.end(), [](auto& a, auto& b) {
            return std::tuple(standing(b), a.member_id) < std::tuple(standing(a), b.member_id);
        });
        member_store members(ctx.db);
        for (auto& r : rows)
            if (auto m = members.by_id(r.member_id)) {
                bool here = m->active && m->team_id == team_id;
                line(here ? markup::escape(m->full_name)
                          : ctx.say(stats_text::former_member, {{"name", member_name(ctx, *m)}}),
                     standing(r), r.visits, r.people, r.sessions, r.attendees);
            }
    } else {
        auto ward = ward_store(ctx.db).by_id(ctx.member->ward_id);
        out = ctx.say(stats_text::ranking_teams_header,
                      {{"ward", ward ? ward->name : ""}, {"period", period_words(ctx, p)}});
        auto rows = visits.teams_of_ward(ctx.member->ward_id, p.so_far());
        std::sort(rows.begin(), rows.end(), [](auto& a, auto& b) {
            return std::tuple(standing(b.totals), a.team_id) < std::tuple(standing(a.totals), b.team_id);
        });
        team_store teams(ctx.db);
        for (auto& r : rows)
            if (auto t = teams.by_id(r.team_id))
                line(markup::escape(short_line(t->name)), standing(r.totals), r.totals.visits,
                     r.totals.people, r.totals.sessions, r.totals.attendees);
    }
    add_more_line(ctx, out, team_id != 0 ? stats_text::more_members : stats_text::more_teams,
                  static_cast<std::size_t>(ranks.place), max_lines);
    if (ranks.place == 0)
        add_line(out, ctx.say(stats_text::ranking_empty));
    else
        add_line(out, ctx.say(stats_text::ranking_basis));
    ctx.reply(std::move(out));
}

} // namespace

void handle(const cmd_ranking& c, handler_context& ctx) {
    fit_one_message(ctx, [&](std::size_t lines) { ranking(c, ctx, lines); });
}

} // namespace cnscd
