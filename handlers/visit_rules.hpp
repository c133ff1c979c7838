#pragma once

// Which days a member may still log or correct a record for, and which records are theirs to change.

#include "handlers/context.hpp"
#include "messages/visit_texts.hpp"
#include "storage/visit_store.hpp"

#include <chrono>

namespace cnscd {

constexpr int oldest_loggable_days = 60;

// True when `day` may be recorded; otherwise replies why and returns false.
bool day_accepted(handler_context& ctx, std::chrono::year_month_day day);

// True when no closed report covers `day`; otherwise replies which one and returns false. What
// still holds for a record logged earlier, when its day was accepted.
bool day_open(handler_context& ctx, std::chrono::year_month_day day);

// What a record logged, changed or cancelled on these days means for the reports of `team_id`:
// one line each for a report the team already sent (only a new submission carries the change)
// and, for a back-dated record, a locked one whose period still takes records after its due
// date (it never will).
// Empty when neither; the figures elsewhere (/thongke, exports) follow the record either way.
std::string report_notes(handler_context& ctx, std::int64_t team_id,
                         std::initializer_list<std::chrono::year_month_day> record_days);

// Record `no` when it is the member's own and not cancelled; otherwise says why (`not_yours`
// when someone else logged it) and gives nothing.
std::optional<visit_record> own_record(handler_context& ctx, visit_store& visits, std::int64_t no,
                                       visit_text not_yours);

// Like own_record, but a team's leader or deputy may also take their team's records, and ward
// staff their ward's: they are who a member asks when a record is wrong and too old to undo.
std::optional<visit_record> record_to_change(handler_context& ctx, visit_store& visits, std::int64_t no,
                                             visit_text not_yours);

} // namespace cnscd
