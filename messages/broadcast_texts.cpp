#include "messages/broadcast_texts.hpp"

namespace cnscd {
namespace {

std::string_view vi(broadcast_text key) {
    using t = broadcast_text;
    switch (key) {
    case t::preview:
        return "📣 <b>Xem trước thông báo</b> gửi tới <b>{count}</b> nhóm{targets}{when}:\n\n{text}\n\n"
               "{missing}{schedule}Bấm «Gửi» để gửi đi, «Hủy» để bỏ.";
    case t::targets_named:
        return " ({teams})";
    case t::teams_without_group:
        return "⚠️ {count} tổ chưa gắn nhóm nên sẽ không nhận: {teams}.\n"
               "Tổ trưởng gõ /lienket trong nhóm của tổ.";
    case t::teams_bot_removed:
        return "⚠️ {count} tổ đã xóa bot khỏi nhóm nên sẽ không nhận: {teams}.\n"
               "Tổ trưởng thêm lại bot vào nhóm của tổ; nhóm vẫn gắn với tổ, không cần gõ /lienket lại.";
    case t::nowhere_to_send:
        return "Không có nhóm nào để gửi.";
    case t::targets_not_reported:
        return "các tổ chưa nộp {report} ({period})";
    case t::targets_not_reported_any:
        return "các tổ chưa nộp báo cáo";
    case t::all_reported:
        return "Mọi tổ đã nộp {report} ({period}), không còn tổ nào để nhắc. 👏";
    case t::all_reported_since:
        return "📣 Thông báo số {id} không gửi đi: đến lúc gửi, các tổ cần nhắc ({teams}) đều đã nộp báo cáo. 👏";
    case t::scheduled_owing_note:
        return "\nĐến giờ gửi, bot chỉ gửi cho các tổ khi đó vẫn chưa nộp báo cáo.";
    case t::skipped_reported:
        return "\n{count} tổ đã nộp báo cáo trước giờ gửi nên không nhận: {teams}.";
    case t::no_group_summary:
        return "\n📞 {count} tổ không nhận được vì chưa có nhóm với bot, hãy gọi điện báo: {teams}.";
    case t::team_leader_phone:
        return "{team} (tổ trưởng {name}, {phone})";
    case t::when_scheduled:
        return ", vào {time}";
    case t::schedule_note:
        return "⏰ <b>Không gửi ngay: hẹn gửi vào {time}</b> (theo «{words}»).\n\n";
    case t::schedule_note_without_luc:
        return "⏰ <b>Không gửi ngay: hẹn gửi vào {time}</b> («{words}» ở đầu tin được hiểu là giờ gửi). "
               "Nếu đó là nội dung thông báo, bấm «Hủy» rồi gõ lại với chữ khác đứng trước, ví dụ: "
               "/thongbao Thông báo: {words} …\n\n";
    case t::button_send:
        return "📤 Gửi";
    case t::button_cancel:
        return "✖️ Hủy";
    case t::button_retry:
        return "🔁 Gửi lại {count} nhóm lỗi";
    case t::usage:
        return "Cách gửi thông báo tới các nhóm tổ:\n"
               "/thongbao <i>nội dung</i> — gửi tất cả các tổ\n"
               "/thongbao @to1,to3 <i>nội dung</i> — gửi một số tổ\n"
               "/thongbao chua-bao-cao <i>nội dung</i> — các tổ chưa nộp báo cáo kỳ này\n"
               "/thongbao tailieu vneid — gửi một tài liệu hướng dẫn\n"
               "/thongbao lúc 07:30 25/12 <i>nội dung</i> — hẹn giờ gửi\n"
               "/thongbao huy <i>số</i> — hủy thông báo đã hẹn giờ hoặc đang gửi\n"
               "Muốn gửi kèm ảnh hoặc tệp: gửi tệp và ghi lệnh ở phần chú thích.";
    case t::no_groups_bound:
        return "Chưa tổ nào gắn nhóm chat với bot, nên chưa có nơi để gửi. Tổ trưởng thêm bot vào nhóm của tổ "
               "và gõ /lienket trong nhóm; xem tổ nào đã gắn bằng /thanhvien.";
    case t::no_targets:
        return "Không có nhóm nào để gửi: {reason} chưa gắn nhóm chat với bot. Tổ trưởng gắn nhóm của tổ bằng "
               "lệnh /lienket trong nhóm.";
    case t::unknown_teams:
        return "Không tìm thấy tổ: {teams}. Các tổ của phường: {all}.";
    case t::time_past:
        return "Thời điểm {time} đã qua. Hãy chọn thời điểm sau bây giờ ({now}).";
    case t::guide_unknown:
        return "Không có tài liệu «{slug}». Gõ /tailieu để xem danh sách.";
    case t::queued:
        return "📤 Thông báo số {id}: đang gửi tới {count} nhóm, đã gửi 0/{count}.";
    case t::scheduled:
        return "⏰ Đã hẹn gửi thông báo số {id} tới {count} nhóm vào {time}.";
    case t::progress:
        return "📤 Thông báo số {id}: đã gửi {done}/{count} nhóm, {failed} lỗi.";
    case t::finished:
        return "✅ Thông báo số {id} đã gửi xong: {delivered}/{count} nhóm nhận được, {failed} lỗi.";
    case t::failure_header:
        return "Thông báo số {id} chưa tới {failed} nhóm:";
    case t::failure_line:
        return "• {group}: {reason}";
    case t::failure_more:
        return "… và {count} nhóm khác.";
    case t::reason_gone:
        return "bot đã bị xóa khỏi nhóm hoặc nhóm không còn";
    case t::reason_window:
        return "quá 7 ngày chưa ai nhắn cho Official Account nên Zalo không cho gửi";
    case t::reason_other:
        return "nền tảng không nhận tin (chuyển lỗi này cho bộ phận kỹ thuật: {error})";
    case t::cancelled:
        return "Đã hủy, thông báo không được gửi.";
    case t::cancel_hint:
        return "\nMuốn hủy, gõ: /thongbao huy {id}";
    case t::cancelled_scheduled:
        return "🛑 Đã hủy thông báo số {id} hẹn gửi vào {time}; không nhóm nào nhận.";
    case t::cancelled_sending:
        return "🛑 Đã dừng thông báo số {id}: {delivered} nhóm đã nhận, {pending} nhóm còn lại sẽ không nhận.";
    case t::campaign_not_found:
        return "Phường không có thông báo số {id}. Gõ /thongbao_ds để xem số của các thông báo gần đây.";
    case t::already_sent:
        return "Thông báo số {id} đã được xử lý rồi ({state}).";
    case t::draft_expired:
        return "Bản xem trước số {id} được tạo từ {time}, đã quá {hours} giờ nên không gửi nữa: danh sách nhóm "
               "(nhất là các tổ chưa nộp báo cáo) và nội dung có thể đã cũ. Gõ lại /thongbao để xem trước và gửi.";
    case t::not_yours:
        return "Chỉ cán bộ phường của {ward} mới gửi được thông báo này.";
    case t::retry_queued:
        return "🔁 Thông báo số {id}: đang gửi lại tới {count} nhóm lỗi.";
    case t::nothing_to_retry:
        return "Thông báo số {id} không còn nhóm lỗi nào để gửi lại.";
    case t::list_header:
        return "<b>Thông báo gần đây</b>:";
    case t::list_line:
        return "• Số {id} ({date}) — {state}: {delivered}/{count} nhóm, {failed} lỗi — «{excerpt}»";
    case t::list_line_unsent:
        return "• Số {id} ({date}) — {state}, {count} nhóm — «{excerpt}»";
    case t::list_failure_line:
        return "   ↳ {group}: {reason}. Cách xử lý: {fix}.";
    case t::fix_gone:
        return "tổ trưởng thêm lại bot vào nhóm của tổ, rồi bấm gửi lại";
    case t::fix_window:
        return "nhờ một người trong nhóm nhắn một tin cho Official Account, rồi bấm gửi lại";
    case t::fix_other:
        return "bấm gửi lại; nếu vẫn lỗi, chuyển mã lỗi cho bộ phận kỹ thuật";
    case t::button_retry_no:
        return "🔁 Gửi lại số {id} ({count} nhóm lỗi)";
    case t::list_empty:
        return "Chưa có thông báo nào. Gõ /thongbao để xem cách gửi.";
    case t::state_draft:
        return "chờ xác nhận";
    case t::state_draft_expired:
        return "bản xem trước đã hết hạn, không gửi";
    case t::state_scheduled:
        return "đã hẹn giờ";
    case t::state_sending:
        return "đang gửi";
    case t::state_done:
        return "đã gửi xong";
    case t::state_cancelled:
        return "đã hủy";
    case t::attachment_note:
        return "📎 kèm tệp: {name}";
    case t::quiet_note:
        return "\n🌙 Đang trong giờ yên lặng ({from}:00–{to}:00): các nhóm sẽ nhận thông báo từ {to}:00.";
    case t::group_header:
        return "📣 <b>Thông báo của {ward}</b> (cán bộ {name} gửi)";
    case t::group_header_nameless:
        return "📣 <b>Thông báo của {ward}</b>";
    case t::count_:
        break;
    }
    return {};
}

std::string_view en(broadcast_text key) {
    using t = broadcast_text;
    switch (key) {
    case t::preview:
        return "📣 <b>Announcement preview</b> for <b>{count}</b> groups{targets}{when}:\n\n{text}\n\n"
               "{missing}{schedule}Press \"Send\" to send it, \"Cancel\" to drop it.";
    case t::targets_named:
        return " ({teams})";
    case t::teams_without_group:
        return "⚠️ Teams with no bound group, which will not get it ({count}): {teams}.\n"
               "Their leader types /bind in the team's group.";
    case t::teams_bot_removed:
        return "⚠️ Teams whose group removed the bot, which will not get it ({count}): {teams}.\n"
               "Their leader adds the bot back to the team's group; the group is still bound, no need for /bind "
               "again.";
    case t::nowhere_to_send:
        return "There is no group to send to.";
    case t::targets_not_reported:
        return "teams that have not submitted the {report} ({period})";
    case t::targets_not_reported_any:
        return "teams that have not submitted their report";
    case t::all_reported:
        return "Every team has submitted the {report} ({period}); there is no team left to remind. 👏";
    case t::all_reported_since:
        return "📣 Announcement no. {id} was not sent: by the time it went out, the teams it was for ({teams}) "
               "had all submitted their report. 👏";
    case t::scheduled_owing_note:
        return "\nAt that time it goes only to the teams that still have not submitted.";
    case t::skipped_reported:
        return "\n{count} teams submitted their report before it went out, so did not get it: {teams}.";
    case t::no_group_summary:
        return "\n📞 {count} teams could not get it, having no group with the bot; phone them: {teams}.";
    case t::team_leader_phone:
        return "{team} (leader {name}, {phone})";
    case t::when_scheduled:
        return ", on {time}";
    case t::schedule_note:
        return "⏰ <b>Not sent now: scheduled for {time}</b> (from \"{words}\").\n\n";
    case t::schedule_note_without_luc:
        return "⏰ <b>Not sent now: scheduled for {time}</b> (\"{words}\" at the start was read as the sending "
               "time). If it is part of the announcement, press \"Cancel\" and type it again with another "
               "word first, e.g. /announce Notice: {words} …\n\n";
    case t::button_send:
        return "📤 Send";
    case t::button_cancel:
        return "✖️ Cancel";
    case t::button_retry:
        return "🔁 Resend to {count} groups that failed";
    case t::usage:
        return "How to send an announcement to the team groups:\n"
               "/broadcast <i>text</i> — all teams\n"
               "/broadcast @to1,to3 <i>text</i> — some teams\n"
               "/broadcast not-reported <i>text</i> — teams that have not reported this period\n"
               "/broadcast guide vneid — send a guide\n"
               "/broadcast at 07:30 25/12 <i>text</i> — schedule it\n"
               "/broadcast cancel <i>no.</i> — cancel a scheduled or sending announcement\n"
               "To attach a photo or file: send the file with the command as its caption.";
    case t::no_groups_bound:
        return "No team has bound its group chat to the bot yet, so there is nowhere to send. Team leaders add "
               "the bot to their team's group and type /bind in it; /members shows which teams have.";
    case t::no_targets:
        return "There is no group to send to: {reason} have not bound a group chat to the bot. Team leaders "
               "bind their group with /bind in it.";
    case t::unknown_teams:
        return "No such team: {teams}. The ward's teams: {all}.";
    case t::time_past:
        return "{time} has passed. Choose a time after now ({now}).";
    case t::guide_unknown:
        return "There is no guide \"{slug}\". Type /guide for the list.";
    case t::queued:
        return "📤 Announcement no. {id}: sending to {count} groups, 0/{count} sent.";
    case t::scheduled:
        return "⏰ Announcement no. {id} to {count} groups is scheduled for {time}.";
    case t::progress:
        return "📤 Announcement no. {id}: {done}/{count} groups sent, {failed} failed.";
    case t::finished:
        return "✅ Announcement no. {id} is done: {delivered}/{count} groups received it, {failed} failed.";
    case t::failure_header:
        return "Announcement no. {id} did not reach {failed} groups:";
    case t::failure_line:
        return "• {group}: {reason}";
    case t::failure_more:
        return "… and {count} more.";
    case t::reason_gone:
        return "the bot was removed from the group, or the group is gone";
    case t::reason_window:
        return "nobody there wrote to the Official Account in the last 7 days, so Zalo refuses";
    case t::reason_other:
        return "the platform refused it (error for your IT person: {error})";
    case t::cancelled:
        return "Cancelled; nothing was sent.";
    case t::cancel_hint:
        return "\nTo cancel it, type: /broadcast cancel {id}";
    case t::cancelled_scheduled:
        return "🛑 Announcement no. {id}, scheduled for {time}, is cancelled; no group got it.";
    case t::cancelled_sending:
        return "🛑 Announcement no. {id} is stopped: {delivered} groups got it, the other {pending} will not.";
    case t::campaign_not_found:
        return "The ward has no announcement no. {id}. Type /broadcasts to see the numbers of recent ones.";
    case t::already_sent:
        return "Announcement no. {id} was already handled ({state}).";
    case t::draft_expired:
        return "Preview no. {id}, made on {time}, is more than {hours} hours old, so it is not sent: the list of "
               "groups (teams behind on a report above all) and the text may be out of date. Type /broadcast again "
               "to preview and send it.";
    case t::not_yours:
        return "Only ward staff of {ward} can send this announcement.";
    case t::retry_queued:
        return "🔁 Announcement no. {id}: resending to {count} groups that failed.";
    case t::nothing_to_retry:
        return "Announcement no. {id} has no failed group left to resend to.";
    case t::list_header:
        return "<b>Recent announcements</b>:";
    case t::list_line:
        return "• No. {id} ({date}) — {state}: {delivered}/{count} groups, {failed} failed — \"{excerpt}\"";
    case t::list_line_unsent:
        return "• No. {id} ({date}) — {state}, {count} groups — \"{excerpt}\"";
    case t::list_failure_line:
        return "   ↳ {group}: {reason}. What to do: {fix}.";
    case t::fix_gone:
        return "the team leader adds the bot back to the team's group, then press resend";
    case t::fix_window:
        return "ask someone in the group to send the Official Account a message, then press resend";
    case t::fix_other:
        return "press resend; if it fails again, pass the error code to the technical staff";
    case t::button_retry_no:
        return "🔁 Resend no. {id} ({count} failed groups)";
    case t::list_empty:
        return "No announcements yet. Type /broadcast to see how to send one.";
    case t::state_draft:
        return "waiting for confirmation";
    case t::state_draft_expired:
        return "preview expired, not sent";
    case t::state_scheduled:
        return "scheduled";
    case t::state_sending:
        return "sending";
    case t::state_done:
        return "done";
    case t::state_cancelled:
        return "cancelled";
    case t::attachment_note:
        return "📎 with file: {name}";
    case t::quiet_note:
        return "\n🌙 Quiet hours ({from}:00–{to}:00): the groups will receive it from {to}:00.";
    case t::group_header:
        return "📣 <b>Announcement from {ward}</b> (sent by {name}, ward staff)";
    case t::group_header_nameless:
        return "📣 <b>Announcement from {ward}</b>";
    case t::count_:
        break;
    }
    return {};
}

std::string_view vi(guide_text key) {
    using t = guide_text;
    switch (key) {
    case t::list_header:
        return "📚 <b>Tài liệu hướng dẫn</b> ({count}):";
    case t::list_line:
        return "• <code>{slug}</code> — {title}";
    case t::list_footer:
        return "Gõ /tailieu <i>tên hoặc từ khóa</i> để xem, ví dụ: /tailieu vneid";
    case t::not_found:
        return "Không có tài liệu nào khớp «{query}». Gõ /tailieu để xem danh sách.";
    case t::several:
        return "Có {count} tài liệu khớp «{query}», hãy chọn bằng mã:";
    case t::added:
        return "✅ Đã thêm tài liệu «{title}» (mã <code>{slug}</code>). Mọi người xem bằng /tailieu {slug}";
    case t::needs_file:
        return "Hãy gửi tệp (PDF, ảnh, Word...) và ghi /tailieu_them <i>tên tài liệu</i> ở phần chú thích "
               "của tệp.";
    case t::file_caption:
        return "📎 {title}";
    case t::count_:
        break;
    }
    return {};
}

std::string_view en(guide_text key) {
    using t = guide_text;
    switch (key) {
    case t::list_header:
        return "📚 <b>Guides</b> ({count}):";
    case t::list_line:
        return "• <code>{slug}</code> — {title}";
    case t::list_footer:
        return "Type /guide <i>name or keyword</i> to read one, e.g. /guide vneid";
    case t::not_found:
        return "No guide matches \"{query}\". Type /guide for the list.";
    case t::several:
        return "{count} guides match \"{query}\"; pick one by its code:";
    case t::added:
        return "✅ Guide \"{title}\" added (code <code>{slug}</code>). Anyone can read it with /guide {slug}";
    case t::needs_file:
        return "Send a file (PDF, photo, Word...) with /addguide <i>guide title</i> as its caption.";
    case t::file_caption:
        return "📎 {title}";
    case t::count_:
        break;
    }
    return {};
}

} // namespace

std::string_view template_of(language lang, broadcast_text key) {
    return lang == language::vi ? vi(key) : en(key);
}
std::string_view template_of(language lang, guide_text key) {
    return lang == language::vi ? vi(key) : en(key);
}

} // namespace cnscd
