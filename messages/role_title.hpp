#pragma once

// The team roles as people write them, in a roster's "Chức vụ Tổ CNSCĐ" column or after
// /doivaitro: one vocabulary for both.

#include <optional>
#include <string>
#include <string_view>

namespace cnscd {

// "Tổ trưởng", "Trưởng nhóm" -> leader; "Tổ phó (thường trực)", "Phó tổ trưởng", "Phó nhóm" ->
// deputy; "Thành viên"/"Tổ viên" (or an empty title) -> member; anything else -> nullopt.
// Accents, case, spaces and punctuation do not matter.
std::optional<std::string> role_from_title(std::string_view title);
// "Cán bộ phường", "quản trị", "admin": roles that are not a team's, given only by the operator.
bool is_staff_title(std::string_view title);
// The roster's title for a team role: "leader" -> "Tổ trưởng", "deputy" -> "Tổ phó", else
// "Thành viên". Read back by role_from_title as the same role.
std::string standard_title(std::string_view role);

} // namespace cnscd
