#include "bot/secure_compare.hpp"

#include <openssl/crypto.h>

namespace cnscd {

bool secure_equals(std::string_view a, std::string_view b) {
    // Length is not secret (Telegram's secret has a fixed length per deployment).
    if (a.size() != b.size())
        return false;
    return CRYPTO_memcmp(a.data(), b.data(), a.size()) == 0;
}

} // namespace cnscd
