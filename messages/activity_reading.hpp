#pragma once

// A /tham or /buoi read word by word, shared by parse_activity and /sua's parse_edit.
// Internal to the activity parser.

#include "messages/activity_words.hpp"
#include "messages/command.hpp"

#include <chrono>
#include <expected>

namespace cnscd::activity_detail {

// A message read, with its words and which of them the rules used (counts and dates), for
// /sua to tell a new description from corrections.
struct reading {
    activity_details d;
    std::vector<token> toks;
    std::vector<bool> used;
    std::string_view text;            // what was read, trimmed
    std::size_t description_from = 0; // where in `text` the description starts, after the place
};

std::expected<reading, command_error> read_activity(std::string_view args, std::chrono::year_month_day today,
                                                    bool explain);

// How many words a verb of helping at token k takes ("cài" 1, "hướng dẫn" 2); 0 when none starts there.
std::size_t verb_words(const std::vector<token>& toks, std::size_t k);

// Does a topic phrase start at token k ("thanh toán QR", "VNeID")?
bool starts_topic(const std::vector<token>& toks, std::size_t k);

// Marks the words inside topic phrases, matching on the words joined by single spaces.
void mark_topic_words(const std::vector<token>& toks, std::vector<bool>& marks);

// "ok", "oke", "ừ", "vâng", "dạ", "👍", "🎉🎉": an acknowledgement, or nothing but emoji and
// punctuation. No visit is recorded from it.
bool acknowledgement(const std::vector<token>& toks);

} // namespace cnscd::activity_detail
