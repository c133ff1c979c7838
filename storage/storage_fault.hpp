#pragma once

// Why the database refused a commit, in the operator's terms: each kind has a name for logs,
// /healthz and metrics, and the fix (docs/OPERATIONS.md, "Faults").

#include <array>
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
};

inline constexpr std::array<storage_fault, 6> storage_fault_kinds{
    storage_fault::disk_full, storage_fault::locked,   storage_fault::corrupt,
    storage_fault::read_only, storage_fault::io_error, storage_fault::other};

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

} // namespace cnscd
