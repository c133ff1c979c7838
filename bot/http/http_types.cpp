#include "bot/http/http_types.hpp"

#include <strings.h>

namespace cnscd {

std::string_view http_request::header(std::string_view name) const {
    for (auto& [k, v] : headers)
        if (k.size() == name.size() && strncasecmp(k.data(), name.data(), k.size()) == 0)
            return v;
    return {};
}

std::string_view http_request::path() const {
    std::string_view t = target;
    return t.substr(0, t.find('?'));
}

} // namespace cnscd
