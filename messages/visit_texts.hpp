#pragma once

// Sentences about logging visits and sessions, and the stats members and leaders ask for.

#include "messages/catalog.hpp"

namespace cnscd {

enum class visit_text {
    visit_recorded,
    session_recorded,
    recorded_by, // group chats: who logged it, since merged confirmations lose the quote
    on_date,
    date_vague, // date words not read ("bữa trước"): the day recorded is a stand-in
    people_helped,
    attendees,
    attendees_missing,
    attendees_not_times, // "x2" at a session: read as a number of times, so no attendees yet
    people_vague,        // "vài người": the visit keeps 1 person until the member writes the number
    no_topic_recorded,
    ask_topic,
    ask_topic_by_number,
    topic_number_item,
    topic_set,
    topic_question_expired,
    topic_question_replaced, // a member's new question in a group takes the place of the open one
    no_question_open,        // a number typed privately with no question waiting for it
    not_your_record,
    not_your_record_undo,
    changed_for_member,
    record_not_found,
    record_cancelled_already,
    undo_done,
    edited_message_hint,
    undo_nothing,
    undo_too_late,
    edit_done,
    edit_usage,
    missing_place,
    visit_address_missing, // a count or a date, but no household nor what was done
    session_venue_missing,
    refused_future,
    refused_too_old,
    visit_too_many_people, // more people than a household visit helps: a typo, or a session
    edit_too_many_people,
    refused_locked,
    ask_leader_to_add,   // the end of refused_too_old and refused_locked, for members
    tell_staff_to_add,   // for leaders and deputies; ward staff get no advice
    in_submitted_report, // a record changed in a period whose report the team already sent
    in_locked_report,    // a record dated after a locked report's due date, inside its period
    no_team,
    photo_kept,
    photo_added,
    photo_no_record,
    photo_too_many,
    photo_usage,
    photo_view_private,
    photo_none,
    photo_caption,
    photo_other_platform,
    photo_not_allowed,
    photo_loose_hint,
    offer_to_log,
    button_log_visit,
    button_log_session,
    offer_expired_hint,
    count_
};

enum class stats_text {
    my_header,
    team_header,
    ward_header,
    line_visits,
    line_sessions,
    line_active,
    line_evidence,
    line_topics_header,
    other_team_only,
    other_team_in_group, // a team named in another team's group
    line_topic,
    versus_previous,
    versus_before,
    versus_sessions, // added to either of the above when there were sessions
    change_up,
    change_down,
    change_same,
    members_header,
    member_line,
    former_member,
    idle_members,
    new_to_team, // on the team since a day inside the period, nothing logged for it yet
    team_since_day,
    idle_none,
    teams_header,
    team_line,
    more_members, // "… and N more" under a list cut at its last shown line
    more_teams,
    idle_teams,
    teams_without_members, // not idle: nobody is on them to log anything
    target_header,
    target_line,
    team_households,
    nothing_yet,
    recent_header,
    recent_line,
    recent_line_in_group, // without the address
    ranking_members_header,
    ranking_teams_header,
    ranking_line,
    ranking_sessions,
    ranking_empty,
    ranking_basis,
    pick_team,
    ward_group_own_team, // a member's /thongke in the ward's group, where it is the ward's
    nudge_button,
    nudge_post,
    nudge_sent,
    nudge_nobody,
    nudge_private,
    nudge_sent_private,
    nudge_sent_private_partly,
    nudge_no_one_reachable,
    nudge_undelivered_header, // a private nudge's messages that failed for good, told afterwards
    nudge_undelivered_line,
    nudge_reason_gone,   // blocked the bot, unfollowed the OA, or the account is gone
    nudge_reason_window, // Zalo OA refused: the member has not written to the OA in 7 days
    nudge_reason_other,  // anything else: the platform's own words
    nudge_undelivered_advice,
    nudge_too_soon,
    nudge_not_yours,
    nudge_bad_words,
    team_unknown,
    period_this_week,
    period_this_month,
    period_this_quarter,
    period_this_year,
    period_last_week,
    period_last_month,
    period_last_quarter,
    period_last_year,
    count_
};

std::string_view template_of(language lang, visit_text key);
std::string_view template_of(language lang, stats_text key);

} // namespace cnscd
