#include "messages/small_talk.hpp"

#include "messages/text_fold.hpp"

#include <algorithm>
#include <array>

namespace cnscd {
namespace {

// The text folded, its punctuation ("chào bot!", "alo?") turned to spaces, and a space at each
// end, so that " chao " finds whole words only.
std::string padded_words(std::string_view text) {
    auto folded = fold(trim(text));
    for (auto& c : folded)
        if (c == '!' || c == '?' || c == '.' || c == ',')
            c = ' ';
    return " " + folded + " ";
}

template <std::size_t N>
bool contains_any(const std::string& words, const std::array<const char*, N>& phrases) {
    return std::ranges::any_of(phrases, [&](const char* p) { return words.find(p) != std::string::npos; });
}

} // namespace

bool greets_or_asks_how(std::string_view text) {
    auto words = padded_words(text);
    static constexpr std::array greetings = {" xin chao ", " chao ", " alo ", " a lo ",
                                             " hello ",    " hi ",   " helo "};
    if (std::ranges::any_of(greetings, [&](const char* g) { return words.starts_with(g); }))
        return true;
    // About using the bot, not about a topic: "cài VNeID thế nào?" is a question for /tailieu.
    static constexpr std::array asks = {
        " lam sao de dung ", " dung the nao ", " dung sao ", " cach dung ", " su dung ",        " giup toi ",
        " giup voi ",        " giup chau ",    " giup em ",  " bat dau ",   " khong biet dung "};
    return contains_any(words, asks);
}

bool asks_a_question(std::string_view text) {
    // When and where, which only people can answer; "cài VNeID thế nào?" is one for /tailieu.
    static constexpr std::array question_words = {" may gio ", " khi nao ",    " bao gio ",   " o dau ",
                                                  " luc nao ", " phai khong ", " duoc khong "};
    return contains_any(padded_words(text), question_words);
}

} // namespace cnscd
