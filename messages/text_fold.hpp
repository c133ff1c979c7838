#pragma once

// Accent- and case-insensitive matching for Vietnamese: "Báo cáo", "bao cao" and "BAO CAO"
// all fold to "bao cao". NFD, drop combining marks, case-fold, đ/Đ -> d (utf8proc).

#include <string>
#include <string_view>
#include <vector>

namespace cnscd {

// `text` without the spaces, tabs and line breaks around it.
std::string_view trim(std::string_view text);

// The words of `text`, split on spaces, tabs and line breaks.
std::vector<std::string_view> split_words(std::string_view text);

// Folds `text`; invalid UTF-8 bytes are dropped rather than failing.
std::string fold(std::string_view text);

// `text` in lower case with its tone marks kept and composed: "Bảy" -> "bảy". Folding makes
// "bà" (grandmother) and "ba" (three) one word; this tells them apart.
std::string lower_marked(std::string_view text);

// True when a letter of `text` carries a mark: "số", "đi", "ngõ" (Vietnamese is written with
// them), not "so", "di" or "👍".
bool has_marks(std::string_view text);

// True when `text` has a letter or a digit in any script: "👍" and "🎉🎉" have none.
bool has_letter_or_digit(std::string_view text);

// True when `text` is valid UTF-8.
bool valid_utf8(std::string_view text);

// Replaces invalid UTF-8 sequences with U+FFFD so the text can be stored and echoed safely.
std::string sanitize_utf8(std::string_view text);

// True when the word's first letter is a capital ("Cái", "Đình"), in any script utf8proc knows.
bool starts_upper(std::string_view word);

// Number of Unicode code points.
std::size_t utf8_length(std::string_view text);

// `text` cut after its first `chars` characters (code points, never inside one), with "…" when
// anything was cut: a list's long name, a message quoted back.
std::string cut_after_chars(std::string_view text, std::size_t chars);

// Number of UTF-16 code units: how the platforms count a message's length (an emoji beyond the
// BMP takes two).
std::size_t utf16_length(std::string_view text);

// Telegram counts entity offsets in UTF-16 code units; converts such an offset into a byte
// offset of `text` (clamped to its size).
std::size_t utf16_to_byte_offset(std::string_view text, std::size_t utf16_offset);

} // namespace cnscd
