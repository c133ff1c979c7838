#include "messages/visit_texts.hpp"

namespace cnscd {
namespace {

std::string_view vi(visit_text key) {
    using t = visit_text;
    switch (key) {
    case t::visit_recorded:
        return "✅ {who}Đã ghi lượt thăm <b>số {no}</b>: {place} — {topics}{people}{date}.";
    case t::session_recorded:
        return "✅ {who}Đã ghi buổi hướng dẫn <b>số {no}</b>: {place} — {topics}{people}{date}.";
    case t::recorded_by:
        return "{name}: ";
    case t::on_date:
        return ", ngày {date}";
    case t::date_vague:
        return ", tạm ghi ngày {date} («{words}» chưa rõ là ngày nào; ghi đúng ngày: /sua {no} ngày {example})";
    case t::people_helped:
        return ", {count} người";
    case t::attendees:
        return ", {count} người tham dự";
    case t::attendees_missing:
        return ", chưa có số người tham dự (bổ sung: /sua {no} kèm số người, ví dụ «30 người»)";
    case t::attendees_not_times:
        return ", chưa có số người tham dự («{words}» được hiểu là số lần, không phải số người; bổ sung: "
               "/sua {no} kèm số người, ví dụ «30 người»)";
    case t::people_vague:
        return ", tạm ghi 1 người («{words}» chưa có số cụ thể; ghi đúng số: /sua {no} 3 người)";
    case t::no_topic_recorded:
        return "chưa rõ nội dung (tạm ghi «Khác»)";
    case t::ask_topic:
        return "\nNội dung hỗ trợ là gì? Chọn một mục bên dưới để ghi cho đúng:";
    case t::ask_topic_by_number:
        return "\nNội dung là gì? Trả lời tin này bằng số hoặc tên nội dung: {list}";
    case t::topic_number_item:
        return "{n} {topic}";
    case t::topic_set:
        return "✅ {who}Đã cập nhật số {no}: {topic}.";
    case t::topic_question_replaced:
        return "\nSố {no} chưa được trả lời nên vẫn ở mục «Khác»; muốn đổi, gõ: /sua {no} cài VNeID (ghi nội dung "
               "thật).";
    case t::no_question_open:
        return "Không có câu hỏi nào đang chờ bạn trả lời. Số {no} đang ghi «{topics}»; muốn đổi, gõ /sua {no} "
               "kèm nội dung, ví dụ: /sua {no} thanh toán QR";
    case t::topic_question_expired:
        return "Câu hỏi này đã hết hạn sau {minutes} phút; số {no} vẫn được ghi ở mục «Khác». Muốn sửa, gõ "
               "/sua {no} kèm nội dung, ví dụ: /sua {no} số 12 ngõ 5, cài VNeID cho 2 người";
    case t::not_your_record:
        return "Số {no} không phải do bạn ghi, nên bạn không sửa được. Chỉ người đã ghi, tổ trưởng hoặc tổ phó "
               "của tổ và cán bộ phường sửa được. Gõ /toi để xem các lượt của bạn.";
    case t::not_your_record_undo:
        return "Số {no} không phải do bạn ghi, nên bạn không hủy được. Chỉ người đã ghi, tổ trưởng hoặc tổ phó "
               "của tổ và cán bộ phường hủy được.";
    case t::changed_for_member:
        return "(Lượt này do {name} ghi; lịch sử lưu tên bạn là người thay đổi.)";
    case t::record_not_found:
        return "Không tìm thấy số {no}. Số nằm trong tin xác nhận khi bạn ghi, ví dụ «số 125».";
    case t::record_cancelled_already:
        return "Số {no} đã được hủy trước đó.";
    case t::undo_done:
        return "↩️ {who}Đã hủy số {no} ({place}, ngày {date}). Lịch sử vẫn được lưu.";
    case t::undo_nothing:
        return "Bạn chưa có lượt nào để hủy.";
    case t::edited_message_hint:
        return "✏️ Sửa tin nhắn không làm thay đổi lượt đã ghi. Để sửa, gõ /sua kèm số và nội dung mới "
               "(lượt gần nhất của bạn là số {no}), ví dụ: /sua {no} số 12 ngõ 5, cài VNeID cho 3 người";
    case t::undo_too_late:
        return "Số {no} đã ghi quá {hours} giờ nên không hủy được bằng /huy. Nhờ tổ trưởng hỗ trợ, hoặc dùng "
               "/sua {no} để sửa.";
    case t::edit_done:
        return "✏️ {who}Đã sửa số {no}: {place} — {topics}{people}{date}. Nội dung cũ vẫn được "
               "lưu.";
    case t::edit_usage:
        return "Cách sửa: /sua <i>số</i> <i>nội dung mới</i>, ví dụ: /sua 125 số 12 ngõ 5, cài VNeID cho 2 "
               "người.";
    case t::missing_place:
        return "Hãy ghi địa chỉ hoặc hộ gia đình và nội dung sau lệnh, ví dụ:\n"
               "/tham số 12 ngõ 5 Lê Lợi, hướng dẫn 2 người cài VNeID\n"
               "/buoi nhà văn hóa tổ 3, 30 người, chống lừa đảo";
    case t::visit_address_missing:
        return "Chưa ghi được vì thiếu địa chỉ. Hãy ghi thêm địa chỉ hoặc hộ gia đình đã thăm và việc đã "
               "làm, ví dụ:\n/tham số 12 ngõ 5 Lê Lợi, hướng dẫn 2 người cài VNeID";
    case t::session_venue_missing:
        return "Chưa ghi được vì thiếu nơi tổ chức. Hãy ghi thêm nơi tổ chức buổi hướng dẫn và nội dung, ví "
               "dụ:\n/buoi nhà văn hóa tổ 3, 30 người, chống lừa đảo";
    case t::refused_future:
        return "Ngày {date} chưa tới nên chưa ghi được. Hãy kiểm tra lại ngày (hôm nay là {today}).";
    case t::visit_too_many_people:
        return "Chưa ghi: {count} người trong một lần đến nhà là quá nhiều (tối đa {limit} người), có thể "
               "đã gõ nhầm số. Hãy gửi lại với số đúng. Buổi hướng dẫn đông người thì ghi bằng /buoi, ví dụ:\n/buoi nhà văn hóa tổ "
               "5, {count} người, cài VNeID";
    case t::edit_too_many_people:
        return "Chưa sửa số {no}: {count} người trong một lần đến nhà là quá nhiều (tối đa {limit} người), "
               "có thể đã gõ nhầm số. Hãy ghi lại số đúng, ví dụ: /sua {no} 3 người. Buổi hướng dẫn đông người thì ghi bằng /buoi.";
    case t::refused_too_old:
        return "Ngày {date} đã quá {days} ngày nên không ghi được nữa.{advice}";
    case t::refused_locked:
        return "Ngày {date} nằm trong kỳ đã chốt của {report} (khóa sổ vào {lock}) nên không ghi thêm hay "
               "sửa được nữa.{advice}";
    case t::ask_leader_to_add:
        return " Nhờ tổ trưởng báo cán bộ phường nếu cần bổ sung.";
    case t::tell_staff_to_add:
        return " Hãy báo cán bộ phường nếu cần bổ sung.";
    case t::in_submitted_report:
        return "\nℹ️ Tổ đã nộp {report}: thay đổi này chỉ vào báo cáo nếu tổ trưởng hoặc tổ phó nộp lại trước "
               "{lock} (/baocao).";
    case t::in_locked_report:
        return "\nℹ️ Đã khóa sổ nên lượt này không vào {reports}; nó vẫn được tính trong thống kê.";
    case t::no_team:
        return "Bạn chưa thuộc tổ nào nên chưa ghi được. Nhờ cán bộ phường kiểm tra danh sách.";
    case t::photo_kept:
        return "\n📷 Đã lưu kèm ảnh minh chứng.";
    case t::photo_added:
        return "📷 Đã lưu ảnh minh chứng cho lượt số {no} ({place}); lượt này có {count} ảnh/tệp.";
    case t::photo_no_record:
        return "Bạn chưa có lượt nào để gắn ảnh. Ghi lượt bằng /tham trước, rồi gửi ảnh kèm chú thích /anh.";
    case t::photo_too_many:
        return "Lượt số {no} đã có {count} ảnh/tệp, không thêm được nữa.";
    case t::photo_usage:
        return "📷 Ảnh minh chứng cho một lượt:\n"
               "• gửi ảnh kèm chú thích /anh để lưu cho lượt gần nhất, hoặc /anh 125 cho lượt số 125;\n"
               "• hoặc gửi ảnh vào tin nhắn riêng ngay sau khi ghi /tham;\n"
               "• gõ /anh 125 (không kèm ảnh) để xem ảnh của lượt đó.";
    case t::photo_view_private:
        return "Ảnh chụp người dân chỉ xem trong tin nhắn riêng: nhắn riêng cho bot /anh {no}.";
    case t::photo_none:
        return "Lượt số {no} chưa có ảnh minh chứng.";
    case t::photo_caption:
        return "📷 Lượt số {no}: {place} ({i}/{n})";
    case t::photo_other_platform:
        return "{count} ảnh/tệp của lượt số {no} được gửi qua {platform}, chỉ xem được trên {platform}.";
    case t::photo_not_allowed:
        return "Bạn không xem được ảnh của lượt số {no}: chỉ người ghi, tổ trưởng và tổ phó của tổ đó, và "
               "cán bộ phường.";
    case t::photo_loose_hint:
        return "Để lưu ảnh làm minh chứng cho một lượt, gửi ảnh kèm chú thích /anh (lượt gần nhất) hoặc /anh "
               "125 (lượt số 125).";
    case t::offer_to_log:
        return "Bạn có muốn ghi lại việc này không?\n«{text}»\nChọn bên dưới. Lần sau, gõ /tham (thăm hộ) hoặc /buoi "
               "(buổi hướng dẫn) ở đầu tin nhắn để ghi ngay.";
    case t::button_log_visit:
        return "🏠 Ghi lượt thăm hộ";
    case t::button_log_session:
        return "👥 Ghi buổi hướng dẫn";
    case t::offer_expired_hint:
        return "Gõ lại nội dung, bắt đầu bằng /tham hoặc /buoi.";
    case t::count_:
        break;
    }
    return {};
}

std::string_view en(visit_text key) {
    using t = visit_text;
    switch (key) {
    case t::visit_recorded:
        return "✅ {who}Visit <b>no. {no}</b> recorded: {place} — {topics}{people}{date}.";
    case t::session_recorded:
        return "✅ {who}Help session <b>no. {no}</b> recorded: {place} — {topics}{people}{date}.";
    case t::recorded_by:
        return "{name}: ";
    case t::on_date:
        return ", on {date}";
    case t::date_vague:
        return ", dated {date} for now (\"{words}\" names no day; set it: /edit {no} {example})";
    case t::people_helped:
        return ", {count} people";
    case t::attendees:
        return ", {count} attendees";
    case t::attendees_missing:
        return ", no attendee count yet (add it with /edit {no} and the count, e.g. \"30 people\")";
    case t::attendees_not_times:
        return ", no attendee count yet (\"{words}\" was read as a number of times, not of people; add it "
               "with /edit {no} and the count, e.g. \"30 people\")";
    case t::people_vague:
        return ", 1 person for now (\"{words}\" gives no number; set it: /edit {no} 3 people)";
    case t::no_topic_recorded:
        return "topic unclear (filed under \"Other\" for now)";
    case t::ask_topic:
        return "\nWhat was it about? Choose one below to file it correctly:";
    case t::ask_topic_by_number:
        return "\nWhat was it about? Reply to this message with a number or the topic: {list}";
    case t::topic_number_item:
        return "{n} {topic}";
    case t::topic_set:
        return "✅ {who}No. {no} updated: {topic}.";
    case t::topic_question_replaced:
        return "\nNo. {no} was not answered, so it stays under \"Other\"; to change it, type: /edit {no} VNeID "
               "(with the real topic).";
    case t::no_question_open:
        return "No question is waiting for your answer. No. {no} is filed under \"{topics}\"; to change it, type "
               "/edit {no} with the details, e.g. /edit {no} QR payment";
    case t::topic_question_expired:
        return "This question expired after {minutes} minutes; no. {no} stays under \"Other\". To fix it, "
               "type /edit {no} with the details, e.g. /edit {no} 12 Lane 5, VNeID for 2 people";
    case t::not_your_record:
        return "No. {no} was not logged by you, so you cannot change it. Only whoever logged it, the team's "
               "leader or deputy and ward staff can. Type /me to see yours.";
    case t::not_your_record_undo:
        return "No. {no} was not logged by you, so you cannot cancel it. Only whoever logged it, the team's "
               "leader or deputy and ward staff can.";
    case t::changed_for_member:
        return "(Logged by {name}; the history records you as the one who changed it.)";
    case t::record_not_found:
        return "No record no. {no}. The number is in the confirmation you got, e.g. \"no. 125\".";
    case t::record_cancelled_already:
        return "No. {no} was already cancelled.";
    case t::undo_done:
        return "↩️ {who}No. {no} cancelled ({place}, {date}). Its history is kept.";
    case t::undo_nothing:
        return "You have nothing to cancel.";
    case t::edited_message_hint:
        return "✏️ Editing the message does not change the record. To fix it, type /edit with its number "
               "and the new text (your latest is no. {no}), e.g. /edit {no} house 12 lane 5, VNeID for 3 "
               "people";
    case t::undo_too_late:
        return "No. {no} was logged more than {hours} hours ago, so /undo cannot cancel it. Ask your team "
               "leader, or use /edit {no} to correct it.";
    case t::edit_done:
        return "✏️ {who}No. {no} corrected: {place} — {topics}{people}{date}. The old content is kept.";
    case t::edit_usage:
        return "To correct a record: /edit <i>number</i> <i>new details</i>, e.g. /edit 125 no. 12 lane 5, "
               "set up VNeID for 2 people.";
    case t::missing_place:
        return "Write the address or household and what you helped with after the command, e.g.:\n"
               "/visit 12 lane 5 Le Loi, helped 2 people install VNeID\n"
               "/session community hall group 3, 30 people, scam prevention";
    case t::visit_address_missing:
        return "Not recorded: the address is missing. Add the address or household you visited and what you "
               "did, e.g.:\n/visit 12 lane 5 Le Loi, helped 2 people install VNeID";
    case t::session_venue_missing:
        return "Not recorded: the venue is missing. Add where the session was held and its topic, e.g.:\n"
               "/session community hall group 3, 30 people, scam prevention";
    case t::refused_future:
        return "{date} has not come yet, so it cannot be recorded. Check the date (today is {today}).";
    case t::visit_too_many_people:
        return "Not recorded: {count} people on one household visit is too many (at most {limit}); the "
               "number may be a typo. "
               "Send it again with the right number. Log a session with many people with /session, e.g.:\n"
               "/session community hall group 5, {count} people, VNeID";
    case t::edit_too_many_people:
        return "No. {no} not corrected: {count} people on one household visit is too many (at most {limit}); "
               "the number may be a typo. Send the right one, e.g. /edit {no} 3 people. Log a session with many people with "
               "/session.";
    case t::refused_too_old:
        return "{date} is more than {days} days ago and can no longer be recorded.{advice}";
    case t::refused_locked:
        return "{date} is in a closed period of the {report} (closed on {lock}), so records for it can no "
               "longer be added or changed.{advice}";
    case t::ask_leader_to_add:
        return " Ask your team leader to tell the ward staff if it must be added.";
    case t::tell_staff_to_add:
        return " Tell the ward staff if it must be added.";
    case t::in_submitted_report:
        return "\nℹ️ Your team already submitted the {report}: this change reaches it only if the leader or a "
               "deputy submits it again before {lock} (/report).";
    case t::in_locked_report:
        return "\nℹ️ Already locked, so this record is not in the {reports}; it still counts in the statistics.";
    case t::no_team:
        return "You are not on a team yet, so nothing can be recorded. Ask the ward staff to check the "
               "roster.";
    case t::photo_kept:
        return "\n📷 The photo is kept as evidence.";
    case t::photo_added:
        return "📷 Photo kept as evidence for no. {no} ({place}); it now has {count} photo(s) or file(s).";
    case t::photo_no_record:
        return "You have no record to attach a photo to. Log one with /visit first, then send the photo with "
               "the caption /photo.";
    case t::photo_too_many:
        return "No. {no} already has {count} photos or files; no more can be added.";
    case t::photo_usage:
        return "📷 Photo evidence for a record:\n"
               "• send a photo with the caption /photo for your latest record, or /photo 125 for no. 125;\n"
               "• or send the photo privately right after /visit;\n"
               "• type /photo 125 (without a photo) to see that record's photos.";
    case t::photo_view_private:
        return "Photos of residents are only shown in a private chat: message the bot /photo {no}.";
    case t::photo_none:
        return "No. {no} has no photo evidence yet.";
    case t::photo_caption:
        return "📷 No. {no}: {place} ({i}/{n})";
    case t::photo_other_platform:
        return "{count} photo(s) or file(s) of no. {no} were sent on {platform} and can only be seen there.";
    case t::photo_not_allowed:
        return "You cannot see the photos of no. {no}: only whoever logged it, their team's leader and "
               "deputies, and ward staff can.";
    case t::photo_loose_hint:
        return "To keep a photo as evidence for a record, send it with the caption /photo (latest record) or "
               "/photo 125 (no. 125).";
    case t::offer_to_log:
        return "Do you want to log this?\n«{text}»\nChoose below. Next time, start the message with /visit "
               "(household visit) or /session (help session) to log it at once.";
    case t::button_log_visit:
        return "🏠 Log a household visit";
    case t::button_log_session:
        return "👥 Log a help session";
    case t::offer_expired_hint:
        return "Send it again, starting with /visit or /session.";
    case t::count_:
        break;
    }
    return {};
}

std::string_view vi(stats_text key) {
    using t = stats_text;
    switch (key) {
    case t::my_header:
        return "📊 <b>{name}</b> — {period} ({range})";
    case t::team_header:
        return "📊 <b>{team}</b> — {period} ({range})";
    case t::ward_header:
        return "📊 <b>{ward}</b> — {period} ({range})";
    case t::line_visits:
        return "🏠 Lượt thăm hộ: <b>{visits}</b>, người được hỗ trợ: <b>{people}</b>";
    case t::line_sessions:
        return "👥 Buổi hướng dẫn: <b>{sessions}</b>, người tham dự: <b>{attendees}</b>";
    case t::line_active:
        return "🙋 Thành viên có hoạt động: <b>{active}</b>/{total}";
    case t::line_evidence:
        return "📷 Có ảnh minh chứng: <b>{with}</b>/{records} lượt";
    case t::line_topics_header:
        return "<b>Theo chủ đề</b> (gồm cả thăm hộ và buổi hướng dẫn):";
    case t::line_topic:
        return "• {topic}: {records} lượt, {people} người";
    case t::versus_previous:
        return "So với cùng kỳ {previous} trước: lượt thăm {visits}, người được hỗ trợ {people}";
    case t::versus_before:
        return "So với {previous} trước đó: lượt thăm {visits}, người được hỗ trợ {people}";
    case t::versus_sessions:
        return ", buổi hướng dẫn {sessions}";
    case t::change_up:
        return "▲ {delta}";
    case t::change_down:
        return "▼ {delta}";
    case t::change_same:
        return "không đổi";
    case t::members_header:
        return "<b>Theo thành viên:</b>";
    case t::member_line:
        return "• {name}: {visits} lượt thăm, {people} người, {sessions} buổi";
    case t::former_member:
        return "{name} (đã rời tổ)";
    case t::idle_members:
        return "⚠️ Chưa ghi lượt nào trong kỳ ({count}): {names}";
    case t::new_to_team:
        return "Mới vào tổ trong kỳ, chưa ghi lượt nào cho tổ ({count}): {names}";
    case t::team_since_day:
        return "từ {date}";
    case t::idle_none:
        return "Mọi thành viên đều đã có hoạt động trong kỳ. 👏";
    case t::other_team_only:
        return "Bạn chỉ xem được số liệu của tổ mình. Số liệu của {team} thì thành viên tổ đó và cán bộ phường "
               "xem được.";
    case t::other_team_in_group:
        return "Đây là nhóm của {group_team}, nên ở đây bot chỉ đưa số liệu của tổ này. Muốn xem số liệu của "
               "{team}, hãy nhắn riêng cho bot: /{command} {named}";
    case t::teams_header:
        return "<b>Theo tổ:</b>";
    case t::team_line:
        return "{rank}. {team}: {visits} lượt thăm, {people} người, {sessions} buổi";
    case t::more_members:
        return "… và {count} thành viên khác";
    case t::more_teams:
        return "… và {count} tổ khác";
    case t::idle_teams:
        return "⚠️ Tổ chưa có hoạt động trong kỳ ({count}): {names}";
    case t::teams_without_members:
        return "ℹ️ Tổ chưa có thành viên ({count}): {names}. Hãy thêm thành viên cho tổ bằng /{command} hoặc "
               "nhập danh sách của tổ.";
    case t::target_header:
        return "<b>Tiến độ chỉ tiêu:</b>";
    case t::target_line:
        return "• {name}: {done}/{goal} ({percent}%)";
    case t::team_households:
        return "Hộ đã thăm / hộ trong địa bàn";
    case t::nothing_yet:
        return "Chưa có lượt nào được ghi trong kỳ. Ghi lượt hỗ trợ bằng /tham, buổi tuyên truyền bằng "
               "/buoi.";
    case t::recent_header:
        return "🕘 Ghi gần đây (sửa: /sua số, hủy: /huy số, ảnh: /anh số):";
    case t::recent_line:
        return "• Số {no}, {date}: {place} — {topics}{photos}";
    case t::recent_line_in_group:
        return "• Số {no}, {date} — {topics}{photos}";
    case t::ranking_members_header:
        return "🏆 <b>Xếp hạng thành viên {team}</b> — {period}";
    case t::ranking_teams_header:
        return "🏆 <b>Xếp hạng các tổ {ward}</b> — {period}";
    case t::ranking_line:
        return "{rank}. {name} — {visits} lượt, {people} người";
    case t::ranking_sessions:
        return "; {sessions} buổi, {attendees} người tham dự";
    case t::ranking_empty:
        return "Chưa có ai ghi lượt nào trong kỳ.";
    case t::ranking_basis:
        return "<i>Xếp theo số lượt thăm và buổi, rồi số người được hỗ trợ và người tham dự; bằng nhau thì cùng "
               "hạng.</i>";
    case t::nudge_button:
        return "📣 Nhắc trong nhóm những bạn chưa ghi";
    case t::nudge_post:
        return "📣 <b>Nhắc ghi lượt hỗ trợ</b> — {who} ({role})\n"
               "Trong {period} ({range}), các bạn sau chưa ghi lượt nào: {names}.\n"
               "Sau mỗi lần giúp người dân, chỉ cần gõ một dòng, ví dụ:\n"
               "/tham số 12 ngõ 5, hướng dẫn 2 người cài VNeID\n"
               "Buổi tuyên truyền: /buoi nhà văn hóa, 30 người, chống lừa đảo";
    case t::nudge_sent:
        return "📣 Đã nhắc {count} người chưa ghi trong nhóm của {team}.";
    case t::nudge_nobody:
        return "👍 Không có ai cần nhắc trong {team}: những người khác đều đã ghi ít nhất một lượt trong {period}.";
    case t::nudge_private:
        return "📣 <b>Nhắc ghi lượt hỗ trợ</b> — {who} ({role}, {team})\n"
               "Trong {period} ({range}), bạn chưa ghi lượt nào. Sau mỗi lần giúp người dân, chỉ cần gõ một "
               "dòng, "
               "ví dụ:\n"
               "/tham số 12 ngõ 5, hướng dẫn 2 người cài VNeID";
    case t::nudge_sent_private:
        return "📣 {team} chưa gắn nhóm chat, nên bot đã nhắc riêng {count} người chưa ghi.";
    case t::nudge_sent_private_partly:
        return "📣 {team} chưa gắn nhóm chat, nên bot đã nhắc riêng {count} người chưa ghi. Không nhắn riêng "
               "được cho: {names} (chưa liên kết tài khoản, đã chặn bot, hoặc đã quá 7 ngày chưa nhắn cho OA "
               "Zalo).";
    case t::nudge_no_one_reachable:
        return "{team} chưa gắn nhóm chat, và bot không nhắn riêng được cho ai trong số những người chưa ghi "
               "({names}): họ chưa liên kết tài khoản, đã chặn bot, hoặc đã quá 7 ngày chưa nhắn cho OA Zalo. "
               "Tổ trưởng "
               "thêm bot vào nhóm của tổ và gõ /lienket trong nhóm.";
    case t::nudge_undelivered_header:
        return "⚠️ Lời nhắc riêng ({team}) chưa đến được {failed} trong {count} người:";
    case t::nudge_undelivered_line:
        return "• {name}: {reason}";
    case t::nudge_reason_gone:
        return "đã chặn bot hoặc bỏ quan tâm OA";
    case t::nudge_reason_window:
        return "quá 7 ngày chưa nhắn cho OA Zalo nên Zalo chặn tin; họ cần nhắn cho OA trước";
    case t::nudge_reason_other:
        return "gửi không được ({error})";
    case t::nudge_undelivered_advice:
        return "Hãy gọi điện nhắc trực tiếp, và nhờ họ nhắn một tin bất kỳ cho bot để lần sau nhận được.";
    case t::nudge_too_soon:
        return "Nhóm của {team} đã được nhắc vào {at}. Để không làm phiền, mỗi tổ chỉ được nhắc một lần trong "
               "12 giờ.";
    case t::nudge_not_yours:
        return "Chỉ tổ trưởng, tổ phó của tổ hoặc cán bộ phường mới nhắc được trong nhóm tổ.";
    case t::nudge_bad_words:
        return "Không rõ «{detail}». Gõ /nhacnho để nhắc cho tháng này, hoặc /nhacnho tuần, /nhacnho quý, "
               "/nhacnho năm; chỉ nhắc được cho kỳ đang diễn ra.";
    case t::pick_team:
        return "Bạn chưa thuộc tổ nào. Cán bộ phường gõ /thongke phuong cho cả phường, hoặc /thongke <i>tên "
               "tổ</i>.";
    case t::ward_group_own_team:
        return "Đây là nhóm chung của phường: ở đây /{command} là số liệu cả phường, dành cho cán bộ phường. "
               "Xem số liệu của {team}: nhắn riêng cho bot /{command}, hoặc gõ /{command} trong nhóm của tổ.";
    case t::team_unknown:
        return "Không tìm thấy tổ «{team}». Các tổ: {teams}.";
    case t::period_this_week:
        return "tuần này";
    case t::period_this_month:
        return "tháng này";
    case t::period_this_quarter:
        return "quý này";
    case t::period_this_year:
        return "năm nay";
    case t::period_last_week:
        return "tuần trước";
    case t::period_last_month:
        return "tháng trước";
    case t::period_last_quarter:
        return "quý trước";
    case t::period_last_year:
        return "năm trước";
    case t::count_:
        break;
    }
    return {};
}

std::string_view en(stats_text key) {
    using t = stats_text;
    switch (key) {
    case t::my_header:
        return "📊 <b>{name}</b> — {period} ({range})";
    case t::team_header:
        return "📊 <b>{team}</b> — {period} ({range})";
    case t::ward_header:
        return "📊 <b>{ward}</b> — {period} ({range})";
    case t::line_visits:
        return "🏠 Household visits: <b>{visits}</b>, people helped: <b>{people}</b>";
    case t::line_sessions:
        return "👥 Help sessions: <b>{sessions}</b>, attendees: <b>{attendees}</b>";
    case t::line_active:
        return "🙋 Active members: <b>{active}</b>/{total}";
    case t::line_evidence:
        return "📷 With photo evidence: <b>{with}</b> of {records} records";
    case t::line_topics_header:
        return "<b>By topic</b> (visits and sessions together):";
    case t::line_topic:
        return "• {topic}: {records} records, {people} people";
    case t::versus_previous:
        return "Against the same span of last {previous}: visits {visits}, people helped {people}";
    case t::versus_before:
        return "Against the {previous} before: visits {visits}, people helped {people}";
    case t::versus_sessions:
        return ", help sessions {sessions}";
    case t::change_up:
        return "▲ {delta}";
    case t::change_down:
        return "▼ {delta}";
    case t::change_same:
        return "unchanged";
    case t::members_header:
        return "<b>By member:</b>";
    case t::member_line:
        return "• {name}: {visits} visits, {people} people, {sessions} sessions";
    case t::former_member:
        return "{name} (left the team)";
    case t::idle_members:
        return "⚠️ Nothing logged in the period ({count}): {names}";
    case t::new_to_team:
        return "Joined the team in the period, nothing logged for it yet ({count}): {names}";
    case t::team_since_day:
        return "since {date}";
    case t::idle_none:
        return "Every member has logged something in the period. 👏";
    case t::other_team_only:
        return "You can only see your own team's figures. Those of {team} are for its members and ward staff.";
    case t::other_team_in_group:
        return "This is {group_team}'s group, so here the bot gives only that team's figures. For {team}'s "
               "figures, message the bot privately: /{command} {named}";
    case t::teams_header:
        return "<b>By team:</b>";
    case t::team_line:
        return "{rank}. {team}: {visits} visits, {people} people, {sessions} sessions";
    case t::more_members:
        return "… and {count} more";
    case t::more_teams:
        return "… and {count} more";
    case t::idle_teams:
        return "⚠️ Teams with no activity in the period ({count}): {names}";
    case t::teams_without_members:
        return "ℹ️ Teams with no members yet ({count}): {names}. Add members to them with /{command} or import "
               "the team's roster.";
    case t::target_header:
        return "<b>Progress against targets:</b>";
    case t::target_line:
        return "• {name}: {done}/{goal} ({percent}%)";
    case t::team_households:
        return "Households visited / households in the area";
    case t::nothing_yet:
        return "Nothing logged in the period yet. Log help with /visit, sessions with /session.";
    case t::recent_header:
        return "🕘 Latest records (fix: /edit no., cancel: /undo no., photos: /photo no.):";
    case t::recent_line:
        return "• No. {no}, {date}: {place} — {topics}{photos}";
    case t::recent_line_in_group:
        return "• No. {no}, {date} — {topics}{photos}";
    case t::ranking_members_header:
        return "🏆 <b>Member ranking, {team}</b> — {period}";
    case t::ranking_teams_header:
        return "🏆 <b>Team ranking, {ward}</b> — {period}";
    case t::ranking_line:
        return "{rank}. {name} — {visits} visits, {people} people";
    case t::ranking_sessions:
        return "; {sessions} sessions, {attendees} attendees";
    case t::ranking_empty:
        return "Nobody has logged anything in the period yet.";
    case t::ranking_basis:
        return "<i>Ranked by visits and sessions, then people helped and attendees; equal figures share a rank.</i>";
    case t::nudge_button:
        return "📣 Remind those who logged nothing, in the group";
    case t::nudge_post:
        return "📣 <b>A reminder to log your help</b> — {who} ({role})\n"
               "In {period} ({range}), nothing logged yet by: {names}.\n"
               "After helping a resident, one line is enough, e.g.:\n"
               "/visit 12 Lane 5, helped 2 people install VNeID\n"
               "A session: /session community hall, 30 people, scam awareness";
    case t::nudge_sent:
        return "📣 Reminded {count} people who logged nothing, in {team}'s group.";
    case t::nudge_nobody:
        return "👍 No one in {team} to remind: everyone else has logged something in {period}.";
    case t::nudge_private:
        return "📣 <b>A reminder to log your help</b> — {who} ({role}, {team})\n"
               "In {period} ({range}), you have logged nothing yet. After helping a resident, one line is "
               "enough, e.g.:\n"
               "/visit 12 Lane 5, helped 2 people install VNeID";
    case t::nudge_sent_private:
        return "📣 {team} has no group chat, so the bot reminded the {count} who logged nothing privately.";
    case t::nudge_sent_private_partly:
        return "📣 {team} has no group chat, so the bot reminded {count} who logged nothing privately. It cannot "
               "write to: {names} (not linked, blocked the bot, or silent on the Zalo OA for 7 days).";
    case t::nudge_no_one_reachable:
        return "{team} has no group chat, and the bot cannot write privately to any of those who logged nothing "
               "({names}): they have not linked an account, blocked the bot, or have not written to the Zalo OA "
               "for 7 days. The "
               "leader adds the bot to the team's group and types /bind in it.";
    case t::nudge_undelivered_header:
        return "⚠️ The private reminder ({team}) did not reach {failed} of {count}:";
    case t::nudge_undelivered_line:
        return "• {name}: {reason}";
    case t::nudge_reason_gone:
        return "blocked the bot or unfollowed the OA";
    case t::nudge_reason_window:
        return "silent on the Zalo OA for 7 days, so Zalo refused; they need to message the OA first";
    case t::nudge_reason_other:
        return "could not be sent ({error})";
    case t::nudge_undelivered_advice:
        return "Call them, and ask them to send the bot any message so the next reminder reaches them.";
    case t::nudge_too_soon:
        return "{team}'s group was reminded on {at}. Not to bother people, a team is reminded at most once in 12 "
               "hours.";
    case t::nudge_not_yours:
        return "Only the team's leader or deputy, or ward staff, can remind the team's group.";
    case t::nudge_bad_words:
        return "«{detail}» is not clear. Type /nudge to remind for this month, or /nudge week, /nudge quarter, "
               "/nudge year; only the current period can be reminded about.";
    case t::pick_team:
        return "You are not on a team. Ward staff: /stats ward for the whole ward, or /stats <i>team "
               "name</i>.";
    case t::ward_group_own_team:
        return "This is the ward's group: here /{command} gives the whole ward's figures, for ward staff. For "
               "{team}'s figures, message the bot /{command} privately, or type /{command} in your team's group.";
    case t::team_unknown:
        return "No team \"{team}\". Teams: {teams}.";
    case t::period_this_week:
        return "this week";
    case t::period_this_month:
        return "this month";
    case t::period_this_quarter:
        return "this quarter";
    case t::period_this_year:
        return "this year";
    case t::period_last_week:
        return "last week";
    case t::period_last_month:
        return "last month";
    case t::period_last_quarter:
        return "last quarter";
    case t::period_last_year:
        return "last year";
    case t::count_:
        break;
    }
    return {};
}

} // namespace

std::string_view template_of(language lang, visit_text key) {
    return lang == language::vi ? vi(key) : en(key);
}
std::string_view template_of(language lang, stats_text key) {
    return lang == language::vi ? vi(key) : en(key);
}

} // namespace cnscd
