// `cnscd-bot parse --json "<message>"`: how the bot reads a message, for support staff and
// for tuning topic keywords. Same parser as the chat handlers, no database.

#include "bot/app.hpp"
#include "handlers/clock.hpp"
#include "handlers/period.hpp"
#include "messages/command_parser.hpp"

#include <nlohmann/json.hpp>

#include <chrono>
#include <cstdio>
#include <ctime>
#include <iostream>

namespace cnscd {

namespace {

const activity_details* details_of(const command& cmd) {
    if (auto* v = std::get_if<cmd_visit>(&cmd))
        return &v->details;
    if (auto* s = std::get_if<cmd_session>(&cmd))
        return &s->details;
    if (auto* e = std::get_if<cmd_edit>(&cmd))
        return &e->details;
    return nullptr;
}

} // namespace

int run_parse(const config& cfg, const std::string& message, const std::optional<std::string>& today_text,
              bool json) {
    std::chrono::year_month_day today;
    if (today_text) {
        auto d = parse_iso_day(*today_text);
        if (!d) {
            std::cerr << "--today: \"" << *today_text
                      << "\" is not a date; write it as YYYY-MM-DD, e.g. 2026-11-24\n";
            return 2;
        }
        today = *d;
    } else {
        today = local_time{cfg.utc_offset_minutes}.date_of(static_cast<std::int64_t>(std::time(nullptr)));
    }
    auto cmd = parse_command(message, parse_context{cfg.telegram.bot_username, today, true, true});
    nlohmann::json out;
    auto name = command_name(cmd);
    out["command"] = name.empty() ? nullptr : nlohmann::json(std::string(name));
    out["topics"] = nlohmann::json::array();
    out["people"] = nullptr;
    out["date"] = nullptr;
    out["address"] = nullptr;
    out["unparsed"] = nlohmann::json::array();
    if (auto* d = details_of(cmd)) {
        out["topics"] = d->topics;
        if (d->people)
            out["people"] = *d->people;
        out["date"] = iso_day(d->date.value_or(today));
        out["address"] = d->place;
        out["unparsed"] = d->unparsed;
        out["note"] = d->note;
    }
    if (auto* e = std::get_if<cmd_edit>(&cmd)) {
        out["record"] = e->record_no;
        out["adds"] = e->adds;         // "thêm 1 người": added to the record's count and topics
        out["new_note"] = e->new_note; // false: the record keeps its note
    }
    if (auto* e = std::get_if<command_error>(&cmd)) {
        out["command"] = e->command;
        out["error"] = e->reason;
        out["unparsed"] = nlohmann::json::array({e->detail});
    }
    if (auto* u = std::get_if<unknown_command>(&cmd)) {
        out["command"] = nullptr;
        out["error"] = "unknown_command";
        out["unparsed"] = nlohmann::json::array({"/" + u->name});
        out["suggestion"] = u->suggestion.empty() ? nlohmann::json(nullptr) : nlohmann::json(u->suggestion);
    }
    std::cout << (json ? out.dump() : out.dump(2)) << "\n";
    return out.contains("error") ? 1 : 0;
}

} // namespace cnscd
