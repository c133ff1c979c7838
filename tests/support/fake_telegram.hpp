#pragma once

// An in-process fake of the Telegram Bot API on loopback, faithful to the documented
// protocol (POST /bot<token>/<method>, JSON bodies, {"ok":...} envelopes, error codes with
// parameters.retry_after and parameters.migrate_to_chat_id). Tests script failures per chat
// and can make it enforce Telegram's published rate limits.

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace cnscd::test {

struct recorded_call {
    std::string method;  // "sendMessage"
    std::string token;   // from the path
    std::string body;    // as received
    std::string chat_id; // body.chat_id as text, if any
    std::string text;    // body.text, if any
    int status = 200;    // what the fake answered (429 when over the limits)
    std::chrono::steady_clock::time_point at;
};

struct canned_reply {
    int status = 200;
    std::string body;
    std::chrono::milliseconds delay{0};
    bool lost = false; // (internal) the call is dropped unanswered
};

class fake_telegram {
public:
    fake_telegram();
    ~fake_telegram();

    std::uint16_t port() const;
    std::string base_url() const; // http://127.0.0.1:<port>

    // Every call received so far (copies; safe from any thread).
    std::vector<recorded_call> calls() const;
    std::vector<recorded_call> calls(const std::string& method) const;
    std::size_t count(const std::string& method) const;
    // Waits until `pred(calls())` holds or `timeout` passes; returns whether it held.
    bool wait_for(const std::function<bool(const std::vector<recorded_call>&)>& pred,
                  std::chrono::milliseconds timeout) const;

    // The next `times` calls to `method` for `chat_id` ("" = any chat) get this reply.
    void script(const std::string& method, const std::string& chat_id, canned_reply reply, int times = 1);
    // Every reply is delayed by this much (a slow platform).
    void set_delay(std::chrono::milliseconds delay);
    // Enforce Telegram's published limits: 429 with retry_after when exceeded.
    void enforce_limits(bool on, double global_per_second = 30, int per_group_per_minute = 20,
                        double per_chat_per_second = 1);
    std::size_t rate_limited() const; // 429s answered because of enforce_limits

    // Updates handed out by getUpdates, as JSON objects. As Telegram (platforms.md, 1.3): each
    // is offered by every call until a call's offset is above it, which confirms it.
    void push_update(const std::string& update_json);
    // While on, a getUpdates call whose offset would confirm a held update is lost on the way
    // (recorded with status 0, the connection closed unanswered), as when the network drops it:
    // the bot has the updates and Telegram still holds them.
    void lose_confirmations(bool on);
    // Updates still held (not yet confirmed).
    std::size_t held_updates() const;

    // Stops answering: connections are refused until resume() (the platform unreachable).
    void go_offline();
    void resume();

private:
    struct impl;
    std::shared_ptr<impl> impl_;
};

// A webhook body: `text` written by user `chat` in their private chat with the bot.
std::string private_update(std::int64_t update_id, std::int64_t chat, const std::string& text);

} // namespace cnscd::test
