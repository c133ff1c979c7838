#include "storage/zalo_token_store.hpp"

#include "storage/database.hpp"
#include "storage/sqlite_connection.hpp"

namespace cnscd {
namespace {
constexpr std::string_view sealed_prefix = "sealed:";
}

std::string zalo_token_store::seal(const std::string& token) const {
    if (!sealer_.has_key() || token.empty())
        return token;
    return std::string(sealed_prefix) + sealer_.seal_hex(token);
}

std::string zalo_token_store::open(const std::string& stored) const {
    if (!std::string_view(stored).starts_with(sealed_prefix))
        return stored;
    auto plain = sealer_.open_hex(std::string_view(stored).substr(sealed_prefix.size()));
    if (!plain)
        throw database_error(sealer_.has_key()
                                 ? "the stored Zalo OA tokens were sealed with another data key. Fix: set "
                                   "CNSCD_DATA_KEY (or CNSCD_DATA_KEY_FILE) to the key in use when they were "
                                   "stored, or authorise again with `cnscd-bot zalo-auth`"
                                 : "the stored Zalo OA tokens are sealed and no data key is set. Fix: set "
                                   "CNSCD_DATA_KEY (or CNSCD_DATA_KEY_FILE) to the key in use when they were "
                                   "stored, or authorise again with `cnscd-bot zalo-auth`");
    return *plain;
}

std::optional<zalo_token_pair> zalo_token_store::get() {
    auto& st = db_.native().statement("SELECT access_token, refresh_token, expires_at, updated_at, "
                                      "refresh_started_at FROM zalo_oa_tokens WHERE id = 1");
    if (!st.executeStep())
        return std::nullopt;
    return zalo_token_pair{open(st.getColumn(0).getString()), open(st.getColumn(1).getString()),
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
                      seal(access_token), seal(refresh_token), expires_at, now);
}

void zalo_token_store::mark_refresh_started(std::int64_t now) {
    db_.native().exec("UPDATE zalo_oa_tokens SET refresh_started_at = ? WHERE id = 1", now);
}

void zalo_token_store::clear_refresh_started() {
    db_.native().exec("UPDATE zalo_oa_tokens SET refresh_started_at = 0 WHERE id = 1");
}

} // namespace cnscd
