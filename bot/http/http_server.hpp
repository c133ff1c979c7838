#pragma once

// The bot's HTTP server (Boost.Beast, asynchronous): exact-path routes, limits on body
// size, header size, read time and open connections. Routes answer through a callback, so
// a webhook can reply only after its update has been committed.

#include "bot/http/http_types.hpp"
#include "config/config.hpp"

#include <functional>
#include <memory>
#include <string>

namespace boost::asio {
class io_context;
}

namespace cnscd {

class metrics;

class http_server {
public:
    http_server(boost::asio::io_context& io, const http_config& cfg, metrics& m);
    ~http_server();

    // Registers `handler` for requests with this method and exact path; `check`, when given,
    // may refuse a request from its headers before the body is read. `max_body_bytes` (0: the
    // server's http.max_body_bytes) is for routes that take only small bodies but cannot tell
    // a forged request before reading it (a signature over the body).
    void route(std::string method, std::string path, http_handler handler, http_header_check check = {},
               std::size_t max_body_bytes = 0);
    // Binds and listens, without accepting yet (connections wait in the backlog); throws with
    // a clear message if the address is taken. `serve` calls it before it changes anything.
    void listen();
    // Starts accepting (listening first if listen() was not called).
    void start();
    // Stops accepting new connections; open ones finish their current request.
    void stop();
    std::uint16_t port() const;
    std::size_t open_connections() const;

    struct impl; // defined in http_server.cpp

private:
    std::shared_ptr<impl> impl_;
};

} // namespace cnscd
