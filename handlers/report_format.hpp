#pragma once

// How reporting periods, deadlines and instants read in a message.

#include "handlers/reporting_calendar.hpp"
#include "messages/catalog.hpp"
#include "messages/command.hpp"

#include <string>

namespace cnscd {

// "tháng 11/2026", "quý IV/2026", "năm 2026", "đến ngày 22/04/2026"; cut-off periods add
// their dates: "tháng 12/2026 (từ 15/11/2026 đến 14/12/2026)".
std::string period_label(language lang, const deadline_instance& d);
// A name the ward's configuration gives (a deadline's, a target's) for its reader: the English
// one (`name_en`) in English, where one is given.
const std::string& configured_name(language lang, const std::string& name, const std::string& name_en);
// The deadline's name for its reader (configured_name).
const std::string& deadline_name(language lang, const deadline_instance& d);
// "tháng 11/2026", "quý IV/2026", "năm 2026": the calendar period of `kind` containing `day`
// ("" for a week, which has no name).
std::string calendar_period_label(language lang, period_kind kind, std::chrono::year_month_day day);
// "Thứ Năm, 24/12/2026 lúc 17:00".
std::string instant_label(language lang, std::int64_t unix_seconds, int utc_offset_minutes);
// The command that shows and submits this deadline's report, in the reader's language:
// "/baocao tháng", "/report month"; "" for a one-off deadline, reached from /hannop's buttons.
std::string submit_command(language lang, const deadline_config& rule);

// What kind of team report button: submit, add a comment then submit, or open the report.
enum class report_button { submit = 's', comment = 'c', view = 'v' };
// The data of a team report button: "rp:<s|c|v>:<team id>:<deadline code>:<period key>"
// (on_report_choice reads it; at most 64 bytes for Telegram with the codes the calendar makes).
std::string report_button_data(report_button kind, std::int64_t team_id, const deadline_instance& d);

} // namespace cnscd
