#include "storage/wal_write_buffer.hpp"

#include <algorithm>
#include <cstring>
#include <mutex>
#include <new>
#include <sqlite3.h>
#include <string>

// SQLite writes each WAL frame as two writes, a 24-byte header and the page, so frames straddle
// page-cache pages and a commit of 50 pages costs 100 write system calls. This VFS wraps the
// default one and, for WAL files only, keeps consecutive writes in memory until the next sync,
// read, size query, truncation or close, then writes them in one call.
//
// Sound only when every commit syncs the log (synchronous=FULL or EXTRA): SQLite publishes a
// commit to other connections (the wal-index) after that sync, so they never read a frame that
// is still here. database::open uses this VFS only then.

namespace cnscd::storage_detail {
namespace {

constexpr const char* vfs_name = "cnscd-wal-buffer";
constexpr std::size_t max_buffered = 1 << 20; // a larger run is written out as it grows
// The default VFS masks each write's length to 17 bits (0x1ffff) and reports a write of a
// multiple of 128 KiB as a full disk: larger runs go out in pieces below that.
constexpr std::size_t max_write = 0x1f000;

sqlite3_vfs* root = nullptr;
sqlite3_vfs wrapper{};
sqlite3_io_methods wal_methods{};

struct wal_file {
    sqlite3_file base;   // pMethods = &wal_methods
    sqlite3_file* real;  // the default VFS's file, placed right after this struct
    std::string pending; // bytes not yet written, from file offset `at`
    sqlite3_int64 at;
};

wal_file* as_wal(sqlite3_file* f) {
    return reinterpret_cast<wal_file*>(f);
}

int flush(wal_file* f) {
    if (f->pending.empty())
        return SQLITE_OK;
    int rc = SQLITE_OK;
    for (std::size_t done = 0; done < f->pending.size() && rc == SQLITE_OK; done += max_write) {
        auto n = std::min(max_write, f->pending.size() - done);
        rc = f->real->pMethods->xWrite(f->real, f->pending.data() + done, static_cast<int>(n),
                                       f->at + static_cast<sqlite3_int64>(done));
    }
    // On failure the bytes are dropped: the commit that needed them fails at its sync, and the
    // log's checksums make a recovery ignore whatever part reached the file.
    f->pending.clear();
    return rc;
}

int wal_close(sqlite3_file* file) {
    auto* f = as_wal(file);
    int rc = flush(f);
    int closed = f->real->pMethods ? f->real->pMethods->xClose(f->real) : SQLITE_OK;
    f->~wal_file();
    return rc != SQLITE_OK ? rc : closed;
}

int wal_read(sqlite3_file* file, void* out, int n, sqlite3_int64 offset) {
    auto* f = as_wal(file);
    if (int rc = flush(f); rc != SQLITE_OK)
        return rc;
    return f->real->pMethods->xRead(f->real, out, n, offset);
}

int wal_write(sqlite3_file* file, const void* data, int n, sqlite3_int64 offset) {
    auto* f = as_wal(file);
    bool follows = !f->pending.empty() && offset == f->at + static_cast<sqlite3_int64>(f->pending.size());
    if (!follows || f->pending.size() + static_cast<std::size_t>(n) > max_buffered) {
        if (int rc = flush(f); rc != SQLITE_OK)
            return rc;
        f->at = offset;
    }
    try {
        f->pending.append(static_cast<const char*>(data), static_cast<std::size_t>(n));
    } catch (const std::bad_alloc&) {
        if (int rc = flush(f); rc != SQLITE_OK)
            return rc;
        return f->real->pMethods->xWrite(f->real, data, n, offset);
    }
    return SQLITE_OK;
}

int wal_truncate(sqlite3_file* file, sqlite3_int64 size) {
    auto* f = as_wal(file);
    if (int rc = flush(f); rc != SQLITE_OK)
        return rc;
    return f->real->pMethods->xTruncate(f->real, size);
}

int wal_sync(sqlite3_file* file, int flags) {
    auto* f = as_wal(file);
    if (int rc = flush(f); rc != SQLITE_OK)
        return rc;
    return f->real->pMethods->xSync(f->real, flags);
}

int wal_file_size(sqlite3_file* file, sqlite3_int64* size) {
    auto* f = as_wal(file);
    if (int rc = flush(f); rc != SQLITE_OK)
        return rc;
    return f->real->pMethods->xFileSize(f->real, size);
}

int wal_lock(sqlite3_file* file, int level) {
    auto* f = as_wal(file);
    return f->real->pMethods->xLock(f->real, level);
}
int wal_unlock(sqlite3_file* file, int level) {
    auto* f = as_wal(file);
    return f->real->pMethods->xUnlock(f->real, level);
}
int wal_check_reserved(sqlite3_file* file, int* out) {
    auto* f = as_wal(file);
    return f->real->pMethods->xCheckReservedLock(f->real, out);
}
int wal_file_control(sqlite3_file* file, int op, void* arg) {
    auto* f = as_wal(file);
    if (int rc = flush(f); rc != SQLITE_OK)
        return rc;
    return f->real->pMethods->xFileControl(f->real, op, arg);
}
int wal_sector_size(sqlite3_file* file) {
    auto* f = as_wal(file);
    return f->real->pMethods->xSectorSize(f->real);
}
int wal_device_characteristics(sqlite3_file* file) {
    auto* f = as_wal(file);
    return f->real->pMethods->xDeviceCharacteristics(f->real);
}

int open_file(sqlite3_vfs*, sqlite3_filename name, sqlite3_file* file, int flags, int* out_flags) {
    if (!(flags & SQLITE_OPEN_WAL))
        // Everything but the log is the default VFS's own file, in the space given to us.
        return root->xOpen(root, name, file, flags, out_flags);
    auto* f = new (file) wal_file{};
    f->real = reinterpret_cast<sqlite3_file*>(reinterpret_cast<char*>(file) + sizeof(wal_file));
    std::memset(f->real, 0, static_cast<std::size_t>(root->szOsFile));
    int rc = root->xOpen(root, name, f->real, flags, out_flags);
    if (rc != SQLITE_OK) {
        // SQLite calls xClose only when pMethods is set; the default VFS leaves its own unset.
        f->~wal_file();
        file->pMethods = nullptr;
        return rc;
    }
    file->pMethods = &wal_methods;
    return SQLITE_OK;
}

} // namespace

const char* wal_write_buffer_vfs() {
    static std::once_flag once;
    std::call_once(once, [] {
        root = sqlite3_vfs_find(nullptr);
        wrapper = *root;
        wrapper.zName = vfs_name;
        wrapper.szOsFile = root->szOsFile + static_cast<int>(sizeof(wal_file));
        wrapper.xOpen = open_file;
        wrapper.pNext = nullptr;

        wal_methods.iVersion = 1; // the log is never memory-mapped nor used for shared memory
        wal_methods.xClose = wal_close;
        wal_methods.xRead = wal_read;
        wal_methods.xWrite = wal_write;
        wal_methods.xTruncate = wal_truncate;
        wal_methods.xSync = wal_sync;
        wal_methods.xFileSize = wal_file_size;
        wal_methods.xLock = wal_lock;
        wal_methods.xUnlock = wal_unlock;
        wal_methods.xCheckReservedLock = wal_check_reserved;
        wal_methods.xFileControl = wal_file_control;
        wal_methods.xSectorSize = wal_sector_size;
        wal_methods.xDeviceCharacteristics = wal_device_characteristics;
        sqlite3_vfs_register(&wrapper, 0);
    });
    return vfs_name;
}

} // namespace cnscd::storage_detail
