#include "handlers/delivery_hooks.hpp"

namespace cnscd {

void on_delivery(database& db, const dispatch_env& env, const delivery_report& report) {
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
