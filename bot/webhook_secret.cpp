#include "bot/webhook_secret.hpp"

#include "bot/http/log_throttle.hpp"
#include "bot/metrics.hpp"
#include "bot/secure_compare.hpp"

#include <spdlog/spdlog.h>

#include <memory>

namespace cnscd {

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
            spdlog::warn("{}: webhook from {} with a wrong or missing secret token{}", channel_name(platform),
                         req.remote, log_throttle::more(*skipped));
        return http_reply{401, "text/plain; charset=utf-8", "unauthorized\n"};
    };
}

} // namespace cnscd
