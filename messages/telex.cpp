#include "messages/telex.hpp"

#include "messages/topics.hpp"

#include <algorithm>
#include <optional>
#include <unordered_set>

namespace cnscd {
namespace {

bool vowel(char c) {
    return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y';
}

bool letter(char c) {
    return c >= 'a' && c <= 'z';
}

// What a Vietnamese syllable may start and end with, folded: "dd" is telex for "đ". No
// Vietnamese syllable has s, f, r, x, j or w after its first consonants: there they are keys.
constexpr std::string_view initials[] = {"ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "th",
                                         "tr",  "qu", "dd", "b",  "c",  "d",  "g",  "h",  "k",
                                         "l",   "m",  "n",  "p",  "r",  "s",  "t",  "v",  "x"};
constexpr std::string_view finals[] = {"", "c", "ch", "m", "n", "ng", "nh", "p", "t"};

// Could `w` hold telex keys? Asked of every word: most are gone here, without a copy.
bool may_hold_keys(std::string_view w) {
    if (w.size() < 3 || w.size() > 12)
        return false;
    if (w.starts_with("dd"))
        return true;
    for (std::size_t i = 1; i < w.size(); ++i)
        if (w[i] == 's' || w[i] == 'f' || w[i] == 'r' || w[i] == 'x' || w[i] == 'j' || w[i] == 'w' ||
            ((w[i] == 'a' || w[i] == 'e' || w[i] == 'o') && w[i - 1] == w[i]))
            return true;
    return false;
}

// The syllable a telex word spells, folded, when it has telex keys and spells one.
std::optional<std::string> spelled(std::string_view w) {
    if (!may_hold_keys(w) || !std::all_of(w.begin(), w.end(), letter))
        return std::nullopt;
    std::string_view initial;
    for (auto i : initials)
        if (w.starts_with(i)) {
            initial = i;
            break;
        }
    auto rest = w.substr(initial.size());
    if (initial == "gi" && std::none_of(rest.begin(), rest.end(), vowel)) { // "gif" is "gì"
        initial = "g";
        rest = w.substr(1);
    }
    std::string out(initial == "dd" ? "d" : initial);
    bool keys = initial == "dd";
    int tones = 0;
    std::string rhyme;
    for (char c : rest) {
        if (c == 's' || c == 'f' || c == 'r' || c == 'x' || c == 'j') { // a tone: one at most
            if (++tones > 1)
                return std::nullopt;
            keys = true;
        } else if (c == 'w') { // ă, ơ, ư: after its vowel ("aw", "ow", "uw", "uoiw"), or ư alone
            if (rhyme.find_first_of("aou") == std::string::npos)
                rhyme += 'u';
            keys = true;
        } else if ((c == 'a' || c == 'e' || c == 'o') && !rhyme.empty() && rhyme.back() == c) {
            keys = true; // â, ê, ô
        } else {
            rhyme += c;
        }
    }
    auto vowels = std::min(rhyme.find_first_not_of("aeiouy"), rhyme.size()); // then the ending
    if (!keys || vowels == 0 || vowels > 3)
        return std::nullopt;
    auto ending = std::string_view(rhyme).substr(vowels);
    if (std::find(std::begin(finals), std::end(finals), ending) == std::end(finals))
        return std::nullopt;
    return out + rhyme;
}

// The folded words the bot reads: every word of a topic keyword, and the words of helping,
// counting and addressing the activity parser reads (not numbers: "hair" is no "hai"). Only
// these are taken from telex: a rule for every word would read English ones ("for" as "o",
// "this" as "thi").
const std::unordered_set<std::string_view>& known_words() {
    static const auto words = [] {
        std::unordered_set<std::string_view> out{
            "nguoi", "ho",   "cai",   "huong", "dan",   "giup",  "tro",  "dang", "ky",    "ki",
            "kich",  "hoat", "chi",   "mo",    "tap",   "huan",  "tu",   "van",  "tuyen", "truyen",
            "nop",   "nhac", "phat",  "cho",   "va",    "cung",  "nha",  "ngo",  "ngach", "hem",
            "kiet",  "khu",  "pho",   "thon",  "xom",   "hom",   "qua",  "nay",  "kia",   "ngay",
            "thang", "tuan", "truoc", "sang",  "chieu", "trua",  "toi",  "cu",   "ong",   "chau",
            "bac",   "vo",   "chong", "con",   "gia",   "dinh",  "khau", "em",   "tieu",  "thuong",
            "dai",   "bieu", "phu",   "huynh", "hoc",   "sinh",  "vien", "doan", "hoi",   "khoang",
            "hon",   "gan",  "duoc",  "xong",  "vai",   "nhieu", "so",   "luong"};
        for (auto& t : all_topics())
            for (std::string_view list = t.keywords; !list.empty();) {
                auto end = list.find_first_of(" |");
                auto word = list.substr(0, end);
                if (!word.empty() && std::all_of(word.begin(), word.end(), letter))
                    out.insert(word);
                list.remove_prefix(end == std::string_view::npos ? list.size() : end + 1);
            }
        return out;
    }();
    return words;
}

} // namespace

std::string untelex_word(std::string folded) {
    auto s = spelled(folded);
    // Two letters are read only with "f" or "j" ("hoj" is "hộ"): "bar", "max", "tee" are English.
    bool short_word = s && s->size() < 3 && !folded.ends_with('f') && !folded.ends_with('j');
    if (!s || short_word || known_words().contains(folded) || !known_words().contains(*s))
        return folded;
    return std::move(*s);
}

std::string untelex(std::string_view folded_text) {
    std::string out;
    out.reserve(folded_text.size());
    for (std::size_t i = 0; i < folded_text.size();) {
        if (!letter(folded_text[i])) {
            out += folded_text[i++];
            continue;
        }
        auto end = i;
        while (end < folded_text.size() && letter(folded_text[end]))
            ++end;
        auto word = folded_text.substr(i, end - i);
        if (may_hold_keys(word))
            out += untelex_word(std::string(word));
        else
            out += word;
        i = end;
    }
    return out;
}

} // namespace cnscd
