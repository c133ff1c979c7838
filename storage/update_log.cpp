#include "storage/update_log.hpp"

#include "storage/database.hpp"
#include "storage/sqlite_connection.hpp"

#include <charconv>

namespace cnscd {
namespace {

// Telegram's update_id is kept as an integer so it sorts and compares as one.
void bind_key(SQLite::Statement& st, int index, std::string_view key) {
    std::int64_t n = 0;
    auto [end, ec] = std::from_chars(key.data(), key.data() + key.size(), n);
    if (ec == std::errc() && end == key.data() + key.size() && !key.empty() && key[0] != '0')
        st.bind(index, n);
    else
        st.bind(index, std::string(key));
}

} // namespace

bool update_log::record(channel platform, std::string_view key, std::int64_t now) {
    auto& st = db_.native().statement(
        "INSERT OR IGNORE INTO processed_updates (channel, update_id, processed_at) VALUES (?, ?, ?)");
    st.bind(1, std::string(channel_name(platform)));
    bind_key(st, 2, key);
    st.bind(3, static_cast<std::int64_t>(now));
    return st.exec() == 1;
}

bool update_log::contains(channel platform, std::string_view key) {
    auto& st = db_.native().statement("SELECT 1 FROM processed_updates WHERE channel = ? AND update_id = ?");
    st.bind(1, std::string(channel_name(platform)));
    bind_key(st, 2, key);
    return st.executeStep();
}

int update_log::prune(std::int64_t before) {
    return db_.native().exec("DELETE FROM processed_updates WHERE processed_at < ?",
                             static_cast<std::int64_t>(before));
}

} // namespace cnscd
