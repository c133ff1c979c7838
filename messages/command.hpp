#pragma once

// The closed set of things a chat message can ask for. parse_command (command_parser.hpp)
// turns text into exactly one of these; handlers std::visit the result.

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace cnscd {

enum class period_kind { week, month, quarter, year };

std::string_view period_code(period_kind p); // "week", "month", ...

// Fields shared by household visits and help sessions.
struct activity_details {
    std::string place;               // address / household / venue, as written
    std::vector<std::string> topics; // topic codes (topics.hpp), in order of first mention
    std::optional<int> people;       // people helped / attendees
    std::string people_vague; // "vài người", "mấy hộ": a count without a number, as written (none is made up)
    std::string people_times; // "x2": `people` was read from it alone; a session does not take it
                              // for attendees (there it most likely means "twice")
    std::optional<std::chrono::year_month_day> date; // when it happened, if the text says so
    std::string note;                                // the whole free text after the command
    bool says_what = true;  // false when the text only says when and how many ("/tham hôm qua 2 người")
    bool says_when = false; // the text has date words, read or not: the confirmation shows the day
    std::string date_vague; // date words no rule read ("bữa trước", "tuần trước") and no date read
    std::vector<std::string> unparsed; // date words no rule read, and words of the description no
                                       // rule explains (for tuning)
};

struct cmd_start {
    std::string payload; // "/start <code>" deep-link payload (an invite code)
};
struct cmd_help {
    std::string about; // "/giup tham": help on one command
};
struct cmd_visit {
    activity_details details;
};
struct cmd_session {
    activity_details details;
};
struct cmd_undo {
    std::int64_t record_no = 0; // "/huy 125"; 0: the member's last record
};
struct cmd_edit {
    std::int64_t record_no = 0; // the number the confirmation showed
    activity_details details;   // the new content
    bool adds = false;          // "/sua 12 thêm 1 người": added to the record's count and topics
    bool new_note = true;       // the text describes the visit anew; a correction of the count,
                                // topics or date only ("/sua 12 3 người") keeps the old note
    std::string said;           // the correction as written after the number ("3 người")
};
// "/toi tháng 11", "/thongke quý 3", "/xuat năm 2025": the period of the command's kind that
// contains this day, named by the user (never in the future).
using named_period = std::optional<std::chrono::year_month_day>;

// "/anh [số]": with a photo or file, attach it to that record (the member's last one without a
// number); without one, show the record's photos.
struct cmd_photo {
    std::int64_t record_no = 0;
};
struct cmd_my_stats {
    period_kind period = period_kind::month;
    bool previous = false; // "/toi tháng trước": the whole period before this one
    named_period named;
};
struct cmd_team_stats {
    period_kind period = period_kind::month;
    bool ward = false; // "/thongke phuong"
    std::string team;  // "/thongke <team name>" by ward staff
    bool previous = false;
    named_period named;
};
// "/nhacnho [tuần|tháng|quý|năm] [team]": post in the team's group who has logged nothing yet.
struct cmd_nudge {
    period_kind period = period_kind::month;
    std::string team; // named by ward staff
};
struct cmd_ranking {
    period_kind period = period_kind::month;
    bool ward = false;
    bool previous = false;
    named_period named;
    std::string team; // "/xephang <team name>" by ward staff: that team's members
};
struct cmd_bind_group {
    std::string team; // ward staff may name the team; empty = the sender's team, or the ward group for staff
};
struct cmd_members {
    std::string team; // ward staff may name a team
};
struct cmd_invite {
    std::string who; // roster name or row number
};
// "/thanhvien_them [Tổ 2:] Nguyễn Văn Mới, 0905 123 456, tổ phó, Ngõ 7": a newcomer added in chat.
struct cmd_add_member {
    std::string team;  // ward staff name the team before a colon; empty = the sender's or group's team
    std::string name;  // as written
    std::string phone; // +84..., empty when not given
    std::string role;  // member | deputy | leader
    std::string area;  // khu vực phụ trách
};
struct cmd_redeem_code {
    std::string code;
};
struct cmd_remove_member {
    std::string who;
};
struct cmd_change_role {
    std::string who;
    std::string role; // canonical role code, or what was written if unknown
};
struct cmd_language {
    std::string language; // vi | en
};
struct cmd_broadcast {
    std::vector<std::string> teams;               // "@to1,to3": named teams; empty = all
    bool not_reported = false;                    // "chua-bao-cao"
    std::string guide;                            // "tailieu <slug>": send a guide
    std::optional<std::int64_t> at_local_minutes; // "lúc 07:30 25/12": minutes since epoch, local time
    std::string at_words;                         // the words read as that time: "7h30 sáng mai"
    bool at_without_luc = false;                  // read from a leading time, without "lúc"
    std::string text;                             // the announcement
    std::int64_t cancel_id = 0;                   // "huy 12": cancel announcement 12 instead
};
struct cmd_broadcast_list {};
struct cmd_guides {
    std::string query; // empty = list
};
struct cmd_add_guide {
    std::string title;
};
struct cmd_deadlines {};
struct cmd_add_deadline {
    std::string spec; // "<name>; <date or rule>": parsed by the handler
};
struct cmd_report {
    period_kind period = period_kind::month;
    bool ward = false;
    bool period_given = false;
    bool previous = false; // "/baocao tháng trước": the period before the current one
    named_period named;
};
struct cmd_export {
    period_kind period = period_kind::month;
    std::string format = "xlsx"; // xlsx | csv
    bool previous = false;       // "/xuat quý trước"
    named_period named;
};
// Leave the current multi-step conversation. `instead_of_undo`: the member typed "/huy" (undo)
// at a question that records nothing until answered, so no record was undone either.
struct cmd_cancel {
    bool instead_of_undo = false;
};
// Not a command: plain text (may answer a pending question, e.g. "2" for a numbered choice).
struct plain_text {
    std::string text;
};
// "/xyz": no such command; `suggestion` is the nearest real one, if any.
struct unknown_command {
    std::string name;
    std::string suggestion;
};
// A known command with an argument the bot could not read. `reason` is a catalog key
// (catalog.hpp) and `detail` what to show the user inside it.
struct command_error {
    std::string command; // canonical name
    std::string reason;
    std::string detail;
};

using command =
    std::variant<plain_text, unknown_command, command_error, cmd_start, cmd_help, cmd_visit, cmd_session,
                 cmd_undo, cmd_edit, cmd_photo, cmd_my_stats, cmd_team_stats, cmd_nudge, cmd_ranking,
                 cmd_bind_group, cmd_members, cmd_invite, cmd_add_member, cmd_redeem_code, cmd_remove_member,
                 cmd_change_role, cmd_language, cmd_broadcast, cmd_broadcast_list, cmd_guides, cmd_add_guide,
                 cmd_deadlines, cmd_add_deadline, cmd_report, cmd_export, cmd_cancel>;

} // namespace cnscd
