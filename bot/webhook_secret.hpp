#pragma once

// The header check of a webhook that carries a shared secret in a header (Telegram, the Zalo
// Bot Platform). The server runs it on the headers, before the body is read, so a caller
// without the secret costs no memory; each refusal is counted, and logged once a minute
// however many come.

#include "bot/http/http_types.hpp"
#include "messages/incoming.hpp"

#include <string>

namespace cnscd {

class metrics;

// Refuses with 401 unless `header` is sent exactly once and equals `secret` (compared in
// constant time); an empty `secret` refuses everything. `secret` and `m` must outlive the route.
http_header_check webhook_secret_check(channel platform, std::string header, const std::string& secret,
                                       metrics& m);

} // namespace cnscd
