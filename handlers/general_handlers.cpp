// Greeting, help, language and the replies to text the bot could not use.

#include "handlers/handlers.hpp"
#include "handlers/visit_photos.hpp"
#include "handlers/visit_rules.hpp"
#include "messages/command_examples.hpp"
#include "messages/command_names.hpp"
#include "messages/command_parser.hpp"
#include "messages/small_talk.hpp"
#include "storage/account_language_store.hpp"
#include "storage/registry.hpp"

namespace cnscd {

namespace {

std::string help_for(const handler_context& ctx) {
    std::string help = ctx.say(text::help_member, {{"hours", ctx.cfg().undo_window_hours}});
    if (!ctx.linked()) {
        bool button = has_contact_button(ctx.in.chat.platform);
        if (ctx.in_group())
            return help + ctx.say(button ? text::help_unlinked : text::help_unlinked_no_button);
        return help + ctx.say(button ? text::help_unlinked_here : text::help_unlinked_here_no_button);
    }
    if (ctx.who == role::ward_staff || ctx.who == role::admin) {
        // Ward staff rarely log visits: their own commands first, not after thirty lines on a phone.
        auto staff = ctx.say(text::help_staff);
        staff.erase(0, staff.find_first_not_of('\n'));
        return staff + ctx.say(text::help_leader) + "\n\n" + help;
    }
    if (ctx.who != role::member)
        help += ctx.say(text::help_leader);
    return help;
}

} // namespace

void handle(const cmd_start& c, handler_context& ctx) {
    // "/start <code>" comes from an invite link: same as typing /ma <code>.
    if (!c.payload.empty() && !ctx.in_group()) {
        handle(cmd_redeem_code{c.payload}, ctx);
        return;
    }
    auto name = ctx.member ? ctx.member->full_name : ctx.in.user_name;
    // "Xin chào !" where the platform gives no name (a Zalo OA follow): the space goes too.
    // In private, a line in the other language says how to switch: the first words a newcomer
    // sees are Vietnamese, whatever they read.
    auto help = help_for(ctx) + (ctx.in_group() ? std::string() : ctx.say(text::language_hint));
    auto& o =
        ctx.reply(text::welcome, {{"name", name.empty() ? name : " " + name}, arg::markup("help", help)});
    // Offer the one-tap way to link: share the phone number (private chats only).
    if (!ctx.linked() && !ctx.in_group())
        o.contact_button = ctx.say(text::share_phone_button);
}

namespace {

std::string two_digits(int n) {
    return (n < 10 ? "0" : "") + std::to_string(n);
}

// "/giup tham": that command in detail, for the commands whose forms are not obvious.
std::optional<std::string> detail_on(std::string_view name, const handler_context& ctx) {
    static const std::pair<std::string_view, text> detailed[] = {
        {"tham", text::help_tham},
        {"buoi", text::help_buoi},
        {"sua", text::help_sua},
        {"huy", text::help_huy},
        {"toi", text::help_toi},
        {"thongke", text::help_thongke},
        {"xephang", text::help_xephang},
        {"baocao", text::help_baocao},
        {"xuat", text::help_xuat},
        {"thanhvien_them", text::help_thanhvien_them},
        {"thongbao", text::help_thongbao},
        {"nhacnho", text::help_nhacnho},
        {"anh", text::help_anh}};
    for (auto [n, key] : detailed)
        if (n == name) {
            auto out = ctx.say(key, {{"days", oldest_loggable_days},
                                     {"hours", ctx.cfg().undo_window_hours},
                                     {"photos", max_photos_per_record}});
            if (n == "toi" || n == "thongke" || n == "xephang")
                out += ctx.say(text::help_periods);
            // Announcements wait out the quiet hours of the groups' platform (Telegram's here).
            if (auto& quiet = ctx.cfg().telegram.quiet;
                n == "thongbao" && quiet.enabled && quiet.start_hour != quiet.end_hour)
                out += ctx.say(text::help_thongbao_quiet,
                               {{"from", two_digits(quiet.start_hour)}, {"to", two_digits(quiet.end_hour)}});
            return out;
        }
    return std::nullopt;
}

// "/giup hannop": the command's own lines from the lists, under their heading (which says who
// may use it), so the answer is about that command rather than the whole list again.
std::string lines_on(std::string_view name, const handler_context& ctx) {
    auto command = "/" + shown_name(ctx, name);
    std::string out;
    for (auto key : {text::help_member, text::help_leader, text::help_staff, text::help_more}) {
        auto list = ctx.say(key, {{"hours", ctx.cfg().undo_window_hours}});
        std::string heading, found;
        bool in_match = false;
        std::size_t at = 0;
        while (at < list.size()) {
            auto end = std::min(list.find('\n', at), list.size());
            auto line = std::string_view(list).substr(at, end - at);
            at = end + 1;
            if (line.starts_with("<b>")) {
                heading = line;
                continue;
            }
            // A line of its own, or the example indented under it.
            bool ours =
                line.starts_with(command) && (line.size() == command.size() || line[command.size()] == ' ');
            in_match = ours || (in_match && line.starts_with(" "));
            if (in_match)
                found += std::string(line) + "\n";
        }
        if (!found.empty())
            out += (out.empty() ? "" : "\n") + heading + "\n" + found;
    }
    while (!out.empty() && out.back() == '\n')
        out.pop_back();
    return out;
}

std::string help_on(std::string_view name, const handler_context& ctx) {
    if (auto detail = detail_on(name, ctx))
        return *detail;
    return lines_on(name, ctx) + ctx.say(text::help_see_all);
}

} // namespace

void handle(const cmd_help& c, handler_context& ctx) {
    std::string_view about = c.about;
    while (!about.empty() && about.front() == '/')
        about.remove_prefix(1);
    if (!about.empty()) {
        if (auto name = canonical_command(about)) {
            ctx.reply(help_on(*name, ctx));
            return;
        }
        // A misspelt command: its help, after saying which one it is.
        if (auto nearest = nearest_command(about); !nearest.empty()) {
            ctx.reply(ctx.say(text::help_did_you_mean,
                              {{"name", c.about}, {"suggestion", shown_name(ctx, nearest)}}) +
                      help_on(nearest, ctx));
            return;
        }
    }
    auto prefix = about.empty() ? std::string() : ctx.say(text::help_not_a_command, {{"name", c.about}});
    auto& o = ctx.reply(prefix + help_for(ctx));
    if (!ctx.linked() && !ctx.in_group())
        o.contact_button = ctx.say(text::share_phone_button);
}

void handle(const cmd_language& c, handler_context& ctx) {
    // Someone not linked yet (only in a private chat, command_table.cpp): kept for this chat
    // account until it is linked, then it becomes the member's.
    if (ctx.member)
        member_store(ctx.db).set_language(ctx.member->id, c.language);
    else
        account_language_store(ctx.db).set(ctx.in.chat.platform, ctx.in.user_id, c.language);
    ctx.lang = language_from_code(c.language).value_or(language::vi);
    ctx.reply(text::language_set);
}

void handle(const cmd_cancel& c, handler_context& ctx) {
    if (!conversation_open(ctx)) {
        ctx.reply(text::nothing_to_cancel);
        return;
    }
    ctx.end_conversation();
    ctx.reply(c.instead_of_undo ? text::cancelled_not_undone : text::cancelled);
}

void handle(const unknown_command& c, handler_context& ctx) {
    if (c.suggestion.empty())
        ctx.reply(text::unknown_command_no_suggestion, {{"name", c.name}});
    else
        ctx.reply(text::unknown_command, {{"name", c.name}, {"suggestion", shown_name(ctx, c.suggestion)}});
}

void handle(const command_error& e, handler_context& ctx) {
    static const std::pair<std::string_view, text> reasons[] = {
        {"error_bad_number", text::error_bad_number},
        {"error_bad_record_number", text::error_bad_record_number},
        {"error_bad_undo_number", text::error_bad_undo_number},
        {"error_bad_photo_number", text::error_bad_photo_number},
        {"error_bad_date", text::error_bad_date},
        {"error_missing_argument", text::error_missing_argument},
        {"error_bad_period", text::error_bad_period},
        {"error_period_number", text::error_period_number},
        {"error_future_period", text::error_future_period},
        {"error_export_period", text::error_export_period},
        {"error_bad_role", text::error_bad_role},
        {"error_bad_language", text::error_bad_language},
        {"error_staff_role", text::error_staff_role},
        {"error_bad_time", text::error_bad_time},
        {"error_time_without_hour", text::error_time_without_hour},
        {"error_bad_format", text::error_bad_format},
        {"error_bad_name", text::error_bad_name},
        {"error_bad_phone", text::error_bad_phone},
    };
    for (auto [reason, key] : reasons)
        if (reason == e.reason) {
            auto detail = key == text::error_missing_argument ? command_example(ctx.lang, e.command, e.detail)
                                                              : e.detail;
            ctx.reply(key, {{"command", shown_name(ctx, e.command)}, {"detail", detail}});
            return;
        }
    ctx.reply(text::not_understood);
}

void handle(const plain_text&, handler_context& ctx) {
    if (offer_to_log(ctx)) // a visit described without /tham, as a message or a photo's caption
        return;
    if (on_loose_photo(ctx)) // a photo sent right after /tham is its evidence
        return;
    if (on_stray_number(ctx)) // "3" after the topic question was answered "2"
        return;
    // In groups people talk among themselves; only private chats get a nudge.
    if (ctx.in_group())
        return;
    // "xin chào", "alo", "làm sao để dùng": the welcome and how to start (how to link, for someone
    // not linked yet), rather than "I did not understand" to a greeting.
    if (greets_or_asks_how(ctx.in.text)) {
        handle(cmd_start{}, ctx);
        return;
    }
    // "Thông báo họp lúc mấy giờ?": a question for people; say whom to ask.
    if (ctx.member && asks_a_question(ctx.in.text)) {
        auto ward = ward_store(ctx.db).by_id(ctx.member->ward_id);
        ctx.reply(text::question_for_people, {{"ward", ward ? ward->name : ""}});
        return;
    }
    ctx.reply(ctx.member && ctx.member->team_id ? text::not_understood_member : text::not_understood);
}

} // namespace cnscd
