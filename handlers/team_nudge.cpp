// /nhacnho and the 📣 button under a team's /thongke: the leader (or ward staff) posts in the
// team's group who has logged nothing yet this period, with the one line it takes to log; a team
// without a group (Zalo OA teams often have none) is reminded privately, one by one, and the one who
// asked hears afterwards who did not get it (blocked the bot, Zalo's window closed, another error).
// Once per team every 12 hours, so the button cannot be used to flood a group.

#include "handlers/team_nudge.hpp"

#include "handlers/delivery_hooks.hpp"
#include "handlers/handlers.hpp"
#include "handlers/member_lookup.hpp"
#include "handlers/period.hpp"
#include "handlers/private_reach.hpp"
#include "handlers/report_format.hpp"
#include "messages/dates.hpp"
#include "messages/text_fold.hpp"
#include "messages/visit_texts.hpp"
#include "storage/database.hpp"
#include "storage/meta_store.hpp"
#include "storage/nudge_store.hpp"
#include "storage/outbox.hpp"
#include "storage/registry.hpp"
#include "storage/visit_store.hpp"

#include <algorithm>
#include <charconv>
#include <map>

namespace cnscd {
namespace {

constexpr std::int64_t nudge_gap_seconds = 12 * 3600;
constexpr std::string_view period_letters = "wmqy"; // indexed by period_kind

std::string meta_key(std::int64_t team_id) {
    return "nudge.team." + std::to_string(team_id);
}

bool may_nudge(const handler_context& ctx, const team_record& team) {
    if (is_staff(ctx.who))
        return team.ward_id == ctx.member->ward_id;
    return (ctx.who == role::leader || ctx.who == role::deputy) && ctx.member->team_id == team.id;
}

// "tháng 11/2026", "quý IV/2026"; a week has no such name, and a nudge is always about this one.
std::string nudge_period_label(language lang, period_kind kind, std::chrono::year_month_day start) {
    if (kind == period_kind::week)
        return say(lang, stats_text::period_this_week);
    return calendar_period_label(lang, kind, start);
}

std::vector<member_record> idle_members(handler_context& ctx, std::int64_t team_id, const stats_period& p) {
    auto logged = visit_store(ctx.db).members_of_team(team_id, p.so_far());
    auto members = member_store(ctx.db).in_team(team_id);
    std::erase_if(members, [&](const member_record& m) {
        return std::any_of(logged.begin(), logged.end(), [&](auto& mt) { return mt.member_id == m.id; });
    });
    return members;
}

std::vector<group_binding> active_groups(handler_context& ctx, std::int64_t team_id) {
    auto groups = group_store(ctx.db).of_team(team_id);
    std::erase_if(groups, [](const group_binding& g) { return !g.active; });
    return groups;
}

// Without a group, each one who logged nothing is reminded privately, where the bot can write.
// Each message carries the nudge's id: its outcome comes back through follow_nudge_delivery.
void nudge_privately(handler_context& ctx, const team_record& team, const std::vector<member_record>& idle,
                     period_kind kind, const stats_period& p, std::int64_t& reached,
                     std::string& unreachable) {
    std::vector<std::pair<const member_record*, std::vector<chat_address>>> reachable;
    for (auto& m : idle) {
        auto routes = private_routes(ctx.db, m.id, ctx.now());
        if (routes.empty())
            unreachable += (unreachable.empty() ? "" : ", ") + m.full_name;
        else
            reachable.emplace_back(&m, std::move(routes));
    }
    if (reachable.empty())
        return;
    nudge_store nudges(ctx.db);
    auto nudge_id = nudges.create(
        {0, team.id, ctx.member->id, ctx.now(), ctx.in.chat, ctx.in.chat_type, ctx.in.thread_id});
    for (auto& [m, routes] : reachable) {
        ++reached;
        auto lang = language_of(ctx.cfg(), m->language);
        auto text = say(lang, stats_text::nudge_private,
                        {{"who", ctx.member->full_name},
                         {"role", role_label(ctx, ctx.member->role)},
                         {"team", team.name},
                         {"period", nudge_period_label(lang, kind, p.start)},
                         {"range", format_date(p.start) + " – " + format_date(p.through)}});
        for (auto& to : routes) {
            ctx.send_to(to, chat_kind::private_chat, text).nudge_id = nudge_id;
            nudges.add_message(nudge_id, m->id, to);
        }
    }
}

// Why one member's messages did not arrive, in words the one who asked can act on.
std::string nudge_failure_words(language lang, const std::string& reason) {
    constexpr std::size_t shown_error_chars = 80;
    if (reason == "gone")
        return say(lang, stats_text::nudge_reason_gone);
    if (reason == "window")
        return say(lang, stats_text::nudge_reason_window);
    return say(lang, stats_text::nudge_reason_other, {{"error", cut_after_chars(reason, shown_error_chars)}});
}

void nudge(handler_context& ctx, const team_record& team, period_kind kind) {
    if (!may_nudge(ctx, team)) {
        ctx.reply(stats_text::nudge_not_yours);
        return;
    }
    auto p = period_asked(kind, false, {}, ctx.today());
    auto label = nudge_period_label(ctx.lang, kind, p.start);
    auto idle = idle_members(ctx, team.id, p);
    std::erase_if(idle, [&](const member_record& m) { return m.id == ctx.member->id; }); // not oneself
    if (idle.empty()) {
        ctx.reply(stats_text::nudge_nobody, {{"team", team.name}, {"period", label}});
        return;
    }
    meta_store meta(ctx.db);
    auto last = meta.get_int(meta_key(team.id), 0);
    if (last > 0 && ctx.now() - last < nudge_gap_seconds) {
        ctx.reply(stats_text::nudge_too_soon,
                  {{"team", team.name}, {"at", instant_label(ctx.lang, last, ctx.cfg().utc_offset_minutes)}});
        return;
    }
    auto groups = active_groups(ctx, team.id);
    std::int64_t reached = 0;
    std::string unreachable;
    bool posted_here = false;
    if (groups.empty()) {
        nudge_privately(ctx, team, idle, kind, p, reached, unreachable);
        if (reached == 0) {
            ctx.reply(stats_text::nudge_no_one_reachable, {{"team", team.name}, {"names", unreachable}});
            return;
        }
    } else {
        std::string names;
        for (auto& m : idle)
            names += (names.empty() ? "" : ", ") + m.full_name;
        // The group reads the ward's language, not the sender's.
        auto lang = language_of(ctx.cfg());
        auto post = say(lang, stats_text::nudge_post,
                        {{"who", ctx.member->full_name},
                         {"role", role_label(ctx, ctx.member->role)},
                         {"period", nudge_period_label(lang, kind, p.start)},
                         {"range", format_date(p.start) + " – " + format_date(p.through)},
                         {"names", names}});
        for (auto& g : groups) {
            ctx.send_to(g.chat, chat_kind::group, post);
            posted_here = posted_here || g.chat == ctx.in.chat;
        }
        reached = static_cast<std::int64_t>(idle.size());
    }
    meta.set(meta_key(team.id), std::to_string(ctx.now()));
    audit_log(ctx.db).record(ctx.member->id, ctx.member->full_name + " (" + ctx.member->role + ")",
                             "team.nudge", team.name, std::to_string(reached) + " member(s), " + label,
                             ctx.now());
    if (posted_here) // in the group itself the post is the answer
        return;
    if (groups.empty())
        ctx.reply(unreachable.empty() ? stats_text::nudge_sent_private
                                      : stats_text::nudge_sent_private_partly,
                  {{"team", team.name}, {"count", reached}, {"names", unreachable}});
    else
        ctx.reply(stats_text::nudge_sent, {{"team", team.name}, {"count", reached}});
}

} // namespace

std::string nudge_button_data(std::int64_t team_id, period_kind kind) {
    return "nh:" + std::to_string(team_id) + ":" + period_letters[static_cast<std::size_t>(kind)];
}

bool offers_nudge(handler_context& ctx, const team_record& team) {
    return may_nudge(ctx, team);
}

void handle(const cmd_nudge& c, handler_context& ctx) {
    std::optional<team_record> team;
    if (!c.team.empty() && !is_staff(ctx.who)) {
        // Leaders remind their own team: other words are most likely a period written wrong
        // ("tháng trước": a period that is over cannot be caught up on).
        auto own = ctx.member->team_id ? team_store(ctx.db).by_id(*ctx.member->team_id) : std::nullopt;
        if (!own || (fold(own->name) != fold(c.team) && fold(own->code) != fold(c.team))) {
            ctx.reply(stats_text::nudge_bad_words, {{"detail", c.team}});
            return;
        }
    }
    if (!c.team.empty() && is_staff(ctx.who))
        team = team_named(ctx, c.team);
    else if (ctx.group && ctx.group->team_id)
        team = team_store(ctx.db).by_id(*ctx.group->team_id);
    else if (ctx.member->team_id)
        team = team_store(ctx.db).by_id(*ctx.member->team_id);
    if (!team) {
        if (c.team.empty())
            ask_which_team(ctx, registry_text::nudge_pick_team);
        return; // team_named has said what it could not find
    }
    nudge(ctx, *team, c.period);
}

// "nh:<team id>:<w|m|q|y>"
void on_nudge_choice(std::string_view data, handler_context& ctx) {
    data.remove_prefix(std::min<std::size_t>(3, data.size()));
    auto colon = data.find(':');
    std::int64_t team_id = 0;
    auto id = data.substr(0, colon);
    auto letter = colon == std::string_view::npos ? std::string_view() : data.substr(colon + 1);
    auto k = letter.size() == 1 ? period_letters.find(letter[0]) : std::string_view::npos;
    auto team = std::from_chars(id.data(), id.data() + id.size(), team_id).ec == std::errc{} &&
                        k != std::string_view::npos
                    ? team_store(ctx.db).by_id(team_id)
                    : std::nullopt;
    if (!team || !ctx.linked()) {
        ctx.reply(stats_text::nudge_not_yours);
        return;
    }
    nudge(ctx, *team, static_cast<period_kind>(k));
}

// Once every message of a private nudge has its outcome, the one who asked hears who was not
// reached (a member counts as reached when any of their accounts got it); nothing when all were.
void follow_nudge_delivery(database& db, const dispatch_env& env, const delivery_report& report) {
    nudge_store nudges(db);
    auto id = report.row.message.nudge_id;
    auto outcome = report.delivered ? std::string("delivered") : failure_reason_code(report);
    if (!nudges.record_outcome(id, report.row.message.to, outcome))
        return;
    auto n = nudges.by_id(id);
    if (!n)
        return;
    std::vector<std::int64_t> order;                          // members, in the order reminded
    std::map<std::int64_t, std::vector<std::string>> reasons; // empty once reached
    std::map<std::int64_t, bool> reached;
    for (auto& m : nudges.messages(id)) {
        if (!reached.contains(m.member_id))
            order.push_back(m.member_id);
        auto& got = reached[m.member_id];
        got = got || m.outcome == "delivered";
        auto& why = reasons[m.member_id];
        if (m.outcome != "delivered" && std::find(why.begin(), why.end(), m.outcome) == why.end())
            why.push_back(m.outcome);
    }
    std::erase_if(order, [&](std::int64_t member_id) { return reached[member_id]; });
    if (order.empty())
        return;
    member_store members(db);
    auto asker = members.by_id(n->asked_by);
    auto lang = language_of(env.cfg, asker ? asker->language : std::string());
    auto team = team_store(db).by_id(n->team_id);
    std::string text = say(lang, stats_text::nudge_undelivered_header,
                           {{"team", team ? team->name : std::string()},
                            {"failed", static_cast<std::int64_t>(order.size())},
                            {"count", static_cast<std::int64_t>(reached.size())}});
    for (auto member_id : order) {
        auto m = members.by_id(member_id);
        std::string why;
        for (auto& r : reasons[member_id])
            why += (why.empty() ? "" : "; ") + nudge_failure_words(lang, r);
        text += "\n" + say(lang, stats_text::nudge_undelivered_line,
                           {{"name", m ? m->full_name : std::string()}, arg::markup("reason", why)});
    }
    text += "\n" + say(lang, stats_text::nudge_undelivered_advice);
    auto note = text_to(n->origin, n->origin_type, std::move(text));
    note.thread_id = n->origin_thread;
    outbox(db).add(note, report.at);
}

} // namespace cnscd
