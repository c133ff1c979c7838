#include "storage/visit_photo_store.hpp"

#include "storage/database.hpp"
#include "storage/sqlite_connection.hpp"
#include "storage/visit_store.hpp"

#include <algorithm>

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

int visit_photo_store::hold_album_part(std::int64_t member_id, const std::string& album, channel platform,
                                       const attachment& file, std::int64_t now, std::int64_t drop_before) {
    drop_album_parts(drop_before);
    auto& c = db_.native();
    c.exec(
        "INSERT INTO album_parts_waiting (member_id, album, channel, kind, file_ref, file_name, received_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        member_id, album, std::string(channel_name(platform)), file.kind, file.file_ref, file.file_name, now);
    auto& st = c.query("SELECT count(*) FROM album_parts_waiting WHERE member_id = ? AND album = ?",
                       member_id, album);
    return st.executeStep() ? st.getColumn(0).getInt() : 0;
}

void visit_photo_store::drop_album_parts(std::int64_t before) {
    db_.native().exec("DELETE FROM album_parts_waiting WHERE received_at < ?", before);
}

std::vector<visit_photo> visit_photo_store::take_album_parts(std::int64_t member_id, const std::string& album,
                                                             std::int64_t since, int limit) {
    std::vector<visit_photo> out;
    auto& st =
        db_.native().query("SELECT channel, kind, file_ref, file_name, received_at FROM album_parts_waiting "
                           "WHERE member_id = ? AND album = ? AND received_at >= ? ORDER BY id LIMIT ?",
                           member_id, album, since, std::max(limit, 0)); // a negative LIMIT is none
    while (st.executeStep()) {
        visit_photo p;
        p.platform = channel_from_name(st.getColumn(0).getString()).value_or(channel::telegram);
        p.file = {st.getColumn(1).getString(), st.getColumn(2).getString(), st.getColumn(3).getString()};
        p.album = album;
        p.added_by = member_id;
        p.added_at = st.getColumn(4).getInt64();
        out.push_back(std::move(p));
    }
    // Beyond the record's room, or from too long ago: dropped with the rest.
    db_.native().exec("DELETE FROM album_parts_waiting WHERE member_id = ? AND album = ?", member_id, album);
    return out;
}

int visit_photo_store::move_album(std::int64_t member_id, const std::string& album, std::int64_t since,
                                  std::int64_t visit_id, int limit) {
    std::vector<std::pair<std::int64_t, std::int64_t>> photos; // photo id, record it is on
    auto& st =
        db_.native().query("SELECT id, visit_id FROM visit_photos WHERE added_by = ? AND album = ? AND "
                           "album <> '' AND added_at >= ? AND visit_id <> ? ORDER BY id",
                           member_id, album, since, visit_id);
    while (st.executeStep() && static_cast<int>(photos.size()) < limit)
        photos.emplace_back(st.getColumn(0).getInt64(), st.getColumn(1).getInt64());
    st.tryReset(); // not left open on the rows it is about to change
    if (photos.empty())
        return 0;
    bool had_none = count_of(visit_id) == 0;
    for (auto& [photo, from] : photos)
        db_.native().exec("UPDATE visit_photos SET visit_id = ? WHERE id = ?", visit_id, photo);
    visit_store visits(db_);
    if (had_none)
        visits.count_evidence(visit_id);
    std::vector<std::int64_t> left;
    for (auto& [photo, from] : photos)
        if (std::find(left.begin(), left.end(), from) == left.end() && count_of(from) == 0) {
            visits.count_evidence(from, -1);
            left.push_back(from);
        }
    return static_cast<int>(photos.size());
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
