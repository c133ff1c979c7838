#pragma once

// An asynchronous HTTP(S) client for one origin (a platform's API), with a small pool of
// keep-alive connections. HTTPS verifies the server's certificate and host name.
// Use from the io_context's thread; callbacks run there too.

#include "bot/http/http_types.hpp"

#include <chrono>
#include <functional>
#include <memory>
#include <string>

namespace boost::asio {
class io_context;
}

namespace cnscd {

struct http_call {
    std::string method = "POST";
    std::string target; // path and query, e.g. "/bot<token>/sendMessage"
    std::string content_type = "application/json";
    std::string body;
    header_list headers;
    std::chrono::milliseconds timeout{std::chrono::seconds(30)};
};

struct http_result {
    std::string error; // transport failure (connect, TLS, timeout); empty when a response came
    int status = 0;
    std::string body;
    double seconds = 0;

    bool ok() const { return error.empty(); }
};

class http_client {
public:
    virtual ~http_client() = default;
    virtual void request(http_call call, std::function<void(http_result)> done) = 0;
    // Closes idle connections and fails queued calls; in-flight calls complete or time out.
    virtual void stop() = 0;
    virtual std::size_t in_flight() const = 0;
};

// `base_url` is "https://host[:port]" or "http://host[:port]"; throws on a malformed one.
// Up to `pipeline_depth` requests may wait for their answers on one connection (HTTP/1.1
// pipelining; 1 = one at a time).
std::shared_ptr<http_client> make_http_client(boost::asio::io_context& io, const std::string& base_url,
                                              std::size_t max_connections, std::size_t pipeline_depth = 1);

// The path part of a base URL, without trailing slashes ("http://h:1/api/" -> "/api", "" for
// none): API paths are appended to it, so a platform may sit behind a path prefix.
std::string base_path(std::string_view base_url);

// Percent-encodes for application/x-www-form-urlencoded.
std::string url_encode(std::string_view text);

} // namespace cnscd
