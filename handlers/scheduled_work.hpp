#pragma once

// Time-driven work: the scheduler (bot/scheduler) runs this every half minute inside one
// writer transaction. Each step is idempotent for a given instant, so running it late, twice
// or after a restart never sends anything twice.

#include "handlers/context.hpp"

#include <string>
#include <vector>

namespace cnscd {

// Returns log lines worth an operator's attention (what was sent, what was skipped).
std::vector<std::string> run_scheduled_work(database& db, const dispatch_env& env);

} // namespace cnscd
