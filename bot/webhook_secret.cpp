#include "bot/webhook_secret.hpp"

#include "bot/http/log_throttle.hpp"
#include "bot/metrics.hpp"
#include "bot/secure_compare.hpp"

#include <spdlog/spdlog.h>

#include <memory>

namespace cnscd {
namespace {

// The platform sends the secret it was given at set-webhook: a mismatch on every delivery means
// serve's secret was changed since, and the platform's updates are all refused until both agree.
std::string secret_fix(channel platform) {
    bool zalo = platform == channel::zalo_bot;
    return std::string(
               ". Nothing was stored. If the platform itself sends these, it holds another secret than ") +
           (zalo ? "ZALO_BOT_WEBHOOK_SECRET" : "TELEGRAM_WEBHOOK_SECRET") + ": run `cnscd-bot set-webhook " +
           (zalo ? "--zalo-bot " : "") + "--url <the public URL>` again with this bot's settings";
}

} // namespace

http_header_check webhook_secret_check(channel platform, std::string header, const std::string& secret,
                                       metrics& m) {
    auto refused_log = std::make_shared<log_throttle>();
    return [platform, header = std::move(header), &secret, &m,
            refused_log](const http_request& req) -> std::optional<http_reply> {
        // Exactly one header: with two, a proxy or a check further on might read the other one.
        if (!secret.empty() && req.header_count(header) == 1 && secure_equals(req.header(header), secret))
            return std::nullopt;
        ++m.of(platform).unauthorized;
        if (auto skipped = refused_log->admit())
            spdlog::warn("{}: webhook from {} with a wrong or missing secret token{}{}",
                         channel_name(platform), req.remote, secret_fix(platform),
                         log_throttle::more(*skipped));
        return http_reply{401, "text/plain; charset=utf-8", "unauthorized\n"};
    };
}

} // namespace cnscd
