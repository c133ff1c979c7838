#include "messages/registry_texts.hpp"

namespace cnscd {
namespace {

std::string_view vi(registry_text key) {
    using t = registry_text;
    switch (key) {
    case t::contact_only_private:
        return "Hãy chia sẻ số điện thoại khi nhắn riêng với tôi, không chia sẻ trong nhóm.";
    case t::contact_not_yours:
        return "Vui lòng chia sẻ số điện thoại của chính bạn: bấm nút «📱 Chia sẻ số điện thoại» bên dưới.";
    case t::contact_not_on_roster:
        return "Số {phone} chưa có trong danh sách Tổ công nghệ số cộng đồng.\n"
               "Nhờ tổ trưởng kiểm tra lại danh sách, hoặc xin tổ trưởng một mã mời rồi gõ /ma <i>mã "
               "mời</i>.";
    case t::linked_welcome:
        return "✅ Đã liên kết tài khoản! Chào {name} — {role}, {team}.\n"
               "Từ giờ, mỗi lần hỗ trợ người dân xong, bạn gõ /tham kèm địa chỉ và nội dung, trong nhóm tổ "
               "hoặc nhắn riêng cho tôi. Gõ /giup để xem các lệnh.";
    case t::held_recording:
        return "📥 Ghi {count} lượt bạn gửi trước khi liên kết:";
    case t::already_linked:
        return "Tài khoản này đã liên kết với {name} rồi. Gõ /giup để xem các lệnh.";
    case t::linked_to_other:
        return "Tài khoản này đang liên kết với {name}. Nếu có nhầm lẫn, nhờ tổ trưởng hoặc cán bộ phường hỗ "
               "trợ.";
    case t::member_inactive:
        return "{name} đã được cho nghỉ trong danh sách tổ, nên chưa liên kết được. Nhờ tổ trưởng hỗ trợ.";
    case t::invite_created:
        return "Mã mời cho <b>{name}</b>: <code>{code}</code>\n"
               "Dùng một lần, hết hạn ngày {expires}.\n"
               "Nhờ {name} nhắn riêng cho bot rồi gõ: /ma {code}{link}";
    case t::invite_already_linked:
        return "ℹ️ {name} đã liên kết ({where}); mã này chỉ cần khi liên kết thêm một tài khoản khác, ví "
               "dụ điện thoại mới.";
    case t::invite_replaced:
        return "ℹ️ Mã cũ {codes} không còn dùng được nữa, đã thay bằng mã mới ở trên.";
    case t::invite_link:
        return "\nHoặc bấm đường dẫn: {url}";
    case t::member_not_found:
        return "Không tìm thấy thành viên «{who}». Gõ /thanhvien để xem danh sách và số TT.";
    case t::invite_not_on_roster:
        return "Không tìm thấy «{who}» trong danh sách của tổ (gõ /thanhvien để xem). Mã mời chỉ dành cho "
               "người đã có trong danh sách: nếu là thành viên mới, hãy thêm họ vào danh sách trước: "
               "/thanhvien_them {who}, <i>số điện thoại</i>";
    case t::member_ambiguous:
        return "Có nhiều người khớp «{who}»:\n{list}\nHãy ghi đầy đủ họ tên hoặc số TT.";
    case t::member_candidate:
        return "• TT {row}: {name} ({team})";
    case t::code_unknown:
        return "Mã «{code}» không đúng. Hãy kiểm tra lại mã tổ trưởng gửi (8 ký tự).";
    case t::code_used:
        return "Mã này đã được dùng rồi. Nhờ tổ trưởng tạo mã mới bằng lệnh /moi.";
    case t::code_expired:
        return "Mã này đã hết hạn từ ngày {date}. Nhờ tổ trưởng tạo mã mới bằng lệnh /moi.";
    case t::code_replaced:
        return "Mã này không còn dùng được: tổ trưởng đã tạo một mã mới hơn thay cho nó. Nhờ tổ trưởng gửi "
               "mã mới nhất (hoặc tạo lại bằng lệnh /moi) rồi gõ /ma kèm mã đó.";
    case t::bind_done_team:
        return "✅ Đã gắn nhóm này với <b>{team}</b> ({ward}).\n"
               "Thành viên trong nhóm ghi lượt hỗ trợ bằng /tham; nhắc hạn báo cáo sẽ gửi vào đây.";
    case t::bind_replaced_group:
        return "Nhóm cũ của tổ ({old}) thôi nhận nhắc hạn và thông báo, để tổ chỉ đọc ở một nhóm. Nếu tổ vẫn "
               "dùng nhóm cũ, gõ /lienket trong nhóm đó.";
    case t::bind_done_ward:
        return "✅ Đã gắn nhóm này làm nhóm chung của <b>{ward}</b>.\n"
               "Tổng hợp báo cáo và thông báo của phường sẽ gửi vào đây.";
    case t::bind_already:
        return "Nhóm này đã gắn với {target} rồi.";
    case t::bind_taken:
        return "Nhóm này đang gắn với {target}. Chỉ cán bộ phường mới đổi được.";
    case t::bind_no_team:
        return "Bạn chưa thuộc tổ nào nên chưa gắn được nhóm. Nhờ cán bộ phường kiểm tra danh sách.";
    case t::bind_team_unknown:
        return "Không tìm thấy tổ «{team}» ở {ward}. Các tổ: {teams}.";
    case t::members_header:
        return "<b>{team}</b> — {count} thành viên, {linked}/{count} đã liên kết:";
    case t::member_line:
        return "{no}. {name} — {role}{area}{phone}{linked}";
    case t::member_linked_mark:
        return " ✅";
    case t::member_quiet_mark:
        return " 💤";
    case t::member_quiet_note:
        return "💤 Đã quá 7 ngày chưa nhắn cho OA Zalo, nên bot chưa nhắn riêng được (Zalo chỉ cho bot nhắn "
               "riêng trong 7 ngày sau tin nhắn cuối của người dùng). Người đó chỉ cần nhắn một tin bất kỳ "
               "cho OA.";
    case t::members_linked_legend:
        return "✅ = đã liên kết tài khoản với bot: ghi được lượt, nhận được nhắc nhở và thông báo.";
    case t::members_unlinked_howto:
        return "Người chưa có ✅: gõ /{command} kèm họ tên (nhắn riêng cho bot) để lấy mã mời gửi cho họ, "
               "hoặc nhờ họ nhắn riêng cho bot và chia sẻ số điện thoại.";
    case t::nudge_pick_team:
        return "Hãy ghi tên tổ cần nhắc, ví dụ: /nhacnho {example}\nCác tổ của {ward}:\n{teams}";
    case t::members_pick_team:
        return "Hãy ghi tên tổ, ví dụ: /thanhvien {example}\nCác tổ của {ward}:\n{teams}";
    case t::ward_overview_header:
        return "👥 <b>{ward}</b>: {teams} tổ, {members} thành viên, {linked} người đã liên kết tài khoản "
               "({percent}%).";
    case t::ward_overview_line:
        return "• {team}: {linked}/{members} đã liên kết{leader}; {group}";
    case t::ward_overview_leader_missing:
        return " (tổ trưởng chưa liên kết)";
    case t::ward_overview_leader_quiet:
        return " (tổ trưởng quá 7 ngày chưa nhắn OA Zalo, bot không nhắn riêng được)";
    case t::ward_overview_group_bound:
        return "nhóm chat ✅";
    case t::ward_overview_group_missing:
        return "⚠️ chưa gắn nhóm chat";
    case t::ward_overview_footer:
        return "\n\nTổ chưa gắn nhóm: tổ trưởng thêm bot vào nhóm của tổ và gõ /lienket. Người chưa liên "
               "kết: nhắn riêng cho bot và chia sẻ số điện thoại.\nXem danh sách một tổ: /thanhvien "
               "{example}";
    case t::removed:
        return "Đã cho {name} nghỉ khỏi {team}. Lịch sử hoạt động vẫn được giữ.";
    case t::remove_confirm:
        return "Cho <b>{name}</b> ({role}, {phone}) nghỉ khỏi {team}? Người này sẽ không ghi lượt được nữa; "
               "lịch sử hoạt động vẫn được giữ. Muốn đưa lại vào tổ, gõ /thanhvien_them kèm họ tên và số điện "
               "thoại.";
    case t::remove_yes:
        return "✅ Cho nghỉ";
    case t::remove_no:
        return "✖️ Không";
    case t::remove_kept:
        return "Đã giữ nguyên, {name} vẫn trong tổ.";
    case t::removed_already:
        return "{name} đã nghỉ khỏi tổ từ trước.";
    case t::cannot_remove_self:
        return "Bạn không thể tự cho mình nghỉ. Nhờ cán bộ phường hỗ trợ.";
    case t::cannot_touch_staff:
        return "Không thể thay đổi tài khoản cán bộ phường trong chat. Nhờ người quản trị hỗ trợ.";
    case t::role_changed:
        return "Đã đổi vai trò của {name}: {old} → {new}.";
    case t::role_same:
        return "{name} đã là {role} rồi.";
    case t::last_leader:
        return "{name} là tổ trưởng duy nhất của {team}. Hãy chọn tổ trưởng mới trước khi đổi.";
    case t::role_not_self:
        return "Bạn không tự đổi vai trò của mình được. Nhờ cán bộ phường đổi giúp. Nếu muốn giao tổ cho "
               "người khác, gõ /doivaitro <i>tên người đó</i> tổ trưởng: người đó làm tổ trưởng, bạn thành tổ "
               "phó.";
    case t::role_handed_over:
        return "Mỗi tổ chỉ có một tổ trưởng, nên {old} (tổ trưởng cũ) nay là tổ phó. Nếu cần đổi khác, gõ "
               "/doivaitro {old} <i>vai trò</i>.";
    case t::role_needs_leader:
        return "Chỉ tổ trưởng hoặc cán bộ phường mới đổi được vai trò.";
    case t::out_of_scope:
        return "{name} không thuộc tổ của bạn.";
    case t::member_added:
        return "✅ Đã thêm <b>{name}</b> ({role}{phone}) vào {team}, số TT {row}.";
    case t::member_back:
        return "✅ {name} đã trở lại {team} ({role}{phone}). Lịch sử hoạt động cũ vẫn còn.";
    case t::member_added_share_phone:
        return "\nĐể liên kết: {name} nhắn riêng cho bot và bấm <i>Chia sẻ số điện thoại</i>.";
    case t::member_added_code:
        return "\nHoặc gửi {name} mã mời <code>{code}</code>: nhắn riêng cho bot và gõ /ma {code} (hết hạn "
               "ngày {expires}).";
    case t::member_added_code_only:
        return "\nĐể liên kết, gửi {name} mã mời <code>{code}</code>: nhắn riêng cho bot và gõ /ma {code} "
               "(hết hạn ngày {expires}).";
    case t::member_added_code_later:
        return "\nĐể lấy mã mời cho {name}, nhắn riêng cho bot: /moi {name}";
    case t::member_exists:
        return "{name} đã có trong danh sách {team} (số TT {row}). Nếu họ chưa liên kết, gõ /moi {name} để "
               "tạo mã mời.";
    case t::phone_taken:
        return "Số {phone} đã là của {name} ({team}); mỗi số điện thoại chỉ dùng cho một người trong phường. "
               "Nếu {name} chuyển sang tổ khác, nhờ cán bộ phường cập nhật danh sách.";
    case t::add_pick_team:
        return "Thêm vào tổ nào? Ghi tên tổ trước dấu hai chấm, ví dụ:\n/thanhvien_them {example}: Nguyễn "
               "Văn Mới, 0905 123 456\nCác tổ của {ward}:\n{teams}";
    case t::add_other_team:
        return "Bạn chỉ thêm được người vào tổ của mình ({team}). Nhờ cán bộ phường hoặc tổ trưởng {other} "
               "thêm giúp.";
    case t::added_by_ward_notice:
        return "ℹ️ Cán bộ phường {by} vừa thêm {name} ({role}) vào {team}. Gõ /thanhvien để xem danh "
               "sách.";
    case t::add_deputy_members_only:
        return "Tổ phó chỉ thêm được thành viên. Bỏ vai trò «{role}» để thêm {name} là thành viên, hoặc nhờ "
               "tổ trưởng thêm.";
    case t::joined_open_notice:
        return "ℹ️ {name} vừa tự tham gia {team} qua nhóm chat (phường cho phép tự tham "
               "gia).\n"
               "Nếu không đúng, tổ trưởng gõ: /xoa {name}";
    case t::import_header:
        return "Danh sách Tổ CNSCĐ của {ward}{dry}:";
    case t::import_dry_run:
        return " (chạy thử, chưa ghi gì vào cơ sở dữ liệu)";
    case t::import_counts:
        return "Thêm mới: {added} · Thay đổi: {changed} · Giữ nguyên: {unchanged} · Bị từ chối: {rejected}{skipped}{absent}";
    case t::import_ward_created:
        return "Phường mới: {ward}";
    case t::import_teams_created:
        return "Tổ mới: {teams}";
    case t::import_added_line:
        return "  + {row} {name} ({team})";
    case t::import_changed_line:
        return "  ~ {row} {name}: {fields}";
    case t::import_renamed_line:
        return "  ~ {row} {name} (trước đây: {previous}): {fields}";
    case t::import_readded_line:
        return "  ↺ {row} {name}: đã được cho nghỉ trong chat ngày {date}, nay đưa lại vào {team} vì tệp vẫn có "
               "tên{also}. Nếu không đúng: bỏ dòng này khỏi tệp hoặc nhập với --keep-removed (đã nhập rồi thì "
               "/xoa lại trong chat).";
    case t::import_also_changed:
        return "; thay đổi khác: {fields}";
    case t::import_stepped_down_line:
        return "  ~ {row} {name}: thôi làm tổ trưởng {team}, nay là tổ phó, vì tệp ghi {leader} là tổ trưởng (mỗi "
               "tổ một tổ trưởng). Nếu không đúng: sửa cột Chức vụ Tổ CNSCĐ trong tệp rồi nhập lại.";
    case t::import_kept_removed_line:
        return "  ⊘ {row} {name}: đã được cho nghỉ trong chat ngày {date}, vẫn để nghỉ (--keep-removed).";
    case t::import_erased_line:
        return "  ⊘ {row} ({team}): bỏ qua vì người ở dòng này đã yêu cầu xoá dữ liệu cá nhân. Hãy bỏ dòng này "
               "khỏi tệp; nếu đây là người khác, hoặc chính người đó xin quay lại, nhập với --include-erased.";
    case t::import_skipped_count:
        return " · Bỏ qua: {count}";
    case t::import_absent_count:
        return " · Không có trong tệp: {count}";
    case t::import_leaderless_line:
        return "⚠️ {team} chưa có tổ trưởng: không ai nhận nút nộp báo cáo và nhắc hạn gửi riêng. Ghi «Tổ trưởng» ở "
               "dòng của một người trong tổ rồi nhập lại, hoặc cán bộ phường gõ trong chat: /doivaitro [tên người đó] tổ "
               "trưởng.";
    case t::import_absent_line:
        return "  ? {row}{name} ({team}): có trong danh sách tổ nhưng không có dòng nào trong tệp, vẫn giữ nguyên. "
               "Nếu người này đã nghỉ: tổ trưởng gõ /xoa {name} trong chat (số liệu đã ghi vẫn được giữ); nếu "
               "vẫn tham gia: thêm lại dòng của họ vào tệp.";
    case t::import_rejected_line:
        return "  ✗ {row}: {reason}";
    case t::import_rejected_howto:
        return "Sửa các dòng ✗ ở trên trong tệp rồi chạy lại đúng lệnh này với cả tệp. Nhập lại cùng tệp là an "
               "toàn: những dòng đã nhận giữ nguyên, không bị thêm trùng.";
    case t::reason_missing_name:
        return "thiếu họ tên";
    case t::reason_bad_phone:
        return "số điện thoại «{detail}» không phải số Việt Nam (ví dụ 0905123456)";
    case t::reason_bad_cccd:
        return "số CCCD phải có đúng 12 chữ số (dòng này có {detail} chữ số)";
    case t::reason_bad_cccd_not_digits:
        return "số CCCD chỉ gồm 12 chữ số (dòng này có chữ cái hoặc ký tự khác)";
    case t::reason_unknown_role:
        return "chức vụ Tổ CNSCĐ «{detail}» không rõ (Tổ trưởng, Tổ phó, Thành viên)";
    case t::reason_missing_team:
        return "thiếu tên tổ (cột Tổ / Tổ dân phố / Thôn / Xóm, hoặc dùng --team)";
    case t::reason_duplicate_phone:
        return "trùng số điện thoại với {detail}";
    case t::reason_duplicate_cccd:
        return "trùng số CCCD với {detail}";
    case t::reason_phone_of_other_person:
        return "số điện thoại đã là của {name} ({where}) nên dòng này không được áp dụng. Là người khác: sửa "
               "lại số điện thoại. Cùng người mà đổi tên: giữ TT và tổ như cũ (tên chỉ khác dấu, hoa thường "
               "hay khoảng trắng thì luôn được cập nhật)";
    case t::reason_two_leaders:
        return "tệp cũng ghi {name} ({where}) là tổ trưởng {team}; mỗi tổ chỉ một tổ trưởng nên các dòng tổ "
               "trưởng của tổ này chưa được áp dụng. Ghi Tổ phó hoặc Thành viên ở dòng của người thôi làm tổ "
               "trưởng rồi chạy lại";
    case t::import_row_tt:
        return "TT {row}";
    case t::import_row_line:
        return "dòng {line}";
    case t::file_empty:
        return "Tệp {file} trống.";
    case t::file_no_header:
        return "Không tìm thấy dòng tiêu đề có cột «Họ tên» trong {file}.";
    case t::file_missing_columns:
        return "Tệp {file} thiếu cột {detail}. Thêm cột đó, hoặc dùng --team TÊN nếu tệp chỉ có một tổ.";
    case t::file_not_utf8:
        return "Tệp {file} không phải UTF-8. Trong Excel chọn «Lưu thành» → «CSV UTF-8 (phân tách bằng dấu "
               "phẩy)».";
    case t::file_unreadable:
        return "Không đọc được tệp {file}. Kiểm tra đường dẫn và quyền đọc.";
    case t::no_data_key:
        return "Tệp có số CCCD nhưng chưa có khóa mã hóa, nên chưa nhập (để không lưu CCCD dạng rõ).\n"
               "Tạo khóa: {howto}\nHoặc nhập không kèm CCCD: thêm --no-cccd.";
    case t::forget_which:
        return "Hãy cho biết thành viên nào: --phone 0905123456 (số điện thoại) hoặc --row 7 (TT trong danh sách).";
    case t::forget_not_found:
        return "Không tìm thấy thành viên có {what} trong {ward}. Kiểm tra lại bằng export-roster.";
    case t::forget_placeholder:
        return "Thành viên đã xoá dữ liệu #{id}";
    case t::forget_preview:
        return "Sẽ xoá dữ liệu cá nhân của {name} ({team}, {phone}): họ tên, số điện thoại, CCCD, chức vụ, khu vực, "
               "ghi chú và {accounts} tài khoản chat đã liên kết. {records} lượt đã ghi vẫn được tính trong số "
               "liệu, dưới tên «{placeholder}». Việc này không hoàn tác được. Chạy lại lệnh với --yes để xoá.";
    case t::forget_done:
        return "Đã xoá dữ liệu cá nhân; thành viên nay hiển thị là «{placeholder}» và {records} lượt đã ghi vẫn "
               "được tính. Còn lại ngoài cơ sở dữ liệu: tin nhắn đã gửi (hộp thư đi giữ tối đa 30 ngày), các bản "
               "sao lưu và các tệp báo cáo đã xuất trước đây.";
    case t::staff_added:
        return "Đã thêm cán bộ phường {name} ({phone}) cho {ward}. Cán bộ nhắn riêng cho bot và chia sẻ số "
               "điện thoại để liên kết.";
    case t::staff_updated:
        return "Đã cập nhật cán bộ phường {name} ({phone}) của {ward}.";
    case t::staff_phone_taken:
        return "Số {phone} đã là của {name} ({role}, {team}), nên chưa thêm cán bộ {staff}: mỗi số điện thoại "
               "chỉ dùng cho một người trong phường. Hãy dùng số khác của cán bộ. Nếu đúng là {name} nay làm "
               "cán bộ phường, chạy lại lệnh với --same-person: {name} sẽ rời {team}, lịch sử hoạt động vẫn "
               "được giữ.";
    case t::staff_from_member:
        return "{member} đã rời {team} và nay là cán bộ phường {name} ({phone}) của {ward}. Lịch sử hoạt động "
               "vẫn được giữ; tài khoản chat đã liên kết vẫn dùng được.";
    case t::export_done:
        return "Đã xuất {count} thành viên của {ward} ra {file}.";
    case t::export_full_cccd:
        return "Tệp có số CCCD đầy đủ: hãy giữ kín và xóa khi không cần. Việc xuất đã được ghi vào nhật ký.";
    case t::export_no_data_key:
        return "Muốn xuất số CCCD đầy đủ thì cần khóa mã hóa đã dùng khi nhập danh sách (CNSCD_DATA_KEY "
               "hoặc CNSCD_DATA_KEY_FILE), vì CCCD chỉ được lưu ở dạng mã hóa. Đặt lại đúng khóa đó rồi chạy "
               "lại lệnh; khóa mới tạo không mở được CCCD cũ. Hoặc bỏ --full-cccd để xuất với CCCD đã che.";
    case t::import_reverts_chat_role:
        return "    ↳ {name} được đổi thành {role} trong chat ngày {date} (/doivaitro); tệp còn ghi vai trò cũ nên "
               "đã đổi lại. Nếu tệp cũ hơn lần đổi đó: sửa cột Chức vụ Tổ CNSCĐ trong tệp (hoặc lấy tệp mới "
               "bằng export-roster) rồi nhập lại.";
    case t::import_key_mismatch:
        return "Chưa nhập gì: khóa mã hóa đang đặt không mở được {unreadable}/{sealed} số CCCD đã lưu, có lẽ "
               "đây là khóa mới tạo chứ không phải khóa đã dùng khi nhập danh sách trước. Nhập bằng khóa này "
               "thì CCCD trong tệp và CCCD đã lưu bị mã hóa bằng hai khóa khác nhau, không khóa nào mở được "
               "hết. Đặt lại đúng khóa cũ (CNSCD_DATA_KEY hoặc CNSCD_DATA_KEY_FILE) rồi chạy lại lệnh; hoặc "
               "nhập không kèm CCCD: thêm --no-cccd.";
    case t::ward_unknown:
        return "Không có phường «{ward}» trong cơ sở dữ liệu. Các phường: {wards}.{nearest}";
    case t::ward_not_created:
        return "Chưa có phường «{ward}» trong cơ sở dữ liệu nên chưa làm gì (để một tên gõ sai không tạo ra "
               "phường thứ hai với cùng những người đó). Các phường đang có: {wards}.{nearest} Nếu đúng là "
               "phường mới, chạy lại lệnh với --new-ward.";
    case t::ward_nearest:
        return " Có phải là «{ward}» không?";
    case t::no_wards:
        return "Cơ sở dữ liệu {db} chưa có phường nào. Nếu đúng là cơ sở dữ liệu của bot, hãy nhập danh sách "
               "tổ của phường trước: cnscd-bot import-roster DANH_SACH.csv --ward «{ward}». Nếu không, kiểm "
               "tra lại CNSCD_DB (hoặc \"storage.path\" trong tệp cấu hình).";
    case t::count_:
        break;
    }
    return {};
}

std::string_view en(registry_text key) {
    using t = registry_text;
    switch (key) {
    case t::contact_only_private:
        return "Please share your phone number in a private chat with me, not in the group.";
    case t::contact_not_yours:
        return "Please share your own phone number: press «📱 Share my phone number» below.";
    case t::contact_not_on_roster:
        return "The number {phone} is not on the team roster.\n"
               "Ask your team leader to check the roster, or to give you an invite code, then type /code "
               "<i>code</i>.";
    case t::linked_welcome:
        return "✅ Account linked! Hello {name} — {role}, {team}.\n"
               "From now on, after helping residents, type /visit with the address and what you did, in the "
               "team group or here. Type /help to see the commands.";
    case t::held_recording:
        return "📥 Recording the {count} records you sent before linking:";
    case t::already_linked:
        return "This account is already linked to {name}. Type /help to see the commands.";
    case t::linked_to_other:
        return "This account is linked to {name}. If that is a mistake, ask your team leader or the ward "
               "staff.";
    case t::member_inactive:
        return "{name} is no longer active on the roster, so the account cannot be linked. Ask your team "
               "leader.";
    case t::invite_created:
        return "Invite code for <b>{name}</b>: <code>{code}</code>\n"
               "One use only, valid until {expires}.\n"
               "Ask {name} to message the bot privately and type: /code {code}{link}";
    case t::invite_already_linked:
        return "ℹ️ {name} is already linked ({where}); this code is only needed to link another account, "
               "for example a new phone.";
    case t::invite_replaced:
        return "ℹ️ Replaced by the new code above, so no longer usable: {codes}.";
    case t::invite_link:
        return "\nOr open this link: {url}";
    case t::member_not_found:
        return "No member matches \"{who}\". Type /members to see the list and row numbers.";
    case t::invite_not_on_roster:
        return "\"{who}\" is not on the team's list (type /members to see it). Invites are for people "
               "already on the list: add a new member first with /addmember {who}, <i>phone number</i>";
    case t::member_ambiguous:
        return "Several people match \"{who}\":\n{list}\nWrite the full name or the row number.";
    case t::member_candidate:
        return "• row {row}: {name} ({team})";
    case t::code_unknown:
        return "The code \"{code}\" is not valid. Check the code your team leader sent (8 characters).";
    case t::code_used:
        return "This code has already been used. Ask your team leader for a new one (/invite).";
    case t::code_expired:
        return "This code expired on {date}. Ask your team leader for a new one (/invite).";
    case t::code_replaced:
        return "This code no longer works: your team leader made a newer code in its place. Ask them for "
               "the latest code (or a new one with /invite), then type /code with it.";
    case t::bind_done_team:
        return "✅ This group is now bound to <b>{team}</b> ({ward}).\n"
               "Members log visits here with /visit; report reminders will be posted here.";
    case t::bind_replaced_group:
        return "The team's old group ({old}) no longer gets reminders and announcements, so the team reads "
               "them in one group. If the team still uses the old group, type /bind there.";
    case t::bind_done_ward:
        return "✅ This group is now the ward-wide group of <b>{ward}</b>.\n"
               "Report summaries and ward announcements will be posted here.";
    case t::bind_already:
        return "This group is already bound to {target}.";
    case t::bind_taken:
        return "This group is bound to {target}. Only ward staff can change that.";
    case t::bind_no_team:
        return "You are not on a team yet, so the group cannot be bound. Ask the ward staff to check the "
               "roster.";
    case t::bind_team_unknown:
        return "No team \"{team}\" in {ward}. Teams: {teams}.";
    case t::members_header:
        return "<b>{team}</b> — {count} members, {linked}/{count} linked:";
    case t::member_line:
        return "{no}. {name} — {role}{area}{phone}{linked}";
    case t::member_linked_mark:
        return " ✅";
    case t::member_quiet_mark:
        return " 💤";
    case t::member_quiet_note:
        return "💤 Has not written to the Zalo OA for 7 days, so the bot cannot write to them privately (Zalo "
               "lets a bot do so only within 7 days of the person's last message). Any message from them to "
               "the OA reopens it.";
    case t::members_linked_legend:
        return "✅ = account linked to the bot: they can log records and get reminders and announcements.";
    case t::members_unlinked_howto:
        return "Those without ✅: type /{command} with their name (in a private chat with the bot) to get an "
               "invite code to send them, or ask them to message the bot privately and share their phone "
               "number.";
    case t::nudge_pick_team:
        return "Name the team to remind, e.g. /nudge {example}\nTeams of {ward}:\n{teams}";
    case t::members_pick_team:
        return "Name the team, e.g. /members {example}\nTeams of {ward}:\n{teams}";
    case t::ward_overview_header:
        return "👥 <b>{ward}</b>: {teams} teams, {members} members, {linked} with a linked account "
               "({percent}%).";
    case t::ward_overview_line:
        return "• {team}: {linked}/{members} linked{leader}; {group}";
    case t::ward_overview_leader_missing:
        return " (leader not linked)";
    case t::ward_overview_leader_quiet:
        return " (the leader has not written to the Zalo OA for 7 days; the bot cannot write to them "
               "privately)";
    case t::ward_overview_group_bound:
        return "group chat ✅";
    case t::ward_overview_group_missing:
        return "⚠️ no group chat bound";
    case t::ward_overview_footer:
        return "\n\nTeams without a group: the leader adds the bot to the team's group and types /bind. "
               "People not linked: message the bot privately and share their phone number.\nOne team's list: "
               "/members {example}";
    case t::removed:
        return "{name} is no longer active in {team}. Their history is kept.";
    case t::remove_confirm:
        return "Remove <b>{name}</b> ({role}, {phone}) from {team}? They will no longer be able to log "
               "records; their history is kept. To bring them back, use /addmember with their name and phone.";
    case t::remove_yes:
        return "✅ Remove";
    case t::remove_no:
        return "✖️ No";
    case t::remove_kept:
        return "Nothing changed: {name} stays in the team.";
    case t::removed_already:
        return "{name} was already removed from the team.";
    case t::cannot_remove_self:
        return "You cannot remove yourself. Ask the ward staff.";
    case t::cannot_touch_staff:
        return "Ward staff accounts cannot be changed in chat. Ask the administrator.";
    case t::role_changed:
        return "Changed the role of {name}: {old} → {new}.";
    case t::role_same:
        return "{name} is already {role}.";
    case t::last_leader:
        return "{name} is the only leader of {team}. Choose a new leader first.";
    case t::role_not_self:
        return "You cannot change your own role. Ask the ward staff. To hand the team over to someone else, "
               "type /role <i>their name</i> leader: they become the leader and you the deputy.";
    case t::role_handed_over:
        return "A team has one leader, so {old} (the previous leader) is now deputy. To change that, type "
               "/role {old} <i>role</i>.";
    case t::role_needs_leader:
        return "Only the team leader or ward staff can change roles.";
    case t::out_of_scope:
        return "{name} is not on your team.";
    case t::member_added:
        return "✅ Added <b>{name}</b> ({role}{phone}) to {team}, row {row}.";
    case t::member_back:
        return "✅ {name} is back in {team} ({role}{phone}). Their earlier history is kept.";
    case t::member_added_share_phone:
        return "\nTo link: {name} messages the bot privately and taps <i>Share phone number</i>.";
    case t::member_added_code:
        return "\nOr give {name} the invite code <code>{code}</code>: message the bot privately and type /code "
               "{code} (valid until {expires}).";
    case t::member_added_code_only:
        return "\nTo link, give {name} the invite code <code>{code}</code>: message the bot privately and "
               "type /code {code} (valid until {expires}).";
    case t::member_added_code_later:
        return "\nFor an invite code for {name}, message the bot privately: /invite {name}";
    case t::member_exists:
        return "{name} is already on the list of {team} (row {row}). If they have not linked yet, type "
               "/invite {name} for an invite code.";
    case t::phone_taken:
        return "{phone} already belongs to {name} ({team}); each phone number is one person in the ward. If "
               "{name} moved to another team, ask ward staff to update the roster.";
    case t::add_pick_team:
        return "Which team? Name it before a colon, for example:\n/addmember {example}: Nguyễn Văn Mới, 0905 "
               "123 456\nTeams of {ward}:\n{teams}";
    case t::add_other_team:
        return "You can only add people to your own team ({team}). Ask ward staff or the leader of {other}.";
    case t::added_by_ward_notice:
        return "ℹ️ Ward staff member {by} added {name} ({role}) to {team}. Type /members to see the "
               "list.";
    case t::add_deputy_members_only:
        return "Deputies can only add members. Leave out \"{role}\" to add {name} as a member, or ask the "
               "team leader.";
    case t::joined_open_notice:
        return "ℹ️ {name} joined {team} through the group chat (the ward allows self-joining).\n"
               "If that is wrong, the leader types: /remove {name}";
    case t::import_header:
        return "Roster of {ward}{dry}:";
    case t::import_dry_run:
        return " (dry run, nothing written)";
    case t::import_counts:
        return "Added: {added} · Changed: {changed} · Unchanged: {unchanged} · Rejected: {rejected}{skipped}{absent}";
    case t::import_ward_created:
        return "New ward: {ward}";
    case t::import_teams_created:
        return "New teams: {teams}";
    case t::import_added_line:
        return "  + {row} {name} ({team})";
    case t::import_changed_line:
        return "  ~ {row} {name}: {fields}";
    case t::import_renamed_line:
        return "  ~ {row} {name} (previously: {previous}): {fields}";
    case t::import_readded_line:
        return "  ↺ {row} {name}: taken off the team in chat on {date}, now back in {team} because the file "
               "still lists them{also}. If that is wrong: remove the row from the file or import with "
               "--keep-removed (once imported, /remove them again in chat).";
    case t::import_also_changed:
        return "; other changes: {fields}";
    case t::import_stepped_down_line:
        return "  ~ {row} {name}: no longer leader of {team}, now deputy, because the file names {leader} as its "
               "leader (one leader per team). If that is wrong: correct the Chức vụ Tổ CNSCĐ column in the file "
               "and import again.";
    case t::import_kept_removed_line:
        return "  ⊘ {row} {name}: taken off the team in chat on {date}, left out (--keep-removed).";
    case t::import_erased_line:
        return "  ⊘ {row} ({team}): skipped because the person on this row asked for their personal data to be "
               "erased. Remove the row from the file; if it is someone else, or that person asked to come "
               "back, import with --include-erased.";
    case t::import_skipped_count:
        return " · Skipped: {count}";
    case t::import_absent_count:
        return " · Not in the file: {count}";
    case t::import_leaderless_line:
        return "⚠️ {team} has no leader: nobody gets the report button or the private reminders. Write «Tổ trưởng» "
               "on the row of someone in the team and import again, or ward staff type in chat: /role [their name] "
               "leader.";
    case t::import_absent_line:
        return "  ? {row}{name} ({team}): on the team but on no row of the file, kept as they are. If they "
               "left: their leader types /remove {name} in chat (what they logged stays counted); if they are "
               "still on the team: put their row back in the file.";
    case t::import_rejected_line:
        return "  ✗ {row}: {reason}";
    case t::import_rejected_howto:
        return "Fix the ✗ rows above in the file and run the same command again with the whole file. "
               "Importing the same file again is safe: rows already taken stay as they are, nothing is added "
               "twice.";
    case t::reason_missing_name:
        return "no name";
    case t::reason_bad_phone:
        return "phone \"{detail}\" is not a Vietnamese number (e.g. 0905123456)";
    case t::reason_bad_cccd:
        return "the CCCD must have exactly 12 digits (this row has {detail} digits)";
    case t::reason_bad_cccd_not_digits:
        return "the CCCD is 12 digits only (this row has letters or other characters)";
    case t::reason_unknown_role:
        return "unknown team role \"{detail}\" (Tổ trưởng, Tổ phó, Thành viên)";
    case t::reason_missing_team:
        return "no team name (column Tổ / Tổ dân phố / Thôn / Xóm, or use --team)";
    case t::reason_duplicate_phone:
        return "same phone number as {detail}";
    case t::reason_duplicate_cccd:
        return "same CCCD as {detail}";
    case t::reason_phone_of_other_person:
        return "the phone number already belongs to {name} ({where}), so this row was not applied. Someone "
               "else: correct the phone number. The same person with a new name: keep their TT and team (a "
               "name that differs only in accents, case or spacing is always updated)";
    case t::reason_two_leaders:
        return "the file also names {name} ({where}) leader of {team}; a team has one leader, so none of its "
               "leader rows was applied. Write Tổ phó or Thành viên on the row of whoever stepped down and run "
               "again";
    case t::import_row_tt:
        return "TT {row}";
    case t::import_row_line:
        return "line {line}";
    case t::file_empty:
        return "The file {file} is empty.";
    case t::file_no_header:
        return "No header row with a «Họ tên» column in {file}.";
    case t::file_missing_columns:
        return "The file {file} has no column {detail}. Add it, or use --team NAME for a file of one team.";
    case t::file_not_utf8:
        return "The file {file} is not UTF-8. In Excel choose Save as → CSV UTF-8 (comma delimited).";
    case t::file_unreadable:
        return "Cannot read {file}. Check the path and permissions.";
    case t::no_data_key:
        return "The file has CCCD numbers but there is no encryption key, so nothing was imported (CCCDs are "
               "never stored in clear).\nCreate a key: {howto}\nOr import without CCCDs: add --no-cccd.";
    case t::forget_which:
        return "Say which member: --phone 0905123456 (their phone number) or --row 7 (their TT on the roster).";
    case t::forget_not_found:
        return "No member with {what} in {ward}. Check with export-roster.";
    case t::forget_placeholder:
        return "Member whose data was erased #{id}";
    case t::forget_preview:
        return "This erases the personal data of {name} ({team}, {phone}): name, phone, CCCD, position, area, note "
               "and {accounts} linked chat account(s). Their {records} record(s) stay in the figures, under the "
               "name «{placeholder}». It cannot be undone. Run again with --yes to erase.";
    case t::forget_done:
        return "Personal data erased; the member now shows as «{placeholder}» and their {records} record(s) still "
               "count. Outside the database there remain: messages already sent (the outbox keeps them up to 30 "
               "days), backups, and report files exported earlier.";
    case t::staff_added:
        return "Added ward staff {name} ({phone}) to {ward}. They message the bot privately and share their "
               "phone number to link.";
    case t::staff_updated:
        return "Updated ward staff {name} ({phone}) of {ward}.";
    case t::staff_phone_taken:
        return "{phone} already belongs to {name} ({role}, {team}), so ward staff {staff} was not added: each "
               "phone number is one person in the ward. Use another number of the staff member. If {name} "
               "really is the one becoming ward staff, run the command again with --same-person: {name} will "
               "leave {team}, and their history is kept.";
    case t::staff_from_member:
        return "{member} has left {team} and is now ward staff {name} ({phone}) of {ward}. Their history is "
               "kept; their linked chat accounts still work.";
    case t::export_done:
        return "Exported {count} members of {ward} to {file}.";
    case t::export_full_cccd:
        return "The file holds full CCCD numbers: keep it private and delete it when done. The export was "
               "audited.";
    case t::export_no_data_key:
        return "Exporting full CCCD numbers needs the encryption key that was used when the roster was "
               "imported (CNSCD_DATA_KEY or CNSCD_DATA_KEY_FILE): CCCDs are stored only encrypted. Set that "
               "same key and run the command again; a newly made key cannot open them. Or leave out "
               "--full-cccd to export with the CCCDs masked.";
    case t::import_reverts_chat_role:
        return "    ↳ {name} was made {role} in chat on {date} (/role); the file still has the earlier role, so "
               "it was put back. If the file is older than that change: correct its Chức vụ Tổ CNSCĐ column (or "
               "take a new file with export-roster) and import again.";
    case t::import_key_mismatch:
        return "Nothing was imported: the encryption key set now does not open {unreadable} of the {sealed} "
               "CCCD numbers already stored; it is probably a newly made key, not the one used for the earlier "
               "imports. Imported with it, the file's CCCDs and the stored ones would be sealed under two keys, "
               "and no key would open them all. Set the earlier key again (CNSCD_DATA_KEY or "
               "CNSCD_DATA_KEY_FILE) and run the command again, or import without CCCDs: add --no-cccd.";
    case t::ward_unknown:
        return "No ward \"{ward}\" in the database. Wards: {wards}.{nearest}";
    case t::ward_not_created:
        return "There is no ward \"{ward}\" in the database, so nothing was done (a misspelt name must not "
               "make a second ward with the same people). Wards: {wards}.{nearest} If it really is a new "
               "ward, run the command again with --new-ward.";
    case t::ward_nearest:
        return " Did you mean \"{ward}\"?";
    case t::no_wards:
        return "The database {db} has no ward yet. If it is the bot's database, import the ward's roster "
               "first: cnscd-bot import-roster ROSTER.csv --ward \"{ward}\". If not, check CNSCD_DB (or "
               "\"storage.path\" in the config file).";
    case t::count_:
        break;
    }
    return {};
}

} // namespace

std::string_view template_of(language lang, registry_text key) {
    return lang == language::vi ? vi(key) : en(key);
}

} // namespace cnscd
