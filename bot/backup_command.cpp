// `cnscd-bot backup --to FILE`: an online copy of the database; `restore --from FILE` puts one
// back (see storage/backup.hpp).

#include "bot/app.hpp"
#include "storage/backup.hpp"
#include "storage/database.hpp"
#include "storage/rescue.hpp"

#include <chrono>
#include <filesystem>
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

int run_restore(const config& cfg, const std::string& from) {
    try {
        auto now = std::chrono::duration_cast<std::chrono::seconds>(
                       std::chrono::system_clock::now().time_since_epoch())
                       .count();
        auto r = restore_database(from, cfg.storage.db_path, now);
        std::cout << "restored " << from << " (schema version " << r.schema_version << ") to "
                  << cfg.storage.db_path << "\n";
        std::error_code ec;
        if (!r.set_aside.empty() && std::filesystem::exists(r.set_aside, ec))
            std::cout << "the database it replaced is kept as " << r.set_aside
                      << " (with its -wal and -shm files, if any)\n";
        else if (!r.set_aside.empty())
            std::cout << "the -wal and -shm files left without their database are kept as " << r.set_aside
                      << "-wal and -shm\n";
        // A copy the bot saved when its file was deleted (storage/rescue.hpp) holds everything.
        if (is_rescued_copy(from))
            std::cout
                << "it holds everything the bot had stored when its file was deleted; start the bot, and "
                   "the platforms redeliver what was refused meanwhile\n";
        else
            std::cout << "what was logged after the backup is not in it; start the bot (it brings an older "
                         "schema up to date)\n";
        return 0;
    } catch (const std::exception& e) {
        std::cerr << "restore: " << e.what() << "\n";
        return 1;
    }
}

} // namespace cnscd
