#include "messages/guide_library.hpp"

#include "messages/markup.hpp"
#include "messages/text_fold.hpp"

namespace cnscd {
namespace {

// **bold** -> <b>bold</b>, after escaping.
std::string inline_markup(std::string_view line) {
    std::string escaped = markup::escape(line);
    std::string out;
    bool open = false;
    for (std::size_t i = 0; i < escaped.size(); ++i) {
        if (escaped.compare(i, 2, "**") == 0) {
            out += open ? "</b>" : "<b>";
            open = !open;
            ++i;
            continue;
        }
        out += escaped[i];
    }
    if (open)
        out += "</b>";
    return out;
}

} // namespace

guide parse_guide(std::string_view slug, std::string_view text) {
    guide g;
    g.slug = std::string(slug);
    std::string_view rest = text;
    auto next_line = [&]() {
        auto nl = rest.find('\n');
        auto line = rest.substr(0, nl);
        rest = nl == std::string_view::npos ? std::string_view{} : rest.substr(nl + 1);
        return line;
    };
    if (trim(next_line()) != "---")
        return g; // no header
    while (!rest.empty()) {
        auto line = trim(next_line());
        if (line == "---")
            break;
        auto colon = line.find(':');
        if (colon == std::string_view::npos)
            continue;
        auto key = trim(line.substr(0, colon));
        auto value = trim(line.substr(colon + 1));
        if (key == "title")
            g.title = std::string(value);
        else if (key == "keywords")
            g.keywords = std::string(value);
        else if (key == "topics") {
            while (!value.empty()) {
                auto comma = value.find(',');
                auto item = trim(value.substr(0, comma));
                if (!item.empty())
                    g.topics.emplace_back(item);
                value = comma == std::string_view::npos ? std::string_view{} : value.substr(comma + 1);
            }
        }
    }
    g.body = std::string(trim(rest));
    return g;
}

std::vector<guide> builtin_guides() {
    std::vector<guide> out;
    for (auto& e : embedded_guides())
        out.push_back(parse_guide(e.slug, e.text));
    return out;
}

std::string guide_to_markup(const guide& g) {
    std::string out;
    std::string_view rest = g.body;
    while (!rest.empty() || !out.empty()) {
        auto nl = rest.find('\n');
        auto line = rest.substr(0, nl);
        rest = nl == std::string_view::npos ? std::string_view{} : rest.substr(nl + 1);
        auto t = trim(line);
        if (t.starts_with("#")) {
            while (t.starts_with("#"))
                t.remove_prefix(1);
            out += "<b>" + markup::escape(trim(t)) + "</b>";
        } else if (t.starts_with("- ") || t.starts_with("* ")) {
            out += "• " + inline_markup(t.substr(2));
        } else {
            out += inline_markup(t);
        }
        if (rest.empty())
            break;
        out += '\n';
    }
    return out;
}

std::vector<const guide*> search_guides(const std::vector<guide>& guides, std::string_view query) {
    auto q = fold(query);
    std::vector<std::string> words;
    for (std::size_t i = 0; i < q.size();) {
        auto j = q.find(' ', i);
        if (j == std::string::npos)
            j = q.size();
        if (j > i)
            words.push_back(q.substr(i, j - i));
        i = j + 1;
    }
    std::vector<const guide*> exact, hits;
    for (auto& g : guides) {
        if (fold(g.slug) == q) {
            exact.push_back(&g);
            continue;
        }
        auto haystack = fold(g.slug + " " + g.title + " " + g.keywords);
        for (auto& t : g.topics)
            haystack += " " + t;
        bool all = !words.empty();
        for (auto& w : words)
            all = all && haystack.find(w) != std::string::npos;
        if (all)
            hits.push_back(&g);
    }
    exact.insert(exact.end(), hits.begin(), hits.end());
    return exact;
}

} // namespace cnscd
