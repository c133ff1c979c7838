#pragma once

// Long polling (getUpdates) for bots without a public URL. The offset is saved in the same
// transaction as each update, so a crash redelivers rather than loses updates.

#include "bot/poll_health.hpp"

#include <memory>
#include <string>

namespace boost::asio {
class io_context;
}

namespace cnscd {

class ingest;
class metrics;
class telegram_client;
class writer;
struct telegram_config;

class telegram_poller {
public:
    telegram_poller(boost::asio::io_context& io, telegram_client& client, ingest& in, writer& w,
                    const telegram_config& cfg, const std::string& username, metrics& m);
    ~telegram_poller();
    // Deletes any webhook (Telegram refuses getUpdates while one is set), then polls.
    void start();
    void stop();
    // Whether getUpdates has been failing (for /healthz); read on the event loop.
    const poll_health& health() const;

private:
    struct impl;
    std::shared_ptr<impl> impl_;
};

} // namespace cnscd
