// `cnscd-bot backup --to FILE`: an online copy of the database (see storage/backup.hpp).

#include "bot/app.hpp"
#include "storage/backup.hpp"
#include "storage/database.hpp"

#include <iostream>

namespace cnscd {

int run_backup(const config& cfg, const std::string& to) {
    try {
        auto r = backup_database(cfg.storage.db_path, to);
        std::cout << "backup of " << cfg.storage.db_path << " written to " << to << " (" << r.bytes
                  << " bytes, schema version " << r.schema_version << ", integrity check ok)\n";
        return 0;
    } catch (const std::exception& e) {
        std::cerr << "backup: " << e.what() << "\n";
        return 1;
    }
}

} // namespace cnscd
