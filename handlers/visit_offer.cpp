// A visit or session described without its command ("số 14 ngõ 5, hướng dẫn thanh toán QR"):
// members who forget /tham are offered to log it with one tap instead of "not understood".

#include "handlers/handlers.hpp"
#include "messages/activity_parser.hpp"
#include "messages/command_parser.hpp"
#include "messages/text_fold.hpp"
#include "messages/visit_texts.hpp"
#include "storage/held_record_store.hpp"

namespace cnscd {

namespace {

// Long enough to recognise the message, short enough that the question stays one screen.
std::string quoted(const std::string& text) {
    return cut_after_chars(text, 240);
}

} // namespace

bool offer_to_log(handler_context& ctx) {
    if (!ctx.member || !ctx.member->team_id || ctx.in_group() || !reads_as_activity(ctx.in.text))
        return false;
    // One offer at a time: the newest text is the one the buttons log.
    held_record_store held(ctx.db);
    held.take(ctx.in.chat.platform, ctx.in.user_id, ctx.now());
    held.hold(ctx.in.chat.platform, ctx.in.user_id, ctx.in.text, ctx.in.file, ctx.now(),
              ctx.now() + ctx.cfg().visit_topic_question_minutes * 60LL, 1);
    ctx.ask(ctx.say(visit_text::offer_to_log, {{"text", quoted(ctx.in.text)}}),
            {{{ctx.say(visit_text::button_log_visit), "sl:tham"}},
             {{ctx.say(visit_text::button_log_session), "sl:buoi"}}});
    return true;
}

void on_log_offer_choice(std::string_view data, handler_context& ctx) {
    auto command = data.substr(3); // "tham" | "buoi"
    if (!ctx.member || (command != "tham" && command != "buoi"))
        return;
    auto held = held_record_store(ctx.db).take(ctx.in.chat.platform, ctx.in.user_id, ctx.now());
    if (held.empty()) {
        ctx.reply(text::question_expired, {{"detail", ctx.say(visit_text::offer_expired_hint)}});
        return;
    }
    // Logged as if sent with the command, on the day it was written.
    auto& h = held.back();
    auto written_on = ctx.zone().date_of(h.written_at);
    incoming replay = ctx.in;
    replay.kind = incoming_kind::message;
    replay.text = "/" + std::string(command) + " " + h.text;
    replay.file = h.file;
    auto cmd = parse_command(replay.text, {ctx.env.telegram_username, written_on, true});
    if (auto* d = activity_of(cmd))
        d->date = d->date.value_or(written_on);
    auto again = ctx.with_message(replay);
    std::visit([&](const auto& c) { handle(c, again); }, cmd);
    std::move(again.out.begin(), again.out.end(), std::back_inserter(ctx.out));
}

} // namespace cnscd
