#pragma once

// The bot's text format ("HTML-lite"): UTF-8 with only <b>, <i> and <code>, and &lt; &gt;
// &amp; &quot; escapes. Telegram takes it as parse_mode HTML; platforms without formatting
// get markup::to_plain.

#include <string>
#include <string_view>
#include <vector>

namespace cnscd::markup {

// Escapes text taken from users so it cannot inject tags, and drops the direction controls
// that would reverse the bot's words around it.
std::string escape(std::string_view text);
// Drops the tags and resolves the escapes.
std::string to_plain(std::string_view html_lite);
// Splits a long message at line breaks (then spaces) into parts of at most `max_chars`
// UTF-16 units, never inside a tag or an escape; each part closes the tags it opens.
std::vector<std::string> split(std::string_view html_lite, std::size_t max_chars);

} // namespace cnscd::markup
