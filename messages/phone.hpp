#pragma once

// Vietnamese phone numbers: normalised to +84 form, validated, and masked for display.

#include <optional>
#include <string>
#include <string_view>

namespace cnscd {

// "0905 123 456", "84905123456", "+84 905.123.456" -> "+84905123456"; nullopt when it is not
// a Vietnamese mobile or landline number.
std::optional<std::string> normalize_phone(std::string_view text);

// "+84905123456" -> "090****456" (for groups and lists).
std::string mask_phone(std::string_view normalized);
// "+84905100004" as people dial it: "0905100004"; anything else as it is.
std::string as_dialled(std::string_view normalized);

} // namespace cnscd
