#include "handlers/delivery_hooks.hpp"

namespace cnscd {

void on_delivery(database& db, const dispatch_env& env, const delivery_report& report) {
    // Refused for the platform's window (Zalo OA -230, -232): the window is closed whatever the
    // estimate says, so nothing more is planned there until they write, and what they miss from
    // the time this message was queued is caught up then (private_reach.hpp).
    if (report.outside_window && report.row.message.chat_type == chat_kind::private_chat)
        outbox(db).mark_window_closed(report.row.message.to.platform, report.row.message.to.chat_id,
                                      report.row.created_at);
    if (report.row.message.campaign_id != 0)
        follow_broadcast_delivery(db, env, report); // broadcast_handlers.cpp
    else if (report.row.message.nudge_id != 0)
        follow_nudge_delivery(db, env, report); // team_nudge.cpp
}

std::string failure_reason_code(const delivery_report& report) {
    if (report.chat_gone)
        return "gone";
    if (report.outside_window)
        return "window";
    return report.error.empty() ? std::string("failed") : report.error;
}

} // namespace cnscd
