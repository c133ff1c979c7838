#pragma once

// The 📣 button /thongke shows under a team's figures (handled in team_nudge.cpp).

#include "handlers/context.hpp"
#include "handlers/period.hpp"

#include <cstdint>
#include <string>

namespace cnscd {

// Whether the sender may remind this team (in its group, or privately when it has none).
bool offers_nudge(handler_context& ctx, const team_record& team);
std::string nudge_button_data(std::int64_t team_id, period_kind kind);

} // namespace cnscd
