#include "messages/command_menu.hpp"

namespace cnscd {

namespace {

// Private chats: everything a member does alone, then the leaders' two most used.
constexpr menu_entry private_vi[] = {
    {"tham", "Ghi một lượt hỗ trợ hộ dân"},
    {"buoi", "Ghi một buổi hướng dẫn"},
    {"anh", "Lưu hoặc xem ảnh minh chứng"},
    {"huy", "Hủy lượt ghi gần nhất"},
    {"sua", "Sửa một lượt đã ghi"},
    {"toi", "Kết quả của bạn"},
    {"thongke", "Thống kê của tổ"},
    {"xephang", "Bảng xếp hạng"},
    {"tailieu", "Tài liệu hướng dẫn"},
    {"hannop", "Hạn nộp báo cáo"},
    {"baocao", "Xem và nộp báo cáo của tổ (tổ trưởng)"},
    {"thanhvien", "Danh sách thành viên (tổ trưởng)"},
    {"giup", "Các lệnh và cách dùng"},
};
constexpr menu_entry private_en[] = {
    {"visit", "Log help given to a household"},
    {"session", "Log a help session"},
    {"photo", "Keep or see photo evidence"},
    {"undo", "Undo your last record"},
    {"edit", "Edit a record"},
    {"me", "Your results"},
    {"stats", "Team statistics"},
    {"top", "Ranking"},
    {"guide", "Guides"},
    {"deadlines", "Report deadlines"},
    {"report", "View and submit the team report (leaders)"},
    {"members", "Team members (leaders)"},
    {"help", "Commands and how to use them"},
};
// Groups: logging and the team's figures; no private matters (photos, member lists).
constexpr menu_entry group_vi[] = {
    {"tham", "Ghi một lượt hỗ trợ hộ dân"},
    {"buoi", "Ghi một buổi hướng dẫn"},
    {"toi", "Kết quả của bạn"},
    {"thongke", "Thống kê của tổ"},
    {"xephang", "Bảng xếp hạng"},
    {"hannop", "Hạn nộp báo cáo"},
    {"baocao", "Xem và nộp báo cáo của tổ (tổ trưởng)"},
    {"lienket", "Gắn nhóm này với tổ (tổ trưởng)"},
    {"nhacnho", "Nhắc những bạn chưa ghi lượt nào (tổ trưởng)"},
    {"giup", "Các lệnh và cách dùng"},
};
constexpr menu_entry group_en[] = {
    {"visit", "Log help given to a household"},
    {"session", "Log a help session"},
    {"me", "Your results"},
    {"stats", "Team statistics"},
    {"top", "Ranking"},
    {"deadlines", "Report deadlines"},
    {"report", "View and submit the team report (leaders)"},
    {"bind", "Bind this group to your team (leaders)"},
    {"nudge", "Remind those who logged nothing (leaders)"},
    {"help", "Commands and how to use them"},
};

} // namespace

std::vector<menu_entry> command_menu(language lang, bool group_chats) {
    auto pick = [](const auto& list) { return std::vector<menu_entry>(std::begin(list), std::end(list)); };
    if (lang == language::en)
        return group_chats ? pick(group_en) : pick(private_en);
    return group_chats ? pick(group_vi) : pick(private_vi);
}

} // namespace cnscd
