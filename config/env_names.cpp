#include "config/env_names.hpp"

#include "config/edit_distance.hpp"
#include "config/load_config.hpp"

#include <algorithm>
#include <string_view>

namespace cnscd {

namespace {

// Words people write for the ones the bot's names use: CNSCD_DATABASE means CNSCD_DB, and
// CNSCD_PORT means CNSCD_LISTEN, though spelling alone points elsewhere (CNSCD_DATA_KEY).
std::string_view usual_word(std::string_view w) {
    static constexpr std::pair<std::string_view, std::string_view> synonyms[] = {
        {"DATABASE", "DB"},    {"SQLITE", "DB"},     {"DBPATH", "DB"},        {"TZ", "TIMEZONE"},
        {"ZONE", "TIMEZONE"},  {"PORT", "LISTEN"},   {"HOST", "LISTEN"},      {"ADDR", "LISTEN"},
        {"ADDRESS", "LISTEN"}, {"BIND", "LISTEN"},   {"LOGLEVEL", "LEVEL"},   {"KEYFILE", "FILE"},
        {"USER", "USERNAME"},  {"NAME", "USERNAME"}, {"SECRETKEY", "SECRET"}, {"APPID", "APP"},
    };
    for (auto [word, usual] : synonyms)
        if (w == word)
            return usual;
    return w;
}

std::vector<std::string_view> words_of(std::string_view name) {
    std::vector<std::string_view> out;
    while (!name.empty()) {
        auto cut = name.find('_');
        if (cut != 0)
            out.push_back(usual_word(name.substr(0, cut)));
        if (cut == std::string_view::npos)
            break;
        name.remove_prefix(cut + 1);
    }
    return out;
}

// How many of the written name's words the known name has, a one-letter slip in a long word
// forgiven: TELEGRAM_TOKEN shares two with TELEGRAM_BOT_TOKEN and one with TELEGRAM_MODE.
std::size_t shared_words(std::string_view written, std::string_view known) {
    auto theirs = words_of(known);
    std::size_t n = 0;
    for (auto w : words_of(written))
        n += std::any_of(theirs.begin(), theirs.end(), [&](std::string_view k) {
            return k == w || (w.size() >= 4 && k.size() >= 4 && edit_distance(w, k) <= 1);
        });
    return n;
}

} // namespace

std::vector<std::string_view> known_env_names() {
    auto known = config_env_names();
    // Read by the test harness (the bot's log file) and the bench scripts (the binary), not by
    // the bot: set beside its own, they are no misspelling.
    known.insert(known.end(), {"CNSCD_TEST_LOG", "CNSCD_BOT"});
    return known;
}

std::vector<std::string> unread_env_warnings(const std::vector<std::string>& names) {
    auto known = known_env_names();
    auto meant = config_env_names(); // the harness's own names are never the one meant
    std::vector<std::string> out;
    for (auto& name : names) {
        if (!name.starts_with("CNSCD_") && !name.starts_with("TELEGRAM_") && !name.starts_with("ZALO_"))
            continue;
        if (std::find(known.begin(), known.end(), name) != known.end())
            continue;
        // The known name that shares the most words with it, then the fewest edits: spelling
        // alone made TELEGRAM_TOKEN "TELEGRAM_MODE?" and CNSCD_DATABASE "CNSCD_DATA_KEY?".
        std::string_view nearest;
        std::size_t best_words = 0, best_edits = 0;
        for (auto k : meant) {
            auto words = shared_words(name, k);
            auto edits = edit_distance(name, k);
            if (nearest.empty() || words > best_words || (words == best_words && edits < best_edits)) {
                nearest = k;
                best_words = words;
                best_edits = edits;
            }
        }
        out.push_back("environment variable " + name +
                      " is set but cnscd-bot does not read it; did you mean " + std::string(nearest) +
                      "? (README.md, \"Configuration\" lists the variables)");
    }
    return out;
}

} // namespace cnscd
