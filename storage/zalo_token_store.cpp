#include "storage/zalo_token_store.hpp"

#include "storage/database.hpp"
#include "storage/sqlite_connection.hpp"

namespace cnscd {

std::optional<zalo_token_pair> zalo_token_store::get() {
    auto& st = db_.native().statement("SELECT access_token, refresh_token, expires_at, updated_at, "
                                      "refresh_started_at FROM zalo_oa_tokens WHERE id = 1");
    if (!st.executeStep())
        return std::nullopt;
    return zalo_token_pair{st.getColumn(0).getString(), st.getColumn(1).getString(),
                           st.getColumn(2).getInt64(), st.getColumn(3).getInt64(),
                           st.getColumn(4).getInt64()};
}

void zalo_token_store::put(const std::string& access_token, const std::string& refresh_token,
                           std::int64_t expires_at, std::int64_t now) {
    db_.native().exec("INSERT INTO zalo_oa_tokens (id, access_token, refresh_token, expires_at, updated_at, "
                      "refresh_started_at) VALUES (1, ?, ?, ?, ?, 0) ON CONFLICT (id) DO UPDATE SET "
                      "access_token = excluded.access_token, refresh_token = excluded.refresh_token, "
                      "expires_at = excluded.expires_at, updated_at = excluded.updated_at, "
                      "refresh_started_at = 0",
                      access_token, refresh_token, expires_at, now);
}

void zalo_token_store::mark_refresh_started(std::int64_t now) {
    db_.native().exec("UPDATE zalo_oa_tokens SET refresh_started_at = ? WHERE id = 1", now);
}

void zalo_token_store::clear_refresh_started() {
    db_.native().exec("UPDATE zalo_oa_tokens SET refresh_started_at = 0 WHERE id = 1");
}

} // namespace cnscd
