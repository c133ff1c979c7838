#pragma once

// Reading fields of JSON that comes from outside (platform answers, webhook bodies) without
// json::value(), which throws when a field has another type than the default's: a forged or
// broken body must get a clear refusal, never stop the bot.

#include <nlohmann/json.hpp>

#include <string>

namespace cnscd {

// obj[key] when obj is an object and the field is a boolean, else `fallback`.
inline bool bool_field(const nlohmann::json& obj, const char* key, bool fallback = false) {
    if (!obj.is_object())
        return fallback;
    auto it = obj.find(key);
    return it != obj.end() && it->is_boolean() ? it->get<bool>() : fallback;
}

// obj[key] when obj is an object and the field is a string, else `fallback`.
inline std::string string_field(const nlohmann::json& obj, const char* key, std::string fallback = {}) {
    if (!obj.is_object())
        return fallback;
    auto it = obj.find(key);
    return it != obj.end() && it->is_string() ? it->get<std::string>() : fallback;
}

} // namespace cnscd
