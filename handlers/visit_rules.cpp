#include "handlers/visit_rules.hpp"

#include "handlers/reminder_planning.hpp"
#include "handlers/report_format.hpp"
#include "handlers/reporting_calendar.hpp"
#include "messages/dates.hpp"
#include "messages/markup.hpp"
#include "messages/visit_texts.hpp"
#include "storage/registry.hpp"
#include "storage/report_store.hpp"

#include <set>

namespace cnscd {

using namespace std::chrono;

namespace {

std::optional<visit_record> record_if(handler_context& ctx, visit_store& visits, std::int64_t no,
                                      visit_text not_yours, bool in_charge) {
    auto v = visits.by_id(no);
    bool mine = v && v->member_id == ctx.member->id;
    bool managed =
        v && in_charge &&
        (((ctx.who == role::leader || ctx.who == role::deputy) && ctx.member->team_id == v->team_id) ||
         (is_staff(ctx.who) && ctx.member->ward_id == v->ward_id));
    if (!v)
        ctx.reply(visit_text::record_not_found, {{"no", no}});
    else if (!mine && !managed)
        ctx.reply(not_yours, {{"no", no}});
    else if (v->cancelled)
        ctx.reply(visit_text::record_cancelled_already, {{"no", no}});
    else
        return v;
    return std::nullopt;
}

} // namespace

std::optional<visit_record> own_record(handler_context& ctx, visit_store& visits, std::int64_t no,
                                       visit_text not_yours) {
    return record_if(ctx, visits, no, not_yours, false);
}

std::optional<visit_record> record_to_change(handler_context& ctx, visit_store& visits, std::int64_t no,
                                             visit_text not_yours) {
    return record_if(ctx, visits, no, not_yours, true);
}

namespace {

// The ward's report that covered `day` and is locked now, if any. A report covers its period
// up to its due date; days after the due date in the same period stay open.
std::optional<deadline_instance> locked_report_covering(handler_context& ctx, year_month_day day) {
    if (!ctx.member)
        return std::nullopt;
    auto ward = ward_store(ctx.db).by_id(ctx.member->ward_id);
    if (!ward)
        return std::nullopt;
    local_time zone{ctx.cfg().utc_offset_minutes};
    auto from = year_month_day{sys_days{day} - days{1}};
    auto to = year_month_day{sys_days{day} + days{400}};
    for (auto& rule : ward_deadlines(ctx.db, ctx.cfg(), *ward))
        for (auto& d : instances_between(rule, from, to, zone))
            if (d.locks_at <= ctx.now() && sys_days{d.period.first} <= sys_days{day} &&
                sys_days{day} <= sys_days{std::min(sys_days{d.period.last}, sys_days{d.due_date})})
                return d;
    return std::nullopt;
}

// Who can still add a record to a day the bot refuses: the ward staff, reached through the
// team's leader. Ward staff themselves are told nothing more.
std::string add_advice(handler_context& ctx) {
    if (is_staff(ctx.who))
        return "";
    return ctx.say(ctx.who == role::leader || ctx.who == role::deputy ? visit_text::tell_staff_to_add
                                                                      : visit_text::ask_leader_to_add);
}

} // namespace

bool day_accepted(handler_context& ctx, year_month_day day) {
    auto today = ctx.today();
    if (sys_days{day} > sys_days{today}) {
        ctx.reply(visit_text::refused_future, {{"date", format_date(day)}, {"today", format_date(today)}});
        return false;
    }
    if (sys_days{day} < sys_days{today} - days{oldest_loggable_days}) {
        ctx.reply(visit_text::refused_too_old,
                  {{"date", format_date(day)}, {"days", oldest_loggable_days}, {"advice", add_advice(ctx)}});
        return false;
    }
    return day_open(ctx, day);
}

bool day_open(handler_context& ctx, year_month_day day) {
    // Only back-dated records can fall in a closed report: what happens today is always kept.
    if (sys_days{day} >= sys_days{ctx.today()})
        return true;
    auto locked = locked_report_covering(ctx, day);
    if (!locked)
        return true;
    ctx.reply(visit_text::refused_locked,
              {{"date", format_date(day)},
               {"report", deadline_name(ctx.lang, *locked)},
               {"lock", format_instant(ctx.lang, locked->locks_at, ctx.cfg().utc_offset_minutes)},
               {"advice", add_advice(ctx)}});
    return false;
}

std::string report_notes(handler_context& ctx, std::int64_t team_id,
                         std::initializer_list<std::chrono::year_month_day> record_days) {
    if (!ctx.member)
        return "";
    auto ward = ward_store(ctx.db).by_id(ctx.member->ward_id);
    if (!ward)
        return "";
    local_time zone{ctx.cfg().utc_offset_minutes};
    report_store reports(ctx.db);
    std::set<std::string> seen; // one line per report, when the days share one
    std::string out, locked;
    for (auto& rule : ward_deadlines(ctx.db, ctx.cfg(), *ward)) {
        if (rule.who != "team")
            continue;
        for (auto day : record_days)
            // A report may fall due before its period ends (the 24th for a calendar month).
            for (auto& d : instances_covering(rule, day, zone)) {
                if (!seen.insert(rule.code + " " + d.period.key).second)
                    continue;
                auto name = [&] {
                    return markup::escape(deadline_name(ctx.lang, d)) + " (" + period_label(ctx.lang, d) +
                           ")";
                };
                // Locked: day_open let the record in, so its day is past the report's due date.
                // Said only once the period is over: while it runs, every record of its last days
                // (and of December, for a year-end report due in November) would carry it.
                if (d.locks_at <= ctx.now()) {
                    if (sys_days{d.period.last} < sys_days{ctx.today()})
                        locked += (locked.empty() ? "" : ", ") + name();
                } else if (reports.current(ward->id, team_id, rule.code, d.period.key)) {
                    out += ctx.say(
                        visit_text::in_submitted_report,
                        {arg::markup("report", name()),
                         {"lock", format_instant(ctx.lang, d.locks_at, ctx.cfg().utc_offset_minutes)}});
                }
            }
    }
    if (!locked.empty())
        out += ctx.say(visit_text::in_locked_report, {arg::markup("reports", locked)});
    return out;
}

} // namespace cnscd
