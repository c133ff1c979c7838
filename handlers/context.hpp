#pragma once

// Everything a handler gets: the update, the sender as the roster knows them, the database
// (inside the current transaction), the configuration, a clock and the catalog. Handlers
// append what to send to `out`; they do no network and read no wall clock.

#include "config/config.hpp"
#include "handlers/clock.hpp"
#include "handlers/role.hpp"
#include "messages/catalog.hpp"
#include "messages/incoming.hpp"
#include "messages/outgoing.hpp"
#include "storage/registry.hpp"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace cnscd {

class database;

// A long read (a year's export): given the database as committed, the messages to send.
using slow_read = std::function<std::vector<outgoing>(database& committed)>;

// Process-wide facts the dispatcher passes down.
struct dispatch_env {
    const config& cfg;
    const clock& clk;
    std::string telegram_username; // to recognise "/cmd@ourbot"
    // Where slow reads run once the update has committed: off the writer, so a long export does
    // not hold up every other update. Empty (tests, console): they run at once, in place.
    std::function<void(slow_read)> read_later = {};
};

struct handler_context {
    handler_context(const incoming& update, database& database, const dispatch_env& environment)
        : in(update), db(database), env(environment) {}

    const incoming& in;
    database& db;
    const dispatch_env& env;
    language lang = language::vi;
    std::optional<member_record> member; // the sender, when linked and active
    role who = role::member;             // the sender's role (member when unlinked)
    std::optional<group_binding> group;  // this chat's binding, when it is a bound group
    std::vector<outgoing> out;
    bool asked = false;       // this update opened a question (expect_reply)
    bool choice_open = false; // numbered choices were waiting for this user here when it came

    // The same sender, chat and language handling `other` instead (a /tham held until linking,
    // replayed with the photo it was sent with); its replies collect in its own `out`.
    handler_context with_message(const incoming& other) const {
        handler_context c{other, db, env};
        c.lang = lang;
        c.member = member;
        c.who = who;
        c.group = group;
        return c;
    }

    const config& cfg() const { return env.cfg; }
    std::int64_t now() const { return env.clk.now(); }
    local_time zone() const { return {env.cfg.utc_offset_minutes}; }
    std::chrono::year_month_day today() const { return zone().date_of(now()); }
    bool linked() const { return member.has_value(); }
    bool in_group() const { return in.chat_type == chat_kind::group; }

    template <text_key Key> std::string say(Key key, std::initializer_list<arg> args = {}) const {
        return cnscd::say(lang, key, args);
    }
    // Replies in this chat (quoting the command in groups).
    outgoing& reply(std::string text);
    template <text_key Key> outgoing& reply(Key key, std::initializer_list<arg> args = {}) {
        return reply(say(key, args));
    }
    // Replies with choices; typing the choice's number works too (platforms without buttons).
    outgoing& ask(std::string text, std::vector<std::vector<choice_button>> choices);
    // Sends to another chat (a private message to a leader, a post in the ward group).
    outgoing& send_to(chat_address to, chat_kind type, std::string text, lane priority = lane::interactive);
    // Waits for this user's next plain message in this chat, handled by the conversation
    // handler registered for `kind` (conversation_table.cpp), until `ttl_seconds` pass.
    void expect_reply(const std::string& kind, const std::string& state_json, std::int64_t ttl_seconds);
    // Ends any conversation this user has in this chat.
    void end_conversation();
    // Runs `work` after this update commits (see dispatch_env::read_later) and sends what it
    // returns. It must only read, and must capture what it needs by value.
    void read_later(slow_read work);
};

// The language a message is written in for someone who chose `chosen` ("vi", "en"; empty when
// they did not): theirs, else the ward's default, which is also what groups read.
language language_of(const config& cfg, std::string_view chosen = {});

// A command's name as this reader's replies show it: "adddeadline" in English, "hannop_them" in
// Vietnamese.
std::string shown_name(const handler_context& ctx, std::string_view canonical);

// Refuses `command` (as shown, e.g. "/thongke phuong" without the slash) to someone whose role
// is not in `allowed`: who may use it, and whom to ask.
void refuse_command(handler_context& ctx, const std::string& command, role_set allowed);

// True when this user has a question from the bot open in this chat.
bool conversation_open(handler_context& ctx);

} // namespace cnscd
