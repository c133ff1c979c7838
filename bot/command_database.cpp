#include "bot/command_database.hpp"

#include "storage/migrations.hpp"

#include <iostream>

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

std::unique_ptr<database> open_for_command(const config& cfg) {
    return open_upgraded(cfg.storage.db_path, {.synchronous = cfg.storage.synchronous},
                         [](const std::string& line) { std::cerr << line << "\n"; });
}

} // namespace cnscd
