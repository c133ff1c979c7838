#include "bot/telegram/telegram_webhook.hpp"

#include "bot/http/http_server.hpp"
#include "bot/http/log_throttle.hpp"
#include "bot/ingest.hpp"
#include "bot/metrics.hpp"
#include "bot/secure_compare.hpp"
#include "bot/telegram/telegram_adapter.hpp"

#include <spdlog/spdlog.h>

#include <memory>

namespace cnscd {

void add_telegram_webhook(http_server& server, ingest& in, const telegram_config& cfg,
                          const std::string& username, metrics& m) {
    // On the headers, before the body is read: without the secret a caller costs no memory.
    // Forged requests cost one log line a minute, however many come.
    auto refused_log = std::make_shared<log_throttle>();
    auto check_secret = [&cfg, &m, refused_log](const http_request& req) -> std::optional<http_reply> {
        if (secure_equals(req.header("X-Telegram-Bot-Api-Secret-Token"), cfg.webhook_secret))
            return std::nullopt;
        ++m.of(channel::telegram).unauthorized;
        if (auto skipped = refused_log->admit())
            spdlog::warn("telegram: webhook from {} with a wrong or missing secret token{}", req.remote,
                         log_throttle::more(*skipped));
        return http_reply{401, "text/plain; charset=utf-8", "unauthorized\n"};
    };
    server.route(
        "POST", "/telegram/webhook",
        [&in, &username, &m, check_secret](http_request&& req, http_respond respond) {
            auto& stats = m.of(channel::telegram);
            auto started = std::chrono::steady_clock::now();
            if (auto refusal = check_secret(req))
                return respond(std::move(*refusal));
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
        check_secret);
}

} // namespace cnscd
