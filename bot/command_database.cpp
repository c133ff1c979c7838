#include "bot/command_database.hpp"

#include "bot/serve_lock.hpp"
#include "storage/database_damaged.hpp"
#include "storage/migrations.hpp"
#include "storage/rescue.hpp"

#include <filesystem>
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

command_database open_for_command(const config& cfg, const std::string& command, missing_database missing) {
    auto& path = cfg.storage.db_path;
    auto refuse = [&](const std::string& why, int code) {
        std::cerr << command << ": " << why << "\n";
        return command_database{nullptr, code};
    };
    if (auto copy = rescued_copy_of_missing(path))
        return refuse(rescued_copy_refusal(path, *copy, "run this command again"), exit_database_damaged);
    std::error_code ec;
    if (missing == missing_database::refuse && path != ":memory:" && !std::filesystem::exists(path, ec))
        return refuse("the database " + path +
                          " does not exist, so there is nothing to read. Nothing was created. Fix: check "
                          "CNSCD_DB (or \"storage.path\" in the config file) names the bot's database; a "
                          "new one is made by `cnscd-bot serve` or `cnscd-bot import-roster`",
                      1);
    try {
        refuse_upgrade_under_serve(path);
        return {open_upgraded(path,
                              {.synchronous = cfg.storage.synchronous,
                               .busy_timeout_ms = cfg.storage.busy_timeout_ms,
                               .check_integrity = cfg.storage.check_on_start},
                              [](const std::string& line) { std::cerr << line << "\n"; }),
                0};
    } catch (const database_damaged& e) {
        return refuse(e.what(), exit_database_damaged);
    } catch (const std::exception& e) {
        return refuse(e.what(), 1);
    }
}

} // namespace cnscd
