// The roster in chat: linking accounts (shared contact, invite codes), binding groups to
// teams, listing and managing members, and the ward's "open" join policy.

#include "handlers/handlers.hpp"
#include "handlers/member_lookup.hpp"
#include "handlers/private_reach.hpp"
#include "handlers/ward_settings.hpp"
#include "messages/command_parser.hpp"
#include "messages/dates.hpp"
#include "messages/markup.hpp"
#include "messages/phone.hpp"
#include "messages/registry_texts.hpp"
#include "messages/text_fold.hpp"
#include "messages/visit_texts.hpp"
#include "storage/database.hpp"
#include "storage/held_record_store.hpp"
#include "storage/invite_store.hpp"
#include "storage/registry.hpp"

#include <algorithm>
#include <charconv>
#include <iterator>

namespace cnscd {

namespace {

bool is_staff(const handler_context& ctx) {
    return is_staff(ctx.who);
}

std::string actor_name(const handler_context& ctx) {
    return ctx.member ? ctx.member->full_name + " (" + ctx.member->role + ")" : "unknown";
}

void audit(handler_context& ctx, const std::string& action, const std::string& subject,
           const std::string& detail) {
    audit_log(ctx.db).record(ctx.member ? std::optional(ctx.member->id) : std::nullopt, actor_name(ctx),
                             action, subject, detail, ctx.now());
}

// Records the visits this person sent privately before linking, each on the day it was sent
// unless its text names one; the usual rules (60 days, closed periods) still apply.
void record_held_visits(handler_context& ctx) {
    auto held = held_record_store(ctx.db).take(ctx.in.chat.platform, ctx.in.user_id, ctx.now());
    if (held.empty())
        return;
    if (!ctx.member->team_id) { // ward staff log no visits: say what happens to them
        ctx.reply(visit_text::no_team);
        return;
    }
    ctx.reply(registry_text::held_recording, {{"count", static_cast<std::int64_t>(held.size())}});
    for (auto& h : held) {
        auto sent_on = ctx.zone().date_of(h.written_at);
        auto cmd = parse_command(h.text, {ctx.env.telegram_username, sent_on, true});
        if (auto* d = activity_of(cmd)) {
            d->date = d->date.value_or(sent_on);
            // A /tham or /buoi, as if sent now, with the photo it was the caption of.
            incoming replay = ctx.in;
            replay.file = h.file;
            auto again = ctx.with_message(replay);
            std::visit([&](const auto& c) { handle(c, again); }, cmd);
            std::move(again.out.begin(), again.out.end(), std::back_inserter(ctx.out));
        }
    }
}

// Links this chat account to `m` and greets them; the caller checked it is allowed.
void link_and_greet(handler_context& ctx, const member_record& m, const std::string& how) {
    member_store(ctx.db).link_account(ctx.in.chat.platform, ctx.in.user_id, m.id, how, ctx.now());
    audit(ctx, "account.link", m.full_name, std::string(channel_name(ctx.in.chat.platform)) + " via " + how);
    ctx.member = m;
    ctx.who = role_from_code(m.role).value_or(role::member);
    if (!m.language.empty())
        ctx.lang = language_from_code(m.language).value_or(ctx.lang);
    auto team = team_name(ctx, m.team_id);
    if (team.empty())
        if (auto w = ward_store(ctx.db).by_id(m.ward_id))
            team = w->name;
    ctx.reply(registry_text::linked_welcome,
              {{"name", m.full_name}, {"role", role_label(ctx, m.role)}, {"team", team}});
    record_held_visits(ctx);
}

// May this account be linked to `m`? Replies why not.
bool may_link(handler_context& ctx, const member_record& m) {
    if (!m.active) {
        ctx.reply(registry_text::member_inactive, {{"name", m.full_name}});
        return false;
    }
    if (auto current = member_store(ctx.db).by_account(ctx.in.chat.platform, ctx.in.user_id)) {
        if (current->id == m.id) {
            ctx.reply(registry_text::already_linked, {{"name", m.full_name}});
            return false;
        }
        if (current->active) {
            ctx.reply(registry_text::linked_to_other, {{"name", current->full_name}});
            return false;
        }
    }
    return true;
}

// Leaders and deputies manage their own team; ward staff their ward.
bool in_scope(handler_context& ctx, const member_record& m) {
    if (is_staff(ctx))
        return m.ward_id == ctx.member->ward_id;
    return m.team_id && ctx.member->team_id && *m.team_id == *ctx.member->team_id;
}

} // namespace

void on_contact(handler_context& ctx) {
    if (ctx.in_group()) {
        ctx.reply(registry_text::contact_only_private);
        return;
    }
    // A contact forwarded from someone else's phone book must not link this account.
    if (!ctx.in.contact_user_id.empty() && ctx.in.contact_user_id != ctx.in.user_id) {
        ctx.reply(registry_text::contact_not_yours).contact_button = ctx.say(text::share_phone_button);
        return;
    }
    auto phone = normalize_phone(ctx.in.contact_phone.starts_with("84") ? "+" + ctx.in.contact_phone
                                                                        : ctx.in.contact_phone);
    auto member = phone ? member_store(ctx.db).by_phone_any_ward(*phone) : std::nullopt;
    if (!member) {
        ctx.reply(registry_text::contact_not_on_roster,
                  {{"phone", phone ? mask_phone(*phone) : std::string("?")}});
        return;
    }
    if (!may_link(ctx, *member))
        return;
    link_and_greet(ctx, *member, "contact");
}

void handle(const cmd_redeem_code& c, handler_context& ctx) {
    invite_store invites(ctx.db);
    auto code = invite_store::normalize(c.code);
    auto invite = invites.find(code);
    if (!invite) {
        ctx.reply(registry_text::code_unknown, {{"code", c.code}});
        return;
    }
    if (invite->used_at) {
        ctx.reply(registry_text::code_used);
        return;
    }
    if (invite->expires_at < ctx.now() && invite->replaced) {
        ctx.reply(registry_text::code_replaced);
        return;
    }
    if (invite->expires_at < ctx.now()) {
        ctx.reply(registry_text::code_expired,
                  {{"date", format_day_of(invite->expires_at, ctx.cfg().utc_offset_minutes)}});
        return;
    }
    auto member = member_store(ctx.db).by_id(invite->member_id);
    if (!member || !may_link(ctx, *member))
        return;
    invites.mark_used(code, ctx.in.chat.platform, ctx.in.user_id, ctx.now());
    link_and_greet(ctx, *member, "invite");
}

void handle(const cmd_invite& c, handler_context& ctx) {
    // Invites are for people already on the ward's roster: a newcomer is added by the ward first.
    auto m = find_managed_member(ctx, c.who, registry_text::invite_not_on_roster);
    if (!m)
        return;
    if (!in_scope(ctx, *m)) {
        ctx.reply(registry_text::out_of_scope, {{"name", m->full_name}});
        return;
    }
    // The new code replaces the ones not used yet: a leftover code could later link a stranger.
    invite_store invites(ctx.db);
    auto replaced = invites.expire_open_of(m->id, ctx.now());
    auto inv = invites.create(m->id, ctx.member->id, ctx.now(), invite_lifetime_seconds);
    std::string link;
    if (ctx.in.chat.platform == channel::telegram && !ctx.env.telegram_username.empty())
        link = ctx.say(registry_text::invite_link,
                       {{"url", "https://t.me/" + ctx.env.telegram_username + "?start=" + inv.code}});
    audit(ctx, "invite.create", m->full_name,
          "expires " + format_day_of(inv.expires_at, ctx.cfg().utc_offset_minutes));
    auto& o = ctx.reply(registry_text::invite_created,
                        {{"name", m->full_name},
                         {"code", inv.code},
                         {"expires", format_day_of(inv.expires_at, ctx.cfg().utc_offset_minutes)},
                         arg::markup("link", link)});
    if (!replaced.empty()) {
        std::string codes;
        for (auto& code : replaced)
            codes += (codes.empty() ? "" : ", ") + ("<code>" + code + "</code>");
        o.text += "\n" + ctx.say(registry_text::invite_replaced, {arg::markup("codes", codes)});
    }
    // Already linked: the code links one more account (a new phone, Zalo beside Telegram).
    if (auto accounts = member_store(ctx.db).accounts_of(m->id); !accounts.empty()) {
        std::string where;
        for (auto& a : accounts) {
            auto name = channel_display_name(a.platform);
            if (where.find(name) == std::string::npos)
                where += (where.empty() ? "" : ", ") + std::string(name);
        }
        o.text +=
            "\n" + ctx.say(registry_text::invite_already_linked, {{"name", m->full_name}, {"where", where}});
    }
}

void handle(const cmd_bind_group& c, handler_context& ctx) {
    group_binding b;
    b.chat = ctx.in.chat;
    b.ward_id = ctx.member->ward_id;
    b.title = ctx.in.chat_title;
    auto ward = ward_store(ctx.db).by_id(ctx.member->ward_id);
    auto ward_name = ward ? ward->name : std::string();
    if (is_staff(ctx)) {
        if (!c.team.empty()) {
            auto team = team_named(ctx, c.team);
            if (!team) {
                ctx.reply(registry_text::bind_team_unknown,
                          {{"team", c.team}, {"ward", ward_name}, {"teams", teams_list(ctx)}});
                return;
            }
            b.team_id = team->id;
        }
    } else {
        if (!ctx.member->team_id) {
            ctx.reply(registry_text::bind_no_team);
            return;
        }
        b.team_id = ctx.member->team_id;
    }
    if (ctx.group && ctx.group->active) {
        if (ctx.group->team_id == b.team_id && ctx.group->ward_id == b.ward_id) {
            ctx.reply(registry_text::bind_already,
                      {{"target", b.team_id ? team_name(ctx, b.team_id) : ward_name}});
            return;
        }
        // A group belongs to one team: only ward staff may move it.
        if (!is_staff(ctx)) {
            ctx.reply(registry_text::bind_taken,
                      {{"target", ctx.group->team_id ? team_name(ctx, ctx.group->team_id) : ward_name}});
            return;
        }
    }
    group_store groups(ctx.db);
    // A team that moves to a new group leaves the old one on the same platform: its reminders,
    // nudges and announcements would keep going to a group the team no longer reads. Another
    // platform's group (Zalo beside Telegram) stays.
    std::string replaced;
    if (b.team_id)
        for (auto& old : groups.of_team(*b.team_id)) {
            if (old.chat.platform != b.chat.platform || old.chat.chat_id == b.chat.chat_id)
                continue;
            groups.set_active(old.chat, false);
            auto title = old.title.empty() ? old.chat.chat_id : old.title;
            audit(ctx, "group.unbind", title, "replaced by " + (b.title.empty() ? b.chat.chat_id : b.title));
            replaced += (replaced.empty() ? "" : ", ") + title;
        }
    groups.bind(b, ctx.member->id, ctx.now());
    audit(ctx, "group.bind", ctx.in.chat_title.empty() ? ctx.in.chat.chat_id : ctx.in.chat_title,
          b.team_id ? team_name(ctx, b.team_id) : "ward " + ward_name);
    if (b.team_id && !replaced.empty())
        ctx.reply(ctx.say(registry_text::bind_done_team,
                          {{"team", team_name(ctx, b.team_id)}, {"ward", ward_name}}) +
                  "\n" + ctx.say(registry_text::bind_replaced_group, {{"old", replaced}}));
    else if (b.team_id)
        ctx.reply(registry_text::bind_done_team, {{"team", team_name(ctx, b.team_id)}, {"ward", ward_name}});
    else
        ctx.reply(registry_text::bind_done_ward, {{"ward", ward_name}});
}

namespace {

// Ward staff without a team named: how far each team is in setting up (accounts, group chat).
void ward_overview(handler_context& ctx) {
    member_store members(ctx.db);
    group_store groups(ctx.db);
    auto teams = team_store(ctx.db).in_ward(ctx.member->ward_id);
    std::int64_t all = 0, linked_all = 0;
    std::string lines;
    for (auto& t : teams) {
        std::int64_t count = 0, linked = 0;
        bool leader_linked = false, has_leader = false;
        bool leader_quiet = false;
        for (auto& m : members.in_team(t.id)) {
            ++count;
            auto reach = private_reach_of(ctx.db, m.id, ctx.now());
            bool is_linked = reach != private_reach::not_linked;
            linked += is_linked;
            if (m.role == "leader") {
                has_leader = true;
                leader_linked = leader_linked || is_linked;
                leader_quiet = leader_quiet || reach == private_reach::waiting;
            }
        }
        all += count;
        linked_all += linked;
        bool bound = false;
        for (auto& g : groups.of_team(t.id))
            bound = bound || g.active;
        lines +=
            "\n" +
            ctx.say(registry_text::ward_overview_line,
                    {{"team", t.name},
                     {"linked", linked},
                     {"members", count},
                     arg::markup("leader", has_leader && !leader_linked
                                               ? ctx.say(registry_text::ward_overview_leader_missing)
                                           : leader_quiet ? ctx.say(registry_text::ward_overview_leader_quiet)
                                                          : ""),
                     arg::markup("group", ctx.say(bound ? registry_text::ward_overview_group_bound
                                                        : registry_text::ward_overview_group_missing))});
    }
    auto ward = ward_store(ctx.db).by_id(ctx.member->ward_id);
    ctx.reply(
        ctx.say(registry_text::ward_overview_header, {{"ward", ward ? ward->name : ""},
                                                      {"teams", static_cast<std::int64_t>(teams.size())},
                                                      {"members", all},
                                                      {"linked", linked_all},
                                                      {"percent", all > 0 ? linked_all * 100 / all : 0}}) +
        lines +
        ctx.say(registry_text::ward_overview_footer,
                {{"example", teams.empty() ? "Tổ 1" : teams.front().name}}));
}

} // namespace

void handle(const cmd_members& c, handler_context& ctx) {
    std::optional<team_record> team;
    auto folded = fold(c.team);
    if (is_staff(ctx) &&
        (folded == "phuong" || folded == "ward" || (c.team.empty() && !(ctx.group && ctx.group->team_id)))) {
        ward_overview(ctx);
        return;
    }
    if (!c.team.empty() && is_staff(ctx)) {
        team = team_named(ctx, c.team);
    } else if (ctx.group && ctx.group->team_id &&
               (is_staff(ctx) || ctx.group->team_id == ctx.member->team_id)) {
        team = team_store(ctx.db).by_id(*ctx.group->team_id);
    } else if (ctx.member->team_id) {
        team = team_store(ctx.db).by_id(*ctx.member->team_id);
    }
    if (!team) {
        ask_which_team(ctx, registry_text::members_pick_team);
        return;
    }
    auto members = member_store(ctx.db).in_team(team->id);
    std::string lines;
    int no = 0, linked_count = 0;
    bool any_quiet = false;
    for (auto& m : members) {
        auto reach = private_reach_of(ctx.db, m.id, ctx.now());
        bool linked = reach != private_reach::not_linked;
        bool quiet = reach == private_reach::waiting;
        linked_count += linked;
        any_quiet = any_quiet || quiet;
        auto mark = linked ? ctx.say(registry_text::member_linked_mark) : "";
        if (quiet)
            mark += ctx.say(registry_text::member_quiet_mark);
        lines += "\n" + ctx.say(registry_text::member_line,
                                {{"no", m.roster_row.empty() ? std::to_string(++no) : m.roster_row},
                                 {"name", m.full_name},
                                 {"role", role_label(ctx, m.role)},
                                 {"area", m.area.empty() ? std::string() : ", " + m.area},
                                 {"phone", m.phone.empty() ? std::string() : ", " + mask_phone(m.phone)},
                                 arg::markup("linked", mark)});
    }
    // Getting everyone linked is a leader's first job: the count, what ✅ means and how to link.
    auto count = static_cast<int>(members.size());
    std::string text = ctx.say(registry_text::members_header,
                               {{"team", team->name}, {"count", count}, {"linked", linked_count}}) +
                       lines + "\n\n" + ctx.say(registry_text::members_linked_legend);
    if (linked_count < count)
        text += "\n" + ctx.say(registry_text::members_unlinked_howto, {{"command", shown_name(ctx, "moi")}});
    if (any_quiet)
        text += "\n\n" + ctx.say(registry_text::member_quiet_note);
    ctx.reply(text);
}

namespace {

// May the person pressing or typing remove `m`? Says why not.
bool may_remove(handler_context& ctx, const member_record& m) {
    if (!ctx.member || !(ctx.who == role::leader || ctx.who == role::deputy || is_staff(ctx))) {
        refuse_command(ctx, shown_name(ctx, "xoa"), leaders);
        return false;
    }
    if (m.id == ctx.member->id) {
        ctx.reply(registry_text::cannot_remove_self);
        return false;
    }
    if (m.role == "ward_staff" || m.role == "admin") {
        ctx.reply(registry_text::cannot_touch_staff);
        return false;
    }
    if (!in_scope(ctx, m)) {
        ctx.reply(registry_text::out_of_scope, {{"name", m.full_name}});
        return false;
    }
    return true;
}

} // namespace

// Removing someone is asked once more with their role and phone shown: a name typed in a hurry
// may be the wrong person, and only ward staff can bring them back.
void handle(const cmd_remove_member& c, handler_context& ctx) {
    auto m = find_managed_member(ctx, c.who);
    if (!m || !may_remove(ctx, *m))
        return;
    auto id = std::to_string(m->id);
    ctx.ask(ctx.say(registry_text::remove_confirm,
                    {{"name", m->full_name},
                     {"role", role_label(ctx, m->role)},
                     {"phone", m->phone.empty() ? std::string("-") : mask_phone(m->phone)},
                     {"team", team_name(ctx, m->team_id)}}),
            {{{ctx.say(registry_text::remove_yes), "rm:y:" + id},
              {ctx.say(registry_text::remove_no), "rm:n:" + id}}});
}

// Button "rm:<y|n>:<member id>" under the question above.
void on_remove_choice(std::string_view data, handler_context& ctx) {
    bool yes = data.starts_with("rm:y:");
    std::int64_t id = 0;
    auto rest = data.substr(std::min<std::size_t>(5, data.size()));
    std::from_chars(rest.data(), rest.data() + rest.size(), id);
    auto m = member_store(ctx.db).by_id(id);
    if (!m || !may_remove(ctx, *m))
        return;
    if (!yes) {
        ctx.reply(registry_text::remove_kept, {{"name", m->full_name}});
        return;
    }
    if (!m->active) {
        ctx.reply(registry_text::removed_already, {{"name", m->full_name}});
        return;
    }
    member_store(ctx.db).set_active(m->id, false, ctx.now());
    audit(ctx, "member.deactivate", m->full_name, team_name(ctx, m->team_id));
    ctx.reply(registry_text::removed, {{"name", m->full_name}, {"team", team_name(ctx, m->team_id)}});
}

void handle(const cmd_change_role& c, handler_context& ctx) {
    if (ctx.who == role::deputy) {
        ctx.reply(registry_text::role_needs_leader);
        return;
    }
    auto m = find_managed_member(ctx, c.who);
    if (!m)
        return;
    if (m->role == "ward_staff" || m->role == "admin") {
        ctx.reply(registry_text::cannot_touch_staff);
        return;
    }
    if (!in_scope(ctx, *m)) {
        ctx.reply(registry_text::out_of_scope, {{"name", m->full_name}});
        return;
    }
    if (m->role == c.role) {
        ctx.reply(registry_text::role_same, {{"name", m->full_name}, {"role", role_label(ctx, c.role)}});
        return;
    }
    // Like /xoa: stepping down is done by someone else, so a slip of the leader's own name does
    // not cost the team its leader.
    if (m->id == ctx.member->id) {
        ctx.reply(registry_text::role_not_self);
        return;
    }
    member_store members(ctx.db);
    auto team = m->team_id ? members.in_team(*m->team_id) : std::vector<member_record>{};
    // A team is never left without a leader by a role change.
    if (m->role == "leader" && m->team_id &&
        std::ranges::count(team, std::string("leader"), &member_record::role) <= 1) {
        ctx.reply(registry_text::last_leader, {{"name", m->full_name}, {"team", team_name(ctx, m->team_id)}});
        return;
    }
    members.set_role(m->id, c.role, ctx.now());
    audit(ctx, "role.change", m->full_name, audit_log::role_change(m->role, c.role));
    auto text = ctx.say(
        registry_text::role_changed,
        {{"name", m->full_name}, {"old", role_label(ctx, m->role)}, {"new", role_label(ctx, c.role)}});
    // One leader per team: a new leader takes over, and whoever led it stays on as deputy.
    if (c.role == "leader")
        for (auto& old : team) {
            if (old.role != "leader" || old.id == m->id)
                continue;
            members.set_role(old.id, "deputy", ctx.now());
            audit(ctx, "role.change", old.full_name, audit_log::role_change("leader", "deputy"));
            text += "\n" + ctx.say(registry_text::role_handed_over, {{"old", old.full_name}});
        }
    ctx.reply(text);
}

void try_open_join(const command& cmd, handler_context& ctx) {
    if (!ctx.in_group() || !ctx.group || !ctx.group->active || !ctx.group->team_id || ctx.in.user_id.empty())
        return;
    auto name = command_name(cmd);
    if (name.empty() || name == "start" || name == "giup" || name == "ma" || name == "thoat")
        return;
    auto ward = ward_store(ctx.db).by_id(ctx.group->ward_id);
    if (!ward)
        return;
    auto* settings = ward_settings(ctx.cfg(), ward->name);
    auto policy = settings ? settings->join_policy : ward->join_policy;
    if (policy != "open")
        return;
    // Someone who was removed does not come back by writing again.
    if (auto old = member_store(ctx.db).by_account(ctx.in.chat.platform, ctx.in.user_id); old && !old->active)
        return;
    member_record m;
    m.ward_id = ward->id;
    m.team_id = ctx.group->team_id;
    m.full_name = ctx.in.user_name.empty() ? "Thành viên " + ctx.in.user_id : ctx.in.user_name;
    m.role = "member";
    m.source = "open_join";
    m.roster_row = next_roster_row(ctx);
    member_store members(ctx.db);
    m.id = members.insert(m, ctx.now());
    members.link_account(ctx.in.chat.platform, ctx.in.user_id, m.id, "open_join", ctx.now());
    ctx.member = m;
    ctx.who = role::member;
    audit(ctx, "member.open_join", m.full_name, team_name(ctx, m.team_id));
    // Tell the leader (privately when linked, else in the group).
    auto team = team_name(ctx, m.team_id);
    bool told = false;
    for (auto& leader : members.in_team(*m.team_id)) {
        if (leader.role != "leader")
            continue;
        for (auto& account : private_routes(ctx.db, leader.id, ctx.now())) {
            if (account.platform != ctx.in.chat.platform)
                continue;
            ctx.send_to(account, chat_kind::private_chat,
                        ctx.say(registry_text::joined_open_notice, {{"name", m.full_name}, {"team", team}}));
            told = true;
        }
    }
    if (!told)
        ctx.reply(registry_text::joined_open_notice, {{"name", m.full_name}, {"team", team}});
}

} // namespace cnscd
