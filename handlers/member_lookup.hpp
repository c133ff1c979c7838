#pragma once

// The roster as the registry commands name it: the member a leader or ward staff names ("/xoa
// Lan", "/moi 3": by roster row (TT) or by name, accent-insensitively, within what the sender
// may manage), teams by name, roles in words, and the next row number.

#include "handlers/context.hpp"
#include "messages/registry_texts.hpp"

#include <optional>
#include <string>
#include <vector>

namespace cnscd {

// The members the sender manages: their team (leaders, deputies) or their ward (staff).
std::vector<member_record> managed_members(handler_context& ctx, bool include_inactive = false);

// The one member `who` names, or nullopt after replying why (`not_found` / ambiguous).
std::optional<member_record> find_managed_member(handler_context& ctx, const std::string& who,
                                                 registry_text not_found = registry_text::member_not_found);

// The team of the sender's ward that `name` names: "Tổ dân phố số 3", "to3" or "Tổ 3".
std::optional<team_record> team_named(handler_context& ctx, const std::string& name);

// The row number (TT) for someone added in chat: after the ward's highest, so that /moi and /xoa
// can name them by row like everyone imported.
std::string next_roster_row(handler_context& ctx);

// "tổ phó" for "deputy", in the reader's language.
std::string role_label(const handler_context& ctx, const std::string& code);

// The names of the sender's ward's teams: "Tổ dân phố số 1, Tổ dân phố số 2".
std::string teams_list(handler_context& ctx);

// Replies `question` ({example}, {ward}, {teams}) listing the teams of the sender's ward.
void ask_which_team(handler_context& ctx, registry_text question);

// A member's name for the reader: who had their personal data erased is stored under a
// placeholder in the operator's language, and is named here in the reader's.
std::string member_name(language lang, const member_record& m);
inline std::string member_name(const handler_context& ctx, const member_record& m) {
    return member_name(ctx.lang, m);
}

// "Tổ dân phố số 1" for a team id, "" when none.
std::string team_name(handler_context& ctx, std::optional<std::int64_t> team_id);

} // namespace cnscd
