#pragma once

// Time-driven work: the scheduler (bot/scheduler) runs this every half minute inside one
// writer transaction. Each step is idempotent for a given instant, so running it late, twice
// or after a restart never sends anything twice.

#include "handlers/context.hpp"

#include <string>
#include <vector>

namespace cnscd {

// Log lines worth an operator's attention.
struct scheduled_log {
    std::vector<std::string> info;     // what was sent or removed
    std::vector<std::string> warnings; // reminders missed while the bot was not running
};

scheduled_log run_scheduled_work(database& db, const dispatch_env& env);

} // namespace cnscd
