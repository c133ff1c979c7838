#pragma once

// Command names users may type: one canonical name per command and its aliases
// (Vietnamese without diacritics, English). Matching is on folded text (text_fold.hpp), so
// "/Báo_cáo", "/baocao" and "/báo cáo" all reach "baocao".

#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace cnscd {

struct command_spec {
    std::string_view name;    // canonical, e.g. "tham"
    std::string_view aliases; // space-separated, folded: "visit thamho"
    std::string_view english; // what English replies name it: "visit"
};

std::span<const command_spec> command_specs();

// The canonical name for a folded command word (name or alias), if any.
std::optional<std::string_view> canonical_command(std::string_view folded_word);

// The command's name as replies in `english` or Vietnamese show it: "adddeadline" or "hannop_them".
std::string_view command_word(std::string_view canonical, bool english);

// The word that asks a command about the whole ward, as replies name it: "phuong" or "ward"
// ("/thongke phuong").
std::string_view ward_word(bool english);

// The canonical name closest to a mistyped word (edit distance 1-2), or empty.
std::string nearest_command(std::string_view folded_word);

} // namespace cnscd
