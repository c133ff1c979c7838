#pragma once

// What the parser table tests compare: a message, and the topics, head count, day and place the
// member meant by it.

#include "messages/command_parser.hpp"

#include <chrono>
#include <cstdio>
#include <optional>
#include <string>
#include <vector>

namespace cnscd::test {

struct activity_case {
    std::string text;
    std::vector<std::string> topics;
    std::optional<int> people;
    std::string date; // "" = none given
    std::string place;
};

// The details of a /tham or /buoi (they are read the same way); nullptr for any other command.
inline const activity_details* details(const command& cmd) {
    if (auto* v = std::get_if<cmd_visit>(&cmd))
        return &v->details;
    if (auto* s = std::get_if<cmd_session>(&cmd))
        return &s->details;
    return nullptr;
}

// "2026-11-24", or "" for no day.
inline std::string iso(const std::optional<std::chrono::year_month_day>& d) {
    if (!d)
        return "";
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(d->year()),
                  static_cast<unsigned>(d->month()), static_cast<unsigned>(d->day()));
    return buf;
}

} // namespace cnscd::test
