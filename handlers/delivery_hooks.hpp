#pragma once

// Called in the writer transaction that records each message's final outcome, so features
// can follow their deliveries (a broadcast's progress message, its delivery report).

#include "handlers/context.hpp"
#include "storage/outbox.hpp"

namespace cnscd {

void on_delivery(database& db, const dispatch_env& env, const delivery_report& report);

} // namespace cnscd
