// Vietnamese: the bot's first language. Write as a helpful neighbour would: short, polite
// ("bạn"), no jargon.

#include "messages/catalog.hpp"

namespace cnscd {

std::string_view catalog_vi(text key) {
    switch (key) {
    case text::welcome:
        // {name} brings its own leading space; a Zalo OA follower has no name to give.
        return "Xin chào{name}! Tôi là trợ lý của <b>Tổ công nghệ số cộng đồng</b>.\n"
               "Tôi giúp tổ ghi lại các lượt hướng dẫn người dân, xem thống kê, nộp báo cáo định kỳ và nhận "
               "tài liệu hướng dẫn từ phường.\n\n{help}";
    case text::help_member:
        return "<b>Các lệnh của thành viên</b>\n"
               "/tham <i>địa chỉ, nội dung</i> — ghi một lượt hỗ trợ hộ dân\n"
               "   Ví dụ: /tham số 12 ngõ 5, hướng dẫn 2 người cài VNeID\n"
               "/buoi <i>địa điểm, số người, nội dung</i> — ghi một buổi hướng dẫn\n"
               "/huy [số] — hủy lượt ghi gần nhất, hoặc lượt có số đó (trong {hours} giờ)\n"
               "/sua <i>số</i> <i>nội dung mới</i> — sửa một lượt đã ghi\n"
               "/anh [số] — gửi kèm ảnh để lưu làm minh chứng cho lượt ghi; /anh <i>số</i> để xem lại\n"
               "/toi [tuần|tháng|quý|năm] — kết quả của bạn («/toi tháng trước», «/toi tháng 10»)\n"
               "/thongke [tuần|tháng|quý|năm] — thống kê của tổ\n"
               "/xephang — bảng xếp hạng\n"
               "/tailieu [chủ đề] — tài liệu hướng dẫn\n"
               "/hannop — các hạn nộp báo cáo\n"
               "/giup [lệnh] — xem lại hướng dẫn này, hoặc chi tiết một lệnh («/giup tham»)";
    case text::help_leader:
        return "\n\n<b>Dành cho tổ trưởng, tổ phó</b>\n"
               "/baocao [tháng|quý|năm] — xem và nộp báo cáo của tổ\n"
               "/lienket — gắn nhóm chat này với tổ (gõ trong nhóm)\n"
               "/thanhvien — danh sách thành viên\n"
               "/thanhvien_them <i>họ tên, số điện thoại</i> — thêm người mới vào tổ\n"
               "/nhacnho — nhắc trong nhóm tổ những người chưa ghi lượt nào tháng này\n"
               "/moi <i>tên hoặc số TT</i> — tạo mã mời để thành viên liên kết tài khoản\n"
               "/xoa <i>tên</i> — cho thành viên nghỉ (giữ lịch sử)\n"
               "/doivaitro <i>tên</i> <i>vai trò</i> — đổi vai trò";
    case text::help_staff:
        return "\n\n<b>Dành cho cán bộ phường</b>\n"
               "/thongbao <i>nội dung</i> — gửi thông báo đến các nhóm tổ\n"
               "/thongbao_ds — các đợt thông báo gần đây\n"
               "/tailieu_them <i>tên</i> — thêm tài liệu (gửi kèm tệp)\n"
               "/baocao phuong [tháng|quý] — tổng hợp báo cáo của phường\n"
               "/xuat [tháng|quý|năm] [trước] [xlsx|csv] — xuất bảng số liệu («/xuat quý III»)\n"
               "/hannop_them — thêm hạn nộp báo cáo";
    case text::help_tham:
        return "📝 <b>/tham</b> <i>địa chỉ, nội dung</i> — ghi một lượt hỗ trợ hộ dân.\n"
               "• <b>Địa chỉ</b> là phần trước dấu phẩy đầu tiên (hoặc trước khi xuống dòng): «số 12 ngõ 5», «số nhà 45, ngách 12/5, ngõ "
               "8».\n"
               "• <b>Nội dung</b>: chủ đề được nhận ra qua từ khóa (VNeID, định danh, dịch vụ công, QR, "
               "chuyển khoản, lừa đảo, khám bệnh...). Không rõ chủ đề thì tôi hỏi lại.\n"
               "• <b>Số người</b>: «2 người», «hai vợ chồng», «3 hộ»; không ghi thì tính 1 người.\n"
               "• <b>Ngày</b>: mặc định hôm nay; ghi «hôm qua», «hôm kia», «20/11», «thứ 7», «sáng nay» để "
               "ghi ngày khác (trong {days} ngày, không vào kỳ báo cáo đã khóa).\n"
               "Ví dụ: /tham số 12 ngõ 5 hôm qua, hướng dẫn 2 người cài VNeID và thanh toán QR\n"
               "Ghi sai thì sửa bằng /sua, hủy bằng /huy (gõ /giup sua, /giup huy).";
    case text::help_buoi:
        return "👥 <b>/buoi</b> <i>địa điểm, số người, nội dung</i> — ghi một buổi tuyên truyền, hướng dẫn.\n"
               "• <b>Số người tham dự</b> bằng số hoặc chữ: «30 người», «ba mươi phụ huynh», «45 đại biểu»; "
               "«20-30 người» tính 20.\n"
               "• Chủ đề và ngày ghi như /tham (gõ /giup tham).\n"
               "Ví dụ: /buoi nhà văn hóa tổ 3, 30 người, chống lừa đảo qua mạng";
    case text::help_sua:
        return "✏️ <b>/sua</b> <i>số nội dung mới</i> — sửa một lượt của bạn; nội dung cũ vẫn được "
               "lưu.\n"
               "• Chỉ cần ghi phần cần sửa: «/sua 125 3 người», «/sua 125 hôm qua», «/sua 125 thanh toán "
               "QR». Địa chỉ chỉ đổi khi bạn ghi địa chỉ mới trước dấu phẩy.\n"
               "• «/sua 125 thêm 1 người» cộng thêm vào số người đã ghi; «/sua 125 thêm lừa đảo» thêm một "
               "chủ đề.\n"
               "• Số của lượt có trong tin xác nhận và ở cuối /toi.\n"
               "• Trên Telegram, sửa chính tin nhắn /tham cũng sửa lượt đó.";
    case text::help_huy:
        return "↩️ <b>/huy</b> — hủy lượt ghi gần nhất của bạn; <b>/huy</b> <i>số</i> — hủy lượt có số "
               "đó.\n"
               "Chỉ trong {hours} giờ sau khi ghi, và chỉ lượt của bạn; lịch sử vẫn được lưu. Quá hạn thì "
               "sửa bằng /sua.";
    case text::help_toi:
        return "📊 <b>/toi</b> [kỳ] — kết quả của bạn: lượt thăm, người được hỗ trợ, buổi hướng dẫn, chủ đề, "
               "và các lượt ghi gần đây kèm số.";
    case text::help_thongke:
        return "📊 <b>/thongke</b> [kỳ] — thống kê của tổ: tổng, theo chủ đề, theo thành viên, ai chưa ghi "
               "lượt nào. Cán bộ phường: của cả phường, hoặc một tổ («/thongke tháng Tổ 3»).";
    case text::help_xephang:
        return "🏆 <b>/xephang</b> [kỳ] — xếp hạng thành viên trong tổ; cán bộ phường: xếp hạng các tổ, hoặc "
               "thành viên một tổ («/xephang Tổ 3 tháng trước»).";
    case text::help_periods:
        return "\n<b>Kỳ</b>: tuần, tháng (mặc định), quý, năm. Thêm «trước» để xem cả kỳ trước («tháng "
               "trước»), hoặc ghi số kỳ: «tháng 10», «tháng 10/2025», «quý III», «năm 2025». Kỳ hiện tại "
               "được so với cùng kỳ trước; kỳ đã qua so với cả kỳ trước nó.";
    case text::help_baocao:
        return "📋 <b>/baocao</b> [tháng|quý|năm] — xem số liệu báo cáo của tổ, tính từ các lượt đã ghi, và "
               "nộp bằng nút «Nộp báo cáo» (tổ trưởng, tổ phó).\n"
               "• «/baocao» không kèm kỳ mở báo cáo tổ chưa nộp có hạn sớm nhất, kèm nút mở các báo cáo "
               "khác chưa nộp.\n"
               "• «/baocao tháng trước», «/baocao tháng 10» mở báo cáo kỳ đó; kỳ đã khóa thì chỉ xem.\n"
               "• Các hạn nộp và nút mở từng báo cáo: /hannop. Cán bộ phường: /baocao phuong.";
    case text::help_xuat:
        return "📎 <b>/xuat</b> [tháng|quý|năm] [trước|số kỳ] [xlsx|csv] — cán bộ phường nhắn riêng để nhận "
               "bảng số liệu của phường: các tổ, thành viên và từng lượt hỗ trợ.\n"
               "Ví dụ: /xuat quý trước, /xuat tháng 10 csv, /xuat năm 2025";
    case text::help_thanhvien_them:
        return "👥 <b>/thanhvien_them</b> <i>họ tên, số điện thoại</i> [, vai trò] [, khu vực phụ trách] — "
               "thêm người mới vào danh sách tổ, không cần chờ phường nhập lại danh sách.\n"
               "Ví dụ: /thanhvien_them Nguyễn Văn Mới, 0905 123 456, tổ phó, Ngõ 7\n"
               "• Vai trò mặc định là thành viên; tổ phó chỉ thêm được thành viên.\n"
               "• Người mới nhắn riêng cho bot và chia sẻ số điện thoại để liên kết; không có số thì dùng mã "
               "mời (/moi).\n"
               "• Cán bộ phường ghi tên tổ trước dấu hai chấm: /thanhvien_them Tổ dân phố số 2: Lê Văn Tư, "
               "0905 123 456\n"
               "• Người đã nghỉ (/xoa) được thêm lại bằng chính lệnh này.";
    case text::help_thongbao:
        return "📣 <b>/thongbao</b> <i>nội dung</i> — cán bộ phường gửi thông báo vào nhóm của các tổ. Tôi gửi bản "
               "xem trước; bấm «Gửi» thì mới gửi đi.\n"
               "• Chỉ vài tổ: /thongbao @to1,to3 <i>nội dung</i> (mã tổ: «Tổ 1» là to1).\n"
               "• Các tổ chưa nộp báo cáo kỳ hiện tại: /thongbao chua-bao-cao <i>nội dung</i>\n"
               "• Kèm một tài liệu: /thongbao tailieu vneid <i>nội dung</i> (mã tài liệu xem bằng /tailieu).\n"
               "• Hẹn giờ gửi: /thongbao lúc 07:30 25/12 <i>nội dung</i> (hoặc «lúc 7h30 sáng mai», «lúc 2h chiều nay»; giờ kèm ngày ở đầu tin "
               "thì không cần «lúc»: /thongbao 7h30 sáng mai <i>nội dung</i>); hủy "
               "trước giờ gửi: /thongbao huy <i>số</i>\n"
               "• Gửi ảnh hoặc tệp kèm chú thích /thongbao <i>nội dung</i> để đính kèm.\n"
               "Tiến độ gửi hiện ngay trong tin xác nhận; nhóm nào lỗi có nút gửi lại. Các đợt đã gửi: "
               "/thongbao_ds.";
    case text::help_thongbao_quiet:
        return "\nTừ {from}:00 đến {to}:00 tôi không gửi vào nhóm; thông báo chờ đến {to}:00 mới đi.";
    case text::help_nhacnho:
        return "📣 <b>/nhacnho</b> [tuần|tháng] — tổ trưởng, tổ phó: nhắc trong nhóm của tổ những ai chưa ghi "
               "lượt nào trong kỳ (mặc định tháng này), kèm một dòng mẫu để ghi ngay.\n"
               "• Cán bộ phường ghi tên tổ: /nhacnho Tổ 3 tuần\n"
               "• Tổ chưa gắn nhóm chat: tôi nhắn riêng từng người, nếu nhắn được.\n"
               "• Mỗi tổ được nhắc nhiều nhất một lần trong 12 giờ. Nút 📣 dưới /thongke của tổ cũng nhắc "
               "như vậy.";
    case text::help_anh:
        return "📷 <b>/anh</b> [số] — lưu ảnh minh chứng cho lượt đã ghi.\n"
               "• Gửi ảnh (hoặc tệp) kèm chú thích /anh: ảnh được lưu cho lượt ghi gần nhất của bạn; /anh 125 "
               "cho lượt số 125.\n"
               "• Gửi /tham hoặc /buoi làm chú thích của ảnh thì ảnh đi kèm lượt đó. Nhắn riêng, ảnh gửi trong "
               "1 giờ sau khi ghi cũng được lưu cho lượt vừa ghi.\n"
               "• /anh 125 không kèm ảnh: xem lại ảnh của lượt đó (chỉ khi nhắn riêng; người ghi, tổ trưởng, "
               "tổ phó và cán bộ phường).\n"
               "• Mỗi lượt nhiều nhất {photos} ảnh.";
    case text::help_more:
        return "<b>Lệnh khác</b>\n"
               "/start — lời chào và cách bắt đầu\n"
               "/ma <i>mã mời</i> — liên kết tài khoản bằng mã tổ trưởng gửi cho bạn\n"
               "/ngonngu en — chuyển sang tiếng Anh (/ngonngu vi để quay lại)\n"
               "/thoat — dừng việc đang làm dở khi tôi đang hỏi lại";
    case text::help_see_all:
        return "\n\nGõ /giup để xem mọi lệnh.";
    case text::help_not_a_command:
        return "Không có lệnh «{name}». Các lệnh:\n\n";
    case text::help_did_you_mean:
        return "Không có lệnh «{name}». Có phải ý bạn là /{suggestion}?\n\n";
    case text::help_unlinked:
        return "\n\n<b>Bạn chưa liên kết tài khoản.</b> Hãy nhắn riêng cho tôi và bấm nút <i>Chia sẻ số điện "
               "thoại</i> (nếu số của bạn có trong danh sách tổ), hoặc gõ /ma <i>mã mời</i> mà tổ trưởng gửi "
               "cho bạn.";
    case text::help_unlinked_no_button:
        return "\n\n<b>Bạn chưa liên kết tài khoản.</b> Hãy nhắn riêng cho tôi và gõ /ma <i>mã mời</i> mà tổ "
               "trưởng gửi cho bạn.";
    case text::help_unlinked_here:
        return "\n\n<b>Bạn chưa liên kết tài khoản.</b> Hãy bấm nút <i>Chia sẻ số điện thoại</i> bên dưới "
               "(nếu số của bạn có trong danh sách tổ), hoặc gõ /ma <i>mã mời</i> mà tổ trưởng gửi cho bạn.";
    case text::help_unlinked_here_no_button:
        return "\n\n<b>Bạn chưa liên kết tài khoản.</b> Hãy gõ /ma <i>mã mời</i> mà tổ trưởng gửi cho bạn.";
    case text::unknown_command:
        return "Tôi chưa hiểu lệnh /{name}. Có phải bạn muốn gõ /{suggestion}?\nGõ /giup để xem các lệnh.";
    case text::unknown_command_no_suggestion:
        return "Tôi chưa hiểu lệnh /{name}. Gõ /giup để xem các lệnh.";
    case text::internal_error:
        return "Xin lỗi, tôi gặp trục trặc khi xử lý tin nhắn này. Bạn vui lòng thử lại sau ít phút.";
    case text::not_allowed:
        return "Lệnh /{command} chỉ dành cho {roles}. Nếu bạn cần dùng, hãy liên hệ {ask}.";
    case text::ask_leader_or_ward:
        return "tổ trưởng hoặc cán bộ phường";
    case text::ask_ward:
        return "cán bộ phường";
    case text::list_and:
        return " và ";
    case text::not_allowed_in_group:
        return "Lệnh /{command} không dùng được trong nhóm này.";
    case text::only_in_group:
        return "Lệnh /{command} cần gõ trong nhóm chat của tổ.";
    case text::only_in_private:
        return "Lệnh /{command} chỉ dùng khi nhắn riêng với tôi, để giữ kín thông tin.";
    case text::not_linked:
        return "Tôi chưa biết bạn là thành viên tổ nào. Hãy nhắn riêng cho tôi để liên kết tài khoản: bấm "
               "nút <i>Chia sẻ số điện thoại</i>, hoặc gõ /ma <i>mã mời</i> do tổ trưởng gửi.";
    case text::not_linked_no_button:
        return "Tôi chưa biết bạn là thành viên tổ nào. Hãy nhắn riêng cho tôi và gõ /ma <i>mã mời</i> do tổ "
               "trưởng gửi để liên kết tài khoản.";
    case text::not_linked_here:
        return "Tôi chưa biết bạn là thành viên tổ nào. Để liên kết tài khoản, hãy bấm nút <i>Chia sẻ số "
               "điện thoại</i> bên dưới (nếu số của bạn có trong danh sách tổ), hoặc gõ /ma <i>mã mời</i> do "
               "tổ trưởng gửi.";
    case text::not_linked_here_no_button:
        return "Tôi chưa biết bạn là thành viên tổ nào. Để liên kết tài khoản, hãy gõ /ma <i>mã mời</i> do "
               "tổ trưởng gửi.";
    case text::held_until_linked:
        return "📥 Tôi giữ lại lượt bạn vừa gửi và sẽ ghi ngay khi bạn liên kết (trong vòng {hours} giờ), "
               "không cần gõ lại.";
    case text::sender_anonymous_admin:
        return "Bạn đang nhắn với tư cách <i>quản trị viên ẩn danh</i>, nên tôi không biết ai đang nhắn và "
               "chưa ghi gì cả. Hãy tắt chế độ ẩn danh: mở thông tin nhóm → <i>Quản trị viên</i> → chọn tên "
               "bạn → tắt <i>Ẩn danh</i>, rồi gõ lại lệnh.";
    case text::sender_channel:
        return "Bạn đang nhắn dưới tên một <i>kênh</i>, nên tôi không biết ai đang nhắn và chưa ghi gì cả. "
               "Hãy chuyển sang nhắn bằng tài khoản của chính bạn (bấm ảnh đại diện cạnh ô soạn tin và chọn "
               "tên bạn), rồi gõ lại lệnh.";
    case text::forwarded_not_logged:
        return "↪️ Đây là tin chuyển tiếp từ người khác nên tôi không ghi gì. Nếu đó là lượt của bạn, hãy tự "
               "gõ lại, ví dụ: /tham số 12 ngõ 5, cài VNeID cho 2 người. Nếu là của thành viên khác, hãy nhờ "
               "họ tự gửi.";
    case text::choose_by_number:
        return "\nGõ số hoặc tên mục bạn chọn.";
    case text::not_understood:
        return "Tôi chưa hiểu ý bạn. Gõ /giup để xem các lệnh.";
    case text::not_understood_member:
        return "Tôi chưa hiểu ý bạn. Để ghi một lượt hỗ trợ, gõ /tham rồi địa chỉ và nội dung, ví dụ:\n"
               "/tham số 12 ngõ 5, hướng dẫn 2 người cài VNeID\nGõ /giup để xem các lệnh.";
    case text::question_for_people:
        return "Mình là bot ghi lại việc hỗ trợ bà con của tổ, nên không trả lời được câu hỏi này. Lịch họp, "
               "thông báo hay việc của phường, bạn hỏi tổ trưởng trong nhóm chat của tổ hoặc cán bộ {ward}.\n"
               "Gõ /giup để xem bot giúp được gì.";
    case text::nothing_to_cancel:
        return "Không có việc gì đang chờ để hủy.";
    case text::cancelled:
        return "Đã hủy câu hỏi đang chờ.";
    case text::cancelled_not_undone:
        return "Đã hủy câu hỏi đang chờ. Chưa lượt ghi nào bị hủy: muốn hủy lượt ghi gần nhất, gõ /huy thêm "
               "lần nữa.";
    case text::language_set:
        return "Đã chuyển sang tiếng Việt.";
    case text::question_expired:
        return "Câu hỏi này đã hết hạn. {detail}";
    case text::button_unknown:
        return "Nút này không còn dùng được. Hãy gõ lại lệnh để có nút mới.";
    case text::cannot_read_content:
        return "Tôi chỉ đọc được tin nhắn chữ (và ảnh gửi kèm một lượt ghi), chưa nghe được tin nhắn thoại hay "
               "xem được nhãn dán, video. Chưa có gì được ghi.\nHãy gõ, ví dụ: <code>/tham số 12 ngõ 5, hướng dẫn "
               "2 người cài VNeID</code>. Gõ /giup để xem các lệnh.";
    case text::ask_again_hint:
        return "Gõ lại lệnh lúc nãy để bot hỏi lại.";
    case text::choice_invalid:
        return "Lựa chọn không hợp lệ. Hãy gõ một số từ 1 đến {max}.";
    case text::bot_added_to_group:
        return "Chào cả nhóm! Tôi là trợ lý của Tổ công nghệ số cộng đồng.\n"
               "Tổ trưởng hãy gõ /lienket để gắn nhóm này với tổ. Gõ /giup để xem các lệnh.";
    case text::topic_closed_questions:
        return "🔒 Một chủ đề của nhóm vừa được đóng khi bot còn chờ {names} trả lời câu hỏi ở đó. Xin trả lời "
               "ngay tại đây: bấm «Trả lời» vào tin nhắn này rồi gửi số của lựa chọn (hoặc câu trả lời).";
    case text::topic_closed_questions_nameless:
        return "🔒 Một chủ đề của nhóm vừa được đóng khi bot còn chờ trả lời câu hỏi ở đó. Ai đang được hỏi, xin "
               "trả lời ngay tại đây: bấm «Trả lời» vào tin nhắn này rồi gửi số của lựa chọn (hoặc câu trả lời).";
    case text::language_hint:
        // In the other language, for whoever cannot read this one.
        return "\n\n🌐 English: /lang en";
    case text::share_phone_button:
        return "📱 Chia sẻ số điện thoại";
    case text::role_member:
        return "thành viên";
    case text::role_deputy:
        return "tổ phó";
    case text::role_leader:
        return "tổ trưởng";
    case text::role_ward_staff:
        return "cán bộ phường";
    case text::role_admin:
        return "quản trị viên";
    case text::period_week:
        return "tuần";
    case text::period_month:
        return "tháng";
    case text::period_quarter:
        return "quý";
    case text::period_year:
        return "năm";
    case text::error_bad_number:
        return "Số «{detail}» không hợp lệ. Hãy ghi bằng chữ số, ví dụ: 2 người.";
    case text::error_bad_record_number:
        return "«{detail}» không phải số của một lượt đã ghi. Hãy ghi số trong tin xác nhận, ví dụ: "
               "/{command} 125 số 12 ngõ 5, 3 người cài VNeID";
    case text::error_bad_undo_number:
        return "«{detail}» không phải số của một lượt đã ghi. Gõ /huy để hủy lượt ghi gần nhất, hoặc /huy "
               "125 để hủy lượt số 125 (số nằm trong tin xác nhận).";
    case text::error_bad_photo_number:
        return "«{detail}» không phải số của một lượt đã ghi. Gõ /anh 125 (số trong tin xác nhận) để xem ảnh "
               "của lượt đó, hoặc gửi ảnh kèm chú thích /anh 125 để lưu.";
    case text::error_bad_date:
        return "Ngày «{detail}» không hợp lệ. Hãy ghi như 20/11, hôm qua hoặc hôm kia.";
    case text::error_missing_argument:
        return "Lệnh /{command} cần thêm thông tin. Ví dụ: {detail}";
    case text::error_bad_period:
        return "Không rõ khoảng thời gian «{detail}». Hãy chọn: tuần, tháng, quý hoặc năm; thêm «trước» để "
               "xem cả kỳ trước, hoặc ghi số kỳ, ví dụ: /{command} tháng 11, /{command} quý 3, /{command} "
               "năm 2025.";
    case text::error_export_period:
        return "Bảng số liệu xuất theo tháng, quý hoặc năm (không theo tuần), ví dụ: /xuat tháng, /xuat quý "
               "trước, /xuat năm 2025.";
    case text::error_period_number:
        return "Không có «{detail}»: tháng ghi từ 1 đến 12, quý từ 1 đến 4 (hoặc I đến IV), ví dụ: /{command} "
               "tháng 11, /{command} quý 3.";
    case text::error_future_period:
        return "Kỳ «{detail}» chưa bắt đầu nên chưa có số liệu. Gõ /{command} để xem kỳ này.";
    case text::error_staff_role:
        return "Không thể đổi thành «{detail}» trong chat: tài khoản cán bộ phường do người quản trị bot tạo "
               "(lệnh add-staff). Trong tổ chỉ có các vai trò: thành viên, tổ phó, tổ trưởng.";
    case text::error_bad_role:
        return "Vai trò «{detail}» không hợp lệ. Chọn một trong: thành viên, tổ phó, tổ trưởng.";
    case text::error_bad_language:
        return "Tôi chưa có tiếng «{detail}». Gõ /ngonngu en để dùng tiếng Anh, hoặc /ngonngu vi để dùng "
               "tiếng Việt.";
    case text::error_bad_time:
        return "Thời gian «{detail}» không hợp lệ. Hãy ghi như: lúc 07:30 25/12, hoặc lúc 7h30 sáng mai.";
    case text::error_time_without_hour:
        return "«lúc {detail}» mới có ngày, còn thiếu giờ gửi. Ghi giờ trước ngày, ví dụ: /thongbao lúc 07:30 "
               "{detail} Họp tổ trưởng…";
    case text::error_bad_format:
        return "Định dạng «{detail}» không hỗ trợ. Chọn xlsx hoặc csv.";
    case text::error_bad_name:
        return "«{detail}» không giống họ tên một người (họ tên không có chữ số). Ghi họ tên trước, rồi số "
               "điện thoại, ví dụ: /thanhvien_them Nguyễn Văn Mới, 0905 123 456";
    case text::error_bad_phone:
        return "Số điện thoại «{detail}» không đúng: cần số di động hoặc cố định Việt Nam, ví dụ 0905 123 "
               "456 hoặc +84 905 123 456.";
    case text::count_:
        break;
    }
    return {};
}

} // namespace cnscd
