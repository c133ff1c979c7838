#pragma once

// Called in the writer transaction that records each message's final outcome, so features
// can follow their deliveries (a broadcast's progress message and delivery report, the leader's
// note about a private nudge that did not arrive, a private window the platform says is closed).

#include "handlers/context.hpp"
#include "storage/outbox.hpp"

#include <string>
#include <vector>

namespace cnscd {

void on_delivery(database& db, const dispatch_env& env, const delivery_report& report);

// Why a message did not arrive, as the features store it: "gone" (the bot was blocked or removed,
// the chat is no more), "window" (the platform takes no message for that person now: Zalo OA's
// 7 days), else the platform's own words.
std::string failure_reason_code(const delivery_report& report);

// The features on_delivery hands a report to, by the reference the row carries.
void follow_broadcast_delivery(database& db, const dispatch_env& env, const delivery_report& report);
void follow_nudge_delivery(database& db, const dispatch_env& env, const delivery_report& report);

// Scheduled announcements to the teams behind on a report, at their time: queued to the teams that
// still owe it (broadcast_handlers.cpp). Adds a line per announcement to `log`.
void send_due_announcements(database& db, const dispatch_env& env, std::vector<std::string>& log);

} // namespace cnscd
