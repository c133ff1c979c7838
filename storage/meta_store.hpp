#pragma once

// Small named values that must survive restarts: the polling offset, the bot's username,
// Zalo's token pair.

#include <cstdint>
#include <optional>
#include <string>

namespace cnscd {

class database;

class meta_store {
public:
    explicit meta_store(database& db) : db_(db) {}

    std::optional<std::string> get(const std::string& key);
    void set(const std::string& key, const std::string& value);
    void erase(const std::string& key);
    std::int64_t get_int(const std::string& key, std::int64_t fallback);

private:
    database& db_;
};

} // namespace cnscd
