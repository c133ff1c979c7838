#include "bot/http/http_types.hpp"

#include <strings.h>

namespace cnscd {

std::string_view http_request::header(std::string_view name) const {
    for (auto& [k, v] : headers)
        if (k.size() == name.size() && strncasecmp(k.data(), name.data(), k.size()) == 0)
            return v;
    return {};
}

std::size_t http_request::header_count(std::string_view name) const {
    std::size_t n = 0;
    for (auto& [k, v] : headers)
        if (k.size() == name.size() && strncasecmp(k.data(), name.data(), k.size()) == 0)
            ++n;
    return n;
}

std::string_view http_request::path() const {
    std::string_view t = target;
    // The absolute form ("http://host/telegram/webhook"), which servers must accept (RFC 9112,
    // 3.2.2) and some proxies forward: the route is the part after the authority.
    for (std::string_view scheme : {"http://", "https://"})
        if (t.size() > scheme.size() && strncasecmp(t.data(), scheme.data(), scheme.size()) == 0) {
            auto slash = t.find_first_of("/?", scheme.size());
            t = slash == std::string_view::npos || t[slash] == '?' ? std::string_view("/") : t.substr(slash);
            break;
        }
    return t.substr(0, t.find('?'));
}

} // namespace cnscd
