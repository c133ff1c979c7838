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
    remind_before,
    remind_today,
    remind_overdue,
    ward_remind_before,
    ward_remind_today,
    ward_remind_overdue,
    staff_summary,
    staff_overdue,
    nobody,
    deadlines_header_team,
    deadlines_header_ward,
    deadline_line,
    status_on_time,
    status_late,
    status_not_yet,
    status_overdue,
    status_locked,
    status_ward,
    deadlines_footer,
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
    figures_topics,
    figure_topic,
    figure_target,
    report_status_none,
    report_status_submitted,
    report_locked_note,
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
    report_staff_only_ward,
    report_ward_staff_only,
    count_
};

std::string_view template_of(language lang, report_text key);

// "IV" for 4: quarters as Vietnamese documents write them.
std::string_view roman_quarter(int quarter);
// "November" for 11.
std::string_view english_month(int month);

} // namespace cnscd
