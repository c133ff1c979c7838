// `cnscd-bot chat`: the same handlers as the platforms, with the terminal as the chat.

#include "bot/app.hpp"
#include "bot/command_database.hpp"
#include "bot/system_clock.hpp"
#include "handlers/dispatch.hpp"
#include "handlers/role.hpp"
#include "messages/markup.hpp"
#include "messages/phone.hpp"
#include "storage/database.hpp"
#include "storage/outbox.hpp"
#include "storage/registry.hpp"

#include <iostream>

namespace cnscd {

namespace {

// Prints what the bot queued for the console and marks it delivered; messages to a chat other than
// the private one and `group` (another team's group) are marked with the chat.
void deliver_console(database& db, std::int64_t now, const std::string& group, std::ostream& out) {
    outbox box(db);
    for (auto& row : box.pending()) {
        if (row.message.to.platform != channel::console)
            continue;
        auto& m = row.message;
        if (m.kind == outgoing_kind::text || m.kind == outgoing_kind::edit ||
            m.kind == outgoing_kind::document) {
            out << (m.kind == outgoing_kind::edit ? "bot (sửa tin): " : "bot: ");
            if (m.to.chat_id != "private" && m.to.chat_id != group)
                out << "[→ " << m.to.chat_id << "] ";
            out << markup::to_plain(m.text) << "\n";
            int n = 0;
            for (auto& row_buttons : m.choices)
                for (auto& b : row_buttons)
                    out << "   " << ++n << ". " << b.label << "\n";
            if (m.document)
                out << "   [tệp: " << m.document->file_name << " " << m.document->file_ref << "]\n";
        } else if (m.kind == outgoing_kind::answer_choice && !m.text.empty()) {
            out << "bot: " << markup::to_plain(m.text) << "\n";
        }
        box.mark_sent(row.id, "console-" + std::to_string(row.id), now);
    }
    out.flush();
}

// The group chat /nhom switches to: the team's own, as each team has its group on Zalo or
// Telegram (one shared group, bound by the first leader who tried /lienket, was every team's);
// the ward's for ward staff; one for a guest.
std::pair<std::string, std::string> console_group(database& db, const std::optional<member_record>& m) {
    if (!m)
        return {"group", "Nhóm (console)"};
    if (m->team_id) {
        auto team = team_store(db).by_id(*m->team_id);
        return {"group-to-" + std::to_string(*m->team_id),
                "Nhóm " + (team ? team->name : "tổ") + " (console)"};
    }
    auto ward = ward_store(db).by_id(m->ward_id);
    return {"group-phuong-" + std::to_string(m->ward_id),
            "Nhóm " + (ward ? ward->name : "phường") + " (console)"};
}

} // namespace

int run_chat(const config& cfg, const std::optional<std::string>& as_phone) {
    return run_chat(cfg, as_phone, std::cin, std::cout);
}

int run_chat(const config& cfg, const std::optional<std::string>& as_phone, std::istream& input,
             std::ostream& out) {
    auto opened = open_for_command(cfg, "chat", missing_database::create);
    if (!opened.db)
        return opened.exit_code;
    auto& db = opened.db;
    system_clock wall_clock;
    dispatch_env env{cfg, wall_clock, ""};
    std::string user_id = "guest";
    std::optional<member_record> member;
    std::string user_name = "Khách";
    if (as_phone) {
        auto phone = normalize_phone(*as_phone);
        if (!phone) {
            std::cerr << "chat: \"" << *as_phone << "\" is not a Vietnamese phone number (e.g. 0905123456)\n";
            return 2;
        }
        member = member_store(*db).by_phone_any_ward(*phone);
        if (!member) {
            std::cerr
                << "chat: nobody with phone " << mask_phone(*phone)
                << " is on a roster. Fix: import the roster (cnscd-bot import-roster FILE.csv --ward ...) or "
                   "add staff (cnscd-bot add-staff ...)\n";
            return 2;
        }
        user_id = *phone;
        user_name = member->full_name;
        db->in_transaction([&] {
            member_store(*db).link_account(channel::console, user_id, member->id, "console",
                                           wall_clock.now());
        });
        auto r = role_from_code(member->role).value_or(role::member);
        out << "Bạn đang trò chuyện với bot với tư cách " << member->full_name << " ("
            << say(language::vi, role_text(r)) << ").\n"
            << "Tài khoản console chỉ để thử: /thanhvien không tính là đã liên kết, vì tin nhắc hạn và "
               "thông báo chỉ gửi tới Telegram hoặc Zalo.\n";
    } else {
        out << "Bạn đang trò chuyện với bot như một người chưa liên kết (dùng --as SĐT để nhập vai thành "
               "viên).\n";
    }
    out << "Gõ /giup để xem lệnh, /nhom để chuyển giữa nhắn riêng và nhóm tổ, Ctrl-D để thoát.\n";
    auto [group, group_title] = console_group(*db, member);

    bool in_group = false;
    std::string line;
    long long message_no = 0;
    while (out << (in_group ? "[nhóm] bạn: " : "bạn: ") << std::flush, std::getline(input, line)) {
        if (line == "/nhom") {
            in_group = !in_group;
            out << (in_group ? "Đang ở " + group_title + ".\n" : std::string("Đang nhắn riêng với bot.\n"));
            continue;
        }
        if (line.empty())
            continue;
        incoming in;
        in.kind = incoming_kind::message;
        in.chat = {channel::console, in_group ? group : "private"};
        in.chat_type = in_group ? chat_kind::group : chat_kind::private_chat;
        in.chat_title = in_group ? group_title : "";
        in.user_id = user_id;
        in.user_name = user_name;
        in.sent_at = wall_clock.now();
        in.message_ref = std::to_string(++message_no);
        in.text = line;
        try {
            db->in_transaction([&] {
                auto result = dispatch_unlogged(in, *db, env);
                if (result.handler_failed)
                    std::cerr << "(lỗi xử lý: " << result.error << ")\n";
                deliver_console(*db, wall_clock.now(), group, out);
            });
        } catch (const std::exception& e) {
            std::cerr << "chat: the database refused the change: " << e.what() << "\n";
        }
    }
    out << "\n";
    return 0;
}

} // namespace cnscd
