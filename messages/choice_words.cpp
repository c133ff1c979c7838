#include "messages/choice_words.hpp"

#include "messages/text_fold.hpp"

#include <algorithm>
#include <iterator>

namespace cnscd {
namespace {

// Folded words of `text`: runs of ASCII letters and digits (emoji and punctuation separate them).
std::vector<std::string> folded_words(std::string_view text) {
    std::vector<std::string> words;
    std::string word;
    for (char ch : fold(text)) {
        auto c = static_cast<unsigned char>(ch);
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
            word += ch;
        } else if (!word.empty()) {
            words.push_back(std::move(word));
            word.clear();
        }
    }
    if (!word.empty())
        words.push_back(std::move(word));
    return words;
}

// Said around an answer, not part of it: "dạ nộp ạ", "hủy đi", "nộp luôn nhé", "ok gửi".
bool courtesy(std::string_view w) {
    static constexpr std::string_view words[] = {"da",   "a",   "vang", "nhe", "nha",   "nhe", "di",
                                                 "luon", "roi", "chon", "muc", "ok",    "oke", "em",
                                                 "minh", "oi",  "bot",  "the", "please"};
    return std::ranges::find(words, w) != std::end(words);
}

constexpr std::size_t max_answer_words = 5;

} // namespace

words_pick choice_named(const std::vector<std::string>& labels, std::string_view text) {
    words_pick pick;
    std::vector<std::string> asked;
    auto all = folded_words(text);
    if (all.size() > max_answer_words + 3)
        return pick;
    for (auto& w : all)
        if (!courtesy(w))
            asked.push_back(w);
    if (asked.empty() || asked.size() > max_answer_words)
        return pick;
    std::size_t fewest = 0;
    for (std::size_t i = 0; i < labels.size(); ++i) {
        auto words = folded_words(labels[i]);
        bool holds = std::ranges::all_of(
            asked, [&](const std::string& w) { return std::ranges::find(words, w) != words.end(); });
        if (!holds)
            continue;
        if (pick.candidates.empty() || words.size() < fewest) {
            pick.candidates.assign(1, i);
            fewest = words.size();
        } else if (words.size() == fewest) {
            pick.candidates.push_back(i);
        }
    }
    if (pick.candidates.size() == 1) {
        pick.what = words_pick::outcome::one;
        pick.index = pick.candidates.front();
    } else if (pick.candidates.size() > 1) {
        pick.what = words_pick::outcome::several;
    }
    return pick;
}

std::string label_words(std::string_view label) {
    // Up to the first letter or digit: what is before it is decoration.
    std::size_t i = 0;
    while (i < label.size()) {
        std::size_t len = 1;
        auto c = static_cast<unsigned char>(label[i]);
        if (c >= 0xF0)
            len = 4;
        else if (c >= 0xE0)
            len = 3;
        else if (c >= 0xC0)
            len = 2;
        if (has_letter_or_digit(label.substr(i, len)))
            break;
        i += len;
    }
    return std::string(trim(label.substr(std::min(i, label.size()))));
}

} // namespace cnscd
