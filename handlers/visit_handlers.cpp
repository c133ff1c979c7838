// Logging household visits and help sessions: /tham, /buoi, /huy, /sua, and the topic
// question asked when the text names no topic.

#include "handlers/conversation_table.hpp"
#include "handlers/handlers.hpp"
#include "handlers/numbered_choices.hpp"
#include "handlers/period.hpp"
#include "handlers/visit_photos.hpp"
#include "handlers/visit_rules.hpp"
#include "messages/command_parser.hpp"
#include "messages/dates.hpp"
#include "messages/markup.hpp"
#include "messages/text_fold.hpp"
#include "messages/topics.hpp"
#include "messages/visit_texts.hpp"
#include "storage/conversation_store.hpp"
#include "storage/registry.hpp"
#include "storage/visit_store.hpp"

#include <algorithm>
#include <charconv>

namespace cnscd {
namespace {

using namespace std::chrono;

std::string topic_label(const handler_context& ctx, const std::string& code) {
    auto* t = find_topic(code);
    if (!t)
        return code;
    return std::string(ctx.lang == language::vi ? t->name_vi : t->name_en);
}

std::string topics_label(const handler_context& ctx, const visit_record& v, bool unclear) {
    if (unclear)
        return ctx.say(visit_text::no_topic_recorded);
    std::string out;
    for (auto& code : v.topics) {
        if (!out.empty())
            out += ", ";
        out += topic_label(ctx, code);
    }
    return markup::escape(out);
}

// "{people}{date}" parts of a confirmation. `vague` is a count written without a number ("vài
// người"): the 1 person a visit keeps then is shown as a stand-in, with how to correct it.
// `times` is an "x2" a session did not take for its attendees.
std::string people_part(const handler_context& ctx, const visit_record& v, std::string_view vague = {},
                        std::string_view times = {}) {
    // A session is counted by its attendees: say so when the count was left out.
    if (v.people <= 0 && v.kind == activity_kind::session && !times.empty())
        return ctx.say(visit_text::attendees_not_times, {{"no", v.id}, {"words", std::string(times)}});
    if (v.people <= 0 && v.kind == activity_kind::session)
        return ctx.say(visit_text::attendees_missing, {{"no", v.id}});
    if (!vague.empty() && v.kind == activity_kind::visit)
        return ctx.say(visit_text::people_vague, {{"no", v.id}, {"words", std::string(vague)}});
    if (v.people <= 0)
        return "";
    // "1.000 người tham dự", written as /toi and the report write it.
    return ctx.say(v.kind == activity_kind::session ? visit_text::attendees : visit_text::people_helped,
                   {{"count", format_count(ctx.lang, v.people)}});
}

// The day is shown when it is not today, or when the message had date words: a date the bot
// did not read ("hôm trước") is then seen to be recorded as today.
// Date words read as no day ("bữa trước", "tuần trước") leave the day a stand-in: the answer
// says so, and how to set it, rather than let today pass for it.
std::string date_part(const handler_context& ctx, const visit_record& v, bool says_when,
                      std::string_view vague = {}) {
    if (v.day == iso_day(ctx.today()) && !says_when)
        return "";
    auto d = parse_iso_day(v.day);
    if (d && !vague.empty()) {
        std::chrono::year_month_day example{std::chrono::sys_days{*d} - std::chrono::days{1}};
        return ctx.say(visit_text::date_vague,
                       {{"date", format_date(*d)},
                        {"words", std::string(vague)},
                        {"no", v.id},
                        {"example", std::to_string(static_cast<unsigned>(example.day())) + "/" +
                                        std::to_string(static_cast<unsigned>(example.month()))}});
    }
    return d ? ctx.say(visit_text::on_date, {{"date", format_date(*d)}}) : "";
}

// In a group, who it was: answers merged under the group's limit lose the quote of the message.
std::string who_in_group(const handler_context& ctx) {
    return ctx.in_group() && ctx.member ? ctx.say(visit_text::recorded_by, {{"name", ctx.member->full_name}})
                                        : "";
}

// Answers about visits queued behind the group's limit go out as one message.
void mergeable_in_group(const handler_context& ctx, outgoing& o) {
    if (ctx.in_group())
        o.merge_key = "visit";
}

std::vector<std::vector<choice_button>> topic_buttons(const handler_context& ctx, std::int64_t no) {
    std::vector<std::vector<choice_button>> rows;
    for (auto& t : all_topics()) {
        if (rows.empty() || rows.back().size() == 3)
            rows.emplace_back();
        auto label = std::string(ctx.lang == language::vi ? t.short_vi : t.name_en);
        rows.back().push_back({label, "t:" + std::to_string(no) + ":" + std::string(t.code)});
    }
    return rows;
}

// The record this member's open topic question in this chat (and forum topic) is about, if there
// is one: a group keeps one question per member and topic, so a new one takes its place.
std::optional<std::int64_t> open_topic_question(handler_context& ctx) {
    auto c = conversation_store(ctx.db).find(ctx.in.chat, ctx.in.thread_id, ctx.in.user_id);
    if (!c || c->kind != "choice" || c->expires_at < ctx.now())
        return std::nullopt;
    auto list = read_numbered_list(c->state);
    if (list.data.empty())
        return std::nullopt;
    auto no = record_of_topic_choice(list.data.front());
    return no > 0 ? std::optional(no) : std::nullopt;
}

// Asks which topic record `v` is about, inside its confirmation so each visit costs one
// message. Private chats get buttons. In a group, buttons would keep thirty members'
// confirmations from being merged under the group's 20-a-minute limit, so the question is a
// numbered line the member answers by typing the number (theirs only, for a while).
void confirm(handler_context& ctx, const visit_record& v, const activity_details& d, bool unclear,
             visit_text key, bool photo, const std::string& note) {
    auto who = who_in_group(ctx);
    auto text = ctx.say(key, {arg::markup("who", who),
                              {"no", v.id},
                              {"place", v.place.empty() ? v.note : v.place},
                              arg::markup("topics", topics_label(ctx, v, unclear)),
                              arg::markup("people", people_part(ctx, v, d.people_vague, d.people_times)),
                              arg::markup("date", date_part(ctx, v, d.says_when, d.date_vague))});
    text += note;
    if (photo)
        text += ctx.say(visit_text::photo_kept);
    auto buttons = unclear ? topic_buttons(ctx, v.id) : std::vector<std::vector<choice_button>>{};
    if (unclear && !ctx.in_group()) {
        text += ctx.say(visit_text::ask_topic);
        ctx.ask(std::move(text), std::move(buttons));
        return;
    }
    if (unclear) {
        std::string list;
        int n = 0;
        numbered_list asked;
        for (auto& row : buttons)
            for (auto& b : row) {
                if (n++ > 0)
                    list += " · ";
                list += ctx.say(visit_text::topic_number_item, {{"n", n}, {"topic", b.label}});
                asked.data.push_back(b.data);
                asked.labels.push_back(b.label);
            }
        // Two visits without a topic in a row: the first question can no longer be answered.
        if (auto earlier = open_topic_question(ctx); earlier && *earlier != v.id)
            text += ctx.say(visit_text::topic_question_replaced, {{"no", *earlier}});
        text += ctx.say(visit_text::ask_topic_by_number, {{"list", list}});
        ctx.expect_reply("choice", write_numbered_list(asked), ctx.cfg().visit_topic_question_minutes * 60LL);
    }
    mergeable_in_group(ctx, ctx.reply(std::move(text)));
}

void record(const activity_details& d, activity_kind kind, handler_context& ctx) {
    auto& m = *ctx.member;
    if (!m.team_id) {
        ctx.reply(visit_text::no_team);
        return;
    }
    // Only when and how many ("/tham 3 hộ", "/tham hôm qua 2 người"): say what is missing. Nothing
    // at all ("/tham 👍", "/tham ok"): show what to write.
    if (!d.says_what && (d.people || d.says_when)) {
        ctx.reply(kind == activity_kind::visit ? visit_text::visit_address_missing
                                               : visit_text::session_venue_missing);
        return;
    }
    if ((d.place.empty() && d.note.empty()) || !d.says_what) {
        ctx.reply(visit_text::missing_place);
        return;
    }
    auto day = d.date.value_or(ctx.today());
    if (!day_accepted(ctx, day))
        return;
    // A household visit helps a family: more people is most likely a typo ("/sua 10 1.000 người"
    // for 10) or a session logged with /tham. Sessions may have hundreds.
    auto limit = ctx.cfg().visit_max_people;
    if (kind == activity_kind::visit && d.people && *d.people > limit) {
        ctx.reply(visit_text::visit_too_many_people,
                  {{"count", format_count(ctx.lang, *d.people)}, {"limit", format_count(ctx.lang, limit)}});
        return;
    }
    visit_record v;
    v.kind = kind;
    v.ward_id = m.ward_id;
    v.team_id = *m.team_id;
    v.member_id = m.id;
    v.day = iso_day(day);
    v.recorded_at = ctx.now();
    v.place = d.place;
    v.topics = d.topics;
    v.people = d.people.value_or(kind == activity_kind::visit ? 1 : 0);
    v.note = d.note;
    if (ctx.in.kind == incoming_kind::message && !ctx.in.message_ref.empty())
        v.source = ctx.in.chat.chat_id + ":" + ctx.in.message_ref;
    bool unclear = v.topics.empty();
    if (unclear)
        v.topics = {"khac"}; // counted at once; the member's answer refiles it
    visit_store(ctx.db).add(v);
    // A /tham written as a photo's caption: the photo is the visit's evidence.
    bool photo = carries_evidence(ctx.in) && keep_evidence(ctx, v.id);
    confirm(ctx, v, d, unclear,
            kind == activity_kind::visit ? visit_text::visit_recorded : visit_text::session_recorded, photo,
            report_notes(ctx, v.team_id, {day}));
}

// `old` with `added` after it, without repeats; "khac" (no topic yet) gives way to a real one.
std::vector<std::string> with_topics(std::vector<std::string> old, const std::vector<std::string>& added) {
    std::erase(old, "khac");
    for (auto& t : added)
        if (std::find(old.begin(), old.end(), t) == old.end())
            old.push_back(t);
    return old;
}

} // namespace

// Button "t:<no>:<topic>": files record <no> under <topic>. A topic named in words may be
// several: "t:<no>:vneid,thanhtoan".
std::int64_t record_of_topic_choice(std::string_view data) {
    std::int64_t no = 0;
    if (data.starts_with("t:"))
        std::from_chars(data.data() + 2, data.data() + data.size(), no);
    return no;
}

void on_topic_choice(std::string_view data, handler_context& ctx) {
    auto no = record_of_topic_choice(data);
    auto rest = data.substr(std::min<std::size_t>(2, data.size()));
    auto colon = rest.find(':');
    std::vector<std::string> codes;
    for (auto list = colon == std::string_view::npos ? std::string_view() : rest.substr(colon + 1);
         !list.empty();) {
        auto comma = list.find(',');
        codes.emplace_back(list.substr(0, comma));
        list = comma == std::string_view::npos ? std::string_view() : list.substr(comma + 1);
    }
    if (!ctx.member || no <= 0 || codes.empty() ||
        !std::all_of(codes.begin(), codes.end(), [](auto& c) { return find_topic(c) != nullptr; }))
        return;
    visit_store visits(ctx.db);
    auto v = own_record(ctx, visits, no, visit_text::not_your_record);
    if (!v)
        return;
    auto minutes = ctx.cfg().visit_topic_question_minutes;
    if (ctx.now() > v->recorded_at + minutes * 60LL) {
        ctx.reply(visit_text::topic_question_expired, {{"no", no}, {"minutes", minutes}});
        return;
    }
    // The record's day may have closed since it was logged: a closed report's figures are final.
    if (auto d = parse_iso_day(v->day); d && !day_open(ctx, *d))
        return;
    auto updated = *v;
    updated.topics = codes;
    visits.edit(updated, ctx.member->id, ctx.now());
    std::string labels;
    for (auto& code : codes)
        labels += (labels.empty() ? "" : ", ") + topic_label(ctx, code);
    mergeable_in_group(ctx,
                       ctx.reply(visit_text::topic_set,
                                 {arg::markup("who", who_in_group(ctx)), {"no", no}, {"topic", labels}}));
}

bool on_stray_number(handler_context& ctx) {
    if (ctx.in_group() || !ctx.member || !chosen_number(ctx.in.text))
        return false;
    auto last = visit_store(ctx.db).last_of_member(ctx.member->id);
    if (!last || ctx.now() - last->recorded_at > ctx.cfg().undo_window_hours * 3600LL)
        return false;
    ctx.reply(visit_text::no_question_open,
              {{"no", last->id}, arg::markup("topics", topics_label(ctx, *last, false))});
    return true;
}

std::string topic_choice_in_words(std::string_view first, std::string_view text) {
    auto last_colon = first.rfind(':');
    auto topics = find_topics(fold(text));
    if (last_colon <= 2 || last_colon == std::string_view::npos || topics.empty())
        return "";
    std::string data(first.substr(0, last_colon + 1)); // "t:<no>:"
    for (std::size_t i = 0; i < topics.size(); ++i)
        data += (i ? "," : "") + topics[i];
    return data;
}

void on_edited_message(handler_context& ctx) {
    if (!ctx.linked())
        return;
    auto cmd = parse_command(ctx.in.text, {ctx.env.telegram_username, ctx.today(), !ctx.in_group()});
    auto* details = activity_of(cmd);
    // An edit that cannot be read ("31/02") is explained like the message would have been.
    if (auto* e = std::get_if<command_error>(&cmd); e && (e->command == "tham" || e->command == "buoi")) {
        handle(*e, ctx);
        return;
    }
    if (!details)
        return;
    // The record this very message made: the edit is applied to it, as /sua would.
    visit_store visits(ctx.db);
    if (!ctx.in.message_ref.empty())
        if (auto no = visits.from_message(ctx.member->id, ctx.in.chat.chat_id + ":" + ctx.in.message_ref)) {
            handle(cmd_edit{*no, *details, false, true, ""}, ctx);
            return;
        }
    auto last = visits.last_of_member(ctx.member->id);
    if (!last)
        return;
    auto& o = ctx.reply(visit_text::edited_message_hint, {{"no", last->id}});
    if (ctx.in_group())
        o.merge_key = "visit";
}

namespace {

// A leader changing a team member's record: the answer names whose it is.
void say_whose(handler_context& ctx, const visit_record& v) {
    if (v.member_id == ctx.member->id || ctx.out.empty())
        return;
    auto author = member_store(ctx.db).by_id(v.member_id);
    ctx.out.back().text +=
        "\n" + ctx.say(visit_text::changed_for_member, {{"name", author ? author->full_name : ""}});
}

} // namespace

void handle(const cmd_visit& c, handler_context& ctx) {
    record(c.details, activity_kind::visit, ctx);
}

void handle(const cmd_session& c, handler_context& ctx) {
    record(c.details, activity_kind::session, ctx);
}

void handle(const cmd_undo& c, handler_context& ctx) {
    visit_store visits(ctx.db);
    // "/huy 125" used to cancel the last record whatever the number said.
    auto last = c.record_no ? record_to_change(ctx, visits, c.record_no, visit_text::not_your_record_undo)
                            : visits.last_of_member(ctx.member->id);
    if (c.record_no && !last)
        return;
    if (!last) {
        ctx.reply(visit_text::undo_nothing);
        return;
    }
    bool mine = last->member_id == ctx.member->id;
    auto d = parse_iso_day(last->day);
    // The window keeps a member from undoing old work by mistake; a leader cancelling a team
    // member's record does it on purpose, however old. Neither inside a report closed since,
    // even one closed within the window: its figures are final.
    auto hours = ctx.cfg().undo_window_hours;
    if (mine && ctx.now() > last->recorded_at + hours * 3600LL) {
        ctx.reply(visit_text::undo_too_late, {{"no", last->id}, {"hours", hours}});
        return;
    }
    if (d && !day_open(ctx, *d))
        return;
    visits.cancel(last->id, ctx.member->id, ctx.now());
    auto& done = ctx.reply(visit_text::undo_done, {arg::markup("who", who_in_group(ctx)),
                                                   {"no", last->id},
                                                   {"place", last->place.empty() ? last->note : last->place},
                                                   {"date", d ? format_date(*d) : last->day}});
    if (d)
        done.text += report_notes(ctx, last->team_id, {*d});
    mergeable_in_group(ctx, done);
    say_whose(ctx, *last);
}

void handle(const cmd_edit& c, handler_context& ctx) {
    visit_store visits(ctx.db);
    auto v = record_to_change(ctx, visits, c.record_no, visit_text::not_your_record);
    if (!v)
        return;
    auto old_day = parse_iso_day(v->day);
    if (old_day && !day_accepted(ctx, *old_day))
        return;
    auto& d = c.details;
    auto updated = *v;
    // "/sua 12 x2" on a session: a number of times, not of attendees (as /buoi reads it).
    auto times =
        updated.kind == activity_kind::session ? std::string_view(d.people_times) : std::string_view();
    if (d.date) {
        if (!day_accepted(ctx, *d.date))
            return;
        updated.day = iso_day(*d.date);
    }
    if (!d.place.empty())
        updated.place = d.place;
    if (!d.topics.empty())
        updated.topics = with_topics(c.adds ? v->topics : std::vector<std::string>{}, d.topics);
    if (d.people && times.empty())
        updated.people = std::min(c.adds ? updated.people + *d.people : *d.people, 100000);
    if (auto limit = ctx.cfg().visit_max_people;
        updated.kind == activity_kind::visit && updated.people > limit && updated.people != v->people) {
        ctx.reply(visit_text::edit_too_many_people, {{"no", updated.id},
                                                     {"count", format_count(ctx.lang, updated.people)},
                                                     {"limit", format_count(ctx.lang, limit)}});
        return;
    }
    if (c.new_note)
        updated.note = d.note;
    else if (!d.place.empty() && v->note.starts_with(v->place) && !v->place.empty())
        updated.note = d.place + v->note.substr(v->place.size()); // the note names the new address
    // A correction of the count, topics or day keeps the words first written, which now say
    // otherwise ("cho 2 người" beside 3 people in the export): the correction follows them as the
    // member wrote it, so the note reads as the record now is. The old note stays in the history.
    // A new address the note already took up above needs no addition.
    bool figures_changed =
        updated.day != v->day || updated.people != v->people || updated.topics != v->topics;
    bool place_unnoted = updated.place != v->place && updated.note == v->note;
    if (!c.new_note && (figures_changed || place_unnoted) && !c.said.empty())
        updated.note += (updated.note.empty() ? "" : " → ") + c.said;
    visits.edit(updated, ctx.member->id, ctx.now());
    auto& done =
        ctx.reply(visit_text::edit_done, {arg::markup("who", who_in_group(ctx)),
                                          {"no", updated.id},
                                          {"place", updated.place.empty() ? updated.note : updated.place},
                                          arg::markup("topics", topics_label(ctx, updated, false)),
                                          arg::markup("people", people_part(ctx, updated, {}, times)),
                                          arg::markup("date", date_part(ctx, updated, d.says_when))});
    // A record moved to another day changes the figures of both days' reports.
    if (old_day)
        done.text += report_notes(ctx, updated.team_id, {*old_day, d.date.value_or(*old_day)});
    mergeable_in_group(ctx, done);
    say_whose(ctx, updated);
}

} // namespace cnscd
