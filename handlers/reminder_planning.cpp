#include "handlers/reminder_planning.hpp"

#include "handlers/context.hpp"
#include "handlers/private_reach.hpp"
#include "handlers/report_format.hpp"
#include "handlers/report_status.hpp"
#include "messages/report_texts.hpp"
#include "storage/database.hpp"
#include "storage/meta_store.hpp"
#include "storage/outbox.hpp"
#include "storage/report_store.hpp"

#include <algorithm>
#include <limits>
#include <map>

namespace cnscd {

namespace {

using namespace std::chrono;

struct recipient {
    chat_address to;
    chat_kind type = chat_kind::private_chat;
    language lang = language::vi;
    bool window_closing = false; // Zalo OA: say how to keep receiving reminders
};

// Reminders come days apart: a window closing within 3 days would be shut by the next one.
constexpr int window_warning_days = 3;

// The member's private chats the bot can reach now, each marked when its window is closing;
// returns how far the member can be reached.
private_reach add_private(std::vector<recipient>& out, database& db, const config& cfg,
                          const member_record& m, std::int64_t now) {
    auto accounts = member_store(db).linked_accounts_of(m.id);
    auto reach = accounts.empty() ? private_reach::not_linked : private_reach::waiting;
    for (auto& a : accounts)
        if (can_reach_privately(a, now)) {
            out.push_back({a.chat, chat_kind::private_chat, language_of(cfg, m.language),
                           window_closing(a, now, window_warning_days)});
            reach = private_reach::open;
        }
    return reach;
}

// A team's group chats and its leaders' private chats that a message can reach now.
// `unreachable_leaders` counts linked leaders whose only accounts wait for their next message.
std::vector<recipient> team_recipients(database& db, const config& cfg, std::int64_t team_id,
                                       std::int64_t now, int* unreachable_leaders = nullptr) {
    std::vector<recipient> out;
    for (auto& g : group_store(db).of_team(team_id))
        if (g.active)
            out.push_back({g.chat, chat_kind::group, language_of(cfg)});
    member_store members(db);
    for (auto& m : members.in_team(team_id)) {
        if (m.role != "leader")
            continue;
        if (add_private(out, db, cfg, m, now) == private_reach::waiting && unreachable_leaders)
            ++*unreachable_leaders;
    }
    return out;
}

std::vector<recipient> staff_recipients(database& db, const config& cfg, std::int64_t ward_id,
                                        std::int64_t now) {
    std::vector<recipient> out;
    member_store members(db);
    for (auto& m : members.in_ward(ward_id))
        if (m.role == "ward_staff" || m.role == "admin")
            add_private(out, db, cfg, m, now);
    return out;
}

// Everything one planning run needs to know about one deadline occurrence in one ward.
struct occurrence {
    const ward_record& ward;
    const deadline_instance& d;
    const std::vector<team_record>& teams;
    std::map<std::int64_t, report_submission> submitted; // by team id (0 = the ward)
};

class planner {
public:
    planner(database& db, const config& cfg, std::int64_t now)
        : db_(db), cfg_(cfg), now_(now), zone_{cfg.utc_offset_minutes} {}

    void run(reminder_run& out) {
        out_ = &out;
        // Slots whose time had already come at the previous run and were not recorded then
        // appeared since (a renamed or edited deadline, a team added later, the clock set
        // back): they are not news any more.
        // Written only when something was recorded, so an idle tick writes nothing.
        meta_store meta(db_);
        last_run_ = meta.get_int("reminders.last_run", std::numeric_limits<std::int64_t>::min());
        first_run_ = first_run(meta);
        for (auto& ward : ward_store(db_).all()) {
            auto teams = team_store(db_).in_ward(ward.id);
            for (auto& rule : ward_deadlines(db_, cfg_, ward))
                plan_rule(ward, teams, rule);
        }
        if (recorded_ > 0)
            meta.set("reminders.last_run", std::to_string(now_));
        if (before_install_ > 0)
            out_->log.push_back(std::to_string(before_install_) +
                                " reminder time(s) had come before the bot first ran or before their team "
                                "was added; none was missed, so none is sent");
    }

    // When the planner first ran on this database: a reminder whose time came before it was
    // never due from this bot (a new installation), not missed while it was down.
    std::int64_t first_run(meta_store& meta) const {
        if (meta.get("reminders.first_run"))
            return meta.get_int("reminders.first_run", now_);
        // A database that planned reminders before this key existed has run for a while.
        auto first = meta.get("reminders.last_run") ? std::numeric_limits<std::int64_t>::min() : now_;
        meta.set("reminders.first_run", std::to_string(first));
        return first;
    }

    std::vector<std::string> missed_by(const member_record& m, language lang, std::int64_t since) {
        std::vector<std::string> out;
        bool staff = m.role == "ward_staff" || m.role == "admin";
        bool leader = m.role == "leader" && m.team_id;
        if (!staff && !leader)
            return out;
        auto ward = ward_store(db_).by_id(m.ward_id);
        if (!ward)
            return out;
        auto teams = team_store(db_).in_ward(ward->id);
        std::string team_name;
        for (auto& t : teams)
            if (leader && t.id == *m.team_id)
                team_name = t.name;
        for (auto& rule : ward_deadlines(db_, cfg_, *ward)) {
            // Who gets which reminders, as in plan_slot: a team's leader its team's; ward staff
            // the per-team summaries, and the ward's own deadlines.
            bool ward_reports = rule.who == "ward";
            if (leader && ward_reports)
                continue;
            bool summary = staff && !ward_reports; // the per-team summary, not a team's reminder
            std::string_view audience = summary ? "staff" : "team";
            auto team_id = staff ? 0 : *m.team_id;
            for (auto& d : occurrences_around_today(rule)) {
                auto slots = reminder_slots(d, zone_);
                std::optional<std::size_t> latest;
                for (std::size_t i = 0; i < slots.size() && slots[i].at <= now_; ++i)
                    if (slots[i].audience == audience)
                        latest = i;
                if (!latest || slots[*latest].at < since || !slot_still_relevant(d, slots, *latest, now_))
                    continue;
                auto owing = teams_owing(teams, d);
                if (leader &&
                    std::none_of(owing.begin(), owing.end(), [&](auto& t) { return t.id == team_id; }))
                    continue; // the team came after this deadline
                occurrence o{*ward, d, owing, {}};
                auto& s = slots[*latest];
                if (reminder_store(db_).outcome(key_of(o, s, team_id)) != "sent")
                    continue; // not planned yet (the next run sends it), or not needed
                for (auto& r : report_store(db_).current_of_ward(ward->id, rule.code, d.period.key))
                    o.submitted.emplace(r.team_id.value_or(0), r);
                if (summary) {
                    auto [missing, unreachable, on_time] = standing_of(o, true);
                    if (!missing.empty())
                        out.push_back(staff_text(o, s, lang, missing, on_time) +
                                      unreachable_text(lang, unreachable));
                } else if (!o.submitted.contains(team_id)) {
                    out.push_back(team_text(o, s, lang, team_name, false, true)); // privately, to the leader
                }
            }
        }
        return out;
    }

private:
    struct standing {
        std::vector<std::string> missing;     // teams that have not submitted
        std::vector<std::string> unreachable; // of those, the ones no reminder reaches now
        int on_time = 0;                      // teams that submitted on time
    };
    standing standing_of(const occurrence& o, bool with_reach) {
        standing out;
        for (auto& t : o.teams) {
            auto it = o.submitted.find(t.id);
            if (it != o.submitted.end()) {
                out.on_time += it->second.on_time;
                continue;
            }
            out.missing.push_back(t.name);
            if (with_reach && team_recipients(db_, cfg_, t.id, now_).empty())
                out.unreachable.push_back(t.name);
        }
        return out;
    }

    // The occurrences of a rule whose reminders can fall around today.
    std::vector<deadline_instance> occurrences_around_today(const deadline_config& rule) const {
        int before = 0;
        for (int n : rule.remind_days_before)
            before = std::max(before, n);
        auto today = zone_.date_of(now_);
        auto from = year_month_day{sys_days{today} - days{rule.grace_days + 2}};
        auto to = year_month_day{sys_days{today} + days{before + 2}};
        return instances_between(rule, from, to, zone_);
    }

    void plan_rule(const ward_record& ward, const std::vector<team_record>& teams,
                   const deadline_config& rule) {
        for (auto& d : occurrences_around_today(rule)) {
            auto slots = reminder_slots(d, zone_);
            if (slots.empty() || slots.front().at > now_)
                continue;
            // A team added after the deadline is not reminded of it, nor listed as missing.
            auto owing = teams_owing(teams, d);
            occurrence o{ward, d, owing, {}};
            for (auto& s : report_store(db_).current_of_ward(ward.id, rule.code, d.period.key))
                o.submitted.emplace(s.team_id.value_or(0), s);
            for (std::size_t i = 0; i < slots.size(); ++i) {
                if (slots[i].at > now_)
                    break;
                plan_slot(o, slots, i);
            }
        }
    }

    void plan_slot(const occurrence& o, const std::vector<reminder_slot>& slots, std::size_t i) {
        auto& s = slots[i];
        bool relevant = slot_still_relevant(o.d, slots, i, now_) && s.at > last_run_;
        bool ward_reports = o.d.rule.who == "ward";
        if (s.audience == "staff") {
            if (!ward_reports) // the ward's own deadline has no per-team summary
                staff_slot(o, s, relevant);
            return;
        }
        if (ward_reports) {
            team_slot(o, s, relevant, 0, "");
            return;
        }
        // Every team decided already (the usual case on an idle tick): one query, not one per team.
        if (reminder_store(db_).planned_for_slot(o.ward.id, o.d.rule.code, o.d.period.key, s.offset_days,
                                                 s.audience) >= static_cast<std::int64_t>(o.teams.size()))
            return;
        for (auto& t : o.teams)
            team_slot(o, s, relevant, t.id, t.name);
    }

    static std::int64_t team_created_at(const occurrence& o, std::int64_t team_id) {
        for (auto& t : o.teams)
            if (t.id == team_id)
                return t.created_at;
        return 0;
    }
    // A staff summary is about the ward's teams: none was due before the first one existed.
    static std::int64_t first_team_created_at(const occurrence& o) {
        auto first = std::numeric_limits<std::int64_t>::max();
        for (auto& t : o.teams)
            first = std::min(first, t.created_at);
        return first;
    }

    reminder_key key_of(const occurrence& o, const reminder_slot& s, std::int64_t team_id) const {
        return {o.ward.id, team_id, o.d.rule.code, o.d.period.key, s.offset_days, s.audience};
    }

    std::string describe(const occurrence& o, const reminder_slot& s, const std::string& who) const {
        return o.ward.name + " / " + (who.empty() ? std::string("ward") : who) + ": " + o.d.rule.code + " " +
               o.d.period.key + " offset " + std::to_string(s.offset_days) + " (" + s.audience +
               ", planned for " + instant_label(language::en, s.at, cfg_.utc_offset_minutes) + ")";
    }

    void team_slot(const occurrence& o, const reminder_slot& s, bool relevant, std::int64_t team_id,
                   const std::string& team_name) {
        reminder_store ledger(db_);
        auto key = key_of(o, s, team_id);
        if (ledger.planned(key))
            return;
        planned_reminder r{key, s.at, "", now_, 0};
        if (o.submitted.contains(team_id)) {
            r.outcome = "not_needed";
        } else if (!relevant) {
            r.outcome = "skipped_stale";
            if (s.at < first_run_ || s.at < team_created_at(o, team_id))
                ++before_install_;
            else
                out_->missed.push_back("reminder missed while the bot was not running (skipped, only the "
                                       "newest still-useful one is sent): " +
                                       describe(o, s, team_name));
        } else {
            int unreachable = 0;
            auto recipients = team_id ? team_recipients(db_, cfg_, team_id, now_, &unreachable)
                                      : staff_recipients(db_, cfg_, o.ward.id, now_);
            if (unreachable > 0)
                out_->log.push_back(
                    "reminder not sent privately to " + std::to_string(unreachable) +
                    " leader(s) on Zalo OA (no message from them in 7 days): " + describe(o, s, team_name));
            for (auto& to : recipients) {
                // On Telegram a team's reminder carries the button that opens its report (anyone
                // may press; only the team's leader or deputy is shown it). Elsewhere the text
                // says which command to type.
                bool button = team_id && to.to.platform == channel::telegram;
                std::vector<std::vector<choice_button>> buttons;
                if (button)
                    buttons.push_back({{say(to.lang, report_text::button_open_from_reminder),
                                        report_button_data(report_button::view, team_id, o.d)}});
                send(to, team_text(o, s, to.lang, team_name, button, to.type == chat_kind::private_chat),
                     std::move(buttons));
            }
            // Still "sent": whoever it was for gets it in the catch-up when they next write.
            r.outcome = "sent";
            r.messages = static_cast<int>(recipients.size());
            if (recipients.empty()) {
                out_->unreached.push_back({team_name, o.d});
                out_->log.push_back(
                    "reminder reached nobody (no group bound to the team and no leader or deputy "
                    "the bot can write to privately; ward staff see the team's setup with "
                    "/thanhvien): " +
                    describe(o, s, team_name));
            } else
                out_->log.push_back("reminder sent to " + std::to_string(recipients.size()) +
                                    " chat(s): " + describe(o, s, team_name));
        }
        recorded_ += ledger.record(r);
    }

    std::string team_text(const occurrence& o, const reminder_slot& s, language lang,
                          const std::string& team_name, bool with_button, bool to_leader) const {
        auto& d = o.d;
        auto period = period_label(lang, d);
        auto due = instant_label(lang, d.due_at, cfg_.utc_offset_minutes);
        auto lock = instant_label(lang, d.locks_at, cfg_.utc_offset_minutes);
        auto command = submit_command(lang, d.rule);
        // In the team's group the leader is named; privately the leader is the one addressed.
        auto how =
            with_button ? say(lang, to_leader ? report_text::how_to_submit_button_yourself
                                              : report_text::how_to_submit_button)
            : command.empty()
                ? say(lang, to_leader ? report_text::how_to_submit_listed_yourself
                                      : report_text::how_to_submit_listed)
                : say(lang, to_leader ? report_text::how_to_submit_yourself : report_text::how_to_submit,
                      {{"command", command}});
        bool ward = team_name.empty();
        if (s.kind == reminder_kind::overdue)
            return say(lang, ward ? report_text::ward_remind_overdue : report_text::remind_overdue,
                       {{"team", team_name},
                        {"deadline", deadline_name(lang, d)},
                        arg::markup("period", period),
                        {"due", due},
                        {"lock", lock},
                        arg::markup("how", how)});
        // Days left as of sending, not the slot's nominal offset: a reminder sent late (the bot
        // was off when its slot came) must not say "3 days left" with two to go.
        auto days_left =
            (std::chrono::sys_days{d.due_date} - std::chrono::sys_days{zone_.date_of(now_)}).count();
        if (s.offset_days == 0 || days_left <= 0)
            return say(lang, ward ? report_text::ward_remind_today : report_text::remind_today,
                       {{"team", team_name},
                        {"deadline", deadline_name(lang, d)},
                        arg::markup("period", period),
                        {"due", due},
                        arg::markup("how", how)});
        return say(lang, ward ? report_text::ward_remind_before : report_text::remind_before,
                   {{"team", team_name},
                    {"deadline", deadline_name(lang, d)},
                    arg::markup("period", period),
                    {"due", due},
                    {"days", static_cast<std::int64_t>(days_left)},
                    arg::markup("how", how)});
    }

    void staff_slot(const occurrence& o, const reminder_slot& s, bool relevant) {
        reminder_store ledger(db_);
        auto key = key_of(o, s, 0);
        if (ledger.planned(key))
            return;
        planned_reminder r{key, s.at, "", now_, 0};
        auto [missing, unreachable, on_time] = standing_of(o, relevant);
        if (!relevant) {
            r.outcome = "skipped_stale";
            if (s.at < first_run_ || o.teams.empty() || s.at < first_team_created_at(o))
                ++before_install_;
            else
                out_->missed.push_back("staff reminder missed while the bot was not running (skipped, only "
                                       "the newest still-useful one is sent): " +
                                       describe(o, s, ""));
        } else if (o.teams.empty() || (s.kind == reminder_kind::staff_overdue && missing.empty())) {
            r.outcome = "not_needed";
        } else {
            auto recipients = staff_recipients(db_, cfg_, o.ward.id, now_);
            if (recipients.empty())
                out_->unreached.push_back({"", o.d});
            for (auto& to : recipients)
                send(to,
                     staff_text(o, s, to.lang, missing, on_time) + unreachable_text(to.lang, unreachable));
            r.outcome = "sent";
            r.messages = static_cast<int>(recipients.size());
            out_->log.push_back("staff reminder sent to " + std::to_string(recipients.size()) +
                                " chat(s): " + describe(o, s, ""));
        }
        recorded_ += ledger.record(r);
    }

    std::string staff_text(const occurrence& o, const reminder_slot& s, language lang,
                           const std::vector<std::string>& missing, int on_time) const {
        std::string names;
        for (auto& n : missing)
            names += (names.empty() ? "" : ", ") + n;
        if (names.empty())
            names = say(lang, report_text::nobody);
        auto& d = o.d;
        auto period = period_label(lang, d);
        auto expected = static_cast<int>(o.teams.size());
        auto missing_count = static_cast<int>(missing.size());
        if (s.kind == reminder_kind::staff_summary)
            return say(lang, report_text::staff_summary,
                       {{"deadline", deadline_name(lang, d)},
                        arg::markup("period", period),
                        {"due", instant_label(lang, d.due_at, cfg_.utc_offset_minutes)},
                        {"on_time", on_time},
                        {"expected", expected},
                        {"missing_count", missing_count},
                        {"missing", names}});
        return say(lang, report_text::staff_overdue,
                   {{"deadline", deadline_name(lang, d)},
                    arg::markup("period", period),
                    {"lock", instant_label(lang, d.locks_at, cfg_.utc_offset_minutes)},
                    {"expected", expected},
                    {"missing_count", missing_count},
                    {"missing", names}});
    }

    // The teams still missing that no reminder reaches: ward staff have to phone them.
    static std::string unreachable_text(language lang, const std::vector<std::string>& teams) {
        if (teams.empty())
            return "";
        std::string names;
        for (auto& n : teams)
            names += (names.empty() ? "" : ", ") + n;
        return "\n" + say(lang, report_text::staff_unreachable, {{"teams", names}});
    }

    void send(const recipient& to, std::string body, std::vector<std::vector<choice_button>> buttons = {}) {
        if (to.window_closing)
            body += "\n\n" + say(to.lang, report_text::window_closing_hint);
        auto o = text_to(to.to, to.type, std::move(body), lane::bulk);
        o.choices = std::move(buttons);
        outbox(db_).add(o, now_);
        out_->messages.push_back(std::move(o));
    }

    database& db_;
    const config& cfg_;
    std::int64_t now_;
    local_time zone_;
    reminder_run* out_ = nullptr;
    std::int64_t last_run_ = 0;
    std::int64_t first_run_ = 0;
    int recorded_ = 0;
    int before_install_ = 0; // stale slots that were never due from this bot
};

} // namespace

std::vector<deadline_config> ward_deadlines(database& db, const config& cfg, const ward_record& ward) {
    auto rules = deadlines_for_ward(cfg, ward.name);
    for (auto& e : extra_deadline_store(db).of_ward(ward.id)) {
        auto day = parse_dmy(
            e.due_day.substr(8, 2) + "/" + e.due_day.substr(5, 2) + "/" + e.due_day.substr(0, 4), 0);
        if (!day)
            continue;
        deadline_config d;
        d.code = e.code;
        d.name = e.name;
        d.kind = "once";
        d.day = static_cast<int>(static_cast<unsigned>(day->day()));
        d.month = static_cast<int>(static_cast<unsigned>(day->month()));
        d.year = static_cast<int>(day->year());
        d.time = e.time;
        rules.push_back(std::move(d));
    }
    return rules;
}

reminder_run plan_reminders(database& db, const config& cfg, std::int64_t now) {
    reminder_run out;
    planner(db, cfg, now).run(out);
    return out;
}

std::vector<std::string> missed_reminders(database& db, const config& cfg, const member_record& member,
                                          language lang, std::int64_t closed_since, std::int64_t now) {
    return planner(db, cfg, now).missed_by(member, lang, closed_since);
}

} // namespace cnscd
