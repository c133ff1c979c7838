// What happens to the chats themselves: the bot added to or removed from a group (blocked or
// unblocked in a private chat), a group upgraded to a supergroup, a Zalo user following the OA.

#include "handlers/handlers.hpp"
#include "storage/conversation_store.hpp"
#include "storage/database.hpp"
#include "storage/outbox.hpp"
#include "storage/registry.hpp"

namespace cnscd {

void on_bot_added(handler_context& ctx) {
    outbox(ctx.db).mark_chat_active(ctx.in.chat.platform, ctx.in.chat.chat_id);
    // Unblocked in a private chat: reminders and notices reach them again. Nothing is said: their
    // app shows them a Start button of its own.
    if (ctx.in.chat_type == chat_kind::private_chat)
        return;
    if (ctx.group)
        group_store(ctx.db).set_active(ctx.in.chat, true);
    ctx.send_to(ctx.in.chat, ctx.in.chat_type, ctx.say(text::bot_added_to_group));
}

void on_bot_removed(handler_context& ctx) {
    outbox(ctx.db).mark_chat_inactive(ctx.in.chat.platform, ctx.in.chat.chat_id, "removed", ctx.now());
    if (ctx.group) {
        group_store(ctx.db).set_active(ctx.in.chat, false);
        audit_log(ctx.db).record(std::nullopt, "platform", "group.bot_removed", ctx.in.chat.chat_id,
                                 ctx.group->title, ctx.now());
    }
}

void on_chat_migrated(handler_context& ctx) {
    // Both the old group's "migrate_to" and the new one's "migrate_from" may arrive; the
    // adapter turns either into (old chat -> migrated_to), so doing it twice is harmless.
    if (ctx.in.migrated_to.empty() || ctx.in.migrated_to == ctx.in.chat.chat_id)
        return;
    group_store(ctx.db).migrate(ctx.in.chat, ctx.in.migrated_to);
    outbox(ctx.db).rekey_chat(ctx.in.chat.platform, ctx.in.chat.chat_id, ctx.in.migrated_to);
    // A member asked the topic question just before the upgrade answers in the supergroup.
    conversation_store(ctx.db).rekey_chat(ctx.in.chat, ctx.in.migrated_to);
    audit_log(ctx.db).record(std::nullopt, "platform", "group.migrated", ctx.in.chat.chat_id,
                             ctx.in.migrated_to, ctx.now());
}

// A forum topic was closed: members can no longer write in it, and "General" is where they still
// can. The questions open there move to "General", and the group hears whom the bot still waits
// for and how to answer: replying to this message reaches a bot in privacy mode too.
void on_topic_closed(handler_context& ctx) {
    if (ctx.in.thread_id.empty())
        return;
    auto asked = conversation_store(ctx.db).move_to_general(ctx.in.chat, ctx.in.thread_id);
    if (asked.empty())
        return;
    std::string names;
    for (auto& user : asked) {
        auto m = member_store(ctx.db).by_account(ctx.in.chat.platform, user);
        if (!m || !m->active) {
            names.clear(); // someone not on the roster: named by nobody rather than left out
            break;
        }
        names += (names.empty() ? "" : ", ") + m->full_name;
    }
    auto text = names.empty() ? ctx.say(text::topic_closed_questions_nameless)
                              : ctx.say(text::topic_closed_questions, {{"names", names}});
    ctx.send_to(ctx.in.chat, ctx.in.chat_type, std::move(text));
}

void on_follow(handler_context& ctx) {
    handle(cmd_start{}, ctx);
}

// Someone unfollowed the Zalo OA: Zalo refuses the OA's messages to them until they follow again,
// so reminders and nudges count them as unreachable instead of sending in vain.
void on_unfollow(handler_context& ctx) {
    outbox(ctx.db).mark_chat_inactive(ctx.in.chat.platform, ctx.in.chat.chat_id, "unfollowed", ctx.now());
}

} // namespace cnscd
