#include "messages/catalog.hpp"

#include "messages/markup.hpp"

#include <cctype>
#include <utility>

namespace cnscd {

std::string_view catalog_vi(text key);
std::string_view catalog_en(text key);

std::optional<language> language_from_code(std::string_view code) {
    if (code.starts_with("vi"))
        return language::vi;
    if (code.starts_with("en"))
        return language::en;
    return std::nullopt;
}

std::string_view language_code(language l) {
    return l == language::vi ? "vi" : "en";
}

std::string_view template_of(language lang, text key) {
    return lang == language::vi ? catalog_vi(key) : catalog_en(key);
}

arg::arg(std::string_view n, std::string_view user_text) : name(n), value(markup::escape(user_text)) {}
arg::arg(std::string_view n, const std::string& user_text) : name(n), value(markup::escape(user_text)) {}
arg::arg(std::string_view n, const char* user_text) : name(n), value(markup::escape(user_text)) {}
arg::arg(std::string_view n, std::int64_t number) : name(n), value(std::to_string(number)) {}
arg::arg(std::string_view n, int number) : name(n), value(std::to_string(number)) {}

arg arg::markup(std::string_view n, std::string html_lite) {
    arg a;
    a.name = n;
    a.value = std::move(html_lite);
    return a;
}

namespace {

// The template's own noun after a count of one, in English: "{n} records" with n = 1 reads
// "1 record". Only the template's words change, never an argument's (a visit note, a
// broadcast).
std::size_t english_singular(std::string_view tpl, std::size_t after, std::string& out) {
    static const std::pair<std::string_view, std::string_view> nouns[] = {
        {"records", "record"},   {"people", "person"},      {"visits", "visit"},
        {"sessions", "session"}, {"attendees", "attendee"}, {"households", "household"},
        {"members", "member"},   {"groups", "group"},       {"teams", "team"},
        {"days", "day"},         {"times", "time"},         {"activities", "activity"}};
    for (auto [many, one] : nouns) {
        auto rest = tpl.substr(after);
        if (rest.size() > many.size() && rest[0] == ' ' && rest.substr(1, many.size()) == many &&
            (rest.size() == many.size() + 1 ||
             !std::isalpha(static_cast<unsigned char>(rest[many.size() + 1])))) {
            out += ' ';
            out += one;
            return 1 + many.size();
        }
    }
    return 0;
}

} // namespace

std::string fill(std::string_view tpl, std::initializer_list<arg> args, bool english) {
    std::string out;
    out.reserve(tpl.size() + 32);
    for (std::size_t i = 0; i < tpl.size(); ++i) {
        if (tpl[i] == '{') {
            auto end = tpl.find('}', i);
            if (end != std::string_view::npos) {
                auto name = tpl.substr(i + 1, end - i - 1);
                const arg* found = nullptr;
                for (auto& a : args)
                    if (a.name == name) {
                        found = &a;
                        break;
                    }
                if (found) {
                    out += found->value;
                    i = end;
                    if (english && found->value == "1")
                        i += english_singular(tpl, end + 1, out);
                    continue;
                }
            }
        }
        out += tpl[i];
    }
    return out;
}

std::string format_count(language lang, std::int64_t n) {
    auto digits = std::to_string(n < 0 ? -n : n);
    std::string out;
    char sep = lang == language::vi ? '.' : ',';
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i && (digits.size() - i) % 3 == 0)
            out += sep;
        out += digits[i];
    }
    return n < 0 ? "-" + out : out;
}

} // namespace cnscd
