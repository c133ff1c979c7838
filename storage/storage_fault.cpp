#include "storage/storage_fault.hpp"

#include <cerrno>
#include <fcntl.h>
#include <filesystem>
#include <sqlite3.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>
#include <utility>

namespace cnscd {

std::string_view fault_name(storage_fault f) {
    switch (f) {
    case storage_fault::none:
        return "ok";
    case storage_fault::disk_full:
        return "disk_full";
    case storage_fault::locked:
        return "locked";
    case storage_fault::corrupt:
        return "corrupt";
    case storage_fault::read_only:
        return "read_only";
    case storage_fault::io_error:
        return "io_error";
    case storage_fault::other:
        return "other";
    case storage_fault::moved:
        return "moved";
    }
    return "other";
}

std::string fault_advice(storage_fault f) {
    switch (f) {
    case storage_fault::none:
        return "";
    case storage_fault::disk_full:
        return "the disk (or the file size limit) is full. Fix: free disk space where the database lives; "
               "the bot accepts updates again by itself";
    case storage_fault::locked:
        return "another process holds the database's write lock longer than the busy timeout. Fix: stop that "
               "process (an sqlite3 shell, a copy or backup tool not using `cnscd-bot backup`)";
    case storage_fault::corrupt:
        return "the database file is damaged. Fix: stop the bot and restore the latest backup "
               "(docs/OPERATIONS.md, \"Faults\")";
    case storage_fault::read_only:
        return "the database cannot be written (permissions or a read-only file system). Fix: give the bot's "
               "user write access to the database and to its folder, where SQLite keeps its -wal and -shm "
               "files beside it (docs/OPERATIONS.md, \"Faults\")";
    case storage_fault::io_error:
        return "the disk or file system reported an I/O error. Fix: check the disk (dmesg); if it persists, "
               "stop the bot and restore the latest backup";
    case storage_fault::other:
        return "the database refused the write. Fix: see the error above and docs/OPERATIONS.md, \"Faults\"";
    case storage_fault::moved:
        return "the database file was deleted, renamed or replaced while the bot ran, so what it stored "
               "now would be in no file a restart opens. Fix: if it was renamed, rename it back and the bot "
               "accepts updates again by itself; if it was deleted, do not restart the bot before reading the "
               "next line: the bot saves a copy of its data next to the file (`FILE.rescued-TIME`) and says "
               "how to put it back with `cnscd-bot restore`";
    }
    return "";
}

storage_fault classify_sqlite_error(int code, int extended_code, int system_errno) {
    switch (code & 0xff) {
    case SQLITE_FULL:
        return storage_fault::disk_full;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        return storage_fault::locked;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
        return storage_fault::corrupt;
    case SQLITE_READONLY:
        if (code == SQLITE_READONLY_DBMOVED || extended_code == SQLITE_READONLY_DBMOVED)
            return storage_fault::moved;
        return storage_fault::read_only;
    case SQLITE_IOERR:
    case SQLITE_CANTOPEN:
        // SQLite reports only ENOSPC as SQLITE_FULL; a write past a file size limit (EFBIG) or
        // over a quota (EDQUOT) comes back as SQLITE_IOERR_WRITE, but the operator's fix is the same.
        if (system_errno == ENOSPC || system_errno == EFBIG || system_errno == EDQUOT)
            return storage_fault::disk_full;
        // A folder the bot may not write in (its user changed, chmod, a read-only mount): the
        // write-ahead log cannot be created beside the file. Not a failing disk, so no restore.
        if (system_errno == EACCES || system_errno == EPERM || system_errno == EROFS)
            return storage_fault::read_only;
        if (extended_code == SQLITE_IOERR_NOMEM)
            return storage_fault::other;
        return storage_fault::io_error;
    default:
        return storage_fault::other;
    }
}

} // namespace cnscd

namespace cnscd {

bool folder_refuses_writes(const std::string& db_path) {
    auto dir = std::filesystem::path(db_path).parent_path();
    if (::access(dir.empty() ? "." : dir.c_str(), W_OK) == 0)
        return false;
    return errno == EACCES || errno == EPERM || errno == EROFS;
}

bool storage_looks_full(const std::string& db_path) {
    namespace fs = std::filesystem;
    auto dir = fs::path(db_path).parent_path();
    struct statvfs vfs {};
    if (::statvfs(dir.empty() ? "." : dir.c_str(), &vfs) == 0 &&
        static_cast<unsigned long long>(vfs.f_bavail) * vfs.f_frsize < (1ULL << 20))
        return true;
    rlimit limit{};
    if (::getrlimit(RLIMIT_FSIZE, &limit) != 0 || limit.rlim_cur == RLIM_INFINITY)
        return false;
    for (auto ext : {"", "-wal"}) {
        std::error_code ec;
        auto size = fs::file_size(db_path + ext, ec);
        // Within a page of 64 KiB (SQLite's largest) of the limit: the next frame does not fit.
        if (!ec && size + 65536 + 24 > limit.rlim_cur)
            return true;
    }
    return false;
}

file_identity::file_identity(const std::string& path) {
    struct stat st {};
    if (path.empty() || path == ":memory:" || path.starts_with("file::memory:") ||
        ::stat(path.c_str(), &st) != 0)
        return;
    path_ = path;
    device_ = st.st_dev;
    inode_ = st.st_ino;
    fd_ = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
}

file_identity::~file_identity() {
    if (fd_ >= 0)
        ::close(fd_);
}

file_identity::file_identity(file_identity&& other) noexcept
    : path_(std::move(other.path_)), device_(other.device_), inode_(other.inode_),
      fd_(std::exchange(other.fd_, -1)) {}

file_identity& file_identity::operator=(file_identity&& other) noexcept {
    if (this != &other) {
        if (fd_ >= 0)
            ::close(fd_);
        path_ = std::move(other.path_);
        device_ = other.device_;
        inode_ = other.inode_;
        fd_ = std::exchange(other.fd_, -1);
    }
    return *this;
}

bool file_identity::unlinked() const {
    struct stat st {};
    return fd_ >= 0 && ::fstat(fd_, &st) == 0 && st.st_nlink == 0;
}

bool file_identity::still_at_path() const {
    if (path_.empty())
        return true;
    struct stat st {};
    if (::stat(path_.c_str(), &st) != 0)
        // Gone (ENOENT, ENOTDIR); any other failure (a folder made unreadable) is for SQLite to report.
        return errno != ENOENT && errno != ENOTDIR;
    return st.st_dev == device_ && st.st_ino == inode_;
}

} // namespace cnscd
