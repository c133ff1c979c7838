// Announcements from ward staff to every team group: /thongbao (preview, then Gửi / Hủy),
// progress and a delivery report in the sender's chat, retry of the failed groups, and
// /thongbao_ds. Deliveries go through the outbox's bulk lane, so interactive replies never
// wait behind a campaign, and a restart resumes where it stopped.

#include "handlers/conversation_table.hpp"
#include "handlers/delivery_hooks.hpp"
#include "handlers/handlers.hpp"
#include "handlers/numbered_choices.hpp"
#include "handlers/report_format.hpp"
#include "handlers/report_status.hpp"
#include "messages/broadcast_texts.hpp"
#include "messages/dates.hpp"
#include "messages/markup.hpp"
#include "messages/phone.hpp"
#include "messages/text_fold.hpp"
#include "storage/campaign_store.hpp"
#include "storage/database.hpp"
#include "storage/outbox.hpp"
#include "storage/registry.hpp"
#include "storage/report_store.hpp"

#include <algorithm>
#include <charconv>
#include <map>
#include <set>

namespace cnscd {

// guide_handlers.cpp
std::vector<outgoing> guide_messages(handler_context& ctx, const std::string& slug, const chat_address& to,
                                     chat_kind type);
std::optional<std::string> pick_guide(handler_context& ctx, const std::string& query);

namespace {

constexpr std::int64_t progress_every_seconds = 10;
constexpr std::size_t failures_listed = 20;
constexpr std::size_t failures_listed_in_list = 5; // per announcement in /thongbao_ds
// How long typing the number of "resend to the failed groups" answers the delivery report.
constexpr std::int64_t retry_offer_seconds = 24 * 3600;

// The member's own id on the platform of `chat` (their private chat's id there), or "".
std::string account_in(database& db, std::int64_t member_id, const chat_address& chat) {
    for (auto& a : member_store(db).linked_accounts_of(member_id))
        if (a.chat.platform == chat.platform)
            return a.chat.chat_id;
    return "";
}

std::string excerpt(const std::string& html_lite, std::size_t chars) {
    auto plain = markup::to_plain(html_lite);
    for (auto& c : plain)
        if (c == '\n')
            c = ' ';
    // Cut on a UTF-8 boundary.
    std::size_t count = 0, i = 0;
    for (; i < plain.size() && count < chars; ++i)
        if ((static_cast<unsigned char>(plain[i]) & 0xC0) != 0x80)
            ++count;
    while (i < plain.size() && (static_cast<unsigned char>(plain[i]) & 0xC0) == 0x80)
        ++i;
    return i < plain.size() ? plain.substr(0, i) + "…" : plain;
}

// The announcement as it will look, lines and all, or the start of it (as plain text) when it is
// long.
std::string preview_of(const std::string& html_lite) {
    constexpr std::size_t shown_chars = 600;
    if (utf8_length(markup::to_plain(html_lite)) <= shown_chars) // letters, not bytes
        return html_lite;
    return markup::escape(excerpt(html_lite, shown_chars));
}

// Which report "chua-bao-cao" is about, named: "các tổ chưa nộp Báo cáo năm (năm 2026)".
std::string not_reported_note(handler_context& ctx) {
    auto due = team_report_due(ctx.db, ctx.cfg(), ctx.member->ward_id, ctx.now());
    if (!due)
        return ctx.say(broadcast_text::targets_not_reported_any);
    return ctx.say(
        broadcast_text::targets_not_reported,
        {{"report", deadline_name(ctx.lang, *due)}, arg::markup("period", period_label(ctx.lang, *due))});
}

// Intended teams a campaign cannot reach, by what their leader has to do about it.
struct unreached_teams {
    std::vector<std::string> unbound;     // no group bound: /lienket in the team's group
    std::vector<std::string> bot_removed; // the group is bound but the bot was removed: add it back
    std::vector<std::pair<std::int64_t, std::string>> teams; // both, by id, for the delivery summary
};

// Kept with the campaign, so the delivery summary can name them: a target with no chat.
void keep_unreached(campaign_store& store, std::int64_t id, const unreached_teams& u, channel platform) {
    for (auto& [team_id, name] : u.teams)
        store.add_target(id, {{platform, "team:" + std::to_string(team_id)}, team_id, name, "no_group", ""},
                         0);
}

// "Tổ dân phố số 4 (tổ trưởng Lê Văn Dũng, 0905100004)": whom staff can phone instead.
std::string team_to_phone(database& db, language lang, const campaign_target& t) {
    if (!t.team_id)
        return t.title;
    for (auto& m : member_store(db).in_team(*t.team_id))
        if (m.role == "leader")
            return say(lang, broadcast_text::team_leader_phone,
                       {{"team", t.title}, {"name", m.full_name}, {"phone", as_dialled(m.phone)}});
    return t.title;
}

std::string joined_names(const std::vector<std::string>& names) {
    std::string out;
    for (auto& n : names)
        out += (out.empty() ? "" : ", ") + n;
    return out;
}

// The lines that tell staff which teams will not get it and what their leaders should do.
std::string unreached_note(handler_context& ctx, const unreached_teams& u) {
    std::string out;
    if (!u.unbound.empty())
        out += ctx.say(broadcast_text::teams_without_group,
                       {{"count", static_cast<std::int64_t>(u.unbound.size())},
                        {"teams", joined_names(u.unbound)}}) +
               "\n\n";
    if (!u.bot_removed.empty())
        out += ctx.say(broadcast_text::teams_bot_removed,
                       {{"count", static_cast<std::int64_t>(u.bot_removed.size())},
                        {"teams", joined_names(u.bot_removed)}}) +
               "\n\n";
    return out;
}

// The team groups a campaign goes to; replies and returns nullopt when they cannot be found.
// `unreached` gets the names of intended teams that will not get it; an announcement to the teams
// behind gets the report they owe.
std::optional<std::vector<campaign_target>> choose_targets(const cmd_broadcast& c, handler_context& ctx,
                                                           unreached_teams& unreached,
                                                           campaign_record& campaign) {
    auto ward_id = ctx.member->ward_id;
    auto teams = team_store(ctx.db).in_ward(ward_id);
    std::set<std::int64_t> wanted;
    if (!c.teams.empty()) {
        std::string unknown;
        for (auto& name : c.teams) {
            const team_record* hit = nullptr;
            for (auto& t : teams)
                if (fold(t.code) == name || fold(t.name) == name || team_code_from_name(t.name) == name)
                    hit = &t;
            if (hit)
                wanted.insert(hit->id);
            else
                unknown += (unknown.empty() ? "" : ", ") + name;
        }
        if (!unknown.empty()) {
            std::string all;
            for (auto& t : teams)
                all += (all.empty() ? "" : ", ") + t.code;
            ctx.reply(broadcast_text::unknown_teams, {{"teams", unknown}, {"all", all}});
            return std::nullopt;
        }
    }
    if (c.not_reported) {
        auto behind = teams_not_reported(ctx.db, ctx.cfg(), ward_id, ctx.now());
        std::set<std::int64_t> behind_set(behind.begin(), behind.end());
        if (wanted.empty())
            wanted = behind_set;
        else
            std::erase_if(wanted, [&](auto id) { return !behind_set.contains(id); });
        if (wanted.empty()) {
            if (auto due = team_report_due(ctx.db, ctx.cfg(), ward_id, ctx.now()))
                ctx.reply(broadcast_text::all_reported,
                          {{"report", deadline_name(ctx.lang, *due)},
                           arg::markup("period", period_label(ctx.lang, *due))});
            else
                ctx.reply(broadcast_text::no_targets, {{"reason", not_reported_note(ctx)}});
            return std::nullopt;
        }
    }
    std::vector<campaign_target> out;
    std::map<std::int64_t, std::string> team_names;
    for (auto& t : teams)
        team_names[t.id] = t.name;
    auto removed = group_store(ctx.db).teams_with_bot_removed(ward_id);
    std::set<std::int64_t> removed_from(removed.begin(), removed.end()); // the binding is still there
    for (auto& g : group_store(ctx.db).of_ward(ward_id, true)) {
        if (!g.active || !g.team_id || !team_names.contains(*g.team_id))
            continue;
        if (!wanted.empty() && !wanted.contains(*g.team_id))
            continue;
        out.push_back({g.chat, g.team_id, team_names[*g.team_id], "pending", ""});
    }
    // Teams behind on a report may catch up before it goes out: each is checked again then.
    if (c.not_reported)
        if (auto due = team_report_due(ctx.db, ctx.cfg(), ward_id, ctx.now())) {
            campaign.owed_report = due->rule.code;
            campaign.owed_period = due->period.key;
            for (auto& t : out)
                t.state = "owing";
        }
    std::set<std::int64_t> reached;
    for (auto& t : out)
        reached.insert(t.team_id.value_or(0));
    for (auto& t : teams)
        if ((wanted.empty() || wanted.contains(t.id)) && !reached.contains(t.id)) {
            (removed_from.contains(t.id) ? unreached.bot_removed : unreached.unbound).push_back(t.name);
            unreached.teams.emplace_back(t.id, t.name);
        }
    if (out.empty()) {
        if (unreached.bot_removed.empty() && c.teams.empty() && !c.not_reported)
            ctx.reply(broadcast_text::no_groups_bound);
        else if (unreached.bot_removed.empty()) // name the teams meant: whose leader to ask
            ctx.reply(broadcast_text::no_targets, {{"reason", joined_names(unreached.unbound)}});
        else {
            auto note = unreached_note(ctx, unreached);
            note.erase(note.find_last_not_of('\n') + 1);
            ctx.reply(ctx.say(broadcast_text::nowhere_to_send) + "\n\n" + note);
        }
        return std::nullopt;
    }
    return out;
}

// A caption holds 1,024 characters (Telegram), the group header included; a longer text is sent
// apart, after the file, rather than both cut in the caption and repeated after it.
bool fits_caption(const std::string& html_lite) {
    constexpr std::size_t caption_units = 850;                         // 1,024 less room for the header
    return utf16_length(markup::to_plain(html_lite)) <= caption_units; // as Telegram counts
}

// Above the announcement in every group: members see that the ward sent it, and who to ask. In
// the bot's language, the groups' own, whatever the staff member reads.
std::string group_header(database& db, const config& cfg, const campaign_record& c) {
    auto ward = ward_store(db).by_id(c.ward_id);
    auto staff = member_store(db).by_id(c.created_by);
    auto name = staff && staff->active ? staff->full_name : std::string();
    return say(language_of(cfg),
               name.empty() ? broadcast_text::group_header_nameless : broadcast_text::group_header,
               {{"ward", ward ? ward->name : ""}, {"name", name}});
}

// The messages one target group receives: the header on the first.
std::vector<outgoing> deliveries(const campaign_record& c, const campaign_target& t,
                                 const std::string& header) {
    std::vector<outgoing> out;
    auto headed = [&](const std::string& text) {
        return out.empty() && !header.empty() ? (text.empty() ? header : header + "\n\n" + text) : text;
    };
    std::size_t first_text = 0;
    if (c.file) {
        bool caption = !c.parts.empty() && fits_caption(c.parts.front());
        outgoing doc = text_to(t.chat, chat_kind::group, headed(caption ? c.parts.front() : ""), lane::bulk);
        doc.kind = outgoing_kind::document;
        doc.document = c.file;
        out.push_back(std::move(doc));
        first_text = caption ? 1 : 0;
    }
    for (std::size_t i = first_text; i < c.parts.size(); ++i)
        if (!c.parts[i].empty())
            out.push_back(text_to(t.chat, chat_kind::group, headed(c.parts[i]), lane::bulk));
    for (auto& m : out) {
        m.campaign_id = c.id;
        m.not_before = c.send_at;
    }
    return out;
}

void queue_targets(database& db, const config& cfg, const campaign_record& c,
                   const std::vector<campaign_target>& targets, std::int64_t now) {
    outbox box(db);
    campaign_store campaigns(db);
    auto header = group_header(db, cfg, c);
    for (auto& t : targets)
        for (auto& m : deliveries(c, t, header))
            campaigns.add_part(c.id, t.chat, box.add(m, now));
}

int parts_per_target(const campaign_record& c) {
    campaign_target probe;
    return static_cast<int>(deliveries(c, probe, "").size());
}

// An announcement to the teams behind on a report, as it goes out: the teams that have sent the
// report since the preview are skipped. Returns the groups to send to now.
std::vector<campaign_target> settle_owing(database& db, campaign_record& c) {
    campaign_store store(db);
    std::set<std::int64_t> reported_teams;
    for (auto& s : report_store(db).current_of_ward(c.ward_id, c.owed_report, c.owed_period))
        if (s.team_id)
            reported_teams.insert(*s.team_id);
    std::vector<campaign_target> out;
    for (auto& t : store.targets(c.id)) {
        if (t.state == "pending")
            out.push_back(t);
        if (t.state != "owing")
            continue;
        bool reported = t.team_id && reported_teams.contains(*t.team_id);
        t.state = reported ? "skipped" : "pending";
        store.set_target_state(c.id, t.chat, t.state);
        if (!reported)
            out.push_back(t);
    }
    c.total = static_cast<std::int64_t>(out.size());
    store.set_total(c.id, c.total);
    return out;
}

std::string names_of(const std::vector<campaign_target>& targets) {
    std::string out;
    for (auto& t : targets)
        out += (out.empty() ? "" : ", ") + t.title;
    return out;
}

// Under the delivery summary: the teams not reminded because they reported before it went out.
std::string skipped_note(campaign_store& store, const campaign_record& c, language lang) {
    auto skipped = store.targets(c.id, "skipped");
    if (skipped.empty())
        return "";
    return say(lang, broadcast_text::skipped_reported,
               {{"count", static_cast<std::int64_t>(skipped.size())}, {"teams", names_of(skipped)}});
}

// Under the delivery summary: the teams it could not reach at all, with whom to phone.
std::string no_group_note(database& db, campaign_store& store, const campaign_record& c, language lang) {
    auto teams = store.targets(c.id, "no_group");
    if (teams.empty())
        return "";
    std::string names;
    for (auto& t : teams)
        names += (names.empty() ? "" : "; ") + team_to_phone(db, lang, t);
    return say(lang, broadcast_text::no_group_summary,
               {{"count", static_cast<std::int64_t>(teams.size())}, {"teams", names}});
}

// A preview confirmed a day later would send yesterday's choice of groups (the teams behind on a
// report above all) and perhaps an announcement overtaken by events: it has to be made again.
constexpr std::int64_t draft_valid_hours = 24;

bool draft_expired(const campaign_record& c, std::int64_t now) {
    return c.state == "draft" && now - c.created_at > draft_valid_hours * 3600;
}

std::string state_words(language lang, const std::string& state) {
    auto key = state == "draft"       ? broadcast_text::state_draft
               : state == "scheduled" ? broadcast_text::state_scheduled
               : state == "sending"   ? broadcast_text::state_sending
               : state == "done"      ? broadcast_text::state_done
                                      : broadcast_text::state_cancelled;
    return say(lang, key);
}

// Bulk messages wait out the platform's quiet hours; say so rather than look stuck.
std::string quiet_note(const handler_context& ctx, std::int64_t when) {
    const quiet_hours& q = ctx.in.chat.platform == channel::zalo_oa    ? ctx.cfg().zalo_oa.quiet
                           : ctx.in.chat.platform == channel::zalo_bot ? ctx.cfg().zalo_bot.quiet
                                                                       : ctx.cfg().telegram.quiet;
    auto local = (when + ctx.cfg().utc_offset_minutes * 60LL) % 86400;
    if (!q.contains(static_cast<int>(local / 3600)))
        return "";
    auto two = [](int h) { return (h < 10 ? "0" : "") + std::to_string(h); };
    return ctx.say(broadcast_text::quiet_note, {{"from", two(q.start_hour)}, {"to", two(q.end_hour)}});
}

std::int64_t number_after(std::string_view data, std::size_t from) {
    std::int64_t n = 0;
    if (from < data.size())
        std::from_chars(data.data() + from, data.data() + data.size(), n);
    return n;
}

// Why a group did not get an announcement, in the staff member's language (the reason
// on_delivery stored): the platform's own words, often English, only as a code to pass on.
std::string failure_reason(language lang, const std::string& reason) {
    if (reason == "gone")
        return say(lang, broadcast_text::reason_gone);
    if (reason == "window")
        return say(lang, broadcast_text::reason_window);
    return say(lang, broadcast_text::reason_other, {{"error", reason}});
}

// What staff do about a group that did not get it, by the same reason.
std::string failure_fix(language lang, const std::string& reason) {
    if (reason == "gone")
        return say(lang, broadcast_text::fix_gone);
    if (reason == "window")
        return say(lang, broadcast_text::fix_window);
    return say(lang, broadcast_text::fix_other);
}

// Stops announcement `c`: a draft is dropped; a scheduled or sending one loses the rows it has not
// sent yet (one already on its way still arrives).
void cancel_campaign(handler_context& ctx, campaign_store& store, campaign_record& c) {
    if (c.state == "draft") {
        store.set_state(c.id, "cancelled");
        ctx.reply(broadcast_text::cancelled);
        return;
    }
    if (c.state != "scheduled" && c.state != "sending") {
        ctx.reply(broadcast_text::already_sent, {{"id", c.id}, {"state", state_words(ctx.lang, c.state)}});
        return;
    }
    auto pending = static_cast<std::int64_t>(store.targets(c.id, "pending").size());
    outbox(ctx.db).withdraw_campaign(c.id, ctx.now());
    store.set_state(c.id, "cancelled");
    if (c.delivered + c.failed == 0 && c.send_at > ctx.now())
        ctx.reply(
            broadcast_text::cancelled_scheduled,
            {{"id", c.id}, {"time", format_instant(ctx.lang, c.send_at, ctx.cfg().utc_offset_minutes)}});
    else
        ctx.reply(broadcast_text::cancelled_sending,
                  {{"id", c.id}, {"delivered", c.delivered}, {"pending", pending}});
    audit_log(ctx.db).record(ctx.member->id, ctx.member->full_name, "broadcast.cancel", std::to_string(c.id),
                             std::to_string(pending) + " groups not reached", ctx.now());
}

} // namespace

void handle(const cmd_broadcast& c, handler_context& ctx) {
    if (c.cancel_id) {
        campaign_store store(ctx.db);
        auto found = store.by_id(c.cancel_id);
        if (!found || found->ward_id != ctx.member->ward_id)
            ctx.reply(broadcast_text::campaign_not_found, {{"id", c.cancel_id}});
        else
            cancel_campaign(ctx, store, *found);
        return;
    }
    if (c.text.empty() && c.guide.empty() && !ctx.in.file) {
        ctx.reply(broadcast_text::usage);
        return;
    }
    campaign_record campaign;
    campaign.ward_id = ctx.member->ward_id;
    campaign.created_by = ctx.member->id;
    campaign.created_at = ctx.now();
    if (!c.guide.empty()) {
        auto slug = pick_guide(ctx, c.guide); // the same names and keywords as /tailieu
        if (!slug)
            return;
        auto messages = guide_messages(ctx, *slug, ctx.in.chat, ctx.in.chat_type);
        if (messages.empty()) {
            ctx.reply(broadcast_text::guide_unknown, {{"slug", c.guide}});
            return;
        }
        for (auto& m : messages) {
            if (m.kind == outgoing_kind::document)
                campaign.file = m.document;
            campaign.parts.push_back(m.text);
        }
        // "/thongbao tailieu vneid Các tổ in ra phát cho bà con": the staff's words come first.
        if (!c.text.empty())
            campaign.parts.front() = markup::escape(c.text) + "\n\n" + campaign.parts.front();
    } else {
        campaign.parts.push_back(markup::escape(c.text));
        campaign.file = ctx.in.file;
    }
    if (c.at_local_minutes) {
        campaign.send_at = *c.at_local_minutes * 60 - ctx.cfg().utc_offset_minutes * 60LL;
        if (campaign.send_at <= ctx.now()) {
            ctx.reply(broadcast_text::time_past,
                      {{"time", format_instant(ctx.lang, campaign.send_at, ctx.cfg().utc_offset_minutes)},
                       {"now", format_instant(ctx.lang, ctx.now(), ctx.cfg().utc_offset_minutes)}});
            return;
        }
    }
    unreached_teams unreached;
    auto targets = choose_targets(c, ctx, unreached, campaign);
    if (!targets)
        return;
    std::string note;
    if (!c.teams.empty()) {
        for (auto& t : *targets)
            note += (note.empty() ? "" : ", ") + t.title;
        note = ctx.say(broadcast_text::targets_named, {{"teams", note}});
    } else if (c.not_reported) {
        note = " (" + not_reported_note(ctx) + ")";
    }
    campaign.target_note = markup::to_plain(note);
    campaign.total = static_cast<std::int64_t>(targets->size());
    campaign.origin = ctx.in.chat;
    campaign.origin_type = ctx.in.chat_type;
    campaign_store store(ctx.db);
    auto id = store.create(campaign);
    auto parts = parts_per_target(campaign);
    for (auto& t : *targets)
        store.add_target(id, t, parts);
    keep_unreached(store, id, unreached, ctx.in.chat.platform);

    std::string shown = campaign.parts.empty() ? "" : campaign.parts.front();
    if (campaign.file)
        shown = ctx.say(broadcast_text::attachment_note,
                        {{"name", campaign.file->file_name.empty() ? campaign.file->kind
                                                                   : campaign.file->file_name}}) +
                "\n" + shown;
    shown = group_header(ctx.db, ctx.cfg(), campaign) + "\n\n" + shown; // as the groups will see it
    std::string when, schedule;
    if (campaign.send_at) {
        auto time = format_instant(ctx.lang, campaign.send_at, ctx.cfg().utc_offset_minutes);
        when = ctx.say(broadcast_text::when_scheduled, {{"time", time}});
        // Said apart and in bold, with the words it came from: a time misread is caught here.
        schedule = ctx.say(c.at_without_luc ? broadcast_text::schedule_note_without_luc
                                            : broadcast_text::schedule_note,
                           {{"time", time}, {"words", c.at_words}});
    }
    // Staff should know before sending which teams it will not reach.
    auto missing = unreached_note(ctx, unreached);
    ctx.ask(ctx.say(broadcast_text::preview, {{"count", campaign.total},
                                              arg::markup("targets", note),
                                              arg::markup("when", when),
                                              arg::markup("text", preview_of(shown)),
                                              arg::markup("missing", missing),
                                              arg::markup("schedule", schedule)}),
            {{{ctx.say(broadcast_text::button_send), "b:send:" + std::to_string(id)},
              {ctx.say(broadcast_text::button_cancel), "b:cancel:" + std::to_string(id)}}});
}

// Buttons "b:send:<id>", "b:cancel:<id>", "b:retry:<id>".
void on_broadcast_choice(std::string_view data, handler_context& ctx) {
    auto second = data.find(':', 2);
    if (second == std::string_view::npos)
        return;
    auto action = data.substr(2, second - 2);
    auto id = number_after(data, second + 1);
    campaign_store store(ctx.db);
    auto c = store.by_id(id);
    if (!c)
        return;
    if (!ctx.member || !is_staff(ctx.who) || ctx.member->ward_id != c->ward_id) {
        auto ward = ward_store(ctx.db).by_id(c->ward_id);
        ctx.reply(broadcast_text::not_yours, {{"ward", ward ? ward->name : ""}});
        return;
    }
    if (action == "retry" && c->state != "cancelled") {
        auto failed = store.reopen_failed(id);
        if (failed.empty()) {
            ctx.reply(broadcast_text::nothing_to_retry, {{"id", id}});
            return;
        }
        for (auto& t : failed)
            outbox(ctx.db).mark_chat_active(t.chat.platform,
                                            t.chat.chat_id); // give removed groups another try
        c->send_at = 0;
        queue_targets(ctx.db, ctx.cfg(), *c, failed, ctx.now());
        outgoing progress =
            reply_text(ctx.in, ctx.say(broadcast_text::retry_queued,
                                       {{"id", id}, {"count", static_cast<int>(failed.size())}}));
        progress.reply_to.clear();
        store.set_progress_message(id, outbox(ctx.db).add(progress, ctx.now()));
        audit_log(ctx.db).record(ctx.member->id, ctx.member->full_name, "broadcast.retry", std::to_string(id),
                                 std::to_string(failed.size()) + " groups", ctx.now());
        return;
    }
    if (action == "cancel" && c->state == "draft") {
        cancel_campaign(ctx, store, *c);
        return;
    }
    if (c->state != "draft") {
        ctx.reply(broadcast_text::already_sent, {{"id", id}, {"state", state_words(ctx.lang, c->state)}});
        return;
    }
    if (action != "send")
        return;
    if (draft_expired(*c, ctx.now())) {
        ctx.reply(broadcast_text::draft_expired,
                  {{"id", id},
                   {"time", format_instant(ctx.lang, c->created_at, ctx.cfg().utc_offset_minutes)},
                   {"hours", draft_valid_hours}});
        return;
    }
    if (c->send_at && c->send_at <= ctx.now())
        c->send_at = 0; // confirmed after its time: send now
    auto targets = store.targets(id);
    std::erase_if(targets, [](auto& t) { return t.state != "pending" && t.state != "owing"; });
    bool owing = std::ranges::any_of(targets, [](auto& t) { return t.state == "owing"; });
    if (owing && !c->send_at) {
        targets = settle_owing(ctx.db, *c);
        if (targets.empty()) {
            store.set_state(id, "done");
            ctx.reply(broadcast_text::all_reported_since,
                      {{"id", id}, {"teams", names_of(store.targets(id))}});
            return;
        }
    }
    if (!owing || !c->send_at) // a scheduled one to teams behind is queued at its time
        queue_targets(ctx.db, ctx.cfg(), *c, targets, ctx.now());
    store.set_state(id, c->send_at ? "scheduled" : "sending");
    auto text = c->send_at
                    ? ctx.say(broadcast_text::scheduled,
                              {{"id", id},
                               {"count", c->total},
                               {"time", format_instant(ctx.lang, c->send_at, ctx.cfg().utc_offset_minutes)}})
                    : ctx.say(broadcast_text::queued, {{"id", id}, {"count", c->total}});
    if (owing && c->send_at)
        text += ctx.say(broadcast_text::scheduled_owing_note);
    text += quiet_note(ctx, c->send_at ? c->send_at : ctx.now());
    text += ctx.say(broadcast_text::cancel_hint, {{"id", id}});
    outgoing progress = reply_text(ctx.in, std::move(text));
    progress.reply_to.clear();
    store.set_progress_message(id, outbox(ctx.db).add(progress, ctx.now()));
    store.set_progress_at(id, ctx.now());
    audit_log(ctx.db).record(ctx.member->id, ctx.member->full_name, "broadcast.send", std::to_string(id),
                             std::to_string(c->total) + " groups: " + excerpt(c->parts.front(), 80),
                             ctx.now());
}

void handle(const cmd_broadcast_list&, handler_context& ctx) {
    campaign_store store(ctx.db);
    auto recent = store.recent(ctx.member->ward_id, 10);
    std::vector<std::vector<choice_button>> retry;
    if (recent.empty()) {
        ctx.reply(broadcast_text::list_empty);
        return;
    }
    std::string text = ctx.say(broadcast_text::list_header);
    for (auto& c : recent) {
        // A draft or a cancelled one went nowhere: no "0/3 groups, 0 failed".
        text += "\n" +
                ctx.say(c.state == "draft" || (c.state == "cancelled" && c.delivered + c.failed == 0)
                            ? broadcast_text::list_line_unsent
                            : broadcast_text::list_line,
                        {{"id", c.id},
                         {"date", format_day_of(c.created_at, ctx.cfg().utc_offset_minutes)},
                         {"state", draft_expired(c, ctx.now()) ? ctx.say(broadcast_text::state_draft_expired)
                                                               : state_words(ctx.lang, c.state)},
                         {"delivered", c.delivered},
                         {"count", c.total},
                         {"failed", c.failed},
                         {"excerpt", excerpt(c.parts.empty() ? "" : c.parts.front(), 40)}});
        // Counts alone do not say which group missed it or what to do: each failed group, why, the fix.
        if (c.failed > 0 && c.state != "cancelled") {
            auto failed = store.targets(c.id, "failed");
            for (std::size_t i = 0; i < failed.size() && i < failures_listed_in_list; ++i)
                text += "\n" + ctx.say(broadcast_text::list_failure_line,
                                       {{"group", failed[i].title},
                                        {"reason", failure_reason(ctx.lang, failed[i].error)},
                                        {"fix", failure_fix(ctx.lang, failed[i].error)}});
            if (failed.size() > failures_listed_in_list)
                text +=
                    "\n" +
                    ctx.say(broadcast_text::failure_more,
                            {{"count", static_cast<std::int64_t>(failed.size() - failures_listed_in_list)}});
            retry.push_back({{ctx.say(broadcast_text::button_retry_no, {{"id", c.id}, {"count", c.failed}}),
                              "b:retry:" + std::to_string(c.id)}});
        }
    }
    if (retry.empty())
        ctx.reply(std::move(text));
    else
        ctx.ask(std::move(text), std::move(retry));
}

void follow_broadcast_delivery(database& db, const dispatch_env& env, const delivery_report& report) {
    campaign_store store(db);
    auto outcome = store.record_part(report.row.id, report.delivered, failure_reason_code(report));
    if (!outcome || !outcome->target_finished)
        return;
    auto c = store.by_id(outcome->campaign_id);
    if (!c || c->state == "cancelled")
        return;
    if (c->state == "scheduled") {
        store.set_state(c->id, "sending");
        c->state = "sending";
    }
    auto staff = member_store(db).by_id(c->created_by);
    auto lang = language_of(env.cfg, staff ? staff->language : std::string());
    auto edit_progress = [&](std::string text) {
        outgoing e = text_to(c->origin, c->origin_type, std::move(text));
        e.kind = outgoing_kind::edit;
        e.edit_outbox_id = c->progress_outbox_id;
        outbox(db).add(e, report.at);
    };
    auto done = c->delivered + c->failed;
    if (done < c->total) {
        if (report.at - c->progress_at >= progress_every_seconds) {
            edit_progress(say(lang, broadcast_text::progress,
                              {{"id", c->id}, {"done", done}, {"count", c->total}, {"failed", c->failed}}));
            store.set_progress_at(c->id, report.at);
        }
        return;
    }
    store.set_state(c->id, "done");
    edit_progress(
        say(lang, broadcast_text::finished,
            {{"id", c->id}, {"delivered", c->delivered}, {"count", c->total}, {"failed", c->failed}}) +
        skipped_note(store, *c, lang) + no_group_note(db, store, *c, lang));
    if (c->failed == 0)
        return;
    auto failed = store.targets(c->id, "failed");
    std::string text = say(lang, broadcast_text::failure_header, {{"id", c->id}, {"failed", c->failed}});
    for (std::size_t i = 0; i < failed.size() && i < failures_listed; ++i)
        text += "\n" + say(lang, broadcast_text::failure_line,
                           {{"group", failed[i].title}, {"reason", failure_reason(lang, failed[i].error)}});
    if (failed.size() > failures_listed)
        text += "\n" + say(lang, broadcast_text::failure_more,
                           {{"count", static_cast<std::int64_t>(failed.size() - failures_listed)}});
    outgoing report_message = text_to(c->origin, c->origin_type, std::move(text));
    report_message.choices = {{{say(lang, broadcast_text::button_retry, {{"count", c->failed}}),
                                "b:retry:" + std::to_string(c->id)}}};
    // Without buttons, "1" resends: the staff member reads the report when they next look.
    ask_unprompted(db, report_message, account_in(db, c->created_by, c->origin), lang, report.at,
                   retry_offer_seconds);
    outbox(db).add(report_message, report.at);
}

void send_due_announcements(database& db, const dispatch_env& env, std::vector<std::string>& log) {
    auto now = env.clk.now();
    campaign_store store(db);
    for (auto id : store.due_with_owing_targets(now)) {
        auto c = store.by_id(id);
        if (!c)
            continue;
        auto targets = settle_owing(db, *c);
        auto skipped = store.targets(id, "skipped");
        log.push_back("announcement " + std::to_string(id) + ": " + std::to_string(targets.size()) +
                      " groups, " + std::to_string(skipped.size()) + " teams skipped (reported meanwhile)");
        if (!targets.empty()) {
            queue_targets(db, env.cfg, *c, targets, now);
            continue;
        }
        // Every team caught up: nothing goes out, and staff hear it rather than wait for a summary.
        store.set_state(id, "done");
        auto staff = member_store(db).by_id(c->created_by);
        auto lang = language_of(env.cfg, staff ? staff->language : std::string());
        outbox(db).add(text_to(c->origin, c->origin_type,
                               say(lang, broadcast_text::all_reported_since,
                                   {{"id", id}, {"teams", names_of(skipped)}})),
                       now);
    }
}

} // namespace cnscd
