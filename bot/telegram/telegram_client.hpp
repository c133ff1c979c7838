#pragma once

// Talks to the Telegram Bot API (or anything that speaks it, such as a test emulator at
// TELEGRAM_API_BASE): delivers outbox rows and makes the few control calls the bot needs.
// The token is part of every URL, so URLs are never logged.

#include "bot/http/http_client.hpp"
#include "bot/platform_client.hpp"
#include "config/config.hpp"

#include <functional>
#include <memory>
#include <string>

namespace boost::asio {
class io_context;
}

namespace cnscd {

class telegram_client : public platform_client {
public:
    // A raw Bot API call; `done` receives the HTTP result (parse it with telegram::read_answer).
    virtual void call(const std::string& method, std::string json_body, std::chrono::milliseconds timeout,
                      std::function<void(http_result)> done) = 0;
};

std::unique_ptr<telegram_client> make_telegram_client(boost::asio::io_context& io,
                                                      const telegram_config& cfg);

} // namespace cnscd
