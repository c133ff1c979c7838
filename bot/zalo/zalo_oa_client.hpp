#pragma once

// Sends outbox rows to a Zalo Official Account's users and GMF groups (OA API v3, header
// `access_token`). Token errors refresh the token once and resend; the night curfew
// reschedules to 06:00 local; "outside the interaction window" fails for good, visibly.

#include "bot/platform_client.hpp"
#include "config/config.hpp"

#include <memory>

namespace boost::asio {
class io_context;
}

namespace cnscd {

class zalo_oa_tokens;

std::unique_ptr<platform_client> make_zalo_oa_client(boost::asio::io_context& io, const zalo_oa_config& cfg,
                                                     int utc_offset_minutes, zalo_oa_tokens& tokens);

} // namespace cnscd
