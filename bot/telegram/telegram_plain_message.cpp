#include "bot/telegram/telegram_plain_message.hpp"

#include "messages/text_fold.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <bitset>
#include <cstdint>
#include <limits>
#include <string>
#include <utility>
#include <vector>

// Almost every update is a member's text message. Reading it with json's SAX interface skips
// building, searching and freeing a document: about 40% of parse_update's time. The reader
// takes only the fields listed below, each with the type Telegram documents; anything else (a
// key it does not know, another type, a null, a repeated key, a fraction) makes it give up, and
// the update is read in full by parse_document, so both always agree (tests compare them).

namespace cnscd::telegram {
namespace {

using json = nlohmann::json;

enum class place { none, top, message, from, chat, entities, entity };

enum class field_id {
    update_id,
    message,
    message_id,
    from,
    chat,
    date,
    text,
    entities,
    id,
    is_bot,
    is_premium,
    first_name,
    last_name,
    username,
    language_code,
    type,
    title,
    offset,
    length,
    message_thread_id,
    is_topic_message,
    is_forum,
    count
};

struct known {
    const char* name;
    field_id id;
};

// The keys taken in each place; a key not listed sends the update to the full reader.
constexpr known top_keys[] = {{"update_id", field_id::update_id}, {"message", field_id::message}};
constexpr known message_keys[] = {{"message_id", field_id::message_id},
                                  {"from", field_id::from},
                                  {"chat", field_id::chat},
                                  {"date", field_id::date},
                                  {"text", field_id::text},
                                  {"entities", field_id::entities},
                                  // A forum topic's messages: the reply goes back to the topic.
                                  {"message_thread_id", field_id::message_thread_id},
                                  {"is_topic_message", field_id::is_topic_message}};
constexpr known from_keys[] = {{"id", field_id::id},
                               {"is_bot", field_id::is_bot},
                               {"is_premium", field_id::is_premium},
                               {"first_name", field_id::first_name},
                               {"last_name", field_id::last_name},
                               {"username", field_id::username},
                               {"language_code", field_id::language_code}};
constexpr known chat_keys[] = {{"id", field_id::id},
                               {"type", field_id::type},
                               {"title", field_id::title},
                               {"username", field_id::username},
                               {"first_name", field_id::first_name},
                               {"last_name", field_id::last_name},
                               {"is_forum", field_id::is_forum}};
constexpr known entity_keys[] = {
    {"offset", field_id::offset}, {"length", field_id::length}, {"type", field_id::type}};

template <std::size_t N> std::optional<field_id> find_key(const known (&keys)[N], const std::string& k) {
    for (auto& e : keys)
        if (k == e.name)
            return e.id;
    return std::nullopt;
}

struct reader final : nlohmann::json_sax<json> {
    std::vector<place> stack;
    std::vector<std::bitset<static_cast<std::size_t>(field_id::count)>> seen;
    std::optional<field_id> key_;

    std::optional<std::int64_t> update_id, message_id, date, from_id, chat_id, thread_id;
    bool topic_message = false;
    std::optional<std::string> text, first_name, last_name, language_code, chat_type, chat_title;
    bool has_message = false, has_from = false, has_chat = false;
    std::vector<command_entity> entities;

    place here() const { return stack.empty() ? place::none : stack.back(); }

    // The field the value just read belongs to, once: nothing when it is not expected here.
    std::optional<field_id> take_key() { return std::exchange(key_, std::nullopt); }

    bool integer(std::int64_t v) {
        auto k = take_key();
        if (!k)
            return false;
        switch (here()) {
        case place::top:
            return *k == field_id::update_id && (update_id = v, true);
        case place::message:
            if (*k == field_id::message_id)
                return message_id = v, true;
            if (*k == field_id::message_thread_id)
                return thread_id = v, true;
            return *k == field_id::date && (date = v, true);
        case place::from:
            return *k == field_id::id && (from_id = v, true);
        case place::chat:
            return *k == field_id::id && (chat_id = v, true);
        case place::entity:
            if (*k == field_id::offset)
                return entities.back().offset = v, true;
            if (*k == field_id::length && v >= 0)
                return entities.back().length = static_cast<std::size_t>(v), true;
            return false;
        default:
            return false;
        }
    }

    bool null() override { return false; }
    bool boolean(bool v) override {
        auto k = take_key();
        if (k && here() == place::message && *k == field_id::is_topic_message)
            return topic_message = v, true;
        if (k && here() == place::chat && *k == field_id::is_forum)
            return true;
        return k && here() == place::from && (*k == field_id::is_bot || *k == field_id::is_premium);
    }
    bool number_integer(number_integer_t v) override { return integer(v); }
    bool number_unsigned(number_unsigned_t v) override {
        return v <= static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()) &&
               integer(static_cast<std::int64_t>(v));
    }
    bool number_float(number_float_t, const string_t&) override { return false; }
    bool binary(binary_t&) override { return false; }
    bool string(string_t& v) override {
        auto k = take_key();
        if (!k)
            return false;
        switch (here()) {
        case place::message:
            return *k == field_id::text && (text = std::move(v), true);
        case place::from:
            if (*k == field_id::first_name)
                return first_name = std::move(v), true;
            if (*k == field_id::last_name)
                return last_name = std::move(v), true;
            if (*k == field_id::language_code)
                return language_code = std::move(v), true;
            return *k == field_id::username;
        case place::chat:
            if (*k == field_id::type)
                return chat_type = std::move(v), true;
            if (*k == field_id::title)
                return chat_title = std::move(v), true;
            return *k == field_id::username || *k == field_id::first_name || *k == field_id::last_name;
        case place::entity:
            return *k == field_id::type && (entities.back().type = std::move(v), true);
        default:
            return false;
        }
    }
    bool start_object(std::size_t) override {
        auto k = take_key();
        place next = place::none;
        if (stack.empty()) // the update itself (a second top-level value is a parse error)
            next = place::top;
        else if (here() == place::top && k == field_id::message)
            next = place::message, has_message = true;
        else if (here() == place::message && k == field_id::from)
            next = place::from, has_from = true;
        else if (here() == place::message && k == field_id::chat)
            next = place::chat, has_chat = true;
        else if (here() == place::entities && !k) {
            next = place::entity;
            entities.emplace_back();
        }
        if (next == place::none)
            return false;
        stack.push_back(next);
        seen.emplace_back();
        return true;
    }
    bool key(string_t& k) override {
        std::optional<field_id> id;
        switch (here()) {
        case place::top:
            id = find_key(top_keys, k);
            break;
        case place::message:
            id = find_key(message_keys, k);
            break;
        case place::from:
            id = find_key(from_keys, k);
            break;
        case place::chat:
            id = find_key(chat_keys, k);
            break;
        case place::entity:
            id = find_key(entity_keys, k);
            break;
        default:
            return false;
        }
        if (!id)
            return false;
        auto bit = static_cast<std::size_t>(*id);
        if (seen.back().test(bit)) // json keeps the last of repeated keys; leave that to it
            return false;
        seen.back().set(bit);
        key_ = id;
        return true;
    }
    bool end_object() override {
        if (here() == place::entity && (!entities.back().type || !entities.back().offset))
            // A missing offset or type reads differently in the full reader's defaults; rare.
            return false;
        stack.pop_back();
        seen.pop_back();
        return true;
    }
    bool start_array(std::size_t) override {
        auto k = take_key();
        if (here() != place::message || k != field_id::entities)
            return false;
        stack.push_back(place::entities);
        seen.emplace_back();
        return true;
    }
    bool end_array() override {
        stack.pop_back();
        seen.pop_back();
        return true;
    }
    bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) override {
        return false;
    }
};

} // namespace

bool is_stand_in_sender(std::int64_t user_id) {
    return user_id == group_anonymous_bot || user_id == channel_bot || user_id == telegram_service;
}

bool same_username(std::string_view a, std::string_view b) {
    auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
    return a.size() == b.size() &&
           std::equal(a.begin(), a.end(), b.begin(), [&](char x, char y) { return lower(x) == lower(y); });
}

bool command_for_other_bot(const std::string& text, const std::vector<command_entity>& entities,
                           std::string_view bot_username) {
    if (bot_username.empty())
        return false;
    for (auto& e : entities) {
        if (e.type.value_or("") != "bot_command" || e.offset.value_or(-1) != 0)
            continue;
        auto end = utf16_to_byte_offset(text, e.length);
        std::string_view command(text.data(), end);
        auto at = command.find('@');
        if (at == std::string_view::npos)
            return false;
        return !same_username(command.substr(at + 1), bot_username);
    }
    return false;
}

std::optional<incoming> read_plain_message(std::string_view body, std::string_view bot_username) {
    reader r;
    if (!json::sax_parse(body, &r, json::input_format_t::json, true) || !r.stack.empty())
        return std::nullopt;
    if (!r.update_id || !r.has_message || !r.has_chat || !r.chat_id || !r.text)
        return std::nullopt;
    // Telegram's stand-ins for a sender who is not a person: the full reader says which.
    if (r.from_id && is_stand_in_sender(*r.from_id))
        return std::nullopt;
    incoming in;
    in.kind = incoming_kind::message;
    in.update_key = std::to_string(*r.update_id);
    in.chat.platform = channel::telegram;
    in.chat.chat_id = std::to_string(*r.chat_id);
    in.chat_type = r.chat_type.value_or("private") == "private" ? chat_kind::private_chat : chat_kind::group;
    in.chat_title = r.chat_title.value_or("");
    if (r.has_from) {
        in.user_id = r.from_id ? std::to_string(*r.from_id) : "";
        in.user_name = r.first_name.value_or("");
        if (r.last_name && !r.last_name->empty())
            in.user_name += " " + *r.last_name;
        in.language = r.language_code.value_or("");
    }
    in.sent_at = r.date.value_or(0);
    in.message_ref = r.message_id ? std::to_string(*r.message_id) : "";
    // Outside forums a reply carries a thread id too, which sendMessage then refuses ("message
    // thread not found"): only a topic message's thread is a place to answer in.
    if (r.topic_message && r.thread_id)
        in.thread_id = std::to_string(*r.thread_id);
    in.text = sanitize_utf8(*r.text);
    in.addressed_elsewhere = command_for_other_bot(in.text, r.entities, bot_username);
    return in;
}

} // namespace cnscd::telegram
