#pragma once

// How reporting periods, deadlines and instants read in a message.

#include "handlers/reporting_calendar.hpp"
#include "messages/catalog.hpp"

#include <string>

namespace cnscd {

// "tháng 11/2026", "quý IV/2026", "năm 2026", "đến ngày 22/04/2026"; cut-off periods add
// their dates: "tháng 12/2026 (từ 15/11/2026 đến 14/12/2026)".
std::string period_label(language lang, const deadline_instance& d);
// "Thứ Năm, 24/12/2026 lúc 17:00".
std::string instant_label(language lang, std::int64_t unix_seconds, int utc_offset_minutes);
// The command that shows and submits this deadline's report: "/baocao tháng"; "" for a
// one-off deadline, reached from /hannop's buttons instead.
std::string submit_command(const deadline_config& rule);

} // namespace cnscd
