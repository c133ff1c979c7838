#include "storage/rescue.hpp"

#include "storage/database.hpp"

#include <cerrno>
#include <cstring>
#include <ctime>
#include <fcntl.h>
#include <filesystem>
#include <string_view>
#include <unistd.h>

namespace cnscd {

namespace fs = std::filesystem;

namespace {
constexpr std::string_view rescued_marker = ".rescued-";
}

std::string rescue_file_name(const std::string& db_path, std::int64_t now) {
    std::time_t t = now;
    std::tm utc{};
    char stamp[32];
    std::strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", gmtime_r(&t, &utc));
    return db_path + std::string(rescued_marker) + stamp;
}

bool is_rescued_copy(const std::string& path) {
    return fs::path(path).filename().string().find(rescued_marker) != std::string::npos;
}

namespace {

std::string folder_of(const std::string& path) {
    auto dir = fs::path(path).parent_path();
    return dir.empty() ? "." : dir.string();
}

void remove_copy(const std::string& path) {
    std::error_code ec;
    for (const char* ext : {"", "-journal", "-wal", "-shm"})
        fs::remove(path + ext, ec);
}

} // namespace

std::expected<std::string, std::string> rescue_database(database& db, std::int64_t now) {
    std::error_code ec;
    // Absolute: the operator runs `restore --from` from another folder than the bot's.
    auto path = fs::absolute(db.path(), ec).string();
    if (ec)
        path = db.path();
    auto dir = folder_of(path);
    if (!fs::is_directory(dir, ec))
        return std::unexpected("the folder " + dir + " no longer exists");
    auto base = rescue_file_name(path, now);
    std::string copy;
    // O_EXCL claims the name: a file already there (an earlier rescue, anything else) is never
    // written over, even by another process choosing the same name at the same moment.
    // Owner-only: the copy holds the roster's personal data.
    for (int n = 1; copy.empty(); ++n) {
        if (n > 100)
            return std::unexpected("the names " + base + " to " + base + "-100 are all taken in " + dir);
        auto name = n == 1 ? base : base + "-" + std::to_string(n);
        int fd = ::open(name.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
        if (fd >= 0) {
            ::close(fd);
            copy = name;
        } else if (errno != EEXIST) {
            return std::unexpected("cannot create " + name + ": " + std::strerror(errno));
        }
    }
    try {
        db.backup_to(copy);
        auto check = database::open(copy, {.create = false, .run_migrations = false});
        if (auto problems = check->quick_check_problems(); !problems.empty())
            throw database_error("the copy failed its integrity check (" + problems + ")");
    } catch (const std::exception& e) {
        remove_copy(copy);
        return std::unexpected("cannot write " + copy + ": " + e.what());
    }
    return copy;
}

std::string rescue_advice(const std::string& db_path, const std::string& rescued_to,
                          const std::string& rescue_error) {
    if (!rescued_to.empty())
        return "the database file " + db_path +
               " was deleted while the bot ran; everything the bot had stored "
               "is saved in " +
               rescued_to +
               ", and updates are refused with 503 until it is back in place (the "
               "platforms redeliver them). Fix: stop the bot (systemctl stop cnscd-bot), put the copy in place "
               "with `cnscd-bot restore --from " +
               rescued_to +
               "`, then start the bot (systemctl start "
               "cnscd-bot); if the file was deleted on purpose, delete " +
               rescued_to + " as well";
    if (!rescue_error.empty())
        return "the database file " + db_path +
               " was deleted while the bot ran, and the copy of its data "
               "could not be written: " +
               rescue_error +
               ". Everything stored since the last backup is now "
               "only in the running bot: do not stop or restart it. Fix: make the folder " +
               folder_of(db_path) +
               " exist and writable by the bot's user; the bot writes the copy at the "
               "next update or /healthz call";
    return "";
}

std::optional<std::string> rescued_copy_of_missing(const std::string& db_path) {
    std::error_code ec;
    if (db_path.empty() || db_path == ":memory:" || fs::exists(db_path, ec) || ec)
        return std::nullopt;
    auto prefix = fs::path(db_path).filename().string() + std::string(rescued_marker);
    std::optional<fs::path> newest;
    for (auto& entry : fs::directory_iterator(folder_of(db_path), ec)) {
        auto name = entry.path().filename().string();
        if (!name.starts_with(prefix) || name.ends_with("-wal") || name.ends_with("-shm") ||
            name.ends_with("-journal"))
            continue;
        if (!newest || entry.path().filename() > newest->filename())
            newest = entry.path();
    }
    if (!newest)
        return std::nullopt;
    return newest->string();
}

std::string rescued_copy_refusal(const std::string& db_path, const std::string& copy,
                                 const std::string& then) {
    return "the database " + db_path + " does not exist, but " + copy +
           " lies beside it: the copy a bot saved when the file was deleted while it ran. Nothing was "
           "created or changed. Fix: put the copy in place with `cnscd-bot restore --from " +
           copy + "`, then " + then + "; if the file was deleted on purpose, move the copy away first";
}

} // namespace cnscd
