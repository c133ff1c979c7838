#include "bot/command_database.hpp"

#include "bot/serve_lock.hpp"
#include "storage/migrations.hpp"

#include <iostream>
#include <stdexcept>

namespace cnscd {

std::unique_ptr<database> open_upgraded(const std::string& path, database_options options,
                                        const std::function<void(const std::string&)>& say) {
    options.run_migrations = false;
    auto db = database::open(path, options);
    auto before = db->schema_version();
    if (before == 0) {
        db->migrate();
        return db;
    }
    if (db->migrate([&](const migration& m) {
            say("database: migration " + std::to_string(m.version) + " applied: " + std::string(m.name));
        }) > 0)
        say("database " + path + " (schema version " + std::to_string(before) + " -> " +
            std::to_string(db->schema_version()) + ")");
    return db;
}

void refuse_upgrade_under_serve(const std::string& path) {
    bool held_elsewhere = false;
    auto probe = serve_lock::take(path, held_elsewhere); // released at once: only a question
    if (!held_elsewhere)
        return;
    auto db = database::open(path, {.create = false, .run_migrations = false});
    auto version = db->schema_version();
    auto latest = all_migrations().back().version;
    if (version == 0 || version >= latest)
        return;
    throw std::runtime_error(
        "the database " + path + " has schema version " + std::to_string(version) +
        " and this release needs " + std::to_string(latest) +
        ", but a `cnscd-bot serve` of the older release runs on it: upgrading it now "
        "would change the tables under that serve. Nothing was changed. Fix: stop the bot (systemctl stop "
        "cnscd-bot), run this command or start the new release's serve, which upgrades the file");
}

std::unique_ptr<database> open_for_command(const config& cfg) {
    refuse_upgrade_under_serve(cfg.storage.db_path);
    return open_upgraded(cfg.storage.db_path, {.synchronous = cfg.storage.synchronous},
                         [](const std::string& line) { std::cerr << line << "\n"; });
}

} // namespace cnscd
