#include "handlers/context.hpp"

#include "handlers/numbered_choices.hpp"
#include "messages/command_names.hpp"
#include "storage/conversation_store.hpp"
#include "storage/database.hpp"

namespace cnscd {

language language_of(const config& cfg, std::string_view chosen) {
    auto fallback = language_from_code(cfg.default_language).value_or(language::vi);
    return chosen.empty() ? fallback : language_from_code(chosen).value_or(fallback);
}

std::string shown_name(const handler_context& ctx, std::string_view canonical) {
    return std::string(command_word(canonical, ctx.lang == language::en));
}

void refuse_command(handler_context& ctx, const std::string& command, role_set allowed) {
    // "tổ trưởng, tổ phó và cán bộ phường": highest in a team first, the ward last.
    std::vector<std::string> names;
    for (auto r : {role::leader, role::deputy, role::member, role::ward_staff})
        if (allowed.contains(r))
            names.push_back(ctx.say(role_text(r)));
    std::string roles;
    for (std::size_t i = 0; i < names.size(); ++i)
        roles += (i == 0 ? "" : i + 1 == names.size() ? ctx.say(text::list_and) : ", ") + names[i];
    // Whom to ask: a member or deputy their leader or the ward; a leader the ward.
    bool in_team = ctx.who == role::member || ctx.who == role::deputy;
    ctx.reply(text::not_allowed, {{"command", command},
                                  {"roles", roles},
                                  {"ask", ctx.say(in_team ? text::ask_leader_or_ward : text::ask_ward)}});
}

outgoing& handler_context::reply(std::string text) {
    out.push_back(reply_text(in, std::move(text)));
    return out.back();
}

void handler_context::read_later(slow_read work) {
    if (!env.read_later) {
        for (auto& o : work(db))
            out.push_back(std::move(o));
        return;
    }
    // Dropped with the update's writes if they roll back.
    db.after_commit([run = env.read_later, work = std::move(work)]() mutable { run(std::move(work)); });
}

outgoing& handler_context::ask(std::string text, std::vector<std::vector<choice_button>> choices) {
    // Only Telegram shows buttons; elsewhere the choices are a numbered list to answer by typing.
    if (!choices.empty() && !shows_buttons(in.chat.platform))
        text += say(text::choose_by_number);
    auto& o = reply(std::move(text));
    o.choices = std::move(choices);
    return o;
}

outgoing& handler_context::send_to(chat_address to, chat_kind type, std::string text, lane priority) {
    out.push_back(text_to(std::move(to), type, std::move(text), priority));
    return out.back();
}

void handler_context::expect_reply(const std::string& kind, const std::string& state_json, std::int64_t ttl) {
    conversation_store(db).put({in.chat, in.thread_id, in.user_id, kind, state_json, now() + ttl});
    asked = true;
}

bool conversation_open(handler_context& ctx) {
    auto c = conversation_store(ctx.db).find(ctx.in.chat, ctx.in.thread_id, ctx.in.user_id);
    return c && c->expires_at >= ctx.now();
}

void handler_context::end_conversation() {
    conversation_store(db).erase(in.chat, in.thread_id, in.user_id);
}

} // namespace cnscd
