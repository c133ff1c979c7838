#include "config/env_names.hpp"

#include "config/edit_distance.hpp"
#include "config/load_config.hpp"

#include <algorithm>
#include <string_view>

namespace cnscd {

std::vector<std::string_view> known_env_names() {
    auto known = config_env_names();
    // Read by the test harness (the bot's log file) and the bench scripts (the binary), not by
    // the bot: set beside its own, they are no misspelling.
    known.insert(known.end(), {"CNSCD_TEST_LOG", "CNSCD_BOT"});
    return known;
}

std::vector<std::string> unread_env_warnings(const std::vector<std::string>& names) {
    auto known = known_env_names();
    std::vector<std::string> out;
    for (auto& name : names) {
        if (!name.starts_with("CNSCD_") && !name.starts_with("TELEGRAM_") && !name.starts_with("ZALO_"))
            continue;
        if (std::find(known.begin(), known.end(), name) != known.end())
            continue;
        std::string_view nearest;
        std::size_t best = 0;
        for (auto k : known)
            if (auto d = edit_distance(name, k); nearest.empty() || d < best) {
                best = d;
                nearest = k;
            }
        out.push_back("environment variable " + name +
                      " is set but cnscd-bot does not read it; did you mean " + std::string(nearest) +
                      "? (README.md, \"Configuration\" lists the variables)");
    }
    return out;
}

} // namespace cnscd
