#pragma once

// Sentences about the reporting calendar: reminders, deadlines (/hannop, /hannop_them),
// team and ward reports (/baocao) and their submission.

#include "messages/catalog.hpp"

namespace cnscd {

enum class report_text {
    period_month,
    period_quarter,
    period_year,
    period_until,
    period_range,
    how_to_submit,
    how_to_submit_listed,
    how_to_submit_button,
    how_to_submit_yourself, // the same three, said to the leader in a private chat
    how_to_submit_listed_yourself,
    how_to_submit_button_yourself,
    button_open_from_reminder,
    remind_before,
    remind_today,
    remind_overdue,
    ward_remind_before,
    ward_remind_today,
    ward_remind_overdue,
    staff_summary,
    staff_overdue,
    staff_unreachable,
    window_closing_hint,
    missed_while_away,           // the 7 days passed since their last message ({last})
    missed_while_refused,        // Zalo refused earlier (-230/-232) although 7 days had not passed
    missed_before_first_message, // they had never written to the OA privately
    nobody,
    someone,
    deadlines_header_team,
    deadlines_header_ward,
    deadline_line,
    status_on_time,
    status_late,
    status_not_yet,
    status_overdue,
    status_locked,
    status_not_owed,      // the team came after the deadline
    status_ward_none_owe, // every team came after the deadline
    status_ward,
    status_ward_overdue,
    status_ward_locked,
    deadlines_footer,
    deadlines_footer_member,
    deadlines_footer_staff,
    button_open_report,
    no_deadlines,
    add_deadline_form,
    add_deadline_bad_date,
    add_deadline_past,
    add_deadline_done,
    report_no_team,
    report_no_rule,
    report_week,
    report_header,
    figures,
    figure_active,
    figure_active_of,
    figure_evidence,
    figures_topics,
    figure_topic,
    figure_target,
    report_status_none,
    report_status_overdue,
    report_status_submitted,
    report_status_submitted_final,
    report_empty_warning,
    report_early_note,
    figures_changed_since_submitted,
    figures_changed_after_lock,
    report_locked_note,
    report_locked_unsent_note, // locked before the team sent it: what it can still do
    report_others_open,
    report_other_item,
    ward_others_open, // under /baocao phuong: the other open reports teams still owe
    ward_other_item,
    report_only_leader,
    button_submit,
    button_submit_comment,
    ask_comment,
    on_time,
    late,
    submitted,
    resubmitted,
    locked,
    stale_button,
    posted_to_ward,
    comment_line,
    ward_report_header,
    ward_completeness,
    ward_overdue_note,
    ward_figures_differ,      // the ward's live figures against what some teams submitted
    ward_figures_differ_team, // one such team: what it sent, what it has now
    ward_figures_differ_more, // the teams past the list's end
    report_staff_only_ward,
    report_ward_staff_only,
    sheet_teams,
    sheet_members,
    sheet_visits,
    col_no,
    col_team,
    col_visits,
    col_people,
    col_sessions,
    col_attendees,
    col_active,
    col_topic_records,
    col_topic_people,
    col_submitted_at,
    col_on_time,
    col_comment,
    col_submitted_figures,
    col_name,
    col_role,
    col_record,
    col_day,
    col_kind,
    col_member,
    col_place,
    col_topics,
    col_count,
    col_note,
    col_photos,
    value_on_time,
    value_late,
    value_not_submitted,
    value_not_owed, // the team was added after the deadline
    value_same_as_now,
    value_submitted_figures,
    value_left_team,
    value_total,
    kind_visit,
    kind_session,
    export_caption,
    export_failed,
    export_written,
    export_bad_period,
    export_future_period,
    export_no_folder,
    export_format_mismatch,
    remind_none,
    remind_to,
    remind_dry_run,
    remind_bad_time,
    remind_unreached, // reminders whose time came that reached no chat, then one line each
    remind_unreached_team,
    remind_unreached_staff,
    ward_own_line,
    button_submit_ward,
    report_only_staff,
    count_
};

std::string_view template_of(language lang, report_text key);

// "IV" for 4: quarters as Vietnamese documents write them.
std::string_view roman_quarter(int quarter);
// "November" for 11.
std::string_view english_month(int month);

} // namespace cnscd
