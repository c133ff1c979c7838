#include "messages/markup.hpp"

namespace cnscd::markup {

std::string escape(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        switch (c) {
        case '<':
            out += "&lt;";
            break;
        case '>':
            out += "&gt;";
            break;
        case '&':
            out += "&amp;";
            break;
        case '"':
            out += "&quot;";
            break;
        default:
            out += c;
        }
    }
    return out;
}

std::string to_plain(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '<') {
            auto end = s.find('>', i);
            if (end != std::string_view::npos) {
                i = end;
                continue;
            }
        }
        if (s[i] == '&') {
            static constexpr std::pair<std::string_view, char> entities[] = {
                {"&lt;", '<'}, {"&gt;", '>'}, {"&amp;", '&'}, {"&quot;", '"'}};
            bool done = false;
            for (auto [name, ch] : entities)
                if (s.substr(i, name.size()) == name) {
                    out += ch;
                    i += name.size() - 1;
                    done = true;
                    break;
                }
            if (done)
                continue;
        }
        out += s[i];
    }
    return out;
}

namespace {

std::size_t utf8_length(std::string_view s) {
    std::size_t n = 0;
    for (unsigned char c : s)
        n += (c & 0xC0) != 0x80;
    return n;
}

// Byte offset of the position `chars` characters into `s` (or s.size()).
std::size_t byte_offset(std::string_view s, std::size_t chars) {
    std::size_t n = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) {
            if (n == chars)
                return i;
            ++n;
        }
    }
    return s.size();
}

// True when position `pos` is inside a tag or an entity.
bool inside_markup(std::string_view s, std::size_t pos) {
    auto lt = s.rfind('<', pos == 0 ? 0 : pos - 1);
    auto gt = s.rfind('>', pos == 0 ? 0 : pos - 1);
    if (lt != std::string_view::npos && (gt == std::string_view::npos || gt < lt) && pos > lt)
        return true;
    auto amp = s.rfind('&', pos == 0 ? 0 : pos - 1);
    auto semi = s.rfind(';', pos == 0 ? 0 : pos - 1);
    return amp != std::string_view::npos && (semi == std::string_view::npos || semi < amp) && pos > amp &&
           pos - amp < 8;
}

} // namespace

std::vector<std::string> split(std::string_view s, std::size_t max_chars) {
    std::vector<std::string> parts;
    while (utf8_length(s) > max_chars) {
        auto limit = byte_offset(s, max_chars);
        auto cut = s.rfind('\n', limit);
        if (cut == std::string_view::npos || cut < limit / 2)
            cut = s.rfind(' ', limit);
        if (cut == std::string_view::npos || cut == 0)
            cut = limit;
        while (cut > 0 && inside_markup(s, cut))
            --cut;
        if (cut == 0)
            cut = limit;
        parts.emplace_back(s.substr(0, cut));
        s.remove_prefix(cut);
        while (!s.empty() && (s.front() == '\n' || s.front() == ' '))
            s.remove_prefix(1);
    }
    if (!s.empty() || parts.empty())
        parts.emplace_back(s);
    return parts;
}

} // namespace cnscd::markup
