#pragma once

// The guide library: short how-tos members read out to residents. Built-in guides are the
// Markdown files in messages/guides/ (compiled into the binary); ward staff add more from chat.
// A guide file starts with a header:
//   ---
//   title: ...
//   topics: vneid
//   keywords: vneid, định danh, ...
//   ---

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace cnscd {

struct embedded_guide {
    std::string_view slug;
    std::string_view text; // the whole file
};
std::span<const embedded_guide> embedded_guides();

struct guide {
    std::string slug;
    std::string title;
    std::vector<std::string> topics;
    std::string keywords; // as written
    std::string body;     // Markdown
};

// Reads a guide file; empty title if the header is missing.
guide parse_guide(std::string_view slug, std::string_view text);
std::vector<guide> builtin_guides();

// The guide's body as HTML-lite: headings and **bold** become <b>, "- " items become "• ".
std::string guide_to_markup(const guide& g);

// Guides whose slug, title or keywords contain every word of `query`, accent-insensitively;
// an exact slug match comes first.
std::vector<const guide*> search_guides(const std::vector<guide>& guides, std::string_view query);

} // namespace cnscd
