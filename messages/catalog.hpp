#pragma once

// Every sentence the bot says, by key, in Vietnamese (first) and English. Templates are
// HTML-lite (markup.hpp) with {name} placeholders. Keys are enums, one per feature
// (`text` here for general sentences; e.g. `visit_text` in visit_texts.hpp); each enum has a
// `template_of(language, key)` written as one switch per language, so a key missing from a
// language fails to compile (-Wswitch). Placeholders are checked by tests/messages.

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>

namespace cnscd {

enum class language { vi, en };

std::optional<language> language_from_code(std::string_view code); // "vi", "en", "en-US"
std::string_view language_code(language l);

enum class text {
    // general
    welcome,
    help_member,
    help_leader,
    help_staff,
    help_unlinked,
    help_unlinked_here,
    help_unlinked_here_no_button,
    help_unlinked_no_button, // platforms without a share-phone button (Zalo, console)
    // "/giup tham": one command in detail
    help_tham,
    help_buoi,
    help_sua,
    help_huy,
    help_toi,
    help_thongke,
    help_xephang,
    help_periods, // follows the three above
    help_baocao,
    help_xuat,
    help_thanhvien_them,
    help_thongbao,
    help_thongbao_quiet, // after help_thongbao when the quiet hours are on
    help_nhacnho,
    help_anh,
    help_more,          // commands not in the lists above, found by /giup <command>
    help_see_all,       // after one command's lines
    help_not_a_command, // "/giup xyz": then the whole list
    help_did_you_mean,  // "/giup thamm": then /tham's help
    unknown_command,
    unknown_command_no_suggestion,
    internal_error,
    not_allowed,
    ask_leader_or_ward,
    ask_ward,
    list_and,
    not_allowed_in_group,
    only_in_group,
    only_in_private,
    not_linked, // said in a group: "message me privately"
    not_linked_no_button,
    not_linked_here, // said in the private chat itself
    not_linked_here_no_button,
    held_until_linked,
    sender_anonymous_admin, // a command from an admin posting anonymously: who it is is unknown
    sender_channel,         // a command posted as a channel
    forwarded_not_logged,   // a command forwarded from someone else's message
    not_understood,
    choose_by_number, // under a question whose choices show as a numbered list (no buttons)
    not_understood_member,
    question_for_people, // a question in words to a bot that cannot answer it: whom to ask
    nothing_to_cancel,
    cancelled,
    cancelled_not_undone,
    language_set,
    question_expired,
    button_unknown,
    cannot_read_content,
    ask_again_hint,
    choice_invalid,
    bot_added_to_group,
    topic_closed_questions,          // in "General", naming who was asked
    topic_closed_questions_nameless, // the same when no one asked is on the roster
    share_phone_button,
    language_hint,
    role_member,
    role_deputy,
    role_leader,
    role_ward_staff,
    role_admin,
    period_week,
    period_month,
    period_quarter,
    period_year,
    // parse errors (command_error::reason)
    error_bad_number,
    error_bad_record_number,
    error_bad_undo_number,
    error_bad_photo_number,
    error_bad_date,
    error_missing_argument,
    error_bad_period,
    error_period_number, // "tháng 13", "quý 5": which numbers there are
    error_future_period,
    error_export_period,
    error_bad_role,
    error_bad_language,
    error_staff_role,
    error_bad_time,
    error_time_without_hour, // "lúc 25/12": a day with no hour to send at
    error_bad_format,
    error_bad_name,
    error_bad_phone,
    count_ // keep last
};

// The template for `key` in `lang`.
std::string_view template_of(language lang, text key);

// A placeholder value, already safe for HTML-lite.
struct arg {
    arg(std::string_view name, std::string_view user_text); // escaped
    arg(std::string_view name, const std::string& user_text);
    arg(std::string_view name, const char* user_text);
    arg(std::string_view name, std::int64_t number);
    arg(std::string_view name, int number);
    static arg markup(std::string_view name, std::string html_lite); // inserted as is

    std::string_view name;
    std::string value;

private:
    arg() = default;
};

// Fills a template's {name} placeholders. `english`: a template noun after a count of one is
// made singular ("{n} records" with n = 1 reads "1 record").
std::string fill(std::string_view tpl, std::initializer_list<arg> args, bool english = false);

// A feature's key enum: has template_of(language, Key) and a last enumerator `count_`.
template <class Key>
concept text_key = std::is_enum_v<Key> && requires(language l, Key k) {
    { template_of(l, k) } -> std::convertible_to<std::string_view>;
};

template <text_key Key> std::string say(language lang, Key key, std::initializer_list<arg> args = {}) {
    return fill(template_of(lang, key), args, lang == language::en);
}

// 1234567 -> "1.234.567" (vi) or "1,234,567" (en).
std::string format_count(language lang, std::int64_t n);

} // namespace cnscd
