#pragma once

// The product's entry point for one update, run inside the writer's transaction:
// record the update key (a duplicate stops here), find who is writing, check the command
// table, run the handler, and queue its replies in the outbox. No exception leaves it;
// a handler that throws has its writes undone and the user gets an apology.

#include "handlers/context.hpp"
#include "messages/command.hpp"

#include <string>

namespace cnscd {

struct dispatch_result {
    bool duplicate = false;      // the update key was seen before: nothing done
    bool handler_failed = false; // a handler threw (a bug): its writes were undone
    std::string error;           // what it threw
    std::string command;         // canonical command name, for logs and metrics
    std::size_t replies = 0;     // outbox rows written
};

// `parsed`, when given, is parse_command's reading of in.text, done by the caller outside
// the writer's thread (it is pure, so it need not hold up the database).
dispatch_result dispatch(const incoming& in, database& db, const dispatch_env& env,
                         const command* parsed = nullptr);

// How dispatch reads this update's text (pure; safe on any thread).
command parse_incoming(const incoming& in, const dispatch_env& env);

// Same, without the update log (for updates that have no platform key, e.g. the console).
dispatch_result dispatch_unlogged(const incoming& in, database& db, const dispatch_env& env);

} // namespace cnscd
