#pragma once

// The topics members help residents with (reference/domain.md) and the words that name
// them. This table is the one place keywords live; `cnscd-bot parse --json` shows how a
// message is read, for tuning it.

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace cnscd {

struct topic {
    std::string_view code;    // counted by: "vneid"
    std::string_view name_vi; // "Định danh điện tử VNeID"
    std::string_view name_en;
    std::string_view short_vi; // button label: "VNeID"
    std::string_view keywords; // folded phrases separated by '|', matched on word boundaries
};

std::span<const topic> all_topics();
const topic* find_topic(std::string_view code);

// Topic codes named in already-folded text, in order of first mention, without repeats.
std::vector<std::string> find_topics(std::string_view folded_text);

// Does already-folded text name a bank, a bank account or a transfer ("ngan hang", "tai khoan",
// "vietcombank", "mb")? Biometric authentication there is the bank app's, not VNeID's.
bool about_a_bank(std::string_view folded_text);

// Byte ranges [begin, end) of every keyword phrase found in already-folded text.
std::vector<std::pair<std::size_t, std::size_t>> topic_phrase_spans(std::string_view folded_text);

} // namespace cnscd
