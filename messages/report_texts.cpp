#include "messages/report_texts.hpp"

#include <array>

namespace cnscd {
namespace {

std::string_view vi(report_text key) {
    using t = report_text;
    switch (key) {
    case t::period_month:
        return "tháng {month}/{year}";
    case t::period_quarter:
        return "quý {roman}/{year}";
    case t::period_year:
        return "năm {year}";
    case t::period_until:
        return "đến ngày {date}";
    case t::period_range:
        return "{label} (từ {from} đến {to})";
    case t::how_to_submit:
        return "Tổ trưởng gõ {command} để xem số liệu và nộp báo cáo.";
    case t::how_to_submit_listed:
        return "Tổ trưởng gõ /hannop rồi bấm hạn này để xem số liệu và nộp báo cáo.";
    case t::how_to_submit_button:
        return "Tổ trưởng bấm nút bên dưới để xem số liệu và nộp báo cáo.";
    case t::how_to_submit_yourself:
        return "Bạn gõ {command} để xem số liệu và nộp báo cáo.";
    case t::how_to_submit_listed_yourself:
        return "Bạn gõ /hannop rồi bấm hạn này để xem số liệu và nộp báo cáo.";
    case t::how_to_submit_button_yourself:
        return "Bạn bấm nút bên dưới để xem số liệu và nộp báo cáo.";
    case t::button_open_from_reminder:
        return "📋 Xem và nộp báo cáo";
    case t::remind_before:
        return "⏰ <b>Nhắc hạn báo cáo</b> — {team}\n"
               "<b>{deadline}</b> ({period}): hạn chót {due} (còn {days} ngày).\n"
               "Tổ chưa nộp. {how}";
    case t::remind_today:
        return "⏰ <b>Hôm nay là hạn chót</b> — {team}\n"
               "<b>{deadline}</b> ({period}): hạn {due}.\n"
               "Tổ chưa nộp. {how}";
    case t::remind_overdue:
        return "⚠️ <b>Quá hạn báo cáo</b> — {team}\n"
               "<b>{deadline}</b> ({period}) đã quá hạn từ {due}.\n"
               "Vẫn nộp được đến {lock}; sau đó kỳ báo cáo sẽ khóa. {how}";
    case t::ward_remind_before:
        return "⏰ <b>Nhắc hạn báo cáo của phường</b>\n"
               "<b>{deadline}</b> ({period}): hạn chót {due} (còn {days} ngày). Phường chưa nộp.";
    case t::ward_remind_today:
        return "⏰ <b>Hôm nay là hạn chót báo cáo của phường</b>\n"
               "<b>{deadline}</b> ({period}): hạn {due}. Phường chưa nộp.";
    case t::ward_remind_overdue:
        return "⚠️ <b>Báo cáo của phường quá hạn</b>\n"
               "<b>{deadline}</b> ({period}) đã quá hạn từ {due}; khóa vào {lock}.";
    case t::staff_summary:
        return "📋 <b>Đến hạn {deadline}</b> ({period}): {due}\n"
               "Đã nộp đúng hạn: {on_time}/{expected} tổ.\n"
               "Chưa nộp ({missing_count}): {missing}";
    case t::staff_overdue:
        return "📋 <b>{deadline}</b> ({period}): còn {missing_count}/{expected} tổ chưa nộp (kỳ khóa vào "
               "{lock}): {missing}";
    case t::window_closing_hint:
        return "ℹ️ Zalo chỉ cho bot nhắn riêng cho bạn trong 7 ngày sau tin nhắn cuối của bạn. Nhắn cho OA một tin "
               "bất kỳ (ví dụ /hannop) để tiếp tục nhận nhắc hạn.";
    case t::missed_while_away:
        return "📬 Tin nhắc hạn dưới đây chưa đến được với bạn: Zalo chỉ cho bot nhắn riêng trong vòng 7 ngày "
               "kể từ tin nhắn cuối của bạn, mà lần cuối bạn nhắn cho OA là ngày {last}.";
    case t::missed_while_refused:
        return "📬 Tin nhắc hạn dưới đây chưa đến được với bạn: Zalo đã từ chối tin nhắn riêng của bot gửi cho "
               "bạn, dù lúc đó chưa quá 7 ngày kể từ tin nhắn cuối của bạn (ngày {last}). Bạn vừa nhắn lại nên "
               "bot gửi bù ngay.";
    case t::missed_before_first_message:
        return "📬 Tin nhắc hạn dưới đây chưa đến được với bạn: Zalo chỉ cho bot nhắn riêng sau khi bạn đã nhắn "
               "cho OA, và trước tin này bạn chưa nhắn lần nào.";
    case t::staff_unreachable:
        return "📵 Bot không nhắc được {teams}: tổ chưa gắn nhóm chat, và tổ trưởng chưa liên kết tài khoản "
               "hoặc đã quá 7 ngày chưa nhắn cho OA Zalo (Zalo chỉ cho bot nhắn riêng trong 7 ngày sau tin "
               "nhắn cuối của người dùng). Hãy gọi điện nhắc tổ trưởng.";
    case t::nobody:
        return "không có";
    case t::someone:
        return "Tổ";
    case t::deadlines_header_team:
        return "📅 <b>Hạn báo cáo của {team}</b>";
    case t::deadlines_header_ward:
        return "📅 <b>Hạn báo cáo — {ward}</b>";
    case t::deadline_line:
        return "• <b>{deadline}</b> ({period}): hạn {due}\n"
               "   {status}";
    case t::status_on_time:
        return "✅ đã nộp đúng hạn vào {at}";
    case t::status_late:
        return "🟡 đã nộp muộn vào {at}";
    case t::status_not_yet:
        return "⏳ chưa nộp";
    case t::status_overdue:
        return "⚠️ quá hạn, còn nộp được đến {lock}";
    case t::status_locked:
        return "🔒 đã khóa, không nộp";
    case t::status_not_owed:
        return "ℹ️ tổ vào sau hạn này nên không phải nộp";
    case t::status_ward_none_owe:
        return "ℹ️ không tổ nào phải nộp: các tổ đều vào sau hạn này";
    case t::status_ward:
        return "{submitted}/{expected} tổ đã nộp ({on_time} đúng hạn)";
    case t::status_ward_locked:
        return "{submitted}/{expected} tổ đã nộp ({on_time} đúng hạn); 🔒 đã khóa";
    case t::status_ward_overdue:
        return "{submitted}/{expected} tổ đã nộp ({on_time} đúng hạn); ⚠️ đã quá hạn, tổ chưa nộp còn nộp "
               "muộn được đến {lock}";
    case t::deadlines_footer:
        return "Bấm một hạn bên dưới để xem và nộp báo cáo, hoặc gõ /baocao tháng, /baocao quý, /baocao năm.";
    case t::deadlines_footer_member:
        return "Tổ trưởng hoặc tổ phó nộp báo cáo của tổ bằng lệnh /baocao.";
    case t::deadlines_footer_staff:
        return "Xem tổng hợp và nộp báo cáo của phường: /baocao phuong.";
    case t::button_open_report:
        return "📋 {deadline} ({period})";
    case t::no_deadlines:
        return "Chưa có hạn báo cáo nào.";
    case t::add_deadline_form:
        return "Viết theo mẫu: /hannop_them <i>tên</i>; <i>ngày/tháng/năm</i>\n"
               "Ví dụ: /hannop_them Rà soát danh sách tổ; {example}";
    case t::add_deadline_bad_date:
        return "Không đọc được ngày «{date}». Hãy ghi ngày/tháng/năm, ví dụ {example} (có thể thêm giờ: "
               "{example} 17:00).";
    case t::add_deadline_past:
        return "Ngày {date} đã qua. Hãy chọn một ngày từ hôm nay trở đi.";
    case t::add_deadline_done:
        return "✅ Đã thêm hạn <b>{deadline}</b>: {due}.\n"
               "Các tổ chưa nộp sẽ được nhắc trước 3 ngày, 1 ngày và sáng ngày hạn. Tổ trưởng nộp bằng "
               "/baocao.";
    case t::report_no_team:
        return "Bạn chưa thuộc tổ nào nên chưa có báo cáo tổ. Cán bộ phường dùng /baocao phuong.";
    case t::report_no_rule:
        return "Phường chưa có hạn báo cáo {kind}. Gõ /hannop để xem các hạn.";
    case t::report_week:
        return "Báo cáo nộp theo tháng, quý hoặc năm. Gõ /baocao tháng, /baocao quý hoặc /baocao năm.";
    case t::report_header:
        return "📊 <b>{deadline}</b> — {team}\n"
               "Kỳ: {period}\n"
               "Hạn nộp: {due}";
    case t::figures:
        return "🏠 Lượt thăm hộ: <b>{visits}</b> (người được hỗ trợ: {people})\n"
               "👥 Buổi hướng dẫn: <b>{sessions}</b> ({attendees} người tham dự)";
    case t::figure_active:
        return "🙋 Thành viên có hoạt động: <b>{active}</b>";
    case t::figure_active_of:
        return "🙋 Thành viên có hoạt động: <b>{active}</b>/{total}";
    case t::figure_evidence:
        return "📷 Có ảnh minh chứng: <b>{with}</b>/{records} lượt";
    case t::figures_topics:
        return "Theo chủ đề (gồm cả thăm hộ và buổi hướng dẫn):";
    case t::figure_topic:
        return "  • {topic}: {records} lượt, {people} người";
    case t::figure_target:
        return "🎯 {target}: {value}/{goal} ({percent}%)";
    case t::report_status_none:
        return "Tổ chưa nộp báo cáo kỳ này.";
    case t::report_status_overdue:
        return "⚠️ Tổ chưa nộp báo cáo kỳ này và đã quá hạn. Vẫn nộp được đến {lock}, tính là nộp "
               "muộn.";
    case t::report_status_submitted:
        return "{who} đã nộp vào {at} ({timeliness}). Nộp lại trước {lock} sẽ thay bản này (bản cũ vẫn được "
               "lưu).";
    case t::report_empty_warning:
        return "⚠️ Tổ chưa ghi lượt nào trong kỳ này: nộp bây giờ là nộp báo cáo trống.";
    case t::report_early_note:
        return "ℹ️ Kỳ này tính đến hết {end}. Lượt ghi sau khi nộp chỉ vào báo cáo nếu nộp lại.";
    case t::report_status_submitted_final:
        return "{who} đã nộp vào {at} ({timeliness}). Số liệu trên là bản đã nộp.";
    case t::figures_changed_since_submitted:
        return "⚠️ Số liệu đã thay đổi từ khi nộp. Bản đã nộp: {visits} lượt thăm hộ ({people} người), "
               "{sessions} buổi hướng dẫn ({attendees} người tham dự). Nộp lại để gửi số mới.";
    case t::figures_changed_after_lock:
        return "ℹ️ Sau khi nộp, kỳ này có thêm hoặc sửa lượt ghi: hiện là {visits} lượt thăm hộ ({people} "
               "người), {sessions} buổi hướng dẫn ({attendees} người tham dự). Bản đã nộp không đổi.";
    case t::report_locked_note:
        return "🔒 Kỳ này đã khóa vào {lock}; không nộp hay sửa được nữa.";
    case t::report_locked_unsent_note:
        return "🔒 Kỳ này đã khóa vào {lock} khi tổ chưa nộp, nên không nộp qua bot được nữa. Nếu phường vẫn cần "
               "báo cáo này, hãy gửi số liệu trên cho cán bộ phường.";
    case t::report_others_open:
        return "📌 Tổ còn báo cáo khác chưa nộp: {list}. Chọn bên dưới để mở.";
    case t::report_other_item:
        return "{deadline} ({period}, hạn {due})";
    case t::ward_others_open:
        return "📌 Kỳ khác còn tổ chưa nộp: {list}. Gõ /baocao phuong tháng, quý hoặc năm để xem từng kỳ.";
    case t::ward_other_item:
        return "{deadline} ({period}, hạn {due}: {missing} tổ chưa nộp)";
    case t::report_only_leader:
        return "Chỉ tổ trưởng hoặc tổ phó của tổ mới nộp được báo cáo.";
    case t::button_submit:
        return "📤 Nộp báo cáo";
    case t::button_submit_comment:
        return "✍️ Thêm ghi chú rồi nộp";
    case t::ask_comment:
        return "Gõ ghi chú cho báo cáo (một tin nhắn). Gõ /thoat để hủy.";
    case t::on_time:
        return "đúng hạn";
    case t::late:
        return "muộn";
    case t::submitted:
        return "✅ Đã nộp <b>{deadline}</b> ({period}) vào {at} ({timeliness}).";
    case t::resubmitted:
        return "✅ Đã nộp lại <b>{deadline}</b> ({period}) vào {at} ({timeliness}). Bản trước được lưu trong "
               "lịch sử (lần nộp thứ {n}).";
    case t::locked:
        return "🔒 Kỳ {period} của {deadline} đã khóa vào {lock}, không nộp được nữa. Cần sửa, hãy liên hệ "
               "cán bộ phường.";
    case t::stale_button:
        return "Nút này đã cũ. Gõ lại /baocao để xem báo cáo mới nhất.";
    case t::posted_to_ward:
        return "📥 <b>{team}</b> đã nộp {deadline} ({period}), {timeliness}, người nộp: {who}.\n"
               "{figures}{comment}";
    case t::comment_line:
        return "\n"
               "💬 Ghi chú: {comment}";
    case t::ward_report_header:
        return "📊 <b>{deadline}</b> — {ward}\n"
               "Kỳ: {period}\n"
               "Hạn nộp: {due}";
    case t::ward_completeness:
        return "📥 Đã nộp: <b>{submitted}/{expected}</b> tổ ({percent}%) — đúng hạn {on_time}, muộn {late}.\n"
               "Chưa nộp: {missing}";
    case t::ward_overdue_note:
        return "⚠️ Đã quá hạn; tổ chưa nộp còn nộp muộn được đến {lock}.";
    case t::ward_figures_differ:
        return "ℹ️ Số liệu trên gồm mọi lượt đã ghi trong kỳ. {count} tổ đã ghi thêm hoặc sửa sau khi nộp, nên "
               "khác bản tổ đã nộp (bản đã nộp → hiện nay):";
    case t::ward_figures_differ_team:
        return "• {team}: {sent_visits} → {visits} lượt thăm hộ ({sent_people} → {people} người), "
               "{sent_sessions} → {sessions} buổi ({sent_attendees} → {attendees} người tham dự)";
    case t::ward_figures_differ_more:
        return "• … và {count} tổ khác (xem cột «Số liệu khi nộp» trong tệp /xuat)";
    case t::report_staff_only_ward:
        return "Cán bộ phường xem báo cáo tổng hợp bằng /baocao phuong.";
    case t::report_ward_staff_only:
        return "Chỉ cán bộ phường xem được báo cáo toàn phường.";
    case t::sheet_teams:
        return "Các tổ";
    case t::sheet_members:
        return "Thành viên";
    case t::sheet_visits:
        return "Lượt hỗ trợ";
    case t::col_no:
        return "TT";
    case t::col_team:
        return "Tổ";
    case t::col_visits:
        return "Lượt thăm hộ";
    case t::col_people:
        return "Người được hỗ trợ";
    case t::col_sessions:
        return "Buổi hướng dẫn";
    case t::col_attendees:
        return "Người tham dự";
    case t::col_active:
        return "Thành viên có hoạt động";
    case t::col_topic_records:
        return "{topic}: số lượt (thăm hộ + buổi)";
    case t::col_topic_people:
        return "{topic}: số người (được hỗ trợ + tham dự)";
    case t::col_submitted_at:
        return "Nộp lúc";
    case t::col_on_time:
        return "Đúng hạn";
    case t::col_comment:
        return "Ghi chú";
    case t::col_submitted_figures:
        return "Số liệu khi nộp";
    case t::col_name:
        return "Họ tên";
    case t::col_role:
        return "Chức vụ Tổ CNSCĐ";
    case t::col_record:
        return "Số";
    case t::col_day:
        return "Ngày";
    case t::col_kind:
        return "Loại";
    case t::col_member:
        return "Thành viên";
    case t::col_place:
        return "Địa điểm";
    case t::col_topics:
        return "Chủ đề";
    case t::col_count:
        return "Số người";
    case t::col_note:
        return "Nội dung";
    case t::col_photos:
        return "Ảnh minh chứng";
    case t::value_on_time:
        return "Có";
    case t::value_late:
        return "Không (nộp muộn)";
    case t::value_not_submitted:
        return "Chưa nộp";
    case t::value_not_owed:
        return "Không phải nộp (tổ vào sau hạn)";
    case t::value_same_as_now:
        return "Như số liệu hiện tại";
    case t::value_submitted_figures:
        return "{visits} lượt thăm hộ ({people} người), {sessions} buổi hướng dẫn ({attendees} người tham dự)";
    case t::value_left_team:
        return "Đã rời tổ";
    case t::value_total:
        return "Tổng cộng";
    case t::kind_visit:
        return "Thăm hộ";
    case t::kind_session:
        return "Buổi hướng dẫn";
    case t::export_caption:
        return "📎 {ward} — {period}: {teams} tổ, {members} thành viên, {records} lượt hỗ trợ.";
    case t::export_failed:
        return "Chưa tạo được tệp xuất ({detail}). Hãy thử lại sau hoặc báo quản trị viên.";
    case t::export_written:
        return "Đã xuất {ward}, {period} vào {file}: {teams} tổ, {members} thành viên, {records} lượt hỗ trợ.";
    case t::export_bad_period:
        return "Kỳ «{period}» không hợp lệ. Viết như 2026-11 hoặc \"tháng 11\" (tháng), 2026-Q3 hoặc \"quý 3\" (quý), 2026 "
               "hoặc \"năm 2026\" (năm).";
    case t::export_future_period:
        return "Kỳ «{period}» chưa bắt đầu nên chưa có số liệu để xuất.";
    case t::export_no_folder:
        return "Thư mục «{folder}» không tồn tại. Tạo thư mục đó trước, hoặc chọn nơi khác với -o.";
    case t::export_format_mismatch:
        return "Tệp «{file}» có đuôi {extension} nhưng --format là {format}. Đổi tên tệp thành «{suggested}», "
               "hoặc bỏ --format để xuất theo đuôi tệp.";
    case t::remind_none:
        return "Vào {at}, không có nhắc hạn nào cần gửi.";
    case t::remind_to:
        return "→ {to}:";
    case t::remind_dry_run:
        return "(Chạy thử: không ghi gì vào cơ sở dữ liệu.)";
    case t::remind_bad_time:
        return "Không đọc được thời điểm «{at}». Viết như 2026-12-22T08:00+07:00.";
    case t::remind_unreached:
        return "⚠️ Đến giờ nhắc nhưng không gửi được cho ai ({count}): tổ chưa gắn nhóm chat và tổ trưởng chưa "
               "liên kết tài khoản (hoặc Zalo chưa cho bot nhắn riêng). Hãy gọi điện nhắc, và xem /thanhvien "
               "để biết tổ nào cần làm gì:";
    case t::remind_unreached_team:
        return "  • {team} — {deadline} ({period})";
    case t::remind_unreached_staff:
        return "  • cán bộ phường (bot chưa nhắn riêng được cho ai) — {deadline} ({period})";
    case t::ward_own_line:
        return "🏛 Báo cáo của phường: <b>{deadline}</b> ({period}), hạn {due} — {status}";
    case t::button_submit_ward:
        return "📤 Nộp {deadline} của phường";
    case t::report_only_staff:
        return "Chỉ cán bộ phường nộp được báo cáo của phường.";
    case t::count_:
        break;
    }
    return {};
}

std::string_view en(report_text key) {
    using t = report_text;
    switch (key) {
    case t::period_month:
        return "{month_name} {year}";
    case t::period_quarter:
        return "Q{quarter} {year}";
    case t::period_year:
        return "{year}";
    case t::period_until:
        return "up to {date}";
    case t::period_range:
        return "{label} ({from} to {to})";
    case t::how_to_submit:
        return "The leader types {command} to see the figures and submit.";
    case t::how_to_submit_listed:
        return "The leader types /deadlines and taps this deadline to see the figures and submit.";
    case t::how_to_submit_button:
        return "The leader taps the button below to see the figures and submit.";
    case t::how_to_submit_yourself:
        return "Type {command} to see the figures and submit.";
    case t::how_to_submit_listed_yourself:
        return "Type /deadlines and tap this deadline to see the figures and submit.";
    case t::how_to_submit_button_yourself:
        return "Tap the button below to see the figures and submit.";
    case t::button_open_from_reminder:
        return "📋 See and submit the report";
    case t::remind_before:
        return "⏰ <b>Report reminder</b> — {team}\n"
               "<b>{deadline}</b> for {period}: due {due} ({days} days left).\n"
               "Not submitted yet. {how}";
    case t::remind_today:
        return "⏰ <b>Due today</b> — {team}\n"
               "<b>{deadline}</b> for {period}: due {due}.\n"
               "Not submitted yet. {how}";
    case t::remind_overdue:
        return "⚠️ <b>Report overdue</b> — {team}\n"
               "<b>{deadline}</b> for {period} was due {due}.\n"
               "You can still submit until {lock}; then the period locks. {how}";
    case t::ward_remind_before:
        return "⏰ <b>Ward report reminder</b>\n"
               "<b>{deadline}</b> for {period}: due {due} ({days} days left). The ward has not submitted.";
    case t::ward_remind_today:
        return "⏰ <b>The ward's report is due today</b>\n"
               "<b>{deadline}</b> for {period}: due {due}. The ward has not submitted.";
    case t::ward_remind_overdue:
        return "⚠️ <b>The ward's report is overdue</b>\n"
               "<b>{deadline}</b> for {period} was due on {due}; it locks on {lock}.";
    case t::staff_summary:
        return "📋 <b>{deadline} is due</b> for {period} ({due})\n"
               "Submitted on time: {on_time} of {expected} teams.\n"
               "Not submitted ({missing_count}): {missing}";
    case t::staff_overdue:
        return "📋 <b>{deadline}</b> for {period}: {missing_count} of {expected} teams still missing (locks "
               "{lock}): {missing}";
    case t::window_closing_hint:
        return "ℹ️ Zalo lets the bot write to you privately only within 7 days of your last message. Send the OA "
               "any message (e.g. /deadlines) to keep receiving reminders.";
    case t::missed_while_away:
        return "📬 This reminder could not reach you when it was sent: Zalo lets the bot write to you privately "
               "only within 7 days of your last message, and you last wrote to the OA on {last}.";
    case t::missed_while_refused:
        return "📬 This reminder could not reach you when it was sent: Zalo refused the bot's private message to "
               "you, although 7 days had not passed since your last message ({last}). You have written again, so "
               "here it is.";
    case t::missed_before_first_message:
        return "📬 This reminder could not reach you when it was sent: Zalo lets the bot write to you privately "
               "only once you have written to the OA, and this is your first message to it.";
    case t::staff_unreachable:
        return "📵 No reminder reaches {teams}: the team has no group chat, and its leader has not linked an "
               "account or has not written to the Zalo OA for 7 days (Zalo lets a bot write privately only "
               "within 7 days of the person's last message). Please phone the leader.";
    case t::nobody:
        return "none";
    case t::someone:
        return "The team";
    case t::deadlines_header_team:
        return "📅 <b>Report deadlines of {team}</b>";
    case t::deadlines_header_ward:
        return "📅 <b>Report deadlines — {ward}</b>";
    case t::deadline_line:
        return "• <b>{deadline}</b> for {period}: due {due}\n"
               "   {status}";
    case t::status_on_time:
        return "✅ submitted on time, {at}";
    case t::status_late:
        return "🟡 submitted late, {at}";
    case t::status_not_yet:
        return "⏳ not submitted yet";
    case t::status_overdue:
        return "⚠️ overdue, can still be submitted until {lock}";
    case t::status_locked:
        return "🔒 locked, not submitted";
    case t::status_not_owed:
        return "ℹ️ not owed: the team joined after this deadline";
    case t::status_ward_none_owe:
        return "ℹ️ no team owes it: every team joined after this deadline";
    case t::status_ward:
        return "{submitted} of {expected} teams submitted ({on_time} on time)";
    case t::status_ward_locked:
        return "{submitted} of {expected} teams submitted ({on_time} on time); 🔒 locked";
    case t::status_ward_overdue:
        return "{submitted} of {expected} teams submitted ({on_time} on time); ⚠️ overdue, the others can "
               "still submit late until {lock}";
    case t::deadlines_footer:
        return "Tap a deadline below to see and submit its report, or type /report month, /report quarter, "
               "/report year.";
    case t::deadlines_footer_member:
        return "The team leader or deputy submits the team's report with /report.";
    case t::deadlines_footer_staff:
        return "The ward's summary and its own report: /report ward.";
    case t::button_open_report:
        return "📋 {deadline} ({period})";
    case t::no_deadlines:
        return "No report deadlines yet.";
    case t::add_deadline_form:
        return "Write it as: /adddeadline <i>name</i>; <i>day/month/year</i>\n"
               "Example: /adddeadline Roster review; {example}";
    case t::add_deadline_bad_date:
        return "Cannot read the date «{date}». Write day/month/year, e.g. {example} (a time may follow: "
               "{example} 17:00).";
    case t::add_deadline_past:
        return "{date} has passed. Choose a date from today on.";
    case t::add_deadline_done:
        return "✅ Added the deadline <b>{deadline}</b>: {due}.\n"
               "Teams that have not submitted are reminded 3 days and 1 day before and on the morning of the "
               "day. Leaders submit with /report.";
    case t::report_no_team:
        return "You are not in a team, so there is no team report. Ward staff use /report ward.";
    case t::report_no_rule:
        return "The ward has no {kind} report deadline. Type /deadlines to see the deadlines.";
    case t::report_week:
        return "Reports are by month, quarter or year. Type /report month, /report quarter or /report year.";
    case t::report_header:
        return "📊 <b>{deadline}</b> — {team}\n"
               "Period: {period}\n"
               "Due: {due}";
    case t::figures:
        return "🏠 Households visited: <b>{visits}</b> (people helped: {people})\n"
               "👥 Help sessions: <b>{sessions}</b> ({attendees} attendees)";
    case t::figure_active:
        return "🙋 Active members: <b>{active}</b>";
    case t::figure_active_of:
        return "🙋 Active members: <b>{active}</b>/{total}";
    case t::figure_evidence:
        return "📷 With photo evidence: <b>{with}</b> of {records} records";
    case t::figures_topics:
        return "By topic (visits and sessions together):";
    case t::figure_topic:
        return "  • {topic}: {records} times, {people} people";
    case t::figure_target:
        return "🎯 {target}: {value} of {goal} ({percent}%)";
    case t::report_status_none:
        return "The team has not submitted this period's report.";
    case t::report_status_overdue:
        return "⚠️ The team has not submitted this period's report and it is overdue. It can still be "
               "submitted until {lock}, as a late report.";
    case t::report_status_submitted:
        return "{who} submitted it on {at} ({timeliness}). Submitting again before {lock} replaces it (the "
               "old one is kept).";
    case t::report_empty_warning:
        return "⚠️ The team has logged nothing in this period: submitting now sends an empty report.";
    case t::report_early_note:
        return "ℹ️ This period runs to the end of {end}. Records logged after submitting reach the report "
               "only if it is submitted again.";
    case t::report_status_submitted_final:
        return "{who} submitted it on {at} ({timeliness}). The figures above are the ones submitted.";
    case t::figures_changed_since_submitted:
        return "⚠️ The figures changed after the report was submitted. Submitted: {visits} households "
               "visited ({people} people), {sessions} sessions ({attendees} attendees). Submit again to "
               "send the new figures.";
    case t::figures_changed_after_lock:
        return "ℹ️ Records for this period were added or changed after it was submitted: now {visits} "
               "households visited ({people} people), {sessions} sessions ({attendees} attendees). The "
               "submitted report stays as it was.";
    case t::report_locked_note:
        return "🔒 This period locked on {lock}; it can no longer be submitted or changed.";
    case t::report_locked_unsent_note:
        return "🔒 This period locked on {lock} before the team submitted it, so it can no longer be submitted "
               "through the bot. If the ward still needs this report, send the figures above to the ward staff.";
    case t::report_others_open:
        return "📌 The team has other reports not yet submitted: {list}. Choose one below to open it.";
    case t::report_other_item:
        return "{deadline} ({period}, due {due})";
    case t::ward_others_open:
        return "📌 Other reports teams still owe: {list}. Type /report ward month, quarter or year to see each.";
    case t::ward_other_item:
        return "{deadline} ({period}, due {due}: {missing} teams missing)";
    case t::report_only_leader:
        return "Only the team's leader or deputy can submit the report.";
    case t::button_submit:
        return "📤 Submit report";
    case t::button_submit_comment:
        return "✍️ Add a comment, then submit";
    case t::ask_comment:
        return "Type the comment for the report (one message). Type /cancel to cancel.";
    case t::on_time:
        return "on time";
    case t::late:
        return "late";
    case t::submitted:
        return "✅ Submitted <b>{deadline}</b> for {period} on {at} ({timeliness}).";
    case t::resubmitted:
        return "✅ Resubmitted <b>{deadline}</b> for {period} on {at} ({timeliness}). The earlier one is kept "
               "in the history (submission {n}).";
    case t::locked:
        return "🔒 {deadline} for {period} locked on {lock}; it can no longer be submitted. Ask the ward "
               "staff if something must change.";
    case t::stale_button:
        return "This button is out of date. Type /report again for the latest report.";
    case t::posted_to_ward:
        return "📥 <b>{team}</b> submitted {deadline} for {period} ({timeliness}), by {who}.\n"
               "{figures}{comment}";
    case t::comment_line:
        return "\n"
               "💬 Comment: {comment}";
    case t::ward_report_header:
        return "📊 <b>{deadline}</b> — {ward}\n"
               "Period: {period}\n"
               "Due: {due}";
    case t::ward_completeness:
        return "📥 Submitted: <b>{submitted} of {expected}</b> teams ({percent}%) — {on_time} on time, {late} "
               "late.\n"
               "Missing: {missing}";
    case t::ward_overdue_note:
        return "⚠️ Overdue; the teams still missing can submit late until {lock}.";
    case t::ward_figures_differ:
        return "ℹ️ The figures above count every record of the period. {count} team(s) logged or corrected "
               "records after submitting, so they differ from what those teams sent (sent → now):";
    case t::ward_figures_differ_team:
        return "• {team}: {sent_visits} → {visits} visits ({sent_people} → {people} people), {sent_sessions} → "
               "{sessions} sessions ({sent_attendees} → {attendees} attendees)";
    case t::ward_figures_differ_more:
        return "• … and {count} more team(s) (see the «Figures when submitted» column of the /export file)";
    case t::report_staff_only_ward:
        return "Ward staff see the ward's report with /report ward.";
    case t::report_ward_staff_only:
        return "Only ward staff can see the whole ward's report.";
    case t::sheet_teams:
        return "Teams";
    case t::sheet_members:
        return "Members";
    case t::sheet_visits:
        return "Activities";
    case t::col_no:
        return "No.";
    case t::col_team:
        return "Team";
    case t::col_visits:
        return "Households visited";
    case t::col_people:
        return "People helped";
    case t::col_sessions:
        return "Help sessions";
    case t::col_attendees:
        return "Attendees";
    case t::col_active:
        return "Active members";
    case t::col_topic_records:
        return "{topic}: records (visits + sessions)";
    case t::col_topic_people:
        return "{topic}: people (helped + attending)";
    case t::col_submitted_at:
        return "Submitted at";
    case t::col_on_time:
        return "On time";
    case t::col_comment:
        return "Comment";
    case t::col_submitted_figures:
        return "Figures when submitted";
    case t::col_name:
        return "Full name";
    case t::col_role:
        return "Role in the team";
    case t::col_record:
        return "Record no.";
    case t::col_day:
        return "Date";
    case t::col_kind:
        return "Kind";
    case t::col_member:
        return "Member";
    case t::col_place:
        return "Place";
    case t::col_topics:
        return "Topics";
    case t::col_count:
        return "People";
    case t::col_note:
        return "Text";
    case t::col_photos:
        return "Photo evidence";
    case t::value_on_time:
        return "Yes";
    case t::value_late:
        return "No (late)";
    case t::value_not_submitted:
        return "Not submitted";
    case t::value_not_owed:
        return "Not owed (team added after the deadline)";
    case t::value_same_as_now:
        return "Same as now";
    case t::value_submitted_figures:
        return "{visits} households visited ({people} people), {sessions} sessions ({attendees} attendees)";
    case t::value_left_team:
        return "Left the team";
    case t::value_total:
        return "Total";
    case t::kind_visit:
        return "Household visit";
    case t::kind_session:
        return "Help session";
    case t::export_caption:
        return "📎 {ward} — {period}: {teams} teams, {members} members, {records} activities.";
    case t::export_failed:
        return "The export file could not be written ({detail}). Try again later or tell the administrator.";
    case t::export_written:
        return "Exported {ward}, {period} to {file}: {teams} teams, {members} members, {records} activities.";
    case t::export_bad_period:
        return "The period «{period}» is not valid. Write it like 2026-11 or \"tháng 11\" (month), 2026-Q3 or "
               "\"quý 3\" (quarter), 2026 or \"năm 2026\" (year).";
    case t::export_future_period:
        return "The period «{period}» has not started yet, so there is nothing to export.";
    case t::export_no_folder:
        return "The folder «{folder}» does not exist. Create it first, or choose another place with -o.";
    case t::export_format_mismatch:
        return "The file «{file}» ends in {extension} but --format is {format}. Name it «{suggested}», or leave "
               "out --format to export by the file's extension.";
    case t::remind_none:
        return "Nothing to send on {at}.";
    case t::remind_to:
        return "→ {to}:";
    case t::remind_dry_run:
        return "(Dry run: nothing was written to the database.)";
    case t::remind_bad_time:
        return "Cannot read the instant «{at}». Write it like 2026-12-22T08:00+07:00.";
    case t::remind_unreached:
        return "⚠️ Due but sent to nobody ({count}): the team has no group chat bound and its leader has not "
               "linked an account (or Zalo does not let the bot write to them privately yet). Phone them, and "
               "see /members for what each team still needs:";
    case t::remind_unreached_team:
        return "  • {team} — {deadline} ({period})";
    case t::remind_unreached_staff:
        return "  • ward staff (the bot can write privately to none of them) — {deadline} ({period})";
    case t::ward_own_line:
        return "🏛 The ward's own report: <b>{deadline}</b> ({period}), due {due} — {status}";
    case t::button_submit_ward:
        return "📤 Submit the ward's {deadline}";
    case t::report_only_staff:
        return "Only ward staff can submit the ward's report.";
    case t::count_:
        break;
    }
    return {};
}

} // namespace

std::string_view template_of(language lang, report_text key) {
    return lang == language::vi ? vi(key) : en(key);
}

std::string_view roman_quarter(int quarter) {
    static constexpr std::array<std::string_view, 4> names{"I", "II", "III", "IV"};
    return quarter >= 1 && quarter <= 4 ? names[static_cast<std::size_t>(quarter - 1)] : "?";
}

std::string_view english_month(int month) {
    static constexpr std::array<std::string_view, 12> names{"January",   "February", "March",    "April",
                                                            "May",       "June",     "July",     "August",
                                                            "September", "October",  "November", "December"};
    return month >= 1 && month <= 12 ? names[static_cast<std::size_t>(month - 1)] : "?";
}

} // namespace cnscd
