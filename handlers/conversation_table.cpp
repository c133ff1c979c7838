#include "handlers/conversation_table.hpp"

#include "handlers/handlers.hpp"

#include <array>

namespace cnscd {
namespace {

// Button data prefixes. Keep them short: Telegram allows 64 bytes of data.
constexpr std::array<choice_route, 6> choices{{
    {"t", on_topic_choice, topic_choice_in_words}, // t:<record no>:<topic code>[,<code>...]
    {"b", on_broadcast_choice},                    // b:send|cancel|retry:<campaign id>
    {"rp", on_report_choice},                      // rp:<s|c>:<deadline code>:<period key>: submit a report
    {"rm", on_remove_choice},                      // rm:<y|n>:<member id>: remove a member from the team
    {"nh", on_nudge_choice},                       // nh:<team id>:<w|m|q|y>: remind who logged nothing
    {"sl", on_log_offer_choice},                   // sl:tham|buoi: log a visit written without the command
}};

constexpr std::array<conversation_route, 1> conversations{{
    {"report_comment", on_report_comment}, // the report's comment, then submit
}};

} // namespace

std::span<const choice_route> choice_routes() {
    return choices;
}
std::span<const conversation_route> conversation_routes() {
    return conversations;
}

} // namespace cnscd
