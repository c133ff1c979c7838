#pragma once

// Words typed in telex with the keyboard not switched to Vietnamese: the keys that would have
// made the marks stay in the word ("cais" for "cái", "huwowngs daanx" for "hướng dẫn", "ddinhj"
// for "định"). Read as the folded words they spell. Internal to the activity parser.

#include <string>
#include <string_view>

namespace cnscd {

// `folded` is one folded word (lower case, no marks). The folded word it spells in telex, when
// that is one the bot reads (a topic keyword's word or an activity word); otherwise `folded`.
// English words stay as they are: "for", "this", "bills" spell no word the bot reads so.
std::string untelex_word(std::string folded);

// Every word of a folded text, as untelex_word reads it.
std::string untelex(std::string_view folded_text);

} // namespace cnscd
