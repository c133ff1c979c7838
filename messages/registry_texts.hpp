#pragma once

// Sentences about the roster: linking accounts, invites, group binding, members, roles,
// and the roster import/export report.

#include "messages/catalog.hpp"

namespace cnscd {

enum class registry_text {
    contact_only_private,
    contact_not_yours,
    contact_not_on_roster,
    linked_welcome,
    held_recording,
    already_linked,
    linked_to_other,
    member_inactive,
    invite_created,
    invite_link,
    member_not_found,
    invite_not_on_roster,
    member_ambiguous,
    member_candidate,
    code_unknown,
    code_used,
    code_expired,
    bind_done_team,
    bind_done_ward,
    bind_already,
    bind_taken,
    bind_no_team,
    bind_team_unknown,
    members_header,
    member_line,
    member_linked_mark,
    members_pick_team,
    removed,
    cannot_remove_self,
    cannot_touch_staff,
    role_changed,
    role_same,
    last_leader,
    role_needs_leader,
    out_of_scope,
    joined_open_notice,
    import_header,
    import_dry_run,
    import_counts,
    import_teams_created,
    import_added_line,
    import_changed_line,
    import_rejected_line,
    reason_missing_name,
    reason_bad_phone,
    reason_bad_cccd,
    reason_unknown_role,
    reason_missing_team,
    reason_duplicate_phone,
    reason_duplicate_cccd,
    file_empty,
    file_no_header,
    file_missing_columns,
    file_not_utf8,
    file_unreadable,
    no_data_key,
    staff_added,
    staff_updated,
    export_done,
    export_full_cccd,
    ward_unknown,
    count_
};

std::string_view template_of(language lang, registry_text key);

} // namespace cnscd
