#pragma once

// Talks to the Zalo Bot Platform (<base>/bot<token>/<method>, POST, JSON): delivers outbox
// rows and makes the control calls (setWebhook, getUpdates, sendChatAction). The token is
// part of every URL, so URLs are never logged.

#include "bot/http/http_client.hpp"
#include "bot/platform_client.hpp"
#include "bot/poll_health.hpp"
#include "config/config.hpp"

#include <chrono>
#include <functional>
#include <memory>
#include <string>

namespace boost::asio {
class io_context;
}

namespace cnscd {

class zalo_bot_client : public platform_client {
public:
    // A raw call; `done` receives the HTTP result (read it with zalo_bot::read_answer).
    virtual void call(const std::string& method, std::string json_body, std::chrono::milliseconds timeout,
                      std::function<void(http_result)> done) = 0;
    // In webhook mode, at start (no getUpdates would tell): asks getWebhookInfo once and logs
    // where the platform sends updates, or that no webhook is set, or a refused token (once, as
    // sends find it, with the setting to fix; sends keep their messages until it is fixed).
    virtual void check_at_start() = 0;
};

std::unique_ptr<zalo_bot_client> make_zalo_bot_client(boost::asio::io_context& io,
                                                      const zalo_bot_config& cfg);

// POST /zalobot/webhook: checks X-Bot-Api-Secret-Token (401 and nothing stored when wrong),
// reads the update, and answers 200 only after it is committed.
class http_server;
class ingest;
class metrics;
void add_zalo_bot_webhook(http_server& server, ingest& in, const zalo_bot_config& cfg, metrics& m);

// getUpdates polling (Zalo calls it a development mode): one update per call, 408 when the
// long poll ends empty. There is no offset: an update is Zalo's to redeliver only until it
// was handed out, so one that could not be stored is lost (logged).
class zalo_bot_poller {
public:
    zalo_bot_poller(boost::asio::io_context& io, zalo_bot_client& client, ingest& in,
                    const zalo_bot_config& cfg, metrics& m);
    ~zalo_bot_poller();
    // Deletes any webhook (polling and a webhook exclude each other), then polls.
    void start();
    void stop();
    // Whether getUpdates has been failing (for /healthz); read on the event loop.
    const poll_health& health() const;

private:
    struct impl;
    std::shared_ptr<impl> impl_;
};

} // namespace cnscd
