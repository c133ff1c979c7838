#include "messages/console_texts.hpp"

namespace cnscd {
namespace {

std::string_view vi(console_text key) {
    using t = console_text;
    switch (key) {
    case t::greeting_member:
        return "Bạn đang trò chuyện với bot với tư cách {name} ({role}).";
    case t::greeting_member_not_linked:
        return "Tài khoản console chỉ để thử: /thanhvien không tính là đã liên kết, vì tin nhắc hạn và "
               "thông báo chỉ gửi tới Telegram hoặc Zalo.";
    case t::greeting_guest:
        return "Bạn đang trò chuyện với bot như một người chưa liên kết (dùng --as SĐT để nhập vai thành "
               "viên).";
    case t::guest_name:
        return "Khách";
    case t::usage:
        return "Gõ /giup để xem lệnh, /nhom để chuyển giữa nhắn riêng và nhóm tổ, Ctrl-D để thoát.";
    case t::prompt_private:
        return "bạn: ";
    case t::prompt_group:
        return "[nhóm] bạn: ";
    case t::in_group:
        return "Đang ở {title}.";
    case t::in_private:
        return "Đang nhắn riêng với bot.";
    case t::group_guest:
        return "Nhóm (console)";
    case t::group_team:
        return "Nhóm {team} (console)";
    case t::group_ward:
        return "Nhóm {ward} (console)";
    case t::team_unnamed:
        return "tổ";
    case t::ward_unnamed:
        return "phường";
    case t::bot_says:
        return "bot: ";
    case t::bot_edits:
        return "bot (sửa tin): ";
    case t::sent_elsewhere:
        return "[→ {chat}] ";
    case t::attachment:
        return "[tệp: {file} {ref}]";
    case t::count_:
        break;
    }
    return "";
}

std::string_view en(console_text key) {
    using t = console_text;
    switch (key) {
    case t::greeting_member:
        return "You are chatting with the bot as {name} ({role}).";
    case t::greeting_member_not_linked:
        return "A console account is only for trying the bot: /members does not count it as linked, as "
               "deadline reminders and announcements only go to Telegram or Zalo.";
    case t::greeting_guest:
        return "You are chatting with the bot as someone not linked yet (use --as PHONE to act as a "
               "member).";
    case t::guest_name:
        return "Guest";
    case t::usage:
        return "Type /help for the commands, /group to switch between the private chat and the team group, "
               "Ctrl-D to quit.";
    case t::prompt_private:
        return "you: ";
    case t::prompt_group:
        return "[group] you: ";
    case t::in_group:
        return "Now in {title}.";
    case t::in_private:
        return "Now chatting privately with the bot.";
    case t::group_guest:
        return "Group (console)";
    case t::group_team:
        return "{team} group (console)";
    case t::group_ward:
        return "{ward} group (console)";
    case t::team_unnamed:
        return "team";
    case t::ward_unnamed:
        return "ward";
    case t::bot_says:
        return "bot: ";
    case t::bot_edits:
        return "bot (edited): ";
    case t::sent_elsewhere:
        return "[→ {chat}] ";
    case t::attachment:
        return "[file: {file} {ref}]";
    case t::count_:
        break;
    }
    return "";
}

} // namespace

std::string_view template_of(language lang, console_text key) {
    return lang == language::vi ? vi(key) : en(key);
}

} // namespace cnscd
