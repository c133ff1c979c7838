#pragma once

// A database file damaged as a failing disk or a stray write leaves it: garbage over whole pages.

#include <cstddef>
#include <fstream>
#include <string>

namespace cnscd::test {

// Writes `byte` over `count` pages of 4 KiB from page `first` (1-based; page 1 holds the header
// and the schema). Checkpoint the log into the file first, or SQLite reads the pages from there.
inline void write_garbage_over_pages(const std::string& path, std::size_t first, std::size_t count,
                                     char byte = '\x5a') {
    constexpr std::size_t page = 4096;
    std::fstream f(path, std::ios::in | std::ios::out | std::ios::binary);
    f.seekp(static_cast<std::streamoff>((first - 1) * page));
    std::string junk(count * page, byte);
    f.write(junk.data(), static_cast<std::streamsize>(junk.size()));
}

} // namespace cnscd::test
