#include "bot/command_database.hpp"

#include "storage/migrations.hpp"

#include <iostream>

namespace cnscd {

std::unique_ptr<database> open_for_command(const config& cfg) {
    auto db = database::open(cfg.storage.db_path, {true, false, cfg.storage.synchronous});
    auto before = db->schema_version();
    if (before == 0) {
        db->migrate();
        return db;
    }
    if (db->migrate([](const migration& m) {
            std::cerr << "database: migration " << m.version << " applied: " << m.name << "\n";
        }) > 0)
        std::cerr << "database " << cfg.storage.db_path << " (schema version " << before << " -> "
                  << db->schema_version() << ")\n";
    return db;
}

} // namespace cnscd
