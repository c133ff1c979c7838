#pragma once

// Private to storage/: the name of an SQLite VFS that writes each commit's log frames in one
// system call instead of two per page. For connections that sync every commit
// (synchronous=FULL) only; see wal_write_buffer.cpp.

namespace cnscd::storage_detail {

const char* wal_write_buffer_vfs();

} // namespace cnscd::storage_detail
