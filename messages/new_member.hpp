#pragma once

// Reading "/thanhvien_them": a leader or ward staff adds a newcomer to a team in chat.

#include "messages/command.hpp"

#include <string_view>
#include <variant>

namespace cnscd {

// "[Tổ 2:] Nguyễn Văn Mới, 0905 123 456, tổ phó, Ngõ 7" in any order after the name, which
// comes first; the phone may also follow the name without a comma. What is neither a phone
// nor a role is the area in charge.
std::variant<cmd_add_member, command_error> read_new_member(std::string_view args);

} // namespace cnscd
