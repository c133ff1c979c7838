#pragma once

// What is wrong with a URL given to `set-webhook`, before the platform is asked to use it.

#include <optional>
#include <string>
#include <string_view>

namespace cnscd {

struct webhook_target {
    std::string_view platform;   // "Telegram", "the Zalo Bot Platform"
    std::string_view route;      // "/telegram/webhook"
    std::string_view also;       // where else the URL may come from: " (or TELEGRAM_PUBLIC_URL)"
    bool telegram_ports = false; // only the ports Telegram's setWebhook accepts: 443, 80, 88, 8443
};

// Empty when the URL may be registered; otherwise what is wrong and the fix. A plain http://
// address is refused (the platforms call HTTPS only), and so is the example domain of
// config/example.json and deploy/secrets.env.example: left in place, it would send the members'
// messages to someone else's server. With `telegram_ports`, a port Telegram refuses is too.
std::optional<std::string> webhook_url_problem(std::string_view url, const webhook_target& target);

} // namespace cnscd
