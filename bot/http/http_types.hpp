#pragma once

// Plain HTTP request/response values, so routes and clients can be declared without Beast.

#include <functional>
#include <optional>
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
    // How many times a header (case-insensitive name) was sent.
    std::size_t header_count(std::string_view name) const;
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
// Looks at a request before its body is read (the body is still empty): a refusal returned
// here is sent at once, so a caller without the secret cannot make the server hold its body.
using http_header_check = std::function<std::optional<http_reply>(const http_request&)>;

} // namespace cnscd
