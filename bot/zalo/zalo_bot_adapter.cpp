#include "bot/zalo/zalo_bot_adapter.hpp"

#include "bot/json_fields.hpp"
#include "messages/markup.hpp"
#include "messages/text_fold.hpp"

#include <nlohmann/json.hpp>

namespace cnscd::zalo_bot {

using json = nlohmann::json;

namespace {

std::string text_of(const json& obj, const char* key) {
    if (!obj.is_object())
        return {};
    auto it = obj.find(key);
    if (it == obj.end())
        return {};
    if (it->is_string())
        return it->get<std::string>();
    if (it->is_number_integer())
        return std::to_string(it->get<std::int64_t>());
    return {};
}

const json& child(const json& obj, const char* key) {
    static const json empty = json::object();
    if (!obj.is_object())
        return empty;
    auto it = obj.find(key);
    return it == obj.end() || !it->is_object() ? empty : *it;
}

} // namespace

std::expected<update, std::string> parse_update(std::string_view body) {
    auto j = json::parse(body, nullptr, false);
    if (j.is_discarded())
        return std::unexpected("the body is not valid JSON");
    if (!j.is_object())
        return std::unexpected("the body is not a JSON object");
    // The docs show deliveries wrapped like a Bot API answer; live ones have come unwrapped.
    if (bool_field(j, "ok") && j.contains("result") && j["result"].is_object()) {
        json inner = std::move(j["result"]);
        j = std::move(inner);
    }
    auto name = text_of(j, "event_name");
    if (name.empty())
        return std::unexpected("the update has no event_name");
    update u{name, std::nullopt};
    bool text = name == "message.text.received";
    bool image = name == "message.image.received";
    // A sticker or content the platform does not pass on (a voice note): said back in private.
    bool unreadable = name == "message.sticker.received" || name == "message.unsupported.received";
    if (!text && !image && !unreadable)
        return u;
    auto& m = child(j, "message");
    if (unreadable && (text_of(m, "message_id").empty() || text_of(child(m, "chat"), "id").empty()))
        return u; // nothing to answer to
    incoming in;
    in.kind = incoming_kind::message;
    in.chat.platform = channel::zalo_bot;
    in.message_ref = text_of(m, "message_id");
    in.update_key = in.message_ref; // there is no update_id
    if (in.update_key.empty())
        return std::unexpected("the " + name + " update has no message.message_id");
    auto& chat = child(m, "chat");
    in.chat.chat_id = text_of(chat, "id");
    if (in.chat.chat_id.empty())
        return std::unexpected("the " + name + " update has no message.chat.id");
    in.chat_type = text_of(chat, "chat_type") == "GROUP" ? chat_kind::group : chat_kind::private_chat;
    auto& from = child(m, "from");
    in.user_id = text_of(from, "id");
    in.user_name = text_of(from, "display_name");
    // An integer only: a fraction or 1e22 converted to an integer would be undefined behaviour.
    if (auto d = m.find("date"); d != m.end() && d->is_number_integer()) {
        auto date = d->get<std::int64_t>();
        in.sent_at = date >= 1'000'000'000'000 ? date / 1000 : date; // usually milliseconds
    }
    if (unreadable) {
        if (in.chat_type == chat_kind::group)
            return u; // chatter among members: counted, not stored
        in.unreadable = true;
    } else if (text) {
        in.text = sanitize_utf8(text_of(m, "text"));
    } else {
        in.text = sanitize_utf8(text_of(m, "caption"));
        in.file = attachment{"image", text_of(m, "photo_url"), ""};
    }
    u.in = std::move(in);
    return u;
}

std::vector<api_call> api_calls_for(const outgoing& m) {
    std::vector<api_call> calls;
    if (m.kind == outgoing_kind::answer_choice)
        return calls;
    std::string list;
    int n = 0;
    for (auto& row : m.choices)
        for (auto& b : row)
            list += (list.empty() ? "" : "\n") + std::to_string(++n) + ". " + b.label;
    auto with_list = [&](std::string html) {
        if (!list.empty())
            html += (html.empty() ? "" : "\n\n") + markup::escape(list);
        return markup::split(html, max_text_chars);
    };
    auto send_parts = [&](const std::vector<std::string>& parts, std::size_t from) {
        for (auto i = from; i < parts.size(); ++i) {
            json body{{"chat_id", m.to.chat_id}, {"text", markup::to_plain(parts[i])}};
            calls.push_back({"sendMessage", body.dump(-1, ' ', false, json::error_handler_t::replace)});
        }
    };
    if (m.kind == outgoing_kind::document && m.document && m.document->file_ref.starts_with("http") &&
        (m.document->kind == "photo" || m.document->kind == "image")) {
        // A caption holds 2,000 characters: the rest of a longer text, and the choices, follow.
        json body{{"chat_id", m.to.chat_id}, {"photo", m.document->file_ref}};
        auto parts = with_list(m.text);
        if (!parts.empty() && !parts.front().empty())
            body["caption"] = markup::to_plain(parts.front());
        calls.push_back({"sendPhoto", body.dump(-1, ' ', false, json::error_handler_t::replace)});
        send_parts(parts, 1);
        return calls;
    }
    std::string html = m.text;
    if (m.kind == outgoing_kind::document && m.document && !undeliverable_file(m)) {
        // Only photos can be sent by URL; other links go as their name and link.
        if (!html.empty())
            html += "\n";
        if (!m.document->file_name.empty())
            html += markup::escape(m.document->file_name) + "\n";
        html += markup::escape(m.document->file_ref);
    } else if (m.kind == outgoing_kind::document && html.empty() && m.choices.empty()) {
        return calls; // nothing but a file the platform cannot carry: the client reports it
    }
    send_parts(with_list(std::move(html)), 0);
    return calls;
}

std::optional<std::string> undeliverable_file(const outgoing& m) {
    if (m.kind != outgoing_kind::document || !m.document)
        return std::nullopt;
    auto& ref = m.document->file_ref;
    if (ref.starts_with("https://") || ref.starts_with("http://"))
        return std::nullopt;
    auto name = m.document->file_name.empty() ? std::string("(no name)") : m.document->file_name;
    if (ref.starts_with("file:"))
        return "the Zalo Bot Platform cannot send files (" + name +
               "); send it through the Zalo OA or Telegram";
    return "the file " + name +
           " is stored on another platform (e.g. a Telegram file id) and cannot be sent through Zalo";
}

api_call typing(const std::string& chat_id) {
    return {"sendChatAction", json{{"chat_id", chat_id}, {"action", "typing"}}.dump()};
}

api_answer read_answer(int http_status, std::string_view body) {
    api_answer a;
    auto j = json::parse(body, nullptr, false);
    if (j.is_discarded() || !j.is_object() || !j.contains("ok")) {
        a.error_code = http_status;
        a.description = "HTTP " + std::to_string(http_status) + ": " + std::string(body.substr(0, 200));
        return a;
    }
    a.ok = bool_field(j, "ok");
    a.error_code = j.contains("error_code") && j["error_code"].is_number_integer()
                       ? j["error_code"].get<int>()
                   : a.ok ? 0
                          : http_status;
    a.description = text_of(j, "description");
    a.message_id = text_of(child(j, "result"), "message_id");
    return a;
}

std::string polling_fix(int http_status, const api_answer& a) {
    int code = a.error_code != 0 ? a.error_code : http_status;
    if (token_refused(code))
        return "the Zalo Bot Platform does not know the bot token, so no message is received or sent. Fix: " +
               std::string(token_fix) + " and restart the bot";
    if (http_status == 0 || code >= 500)
        return "the Zalo Bot Platform is not answering (" +
               (http_status == 0 ? std::string("no answer") : "HTTP " + std::to_string(http_status)) +
               "), so no message is received. The bot retries by itself, up to a minute apart, and "
               "takes the waiting messages as soon as it answers; nothing to change here. If it lasts "
               "more than an hour, check that this server reaches the platform (DNS, firewall, proxy) and "
               "that ZALO_BOT_API_BASE (or \"zalo_bot.api_base\" in the config file) is unset or right";
    return "";
}

delivery_result to_delivery(const api_answer& a, const std::string& transport_error) {
    using o = delivery_result::outcome;
    delivery_result d;
    if (!transport_error.empty()) {
        d.what = o::retry;
        d.error = transport_error;
        return d;
    }
    if (a.ok) {
        d.message_ref = a.message_id;
        return d;
    }
    d.error = "Zalo Bot error " + std::to_string(a.error_code) +
              (a.description.empty() ? "" : ": " + a.description);
    if (token_refused(a.error_code)) {
        d.error += " (the platform does not know the bot token. Fix: " + std::string(token_fix) +
                   " and restart the bot)";
        d.bot_refused = true;
    }
    if (a.error_code == 429) {
        d.what = o::rate_limited;
        d.retry_after_seconds = 1;
    } else if (a.error_code == 403) {
        d.what = o::chat_gone;
    } else if (a.error_code == 400) {
        d.what = o::permanent;
    } else {
        d.what = o::retry; // 401/404 (token), 408, 5xx, or not the Bot API's answer
    }
    return d;
}

} // namespace cnscd::zalo_bot
