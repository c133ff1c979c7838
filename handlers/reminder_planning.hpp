#pragma once

// Reminders before and after reporting deadlines, planned from (database, config, now).
// Every decision (sent, skipped because stale, not needed because submitted) is recorded in
// the reminder ledger in the same transaction as the outbox rows it writes, under a key
// (team or ward, deadline, period, offset) that can be recorded once only: running it twice,
// after a restart, or with the clock set back never sends a reminder twice.

#include "config/config.hpp"
#include "handlers/reporting_calendar.hpp"
#include "messages/catalog.hpp"
#include "messages/outgoing.hpp"
#include "storage/registry.hpp"

#include <string>
#include <vector>

namespace cnscd {

class database;

// A reminder whose time came that no chat could be given: the team has no group bound and no
// leader the bot can write to privately (or, with `team` empty, no ward staff can be written to).
struct unreached_reminder {
    std::string team;
    deadline_instance deadline;
};

struct reminder_run {
    std::vector<std::string> log;    // one line per reminder sent (and a count of those never due)
    std::vector<std::string> missed; // one line per reminder missed while the bot was not running
    std::vector<outgoing> messages;  // what was queued in the outbox
    std::vector<unreached_reminder> unreached;
};

// The ward's deadline rules: its configured calendar plus one-off deadlines added from chat.
std::vector<deadline_config> ward_deadlines(database& db, const config& cfg, const ward_record& ward);

reminder_run plan_reminders(database& db, const config& cfg, std::int64_t now);

// Zalo OA: a leader or ward staff member writes privately after a time in which no private
// message could reach them (from `closed_since` on, private_reach.hpp). For each deadline, the
// latest reminder meant for them that came in that time, was sent to others, and still applies
// now, worded as of now. Empty if there is none.
std::vector<std::string> missed_reminders(database& db, const config& cfg, const member_record& member,
                                          language lang, std::int64_t closed_since, std::int64_t now);

} // namespace cnscd
