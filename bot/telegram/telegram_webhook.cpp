#include "bot/telegram/telegram_webhook.hpp"

#include "bot/http/http_server.hpp"
#include "bot/ingest.hpp"
#include "bot/metrics.hpp"
#include "bot/telegram/telegram_adapter.hpp"
#include "bot/webhook_secret.hpp"

#include <spdlog/spdlog.h>

namespace cnscd {

void add_telegram_webhook(http_server& server, ingest& in, const telegram_config& cfg,
                          const std::string& username, metrics& m) {
    server.route(
        "POST", "/telegram/webhook",
        [&in, &username, &m](http_request&& req, http_respond respond) {
            auto& stats = m.of(channel::telegram);
            auto started = std::chrono::steady_clock::now();
            auto update = telegram::parse_update(req.body, username);
            if (!update) {
                ++stats.bad_requests;
                spdlog::warn("telegram: bad webhook body from {}: {}", req.remote, update.error());
                return respond({400, "text/plain; charset=utf-8", update.error() + "\n"});
            }
            in.submit(std::move(*update), [respond = std::move(respond), &stats,
                                           started](ingest_outcome outcome) {
                if (outcome == ingest_outcome::storage_failed)
                    return respond({503, "text/plain; charset=utf-8", "storage unavailable, retry later\n"});
                stats.ack_latency.observe(
                    std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count());
                respond({200, "application/json", "{}"});
            });
        },
        webhook_secret_check(channel::telegram, "X-Telegram-Bot-Api-Secret-Token", cfg.webhook_secret, m));
}

} // namespace cnscd
