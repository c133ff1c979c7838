#include "bot/zalo/zalo_oa_webhook.hpp"

#include "bot/http/http_server.hpp"
#include "bot/http/log_throttle.hpp"
#include "bot/ingest.hpp"
#include "bot/metrics.hpp"
#include "bot/zalo/zalo_oa_adapter.hpp"
#include "config/config.hpp"

#include <spdlog/spdlog.h>

#include <chrono>
#include <memory>

namespace cnscd {

// Zalo's events are a few kB (a text is at most 2,000 characters). Their signature covers the
// body, so a forged one is known only once read: a small limit keeps forged bodies from filling
// memory, where the server's http.max_body_bytes would let each connection hold 1 MiB.
constexpr std::size_t max_event_bytes = 128 * 1024;

void add_zalo_oa_webhook(http_server& server, ingest& in, const zalo_oa_config& cfg, metrics& m) {
    // Forged events cost one log line a minute, however many come.
    auto refused_log = std::make_shared<log_throttle>();
    server.route(
        "POST", "/zalo/webhook",
        [&in, &cfg, &m, refused_log](http_request&& req, http_respond respond) {
            auto& stats = m.of(channel::zalo_oa);
            auto started = std::chrono::steady_clock::now();
            auto now_ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                              std::chrono::system_clock::now().time_since_epoch())
                              .count();
            auto verdict =
                req.header_count("X-ZEvent-Signature") > 1
                    ? zalo_oa::signature_verdict::repeated
                    : zalo_oa::verify(req.header("X-ZEvent-Signature"), req.body,
                                      {cfg.app_id, cfg.secret_key, now_ms, cfg.replay_window_seconds});
            if (verdict != zalo_oa::signature_verdict::ok) {
                ++stats.unauthorized;
                if (auto skipped = refused_log->admit())
                    spdlog::warn("zalo_oa: webhook from {} refused: {}{}", req.remote,
                                 zalo_oa::describe(verdict), log_throttle::more(*skipped));
                return respond({401, "text/plain; charset=utf-8", "unauthorized\n"});
            }
            auto ev = zalo_oa::parse_event(req.body);
            if (!ev) {
                ++stats.bad_requests;
                spdlog::warn("zalo_oa: bad webhook body from {}: {}", req.remote, ev.error());
                return respond({400, "text/plain; charset=utf-8", ev.error() + "\n"});
            }
            if (!ev->in) {
                ++stats.ignored_events;
                spdlog::debug("zalo_oa: ignoring event {}", ev->name);
                return respond({200, "application/json", "{}"});
            }
            in.submit(std::move(*ev->in), [respond = std::move(respond), &stats,
                                           started](ingest_outcome outcome) {
                if (outcome == ingest_outcome::storage_failed)
                    return respond({503, "text/plain; charset=utf-8", "storage unavailable, retry later\n"});
                stats.ack_latency.observe(
                    std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count());
                respond({200, "application/json", "{}"});
            });
        },
        {}, max_event_bytes);
}

} // namespace cnscd
