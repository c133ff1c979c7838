// The reporting calendar in chat: /hannop (deadlines and status), /hannop_them (ward staff
// add a one-off deadline), /baocao (a team's report for a period, submitted with a button)
// and /baocao phuong (the ward's aggregate, completeness and timeliness).

#include "handlers/conversation_table.hpp"
#include "handlers/handlers.hpp"
#include "handlers/member_lookup.hpp"
#include "handlers/period.hpp"
#include "handlers/reminder_planning.hpp"
#include "handlers/report_export.hpp"
#include "handlers/report_figures.hpp"
#include "handlers/report_format.hpp"
#include "handlers/report_status.hpp"
#include "handlers/ward_settings.hpp"
#include "messages/dates.hpp"
#include "messages/markup.hpp"
#include "messages/report_texts.hpp"
#include "messages/text_fold.hpp"
#include "storage/database.hpp"
#include "storage/export_files.hpp"
#include "storage/registry.hpp"
#include "storage/report_store.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>

namespace cnscd {

namespace {

using namespace std::chrono;

bool is_staff(const handler_context& ctx) {
    return is_staff(ctx.who);
}

std::string instant(const handler_context& ctx, std::int64_t t) {
    return instant_label(ctx.lang, t, ctx.cfg().utc_offset_minutes);
}

std::vector<deadline_config> rules_of(handler_context& ctx) {
    auto ward = ward_store(ctx.db).by_id(ctx.member->ward_id);
    if (!ward)
        return {};
    return ward_deadlines(ctx.db, ctx.cfg(), *ward);
}

// The open occurrence of every rule, soonest deadline first.
std::vector<deadline_instance> open_deadlines(handler_context& ctx, bool team_rules_only) {
    std::vector<deadline_instance> out;
    for (auto& rule : rules_of(ctx)) {
        if (team_rules_only && rule.who != "team")
            continue;
        if (auto d = open_instance(rule, ctx.now(), ctx.zone()))
            out.push_back(std::move(*d));
    }
    std::stable_sort(out.begin(), out.end(), [](auto& a, auto& b) { return a.due_at < b.due_at; });
    return out;
}

// /hannop's list: each rule's open occurrence. Once the current one has locked, the next one's
// period may not have begun (the year-end report in December): the current one is shown as it
// stands instead of one due a year away, until the next period begins.
std::vector<deadline_instance> current_deadlines(handler_context& ctx) {
    std::vector<deadline_instance> out;
    auto today = ctx.today();
    for (auto& rule : rules_of(ctx)) {
        auto d = open_instance(rule, ctx.now(), ctx.zone());
        if (d && sys_days{d->period.first} > sys_days{today}) {
            std::optional<deadline_instance> begun;
            for (auto& past :
                 instances_between(rule, year_month_day{sys_days{today} - days{800}}, today, ctx.zone()))
                if (sys_days{past.period.first} <= sys_days{today})
                    begun = past;
            if (begun)
                d = begun;
        }
        if (d)
            out.push_back(std::move(*d));
    }
    std::stable_sort(out.begin(), out.end(), [](auto& a, auto& b) { return a.due_at < b.due_at; });
    return out;
}

std::string_view kind_of(period_kind p) {
    switch (p) {
    case period_kind::month:
        return "monthly";
    case period_kind::quarter:
        return "quarterly";
    case period_kind::year:
        return "yearly";
    case period_kind::week:
        break;
    }
    return "";
}

// The occurrence of `code` covering `period_key`, if the rule still exists.
std::optional<deadline_instance> find_instance(handler_context& ctx, const std::string& code,
                                               const std::string& period_key) {
    for (auto& rule : rules_of(ctx)) {
        if (rule.code != code)
            continue;
        auto today = ctx.today();
        for (auto& d : instances_between(rule, year_month_day{sys_days{today} - days{800}},
                                         year_month_day{sys_days{today} + days{800}}, ctx.zone()))
            if (d.period.key == period_key)
                return d;
    }
    return std::nullopt;
}

std::string status_line(handler_context& ctx, const deadline_instance& d,
                        const std::optional<report_submission>& s) {
    if (s)
        return ctx.say(s->on_time ? report_text::status_on_time : report_text::status_late,
                       {{"at", instant(ctx, s->submitted_at)}});
    if (ctx.now() >= d.locks_at)
        return ctx.say(report_text::status_locked);
    if (ctx.now() > d.due_at)
        return ctx.say(report_text::status_overdue, {{"lock", instant(ctx, d.locks_at)}});
    return ctx.say(report_text::status_not_yet);
}

std::string timeliness(handler_context& ctx, bool on_time) {
    return ctx.say(on_time ? report_text::on_time : report_text::late);
}

bool may_submit(const handler_context& ctx) {
    return ctx.linked() && ctx.member->team_id && (ctx.who == role::leader || ctx.who == role::deputy);
}

// The team's other open reports not yet submitted: listed under the card, one button each.
void show_team_report(handler_context& ctx, const deadline_instance& d,
                      const std::vector<deadline_instance>& others = {}) {
    auto team = team_store(ctx.db).by_id(*ctx.member->team_id);
    auto figures = team_figures(ctx.db, *ctx.member->team_id, d.period);
    auto current =
        report_store(ctx.db).current(ctx.member->ward_id, ctx.member->team_id, d.rule.code, d.period.key);
    bool locked = ctx.now() >= d.locks_at;
    // Once locked, the card shows what the ward received; while open, what a submit would send.
    auto submitted = current ? std::optional(figures_from_json(current->figures_json)) : std::nullopt;
    auto& shown = locked && submitted ? *submitted : figures;
    std::string body = ctx.say(report_text::report_header, {{"deadline", deadline_name(ctx.lang, d)},
                                                            {"team", team ? team->name : ""},
                                                            arg::markup("period", period_label(ctx.lang, d)),
                                                            {"due", instant(ctx, d.due_at)}});
    body += "\n\n" + figures_text(ctx.lang, shown,
                                  team_members_total(ctx.db, *ctx.member->team_id, d.period, ctx.zone()));
    if (auto ward = ward_store(ctx.db).by_id(ctx.member->ward_id))
        if (auto* wc = ward_settings(ctx.cfg(), ward->name))
            body += targets_text(ctx.lang, shown, wc->targets, d.rule.kind,
                                 team_share(ctx.db, ctx.member->ward_id, *ctx.member->team_id));
    body += "\n\n";
    if (current) {
        auto at = instant(ctx, current->submitted_at);
        // Who sent it: a deputy may have, and the leader reads the card.
        auto by = current->submitted_by ? member_store(ctx.db).by_id(*current->submitted_by) : std::nullopt;
        auto who = by ? by->full_name : ctx.say(report_text::someone);
        if (locked)
            body += ctx.say(report_text::report_status_submitted_final,
                            {{"who", who}, {"at", at}, {"timeliness", timeliness(ctx, current->on_time)}});
        else
            body += ctx.say(report_text::report_status_submitted,
                            {{"who", who},
                             {"at", at},
                             {"timeliness", timeliness(ctx, current->on_time)},
                             {"lock", instant(ctx, d.locks_at)}});
        // What the ward reads with it: the leader sees the comment they sent.
        if (!current->comment.empty())
            body += "\n" + ctx.say(report_text::comment_line, {{"comment", current->comment}});
        if (figures_differ(*submitted, figures)) {
            auto& other = locked ? figures : *submitted;
            body += "\n" + ctx.say(locked ? report_text::figures_changed_after_lock
                                          : report_text::figures_changed_since_submitted,
                                   {{"visits", format_count(ctx.lang, other.visits)},
                                    {"people", format_count(ctx.lang, other.people)},
                                    {"sessions", format_count(ctx.lang, other.sessions)},
                                    {"attendees", format_count(ctx.lang, other.attendees)}});
        }
    } else if (!locked && ctx.now() > d.due_at)
        body += ctx.say(report_text::report_status_overdue, {{"lock", instant(ctx, d.locks_at)}});
    else
        body += ctx.say(report_text::report_status_none);
    if (locked) {
        ctx.reply(body + "\n" +
                  ctx.say(current ? report_text::report_locked_note : report_text::report_locked_unsent_note,
                          {{"lock", instant(ctx, d.locks_at)}}));
        return;
    }
    // Before the buttons: what pressing them now would send.
    if (figures.visits + figures.sessions == 0)
        body += "\n" + ctx.say(report_text::report_empty_warning);
    else if (sys_days{ctx.today()} < sys_days{d.period.last})
        body += "\n" + ctx.say(report_text::report_early_note, {{"end", format_date(d.period.last)}});
    // The team is in the data: in a shared chat, another team's leader pressing it is refused.
    auto team_id = *ctx.member->team_id;
    std::vector<std::vector<choice_button>> buttons{
        {{ctx.say(report_text::button_submit), report_button_data(report_button::submit, team_id, d)}},
        {{ctx.say(report_text::button_submit_comment),
          report_button_data(report_button::comment, team_id, d)}}};
    if (!others.empty()) {
        std::string list;
        for (auto& o : others) {
            list += (list.empty() ? "" : "; ") +
                    ctx.say(report_text::report_other_item, {{"deadline", deadline_name(ctx.lang, o)},
                                                             arg::markup("period", period_label(ctx.lang, o)),
                                                             {"due", format_date(o.due_date)}});
            buttons.push_back(
                {{ctx.say(report_text::button_open_report,
                          {{"deadline", deadline_name(ctx.lang, o)}, {"period", period_label(ctx.lang, o)}}),
                  report_button_data(report_button::view, team_id, o)}});
        }
        body += "\n\n" + ctx.say(report_text::report_others_open, {arg::markup("list", list)});
    }
    ctx.ask(body, std::move(buttons));
}

// What "/baocao" alone opens for a team: of the open reports it owes and has not submitted, the
// one due first (an overdue one is still accepted, so it is the most urgent); the rest are
// listed under it. When all are in, the one due first, to read.
std::pair<std::optional<deadline_instance>, std::vector<deadline_instance>>
team_report_to_open(handler_context& ctx, const std::vector<deadline_instance>& open) {
    auto team = team_store(ctx.db).by_id(*ctx.member->team_id);
    report_store reports(ctx.db);
    std::vector<deadline_instance> pending;
    std::optional<deadline_instance> first_owed;
    for (auto& d : open) {
        if (!team || !team_owes(*team, d))
            continue;
        if (!first_owed)
            first_owed = d;
        if (!reports.current(ctx.member->ward_id, ctx.member->team_id, d.rule.code, d.period.key))
            pending.push_back(d);
    }
    if (pending.empty())
        return {first_owed ? first_owed : open.empty() ? std::nullopt : std::optional(open.front()), {}};
    auto first = pending.front();
    pending.erase(pending.begin());
    return {first, pending};
}

// What "/baocao phuong" alone opens: of the open team reports, the one due first that some team
// still owes (an overdue one is still accepted, so it is the most urgent); the others teams
// still owe are listed under it. When every team is in, the one due first, to read.
std::pair<std::optional<deadline_instance>, std::vector<deadline_instance>>
ward_report_to_open(handler_context& ctx, const std::vector<deadline_instance>& open) {
    auto pending = still_owed_by_teams(ctx.db, ctx.member->ward_id,
                                       team_store(ctx.db).in_ward(ctx.member->ward_id), open);
    if (pending.empty())
        return {open.empty() ? std::nullopt : std::optional(open.front()), {}};
    auto first = pending.front();
    pending.erase(pending.begin());
    return {first, pending};
}

void post_to_ward(handler_context& ctx, const deadline_instance& d, const report_submission& s,
                  const activity_totals& figures, const std::string& team) {
    auto members_total = team_members_total(ctx.db, *ctx.member->team_id, d.period, ctx.zone());
    for (auto& g : group_store(ctx.db).of_ward(ctx.member->ward_id, false)) {
        if (g.team_id || !g.active)
            continue;
        auto lang = language_of(ctx.cfg());
        auto comment = s.comment.empty() ? std::string()
                                         : say(lang, report_text::comment_line, {{"comment", s.comment}});
        ctx.send_to(
            g.chat, chat_kind::group,
            say(lang, report_text::posted_to_ward,
                {{"team", team},
                 {"deadline", deadline_name(ctx.lang, d)},
                 arg::markup("period", period_label(lang, d)),
                 arg::markup("timeliness", say(lang, s.on_time ? report_text::on_time : report_text::late)),
                 {"who", ctx.member->full_name},
                 arg::markup("figures", figures_text(lang, figures, members_total)),
                 arg::markup("comment", comment)}),
            lane::bulk);
    }
}

void submit(handler_context& ctx, const std::string& code, const std::string& period_key,
            const std::string& comment) {
    if (!may_submit(ctx)) {
        ctx.reply(report_text::report_only_leader);
        return;
    }
    auto d = find_instance(ctx, code, period_key);
    if (!d) {
        ctx.reply(report_text::stale_button);
        return;
    }
    if (ctx.now() >= d->locks_at) {
        ctx.reply(report_text::locked, {{"deadline", deadline_name(ctx.lang, *d)},
                                        arg::markup("period", period_label(ctx.lang, *d)),
                                        {"lock", instant(ctx, d->locks_at)}});
        return;
    }
    auto figures = team_figures(ctx.db, *ctx.member->team_id, d->period);
    report_submission s;
    s.ward_id = ctx.member->ward_id;
    s.team_id = ctx.member->team_id;
    s.deadline_code = code;
    s.period_key = period_key;
    s.figures_json = figures_json(figures, d->period);
    s.comment = comment;
    s.submitted_by = ctx.member->id;
    s.submitted_at = ctx.now();
    s.on_time = ctx.now() <= d->due_at;
    report_store reports(ctx.db);
    reports.submit(s);
    auto n = static_cast<int>(reports.history(s.ward_id, s.team_id, code, period_key).size());
    auto args_period = period_label(ctx.lang, *d);
    auto& confirmation = ctx.reply(n > 1 ? report_text::resubmitted : report_text::submitted,
                                   {{"deadline", deadline_name(ctx.lang, *d)},
                                    arg::markup("period", args_period),
                                    {"at", instant(ctx, s.submitted_at)},
                                    arg::markup("timeliness", timeliness(ctx, s.on_time)),
                                    {"n", n}});
    // The comment went to the ward with the figures: the leader sees what they sent, as typed.
    if (!comment.empty())
        confirmation.text += ctx.say(report_text::comment_line, {{"comment", comment}});
    auto team = team_store(ctx.db).by_id(*ctx.member->team_id);
    post_to_ward(ctx, *d, s, figures, team ? team->name : "");
    audit_log(ctx.db).record(ctx.member->id, ctx.member->full_name + " (" + ctx.member->role + ")",
                             "report.submit", team ? team->name : "",
                             code + " " + period_key + (s.on_time ? " on time" : " late"), ctx.now());
}

// The ward's figures count every record of the period; a team's locked card shows what it
// sent. Names the teams where the two differ, so the ward can tell which figures it is passing on.
std::string changed_since_submitted(handler_context& ctx, const deadline_instance& d,
                                    const std::vector<team_record>& teams,
                                    const std::vector<report_submission>& submitted) {
    constexpr int max_listed = 10; // a phone screen; the export lists every team
    std::string lines;
    int changed = 0;
    for (auto& t : teams) {
        auto it =
            std::find_if(submitted.begin(), submitted.end(), [&](auto& s) { return s.team_id == t.id; });
        if (it == submitted.end())
            continue;
        auto sent = figures_from_json(it->figures_json);
        auto now = team_figures(ctx.db, t.id, d.period);
        if (!figures_differ(sent, now) || ++changed > max_listed)
            continue;
        auto n = [&](std::int64_t v) { return format_count(ctx.lang, v); };
        lines += "\n" + ctx.say(report_text::ward_figures_differ_team, {{"team", t.name},
                                                                        {"sent_visits", n(sent.visits)},
                                                                        {"visits", n(now.visits)},
                                                                        {"sent_people", n(sent.people)},
                                                                        {"people", n(now.people)},
                                                                        {"sent_sessions", n(sent.sessions)},
                                                                        {"sessions", n(now.sessions)},
                                                                        {"sent_attendees", n(sent.attendees)},
                                                                        {"attendees", n(now.attendees)}});
    }
    if (changed == 0)
        return "";
    if (changed > max_listed)
        lines += "\n" + ctx.say(report_text::ward_figures_differ_more, {{"count", changed - max_listed}});
    return "\n\n" + ctx.say(report_text::ward_figures_differ, {{"count", changed}}) + lines;
}

// `others`: the ward's other open reports that teams still owe, listed under the view.
void show_ward_report(handler_context& ctx, const deadline_instance& d, std::string_view kind,
                      const std::vector<deadline_instance>& others = {}) {
    auto ward = ward_store(ctx.db).by_id(ctx.member->ward_id);
    auto figures = ward_figures(ctx.db, ctx.member->ward_id, d.period);
    auto teams = team_store(ctx.db).in_ward(ctx.member->ward_id);
    auto submitted = report_store(ctx.db).current_of_ward(ctx.member->ward_id, d.rule.code, d.period.key);
    // A team added after the deadline does not owe it: not counted, not listed as missing.
    auto tally = tally_ward(teams, d, submitted);
    int on_time = tally.on_time, late = tally.late;
    std::string missing;
    for (auto& t : tally.missing)
        missing += (missing.empty() ? "" : ", ") + t.name;
    auto expected = static_cast<std::int64_t>(tally.counted.size());
    std::string body =
        ctx.say(report_text::ward_report_header, {{"deadline", deadline_name(ctx.lang, d)},
                                                  {"ward", ward ? ward->name : ""},
                                                  arg::markup("period", period_label(ctx.lang, d)),
                                                  {"due", instant(ctx, d.due_at)}});
    body += "\n\n" + figures_text(ctx.lang, figures,
                                  ward_members_total(ctx.db, ctx.member->ward_id, d.period, ctx.zone()));
    if (auto* wc = ward_settings(ctx.cfg(), ward ? ward->name : ""))
        body += targets_text(ctx.lang, figures, wc->targets, d.rule.kind);
    body += "\n\n" + ctx.say(report_text::ward_completeness,
                             {{"submitted", on_time + late},
                              {"expected", expected},
                              {"percent", expected ? (on_time + late) * 100 / expected : 0},
                              {"on_time", on_time},
                              {"late", late},
                              {"missing", missing.empty() ? ctx.say(report_text::nobody) : missing}});
    if (!missing.empty() && ctx.now() > d.due_at && ctx.now() < d.locks_at)
        body += "\n" + ctx.say(report_text::ward_overdue_note, {{"lock", instant(ctx, d.locks_at)}});
    if (!others.empty()) {
        report_store reports(ctx.db);
        std::string list;
        for (auto& o : others) {
            auto missing_there =
                tally_ward(teams, o, reports.current_of_ward(ctx.member->ward_id, o.rule.code, o.period.key))
                    .missing.size();
            list +=
                (list.empty() ? "" : "; ") + ctx.say(report_text::ward_other_item,
                                                     {{"deadline", deadline_name(ctx.lang, o)},
                                                      arg::markup("period", period_label(ctx.lang, o)),
                                                      {"due", format_date(o.due_date)},
                                                      {"missing", static_cast<std::int64_t>(missing_there)}});
        }
        body += "\n\n" + ctx.say(report_text::ward_others_open, {arg::markup("list", list)});
    }
    body += changed_since_submitted(ctx, d, teams, submitted);
    // The ward's own deadlines (ward -> district or province): status and a submit button.
    std::vector<std::vector<choice_button>> buttons;
    report_store reports(ctx.db);
    for (auto& w : open_deadlines(ctx, false)) {
        if (w.rule.who != "ward" || (!kind.empty() && w.rule.kind != kind))
            continue;
        auto current = reports.current(ctx.member->ward_id, std::nullopt, w.rule.code, w.period.key);
        body +=
            "\n" + ctx.say(report_text::ward_own_line, {{"deadline", deadline_name(ctx.lang, w)},
                                                        arg::markup("period", period_label(ctx.lang, w)),
                                                        {"due", instant(ctx, w.due_at)},
                                                        arg::markup("status", status_line(ctx, w, current))});
        buttons.push_back(
            {{ctx.say(report_text::button_submit_ward, {{"deadline", deadline_name(ctx.lang, w)}}),
              "rp:w:" + w.rule.code + ":" + w.period.key}});
    }
    if (buttons.empty())
        ctx.reply(body);
    else
        ctx.ask(body, std::move(buttons));
}

// The ward's own report: its totals for the period, submitted by ward staff.
void submit_ward(handler_context& ctx, const std::string& code, const std::string& period_key) {
    if (!is_staff(ctx)) {
        ctx.reply(report_text::report_only_staff);
        return;
    }
    auto d = find_instance(ctx, code, period_key);
    if (!d || d->rule.who != "ward") {
        ctx.reply(report_text::stale_button);
        return;
    }
    if (ctx.now() >= d->locks_at) {
        ctx.reply(report_text::locked, {{"deadline", deadline_name(ctx.lang, *d)},
                                        arg::markup("period", period_label(ctx.lang, *d)),
                                        {"lock", instant(ctx, d->locks_at)}});
        return;
    }
    report_submission s;
    s.ward_id = ctx.member->ward_id;
    s.deadline_code = code;
    s.period_key = period_key;
    s.figures_json = figures_json(ward_figures(ctx.db, ctx.member->ward_id, d->period), d->period);
    s.submitted_by = ctx.member->id;
    s.submitted_at = ctx.now();
    s.on_time = ctx.now() <= d->due_at;
    report_store reports(ctx.db);
    reports.submit(s);
    auto n = static_cast<int>(reports.history(s.ward_id, std::nullopt, code, period_key).size());
    ctx.reply(n > 1 ? report_text::resubmitted : report_text::submitted,
              {{"deadline", deadline_name(ctx.lang, *d)},
               arg::markup("period", period_label(ctx.lang, *d)),
               {"at", instant(ctx, s.submitted_at)},
               arg::markup("timeliness", timeliness(ctx, s.on_time)),
               {"n", n}});
    audit_log(ctx.db).record(ctx.member->id, ctx.member->full_name + " (" + ctx.member->role + ")",
                             "report.submit", "ward",
                             code + " " + period_key + (s.on_time ? " on time" : " late"), ctx.now());
}

} // namespace

// "rp:<s|c|v>:<team id>:<deadline code>:<period key>": submit, comment then submit, or view;
// "rp:w:<deadline code>:<period key>": the ward's own report.
void on_report_choice(std::string_view data, handler_context& ctx) {
    auto rest = data.substr(3);
    if (rest.size() < 3) {
        ctx.reply(report_text::stale_button);
        return;
    }
    char action = rest[0];
    rest = rest.substr(2);
    auto colon = rest.rfind(':');
    if (colon == std::string_view::npos) {
        ctx.reply(report_text::stale_button);
        return;
    }
    std::string code(rest.substr(0, colon)), period(rest.substr(colon + 1));
    if (action == 'w') {
        submit_ward(ctx, code, period);
        return;
    }
    // Team buttons: "<team id>:<code>"
    auto team_end = code.find(':');
    if (team_end == std::string::npos) {
        ctx.reply(report_text::stale_button);
        return;
    }
    auto team = code.substr(0, team_end);
    code = code.substr(team_end + 1);
    if (!may_submit(ctx) || std::to_string(*ctx.member->team_id) != team) {
        ctx.reply(report_text::report_only_leader);
        return;
    }
    if (action == 'v') {
        auto d = find_instance(ctx, code, period);
        if (!d) {
            ctx.reply(report_text::stale_button);
            return;
        }
        show_team_report(ctx, *d);
        return;
    }
    if (action == 'c') {
        if (!may_submit(ctx)) {
            ctx.reply(report_text::report_only_leader);
            return;
        }
        ctx.expect_reply("report_comment", nlohmann::json{{"code", code}, {"period", period}}.dump(),
                         15 * 60);
        ctx.reply(report_text::ask_comment);
        return;
    }
    // Submitting again keeps the comment sent before; "add a comment" is how to change it.
    auto current = report_store(ctx.db).current(ctx.member->ward_id, ctx.member->team_id, code, period);
    submit(ctx, code, period, current ? current->comment : "");
}

void on_report_comment(std::string_view text, const std::string& state_json, handler_context& ctx) {
    auto state = nlohmann::json::parse(state_json, nullptr, false);
    if (!state.is_object() || !state.contains("code") || !state.contains("period")) {
        ctx.reply(report_text::stale_button);
        return;
    }
    submit(ctx, state["code"].get<std::string>(), state["period"].get<std::string>(), std::string(text));
}

void handle(const cmd_deadlines&, handler_context& ctx) {
    auto list = current_deadlines(ctx);
    if (list.empty()) {
        ctx.reply(report_text::no_deadlines);
        return;
    }
    std::string body;
    report_store reports(ctx.db);
    if (is_staff(ctx) || !ctx.member->team_id) {
        auto ward = ward_store(ctx.db).by_id(ctx.member->ward_id);
        body = ctx.say(report_text::deadlines_header_ward, {{"ward", ward ? ward->name : ""}});
        auto teams = team_store(ctx.db).in_ward(ctx.member->ward_id);
        for (auto& d : list) {
            std::string status;
            if (d.rule.who == "ward") {
                status = status_line(
                    ctx, d, reports.current(ctx.member->ward_id, std::nullopt, d.rule.code, d.period.key));
            } else {
                auto tally = tally_ward(
                    teams, d, reports.current_of_ward(ctx.member->ward_id, d.rule.code, d.period.key));
                bool locked = ctx.now() >= d.locks_at;
                bool overdue = !tally.missing.empty() && ctx.now() > d.due_at && !locked;
                status = tally.counted.empty()
                             ? ctx.say(report_text::status_ward_none_owe)
                             : ctx.say(overdue  ? report_text::status_ward_overdue
                                       : locked ? report_text::status_ward_locked
                                                : report_text::status_ward,
                                       {{"submitted", tally.submitted()},
                                        {"expected", static_cast<int>(tally.counted.size())},
                                        {"on_time", tally.on_time},
                                        {"lock", instant(ctx, d.locks_at)}});
            }
            body +=
                "\n" + ctx.say(report_text::deadline_line, {{"deadline", deadline_name(ctx.lang, d)},
                                                            arg::markup("period", period_label(ctx.lang, d)),
                                                            {"due", instant(ctx, d.due_at)},
                                                            arg::markup("status", status)});
        }
        ctx.reply(body + "\n\n" +
                  ctx.say(is_staff(ctx) ? report_text::deadlines_footer_staff
                                        : report_text::deadlines_footer_member));
        return;
    }
    auto team = team_store(ctx.db).by_id(*ctx.member->team_id);
    body = ctx.say(report_text::deadlines_header_team, {{"team", team ? team->name : ""}});
    // A leader opens any deadline's report from here, the ward's one-off deadlines included,
    // which "/baocao tháng|quý|năm" cannot name.
    std::vector<std::vector<choice_button>> buttons;
    for (auto& d : list) {
        if (d.rule.who != "team")
            continue;
        auto s = reports.current(ctx.member->ward_id, ctx.member->team_id, d.rule.code, d.period.key);
        // As "/baocao" and the reminders: a team added after a deadline does not owe its report.
        auto status = !s && team && !team_owes(*team, d) ? ctx.say(report_text::status_not_owed)
                                                         : status_line(ctx, d, s);
        body += "\n" + ctx.say(report_text::deadline_line, {{"deadline", deadline_name(ctx.lang, d)},
                                                            arg::markup("period", period_label(ctx.lang, d)),
                                                            {"due", instant(ctx, d.due_at)},
                                                            arg::markup("status", status)});
        if (may_submit(ctx) && ctx.now() < d.locks_at)
            buttons.push_back(
                {{ctx.say(report_text::button_open_report,
                          {{"deadline", deadline_name(ctx.lang, d)}, {"period", period_label(ctx.lang, d)}}),
                  report_button_data(report_button::view, *ctx.member->team_id, d)}});
    }
    if (buttons.empty()) {
        ctx.reply(body + "\n\n" + ctx.say(report_text::deadlines_footer_member));
        return;
    }
    ctx.ask(body + "\n\n" + ctx.say(report_text::deadlines_footer), std::move(buttons));
}

// A date two weeks ahead as d/m/yyyy: an example that /hannop_them would accept today.
std::string example_due_date(handler_context& ctx) {
    year_month_day d{sys_days{ctx.today()} + days{14}};
    return std::to_string(static_cast<unsigned>(d.day())) + "/" +
           std::to_string(static_cast<unsigned>(d.month())) + "/" +
           std::to_string(static_cast<int>(d.year()));
}

void handle(const cmd_add_deadline& c, handler_context& ctx) {
    auto semi = c.spec.find(';');
    auto trim = [](std::string s) {
        auto b = s.find_first_not_of(" \t\n");
        auto e = s.find_last_not_of(" \t\n.");
        return b == std::string::npos ? std::string() : s.substr(b, e - b + 1);
    };
    if (semi == std::string::npos) {
        ctx.reply(report_text::add_deadline_form, {{"example", example_due_date(ctx)}});
        return;
    }
    auto name = trim(c.spec.substr(0, semi));
    auto when = trim(c.spec.substr(semi + 1));
    if (name.empty() || when.empty()) {
        ctx.reply(report_text::add_deadline_form, {{"example", example_due_date(ctx)}});
        return;
    }
    // "22/4/2026" or "22/4/2026 17:00"
    std::string date_part = when, time_part = "17:00";
    if (auto space = when.find(' '); space != std::string::npos) {
        date_part = when.substr(0, space);
        time_part = trim(when.substr(space + 1));
    }
    auto today = ctx.today();
    auto date = parse_dmy(date_part, static_cast<int>(today.year()));
    int hh = -1, mm = -1;
    bool time_ok =
        std::sscanf(time_part.c_str(), "%d:%d", &hh, &mm) == 2 && hh >= 0 && hh < 24 && mm >= 0 && mm < 60;
    if (!date || !time_ok) {
        ctx.reply(report_text::add_deadline_bad_date, {{"date", when}, {"example", example_due_date(ctx)}});
        return;
    }
    if (sys_days{*date} < sys_days{today}) {
        ctx.reply(report_text::add_deadline_past,
                  {{"date", format_day_of(ctx.zone().start_of(*date), ctx.cfg().utc_offset_minutes)}});
        return;
    }
    char hhmm[8];
    std::snprintf(hhmm, sizeof hhmm, "%02d:%02d", hh, mm);
    extra_deadline e;
    e.ward_id = ctx.member->ward_id;
    e.name = name;
    e.due_day = iso_date(*date);
    e.time = hhmm;
    e.created_by = ctx.member->id;
    extra_deadline_store(ctx.db).add(e, ctx.now());
    audit_log(ctx.db).record(ctx.member->id, ctx.member->full_name + " (" + ctx.member->role + ")",
                             "deadline.add", name, e.due_day + " " + e.time, ctx.now());
    ctx.reply(report_text::add_deadline_done,
              {{"deadline", name}, {"due", instant(ctx, ctx.zone().at(*date, hh, mm))}});
}

void handle(const cmd_report& c, handler_context& ctx) {
    if (c.period == period_kind::week) {
        ctx.reply(report_text::report_week);
        return;
    }
    if (c.ward && !is_staff(ctx)) {
        ctx.reply(report_text::report_ward_staff_only);
        return;
    }
    if (!c.ward && !ctx.member->team_id) {
        ctx.reply(is_staff(ctx) ? report_text::report_staff_only_ward : report_text::report_no_team);
        return;
    }
    auto list = open_deadlines(ctx, true);
    if (!c.period_given && !c.previous && !c.named) {
        auto [first, others] = c.ward ? ward_report_to_open(ctx, list) : team_report_to_open(ctx, list);
        if (first) {
            if (c.ward)
                show_ward_report(ctx, *first, "", others);
            else
                show_team_report(ctx, *first, others);
            return;
        }
    }
    std::optional<deadline_instance> chosen;
    for (auto& d : list)
        if (!c.period_given || d.rule.kind == kind_of(c.period)) {
            chosen = d;
            break;
        }
    // "/baocao tháng 10": that period's report, open or locked.
    if (c.named) {
        auto ward = ward_store(ctx.db).by_id(ctx.member->ward_id);
        chosen = ward ? instance_for_key(ctx.db, ctx.cfg(), *ward, period_key(c.period, *c.named), false)
                      : std::nullopt;
    }
    // "tháng trước": the open report is still last month's until it locks; after that, show the
    // one before the current period (locked, for reading).
    if (chosen && c.previous && !c.named && sys_days{chosen->period.last} >= sys_days{ctx.today()}) {
        std::optional<deadline_instance> before;
        for (auto& d : instances_between(chosen->rule, year_month_day{sys_days{chosen->due_date} - days{800}},
                                         chosen->due_date, ctx.zone()))
            if (sys_days{d.period.last} < sys_days{chosen->period.first})
                before = d;
        chosen = before;
    }
    if (!chosen) {
        ctx.reply(report_text::report_no_rule,
                  {{"kind", ctx.say(c.period == period_kind::quarter ? text::period_quarter
                                    : c.period == period_kind::year  ? text::period_year
                                                                     : text::period_month)}});
        return;
    }
    if (c.ward)
        show_ward_report(ctx, *chosen, c.period_given ? kind_of(c.period) : "");
    else
        show_team_report(ctx, *chosen);
}

} // namespace cnscd

namespace cnscd {

void handle(const cmd_export& c, handler_context& ctx) {
    auto list = open_deadlines(ctx, true);
    std::optional<deadline_instance> chosen;
    for (auto& d : list)
        if (d.rule.kind == kind_of(c.period)) {
            chosen = d;
            break;
        }
    auto ward = ward_store(ctx.db).by_id(ctx.member->ward_id);
    if (!ward)
        return;
    // "/xuat quý trước", "/xuat tháng 10", or no deadline of that kind: the calendar period asked
    // (the current one by default), under its deadline when there is one.
    if (!chosen || c.previous || c.named) {
        auto asked = period_asked(c.period, c.previous, c.named, ctx.today());
        chosen = instance_for_key(ctx.db, ctx.cfg(), *ward, period_key(c.period, asked.start));
    }
    // A ward's year is ~100,000 rows and takes seconds: built off the writer, from the
    // database as committed, so every other update is still answered meanwhile.
    ctx.read_later([&cfg = ctx.cfg(), lang = ctx.lang, in = ctx.in, ward = *ward, chosen = *chosen,
                    format = c.format](database& db) {
        auto reply = [&](std::string text) { return std::vector<outgoing>{reply_text(in, std::move(text))}; };
        auto failed = [&](const std::string& detail) {
            return reply(say(lang, report_text::export_failed, {{"detail", detail}}));
        };
        try {
            auto data = build_ward_export(db, cfg, lang, ward, chosen);
            auto dir = std::filesystem::path(exports_dir(cfg.storage.db_path));
            std::error_code ec;
            std::filesystem::create_directories(dir, ec);
            auto stem = export_file_stem(ward, chosen);
            std::vector<std::pair<std::string, std::string>> files; // path, shown name
            std::string error;
            if (format == "csv") {
                for (std::size_t i = 0; i < data.sheets.size(); ++i) {
                    static constexpr std::array<std::string_view, 3> suffix{"to", "thanh-vien",
                                                                            "luot-ho-tro"};
                    auto name = stem + "-" + std::string(suffix[i]) + ".csv";
                    std::ofstream out(dir / name, std::ios::binary | std::ios::trunc);
                    out << to_csv(data.sheets[i]);
                    if (!out)
                        error = "cannot write " + name;
                    files.push_back({(dir / name).string(), name});
                }
            } else {
                auto name = stem + ".xlsx";
                error = write_xlsx((dir / name).string(), data.sheets);
                files.push_back({(dir / name).string(), name});
            }
            if (!error.empty() || ec)
                return failed(error.empty() ? ec.message() : error);
            auto caption = say(lang, report_text::export_caption,
                               {{"ward", ward.name},
                                arg::markup("period", period_label(lang, chosen)),
                                {"teams", static_cast<std::int64_t>(data.teams)},
                                {"members", static_cast<std::int64_t>(data.members)},
                                {"records", static_cast<std::int64_t>(data.records)}});
            std::vector<outgoing> out;
            for (std::size_t i = 0; i < files.size(); ++i) {
                auto o = reply_text(in, i == 0 ? caption : std::string());
                o.kind = outgoing_kind::document;
                o.document = attachment{"document", "file:" + files[i].first, files[i].second};
                out.push_back(std::move(o));
            }
            return out;
        } catch (const std::exception& e) {
            return failed(e.what());
        }
    });
    audit_log(ctx.db).record(ctx.member->id, ctx.member->full_name + " (" + ctx.member->role + ")",
                             "report.export", ward->name, chosen->period.key + " " + c.format, ctx.now());
}

} // namespace cnscd
