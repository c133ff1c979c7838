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

} // namespace cnscd::test
