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

// Prints what the bot queued for the console and marks it delivered.
void deliver_console(database& db, std::int64_t now) {
    outbox box(db);
    for (auto& row : box.pending()) {
        if (row.message.to.platform != channel::console)
            continue;
        auto& m = row.message;
        if (m.kind == outgoing_kind::text || m.kind == outgoing_kind::edit ||
            m.kind == outgoing_kind::document) {
            std::cout << (m.kind == outgoing_kind::edit ? "bot (sửa tin): " : "bot: ");
            if (m.to.chat_id != "private" && m.to.chat_id != "group")
                std::cout << "[→ " << m.to.chat_id << "] ";
            std::cout << markup::to_plain(m.text) << "\n";
            int n = 0;
            for (auto& row_buttons : m.choices)
                for (auto& b : row_buttons)
                    std::cout << "   " << ++n << ". " << b.label << "\n";
            if (m.document)
                std::cout << "   [tệp: " << m.document->file_name << " " << m.document->file_ref << "]\n";
        } else if (m.kind == outgoing_kind::answer_choice && !m.text.empty()) {
            std::cout << "bot: " << markup::to_plain(m.text) << "\n";
        }
        box.mark_sent(row.id, "console-" + std::to_string(row.id), now);
    }
    std::cout.flush();
}

} // namespace

int run_chat(const config& cfg, const std::optional<std::string>& as_phone) {
    auto opened = open_for_command(cfg, "chat", missing_database::create);
    if (!opened.db)
        return opened.exit_code;
    auto& db = opened.db;
    system_clock wall_clock;
    dispatch_env env{cfg, wall_clock, ""};
    std::string user_id = "guest";
    std::string user_name = "Khách";
    if (as_phone) {
        auto phone = normalize_phone(*as_phone);
        if (!phone) {
            std::cerr << "chat: \"" << *as_phone << "\" is not a Vietnamese phone number (e.g. 0905123456)\n";
            return 2;
        }
        auto member = member_store(*db).by_phone_any_ward(*phone);
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
        std::cout << "Bạn đang trò chuyện với bot với tư cách " << member->full_name << " ("
                  << say(language::vi, role_text(r)) << ").\n";
    } else {
        std::cout
            << "Bạn đang trò chuyện với bot như một người chưa liên kết (dùng --as SĐT để nhập vai thành "
               "viên).\n";
    }
    std::cout << "Gõ /giup để xem lệnh, /nhom để chuyển giữa nhắn riêng và nhóm tổ, Ctrl-D để thoát.\n";

    bool in_group = false;
    std::string line;
    long long message_no = 0;
    while (std::cout << (in_group ? "[nhóm] bạn: " : "bạn: ") << std::flush, std::getline(std::cin, line)) {
        if (line == "/nhom") {
            in_group = !in_group;
            std::cout << (in_group ? "Đang ở nhóm chat của tổ (console).\n" : "Đang nhắn riêng với bot.\n");
            continue;
        }
        if (line.empty())
            continue;
        incoming in;
        in.kind = incoming_kind::message;
        in.chat = {channel::console, in_group ? "group" : "private"};
        in.chat_type = in_group ? chat_kind::group : chat_kind::private_chat;
        in.chat_title = in_group ? "Nhóm tổ (console)" : "";
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
                deliver_console(*db, wall_clock.now());
            });
        } catch (const std::exception& e) {
            std::cerr << "chat: the database refused the change: " << e.what() << "\n";
        }
    }
    std::cout << "\n";
    return 0;
}

} // namespace cnscd
