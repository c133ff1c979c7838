#include "bot/telegram/telegram_poller.hpp"

#include "bot/ingest.hpp"
#include "bot/metrics.hpp"
#include "bot/telegram/telegram_adapter.hpp"
#include "bot/telegram/telegram_client.hpp"
#include "storage/meta_store.hpp"
#include "storage/writer.hpp"

#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>

#include <nlohmann/json.hpp>
#include <spdlog/spdlog.h>

namespace cnscd {

namespace net = boost::asio;
using json = nlohmann::json;

namespace {

// What the operator must do when Telegram refuses to hand out updates for a reason that
// waiting will not cure ("" otherwise: the network, a 5xx).
std::string polling_fix(int status, const telegram::api_answer& a) {
    int code = a.error_code != 0 ? a.error_code : status;
    if (telegram::token_refused(code))
        return "Telegram does not know the bot token, so no message is received or sent. Fix: " +
               std::string(telegram::token_fix) + " and restart the bot";
    if (code == 409 && a.description.find("webhook") != std::string::npos)
        return "a webhook is set for this bot (set-webhook was run), so Telegram sends the updates there and "
               "polling receives nothing. Fix: to keep polling, restart the bot (it removes the webhook at "
               "start); to use the webhook, set TELEGRAM_MODE=webhook (or \"telegram.mode\": \"webhook\" in "
               "the config file) and TELEGRAM_WEBHOOK_SECRET and restart";
    if (code == 409)
        return "another program is polling with the same bot token (a second cnscd-bot, perhaps on another "
               "server), and Telegram gives each update to only one of them. Fix: stop the other one";
    return "";
}

} // namespace

struct telegram_poller::impl : std::enable_shared_from_this<telegram_poller::impl> {
    net::io_context& io;
    telegram_client& client;
    ingest& in;
    writer& db_writer;
    const telegram_config& cfg;
    const std::string& username;
    metrics& stats;
    net::steady_timer timer;
    std::int64_t offset = 0;
    bool stopped = false;
    poll_health health;

    impl(net::io_context& io_, telegram_client& c, ingest& i, writer& w, const telegram_config& cfg_,
         const std::string& u, metrics& m)
        : io(io_), client(c), in(i), db_writer(w), cfg(cfg_), username(u), stats(m), timer(io_) {}

    void later(std::chrono::milliseconds wait) {
        if (stopped)
            return;
        timer.expires_after(wait);
        timer.async_wait([self = shared_from_this()](boost::system::error_code ec) {
            if (!ec)
                self->poll();
        });
    }

    void poll() {
        if (stopped)
            return;
        json body{{"offset", offset},
                  {"timeout", cfg.poll_timeout_seconds},
                  {"allowed_updates",
                   json::array({"message", "edited_message", "callback_query", "my_chat_member"})}};
        client.call("getUpdates", body.dump(), std::chrono::seconds(cfg.poll_timeout_seconds + 15),
                    [self = shared_from_this()](http_result r) { self->on_updates(std::move(r)); });
    }

    void on_updates(http_result r) {
        if (stopped)
            return;
        auto answer = telegram::read_answer(r.status, r.body);
        if (!r.ok() || !answer.ok) {
            ++stats.of(channel::telegram).poll_failures;
            auto fix = polling_fix(r.ok() ? r.status : 0, answer);
            health.failed(!r.ok()                       ? r.error
                          : !answer.description.empty() ? answer.description
                                                        : "HTTP " + std::to_string(r.status),
                          fix);
            auto wait = health.retry_wait_ms();
            if (!fix.empty())
                spdlog::error("telegram: getUpdates refused ({}): {}; retrying in {} ms", answer.description,
                              fix, wait);
            else
                spdlog::warn("telegram: getUpdates failed ({}); retrying in {} ms",
                             r.ok() ? answer.description : r.error, wait);
            return later(std::chrono::milliseconds(wait));
        }
        if (auto ended = health.succeeded())
            spdlog::info("telegram: getUpdates works again after {} failed calls", ended);
        auto j = json::parse(r.body, nullptr, false);
        std::vector<std::pair<std::int64_t, std::string>> updates;
        if (j.is_object() && j["result"].is_array())
            for (auto& u : j["result"])
                if (u.is_object() && u.contains("update_id") && u["update_id"].is_number_integer())
                    updates.emplace_back(u["update_id"].get<std::int64_t>(), u.dump());
        if (updates.empty())
            return later(std::chrono::milliseconds(cfg.poll_idle_ms)); // emulators return at once
        auto remaining = std::make_shared<std::size_t>(updates.size());
        auto failed = std::make_shared<bool>(false);
        std::int64_t next_offset = offset;
        for (auto& [id, text] : updates) {
            next_offset = std::max(next_offset, id + 1);
            auto update = telegram::parse_update(text, username);
            auto saved = id + 1;
            // Where the stream stood after the latest stored update, for the log at the next
            // start; it may go down: ids start again lower under a new token or after a quiet week.
            auto save_offset = [saved](database& db) {
                meta_store(db).set("telegram.offset", std::to_string(saved));
            };
            auto on_done = [self = shared_from_this(), remaining, failed, next_offset](ingest_outcome o) {
                net::post(self->io, [self, remaining, failed, next_offset, o] {
                    if (o == ingest_outcome::storage_failed)
                        *failed = true;
                    if (--*remaining == 0) {
                        // After a storage failure, ask again for the same updates.
                        if (!*failed)
                            self->offset = next_offset;
                        self->later(std::chrono::milliseconds(*failed ? 2000 : 0));
                    }
                });
            };
            if (!update) {
                ++stats.of(channel::telegram).bad_requests;
                spdlog::warn("telegram: skipping update {}: {}", id, update.error());
                db_writer.submit(save_offset, [on_done](job_outcome o, const std::string&) {
                    on_done(o == job_outcome::committed ? ingest_outcome::stored
                                                        : ingest_outcome::storage_failed);
                });
                continue;
            }
            in.submit(std::move(*update), on_done, save_offset);
        }
    }
};

telegram_poller::telegram_poller(net::io_context& io, telegram_client& client, ingest& in, writer& w,
                                 const telegram_config& cfg, const std::string& username, metrics& m)
    : impl_(std::make_shared<impl>(io, client, in, w, cfg, username, m)) {}

telegram_poller::~telegram_poller() {
    stop();
}

void telegram_poller::start() {
    std::int64_t last = 0;
    impl_->db_writer.run_sync([&](database& db) { last = meta_store(db).get_int("telegram.offset", 0); });
    // The first request names no offset: Telegram then offers every update it has not seen
    // confirmed, and the ones stored before the restart are recognised and skipped. A saved
    // offset would confirm, unseen, every update below it, and ids start again lower under a
    // new token or after a week without updates.
    impl_->offset = 0;
    // Which bot this is (getMe or TELEGRAM_BOT_USERNAME): the operator checks it is the right one.
    auto as = telegram::as_username(impl_->username);
    if (last > 0)
        spdlog::info("telegram: polling for updates{}; those up to {} were handled before and are skipped if "
                     "offered again",
                     as, last - 1);
    else
        spdlog::info("telegram: polling for updates{}", as);
    impl_->client.call("deleteWebhook", "{}", std::chrono::seconds(15), [self = impl_](http_result r) {
        auto a = telegram::read_answer(r.status, r.body);
        if (!r.ok() || !a.ok)
            spdlog::warn("telegram: deleteWebhook failed ({}); polling anyway",
                         r.ok() ? a.description : r.error);
        else if (!a.description.empty()) // "Webhook was deleted" after a switch from webhook mode
            spdlog::info("telegram: deleteWebhook: {}", a.description);
        self->poll();
    });
}

const poll_health& telegram_poller::health() const {
    return impl_->health;
}

void telegram_poller::stop() {
    impl_->stopped = true;
    impl_->timer.cancel();
}

} // namespace cnscd
