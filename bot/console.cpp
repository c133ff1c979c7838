// `cnscd-bot chat`: the same handlers as the platforms, with the terminal as the chat.

#include "bot/app.hpp"
#include "bot/command_database.hpp"
#include "bot/system_clock.hpp"
#include "handlers/context.hpp"
#include "handlers/dispatch.hpp"
#include "handlers/role.hpp"
#include "messages/console_texts.hpp"
#include "messages/markup.hpp"
#include "messages/phone.hpp"
#include "messages/text_fold.hpp"
#include "storage/account_language_store.hpp"
#include "storage/database.hpp"
#include "storage/outbox.hpp"
#include "storage/registry.hpp"

#include <iostream>

namespace cnscd {

namespace {

// A console line from the catalog, as the terminal shows it (no markup, no escapes).
std::string line_of(language lang, console_text key, std::initializer_list<arg> args = {}) {
    return markup::to_plain(say(lang, key, args));
}

// The language the console speaks: the member's choice (/ngonngu), or this console account's
// before it is linked, else the configured default; read again after every message so a
// /ngonngu takes effect at once.
language console_language(database& db, const config& cfg, const std::optional<member_record>& m,
                          const std::string& user_id) {
    if (m) {
        auto now = member_store(db).by_id(m->id);
        return language_of(cfg, now ? now->language : m->language);
    }
    return language_of(cfg, account_language_store(db).find(channel::console, user_id));
}

// Prints what the bot queued for the console and marks it delivered; messages to a chat other than
// the private one and `group` (another team's group) are marked with the chat.
void deliver_console(database& db, std::int64_t now, const std::string& group, language lang,
                     std::ostream& out) {
    outbox box(db);
    for (auto& row : box.pending()) {
        if (row.message.to.platform != channel::console)
            continue;
        auto& m = row.message;
        if (m.kind == outgoing_kind::text || m.kind == outgoing_kind::edit ||
            m.kind == outgoing_kind::document) {
            out << line_of(lang,
                           m.kind == outgoing_kind::edit ? console_text::bot_edits : console_text::bot_says);
            if (m.to.chat_id != "private" && m.to.chat_id != group)
                out << line_of(lang, console_text::sent_elsewhere, {{"chat", m.to.chat_id}});
            out << markup::to_plain(m.text) << "\n";
            int n = 0;
            for (auto& row_buttons : m.choices)
                for (auto& b : row_buttons)
                    out << "   " << ++n << ". " << b.label << "\n";
            if (m.document)
                out << "   "
                    << line_of(lang, console_text::attachment,
                               {{"file", m.document->file_name}, {"ref", m.document->file_ref}})
                    << "\n";
        } else if (m.kind == outgoing_kind::answer_choice && !m.text.empty()) {
            out << line_of(lang, console_text::bot_says) << markup::to_plain(m.text) << "\n";
        }
        box.mark_sent(row.id, "console-" + std::to_string(row.id), now);
    }
    out.flush();
}

// The group chat /nhom switches to: the team's own, as each team has its group on Zalo or
// Telegram (one shared group, bound by the first leader who tried /lienket, was every team's);
// the ward's for ward staff; one for a guest.
std::pair<std::string, std::string> console_group(database& db, const std::optional<member_record>& m,
                                                  language lang) {
    if (!m)
        return {"group", line_of(lang, console_text::group_guest)};
    if (m->team_id) {
        auto team = team_store(db).by_id(*m->team_id);
        return {"group-to-" + std::to_string(*m->team_id),
                line_of(lang, console_text::group_team,
                        {{"team", team ? team->name : line_of(lang, console_text::team_unnamed)}})};
    }
    auto ward = ward_store(db).by_id(m->ward_id);
    return {"group-phuong-" + std::to_string(m->ward_id),
            line_of(lang, console_text::group_ward,
                    {{"ward", ward ? ward->name : line_of(lang, console_text::ward_unnamed)}})};
}

// The console's own command to switch chats, in either language, typed as the bot's commands
// may be: with or without diacritics ("/nhóm"), in any case, spaces around it.
bool is_switch_command(const std::string& line) {
    auto word = fold(trim(line));
    return word == "/nhom" || word == "/group";
}

} // namespace

int run_chat(const config& cfg, const std::optional<std::string>& as_phone) {
    return run_chat(cfg, as_phone, std::cin, std::cout);
}

int run_chat(const config& cfg, const std::optional<std::string>& as_phone, std::istream& input,
             std::ostream& out) {
    auto opened = open_for_command(cfg, "chat", missing_database::create);
    if (!opened.db)
        return opened.exit_code;
    auto& db = opened.db;
    system_clock wall_clock;
    dispatch_env env{cfg, wall_clock, ""};
    std::string user_id = "guest";
    std::optional<member_record> member;
    std::string user_name;
    if (as_phone) {
        auto phone = normalize_phone(*as_phone);
        if (!phone) {
            std::cerr << "chat: \"" << *as_phone << "\" is not a Vietnamese phone number (e.g. 0905123456)\n";
            return 2;
        }
        member = member_store(*db).by_phone_any_ward(*phone);
        if (!member) {
            std::cerr
                << "chat: nobody with phone " << mask_phone(*phone)
                << " is on a roster. Fix: import the roster (cnscd-bot import-roster FILE.csv --ward ...) or "
                   "add staff (cnscd-bot add-staff ...)\n";
            return 2;
        }
        user_id = *phone;
        user_name = member->full_name;
        db->in_transaction([&] {
            member_store(*db).link_account(channel::console, user_id, member->id, "console",
                                           wall_clock.now());
        });
    }
    auto lang = console_language(*db, cfg, member, user_id);
    if (member) {
        auto r = role_from_code(member->role).value_or(role::member);
        out << line_of(lang, console_text::greeting_member,
                       {{"name", member->full_name}, arg::markup("role", say(lang, role_text(r)))})
            << "\n"
            << line_of(lang, console_text::greeting_member_not_linked) << "\n";
    } else {
        user_name = line_of(lang, console_text::guest_name);
        out << line_of(lang, console_text::greeting_guest) << "\n";
    }
    out << line_of(lang, console_text::usage) << "\n";
    auto group = console_group(*db, member, lang).first;

    bool in_group = false;
    std::string line;
    long long message_no = 0;
    while (out << line_of(lang, in_group ? console_text::prompt_group : console_text::prompt_private)
               << std::flush,
           std::getline(input, line)) {
        // The title is the group's name in the reader's language, as a platform shows it.
        auto group_title = console_group(*db, member, lang).second;
        if (is_switch_command(line)) {
            in_group = !in_group;
            out << (in_group ? line_of(lang, console_text::in_group, {{"title", group_title}})
                             : line_of(lang, console_text::in_private))
                << "\n";
            continue;
        }
        if (line.empty())
            continue;
        incoming in;
        in.kind = incoming_kind::message;
        in.chat = {channel::console, in_group ? group : "private"};
        in.chat_type = in_group ? chat_kind::group : chat_kind::private_chat;
        in.chat_title = in_group ? group_title : "";
        in.user_id = user_id;
        in.user_name = user_name;
        in.sent_at = wall_clock.now();
        in.message_ref = std::to_string(++message_no);
        in.text = line;
        try {
            db->in_transaction([&] {
                auto result = dispatch_unlogged(in, *db, env);
                if (result.handler_failed)
                    std::cerr << "chat: the handler failed: " << result.error << "\n";
                lang = console_language(*db, cfg, member, user_id);
                deliver_console(*db, wall_clock.now(), group, lang, out);
            });
        } catch (const std::exception& e) {
            std::cerr << "chat: the database refused the change: " << e.what() << "\n";
        }
    }
    out << "\n";
    return 0;
}

} // namespace cnscd
