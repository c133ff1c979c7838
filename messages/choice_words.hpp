#pragma once

// An answer in words to a numbered question: where there are no buttons a member reads the list
// "1. 📤 Nộp báo cáo  2. ✍️ Thêm ghi chú rồi nộp" and may well type "nộp" or "ghi chú"
// instead of the number. Accent- and case-insensitive, like commands.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace cnscd {

struct words_pick {
    enum class outcome {
        none,    // names no choice: not an answer in words
        one,     // names choice `index`
        several, // fits `candidates` equally: ask for the number
    };
    outcome what = outcome::none;
    std::size_t index = 0;
    std::vector<std::size_t> candidates; // 0-based, for `several`
};

// Which of `labels` the words of `text` name: a label holding every word of it (courtesy words
// such as "dạ", "ạ", "nhé", "rồi" aside); when several do, the one with the fewest words ("nộp"
// is "Nộp báo cáo" rather than "Thêm ghi chú rồi nộp"). A sentence (more than five words) is
// chatter, not an answer, and so is text without a letter or digit.
words_pick choice_named(const std::vector<std::string>& labels, std::string_view text);

// `label` as it reads without its leading emoji and spaces: "Nộp báo cáo" for "📤 Nộp báo cáo".
std::string label_words(std::string_view label);

} // namespace cnscd
