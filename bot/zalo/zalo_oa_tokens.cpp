#include "bot/zalo/zalo_oa_tokens.hpp"

#include "bot/http/http_client.hpp"
#include "bot/json_fields.hpp"
#include "storage/database.hpp"
#include "storage/writer.hpp"
#include "storage/zalo_token_store.hpp"

#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>

#include <nlohmann/json.hpp>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <vector>

namespace cnscd {

namespace net = boost::asio;
using json = nlohmann::json;

namespace zalo_oa {

namespace {

std::int64_t lenient_int(const json& v) {
    if (v.is_number_integer())
        return v.get<std::int64_t>();
    if (v.is_string()) {
        try {
            return std::stoll(v.get<std::string>());
        } catch (...) {
        }
    }
    return 0;
}

} // namespace

oauth_answer read_oauth_answer(int http_status, std::string_view body) {
    oauth_answer a;
    auto j = json::parse(body, nullptr, false);
    if (j.is_discarded() || !j.is_object()) {
        a.transient = http_status == 0 || http_status >= 500 || http_status == 429 || http_status == 408;
        a.description = "HTTP " + std::to_string(http_status) + " with a body that is not JSON";
        return a;
    }
    // Newer answers are top-level; an older form nests them in "data".
    const json& d =
        j.contains("access_token") || !j.contains("data") || !j["data"].is_object() ? j : j["data"];
    a.access_token = string_field(d, "access_token");
    a.refresh_token = string_field(d, "refresh_token");
    a.expires_in = d.contains("expires_in") ? lenient_int(d["expires_in"]) : 0;
    a.ok = !a.access_token.empty() && !a.refresh_token.empty();
    if (a.ok)
        return a;
    auto code = j.contains("error") ? lenient_int(j["error"]) : 0;
    std::string what =
        string_field(j, "error_description", string_field(j, "error_name", string_field(j, "message")));
    a.description = "Zalo error " + std::to_string(code) + (what.empty() ? "" : ": " + what);
    a.transient = http_status >= 500 || http_status == 429;
    return a;
}

std::string refresh_form(std::string_view refresh_token, std::string_view app_id) {
    return "refresh_token=" + url_encode(refresh_token) + "&app_id=" + url_encode(app_id) +
           "&grant_type=refresh_token";
}

std::string code_form(std::string_view code, std::string_view app_id, std::string_view code_verifier) {
    auto form =
        "code=" + url_encode(code) + "&app_id=" + url_encode(app_id) + "&grant_type=authorization_code";
    if (!code_verifier.empty())
        form += "&code_verifier=" + url_encode(code_verifier);
    return form;
}

std::string permission_url(const zalo_oa_config& cfg, std::string_view redirect_uri, std::string_view state) {
    return cfg.oauth_base + "/v4/oa/permission?app_id=" + url_encode(cfg.app_id) +
           "&redirect_uri=" + url_encode(redirect_uri) + "&state=" + url_encode(state);
}

} // namespace zalo_oa

struct zalo_oa_tokens::impl : std::enable_shared_from_this<zalo_oa_tokens::impl> {
    net::io_context& io;
    writer& db_writer;
    const zalo_oa_config& cfg;
    std::string data_key;
    std::shared_ptr<http_client> oauth;
    std::string prefix;
    net::steady_timer timer;
    std::string access;
    std::string refresh_token;
    std::int64_t expires_at = 0;
    bool reauth = false;
    bool never_authorised = false; // no pair stored nor given at start
    bool refreshing = false;
    bool stopped = false;
    int failures = 0;
    std::vector<std::function<void(bool)>> waiters;

    impl(net::io_context& io_, writer& w, const zalo_oa_config& c, std::string key)
        : io(io_), db_writer(w), cfg(c), data_key(std::move(key)),
          oauth(make_http_client(io_, c.oauth_base, 1, 1)), prefix(base_path(c.oauth_base)), timer(io_) {}

    static std::int64_t now() {
        return std::chrono::duration_cast<std::chrono::seconds>(
                   std::chrono::system_clock::now().time_since_epoch())
            .count();
    }

    void schedule() {
        if (stopped || refresh_token.empty())
            return;
        // expires_at 0: unknown age (a pair from the environment): refresh at once.
        auto at = expires_at - cfg.refresh_ahead_seconds;
        auto wait = std::max<std::int64_t>(0, at - now());
        if (failures > 0)
            wait = std::max<std::int64_t>(wait, std::min(600, 5 << std::min(failures, 7)));
        timer.expires_after(std::chrono::seconds(wait));
        timer.async_wait([self = shared_from_this()](boost::system::error_code ec) {
            if (!ec)
                self->refresh(nullptr);
        });
    }

    void finish(bool ok) {
        refreshing = false;
        auto w = std::move(waiters);
        waiters.clear();
        for (auto& fn : w)
            if (fn)
                fn(ok);
    }

    void refresh(std::function<void(bool)> done) {
        if (done)
            waiters.push_back(std::move(done));
        if (refreshing)
            return;
        if (stopped || reauth || refresh_token.empty() || cfg.app_secret.empty()) {
            if (!stopped && cfg.app_secret.empty() && !refresh_token.empty() && !reauth)
                spdlog::error(
                    "zalo_oa: cannot refresh the access token: ZALO_APP_SECRET is not set. Fix: export "
                    "ZALO_APP_SECRET=<the app's secret from developers.zalo.me> and restart");
            else if (!stopped)
                spdlog::error("zalo_oa: cannot refresh the access token: {}", zalo_oa::reauthorise_hint);
            return finish(false);
        }
        refreshing = true;
        auto self = shared_from_this();
        // Durable mark first: if we die after Zalo spent the refresh token, the next start knows.
        db_writer.submit([t = now()](database& db) { zalo_token_store(db).mark_refresh_started(t); },
                         [self](job_outcome o, const std::string& err) {
                             if (o != job_outcome::committed) {
                                 spdlog::error(
                                     "zalo_oa: cannot record the token refresh ({}); retrying later", err);
                                 ++self->failures;
                                 self->finish(false);
                                 self->schedule();
                                 return;
                             }
                             self->call_zalo();
                         });
    }

    void call_zalo() {
        http_call c;
        c.target = prefix + "/v4/oa/access_token";
        c.content_type = "application/x-www-form-urlencoded";
        c.headers.emplace_back("secret_key", cfg.app_secret);
        c.body = zalo_oa::refresh_form(refresh_token, cfg.app_id);
        c.timeout = std::chrono::seconds(20);
        oauth->request(std::move(c), [self = shared_from_this()](http_result r) {
            auto a = r.ok() ? zalo_oa::read_oauth_answer(r.status, r.body) : zalo_oa::oauth_answer{};
            if (!r.ok()) {
                a.transient = true;
                a.description = r.error;
            }
            if (a.ok)
                return self->store(std::move(a));
            if (a.transient) {
                // Probably not spent; if it was, the next attempt says so.
                spdlog::warn("zalo_oa: token refresh failed ({}); retrying", a.description);
                ++self->failures;
                self->db_writer.submit([](database& db) { zalo_token_store(db).clear_refresh_started(); },
                                       [self](job_outcome, const std::string&) {
                                           self->finish(false);
                                           self->schedule();
                                       });
                return;
            }
            self->reauth = true;
            spdlog::error("zalo_oa: Zalo refused the refresh token ({}). {}", a.description,
                          zalo_oa::reauthorise_hint);
            self->db_writer.submit([](database& db) { zalo_token_store(db).clear_refresh_started(); },
                                   [self](job_outcome, const std::string&) { self->finish(false); });
        });
    }

    void store(zalo_oa::oauth_answer a) {
        auto expires = now() + (a.expires_in > 0 ? a.expires_in : 25 * 3600);
        auto pair = std::make_shared<zalo_oa::oauth_answer>(std::move(a));
        db_writer.submit(
            [pair, expires, key = data_key](database& db) {
                zalo_token_store(db, key).put(pair->access_token, pair->refresh_token, expires, now());
            },
            [self = shared_from_this(), pair, expires](job_outcome o, const std::string& err) {
                if (o != job_outcome::committed) {
                    // The old refresh token is spent; this pair is the only one. Keep trying
                    // to store it, and do not use it until it is stored.
                    spdlog::critical("zalo_oa: cannot store the new token pair ({}); retrying in 1 s", err);
                    auto t = std::make_shared<net::steady_timer>(self->io, std::chrono::seconds(1));
                    t->async_wait([self, pair, t](boost::system::error_code) { self->store(*pair); });
                    return;
                }
                self->access = pair->access_token;
                self->refresh_token = pair->refresh_token;
                self->expires_at = expires;
                self->failures = 0;
                spdlog::info("zalo_oa: access token refreshed and stored; valid for {} h",
                             (expires - now()) / 3600);
                self->finish(true);
                self->schedule();
            });
    }
};

zalo_oa_tokens::zalo_oa_tokens(net::io_context& io, writer& w, const zalo_oa_config& cfg,
                               std::string data_key)
    : impl_(std::make_shared<impl>(io, w, cfg, std::move(data_key))) {}

zalo_oa_tokens::~zalo_oa_tokens() {
    stop();
}

void zalo_oa_tokens::start() {
    auto& s = *impl_;
    std::optional<zalo_token_pair> pair;
    bool seeded = false;
    std::string unreadable;
    s.db_writer.run_sync([&](database& db) {
        zalo_token_store store(db, s.data_key);
        try {
            pair = store.get();
        } catch (const database_error& e) {
            unreadable = e.what();
            return;
        }
        if (!pair && (!s.cfg.access_token.empty() || !s.cfg.refresh_token.empty())) {
            // First start: the pair from the environment; its age is unknown.
            store.put(s.cfg.access_token, s.cfg.refresh_token, 0, impl::now());
            pair = store.get();
            seeded = true;
        }
    });
    if (!unreadable.empty()) {
        spdlog::error("zalo_oa: nothing can be sent to Zalo: {}", unreadable);
        return;
    }
    if (!pair) {
        s.never_authorised = true;
        spdlog::warn("zalo_oa: no access token yet, so nothing can be sent to Zalo. {}",
                     zalo_oa::first_authorisation_hint);
        return;
    }
    if (seeded)
        spdlog::info(
            "zalo_oa: stored the token pair from ZALO_OA_ACCESS_TOKEN/ZALO_OA_REFRESH_TOKEN; from now on "
            "the stored pair is used");
    else if (!s.cfg.refresh_token.empty() && s.cfg.refresh_token != pair->refresh_token)
        spdlog::info(
            "zalo_oa: using the stored token pair (ZALO_OA_REFRESH_TOKEN is only read on the first start)");
    if (pair->refresh_started_at != 0)
        spdlog::warn("zalo_oa: a token refresh was interrupted (the process stopped before its answer was "
                     "stored); trying the stored refresh token. If Zalo refuses it: {}",
                     zalo_oa::reauthorise_hint);
    s.access = pair->access_token;
    s.refresh_token = pair->refresh_token;
    s.expires_at = pair->refresh_started_at != 0 ? 0 : pair->expires_at;
    if (s.cfg.app_secret.empty())
        spdlog::warn("zalo_oa: ZALO_APP_SECRET is not set, so the access token cannot be refreshed when it "
                     "expires. Fix: export ZALO_APP_SECRET=<the app's secret from developers.zalo.me>");
    s.schedule();
}

void zalo_oa_tokens::stop() {
    impl_->stopped = true;
    impl_->timer.cancel();
    impl_->oauth->stop();
}

const std::string& zalo_oa_tokens::access_token() const {
    return impl_->access;
}

bool zalo_oa_tokens::needs_reauthorisation() const {
    return impl_->reauth || (impl_->access.empty() && impl_->refresh_token.empty());
}

std::string_view zalo_oa_tokens::missing_token_hint() const {
    return impl_->never_authorised ? zalo_oa::first_authorisation_hint : zalo_oa::reauthorise_hint;
}

void zalo_oa_tokens::refresh(std::function<void(bool)> done) {
    impl_->refresh(std::move(done));
}

} // namespace cnscd
