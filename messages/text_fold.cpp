#include "messages/text_fold.hpp"

#include <utf8proc.h>

#include <cctype>
#include <cstdlib>

namespace cnscd {

namespace {

// Decodes one code point at `i`; returns its byte length, or 0 if the sequence is invalid.
std::size_t decode(std::string_view s, std::size_t i, utf8proc_int32_t& cp) {
    auto n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(s.data() + i),
                              static_cast<utf8proc_ssize_t>(s.size() - i), &cp);
    return n > 0 ? static_cast<std::size_t>(n) : 0;
}

} // namespace

bool valid_utf8(std::string_view s) {
    utf8proc_int32_t cp;
    for (std::size_t i = 0; i < s.size();) {
        auto n = decode(s, i, cp);
        if (n == 0)
            return false;
        i += n;
    }
    return true;
}

std::string sanitize_utf8(std::string_view s) {
    if (valid_utf8(s))
        return std::string(s);
    std::string out;
    utf8proc_int32_t cp;
    for (std::size_t i = 0; i < s.size();) {
        auto n = decode(s, i, cp);
        if (n == 0) {
            out += "\xEF\xBF\xBD";
            ++i;
        } else {
            out.append(s.substr(i, n));
            i += n;
        }
    }
    return out;
}

std::string fold(std::string_view text) {
    // Most command words and many message words are plain ASCII: lower-casing is enough.
    bool ascii = true;
    for (unsigned char c : text)
        ascii = ascii && c < 0x80;
    if (ascii) {
        std::string out(text);
        for (auto& c : out)
            c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        return out;
    }
    std::string clean = sanitize_utf8(text);
    utf8proc_uint8_t* mapped = nullptr;
    auto n = utf8proc_map(
        reinterpret_cast<const utf8proc_uint8_t*>(clean.data()), static_cast<utf8proc_ssize_t>(clean.size()),
        &mapped, static_cast<utf8proc_option_t>(UTF8PROC_DECOMPOSE | UTF8PROC_STRIPMARK | UTF8PROC_CASEFOLD));
    if (n < 0)
        return clean;
    std::string out;
    out.reserve(static_cast<std::size_t>(n));
    std::string_view m(reinterpret_cast<const char*>(mapped), static_cast<std::size_t>(n));
    for (std::size_t i = 0; i < m.size(); ++i) {
        // đ (U+0111) and Đ (U+0110, already case-folded to đ) have no decomposition.
        if (i + 1 < m.size() && static_cast<unsigned char>(m[i]) == 0xC4 &&
            (static_cast<unsigned char>(m[i + 1]) == 0x91 || static_cast<unsigned char>(m[i + 1]) == 0x90)) {
            out += 'd';
            ++i;
            continue;
        }
        out += m[i];
    }
    std::free(mapped);
    return out;
}

std::size_t utf8_length(std::string_view s) {
    std::size_t n = 0;
    for (unsigned char c : s)
        n += (c & 0xC0) != 0x80;
    return n;
}

std::size_t utf16_to_byte_offset(std::string_view s, std::size_t units) {
    std::size_t i = 0, seen = 0;
    while (i < s.size() && seen < units) {
        unsigned char c = static_cast<unsigned char>(s[i]);
        std::size_t len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 1;
        seen += len == 4 ? 2 : 1; // astral characters are two UTF-16 units
        i += len;
    }
    return i < s.size() ? i : s.size();
}

} // namespace cnscd
