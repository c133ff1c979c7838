#include "handlers/dispatch.hpp"

#include "handlers/command_table.hpp"
#include "handlers/conversation_table.hpp"
#include "handlers/handlers.hpp"
#include "handlers/numbered_choices.hpp"
#include "handlers/private_reach.hpp"
#include "handlers/reminder_planning.hpp"
#include "messages/activity_parser.hpp"
#include "messages/choice_texts.hpp"
#include "messages/choice_words.hpp"
#include "messages/command_parser.hpp"
#include "messages/dates.hpp"
#include "messages/report_texts.hpp"
#include "messages/spoken_number.hpp"
#include "messages/text_fold.hpp"
#include "storage/account_language_store.hpp"
#include "storage/chat_migrations.hpp"
#include "storage/conversation_store.hpp"
#include "storage/database.hpp"
#include "storage/held_record_store.hpp"
#include "storage/outbox.hpp"
#include "storage/update_log.hpp"

#include <algorithm>

namespace cnscd {
namespace {

// Visits sent privately before linking: how long they wait, and how many per person.
constexpr int held_hours = 24;
constexpr int held_limit = 5;

// Is the user allowed to run this command here? Replies with the reason when not.
bool authorize(const command& cmd, handler_context& ctx) {
    auto name = command_name(cmd);
    if (name.empty())
        return true;
    const command_rule* rule = find_rule(name);
    if (!rule) {
        // Every command has a rule (tests/handlers/command_table_test); refuse rather than guess.
        ctx.reply(text::internal_error);
        return false;
    }
    if (rule->needs_link && !ctx.linked() && !(rule->unlinked_in_private && !ctx.in_group())) {
        bool button = has_contact_button(ctx.in.chat.platform);
        if (ctx.in_group()) {
            ctx.reply(button ? text::not_linked : text::not_linked_no_button);
        } else {
            // Here, in the private chat, with the button the text asks for.
            auto& o = ctx.reply(button ? text::not_linked_here : text::not_linked_here_no_button);
            if (button)
                o.contact_button = ctx.say(text::share_phone_button);
            // A visit sent before linking is kept, and recorded when the account is linked.
            bool record = std::holds_alternative<cmd_visit>(cmd) || std::holds_alternative<cmd_session>(cmd);
            if (record &&
                held_record_store(ctx.db).hold(ctx.in.chat.platform, ctx.in.user_id, ctx.in.text, ctx.in.file,
                                               ctx.now(), ctx.now() + held_hours * 3600LL, held_limit))
                o.text += "\n\n" + ctx.say(text::held_until_linked, {{"hours", held_hours}});
        }
        return false;
    }
    if (rule->where == chat_rule::group_only && !ctx.in_group()) {
        ctx.reply(text::only_in_group, {{"command", shown_name(ctx, name)}});
        return false;
    }
    if (rule->where == chat_rule::private_only && ctx.in_group()) {
        ctx.reply(text::only_in_private, {{"command", shown_name(ctx, name)}});
        return false;
    }
    if (rule->needs_link && !rule->allowed.contains(ctx.who)) {
        refuse_command(ctx, shown_name(ctx, name), rule->allowed);
        return false;
    }
    return true;
}

// The acknowledgement of a button press, with a short note for the one who pressed it, if any.
outgoing choice_answer(const incoming& in, std::string note = "") {
    outgoing ack;
    ack.kind = outgoing_kind::answer_choice;
    ack.to = in.chat;
    ack.chat_type = in.chat_type;
    ack.choice_ref = in.choice_ref;
    ack.text = std::move(note);
    return ack;
}

void route_choice(std::string_view data, handler_context& ctx) {
    auto colon = data.find(':');
    auto prefix = data.substr(0, colon);
    for (auto& r : choice_routes())
        if (r.prefix == prefix) {
            r.fn(data, ctx);
            return;
        }
    // A button of an older version, or data forged: say so to the one who pressed it only.
    ctx.out.push_back(choice_answer(ctx.in, ctx.say(text::button_unknown)));
}

// A choice typed in words: the topic question reads topic names its own way ("cài VNeID",
// several at once); any list is also answered by words of one choice's label ("nộp", "hủy").
struct named_choice {
    words_pick::outcome what = words_pick::outcome::none;
    std::string data;                    // the choice's button data, for `one`
    std::vector<std::size_t> candidates; // 0-based, for `several`
};

named_choice choice_in_words(const numbered_list& list, std::string_view text) {
    named_choice named;
    if (list.data.empty())
        return named;
    auto& first = list.data.front();
    auto prefix = std::string_view(first).substr(0, first.find(':'));
    for (auto& r : choice_routes())
        if (r.prefix == prefix && r.in_words)
            if (auto data = r.in_words(first, text); !data.empty()) {
                named.what = words_pick::outcome::one;
                named.data = std::move(data);
                return named;
            }
    auto pick = choice_named(list.labels, text);
    named.what = pick.what;
    if (pick.what == words_pick::outcome::one)
        named.data = list.data[pick.index];
    named.candidates = std::move(pick.candidates);
    return named;
}

// Whether `t` picks one of the numbered choices `list`: its number, or words naming one.
bool picks_a_choice(const numbered_list& list, std::string_view t) {
    if (auto n = chosen_number(t))
        return *n <= static_cast<int>(list.data.size());
    return choice_in_words(list, t).what == words_pick::outcome::one;
}

// An answer in "General" to the person's numbered question in another topic of the chat (the
// latest, if several): a topic deleted or closed leaves them "General" alone to write in, and
// Telegram says nothing when a topic is deleted. Only an answer that picks one of the choices
// counts, so other chatter in "General" stays chatter.
std::optional<conversation> asked_in_a_topic(const incoming& in, std::string_view t, database& db,
                                             std::int64_t now) {
    if (!in.thread_id.empty())
        return std::nullopt;
    for (auto& c : conversation_store(db).in_other_topics(in.chat, in.user_id)) {
        if (c.kind != "choice" || c.expires_at < now)
            continue;
        if (picks_a_choice(read_numbered_list(c.state), t))
            return c;
        return std::nullopt; // the latest question is not what it answers
    }
    return std::nullopt;
}

// Text that reads as a try at answering the list rather than something else: a few words
// ("ok", "gửi đi", "đồng ý"), not a sentence and not a visit described without /tham.
bool reads_as_an_answer(std::string_view t) {
    return !t.empty() && split_words(t).size() <= 5 && has_letter_or_digit(t) && !reads_as_activity(t);
}

// "«gửi lại»": the answer quoted back, short.
std::string quoted_answer(std::string_view t) {
    return cut_after_chars(t, 40);
}

// The unnumbered answer `t` to the open list `list`: a choice named in words is taken. Under a
// numbered list (no buttons), words that fit several choices, or in a private chat a short reply
// that names none, are told what to type, and the list stays open. False when `t` is not an
// answer (chatter in a group).
bool answer_in_words(const numbered_list& list, std::string_view t, bool late, const std::string& asked_in,
                     handler_context& ctx) {
    conversation_store conversations(ctx.db);
    auto named = choice_in_words(list, t);
    bool topic = !list.data.empty() && list.data.front().starts_with("t:");
    if (named.what == words_pick::outcome::one) {
        if (late && !topic) {
            // A word typed long after is more likely chatter; privately, say the list is gone.
            if (ctx.in_group())
                return false;
            conversations.erase(ctx.in.chat, asked_in, ctx.in.user_id);
            ctx.reply(text::question_expired, {{"detail", ctx.say(text::ask_again_hint)}});
            return true;
        }
        // Late, the topic question says so itself (the record stays under «Khác»).
        conversations.erase(ctx.in.chat, asked_in, ctx.in.user_id);
        route_choice(named.data, ctx);
        return true;
    }
    // Where the choices are buttons, the numbers the hints speak of are not shown.
    if (late || shows_buttons(ctx.in.chat.platform))
        return false;
    if (named.what == words_pick::outcome::several) {
        std::string numbers;
        for (auto i : named.candidates)
            numbers += (numbers.empty() ? "" : ", ") + std::to_string(i + 1);
        ctx.reply(choice_text::several, {{"answer", quoted_answer(t)}, {"numbers", numbers}});
        ctx.asked = true; // the same list is still the question
        return true;
    }
    // In a group people talk among themselves: only a private reply is told what to type.
    if (ctx.in_group() || list.labels.empty() || !reads_as_an_answer(t))
        return false;
    ctx.reply(choice_text::unmatched, {{"answer", quoted_answer(t)},
                                       {"max", static_cast<int>(list.data.size())},
                                       {"example", label_words(list.labels.front())}});
    ctx.asked = true;
    return true;
}

// A plain message may answer an open question: a number for numbered choices, or text.
bool route_conversation(const std::string& text, handler_context& ctx) {
    conversation_store conversations(ctx.db);
    std::string_view t = text;
    while (!t.empty() && (t.front() == ' ' || t.front() == '\n'))
        t.remove_prefix(1);
    while (!t.empty() && (t.back() == ' ' || t.back() == '\n'))
        t.remove_suffix(1);
    auto open = conversations.find(ctx.in.chat, ctx.in.thread_id, ctx.in.user_id);
    if (!open)
        open = asked_in_a_topic(ctx.in, t, ctx.db, ctx.now());
    if (!open)
        return false;
    // Where the question was asked; the answer is confirmed where it was given.
    const std::string asked_in = open->thread_id;
    if (open->kind == "choice") {
        ctx.choice_open = true;
        auto list = read_numbered_list(open->state);
        auto chosen = chosen_number(t); // also reads "2."
        if (!chosen)
            return answer_in_words(list, t, open->expires_at < ctx.now(), asked_in, ctx);
        int n = *chosen;
        // The choice's button data, when the number is one of the list's.
        std::string picked;
        if (n >= 1 && n <= static_cast<int>(list.data.size()))
            picked = list.data[static_cast<std::size_t>(n - 1)];
        if (open->expires_at < ctx.now()) {
            conversations.erase(ctx.in.chat, asked_in, ctx.in.user_id);
            // The topic question explains itself when late (the record stays under «Khác», how
            // to fix it); other questions are asked again by their command.
            if (picked.starts_with("t:"))
                route_choice(picked, ctx);
            else
                ctx.reply(text::question_expired, {{"detail", ctx.say(text::ask_again_hint)}});
            return true;
        }
        if (picked.empty()) {
            ctx.reply(text::choice_invalid, {{"max", static_cast<int>(list.data.size())}});
            ctx.asked = true; // the same list is still the question: keep it for the retry
            return true;
        }
        conversations.erase(ctx.in.chat, asked_in, ctx.in.user_id);
        route_choice(picked, ctx);
        return true;
    }
    if (open->expires_at < ctx.now()) {
        conversations.erase(ctx.in.chat, asked_in, ctx.in.user_id);
        return false;
    }
    for (auto& r : conversation_routes())
        if (r.kind == open->kind) {
            auto state = open->state;
            conversations.erase(ctx.in.chat, asked_in, ctx.in.user_id);
            r.fn(t, state, ctx);
            return true;
        }
    return false;
}

// In a private chat a command's name may come without its slash ("ghi ..." is /ghi): under an
// open list, words without a slash that name one of its choices ("ghi chú") are that answer.
bool slashless_answer(handler_context& ctx) {
    auto t = trim(ctx.in.text);
    if (t.starts_with('/'))
        return false;
    conversation_store conversations(ctx.db);
    auto open = conversations.find(ctx.in.chat, ctx.in.thread_id, ctx.in.user_id);
    if (!open || open->kind != "choice" || open->expires_at < ctx.now())
        return false;
    auto named = choice_in_words(read_numbered_list(open->state), t);
    if (named.what != words_pick::outcome::one)
        return false;
    ctx.choice_open = true;
    conversations.erase(ctx.in.chat, ctx.in.thread_id, ctx.in.user_id);
    route_choice(named.data, ctx);
    return true;
}

// "/huy" (undo, no number) while a question is open. The topic question is about a record
// already stored under «Khác»: /huy undoes that record. An offer (remind the idle) asks nothing
// /huy could answer: it undoes the last record as anywhere else. Any other question (a report's
// comment, a broadcast or a removal to confirm) records nothing until answered, so "/huy" there
// cancels the question, and says that no record was undone.
void read_undo_at_question(command& cmd, handler_context& ctx) {
    auto open = conversation_store(ctx.db).find(ctx.in.chat, ctx.in.thread_id, ctx.in.user_id);
    if (!open || open->expires_at < ctx.now())
        return;
    if (open->kind != "choice") {
        cmd = cmd_cancel{true};
        return;
    }
    ctx.choice_open = true; // the list is forgotten once /huy is answered
    auto list = read_numbered_list(open->state);
    std::string_view first = list.data.empty() ? std::string_view() : list.data.front();
    if (auto no = record_of_topic_choice(first); no > 0) {
        cmd = cmd_undo{no};
        return;
    }
    if (!first.starts_with("nh:"))
        cmd = cmd_cancel{true};
}

void handle_message(handler_context& ctx, dispatch_result& result, std::optional<command>& read) {
    auto cmd = read ? std::move(*read) : *read_command(ctx.in, ctx.env);
    result.command = std::string(command_name(cmd));
    if (ctx.in.forwarded_from_other && !ctx.in.text.empty()) {
        // Someone else's words: never recorded, registered or answered as the sender's own. A
        // group's forwarded chatter is left alone; elsewhere silence would read as "recorded".
        bool plain = std::holds_alternative<plain_text>(cmd) || std::holds_alternative<unknown_command>(cmd);
        if (!plain || !ctx.in_group())
            ctx.reply(text::forwarded_not_logged);
        return;
    }
    // "Thông báo họp lúc mấy giờ?" from a member starts with a staff command's name: words typed
    // without a slash by someone who may not run it are a message, not a command to refuse.
    if (auto rule = find_rule(command_name(cmd));
        rule && ctx.linked() && !trim(ctx.in.text).starts_with('/') && !rule->allowed.contains(ctx.who) &&
        !rule->allowed.contains(role::leader)) {
        cmd = plain_text{ctx.in.text};
        result.command = std::string(command_name(cmd));
    }
    if (auto* plain = std::get_if<plain_text>(&cmd)) {
        if (ctx.in.text.empty() && !ctx.in.file) {
            if (ctx.in.unreadable && ctx.in.chat_type == chat_kind::private_chat)
                ctx.reply(text::cannot_read_content);
            return;
        }
        if (route_conversation(plain->text, ctx))
            return;
    } else if (slashless_answer(ctx)) {
        return;
    } else if (auto* undo = std::get_if<cmd_undo>(&cmd); undo && undo->record_no == 0) {
        read_undo_at_question(cmd, ctx);
    } else if (!std::holds_alternative<unknown_command>(cmd) && !std::holds_alternative<command_error>(cmd) &&
               !std::holds_alternative<cmd_cancel>(cmd)) {
        // A new command leaves any question that was waiting for a text reply.
        if (auto open = conversation_store(ctx.db).find(ctx.in.chat, ctx.in.thread_id, ctx.in.user_id);
            open) {
            if (open->kind != "choice")
                ctx.end_conversation();
            else
                ctx.choice_open = true;
        }
    }
    if (!ctx.linked())
        try_open_join(cmd, ctx);
    if (!authorize(cmd, ctx))
        return;
    std::visit([&](const auto& c) { handle(c, ctx); }, cmd);
}

void route(handler_context& ctx, dispatch_result& result, std::optional<command>& read) {
    switch (ctx.in.kind) {
    case incoming_kind::message:
        handle_message(ctx, result, read);
        break;
    case incoming_kind::choice:
        result.command = "choice";
        route_choice(ctx.in.choice_data, ctx);
        break;
    case incoming_kind::contact:
        result.command = "contact";
        on_contact(ctx);
        break;
    case incoming_kind::bot_added:
        on_bot_added(ctx);
        break;
    case incoming_kind::bot_removed:
        on_bot_removed(ctx);
        break;
    case incoming_kind::chat_migrated:
        on_chat_migrated(ctx);
        break;
    case incoming_kind::follow:
        on_follow(ctx);
        break;
    case incoming_kind::edited_message:
        on_edited_message(ctx);
        break;
    case incoming_kind::unfollow:
        on_unfollow(ctx);
        break;
    case incoming_kind::topic_closed:
        on_topic_closed(ctx);
        break;
    case incoming_kind::other:
        break;
    }
}

// A message in the name of a chat (an admin posting anonymously, someone posting as a channel)
// names no person: the account Telegram shows for it is shared by every such sender, so nothing
// is recorded, registered or counted for it. A command hears why and how to write as oneself;
// anything else (chatter, a linked channel's posts) is left alone.
void answer_nameless_sender(handler_context& ctx, dispatch_result& result, std::optional<command>& read) {
    if (ctx.in.kind != incoming_kind::message || ctx.in.sender_chat == sender_chat_kind::linked_channel)
        return;
    auto cmd = read ? std::move(*read) : *read_command(ctx.in, ctx.env);
    if (std::holds_alternative<plain_text>(cmd) || std::holds_alternative<unknown_command>(cmd))
        return;
    result.command = std::string(command_name(cmd));
    ctx.reply(ctx.in.sender_chat == sender_chat_kind::anonymous_admin ? text::sender_anonymous_admin
                                                                      : text::sender_channel);
}

// The member's choice; for someone not linked, what this chat account chose (not for a message
// in the name of a chat, whose account is shared).
language language_for(const handler_context& ctx) {
    if (ctx.member)
        return language_of(ctx.env.cfg, ctx.member->language);
    if (ctx.in.user_id.empty() || ctx.in.sender_chat != sender_chat_kind::none)
        return language_of(ctx.env.cfg);
    return language_of(ctx.env.cfg,
                       account_language_store(ctx.db).find(ctx.in.chat.platform, ctx.in.user_id));
}

// Remembers numbered choices sent to this user here, so "2" answers them on any platform. A
// number answers the last list the bot showed: once it answers this user here without one, an
// older list is forgotten, so "1" cannot pick from a question no longer on the screen.
void remember_last_choices(handler_context& ctx) {
    bool answered_here = false;
    for (auto it = ctx.out.rbegin(); it != ctx.out.rend(); ++it) {
        if (it->to != ctx.in.chat || it->kind == outgoing_kind::answer_choice)
            continue;
        answered_here = true;
        if (it->choices.empty())
            continue;
        remember_choices(ctx.db, *it, ctx.in.thread_id, ctx.in.user_id,
                         ctx.now() + ctx.env.cfg.visit_topic_question_minutes * 60LL);
        return;
    }
    // A question asked in words ("reply with its number") stays; and only a list that was open
    // when the message came needs forgetting (known without reading it again on every update).
    if (answered_here && !ctx.asked && ctx.choice_open)
        conversation_store(ctx.db).erase(ctx.in.chat, ctx.in.thread_id, ctx.in.user_id);
}

// Reminders that could not reach this leader or staff member privately while their window was
// closed: now that they wrote, they get what still applies, with the true reason it came late.
void tell_missed_reminders(handler_context& ctx, const window_closure& closed) {
    auto missed = missed_reminders(ctx.db, ctx.cfg(), *ctx.member, ctx.lang, closed.since, ctx.now());
    if (missed.empty())
        return;
    // Reminders also go to every other linked account; one without a window had them.
    for (auto& a : member_store(ctx.db).linked_accounts_of(ctx.member->id))
        if (a.chat != ctx.in.chat && private_window_seconds(a.chat.platform) == 0)
            return;
    auto last = format_day_of(closed.last_message_at, ctx.cfg().utc_offset_minutes);
    std::string text;
    switch (closed.cause) {
    case window_cause::days_passed:
        text = ctx.say(report_text::missed_while_away, {{"last", last}});
        break;
    case window_cause::refused:
        text = ctx.say(report_text::missed_while_refused, {{"last", last}});
        break;
    case window_cause::never_written:
        text = ctx.say(report_text::missed_before_first_message);
        break;
    }
    for (auto& m : missed)
        text += "\n\n" + m;
    ctx.send_to(ctx.in.chat, chat_kind::private_chat, std::move(text));
}

// A button under a message sent before the group became a supergroup is reported in the old
// group's chat, where nothing can be said any more: it is answered in the supergroup. The message
// under the button stays in the old chat, so the answer quotes nothing.
std::optional<incoming> moved_to_supergroup(const incoming& in, database& db) {
    if (in.kind != incoming_kind::choice || in.chat_type != chat_kind::group)
        return std::nullopt;
    auto to = migrated_to(db, in.chat);
    if (!to)
        return std::nullopt;
    incoming moved = in;
    moved.chat.chat_id = *to;
    moved.message_ref.clear();
    return moved;
}

dispatch_result run(const incoming& update, database& db, const dispatch_env& env, bool log_update,
                    std::optional<command> read) {
    dispatch_result result;
    auto now = env.clk.now();
    if (log_update && !update_log(db).record(update.chat.platform, update.update_key, now)) {
        result.duplicate = true;
        return result;
    }
    if (update.addressed_elsewhere)
        return result;
    auto moved = moved_to_supergroup(update, db);
    const incoming& in = moved ? *moved : update;

    // Where a platform lets the bot write privately only for a while after the person's last
    // message, that message reopens the window (private_reach.hpp), also one the platform had
    // refused a message for.
    bool interaction = in.kind == incoming_kind::message || in.kind == incoming_kind::choice ||
                       in.kind == incoming_kind::contact || in.kind == incoming_kind::follow;
    std::optional<window_closure> window_closed_at;
    if (interaction && in.chat_type == chat_kind::private_chat && !in.user_id.empty() &&
        private_window_seconds(in.chat.platform) > 0)
        window_closed_at = window_closed_since(
            in.chat.platform, member_store(db).note_private_message(in.chat.platform, in.user_id, now),
            outbox(db).window_closed_at(in.chat.platform, in.chat.chat_id), now);
    // Writing privately means they unblocked the bot (or follow the OA again): a chat the platform
    // had said was gone, or refused for its window, takes messages again (private_reach.hpp).
    if (interaction && in.chat_type == chat_kind::private_chat)
        outbox(db).mark_chat_active(in.chat.platform, in.chat.chat_id);

    handler_context ctx{in, db, env};
    bool nameless = in.sender_chat != sender_chat_kind::none &&
                    (in.kind == incoming_kind::message || in.kind == incoming_kind::edited_message ||
                     in.kind == incoming_kind::contact);
    // Not even a member linked to the stand-in account by mistake speaks for such a sender.
    if (auto m = nameless ? std::nullopt : member_store(db).by_account(in.chat.platform, in.user_id);
        m && m->active) {
        ctx.member = std::move(m);
        ctx.who = role_from_code(ctx.member->role).value_or(role::member);
    }
    if (in.chat_type == chat_kind::group)
        ctx.group = group_store(db).find(in.chat);
    ctx.lang = language_for(ctx);

    db.savepoint("handler");
    try {
        if (nameless)
            answer_nameless_sender(ctx, result, read);
        else
            route(ctx, result, read);
        if (window_closed_at && ctx.member)
            tell_missed_reminders(ctx, *window_closed_at);
        db.release("handler");
    } catch (const std::exception& e) {
        // A bug in a handler: undo its writes (rethrows if the database itself failed),
        // apologise, and still count the update as handled so it is not retried forever.
        db.rollback_to("handler");
        result.handler_failed = true;
        result.error = e.what();
        ctx.out.clear();
        if (in.kind == incoming_kind::message || in.kind == incoming_kind::choice)
            ctx.reply(text::internal_error);
    }
    // A button press must always be acknowledged, or the user's app keeps spinning.
    if (in.kind == incoming_kind::choice && !in.choice_ref.empty()) {
        bool answered = false;
        for (auto& o : ctx.out)
            answered = answered || o.kind == outgoing_kind::answer_choice;
        if (!answered)
            ctx.out.insert(ctx.out.begin(), choice_answer(in));
    }
    // In a forum group, what is said back in this chat goes to the topic it was asked in (not
    // to a topic just closed: what is said about it goes to "General").
    if (!in.thread_id.empty() && in.kind != incoming_kind::topic_closed)
        for (auto& o : ctx.out)
            if (o.to == in.chat && o.thread_id.empty() &&
                (o.kind == outgoing_kind::text || o.kind == outgoing_kind::document))
                o.thread_id = in.thread_id;
    if (!result.handler_failed)
        remember_last_choices(ctx);
    outbox box(db);
    for (auto& o : ctx.out)
        box.add(o, now);
    result.replies = ctx.out.size();
    return result;
}

} // namespace

// The number in an answer to a numbered question, as people write it: "2", "2.", "số 2",
// "2 ạ", "dạ số 3", "hai". Nothing when the text says something else.
std::optional<int> chosen_number(std::string_view text) {
    static constexpr std::string_view filler[] = {"so", "da", "a", "chon", "cau", "muc", "vang", "nhe", "#"};
    auto folded = fold(text);
    std::vector<std::string_view> words;
    std::string_view rest = folded;
    while (!rest.empty()) {
        auto end = rest.find_first_of(" .,!#:");
        auto w = rest.substr(0, end);
        if (!w.empty() && std::ranges::find(filler, w) == std::end(filler))
            words.push_back(w);
        rest = end == std::string_view::npos ? std::string_view() : rest.substr(end + 1);
    }
    if (words.empty() || words.size() > 2)
        return std::nullopt;
    auto n = read_spoken_number(words);
    if (!n || n->words != words.size() || n->value < 1 || n->value > 99)
        return std::nullopt;
    return static_cast<int>(n->value);
}

std::optional<command> read_command(const incoming& in, const dispatch_env& env) {
    if (in.kind != incoming_kind::message)
        return std::nullopt;
    auto today = local_time{env.cfg.utc_offset_minutes}.date_of(env.clk.now());
    return parse_command(in.text, {env.telegram_username, today, in.chat_type != chat_kind::group});
}

dispatch_result dispatch(const incoming& in, database& db, const dispatch_env& env,
                         std::optional<command> cmd) {
    return run(in, db, env, true, std::move(cmd));
}

dispatch_result dispatch_unlogged(const incoming& in, database& db, const dispatch_env& env) {
    return run(in, db, env, false, std::nullopt);
}

} // namespace cnscd
