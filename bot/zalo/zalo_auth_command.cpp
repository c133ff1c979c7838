// `cnscd-bot zalo-auth`: the first authorisation of the Zalo OA (and the way back after a
// refresh token was lost). Without --code it prints the steps and the permission link; with
// --code it trades the code for a token pair and stores it. Tokens are never printed.

#include "bot/app.hpp"
#include "bot/http/http_client.hpp"
#include "bot/zalo/zalo_oa_tokens.hpp"
#include "storage/database.hpp"
#include "storage/zalo_token_store.hpp"

#include <boost/asio/io_context.hpp>

#include <iostream>
#include <random>

namespace cnscd {

namespace {

std::int64_t unix_now() {
    return std::chrono::duration_cast<std::chrono::seconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

} // namespace

int run_zalo_auth(const config& cfg, const zalo_auth_request& request) {
    auto& z = cfg.zalo_oa;
    if (z.app_id.empty()) {
        std::cerr << "zalo-auth: ZALO_OA_APP_ID is not set. Fix: export ZALO_OA_APP_ID=<the app id shown at "
                     "developers.zalo.me, the app linked to your OA>\n";
        return 2;
    }
    if (request.code.empty()) {
        if (request.redirect_uri.empty()) {
            std::cerr << "zalo-auth: need --redirect-uri, the callback URL registered for the app at "
                         "developers.zalo.me (Official Account > callback URL), e.g. "
                         "--redirect-uri https://bot.example.vn/zalo/callback\n";
            return 2;
        }
        std::mt19937_64 rng(std::random_device{}());
        auto state = std::to_string(rng() % 1000000000);
        std::cout << "Authorising the Zalo OA for app " << z.app_id << ":\n"
                  << "1. An admin of the OA opens this link while logged in to Zalo and allows access:\n   "
                  << zalo_oa::permission_url(z, request.redirect_uri, state) << "\n"
                  << "2. Zalo then opens " << request.redirect_uri << "?code=...&state=" << state
                  << ". Copy the value of `code` (it is valid for a few minutes).\n"
                  << "3. Run: cnscd-bot zalo-auth --code <that code>\n"
                  << "   (with ZALO_APP_SECRET set; the token pair is stored in the database, not printed)\n"
                  << "4. Restart `cnscd-bot serve`.\n";
        return 0;
    }
    if (z.app_secret.empty()) {
        std::cerr
            << "zalo-auth: ZALO_APP_SECRET is not set. Fix: export ZALO_APP_SECRET=<the app's secret key "
               "from developers.zalo.me> (it is not the OA secret key)\n";
        return 2;
    }
    boost::asio::io_context io(1);
    auto http = make_http_client(io, z.oauth_base, 1, 1);
    http_call call;
    std::string_view base = z.oauth_base;
    auto scheme = base.find("://");
    auto slash = base.find('/', scheme == std::string_view::npos ? 0 : scheme + 3);
    call.target =
        (slash == std::string_view::npos ? "" : std::string(base.substr(slash))) + "/v4/oa/access_token";
    call.content_type = "application/x-www-form-urlencoded";
    call.headers.emplace_back("secret_key", z.app_secret);
    call.body = zalo_oa::code_form(request.code, z.app_id, request.code_verifier);
    call.timeout = std::chrono::seconds(20);
    std::optional<http_result> result;
    http->request(std::move(call), [&](http_result r) { result = std::move(r); });
    io.run_for(std::chrono::seconds(25));
    if (!result) {
        std::cerr << "zalo-auth: no answer from " << z.oauth_base << " within 25 s\n";
        return 1;
    }
    if (!result->ok()) {
        std::cerr << "zalo-auth: cannot reach " << z.oauth_base << ": " << result->error << "\n";
        return 1;
    }
    auto a = zalo_oa::read_oauth_answer(result->status, result->body);
    if (!a.ok) {
        std::cerr << "zalo-auth: Zalo refused the code (" << a.description
                  << "). Codes are single-use and expire within minutes: run `cnscd-bot zalo-auth "
                     "--redirect-uri ...` again for a new one\n";
        return 1;
    }
    try {
        auto db = database::open(cfg.storage.db_path, {true, true, cfg.storage.synchronous});
        auto now = unix_now();
        db->in_transaction([&] {
            zalo_token_store(*db, cfg.data_key)
                .put(a.access_token, a.refresh_token, now + (a.expires_in > 0 ? a.expires_in : 25 * 3600),
                     now);
        });
    } catch (const std::exception& e) {
        std::cerr << "zalo-auth: Zalo issued a token pair but it could not be stored: " << e.what()
                  << ". Fix the database problem and authorise again\n";
        return 1;
    }
    std::cout << "zalo-auth: the OA's token pair is stored in " << cfg.storage.db_path
              << ". Restart `cnscd-bot serve` to use it.\n";
    return 0;
}

} // namespace cnscd
