#include "messages/text_limit.hpp"

namespace cnscd {

std::size_t text_length(std::string_view s) {
    std::size_t n = 0;
    for (unsigned char c : s)
        if ((c & 0xC0) != 0x80) // a continuation byte adds nothing; beyond the BMP takes two
            n += c >= 0xF0 ? 2 : 1;
    return n;
}

} // namespace cnscd
