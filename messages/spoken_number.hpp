#pragma once

// Head counts as members write them in words: "ba mươi", "hai mươi lăm", "một trăm linh năm",
// "2 chục", "twenty-five".

#include <cstddef>
#include <optional>
#include <span>
#include <string_view>

namespace cnscd {

struct spoken_number {
    long value = 0;
    std::size_t words = 0; // how many of the given words it took
};

// Reads the longest number at the start of `words` (folded: no accents, lower case). Digits
// count as a word ("2 chục" is 20). Folding makes "mười" (ten) and "mươi" (tens) the same word,
// so "muoi" is 10 alone or first and multiplies a digit before it. Nothing when the first word
// is not a number.
std::optional<spoken_number> read_spoken_number(std::span<const std::string_view> words);

// Whether a word as written may be a number word: written with tone marks, it must carry those
// of one ("bà", a grandmother, folds to "ba", three, but is no number). In an unaccented message
// a word is taken by its folded form ("ba nguoi" is three); in a message written with tone
// marks (`accented_text`), a word left without them is not a number whose spelling has some:
// "sau" is "after", not "sáu" (six).
bool spelled_as_number(std::string_view written, bool accented_text = false);

} // namespace cnscd
