#include "messages/incoming.hpp"

#include "messages/outgoing.hpp"

namespace cnscd {

std::string_view channel_name(channel c) {
    switch (c) {
    case channel::telegram:
        return "telegram";
    case channel::zalo_oa:
        return "zalo_oa";
    case channel::zalo_bot:
        return "zalo_bot";
    case channel::console:
        return "console";
    }
    return "console";
}

std::string_view channel_display_name(channel c) {
    switch (c) {
    case channel::telegram:
        return "Telegram";
    case channel::zalo_oa:
        return "Zalo OA";
    case channel::zalo_bot:
        return "Zalo Bot";
    case channel::console:
        return "console";
    }
    return "console";
}

std::optional<channel> channel_from_name(std::string_view name) {
    for (auto c : {channel::telegram, channel::zalo_oa, channel::zalo_bot, channel::console})
        if (channel_name(c) == name)
            return c;
    return std::nullopt;
}

outgoing reply_text(const incoming& in, std::string text) {
    outgoing o;
    o.to = in.chat;
    o.chat_type = in.chat_type;
    o.thread_id = in.thread_id;
    o.text = std::move(text);
    o.reply_to = in.chat_type == chat_kind::group ? in.message_ref : std::string();
    return o;
}

outgoing text_to(chat_address to, chat_kind type, std::string text, lane priority) {
    outgoing o;
    o.to = std::move(to);
    o.chat_type = type;
    o.text = std::move(text);
    o.priority = priority;
    return o;
}

bool has_contact_button(channel c) {
    return c == channel::telegram;
}

std::int64_t private_window_seconds(channel c) {
    return c == channel::zalo_oa ? 7 * 24 * 3600 : 0;
}

} // namespace cnscd
