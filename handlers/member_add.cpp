// A leader or ward staff adds a newcomer to a team in chat (/thanhvien_them), so a volunteer who
// joins mid-year can log visits the same day instead of waiting for the ward's next roster import.
// Someone who was removed (/xoa) comes back the same way.

#include "handlers/handlers.hpp"
#include "handlers/member_lookup.hpp"
#include "handlers/private_reach.hpp"
#include "messages/dates.hpp"
#include "messages/phone.hpp"
#include "messages/registry_texts.hpp"
#include "messages/text_fold.hpp"
#include "messages/visit_texts.hpp"
#include "storage/database.hpp"
#include "storage/invite_store.hpp"
#include "storage/registry.hpp"

namespace cnscd {

namespace {

// The team the newcomer joins, or nullopt after saying why.
std::optional<team_record> target_team(const cmd_add_member& c, handler_context& ctx) {
    auto own = ctx.member->team_id ? team_store(ctx.db).by_id(*ctx.member->team_id) : std::nullopt;
    if (!c.team.empty()) {
        auto team = team_named(ctx, c.team);
        if (!team) {
            auto ward = ward_store(ctx.db).by_id(ctx.member->ward_id);
            ctx.reply(registry_text::bind_team_unknown,
                      {{"team", c.team}, {"ward", ward ? ward->name : ""}, {"teams", teams_list(ctx)}});
            return std::nullopt;
        }
        if (!is_staff(ctx.who) && (!own || own->id != team->id)) {
            ctx.reply(registry_text::add_other_team, {{"team", own ? own->name : ""}, {"other", team->name}});
            return std::nullopt;
        }
        return team;
    }
    if (!is_staff(ctx.who)) {
        if (!own)
            ctx.reply(visit_text::no_team); // a leader whose team is gone: the ward must fix the roster
        return own;
    }
    if (ctx.group && ctx.group->team_id) // staff typing in a team's group add to that team
        return team_store(ctx.db).by_id(*ctx.group->team_id);
    ask_which_team(ctx, registry_text::add_pick_team);
    return std::nullopt;
}

} // namespace

void handle(const cmd_add_member& c, handler_context& ctx) {
    if (ctx.who == role::deputy && c.role != "member") {
        ctx.reply(registry_text::add_deputy_members_only,
                  {{"role", role_label(ctx, c.role)}, {"name", c.name}});
        return;
    }
    auto team = target_team(c, ctx);
    if (!team)
        return;
    member_store members(ctx.db);
    // Already known? By phone across the ward, else by name within the team.
    std::optional<member_record> found;
    if (!c.phone.empty()) {
        found = members.by_phone(ctx.member->ward_id, c.phone);
    } else {
        for (auto& m : members.in_team(team->id, false))
            if (fold(m.full_name) == fold(c.name) && (!found || m.active))
                found = m;
    }
    if (found && (found->role == "ward_staff" || found->role == "admin")) {
        ctx.reply(registry_text::cannot_touch_staff);
        return;
    }
    if (found && found->active) {
        if (found->team_id == team->id)
            ctx.reply(registry_text::member_exists,
                      {{"name", found->full_name},
                       {"team", team->name},
                       {"row", found->roster_row.empty() ? "?" : found->roster_row}});
        else
            ctx.reply(registry_text::phone_taken, {{"phone", mask_phone(c.phone)},
                                                   {"name", found->full_name},
                                                   {"team", team_name(ctx, found->team_id)}});
        return;
    }

    bool back = found.has_value();
    member_record m = found.value_or(member_record{});
    m.ward_id = ctx.member->ward_id;
    m.team_id = team->id;
    m.full_name = c.name;
    if (m.role != c.role)
        m.role_title.clear(); // the ward's wording was for the old role
    m.role = c.role;
    if (!c.phone.empty())
        m.phone = c.phone;
    if (!c.area.empty())
        m.area = c.area;
    m.active = true;
    if (back) {
        members.update(m, ctx.now());
    } else {
        m.source = "chat";
        m.roster_row = next_roster_row(ctx);
        m.id = members.insert(m, ctx.now());
    }
    audit_log(ctx.db).record(ctx.member->id, ctx.member->full_name + " (" + ctx.member->role + ")",
                             back ? "member.reactivate" : "member.add", m.full_name,
                             team->name + ", " + m.role, ctx.now());

    // A leader hears from the bot when the ward changes their team's list.
    if (is_staff(ctx.who))
        for (auto& leader : members.in_team(team->id)) {
            if (leader.role != "leader" || leader.id == m.id)
                continue;
            for (auto& account : private_routes(ctx.db, leader.id, ctx.now()))
                if (account.platform == ctx.in.chat.platform)
                    ctx.send_to(
                        account, chat_kind::private_chat,
                        ctx.say(registry_text::added_by_ward_notice, {{"by", ctx.member->full_name},
                                                                      {"name", m.full_name},
                                                                      {"role", role_label(ctx, m.role)},
                                                                      {"team", team->name}}));
        }

    std::string phone = m.phone.empty() ? "" : ", " + mask_phone(m.phone);
    auto text = ctx.say(back ? registry_text::member_back : registry_text::member_added,
                        {{"name", m.full_name},
                         {"role", role_label(ctx, m.role)},
                         {"phone", phone},
                         {"team", team->name},
                         {"row", m.roster_row.empty() ? "?" : m.roster_row}});
    if (members.accounts_of(m.id).empty()) { // how the newcomer links their chat account
        if (!m.phone.empty())
            text += ctx.say(registry_text::member_added_share_phone, {{"name", m.full_name}});
        if (ctx.in_group()) { // an invite code seen by the group could be used by anyone in it
            text += ctx.say(registry_text::member_added_code_later, {{"name", m.full_name}});
        } else {
            auto inv = invite_store(ctx.db).create(m.id, ctx.member->id, ctx.now(), invite_lifetime_seconds);
            text += ctx.say(m.phone.empty() ? registry_text::member_added_code_only
                                            : registry_text::member_added_code,
                            {{"name", m.full_name},
                             {"code", inv.code},
                             {"expires", format_day_of(inv.expires_at, ctx.cfg().utc_offset_minutes)}});
        }
    }
    ctx.reply(text);
}

} // namespace cnscd
