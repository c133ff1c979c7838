#pragma once

// Plain HTTP request/response values, so routes and clients can be declared without Beast.

#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace cnscd {

using header_list = std::vector<std::pair<std::string, std::string>>;

struct http_request {
    std::string method; // "GET", "POST"
    std::string target; // path and query
    header_list headers;
    std::string body;
    std::string remote; // peer address, for logs

    // Value of a header (case-insensitive name), or empty.
    std::string_view header(std::string_view name) const;
    std::string_view path() const;
};

struct http_reply {
    int status = 200;
    std::string content_type = "text/plain; charset=utf-8";
    std::string body;
};

// Answers a request; call exactly once, from any thread.
using http_respond = std::function<void(http_reply)>;
using http_handler = std::function<void(http_request&&, http_respond)>;

} // namespace cnscd
