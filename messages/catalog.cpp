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

std::string fill(std::string_view tpl, std::initializer_list<arg> args) {
    std::string out;
    out.reserve(tpl.size() + 32);
    for (std::size_t i = 0; i < tpl.size(); ++i) {
        if (tpl[i] == '{') {
            auto end = tpl.find('}', i);
            if (end != std::string_view::npos) {
                auto name = tpl.substr(i + 1, end - i - 1);
                bool found = false;
                for (auto& a : args)
                    if (a.name == name) {
                        out += a.value;
                        found = true;
                        break;
                    }
                if (found) {
                    i = end;
                    continue;
                }
            }
        }
        out += tpl[i];
    }
    return out;
}

void use_english_singulars(std::string& text) {
    static const std::pair<std::string_view, std::string_view> nouns[] = {
        {"records", "record"},   {"people", "person"},      {"visits", "visit"},
        {"sessions", "session"}, {"attendees", "attendee"}, {"households", "household"},
        {"members", "member"},   {"groups", "group"},       {"teams", "team"},
        {"days", "day"}};
    auto letter = [](char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; };
    for (auto [many, one] : nouns) {
        std::string pattern = "1 " + std::string(many);
        for (auto at = text.find(pattern); at != std::string::npos; at = text.find(pattern, at + 1)) {
            char before = at > 0 ? text[at - 1] : ' ';
            auto after = at + pattern.size();
            // "1 records" alone: not "11 records", "2,1 records" or "1 recordsX".
            if (std::isdigit(static_cast<unsigned char>(before)) || before == ',' || before == '.' ||
                (after < text.size() && letter(text[after])))
                continue;
            text.replace(at + 2, many.size(), one);
        }
    }
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
