#pragma once

// Why the database refused a commit, in the operator's terms: each kind has a name for logs,
// /healthz and metrics, and the fix (docs/OPERATIONS.md, "Faults").

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace cnscd {

enum class storage_fault {
    none,
    disk_full, // SQLITE_FULL, or a write refused with ENOSPC/EFBIG/EDQUOT
    locked,    // SQLITE_BUSY/LOCKED beyond the busy timeout: another process holds the write lock
    corrupt,   // SQLITE_CORRUPT/NOTADB: the file is damaged
    read_only, // SQLITE_READONLY: permissions changed, or the file system went read-only
    io_error,  // any other SQLITE_IOERR/CANTOPEN: the disk or the file system failed
    other,     // anything else
    moved,     // SQLITE_READONLY_DBMOVED: the file was deleted, renamed or replaced while open
};

inline constexpr std::array<storage_fault, 7> storage_fault_kinds{
    storage_fault::disk_full, storage_fault::locked, storage_fault::corrupt, storage_fault::read_only,
    storage_fault::io_error,  storage_fault::other,  storage_fault::moved};

// "disk_full", "locked", ... ("ok" for none).
std::string_view fault_name(storage_fault f);
// What is wrong and what the operator does about it, one sentence each.
std::string fault_advice(storage_fault f);
// Classifies an SQLite result: the primary code, the extended code and the OS errno behind it.
storage_fault classify_sqlite_error(int code, int extended_code, int system_errno);
// True when writes next to `db_path` are likely to fail for want of room: little free space on
// its file system, or the database or its write-ahead log at the file size limit (ulimit -f).
// SQLite's errno for a failed write is unreliable by the time the error surfaces, so an I/O
// error is checked against these.
bool storage_looks_full(const std::string& db_path);
// True when the folder of `db_path` refuses writes (permissions, an immutable folder, a read-only
// mount). SQLite then cannot create the write-ahead log beside the file and reports only
// "unable to open database file", with an errno from its last fallback, not the refusal.
bool folder_refuses_writes(const std::string& db_path);

// The file a database path named when it was opened. SQLite in WAL mode goes on committing into
// an open file that was deleted, renamed or replaced, where no later start finds it; this tells
// that the path names another file, or none, now (storage_fault::moved).
//
// It keeps a descriptor of the file, to tell a file deleted (no name left anywhere: only the
// bot's descriptors still reach its data) from one renamed. Closing any descriptor of a file
// drops the process's POSIX locks on it, SQLite's included: destroy this only after the
// database connections to the file are closed.
class file_identity {
public:
    file_identity() = default; // no file (in memory): always at its path
    explicit file_identity(const std::string& path);
    ~file_identity();
    file_identity(file_identity&& other) noexcept;
    file_identity& operator=(file_identity&& other) noexcept;
    bool still_at_path() const;
    // True when the file has no name left: deleted, or replaced by a file renamed over it.
    // False when it was only renamed (its data is under the new name).
    bool unlinked() const;

private:
    std::string path_;
    std::uint64_t device_ = 0;
    std::uint64_t inode_ = 0;
    int fd_ = -1;
};

} // namespace cnscd
