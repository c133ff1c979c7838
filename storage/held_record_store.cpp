#include "storage/held_record_store.hpp"

#include "storage/database.hpp"
#include "storage/sqlite_connection.hpp"

namespace cnscd {

bool held_record_store::hold(channel platform, const std::string& user_id, const std::string& text,
                             const std::optional<attachment>& file, std::int64_t now, std::int64_t expires_at,
                             int limit) {
    auto name = std::string(channel_name(platform));
    auto& count = db_.native().query(
        "SELECT count(*) FROM held_records WHERE channel = ? AND user_id = ? AND expires_at >= ?", name,
        user_id, now);
    if (count.executeStep() && count.getColumn(0).getInt64() >= limit)
        return false;
    auto f = file.value_or(attachment{});
    db_.native().exec("INSERT INTO held_records (channel, user_id, text, written_at, expires_at, file_kind, "
                      "file_ref, file_name) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                      name, user_id, text, now, expires_at, f.kind, f.file_ref, f.file_name);
    return true;
}

std::vector<held_record> held_record_store::take(channel platform, const std::string& user_id,
                                                 std::int64_t now) {
    auto name = std::string(channel_name(platform));
    std::vector<held_record> out;
    auto& st = db_.native().query("SELECT text, written_at, file_kind, file_ref, file_name FROM held_records "
                                  "WHERE channel = ? AND user_id = ? AND expires_at >= ? ORDER BY id",
                                  name, user_id, now);
    while (st.executeStep()) {
        held_record h{st.getColumn(0).getString(), st.getColumn(1).getInt64(), std::nullopt};
        if (auto ref = st.getColumn(3).getString(); !ref.empty())
            h.file = attachment{st.getColumn(2).getString(), ref, st.getColumn(4).getString()};
        out.push_back(std::move(h));
    }
    db_.native().exec("DELETE FROM held_records WHERE channel = ? AND user_id = ?", name, user_id);
    return out;
}

int held_record_store::purge(std::int64_t now) {
    return db_.native().exec("DELETE FROM held_records WHERE expires_at < ?", now);
}

} // namespace cnscd
