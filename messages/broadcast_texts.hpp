#pragma once

// Sentences about announcements to team groups and the guide library.

#include "messages/catalog.hpp"

namespace cnscd {

enum class broadcast_text {
    preview,
    targets_named,
    teams_without_group,
    teams_bot_removed, // bound groups the bot was removed from: add it back, no need to bind again
    nowhere_to_send,
    targets_not_reported,
    targets_not_reported_any,
    all_reported,
    all_reported_since,   // a chua-bao-cao announcement at its time: every team has caught up
    scheduled_owing_note, // a scheduled chua-bao-cao announcement: only those still behind then
    skipped_reported,
    no_group_summary,  // under the delivery summary: teams it could not reach, whom to phone
    team_leader_phone, // one of them: the team, its leader and the leader's phone     // under the delivery
                       // summary: teams that reported before it went out
    when_scheduled,
    schedule_note,             // in the preview: when it will go, and from which words
    schedule_note_without_luc, // the same, read from a leading time: how to send it as text
    button_send,
    button_cancel,
    button_retry,
    usage,
    no_targets,
    no_groups_bound,
    unknown_teams,
    time_past,
    guide_unknown,
    queued,
    scheduled,
    progress,
    finished,
    failure_header,
    failure_line,
    failure_more,
    reason_gone,
    reason_window, // nobody there wrote to the bot within the platform's window (Zalo OA)
    reason_other,  // anything else: the platform's own words, in a frame staff can read
    cancelled,
    cancel_hint,         // under a queued or scheduled announcement: how to stop it
    cancelled_scheduled, // stopped before its time: no group got it
    cancelled_sending,   // stopped part-way
    campaign_not_found,
    already_sent,
    draft_expired, // a preview confirmed too long after it was made
    not_yours,
    retry_queued,
    nothing_to_retry,
    list_header,
    list_line,
    list_line_unsent,
    list_failure_line, // under an announcement in the list: a group that did not get it, why, the fix
    fix_gone,
    fix_window,
    fix_other,
    button_retry_no, // under the list: resend announcement {id} to its failed groups
    list_empty,
    state_draft,
    state_draft_expired,
    state_scheduled,
    state_sending,
    state_done,
    state_cancelled,
    attachment_note,
    quiet_note,
    group_header,          // above the announcement in each team group: who it is from
    group_header_nameless, // the same when the staff member's name is no longer known
    count_
};

enum class guide_text {
    list_header,
    list_line,
    list_footer,
    not_found,
    several,
    added,
    needs_file,
    file_caption,
    count_
};

std::string_view template_of(language lang, broadcast_text key);
std::string_view template_of(language lang, guide_text key);

} // namespace cnscd
