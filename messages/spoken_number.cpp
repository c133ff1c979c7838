#include "messages/spoken_number.hpp"

#include "messages/text_fold.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <string>

namespace cnscd {
namespace {

// Digits 1-9 in words. "lăm"/"nhăm" (5), "mốt" (1) and "tư" (4) are the forms used after a
// ten ("hai mươi lăm", "ba mươi mốt", "bốn mươi tư"); "tư" alone is also 4 ("tư người").
std::optional<int> digit_word(std::string_view w, bool after_ten) {
    static const std::pair<std::string_view, int> vi[] = {{"mot", 1}, {"hai", 2}, {"ba", 3},  {"bon", 4},
                                                          {"tu", 4},  {"nam", 5}, {"sau", 6}, {"bay", 7},
                                                          {"tam", 8}, {"chin", 9}};
    for (auto [name, value] : vi)
        if (w == name)
            return value;
    if (after_ten && (w == "lam" || w == "nham"))
        return 5;
    static const std::pair<std::string_view, int> en[] = {{"one", 1},   {"two", 2},   {"three", 3},
                                                          {"four", 4},  {"five", 5},  {"six", 6},
                                                          {"seven", 7}, {"eight", 8}, {"nine", 9}};
    for (auto [name, value] : en)
        if (w == name)
            return value;
    return std::nullopt;
}

std::optional<int> english_teen_or_ten(std::string_view w) {
    static const std::string_view names[] = {"ten",     "eleven",  "twelve",    "thirteen", "fourteen",
                                             "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"};
    for (std::size_t k = 0; k < std::size(names); ++k)
        if (w == names[k])
            return static_cast<int>(10 + k);
    return std::nullopt;
}

std::optional<int> english_tens(std::string_view w) {
    static const std::string_view names[] = {"twenty", "thirty",  "forty",  "fifty",
                                             "sixty",  "seventy", "eighty", "ninety"};
    for (std::size_t k = 0; k < std::size(names); ++k)
        if (w == names[k])
            return static_cast<int>(20 + 10 * k);
    return std::nullopt;
}

// "30", or "1.000" and "10.000": Vietnamese groups thousands with dots; "1,000", as an English
// keyboard suggests, is grouped the same (one separator throughout).
std::optional<long> digits(std::string_view w) {
    char separator = 0;
    long n = 0;
    auto [end, ec] = std::from_chars(w.data(), w.data() + w.size(), n);
    if (ec != std::errc() || n > 1'000'000)
        return std::nullopt;
    if (end != w.data() + w.size() && end - w.data() > 3)
        return std::nullopt; // "1000.5" is not grouped
    while (end != w.data() + w.size()) {
        long group = 0;
        auto rest = std::string_view(end, static_cast<std::size_t>(w.data() + w.size() - end));
        if (rest.size() < 4 || (rest[0] != '.' && rest[0] != ',') || (separator && rest[0] != separator) ||
            !std::isdigit(static_cast<unsigned char>(rest[1])))
            return std::nullopt;
        separator = rest[0];
        auto r = std::from_chars(rest.data() + 1, rest.data() + rest.size(), group);
        if (r.ec != std::errc() || r.ptr - rest.data() != 4 || n > 1'000'000)
            return std::nullopt;
        n = n * 1000 + group;
        end = r.ptr;
    }
    if (n > 1'000'000)
        return std::nullopt;
    return n;
}

// Can a number start with this word? Most words of a message cannot, and this is asked for
// every word of every /tham: by length first, then a few comparisons.
bool may_start_a_number(std::string_view w) {
    if (w.empty())
        return false;
    if (std::isdigit(static_cast<unsigned char>(w[0])) || w.find('-') != std::string_view::npos)
        return true;
    auto any = [w](std::initializer_list<std::string_view> names) {
        for (auto n : names)
            if (w == n)
                return true;
        return false;
    };
    switch (w.size()) {
    case 2:
        return any({"ba", "tu"});
    case 3:
        return any({"mot", "hai", "bon", "nam", "sau", "bay", "tam", "one", "two", "six", "ten"});
    case 4:
        return any({"chin", "muoi", "chuc", "tram", "ngan", "four", "five", "nine"});
    case 5:
        return any({"nghin", "three", "seven", "eight", "forty", "fifty", "sixty"});
    case 6:
        return any({"eleven", "twelve", "twenty", "thirty", "eighty", "ninety"});
    case 7:
        return any({"fifteen", "sixteen", "seventy", "hundred"});
    case 8:
        return any({"thirteen", "fourteen", "eighteen", "nineteen", "thousand"});
    case 9:
        return w == "seventeen";
    default:
        return false;
    }
}

} // namespace

bool spelled_as_number(std::string_view written, bool accented_text) {
    while (!written.empty() && std::ispunct(static_cast<unsigned char>(written.back())))
        written.remove_suffix(1); // "Bảy," is "bảy"
    while (!written.empty() && std::ispunct(static_cast<unsigned char>(written.front())))
        written.remove_prefix(1);
    bool plain = std::all_of(written.begin(), written.end(),
                             [](char c) { return static_cast<unsigned char>(c) < 0x80; });
    if (plain && (!accented_text || written.empty() || std::isdigit(static_cast<unsigned char>(written[0]))))
        return true;
    // The number words that have tone marks, and the same without them; "hai", "ba" and "linh"
    // have none.
    static const std::string_view marked[] = {"một",  "mốt",  "bốn",   "tư",   "năm",  "lăm",  "nhăm",
                                              "sáu",  "bảy",  "bẩy",   "tám",  "chín", "mười", "mươi",
                                              "chục", "trăm", "nghìn", "ngàn", "lẻ"};
    static const std::string_view unmarked[] = {"mot", "bon",  "tu",   "nam",  "lam",  "nham",  "sau",  "bay",
                                                "tam", "chin", "muoi", "chuc", "tram", "nghin", "ngan", "le"};
    if (plain) {
        std::string w(written);
        for (auto& c : w)
            c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        return std::find(std::begin(unmarked), std::end(unmarked), w) == std::end(unmarked);
    }
    auto w = lower_marked(written);
    return std::find(std::begin(marked), std::end(marked), w) != std::end(marked);
}

// "1,5 chục" (15), "2.5 trăm" (250): a one-decimal number of tens, hundreds or thousands.
std::optional<spoken_number> decimal_of_tens(std::span<const std::string_view> words) {
    if (words.size() < 2)
        return std::nullopt;
    auto w = words[0];
    auto unit = words[1] == "chuc"                          ? 10
                : words[1] == "tram"                        ? 100
                : words[1] == "nghin" || words[1] == "ngan" ? 1000
                                                            : 0;
    auto sep = w.find_first_of(".,");
    if (unit == 0 || sep == std::string_view::npos || sep == 0 || sep > 3 || sep + 2 != w.size() ||
        !std::isdigit(static_cast<unsigned char>(w.back())))
        return std::nullopt;
    long whole = 0;
    if (std::from_chars(w.data(), w.data() + sep, whole).ptr != w.data() + sep)
        return std::nullopt;
    return spoken_number{whole * unit + (w.back() - '0') * unit / 10, 2};
}

std::optional<spoken_number> read_spoken_number(std::span<const std::string_view> words) {
    if (words.empty() || !may_start_a_number(words[0]))
        return std::nullopt;
    if (auto n = decimal_of_tens(words))
        return n;
    // What the last word was decides what may follow it.
    enum class last { nothing, digit, number, ten, tens, hundred, zero_tens, thousand, done };
    last state = last::nothing;
    long total = 0; // thousands already closed
    long group = 0; // below a thousand
    int last_digit = 0;
    std::size_t used = 0;
    for (; used < words.size(); ++used) {
        std::string_view w = words[used];
        if (used > 0 && !may_start_a_number(w) && w != "lam" && w != "nham" && w != "linh" && w != "le" &&
            w != "and")
            break; // the usual case: the number is over
        // "twenty-five" is one word as typed.
        if (auto dash = w.find('-'); dash != std::string_view::npos && state == last::nothing) {
            auto tens = english_tens(w.substr(0, dash));
            auto unit = digit_word(w.substr(dash + 1), true);
            if (!tens || !unit)
                break;
            group = *tens + *unit;
            state = last::done;
            continue;
        }
        bool after_ten = state == last::ten || state == last::tens;
        if (auto n = digits(w); n && state == last::nothing) {
            group = *n;
            state = *n < 1000 ? last::number : last::done;
        } else if (auto d = digit_word(w, after_ten);
                   d && (state == last::nothing || state == last::hundred || state == last::zero_tens ||
                         state == last::thousand || after_ten)) {
            if (state == last::nothing)
                group = *d;
            else
                group += *d;
            last_digit = *d;
            state = state == last::nothing || state == last::hundred || state == last::thousand ? last::digit
                                                                                                : last::done;
        } else if (auto t = english_teen_or_ten(w); t && w != "ten" && state == last::nothing) {
            group = *t;
            state = last::done;
        } else if (auto t = english_tens(w); t && (state == last::nothing || state == last::hundred)) {
            group += *t;
            state = last::tens;
        } else if (w == "muoi" || w == "ten") {
            if (state == last::digit && last_digit > 0 && w == "muoi") {
                group += last_digit * 9; // "hai mươi": the digit was tens, not units
                state = last::tens;
            } else if (state == last::nothing || state == last::hundred || state == last::thousand) {
                group += 10; // "mười", "một trăm mười"
                state = last::ten;
            } else {
                break;
            }
        } else if (w == "chuc") { // "2 chục", "hai chục": tens
            if (state == last::digit || (state == last::number && group < 100))
                group = group * 10;
            else if (state == last::nothing)
                group = 10;
            else
                break;
            state = last::done;
        } else if (w == "tram" || w == "hundred") {
            if ((state == last::digit || state == last::number) && group < 10)
                group *= 100;
            else if (state == last::nothing)
                group = 100;
            else
                break;
            state = last::hundred;
        } else if ((w == "linh" || w == "le" || w == "and") && state == last::hundred) {
            state = last::zero_tens;
        } else if (w == "nghin" || w == "ngan" || w == "thousand") {
            if (state == last::nothing)
                group = 1;
            else if (state == last::zero_tens || group == 0 || group >= 1000)
                break;
            total += group * 1000;
            group = 0;
            state = last::thousand;
        } else {
            break;
        }
    }
    // "một trăm linh" without the unit, or "and" left hanging: give back the dangling word.
    if (state == last::zero_tens)
        --used;
    if (used == 0)
        return std::nullopt;
    return spoken_number{total + group, used};
}

} // namespace cnscd
