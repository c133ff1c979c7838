#include "storage/meta_store.hpp"

#include "storage/database.hpp"
#include "storage/sqlite_connection.hpp"

namespace cnscd {

std::optional<std::string> meta_store::get(const std::string& key) {
    auto& st = db_.native().query("SELECT value FROM meta WHERE key = ?", key);
    if (!st.executeStep())
        return std::nullopt;
    return st.getColumn(0).getString();
}

void meta_store::set(const std::string& key, const std::string& value) {
    db_.native().exec(
        "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        key, value);
}

void meta_store::erase(const std::string& key) {
    db_.native().exec("DELETE FROM meta WHERE key = ?", key);
}

std::int64_t meta_store::get_int(const std::string& key, std::int64_t fallback) {
    auto v = get(key);
    if (!v)
        return fallback;
    try {
        return std::stoll(*v);
    } catch (...) {
        return fallback;
    }
}

} // namespace cnscd
