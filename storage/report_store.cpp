#include "storage/report_store.hpp"

#include "storage/database.hpp"
#include "storage/sqlite_connection.hpp"

namespace cnscd {

namespace {

constexpr const char* submission_columns =
    "SELECT id, ward_id, team_id, deadline_code, period_key, figures, comment, submitted_by, submitted_at, "
    "on_time, replaced_by FROM report_submissions ";

report_submission read_submission(SQLite::Statement& st) {
    report_submission s;
    s.id = st.getColumn(0).getInt64();
    s.ward_id = st.getColumn(1).getInt64();
    if (!st.getColumn(2).isNull())
        s.team_id = st.getColumn(2).getInt64();
    s.deadline_code = st.getColumn(3).getString();
    s.period_key = st.getColumn(4).getString();
    s.figures_json = st.getColumn(5).getString();
    s.comment = st.getColumn(6).getString();
    if (!st.getColumn(7).isNull())
        s.submitted_by = st.getColumn(7).getInt64();
    s.submitted_at = st.getColumn(8).getInt64();
    s.on_time = st.getColumn(9).getInt() != 0;
    if (!st.getColumn(10).isNull())
        s.replaced_by = st.getColumn(10).getInt64();
    return s;
}

} // namespace

std::int64_t report_store::submit(report_submission s) {
    auto& c = db_.native();
    auto previous = current(s.ward_id, s.team_id, s.deadline_code, s.period_key);
    c.exec("INSERT INTO report_submissions (ward_id, team_id, deadline_code, period_key, figures, comment, "
           "submitted_by, submitted_at, on_time) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
           s.ward_id, s.team_id, s.deadline_code, s.period_key, s.figures_json, s.comment, s.submitted_by,
           s.submitted_at, s.on_time);
    auto id = c.db.getLastInsertRowid();
    if (previous)
        c.exec("UPDATE report_submissions SET replaced_by = ? WHERE id = ?", id, previous->id);
    return id;
}

std::optional<report_submission> report_store::current(std::int64_t ward_id,
                                                       std::optional<std::int64_t> team_id,
                                                       const std::string& deadline_code,
                                                       const std::string& period_key) {
    static const std::string sql =
        std::string(submission_columns) +
        "WHERE ward_id = ? AND team_id IS ? AND deadline_code = ? AND period_key = ? "
        "AND replaced_by IS NULL ORDER BY id DESC LIMIT 1";
    auto& st = db_.native().query(sql.c_str(), ward_id, team_id, deadline_code, period_key);
    if (!st.executeStep())
        return std::nullopt;
    return read_submission(st);
}

std::vector<report_submission> report_store::history(std::int64_t ward_id,
                                                     std::optional<std::int64_t> team_id,
                                                     const std::string& deadline_code,
                                                     const std::string& period_key) {
    static const std::string sql =
        std::string(submission_columns) +
        "WHERE ward_id = ? AND team_id IS ? AND deadline_code = ? AND period_key = ? "
        "ORDER BY id";
    auto& st = db_.native().query(sql.c_str(), ward_id, team_id, deadline_code, period_key);
    std::vector<report_submission> out;
    while (st.executeStep())
        out.push_back(read_submission(st));
    return out;
}

std::vector<report_submission> report_store::current_of_ward(std::int64_t ward_id,
                                                             const std::string& deadline_code,
                                                             const std::string& period_key) {
    static const std::string sql = std::string(submission_columns) +
                                   "WHERE ward_id = ? AND deadline_code = ? AND period_key = ? "
                                   "AND replaced_by IS NULL ORDER BY id";
    auto& st = db_.native().query(sql.c_str(), ward_id, deadline_code, period_key);
    std::vector<report_submission> out;
    while (st.executeStep())
        out.push_back(read_submission(st));
    return out;
}

bool reminder_store::planned(const reminder_key& k) {
    return outcome(k).has_value();
}

std::optional<std::string> reminder_store::outcome(const reminder_key& k) {
    auto& st =
        db_.native().query("SELECT outcome FROM planned_reminders WHERE ward_id = ? AND team_id = ? AND "
                           "deadline_code = ? AND period_key = ? AND offset_days = ? AND audience = ?",
                           k.ward_id, k.team_id, k.deadline_code, k.period_key, k.offset_days, k.audience);
    if (!st.executeStep())
        return std::nullopt;
    return st.getColumn(0).getString();
}

std::int64_t reminder_store::planned_for_slot(std::int64_t ward_id, const std::string& deadline_code,
                                              const std::string& period_key, int offset_days,
                                              const std::string& audience) {
    auto& st =
        db_.native().query("SELECT count(*) FROM planned_reminders WHERE ward_id = ? AND deadline_code = ? "
                           "AND period_key = ? AND offset_days = ? AND audience = ?",
                           ward_id, deadline_code, period_key, offset_days, audience);
    st.executeStep();
    return st.getColumn(0).getInt64();
}

bool reminder_store::record(const planned_reminder& r) {
    auto& k = r.key;
    return db_.native().exec("INSERT OR IGNORE INTO planned_reminders (ward_id, team_id, deadline_code, "
                             "period_key, offset_days, audience, due_at, outcome, planned_at, messages) "
                             "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                             k.ward_id, k.team_id, k.deadline_code, k.period_key, k.offset_days, k.audience,
                             r.due_at, r.outcome, r.planned_at, r.messages) == 1;
}

std::vector<planned_reminder> reminder_store::all() {
    auto& st =
        db_.native().query("SELECT ward_id, team_id, deadline_code, period_key, offset_days, audience, "
                           "due_at, outcome, planned_at, messages FROM planned_reminders ORDER BY id");
    std::vector<planned_reminder> out;
    while (st.executeStep()) {
        planned_reminder r;
        r.key = {st.getColumn(0).getInt64(),  st.getColumn(1).getInt64(), st.getColumn(2).getString(),
                 st.getColumn(3).getString(), st.getColumn(4).getInt(),   st.getColumn(5).getString()};
        r.due_at = st.getColumn(6).getInt64();
        r.outcome = st.getColumn(7).getString();
        r.planned_at = st.getColumn(8).getInt64();
        r.messages = st.getColumn(9).getInt();
        out.push_back(std::move(r));
    }
    return out;
}

std::int64_t reminder_store::count() {
    auto& st = db_.native().query("SELECT count(*) FROM planned_reminders");
    st.executeStep();
    return st.getColumn(0).getInt64();
}

std::int64_t extra_deadline_store::add(extra_deadline d, std::int64_t now) {
    auto& c = db_.native();
    // The code is derived from the row id, so insert with a placeholder first.
    c.exec("INSERT INTO extra_deadlines (ward_id, code, name, due_day, time, created_by, created_at) "
           "VALUES (?, 'new-' || ?, ?, ?, ?, ?, ?)",
           d.ward_id, now, d.name, d.due_day, d.time, d.created_by, now);
    auto id = c.db.getLastInsertRowid();
    c.exec("UPDATE extra_deadlines SET code = 'once-' || id WHERE id = ?", id);
    return id;
}

std::vector<extra_deadline> extra_deadline_store::of_ward(std::int64_t ward_id) {
    auto& st = db_.native().query(
        "SELECT id, ward_id, code, name, due_day, time, created_by FROM extra_deadlines WHERE ward_id = ? "
        "ORDER BY due_day, id",
        ward_id);
    std::vector<extra_deadline> out;
    while (st.executeStep()) {
        extra_deadline d;
        d.id = st.getColumn(0).getInt64();
        d.ward_id = st.getColumn(1).getInt64();
        d.code = st.getColumn(2).getString();
        d.name = st.getColumn(3).getString();
        d.due_day = st.getColumn(4).getString();
        d.time = st.getColumn(5).getString();
        if (!st.getColumn(6).isNull())
            d.created_by = st.getColumn(6).getInt64();
        out.push_back(std::move(d));
    }
    return out;
}

} // namespace cnscd
