#include "storage/visit_photo_store.hpp"

#include "storage/database.hpp"
#include "storage/sqlite_connection.hpp"
#include "storage/visit_store.hpp"

namespace cnscd {

void visit_photo_store::add(const visit_photo& p) {
    db_.native().exec(
        "INSERT INTO visit_photos (visit_id, channel, kind, file_ref, file_name, album, added_by, added_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        p.visit_id, std::string(channel_name(p.platform)), p.file.kind, p.file.file_ref, p.file.file_name,
        p.album, p.added_by, p.added_at);
    if (count_of(p.visit_id) == 1)
        visit_store(db_).count_evidence(p.visit_id);
}

std::vector<visit_photo> visit_photo_store::of_visit(std::int64_t visit_id) {
    std::vector<visit_photo> out;
    auto& st = db_.native().query("SELECT channel, kind, file_ref, file_name, added_by, added_at FROM "
                                  "visit_photos WHERE visit_id = ? ORDER BY id",
                                  visit_id);
    while (st.executeStep()) {
        visit_photo p;
        p.visit_id = visit_id;
        p.platform = channel_from_name(st.getColumn(0).getString()).value_or(channel::telegram);
        p.file = {st.getColumn(1).getString(), st.getColumn(2).getString(), st.getColumn(3).getString()};
        p.added_by = st.getColumn(4).getInt64();
        p.added_at = st.getColumn(5).getInt64();
        out.push_back(std::move(p));
    }
    return out;
}

int visit_photo_store::count_of(std::int64_t visit_id) {
    auto& st = db_.native().query("SELECT count(*) FROM visit_photos WHERE visit_id = ?", visit_id);
    return st.executeStep() ? st.getColumn(0).getInt() : 0;
}

std::optional<std::int64_t> visit_photo_store::visit_of_album(std::int64_t member_id,
                                                              const std::string& album, std::int64_t since) {
    // "album <> ''" lets SQLite use the partial index: it cannot tell that the bound album is not empty.
    auto& st = db_.native().query("SELECT visit_id FROM visit_photos WHERE added_by = ? AND album = ? AND "
                                  "album <> '' AND added_at >= ? ORDER BY id DESC LIMIT 1",
                                  member_id, album, since);
    if (!st.executeStep())
        return std::nullopt;
    return st.getColumn(0).getInt64();
}

std::map<std::int64_t, int> visit_photo_store::counts_in_ward(std::int64_t ward_id, const day_range& range) {
    std::map<std::int64_t, int> out;
    // Through the ward's visits of the period (their ward/day index), which the export reads anyway.
    auto& st =
        db_.native().query("SELECT p.visit_id, count(*) FROM visit_photos p JOIN visits v ON v.id = "
                           "p.visit_id WHERE v.ward_id = ? AND v.day BETWEEN ? AND ? GROUP BY p.visit_id",
                           ward_id, range.from, range.to);
    while (st.executeStep())
        out[st.getColumn(0).getInt64()] = st.getColumn(1).getInt();
    return out;
}

} // namespace cnscd
