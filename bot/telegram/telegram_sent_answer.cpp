#include "bot/telegram/telegram_adapter.hpp"

#include <nlohmann/json.hpp>

#include <string>

// Every delivered reply gets Telegram's answer, {"ok":true,"result":{"message_id":..,...}},
// with the sent message inside. Reading it with json's SAX interface skips building and freeing
// that message as a document just to take its id. The reader accepts only that shape: a
// top-level key other than "ok" and "result", a repeated key, "ok" that is not true, or a
// message_id that is not an integer makes it give up, and read_answer reads the document
// (tests compare the two).

namespace cnscd::telegram {
namespace {

using json = nlohmann::json;

class sent_answer_reader {
public:
    bool failed = false;
    bool saw_ok = false;
    bool saw_result = false;
    bool saw_message_id = false;
    std::string message_id;

    bool null() { return value(); }
    bool boolean(bool b) {
        if (depth_ == 1 && key_ == top_key::ok) {
            key_ = top_key::none;
            return b || give_up();
        }
        return value();
    }
    bool number_integer(json::number_integer_t v) { return integer(std::to_string(v)); }
    bool number_unsigned(json::number_unsigned_t v) {
        // The document reader takes an unsigned id as a signed one; the same text either way.
        return integer(std::to_string(static_cast<std::int64_t>(v)));
    }
    bool number_float(json::number_float_t, const std::string&) { return value(); }
    bool string(std::string&) { return value(); }
    bool binary(json::binary_t&) { return give_up(); }

    bool start_object(std::size_t) {
        if (depth_ == 1 && key_ == top_key::result)
            in_result_ = true;
        else if (depth_ > 0 && !value())
            return false;
        ++depth_;
        return true;
    }
    bool end_object() {
        --depth_;
        if (depth_ == 1)
            in_result_ = false;
        return true;
    }
    bool start_array(std::size_t) {
        if (!value())
            return false;
        ++depth_;
        return true;
    }
    bool end_array() {
        --depth_;
        return true;
    }

    bool key(std::string& k) {
        if (depth_ == 1) {
            if (k == "ok" && !saw_ok) {
                saw_ok = true;
                key_ = top_key::ok;
            } else if (k == "result" && !saw_result) {
                saw_result = true;
                key_ = top_key::result;
            } else {
                return give_up();
            }
        } else if (depth_ == 2 && in_result_ && k == "message_id") {
            if (saw_message_id)
                return give_up(); // the document reader keeps the last one: let it
            saw_message_id = true;
            at_message_id_ = true;
        }
        return true;
    }

    bool parse_error(std::size_t, const std::string&, const json::exception&) { return give_up(); }

private:
    enum class top_key { none, ok, result };

    // A value that is not taken: fine inside "result", not as "ok" or at the top.
    bool value() {
        if (depth_ == 0)
            return give_up(); // the body is not an object
        if (at_message_id_)
            return give_up(); // a message_id that is not an integer
        if (depth_ == 1) {
            if (key_ == top_key::ok)
                return give_up();
            key_ = top_key::none; // "result" that is not an object: no message id in it
        }
        return true;
    }
    bool integer(std::string text) {
        if (at_message_id_ && depth_ == 2) {
            at_message_id_ = false;
            message_id = std::move(text);
            return true;
        }
        return value();
    }
    bool give_up() {
        failed = true;
        return false;
    }

    int depth_ = 0;
    top_key key_ = top_key::none;
    bool in_result_ = false;
    bool at_message_id_ = false;
};

} // namespace

std::optional<api_answer> read_sent_answer(std::string_view body) {
    sent_answer_reader reader;
    bool parsed = json::sax_parse(body, &reader, json::input_format_t::json, true, false);
    if (!parsed || reader.failed || !reader.saw_ok)
        return std::nullopt;
    api_answer a;
    a.ok = true;
    a.message_id = std::move(reader.message_id);
    return a;
}

} // namespace cnscd::telegram
