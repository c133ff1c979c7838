#include "handlers/scheduled_work.hpp"

#include "storage/conversation_store.hpp"
#include "storage/database.hpp"
#include "storage/outbox.hpp"
#include "storage/update_log.hpp"

namespace cnscd {

std::vector<std::string> run_scheduled_work(database& db, const dispatch_env& env) {
    std::vector<std::string> log;
    auto now = env.clk.now();
    // Platforms stop redelivering within a day; a week of keys is plenty.
    update_log(db).prune(now - 7 * 86400);
    // Delivered messages are kept a month for delivery reports, then dropped.
    outbox(db).prune(now - 30 * 86400);
    return log;
}

} // namespace cnscd
