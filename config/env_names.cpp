#include "config/env_names.hpp"

#include "config/edit_distance.hpp"

#include <algorithm>
#include <array>
#include <string_view>

namespace cnscd {
namespace {

// What load_config.cpp reads (README, "Configuration" and "Zalo"), and the test harness's log.
constexpr std::array<std::string_view, 26> known{"CNSCD_CONFIG",
                                                 "CNSCD_LISTEN",
                                                 "CNSCD_DB",
                                                 "CNSCD_TIMEZONE",
                                                 "CNSCD_LOG_LEVEL",
                                                 "CNSCD_DATA_KEY",
                                                 "CNSCD_DATA_KEY_FILE",
                                                 "CNSCD_TEST_LOG",
                                                 "TELEGRAM_BOT_TOKEN",
                                                 "TELEGRAM_API_BASE",
                                                 "TELEGRAM_WEBHOOK_SECRET",
                                                 "TELEGRAM_MODE",
                                                 "TELEGRAM_BOT_USERNAME",
                                                 "TELEGRAM_PUBLIC_URL",
                                                 "ZALO_OA_APP_ID",
                                                 "ZALO_OA_SECRET_KEY",
                                                 "ZALO_APP_SECRET",
                                                 "ZALO_OA_ACCESS_TOKEN",
                                                 "ZALO_OA_REFRESH_TOKEN",
                                                 "ZALO_OA_API_BASE",
                                                 "ZALO_OAUTH_BASE",
                                                 "ZALO_BOT_TOKEN",
                                                 "ZALO_BOT_API_BASE",
                                                 "ZALO_BOT_WEBHOOK_SECRET",
                                                 "ZALO_BOT_MODE",
                                                 "CNSCD_BOT"}; // CNSCD_BOT: the binary, for the bench scripts

} // namespace

std::vector<std::string> unread_env_warnings(const std::vector<std::string>& names) {
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
