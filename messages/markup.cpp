#include "messages/markup.hpp"

#include "messages/text_fold.hpp"

namespace cnscd::markup {

namespace {

// U+202A-U+202E and U+2066-U+2069 (E2 80 AA-AE, E2 81 A6-A9): direction overrides and
// isolates. Left unclosed in a name or an address, they turn the rest of the bot's line around.
bool bidi_control_at(std::string_view s, std::size_t i) {
    if (i + 2 >= s.size() || static_cast<unsigned char>(s[i]) != 0xE2)
        return false;
    auto b1 = static_cast<unsigned char>(s[i + 1]), b2 = static_cast<unsigned char>(s[i + 2]);
    return (b1 == 0x80 && b2 >= 0xAA && b2 <= 0xAE) || (b1 == 0x81 && b2 >= 0xA6 && b2 <= 0xA9);
}

} // namespace

std::string escape(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (bidi_control_at(text, i)) {
            i += 2;
            continue;
        }
        char c = text[i];
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

// UTF-16 units of the character led by byte `c` (0 for a continuation byte): the platforms
// count lengths in UTF-16, where an emoji beyond the BMP takes two.
std::size_t utf16_units(unsigned char c) {
    if ((c & 0xC0) == 0x80)
        return 0;
    return c >= 0xF0 ? 2 : 1;
}

// Byte offset where the first `units` UTF-16 units of `s` end, never inside a character.
std::size_t byte_offset(std::string_view s, std::size_t units) {
    std::size_t n = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
        auto w = utf16_units(static_cast<unsigned char>(s[i]));
        if (w == 0)
            continue;
        if (n + w > units)
            return i;
        n += w;
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

// Updates `open` (the tags open before `part`) to the tags still open after it.
void track_tags(std::string_view part, std::vector<std::string>& open) {
    for (auto lt = part.find('<'); lt != std::string_view::npos; lt = part.find('<', lt + 1)) {
        auto gt = part.find('>', lt);
        if (gt == std::string_view::npos)
            return;
        auto tag = part.substr(lt + 1, gt - lt - 1);
        if (tag.starts_with('/')) {
            if (!open.empty())
                open.pop_back();
        } else {
            open.emplace_back(tag.substr(0, tag.find(' ')));
        }
    }
}

} // namespace

std::vector<std::string> split(std::string_view s, std::size_t max_chars) {
    std::vector<std::string> parts;
    // A part ends with the tags it leaves open closed, and the next opens them again: Telegram
    // refuses a text whose tags do not match. Tags are not counted by the platforms.
    std::vector<std::string> open;
    auto add_part = [&](std::string_view raw) {
        std::string part;
        for (auto& t : open)
            part += "<" + t + ">";
        part += raw;
        track_tags(raw, open);
        for (auto t = open.rbegin(); t != open.rend(); ++t)
            part += "</" + *t + ">";
        parts.push_back(std::move(part));
    };
    while (utf16_length(s) > max_chars) {
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
        add_part(s.substr(0, cut));
        s.remove_prefix(cut);
        while (!s.empty() && (s.front() == '\n' || s.front() == ' '))
            s.remove_prefix(1);
    }
    if (parts.empty())
        parts.emplace_back(s); // short enough: as it is
    else if (!s.empty())
        add_part(s);
    return parts;
}

} // namespace cnscd::markup
