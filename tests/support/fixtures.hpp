#pragma once

#include <fstream>
#include <sstream>
#include <string>

namespace cnscd::test {

// Reads tests/fixtures/<relative> (the source tree path is compiled in).
inline std::string fixture(const std::string& relative) {
    std::ifstream in(std::string(CNSCD_TEST_FIXTURES) + "/" + relative, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

// Every byte an SQLite database file holds on disk: the file and its write-ahead log, for
// tests that check what is (not) stored in clear.
inline std::string database_bytes(const std::string& path) {
    std::string bytes;
    for (auto ext : {"", "-wal"}) {
        std::ifstream in(path + ext, std::ios::binary);
        std::stringstream s;
        s << in.rdbuf();
        bytes += s.str();
    }
    return bytes;
}

} // namespace cnscd::test
