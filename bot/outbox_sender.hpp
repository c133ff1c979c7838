#pragma once

// Delivers outbox rows through the platform clients, at the platforms' pace:
// - interactive rows before bulk rows, per platform and within each chat;
// - a global rate, a per-chat rate and a per-group window (Telegram: 30/s, 1/s, 20/min);
// - one message in flight per chat, so a chat's messages leave in order;
// - 429: that chat waits retry_after; network and 5xx errors: the chat backs off;
// - the bot removed from a chat: its queued rows fail at once; a group that became a
//   supergroup: its rows move to the new id and are resent;
// - confirmations held back by a chat's limit are merged into one message.
// Every outcome is recorded through the writer. A row goes out twice only if the process
// dies between the platform's answer and that record (docs/ARCHITECTURE.md, "Delivery").

#include "bot/platform_client.hpp"
#include "config/config.hpp"
#include "storage/outbox.hpp"

#include <chrono>
#include <functional>
#include <memory>
#include <vector>

namespace boost::asio {
class io_context;
}

namespace cnscd {

class database;
class metrics;
class writer;

// Runs inside the writer transaction that records the outcome; may queue more rows.
using delivery_hook = std::function<void(database&, const delivery_report&)>;

class outbox_sender {
public:
    outbox_sender(boost::asio::io_context& io, writer& w, const config& cfg, metrics& m, delivery_hook hook);
    ~outbox_sender();

    void add_client(platform_client& client);
    // Hands over a committed row. May be called from any thread.
    void enqueue(const outbox_row& row);
    // Drops committed rows withdrawn since (a cancelled broadcast); one in flight still goes.
    // May be called from any thread.
    void withdraw(const std::vector<std::int64_t>& row_ids);
    // Loads the rows left pending by the previous run (call once, before serving).
    void load_pending();
    // Stops starting new sends; calls `done` when in-flight sends finished or `grace` passed.
    void stop(std::chrono::milliseconds grace, std::function<void()> done);

    std::int64_t depth() const;

private:
    struct impl;
    std::shared_ptr<impl> impl_;
};

} // namespace cnscd
