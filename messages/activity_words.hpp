#pragma once

// The words of a /tham or /buoi as the activity parser reads them, and the small tests it asks
// of each word. Internal to the parser's files (activity_parser, head_count, activity_dates).

#include <algorithm>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace cnscd::activity_detail {

struct token {
    std::string_view raw; // as written
    std::string folded;   // folded, punctuation trimmed
};

inline bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

std::vector<token> tokenize(std::string_view s);

// Is `w` one of `words`? Asked for every word of every message: the first letters are compared
// before the rest, which most words never get to.
inline bool one_of(std::string_view w, std::span<const std::string_view> words) {
    return !w.empty() && std::any_of(words.begin(), words.end(), [w](std::string_view x) {
        return x.size() == w.size() && x[0] == w[0] && x == w;
    });
}

// Written without tone marks or any other letter outside ASCII.
inline bool plain(std::string_view raw) {
    return std::all_of(raw.begin(), raw.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

// Is the word, without the punctuation around it, `spelled` (lower case, tone marks and all)?
// Words typed on a phone are composed, in lower case or with a capital first letter: compared as
// they are; only others ("Ông", marks typed apart) are lower-cased and composed by utf8proc.
bool spelled_as(std::string_view raw, std::string_view spelled);

// Is the token the word `folded`, written with the tone marks of `spelled` or with none at all?
// "ngày" (day) and unaccented "ngay" are; "ngáy" (to snore) is not.
inline bool written_as(const token& t, std::string_view folded, std::string_view spelled) {
    return !t.folded.empty() && t.folded[0] == folded[0] && t.folded == folded &&
           (plain(t.raw) || spelled_as(t.raw, spelled));
}

// The words from token `first`, `n` of them, as written: "hôm trước", "31 tháng 2".
std::string phrase(const std::vector<token>& toks, std::size_t first, std::size_t n);

} // namespace cnscd::activity_detail
