#pragma once

// The product's entry point for one update, run inside the writer's transaction:
// record the update key (a duplicate stops here), find who is writing, check the command
// table, run the handler, and queue its replies in the outbox. No exception leaves it;
// a handler that throws has its writes undone and the user gets an apology.

#include "handlers/context.hpp"
#include "messages/command.hpp"

#include <optional>
#include <string>

namespace cnscd {

struct dispatch_result {
    bool duplicate = false;      // the update key was seen before: nothing done
    bool handler_failed = false; // a handler threw (a bug): its writes were undone
    std::string error;           // what it threw
    std::string command;         // canonical command name, for logs and metrics
    std::size_t replies = 0;     // outbox rows written
};

// The command a message carries (nullopt for other updates). Pure: the webhook's thread reads
// it before queueing, so the writer, the serial part of every update, does not.
std::optional<command> read_command(const incoming& in, const dispatch_env& env);

// `cmd`: what read_command gave for `in`, if it was read already.
dispatch_result dispatch(const incoming& in, database& db, const dispatch_env& env,
                         std::optional<command> cmd = std::nullopt);

// Same, without the update log (for updates that have no platform key, e.g. the console).
dispatch_result dispatch_unlogged(const incoming& in, database& db, const dispatch_env& env);

} // namespace cnscd
