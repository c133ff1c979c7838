#pragma once

// Every command's handler, one overload per alternative of `command` (command.hpp).
// The dispatcher std::visits the parsed command; a missing overload does not compile.

#include "handlers/context.hpp"
#include "messages/command.hpp"

#include <optional>
#include <string_view>

namespace cnscd {

// general_handlers.cpp
void handle(const plain_text&, handler_context&);
void handle(const unknown_command&, handler_context&);
void handle(const command_error&, handler_context&);
void handle(const cmd_start&, handler_context&);
void handle(const cmd_help&, handler_context&);
void handle(const cmd_language&, handler_context&);
void handle(const cmd_cancel&, handler_context&);

// registry_handlers.cpp (members, teams, linking, group binding)
void handle(const cmd_bind_group&, handler_context&);
void handle(const cmd_members&, handler_context&);
void handle(const cmd_invite&, handler_context&);
void handle(const cmd_redeem_code&, handler_context&);
void handle(const cmd_remove_member&, handler_context&);
void handle(const cmd_change_role&, handler_context&);
// member_add.cpp
void handle(const cmd_add_member&, handler_context&);
void on_contact(handler_context&);
void on_bot_added(handler_context&);
// A message edited after it was sent: an edited /tham does not change the record; say how to.
void on_edited_message(handler_context&);
void on_bot_removed(handler_context&);
void on_chat_migrated(handler_context&);
void on_topic_closed(handler_context&);
void on_follow(handler_context&);
void on_unfollow(handler_context&);
// Ward policy "open": an unknown person writing a command in a bound team group joins that
// team as a member (the leader is told). Sets ctx.member when it does.
void try_open_join(const command& cmd, handler_context& ctx);

// visit_handlers.cpp, stats_handlers.cpp
void handle(const cmd_visit&, handler_context&);
void handle(const cmd_session&, handler_context&);
void handle(const cmd_undo&, handler_context&);
void handle(const cmd_edit&, handler_context&);
void handle(const cmd_my_stats&, handler_context&);
// visit_photos.cpp
void handle(const cmd_photo&, handler_context&);
void handle(const cmd_team_stats&, handler_context&);
void handle(const cmd_ranking&, handler_context&);
void handle(const cmd_nudge&, handler_context&);
void on_topic_choice(std::string_view data, handler_context&); // button "t:<no>:<topic>"
// A topic choice's data is "t:<record>:<code>[,<code>...]": the record's number, or 0.
std::int64_t record_of_topic_choice(std::string_view data);
// A private message that reads like a visit with no command: asks whether to log it (true when it
// asked). Buttons "sl:tham" / "sl:buoi" log the held text as that command.
bool offer_to_log(handler_context& ctx);
// A number typed privately when no question waits for one ("3" after the topic question was
// answered "2"): says so and how to change the record (true when it answered).
bool on_stray_number(handler_context& ctx);
// dispatch.cpp: the number in an answer to a numbered question ("2", "số 2", "dạ hai").
std::optional<int> chosen_number(std::string_view text);
void on_log_offer_choice(std::string_view data, handler_context& ctx);

// broadcast_handlers.cpp, guide_handlers.cpp
void handle(const cmd_broadcast&, handler_context&);
void handle(const cmd_broadcast_list&, handler_context&);
void handle(const cmd_guides&, handler_context&);
void handle(const cmd_add_guide&, handler_context&);
void on_broadcast_choice(std::string_view data, handler_context&); // buttons "b:send|cancel|retry:<id>"

// report_handlers.cpp
void handle(const cmd_deadlines&, handler_context&);
void handle(const cmd_add_deadline&, handler_context&);
void handle(const cmd_report&, handler_context&);
void handle(const cmd_export&, handler_context&);
// The report's submit buttons ("rp:...") and the comment typed after "add a comment".
void on_report_choice(std::string_view data, handler_context& ctx);
// The topic question answered in words ("cài VNeID và QR"): the choice data it names, or "".
std::string topic_choice_in_words(std::string_view first, std::string_view text);
void on_remove_choice(std::string_view data, handler_context& ctx);
void on_nudge_choice(std::string_view data, handler_context& ctx);
void on_report_comment(std::string_view text, const std::string& state_json, handler_context& ctx);

} // namespace cnscd
