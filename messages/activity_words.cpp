#include "messages/activity_words.hpp"

#include "messages/activity_parser.hpp"
#include "messages/telex.hpp"
#include "messages/text_fold.hpp"

#include <cctype>

namespace cnscd {
namespace activity_detail {

namespace {

token make_token(std::string_view raw) {
    auto f = fold(raw);
    // "ng`" is "người" with its grave accent typed after it, as phone users abbreviate it.
    while (!f.empty() &&
           (f.back() == ',' || f.back() == '.' || f.back() == ';' || f.back() == ':' || f.back() == ')' ||
            f.back() == '!' || f.back() == '?' || f.back() == '`' || f.back() == '\'' || f.back() == '~'))
        f.pop_back();
    // " :cài vneid": a colon or comma typed before the word, not after the one before.
    while (!f.empty() && (f.front() == '(' || f.front() == ',' || f.front() == ':' || f.front() == ';'))
        f.erase(f.begin());
    // "3 nguoif", "caif vneid", "huwowngs daanx": typed with the keyboard not switched to
    // Vietnamese, the telex keys are left in the word (telex.hpp).
    return {raw, untelex_word(std::move(f))};
}

// Where a comma, semicolon or colon typed without a space after it ends a word: "số 5,cài
// vneid,2 người" is read as "số 5, cài vneid, 2 người", not as "vneid,2" with its count lost.
// "12,5" and "8:30" (digits on both sides) stay one word. A full stop only between a word and a
// number ("vneid.2 người"): "1.000", "P.5" (phường 5) and "TP.HCM" stay one word. npos when none does.
std::size_t bare_comma_end(std::string_view w) {
    auto digit = [&](std::size_t i) { return std::isdigit(static_cast<unsigned char>(w[i])) != 0; };
    for (std::size_t i = 1; i + 1 < w.size(); ++i) {
        if (w[i] == '.' && i >= 3 && digit(i + 1) && !digit(i - 1) && !digit(i - 2) && !digit(i - 3) &&
            std::isalpha(static_cast<unsigned char>(w[i - 1])))
            return i + 1;
        if (w[i] != ',' && w[i] != ';' && w[i] != ':')
            continue;
        bool digits = digit(i - 1) && digit(i + 1);
        if (!digits && w[i + 1] != ',' && w[i + 1] != ';' && w[i + 1] != ':' && w[i + 1] != '/')
            return i + 1;
    }
    return std::string_view::npos;
}

} // namespace

std::vector<token> tokenize(std::string_view s) {
    std::vector<token> out;
    for (auto raw : split_words(s)) {
        // The comma stays with the word before, as when a space follows it.
        for (auto end = bare_comma_end(raw); end != std::string_view::npos; end = bare_comma_end(raw)) {
            out.push_back(make_token(raw.substr(0, end)));
            raw.remove_prefix(end);
        }
        out.push_back(make_token(raw));
    }
    return out;
}

bool spelled_as(std::string_view raw, std::string_view spelled) {
    while (!raw.empty() && std::ispunct(static_cast<unsigned char>(raw.back())))
        raw.remove_suffix(1);
    while (!raw.empty() && std::ispunct(static_cast<unsigned char>(raw.front())))
        raw.remove_prefix(1);
    if (raw == spelled)
        return true;
    if (raw.empty() || spelled.empty())
        return false;
    // "Người" is compared at once; "NGƯỜI" (typed with caps lock) goes on to utf8proc.
    if (raw[0] >= 'A' && raw[0] <= 'Z' && raw[0] - 'A' + 'a' == spelled[0] &&
        raw.substr(1) == spelled.substr(1))
        return true;
    return lower_marked(raw) == spelled;
}

std::string phrase(const std::vector<token>& toks, std::size_t first, std::size_t n) {
    auto begin = toks[first].raw.data();
    auto& last = toks[first + n - 1].raw;
    std::string_view out(begin, static_cast<std::size_t>(last.data() + last.size() - begin));
    while (!out.empty() && std::ispunct(static_cast<unsigned char>(out.back())))
        out.remove_suffix(1);
    return std::string(out);
}

} // namespace activity_detail

bool address_word(std::string_view w) {
    static const std::string_view words[] = {"so",   "ngo",   "ngach", "hem", "kiet",  "to",  "khu",
                                             "pho",  "thon",  "xom",   "ap",  "lo",    "can", "phong",
                                             "tang", "duong", "khoi",  "kp",  "block", "nha"};
    return activity_detail::one_of(w, words);
}

} // namespace cnscd
