#pragma once

// An in-process fake of Zalo on loopback, for integration tests: the OA API v3
// (/v3.0/oa/message/cs, /v3.0/oa/group/message; HTTP 200 with an `error` field), OAuth v4
// token refresh (/v4/oa/access_token; refresh tokens are single-use) and the Zalo Bot
// Platform (/bot<token>/<method>; getUpdates hands out one update per call, 408 when none).
// Modelled on fake_telegram; tests script errors per path.

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace cnscd::test {

struct zalo_call {
    std::string path;         // "/v3.0/oa/message/cs", "/v4/oa/access_token", "/bot<token>/sendMessage"
    std::string method;       // Bot Platform method name, else empty
    std::string access_token; // OA: header access_token; Bot: the token in the path
    std::string secret_key;   // OAuth: header secret_key
    std::string body;
    std::string to;    // recipient.user_id / recipient.group_id / chat_id
    std::string text;  // message.text / text
    std::string reply; // what the fake answered
};

struct zalo_reply {
    int status = 200;
    std::string body;
};

class fake_zalo {
public:
    fake_zalo();
    ~fake_zalo();

    std::string base_url() const; // http://127.0.0.1:<port>

    std::vector<zalo_call> calls() const;
    std::vector<zalo_call> calls(const std::string& path_or_method) const;
    bool wait_for(const std::function<bool(const std::vector<zalo_call>&)>& pred,
                  std::chrono::milliseconds timeout) const;

    // The next `times` calls whose path (or Bot method) is `path_or_method` get `reply`.
    void script(const std::string& path_or_method, zalo_reply reply, int times = 1);
    // The same, only for calls to recipient `to` (recipient.user_id / group_id / chat_id).
    void script_to(const std::string& path_or_method, const std::string& to, zalo_reply reply, int times = 1);

    // OA tokens: the one access token accepted and the one refresh token that may be spent.
    void set_oa_tokens(const std::string& access, const std::string& refresh);
    std::string oa_access_token() const;
    std::string oa_refresh_token() const;
    // Refresh calls spend the token but the answer is lost (the connection is closed).
    void drop_refresh_answers(bool on);

    // Zalo Bot updates handed out by getUpdates, one per call.
    void push_bot_update(const std::string& update_json);

private:
    struct impl;
    std::shared_ptr<impl> impl_;
};

} // namespace cnscd::test
