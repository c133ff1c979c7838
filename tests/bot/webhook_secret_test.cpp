#include "bot/metrics.hpp"
#include "bot/webhook_secret.hpp"

#include <gtest/gtest.h>

namespace cnscd {
namespace {

http_request with_headers(header_list headers) {
    http_request req;
    req.method = "POST";
    req.target = "/zalobot/webhook";
    req.headers = std::move(headers);
    req.remote = "127.0.0.1";
    return req;
}

// The Zalo Bot Platform's header and Telegram's: the same rule, one header with the secret.
TEST(webhook_secret, a_repeated_secret_header_is_refused_whatever_its_values) {
    for (auto [platform, name] :
         {std::pair{channel::zalo_bot, std::string("X-Bot-Api-Secret-Token")},
          std::pair{channel::telegram, std::string("X-Telegram-Bot-Api-Secret-Token")}}) {
        const std::string secret = "right-secret-1";
        metrics m;
        auto check = webhook_secret_check(platform, name, secret, m);
        EXPECT_FALSE(check(with_headers({{name, secret}}))) << name << ": one right header is accepted";
        EXPECT_FALSE(check(with_headers({{"x-bot-other", "1"}, {name, secret}})));
        for (auto& headers :
             {header_list{{name, secret}, {name, "wrong"}}, header_list{{name, "wrong"}, {name, secret}},
              header_list{{name, secret}, {name, secret}},
              header_list{{name, secret}, {"X-Other", "1"}, {name, "other"}}}) {
            auto refused = check(with_headers(headers));
            ASSERT_TRUE(refused) << name << " sent " << headers.size() << " times";
            EXPECT_EQ(refused->status, 401);
        }
        EXPECT_EQ(m.of(platform).unauthorized.load(), 4u);
    }
}

} // namespace
} // namespace cnscd
