#include "messages/text_fold.hpp"

#include <utf8proc.h>

#include <algorithm>
#include <array>
#include <cstdlib>
#include <cstring>

namespace cnscd {

namespace {

// Decodes one code point at `i`; returns its byte length, or 0 if the sequence is invalid.
std::size_t decode(std::string_view s, std::size_t i, utf8proc_int32_t& cp) {
    auto n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(s.data() + i),
                              static_cast<utf8proc_ssize_t>(s.size() - i), &cp);
    return n > 0 ? static_cast<std::size_t>(n) : 0;
}

bool space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

} // namespace

std::string_view trim(std::string_view s) {
    while (!s.empty() && space(s.front()))
        s.remove_prefix(1);
    while (!s.empty() && space(s.back()))
        s.remove_suffix(1);
    return s;
}

std::vector<std::string_view> split_words(std::string_view s) {
    std::vector<std::string_view> out;
    std::size_t i = 0;
    while (i < s.size()) {
        while (i < s.size() && space(s[i]))
            ++i;
        std::size_t j = i;
        while (j < s.size() && !space(s[j]))
            ++j;
        if (j > i)
            out.push_back(s.substr(i, j - i));
        i = j;
    }
    return out;
}

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

namespace {

// utf8proc's fold (NFD, marks stripped, case-folded) of one code point, with đ -> d.
std::string fold_code_point(utf8proc_int32_t cp) {
    utf8proc_uint8_t bytes[4];
    auto len = utf8proc_encode_char(cp, bytes);
    utf8proc_uint8_t* mapped = nullptr;
    auto n = utf8proc_map(
        bytes, len, &mapped,
        static_cast<utf8proc_option_t>(UTF8PROC_DECOMPOSE | UTF8PROC_STRIPMARK | UTF8PROC_CASEFOLD));
    if (n < 0)
        return std::string(reinterpret_cast<const char*>(bytes), static_cast<std::size_t>(len));
    std::string out(reinterpret_cast<const char*>(mapped), static_cast<std::size_t>(n));
    std::free(mapped);
    // đ (U+0111) and Đ (U+0110, case-folded to đ) have no decomposition.
    if (out == "\u0111")
        out = "d";
    return out;
}

// Every code point below U+2000 (Latin with Vietnamese's U+1EA0-U+1EF9, Greek, Cyrillic, the
// combining marks) folded once: folding is on every message's hot path, and a table lookup
// costs a fraction of a utf8proc_map call with its allocation.
constexpr utf8proc_int32_t table_end = 0x2000;

struct folded_char {
    char bytes[7];
    unsigned char size;
};

const std::array<folded_char, table_end>& fold_table() {
    static const auto table = [] {
        std::array<folded_char, table_end> t{};
        for (utf8proc_int32_t cp = 0; cp < table_end; ++cp) {
            auto f = fold_code_point(cp);
            auto n = std::min(f.size(), sizeof(folded_char::bytes));
            std::memcpy(t[static_cast<std::size_t>(cp)].bytes, f.data(), n);
            t[static_cast<std::size_t>(cp)].size = static_cast<unsigned char>(n);
        }
        return t;
    }();
    return table;
}

} // namespace

std::string fold(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    // Most command words and many message words are plain ASCII: lower-casing is enough.
    std::size_t i = 0;
    for (; i < text.size() && static_cast<unsigned char>(text[i]) < 0x80; ++i) {
        auto c = text[i];
        out += c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
    }
    if (i == text.size())
        return out;
    auto& table = fold_table();
    while (i < text.size()) {
        auto c = static_cast<unsigned char>(text[i]);
        if (c < 0x80) {
            out += c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : static_cast<char>(c);
            ++i;
            continue;
        }
        utf8proc_int32_t cp;
        auto n = decode(text, i, cp);
        if (n == 0) {
            cp = 0xFFFD; // an invalid byte reads as the replacement character, as sanitize_utf8 does
            n = 1;
        }
        if (cp < table_end) {
            auto& f = table[static_cast<std::size_t>(cp)];
            out.append(f.bytes, f.size);
        } else {
            out += fold_code_point(cp);
        }
        i += n;
    }
    return out;
}

std::string lower_marked(std::string_view text) {
    if (std::all_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; })) {
        std::string out(text);
        for (auto& c : out)
            c = c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
        return out;
    }
    utf8proc_uint8_t* mapped = nullptr;
    auto n = utf8proc_map(
        reinterpret_cast<const utf8proc_uint8_t*>(text.data()), static_cast<utf8proc_ssize_t>(text.size()),
        &mapped, static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD));
    if (n < 0)
        return std::string(text);
    std::string out(reinterpret_cast<const char*>(mapped), static_cast<std::size_t>(n));
    std::free(mapped);
    return out;
}

bool has_marks(std::string_view text) {
    for (std::size_t i = 0; i < text.size();) {
        if (static_cast<unsigned char>(text[i]) < 0x80) {
            ++i;
            continue;
        }
        utf8proc_int32_t cp = 0;
        auto n = decode(text, i, cp);
        // Latin letters with marks (đ, ơ, ư included), combining marks, Vietnamese's own block.
        if ((cp >= 0xC0 && cp <= 0x24F && cp != 0xD7 && cp != 0xF7) || (cp >= 0x300 && cp <= 0x36F) ||
            (cp >= 0x1E00 && cp <= 0x1EFF))
            return true;
        i += n > 0 ? n : 1;
    }
    return false;
}

bool has_letter_or_digit(std::string_view text) {
    for (std::size_t i = 0; i < text.size();) {
        utf8proc_int32_t cp = 0;
        auto n = decode(text, i, cp);
        if (n == 0) {
            ++i;
            continue;
        }
        auto cat = utf8proc_category(cp);
        if ((cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO) ||
            (cat >= UTF8PROC_CATEGORY_ND && cat <= UTF8PROC_CATEGORY_NO))
            return true;
        i += n;
    }
    return false;
}

std::size_t utf8_length(std::string_view s) {
    std::size_t n = 0;
    for (unsigned char c : s)
        n += (c & 0xC0) != 0x80;
    return n;
}

std::string cut_after_chars(std::string_view text, std::size_t chars) {
    std::size_t count = 0, i = 0;
    for (; i < text.size() && count < chars; ++i)
        count += (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80;
    while (i < text.size() && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80)
        ++i; // the rest of the last character's sequence
    return i < text.size() ? std::string(text.substr(0, i)) + "…" : std::string(text);
}

std::size_t utf16_length(std::string_view s) {
    std::size_t n = 0;
    for (unsigned char c : s)
        if ((c & 0xC0) != 0x80) // a continuation byte adds nothing
            n += c >= 0xF0 ? 2 : 1;
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

bool starts_upper(std::string_view word) {
    utf8proc_int32_t cp = 0;
    auto n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(word.data()),
                              static_cast<utf8proc_ssize_t>(word.size()), &cp);
    return n > 0 && utf8proc_tolower(cp) != cp;
}

} // namespace cnscd
