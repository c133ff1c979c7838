#pragma once

// Writing JSON strings directly, byte for byte as nlohmann::json's dump() writes them, for the
// few bodies on every update's path (a reply, its outbox row) where building a json object
// just to print it cost more than the printing.

#include <string>
#include <string_view>

namespace cnscd {

// Appends `s` as a JSON string the way json::dump() writes it (UTF-8 kept, control characters
// escaped in lower-case hex); false, with nothing appended, if `s` is not valid UTF-8 (dump()
// then throws or replaces, so the caller takes the json object's path).
bool append_json_string(std::string& out, std::string_view s);

} // namespace cnscd
