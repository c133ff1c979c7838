#include "storage/backup.hpp"

#include "storage/database.hpp"

#include <filesystem>
#include <system_error>

namespace cnscd {

namespace fs = std::filesystem;

backup_result backup_database(const std::string& source, const std::string& target) {
    std::error_code ec;
    if (!fs::exists(source, ec))
        throw database_error("there is no database at " + source +
                             ". Fix: set CNSCD_DB to the bot's database file");
    if (fs::exists(target, ec) && fs::equivalent(source, target, ec))
        throw database_error("the backup would overwrite the database itself. Fix: choose another --to file");
    auto dir = fs::path(target).parent_path();
    if (!dir.empty() && !fs::is_directory(dir, ec))
        throw database_error("the folder " + dir.string() + " does not exist. Fix: create it first");

    auto partial = target + ".partial";
    fs::remove(partial, ec);
    try {
        // No migrations: a backup copies what is there, whichever version wrote it.
        auto db = database::open(source, {.create = false, .run_migrations = false});
        db->backup_to(partial);
        auto copy = database::open(partial, {.create = false, .run_migrations = false});
        if (!copy->quick_check())
            throw database_error("the copy failed its integrity check");
        backup_result out{0, copy->schema_version()};
        copy.reset(); // the last connection to close folds its WAL back into the file
        fs::rename(partial, target);
        out.bytes = static_cast<std::int64_t>(fs::file_size(target));
        return out;
    } catch (const database_error&) {
        fs::remove(partial, ec);
        throw;
    } catch (const std::exception& e) {
        fs::remove(partial, ec);
        throw database_error(
            std::string("backup failed: ") + e.what() +
            ". Fix: check free space and permissions where the copy goes, then run it again");
    }
}

} // namespace cnscd
