#include "storage/backup.hpp"

#include "storage/database.hpp"

#include <ctime>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <system_error>
#include <unistd.h>

namespace cnscd {

namespace fs = std::filesystem;

namespace {

// Whether another process has the database open (the bot still running), without touching it:
// each SQLite connection in WAL mode holds a read lock on byte 128 of the -shm file (the unix
// VFS's "DMS" slot) for as long as it is open.
bool in_use(const std::string& path) {
    int fd = ::open((path + "-shm").c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return false;
    struct flock lock {};
    lock.l_type = F_WRLCK;
    lock.l_whence = SEEK_SET;
    lock.l_start = 128;
    lock.l_len = 1;
    bool busy = ::fcntl(fd, F_GETLK, &lock) == 0 && lock.l_type != F_UNLCK;
    ::close(fd);
    return busy;
}

// `backup --to` runs from cron over last night's file, so replacing a file is normal; but only
// a file that is a SQLite database (a previous backup) and not in use, and never one of the
// live database's own files: a mistyped --to must not destroy something else.
void refuse_to_replace(const std::string& source, const std::string& target) {
    std::error_code ec;
    // Absolute first: a relative path none of whose parts exists (`cnscd.db-wal` once the bot
    // has stopped and SQLite removed it) stays relative and matched no file of the database.
    auto live = fs::weakly_canonical(fs::absolute(source, ec), ec).string();
    auto to = fs::weakly_canonical(fs::absolute(target, ec), ec).string();
    for (const char* ext : {"-wal", "-shm", "-journal"})
        if (to == live + ext)
            throw database_error("--to " + target + " is the database's own " + std::string(ext + 1) +
                                 " file; the backup would destroy what the bot has not yet written into the "
                                 "database. Nothing was changed. Fix: choose another --to file");
    auto status = fs::status(target, ec);
    if (ec || !fs::exists(status))
        return;
    if (fs::is_directory(status))
        throw database_error("--to " + target + " is a folder. Fix: name a file in it, e.g. " +
                             (fs::path(target) / "cnscd-backup.db").string());
    if (!fs::is_regular_file(status))
        throw database_error("--to " + target +
                             " is not a regular file. Nothing was changed. Fix: choose another --to file");
    if (fs::file_size(target, ec) == 0)
        return; // an empty file (made by mktemp) holds nothing to lose
    char head[16] = {};
    std::ifstream in(target, std::ios::binary);
    in.read(head, sizeof head);
    if (!in || std::string_view(head, sizeof head) != std::string_view("SQLite format 3\0", 16))
        throw database_error("--to " + target +
                             " already exists and is not a database backup (not a SQLite file), so it is "
                             "left as it is. Fix: choose another --to file, or move that file away if it "
                             "may be replaced");
    if (in_use(target))
        throw database_error("--to " + target +
                             " is a database open in another process (a running bot's?), so it is left as "
                             "it is. Fix: choose another --to file");
}

} // namespace

backup_result backup_database(const std::string& source, const std::string& target) {
    std::error_code ec;
    if (!fs::exists(source, ec))
        throw database_error(
            "there is no database at " + source +
            ". Fix: set CNSCD_DB (or \"storage.path\" in the config file) to the bot's database "
            "file");
    if (fs::exists(target, ec) && fs::equivalent(source, target, ec))
        throw database_error("the backup would overwrite the database itself. Fix: choose another --to file");
    refuse_to_replace(source, target);
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

restore_result restore_database(const std::string& from, const std::string& target, std::int64_t now) {
    std::error_code ec;
    if (!fs::exists(from, ec))
        throw database_error("there is no backup at " + from + ". Fix: name the backup file with --from");
    if (fs::exists(target, ec) && fs::equivalent(from, target, ec))
        throw database_error("the backup is the database itself. Fix: name a backup file with --from");
    restore_result out;
    {
        std::unique_ptr<database> copy;
        try {
            copy = database::open(from, {.create = false, .run_migrations = false});
        } catch (const std::exception& e) {
            // open's own advice ("Fix: ...") is about CNSCD_DB, not the file named with --from.
            std::string_view why = e.what();
            why = why.substr(0, why.find(". Fix:"));
            throw database_error("the backup " + from + " cannot be read as a database (" + std::string(why) +
                                 "). Nothing was changed. Fix: name a file written by `cnscd-bot backup`");
        }
        if (auto problems = copy->quick_check_problems(); !problems.empty())
            throw database_error("the backup " + from + " is damaged (PRAGMA quick_check: " + problems +
                                 "). Nothing was changed. Fix: restore an earlier backup");
        out.schema_version = copy->schema_version();
    }
    // Also without the file itself: a bot whose file was deleted still has its -shm open.
    if (in_use(target))
        throw database_error("the database " + target +
                             " is open in another process. Nothing was changed. Fix: stop the bot "
                             "(systemctl stop cnscd-bot), then run restore again");
    auto partial = target + ".partial";
    fs::remove(partial, ec);
    fs::copy_file(from, partial, fs::copy_options::overwrite_existing, ec);
    if (ec)
        throw database_error("cannot copy " + from + " to " + partial + ": " + ec.message() +
                             ". Nothing was changed. Fix: check free space and permissions");
    // A -wal left without its file (the file deleted under a bot) goes aside too: the next
    // start would replay it onto the restored file.
    bool replaces = false;
    for (const char* ext : {"", "-wal", "-shm"})
        replaces = replaces || fs::exists(target + ext, ec);
    if (replaces) {
        std::time_t t = now;
        std::tm utc{};
        char stamp[32];
        std::strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", gmtime_r(&t, &utc));
        out.set_aside = target + ".before-restore-" + stamp;
        for (const char* ext : {"", "-wal", "-shm"})
            if (fs::exists(target + ext, ec))
                fs::rename(target + ext, out.set_aside + ext);
    }
    fs::rename(partial, target);
    return out;
}

} // namespace cnscd
