#include "bot/telegram/telegram_adapter.hpp"

#include "bot/json_fields.hpp"
#include "bot/telegram/telegram_plain_message.hpp"
#include "messages/json_text.hpp"
#include "messages/markup.hpp"
#include "messages/text_fold.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <optional>
#include <utility>

namespace cnscd::telegram {

using json = nlohmann::json;

namespace {

// obj[key] by reference, or null when obj is not an object or has no such key. json::value()
// would copy the whole member (a chat, a sender, the entities) for every update.
const json& field(const json& obj, const char* key) {
    static const json null;
    if (!obj.is_object())
        return null;
    auto it = obj.find(key);
    return it == obj.end() ? null : *it;
}

std::string id_text(const json& v) {
    if (v.is_number_integer())
        return std::to_string(v.get<std::int64_t>());
    if (v.is_string())
        return v.get<std::string>();
    return {};
}

// A whole number at obj[key], else `fallback` (missing, not a number, a fraction, out of range).
// json::value<int>() casts a float unchecked, and 1e300 to an integer is undefined behaviour.
template <class Int> Int whole_number(const json& obj, const char* key, Int fallback) {
    auto it = obj.find(key);
    if (it == obj.end())
        return fallback;
    if (it->is_number_unsigned()) {
        auto v = it->get<std::uint64_t>();
        return std::in_range<Int>(v) ? static_cast<Int>(v) : fallback;
    }
    if (it->is_number_integer()) {
        auto v = it->get<std::int64_t>();
        return std::in_range<Int>(v) ? static_cast<Int>(v) : fallback;
    }
    return fallback;
}

// Fills chat and sender fields shared by every update kind.
void read_chat(const json& chat_field, incoming& in) {
    static const json empty = json::object();
    const json& chat = chat_field.is_object() ? chat_field : empty;
    in.chat.platform = channel::telegram;
    in.chat.chat_id = id_text(field(chat, "id"));
    auto type = chat.value("type", "private");
    in.chat_type = type == "private" ? chat_kind::private_chat : chat_kind::group;
    in.chat_title = chat.value("title", "");
}

void read_sender(const json& from, incoming& in) {
    if (!from.is_object())
        return;
    in.user_id = id_text(field(from, "id"));
    in.user_name = from.value("first_name", "");
    if (auto last = from.value("last_name", ""); !last.empty())
        in.user_name += " " + last;
    in.language = from.value("language_code", "");
}

bool is_this_bot(const json& user, std::string_view bot_username) {
    if (!user.is_object() || !user.value("is_bot", false))
        return false;
    return bot_username.empty() || same_username(user.value("username", ""), bot_username);
}

// "/cmd@other_bot args": the command is for another bot when the entity at offset 0 names one.
bool addressed_to_other_bot(const std::string& text, const json& entities, std::string_view bot_username) {
    if (bot_username.empty() || !entities.is_array())
        return false;
    std::vector<command_entity> read;
    for (auto& e : entities) {
        auto& entity = read.emplace_back();
        entity.type = e.value("type", "");
        entity.offset = whole_number<std::int64_t>(e, "offset", -1);
        entity.length = whole_number<std::size_t>(e, "length", 0);
        if (entity.type == "bot_command" && entity.offset == 0)
            break; // the one that decides; what follows is not read
    }
    return command_for_other_bot(text, read, bot_username);
}

// A forum topic's message: its thread is where the answer goes. Outside forums a reply carries a
// thread id too, which sendMessage then refuses ("message thread not found"), so only a topic
// message's counts; "General" has none.
std::string topic_of(const json& m) {
    const json& topic = field(m, "is_topic_message");
    if (!topic.is_boolean() || !topic.get<bool>())
        return {};
    const json& thread = field(m, "message_thread_id");
    return thread.is_number_integer() ? id_text(thread) : std::string();
}

// Who wrote when it is not a person's own account (incoming::sender_chat).
sender_chat_kind sender_chat_of(const json& m, const std::string& chat_id) {
    if (bool_field(m, "is_automatic_forward"))
        return sender_chat_kind::linked_channel;
    if (const json& sender = field(m, "sender_chat"); sender.is_object()) {
        if (id_text(field(sender, "id")) == chat_id)
            return sender_chat_kind::anonymous_admin;
        return sender_chat_kind::channel;
    }
    // The stand-in accounts without sender_chat: not seen in practice, but never a person.
    const json& from_id = field(field(m, "from"), "id");
    if (from_id.is_number_integer() && is_stand_in_sender(from_id.get<std::int64_t>()))
        switch (from_id.get<std::int64_t>()) {
        case group_anonymous_bot:
            return sender_chat_kind::anonymous_admin;
        case telegram_service:
            return sender_chat_kind::linked_channel;
        default:
            return sender_chat_kind::channel;
        }
    return sender_chat_kind::none;
}

// A forward of another person's message (forward_origin), or of one whose author is hidden or a
// chat. A member forwarding their own earlier message is still its author.
bool forwarded_from_other(const json& m, const std::string& sender_id) {
    const json& origin = field(m, "forward_origin");
    if (!origin.is_object())
        return false;
    if (string_field(origin, "type") == "user")
        return id_text(field(field(origin, "sender_user"), "id")) != sender_id || sender_id.empty();
    return true;
}

void read_message(const json& m, incoming& in, std::string_view bot_username) {
    read_chat(field(m, "chat"), in);
    read_sender(field(m, "from"), in);
    in.sent_at = whole_number<std::int64_t>(m, "date", 0);
    in.message_ref = id_text(field(m, "message_id"));
    in.thread_id = topic_of(m);
    in.sender_chat = sender_chat_of(m, in.chat.chat_id);
    in.forwarded_from_other = forwarded_from_other(m, in.user_id);
    if (m.contains("text") && m["text"].is_string()) {
        in.text = sanitize_utf8(m["text"].get<std::string>());
        in.addressed_elsewhere = addressed_to_other_bot(in.text, field(m, "entities"), bot_username);
    } else if (m.contains("caption") && m["caption"].is_string()) {
        in.text = sanitize_utf8(m["caption"].get<std::string>());
        in.addressed_elsewhere = addressed_to_other_bot(in.text, field(m, "caption_entities"), bot_username);
    }
    if (auto it = m.find("contact"); it != m.end() && it->is_object()) {
        in.kind = incoming_kind::contact;
        in.contact_phone = it->value("phone_number", "");
        in.contact_user_id = id_text(field(*it, "user_id"));
    }
    if (auto it = m.find("document"); it != m.end() && it->is_object())
        in.file = attachment{"document", it->value("file_id", ""), it->value("file_name", "")};
    if (auto it = m.find("photo"); it != m.end() && it->is_array() && !it->empty())
        in.file = attachment{"photo", it->back().value("file_id", ""), ""};
    // Not text and not a photo or file: said back in a private chat, where silence would read as
    // "recorded".
    static constexpr const char* unreadable_kinds[] = {
        "voice", "audio", "video", "video_note", "sticker", "animation", "location", "venue", "poll", "dice"};
    in.unreadable = in.text.empty() && !in.file &&
                    std::ranges::any_of(unreadable_kinds, [&](const char* k) { return m.contains(k); });
    if (auto it = m.find("media_group_id"); it != m.end() && it->is_string())
        in.album = it->get<std::string>();
    if (m.contains("migrate_to_chat_id")) {
        in.kind = incoming_kind::chat_migrated;
        in.migrated_to = id_text(m["migrate_to_chat_id"]);
    } else if (m.contains("migrate_from_chat_id")) {
        // Seen in the new supergroup: the binding moves from the old id to this chat.
        in.kind = incoming_kind::chat_migrated;
        in.migrated_to = in.chat.chat_id;
        in.chat.chat_id = id_text(m["migrate_from_chat_id"]);
    }
    if (auto it = m.find("new_chat_members"); it != m.end() && it->is_array())
        for (auto& u : *it)
            if (is_this_bot(u, bot_username))
                in.kind = incoming_kind::bot_added;
    if (auto it = m.find("left_chat_member"); it != m.end() && is_this_bot(*it, bot_username))
        in.kind = incoming_kind::bot_removed;
    if (m.value("group_chat_created", false) || m.value("supergroup_chat_created", false))
        in.kind = incoming_kind::bot_added;
    // Said in the topic itself; its thread is the topic whatever is_topic_message says.
    if (auto it = m.find("forum_topic_closed"); it != m.end() && it->is_object()) {
        in.kind = incoming_kind::topic_closed;
        const json& thread = field(m, "message_thread_id");
        in.thread_id = thread.is_number_integer() ? id_text(thread) : std::string();
    }
}

json chat_id_value(const std::string& id) {
    if (!id.empty() && (std::isdigit(static_cast<unsigned char>(id[0])) || id[0] == '-')) {
        try {
            return std::stoll(id);
        } catch (...) {
        }
    }
    return id;
}

json keyboard(const outgoing& m) {
    if (!m.choices.empty()) {
        json rows = json::array();
        for (auto& row : m.choices) {
            json r = json::array();
            for (auto& b : row)
                r.push_back({{"text", b.label}, {"callback_data", b.data}});
            rows.push_back(std::move(r));
        }
        return {{"inline_keyboard", std::move(rows)}};
    }
    if (!m.contact_button.empty() && m.chat_type == chat_kind::private_chat)
        return {{"keyboard",
                 json::array({json::array({{{"text", m.contact_button}, {"request_contact", true}}})})},
                {"resize_keyboard", true},
                {"one_time_keyboard", true}};
    return nullptr;
}

// The body of one sendMessage part, written directly: every reply takes this path, and
// building a json object to print it cost more than the printing. Keys in json's (sorted)
// order, so the text is the same as json::dump() would give. Nothing for what it does not
// cover (keyboards, text that is not UTF-8): the caller then builds the object.
std::optional<std::string> plain_send_message(const outgoing& m, const json& chat, std::string_view text,
                                              bool first, bool last) {
    if (last && (!m.choices.empty() || (!m.contact_button.empty() && m.chat_type == chat_kind::private_chat)))
        return std::nullopt;
    std::string body;
    body.reserve(text.size() + 160);
    body += "{\"chat_id\":";
    if (chat.is_number_integer())
        body += std::to_string(chat.get<std::int64_t>());
    else if (!append_json_string(body, chat.get_ref<const std::string&>()))
        return std::nullopt;
    body += ",\"link_preview_options\":{\"is_disabled\":true}";
    // Every part into the topic: a quoted message that was deleted meanwhile would otherwise
    // send the reply to "General" (allow_sending_without_reply).
    if (!m.thread_id.empty()) {
        auto thread = chat_id_value(m.thread_id);
        if (!thread.is_number_integer())
            return std::nullopt;
        body += ",\"message_thread_id\":";
        body += std::to_string(thread.get<std::int64_t>());
    }
    body += ",\"parse_mode\":\"HTML\"";
    if (first && !m.reply_to.empty()) {
        body += ",\"reply_parameters\":{\"allow_sending_without_reply\":true,\"message_id\":";
        auto id = chat_id_value(m.reply_to);
        if (id.is_number_integer())
            body += std::to_string(id.get<std::int64_t>());
        else if (!append_json_string(body, id.get_ref<const std::string&>()))
            return std::nullopt;
        body += '}';
    }
    body += ",\"text\":";
    if (!append_json_string(body, text))
        return std::nullopt;
    body += '}';
    return body;
}

// Telegram's updates nest about ten levels. Deeper JSON is refused before it is parsed: copying
// or printing a JSON value recurses once per level, so a 1 MiB body of '[' could exhaust the stack.
constexpr int max_json_depth = 64;

bool nests_deeper_than(std::string_view body, int limit) {
    int depth = 0;
    bool in_string = false, escaped = false;
    for (char ch : body) {
        if (in_string) {
            if (escaped)
                escaped = false;
            else if (ch == '\\')
                escaped = true;
            else if (ch == '"')
                in_string = false;
        } else if (ch == '"') {
            in_string = true;
        } else if (ch == '{' || ch == '[') {
            if (++depth > limit)
                return true;
        } else if (ch == '}' || ch == ']') {
            --depth;
        }
    }
    return false;
}

} // namespace

std::expected<incoming, std::string> parse_update(std::string_view body, std::string_view bot_username) {
    if (auto in = read_plain_message(body, bot_username))
        return std::move(*in);
    return parse_document(body, bot_username);
}

std::expected<incoming, std::string> parse_document(std::string_view body, std::string_view bot_username) {
    if (nests_deeper_than(body, max_json_depth))
        return std::unexpected("the body nests JSON deeper than " + std::to_string(max_json_depth) +
                               " levels");
    auto j = json::parse(body, nullptr, false);
    if (j.is_discarded())
        return std::unexpected("the body is not valid JSON");
    if (!j.is_object())
        return std::unexpected("the body is not a JSON object");
    auto id = j.find("update_id");
    if (id == j.end() || !id->is_number_integer())
        return std::unexpected("the update has no integer update_id");
    // 2^63 and above parse as unsigned and would wrap to a negative key.
    if (id->is_number_unsigned() && !std::in_range<std::int64_t>(id->get<std::uint64_t>()))
        return std::unexpected("the update_id is above 2^63 - 1");
    incoming in;
    in.update_key = std::to_string(id->get<std::int64_t>());
    in.chat.platform = channel::telegram;
    in.kind = incoming_kind::other;
    try {
        if (auto m = j.find("message"); m != j.end() && m->is_object()) {
            in.kind = incoming_kind::message;
            read_message(*m, in, bot_username);
        } else if (auto e = j.find("edited_message"); e != j.end() && e->is_object()) {
            in.kind = incoming_kind::edited_message;
            read_message(*e, in, bot_username);
            in.kind = incoming_kind::edited_message;
        } else if (auto q = j.find("callback_query"); q != j.end() && q->is_object()) {
            in.kind = incoming_kind::choice;
            read_sender(field(*q, "from"), in);
            in.choice_ref = q->value("id", "");
            in.choice_data = q->value("data", "");
            if (auto msg = q->find("message"); msg != q->end() && msg->is_object()) {
                read_chat(field(*msg, "chat"), in);
                in.message_ref = id_text(field(*msg, "message_id"));
                // A button under a message in a topic: what it answers goes to that topic.
                in.thread_id = topic_of(*msg);
            } else {
                // An inline-mode message: answer privately.
                in.chat.chat_id = in.user_id;
            }
        } else if (auto c = j.find("my_chat_member"); c != j.end() && c->is_object()) {
            read_chat(field(*c, "chat"), in);
            read_sender(field(*c, "from"), in);
            in.sent_at = whole_number<std::int64_t>(*c, "date", 0);
            auto status = (*c)["new_chat_member"].value("status", "");
            auto old_status = (*c)["old_chat_member"].value("status", "");
            bool now_in = status == "member" || status == "administrator" || status == "creator";
            bool was_in = old_status == "member" || old_status == "administrator" ||
                          old_status == "creator" || old_status == "restricted";
            // In a private chat these are the user blocking the bot (kicked) and unblocking it
            // (kicked -> member): the chat takes messages again without them having to write.
            if (status == "left" || status == "kicked")
                in.kind = incoming_kind::bot_removed;
            else if (now_in && !was_in)
                in.kind = incoming_kind::bot_added;
        }
    } catch (const json::exception& e) {
        return std::unexpected(std::string("the update has an unexpected shape: ") + e.what());
    }
    if (in.chat.chat_id.empty() && in.kind != incoming_kind::other)
        return std::unexpected("the update names no chat");
    return in;
}

std::vector<api_call> api_calls_for(const outgoing& m, const std::string& edit_ref) {
    std::vector<api_call> calls;
    auto chat = chat_id_value(m.to.chat_id);
    switch (m.kind) {
    case outgoing_kind::text: {
        auto parts = markup::split(m.text, max_text_chars);
        for (std::size_t i = 0; i < parts.size(); ++i) {
            if (auto body = plain_send_message(m, chat, parts[i], i == 0, i + 1 == parts.size())) {
                calls.push_back({"sendMessage", std::move(*body), "", ""});
                continue;
            }
            json body{{"chat_id", chat},
                      {"text", parts[i]},
                      {"parse_mode", "HTML"},
                      {"link_preview_options", {{"is_disabled", true}}}};
            if (i == 0 && !m.reply_to.empty())
                body["reply_parameters"] = {{"message_id", chat_id_value(m.reply_to)},
                                            {"allow_sending_without_reply", true}};
            if (!m.thread_id.empty())
                body["message_thread_id"] = chat_id_value(m.thread_id);
            if (i + 1 == parts.size())
                if (auto kb = keyboard(m); !kb.is_null())
                    body["reply_markup"] = std::move(kb);
            calls.push_back(
                {"sendMessage", body.dump(-1, ' ', false, json::error_handler_t::replace), "", ""});
        }
        break;
    }
    case outgoing_kind::edit: {
        auto parts = markup::split(m.text, max_text_chars);
        json body{{"chat_id", chat},
                  {"message_id", chat_id_value(edit_ref)},
                  {"text", parts.front()},
                  {"parse_mode", "HTML"},
                  {"link_preview_options", {{"is_disabled", true}}}};
        json kb = m.choices.empty() ? json{{"inline_keyboard", json::array()}} : keyboard(m);
        body["reply_markup"] = std::move(kb);
        calls.push_back(
            {"editMessageText", body.dump(-1, ' ', false, json::error_handler_t::replace), "", ""});
        break;
    }
    case outgoing_kind::answer_choice: {
        json body{{"callback_query_id", m.choice_ref}};
        if (!m.text.empty())
            body["text"] = markup::to_plain(m.text).substr(0, 200);
        calls.push_back(
            {"answerCallbackQuery", body.dump(-1, ' ', false, json::error_handler_t::replace), "", ""});
        break;
    }
    case outgoing_kind::document: {
        json body{{"chat_id", chat}};
        if (!m.thread_id.empty())
            body["message_thread_id"] = chat_id_value(m.thread_id);
        if (!m.text.empty()) {
            body["caption"] = markup::split(m.text, 1024).front();
            body["parse_mode"] = "HTML";
        }
        // A photo's file id only works with sendPhoto; everything else goes as a document.
        bool photo = m.document && m.document->kind == "photo";
        const char* field = photo ? "photo" : "document";
        std::string upload;
        if (m.document && m.document->file_ref.starts_with("file:"))
            upload = m.document->file_ref.substr(5);
        else if (m.document)
            body[field] = m.document->file_ref;
        calls.push_back({photo ? "sendPhoto" : "sendDocument",
                         body.dump(-1, ' ', false, json::error_handler_t::replace), upload,
                         upload.empty() ? "" : field});
        break;
    }
    }
    return calls;
}

api_answer read_answer(int http_status, std::string_view body) {
    if (auto sent = read_sent_answer(body))
        return std::move(*sent);
    return read_answer_document(http_status, body);
}

api_answer read_answer_document(int http_status, std::string_view body) {
    api_answer a;
    auto j = json::parse(body, nullptr, false);
    if (j.is_discarded() || !j.is_object() || !j.contains("ok")) {
        a.ok = false;
        a.error_code = http_status;
        a.description = "HTTP " + std::to_string(http_status) + ": " + std::string(body.substr(0, 200));
        return a;
    }
    a.ok = bool_field(j, "ok");
    a.error_code = whole_number<int>(j, "error_code", a.ok ? 0 : http_status);
    a.description = string_field(j, "description");
    if (auto p = j.find("parameters"); p != j.end() && p->is_object()) {
        a.retry_after = whole_number<std::int64_t>(*p, "retry_after", 0);
        if (p->contains("migrate_to_chat_id"))
            a.migrate_to_chat_id = id_text((*p)["migrate_to_chat_id"]);
    }
    if (auto r = j.find("result"); r != j.end() && r->is_object() && r->contains("message_id"))
        a.message_id = id_text((*r)["message_id"]);
    return a;
}

} // namespace cnscd::telegram
