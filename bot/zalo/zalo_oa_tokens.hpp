#pragma once

// Keeps the Zalo OA access token fresh. Access tokens last about 25 h; refresh tokens are
// single-use, so every refresh is: mark "refresh started" durably -> call Zalo -> store the
// new pair durably -> only then use it. A crash between the call and the store leaves the
// mark; the next start says so, tries the stored token and, if Zalo refuses it, tells the
// operator to re-authorise (`cnscd-bot zalo-auth`). Tokens are never logged.

#include "config/config.hpp"

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

namespace boost::asio {
class io_context;
}

namespace cnscd {

class writer;

namespace zalo_oa {

// What POST /v4/oa/access_token answered.
struct oauth_answer {
    bool ok = false;
    std::string access_token;
    std::string refresh_token;
    std::int64_t expires_in = 0; // seconds (Zalo may send it as a string)
    bool transient = false;      // network or 5xx: the token was probably not spent
    std::string description;     // Zalo's error, for the operator
};
oauth_answer read_oauth_answer(int http_status, std::string_view body);

// Form bodies for the refresh and the first (authorisation code) grant.
std::string refresh_form(std::string_view refresh_token, std::string_view app_id);
std::string code_form(std::string_view code, std::string_view app_id, std::string_view code_verifier);

// The page the OA admin opens to grant the app access.
std::string permission_url(const zalo_oa_config& cfg, std::string_view redirect_uri, std::string_view state);

// The operator's instruction when the stored pair can no longer be refreshed.
constexpr std::string_view reauthorise_hint =
    "The Zalo OA must be re-authorised: run `cnscd-bot zalo-auth` and follow its steps (it prints the "
    "link an OA admin opens, then stores the new token pair).";

// The operator's instruction on a first start: no pair was ever stored or given.
constexpr std::string_view first_authorisation_hint =
    "The Zalo OA has not been authorised yet (no token pair stored, ZALO_OA_REFRESH_TOKEN not set). "
    "Authorise it once: run `cnscd-bot zalo-auth --redirect-uri https://YOUR.DOMAIN/zalo/callback` "
    "(the callback URL registered for the app at developers.zalo.me), have an OA admin open the link "
    "it prints, then run `cnscd-bot zalo-auth --code CODE` with the code Zalo returns, and restart "
    "serve.";

} // namespace zalo_oa

class zalo_oa_tokens {
public:
    // `data_key` (config::data_key) seals the stored pair; empty = stored as it is.
    zalo_oa_tokens(boost::asio::io_context& io, writer& w, const zalo_oa_config& cfg, std::string data_key);
    ~zalo_oa_tokens();

    // Loads the stored pair (or, on the very first start, the one from the environment) and
    // schedules the refresh ahead of expiry. Call once, before sending.
    void start();
    void stop();

    // The current access token; empty when there is none.
    const std::string& access_token() const;
    // True when the stored pair cannot be refreshed any more (the operator must act).
    bool needs_reauthorisation() const;
    // What the operator must do while there is no access token: authorise the OA a first time,
    // or again after Zalo refused the stored refresh token.
    std::string_view missing_token_hint() const;

    // Refreshes now (several callers share one refresh); `done(true)` once a new token is
    // stored and in use.
    void refresh(std::function<void(bool)> done);

private:
    struct impl;
    std::shared_ptr<impl> impl_;
};

} // namespace cnscd
