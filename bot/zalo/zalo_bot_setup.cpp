// `cnscd-bot set-webhook --zalo-bot`: registers the public URL of /zalobot/webhook and the
// secret token with the Zalo Bot Platform.

#include "bot/app.hpp"
#include "bot/webhook_url.hpp"
#include "bot/zalo/zalo_bot_adapter.hpp"
#include "bot/zalo/zalo_bot_client.hpp"

#include <boost/asio/io_context.hpp>

#include <nlohmann/json.hpp>

#include <iostream>

namespace cnscd {

int run_set_zalo_bot_webhook(const config& cfg, const std::string& url) {
    auto& z = cfg.zalo_bot;
    if (!z.enabled()) {
        std::cerr
            << "set-webhook --zalo-bot: ZALO_BOT_TOKEN is not set. Fix: export ZALO_BOT_TOKEN=<the token "
               "from the Zalo Bot Creator>\n";
        return 2;
    }
    if (auto problem = webhook_url_problem(url, {"the Zalo Bot Platform", "/zalobot/webhook", ""})) {
        std::cerr << "set-webhook --zalo-bot: " << *problem << "\n";
        return 2;
    }
    if (z.webhook_secret.size() < 8 || z.webhook_secret.size() > 256) {
        std::cerr << "set-webhook --zalo-bot: ZALO_BOT_WEBHOOK_SECRET must be 8-256 characters. Fix: export "
                     "ZALO_BOT_WEBHOOK_SECRET=$(openssl rand -hex 32) and use the same value for serve\n";
        return 2;
    }
    boost::asio::io_context io(1);
    auto client = make_zalo_bot_client(io, z);
    int rc = 1;
    bool done = false;
    client->call(
        "setWebhook", nlohmann::json{{"url", url}, {"secret_token", z.webhook_secret}}.dump(),
        std::chrono::seconds(20), [&](http_result r) {
            auto a = r.ok() ? zalo_bot::read_answer(r.status, r.body) : zalo_bot::api_answer{};
            if (r.ok() && a.ok) {
                std::cout << "webhook set: Zalo will POST bot updates to " << url << "\n";
                rc = 0;
            } else if (!r.ok()) {
                std::cerr << "set-webhook --zalo-bot failed: cannot reach the Zalo Bot Platform at "
                          << z.api_base << " (" << r.error
                          << "). Fix: check that this server reaches it (DNS, firewall, an HTTP "
                             "proxy) and that ZALO_BOT_API_BASE (or \"zalo_bot.api_base\" in the config "
                             "file) is unset or right\n";
            } else if (zalo_bot::token_refused(a.error_code)) {
                // Said the platform's word alone ("Unauthorized"), without naming the token.
                std::cerr << "set-webhook --zalo-bot failed: the Zalo Bot Platform does not know the "
                             "bot token ("
                          << a.description << "). Fix: " << zalo_bot::token_fix << "\n";
            } else {
                std::cerr << "set-webhook --zalo-bot failed: " << a.description << "\n";
            }
            done = true;
        });
    io.run_for(std::chrono::seconds(25));
    if (!done)
        std::cerr << "set-webhook --zalo-bot: no answer from " << z.api_base << " within 25 s\n";
    return rc;
}

} // namespace cnscd
