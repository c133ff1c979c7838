#include "handlers/scheduled_work.hpp"

#include "handlers/delivery_hooks.hpp"
#include "handlers/reminder_planning.hpp"
#include "handlers/visit_photos.hpp"
#include "storage/conversation_store.hpp"
#include "storage/database.hpp"
#include "storage/export_files.hpp"
#include "storage/held_record_store.hpp"
#include "storage/nudge_store.hpp"
#include "storage/outbox.hpp"
#include "storage/update_log.hpp"
#include "storage/visit_photo_store.hpp"

namespace cnscd {

scheduled_log run_scheduled_work(database& db, const dispatch_env& env) {
    scheduled_log log;
    auto now = env.clk.now();
    // Platforms stop redelivering within a day; a week of keys is plenty.
    update_log(db).prune(now - 7 * 86400);
    // Visits held for someone who never linked their account go after a day.
    held_record_store(db).purge(now);
    // Album photos whose captioned part never came.
    visit_photo_store(db).drop_album_parts(now - album_seconds);
    // Delivered messages are kept a month for delivery reports, then dropped.
    outbox(db).prune(now - 30 * 86400);
    // And the private nudges whose outcomes they carried (members' chats, like the rows).
    nudge_store(db).prune(now - 30 * 86400);
    // Files /xuat sent are needed only until the platform has them; keep two days for retries.
    if (auto n = prune_exports(env.cfg.storage.db_path, now - 2 * 86400); n > 0)
        log.info.push_back("removed " + std::to_string(n) + " old export file(s)");
    // Announcements to the teams behind on a report whose time has come.
    send_due_announcements(db, env, log.info);
    // Reminders before and after reporting deadlines (reminder_planning.hpp).
    auto reminders = plan_reminders(db, env.cfg, now);
    log.info.insert(log.info.end(), reminders.log.begin(), reminders.log.end());
    log.warnings = std::move(reminders.missed);
    return log;
}

} // namespace cnscd
