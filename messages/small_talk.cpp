#include "messages/small_talk.hpp"

#include "messages/text_fold.hpp"

#include <array>

namespace cnscd {

bool greets_or_asks_how(std::string_view text) {
    auto folded = fold(trim(text));
    // Punctuation ("chào bot!", "alo?") is no part of the words.
    for (auto& c : folded)
        if (c == '!' || c == '?' || c == '.' || c == ',')
            c = ' ';
    std::string words = " " + folded + " ";
    static constexpr std::array greetings = {" xin chao ", " chao ", " alo ", " a lo ",
                                             " hello ",    " hi ",   " helo "};
    for (auto g : greetings)
        if (words.starts_with(g))
            return true;
    // About using the bot, not about a topic: "cài VNeID thế nào?" is a question for /tailieu.
    static constexpr std::array asks = {
        " lam sao de dung ", " dung the nao ", " dung sao ", " cach dung ", " su dung ",        " giup toi ",
        " giup voi ",        " giup chau ",    " giup em ",  " bat dau ",   " khong biet dung "};
    for (auto a : asks)
        if (words.find(a) != std::string::npos)
            return true;
    return false;
}

bool asks_a_question(std::string_view text) {
    // When and where, which only people can answer; "cài VNeID thế nào?" is one for /tailieu.
    auto folded = fold(trim(text));
    for (auto& c : folded)
        if (c == '!' || c == '?' || c == '.' || c == ',')
            c = ' ';
    std::string words = " " + folded + " ";
    static constexpr std::array question_words = {" may gio ", " khi nao ",    " bao gio ",   " o dau ",
                                                  " luc nao ", " phai khong ", " duoc khong "};
    for (auto q : question_words)
        if (words.find(q) != std::string::npos)
            return true;
    return false;
}

} // namespace cnscd
