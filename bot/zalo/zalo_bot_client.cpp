#include "bot/zalo/zalo_bot_client.hpp"

#include "bot/http/http_server.hpp"
#include "bot/ingest.hpp"
#include "bot/metrics.hpp"
#include "bot/sent_parts.hpp"
#include "bot/webhook_secret.hpp"
#include "bot/zalo/zalo_bot_adapter.hpp"

#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>

#include <nlohmann/json.hpp>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <memory>
#include <vector>

namespace cnscd {

namespace net = boost::asio;

namespace {

class client_impl final : public zalo_bot_client {
public:
    client_impl(net::io_context& io, const zalo_bot_config& cfg)
        : cfg_(cfg), http_(make_http_client(io, cfg.api_base, 4, 1)) {
        prefix_ = base_path(cfg.api_base); // comes before /bot<token>/
    }

    channel platform() const override { return channel::zalo_bot; }
    const rate_limits& limits() const override { return cfg_.limits; }
    const quiet_hours& quiet() const override { return cfg_.quiet; }

    void call(const std::string& method, std::string json_body, std::chrono::milliseconds timeout,
              std::function<void(http_result)> done) override {
        http_call c;
        c.target = prefix_ + "/bot" + cfg_.token + "/" + method;
        c.body = std::move(json_body);
        c.timeout = timeout;
        http_->request(std::move(c), std::move(done));
    }

    void deliver(const outgoing& m, const std::string&, std::function<void(delivery_result)> done) override {
        auto calls = std::make_shared<std::vector<zalo_bot::api_call>>(zalo_bot::api_calls_for(m));
        if (auto why = zalo_bot::undeliverable_file(m)) {
            // The caption goes; the file cannot: say so in the outbox, where staff see it.
            done = [why = *why, done = std::move(done)](delivery_result d) {
                if (d.what == delivery_result::outcome::sent) {
                    d.what = delivery_result::outcome::permanent;
                    d.error = why;
                }
                done(std::move(d));
            };
        }
        if (calls->empty())
            return done(delivery_result{});
        // A retry of a long text resumes after the parts Zalo already showed.
        std::string key;
        if (calls->size() > 1)
            for (auto& c : *calls)
                key += c.method + '\n' + c.json_body + '\n';
        auto first = std::min(sent_parts_.already_sent(key), calls->size() - 1);
        send(calls, first, std::move(key), std::move(done));
    }

    void check_at_start() override {
        call("getWebhookInfo", "{}", std::chrono::seconds(15), [this](http_result r) {
            if (!r.ok())
                return; // unreachable: sends retry and say so; nothing is known of the token
            auto a = zalo_bot::read_answer(r.status, r.body);
            if (!a.ok) {
                if (zalo_bot::token_refused(a.error_code != 0 ? a.error_code : r.status))
                    note_refused(a.description.empty() ? "HTTP " + std::to_string(r.status) : a.description);
                return;
            }
            auto j = nlohmann::json::parse(r.body, nullptr, false);
            if (!j.is_object() || !j["result"].is_object() || !j["result"]["url"].is_string())
                return; // an answer of another shape: nothing to say
            auto url = j["result"]["url"].get<std::string>();
            if (url.empty())
                spdlog::warn(
                    "zalo_bot: the Zalo Bot Platform has no webhook for this bot, so no message reaches "
                    "it. Fix: run `cnscd-bot set-webhook --zalo-bot --url "
                    "https://YOUR.DOMAIN/zalobot/webhook`, or set ZALO_BOT_MODE=polling");
            else
                spdlog::info("zalo_bot: the platform accepts the bot token and sends updates to {}", url);
        });
    }

    void stop() override { http_->stop(); }

private:
    // A wrong token refuses every call alike: the operator reads it once, not once per message
    // and retry, and reads when it works again.
    void note_refused(std::string why) {
        if (refused_)
            return;
        refused_ = true;
        // A server's error page may quote the path, which holds the token.
        for (auto at = why.find(cfg_.token); !cfg_.token.empty() && at != std::string::npos;
             at = why.find(cfg_.token))
            why.replace(at, cfg_.token.size(), "<token>");
        spdlog::error(
            "zalo_bot: the Zalo Bot Platform refuses the bot token ({}), so no message can be sent. "
            "Fix: {} and restart the bot. Messages wait in the outbox and go out once it is right",
            why, zalo_bot::token_fix);
    }
    void note_accepted() {
        if (!refused_)
            return;
        refused_ = false;
        spdlog::info("zalo_bot: the platform accepts the bot token again; sending what waited");
    }

    void send(std::shared_ptr<std::vector<zalo_bot::api_call>> calls, std::size_t i, std::string key,
              std::function<void(delivery_result)> done) {
        auto& api = (*calls)[i];
        call(api.method, api.json_body, std::chrono::seconds(30),
             [this, calls, i, key = std::move(key), done = std::move(done)](http_result r) mutable {
                 auto a = r.ok() ? zalo_bot::read_answer(r.status, r.body) : zalo_bot::api_answer{};
                 auto d = zalo_bot::to_delivery(a, r.error);
                 if (d.bot_refused)
                     note_refused(a.description.empty() ? "HTTP " + std::to_string(r.status) : a.description);
                 else if (d.what == delivery_result::outcome::sent)
                     note_accepted();
                 if (d.what == delivery_result::outcome::sent && i + 1 < calls->size()) {
                     sent_parts_.note(key, i + 1);
                     return send(calls, i + 1, std::move(key), std::move(done));
                 }
                 sent_parts_.settle(key, d.what);
                 done(std::move(d));
             });
    }

    zalo_bot_config cfg_;
    std::shared_ptr<http_client> http_;
    std::string prefix_;
    sent_parts sent_parts_;
    bool refused_ = false; // the last call said the token is wrong
};

void submit_update(ingest& in, metrics& m, const std::string& body, const std::string& from,
                   std::function<void(int, std::string)> answer) {
    auto& stats = m.of(channel::zalo_bot);
    auto u = zalo_bot::parse_update(body);
    if (!u) {
        ++stats.bad_requests;
        spdlog::warn("zalo_bot: bad update from {}: {}", from, u.error());
        return answer(400, u.error() + "\n");
    }
    if (!u->in) {
        ++stats.ignored_events;
        spdlog::debug("zalo_bot: ignoring event {}", u->event_name);
        return answer(200, "ok");
    }
    auto started = std::chrono::steady_clock::now();
    in.submit(std::move(*u->in), [answer = std::move(answer), &stats, started](ingest_outcome outcome) {
        if (outcome == ingest_outcome::storage_failed)
            return answer(503, "storage unavailable, retry later\n");
        stats.ack_latency.observe(
            std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count());
        answer(200, "ok");
    });
}

} // namespace

std::unique_ptr<zalo_bot_client> make_zalo_bot_client(net::io_context& io, const zalo_bot_config& cfg) {
    return std::make_unique<client_impl>(io, cfg);
}

void add_zalo_bot_webhook(http_server& server, ingest& in, const zalo_bot_config& cfg, metrics& m) {
    server.route(
        "POST", "/zalobot/webhook",
        [&in, &m](http_request&& req, http_respond respond) {
            submit_update(in, m, req.body, req.remote,
                          [respond = std::move(respond)](int status, std::string body) {
                              respond({status, "text/plain; charset=utf-8", std::move(body)});
                          });
        },
        webhook_secret_check(channel::zalo_bot, "X-Bot-Api-Secret-Token", cfg.webhook_secret, m));
}

struct zalo_bot_poller::impl : std::enable_shared_from_this<zalo_bot_poller::impl> {
    net::io_context& io;
    zalo_bot_client& client;
    ingest& in;
    const zalo_bot_config& cfg;
    metrics& stats;
    net::steady_timer timer;
    bool stopped = false;
    poll_health health;

    impl(net::io_context& io_, zalo_bot_client& c, ingest& i, const zalo_bot_config& cfg_, metrics& m)
        : io(io_), client(c), in(i), cfg(cfg_), stats(m), timer(io_) {}

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
        // Zalo takes the timeout as a string.
        auto body = R"({"timeout":")" + std::to_string(cfg.poll_timeout_seconds) + R"("})";
        client.call("getUpdates", body, std::chrono::seconds(cfg.poll_timeout_seconds + 15),
                    [self = shared_from_this()](http_result r) { self->on_update(std::move(r)); });
    }

    void on_update(http_result r) {
        if (stopped)
            return;
        auto a = r.ok() ? zalo_bot::read_answer(r.status, r.body) : zalo_bot::api_answer{};
        if (r.ok() && !a.ok && a.error_code == 408) {
            succeeded();
            return later(std::chrono::milliseconds(cfg.poll_idle_ms)); // the long poll ended empty
        }
        if (!r.ok() || !a.ok) {
            ++stats.of(channel::zalo_bot).poll_failures;
            auto fix = zalo_bot::polling_fix(r.ok() ? r.status : 0, a);
            auto why = !r.ok()                  ? r.error
                       : !a.description.empty() ? a.description
                                                : "HTTP " + std::to_string(r.status);
            health.failed(why, fix);
            auto wait = health.retry_wait_ms();
            if (r.ok() && zalo_bot::token_refused(a.error_code != 0 ? a.error_code : r.status))
                spdlog::error("zalo_bot: getUpdates refused ({}): {}; retrying in {} ms", why, fix, wait);
            else if (health.failing() && !fix.empty())
                spdlog::warn("zalo_bot: getUpdates failed ({}): {}; retrying in {} ms", why, fix, wait);
            else
                spdlog::warn("zalo_bot: getUpdates failed ({}); retrying in {} ms", why, wait);
            return later(std::chrono::milliseconds(wait));
        }
        succeeded();
        store(std::make_shared<std::string>(std::move(r.body)), 0);
    }

    void succeeded() {
        if (auto ended = health.succeeded())
            spdlog::info("zalo_bot: getUpdates works again after {} failed calls", ended);
    }

    // getUpdates hands each update out once: one the database refused (disk full, locked) is
    // kept here and stored again until it is, before the next poll.
    void store(std::shared_ptr<std::string> body, int attempt) {
        submit_update(in, stats, *body, "getUpdates",
                      [self = shared_from_this(), body, attempt](int status, std::string why) {
                          if (status == 400)
                              spdlog::error("zalo_bot: an update from getUpdates was unreadable ({}); it "
                                            "is skipped",
                                            why.substr(0, why.find('\n')));
                          net::post(self->io, [self, body, attempt, status] {
                              if (status != 503)
                                  return self->later(std::chrono::milliseconds(0));
                              auto wait = std::chrono::milliseconds(
                                  std::min(30000, 1000 * (1 << std::min(attempt, 5))));
                              spdlog::warn("zalo_bot: an update could not be stored; trying again in {} ms "
                                           "(Zalo does not send it again)",
                                           wait.count());
                              self->timer.expires_after(wait);
                              self->timer.async_wait([self, body, attempt](boost::system::error_code ec) {
                                  if (!ec && !self->stopped)
                                      self->store(body, attempt + 1);
                              });
                          });
                      });
    }
};

zalo_bot_poller::zalo_bot_poller(net::io_context& io, zalo_bot_client& client, ingest& in,
                                 const zalo_bot_config& cfg, metrics& m)
    : impl_(std::make_shared<impl>(io, client, in, cfg, m)) {}

zalo_bot_poller::~zalo_bot_poller() {
    stop();
}

void zalo_bot_poller::start() {
    spdlog::info("zalo_bot: polling for updates");
    impl_->client.call("deleteWebhook", "{}", std::chrono::seconds(15), [self = impl_](http_result r) {
        auto a = r.ok() ? zalo_bot::read_answer(r.status, r.body) : zalo_bot::api_answer{};
        if (!r.ok() || !a.ok)
            spdlog::warn("zalo_bot: deleteWebhook failed ({}); polling anyway",
                         r.ok() ? a.description : r.error);
        self->poll();
    });
}

const poll_health& zalo_bot_poller::health() const {
    return impl_->health;
}

void zalo_bot_poller::stop() {
    impl_->stopped = true;
    impl_->timer.cancel();
}

} // namespace cnscd
