#include "bot/zalo/zalo_oa_client.hpp"

#include "bot/http/http_client.hpp"
#include "bot/zalo/zalo_oa_adapter.hpp"
#include "bot/zalo/zalo_oa_tokens.hpp"

#include <chrono>
#include <vector>

namespace cnscd {
namespace {

std::int64_t unix_now() {
    return std::chrono::duration_cast<std::chrono::seconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

class client_impl final : public platform_client {
public:
    client_impl(boost::asio::io_context& io, const zalo_oa_config& cfg, int utc_offset_minutes,
                zalo_oa_tokens& tokens)
        : cfg_(cfg), offset_(utc_offset_minutes), tokens_(tokens),
          http_(make_http_client(io, cfg.api_base, 4, 1)) {
        std::string_view base = cfg.api_base;
        auto scheme = base.find("://");
        auto slash = base.find('/', scheme == std::string_view::npos ? 0 : scheme + 3);
        prefix_ = slash == std::string_view::npos ? "" : std::string(base.substr(slash));
        while (!prefix_.empty() && prefix_.back() == '/')
            prefix_.pop_back();
    }

    channel platform() const override { return channel::zalo_oa; }
    const rate_limits& limits() const override { return cfg_.limits; }
    const quiet_hours& quiet() const override { return cfg_.quiet; }

    void deliver(const outgoing& m, const std::string&, std::function<void(delivery_result)> done) override {
        auto calls = std::make_shared<std::vector<zalo_oa::api_call>>(zalo_oa::api_calls_for(m));
        if (calls->empty())
            return done(delivery_result{}); // nothing Zalo can show (a button acknowledgement)
        send(calls, 0, false, std::move(done));
    }

    void stop() override { http_->stop(); }

private:
    void send(std::shared_ptr<std::vector<zalo_oa::api_call>> calls, std::size_t i, bool refreshed,
              std::function<void(delivery_result)> done) {
        if (tokens_.access_token().empty()) {
            delivery_result d;
            d.what = delivery_result::outcome::retry;
            d.error = "no Zalo OA access token. " + std::string(zalo_oa::reauthorise_hint);
            return done(std::move(d));
        }
        http_call c;
        c.target = prefix_ + (*calls)[i].path;
        c.body = (*calls)[i].json_body;
        auto used = tokens_.access_token();
        c.headers.emplace_back("access_token", used);
        http_->request(
            std::move(c), [this, calls, i, refreshed, used, done = std::move(done)](http_result r) mutable {
                zalo_oa::api_answer a;
                if (!r.ok()) {
                    a.kind = zalo_oa::answer_kind::retry;
                    a.message = r.error;
                } else {
                    a = zalo_oa::read_answer(r.status, r.body);
                }
                if (a.kind == zalo_oa::answer_kind::token && !refreshed && tokens_.access_token() != used)
                    return send(calls, i, true, std::move(done)); // refreshed meanwhile: just resend
                if (a.kind == zalo_oa::answer_kind::token && !refreshed) {
                    // Refresh once (shared with other senders), then resend this part.
                    return tokens_.refresh([this, calls, i, done = std::move(done), a](bool ok) mutable {
                        if (ok)
                            return send(calls, i, true, std::move(done));
                        auto d = zalo_oa::to_delivery(a, unix_now(), offset_);
                        d.error += ". " + std::string(zalo_oa::reauthorise_hint);
                        done(std::move(d));
                    });
                }
                auto d = zalo_oa::to_delivery(a, unix_now(), offset_);
                if (!r.ok())
                    d.error = r.error;
                if (d.what != delivery_result::outcome::sent || i + 1 == calls->size())
                    return done(std::move(d));
                send(calls, i + 1, false, std::move(done));
            });
    }

    zalo_oa_config cfg_;
    int offset_;
    zalo_oa_tokens& tokens_;
    std::shared_ptr<http_client> http_;
    std::string prefix_;
};

} // namespace

std::unique_ptr<platform_client> make_zalo_oa_client(boost::asio::io_context& io, const zalo_oa_config& cfg,
                                                     int utc_offset_minutes, zalo_oa_tokens& tokens) {
    return std::make_unique<client_impl>(io, cfg, utc_offset_minutes, tokens);
}

} // namespace cnscd
