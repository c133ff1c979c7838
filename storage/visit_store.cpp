#include "storage/visit_store.hpp"

#include "storage/database.hpp"
#include "storage/sqlite_connection.hpp"

#include <cstdio>

namespace cnscd {
namespace {

using ll = std::int64_t;

std::string join_topics(const std::vector<std::string>& topics) {
    std::string out;
    for (auto& t : topics) {
        if (!out.empty())
            out += ' ';
        out += t;
    }
    return out;
}

std::vector<std::string> split_topics(const std::string& s) {
    std::vector<std::string> out;
    std::size_t i = 0;
    while (i < s.size()) {
        auto j = s.find(' ', i);
        if (j == std::string::npos)
            j = s.size();
        if (j > i)
            out.push_back(s.substr(i, j - i));
        i = j + 1;
    }
    return out;
}

#define VISIT_COLUMNS                                                                                        \
    "id, kind, ward_id, team_id, member_id, day, recorded_at, place, topics, people, note, cancelled_at"

visit_record read_visit(SQLite::Statement& st) {
    visit_record v;
    v.id = st.getColumn(0).getInt64();
    v.kind = st.getColumn(1).getString() == "session" ? activity_kind::session : activity_kind::visit;
    v.ward_id = st.getColumn(2).getInt64();
    v.team_id = st.getColumn(3).getInt64();
    v.member_id = st.getColumn(4).getInt64();
    v.day = st.getColumn(5).getString();
    v.recorded_at = st.getColumn(6).getInt64();
    v.place = st.getColumn(7).getString();
    v.topics = split_topics(st.getColumn(8).getString());
    v.people = st.getColumn(9).getInt();
    v.note = st.getColumn(10).getString();
    v.cancelled = !st.getColumn(11).isNull();
    return v;
}

// Records with evidence are counted as a pseudo-topic of the topic totals, so team and ward
// stats read them with the topics; readers take it out of the topic list.
constexpr std::string_view evidence_topic = "~evidence";

void count_topic(storage_detail::sqlite_connection& c, const visit_record& v, std::string_view topic,
                 int sign, int people) {
    auto month = v.day.substr(0, 7);
    c.exec(
        "INSERT INTO topic_months (ward_id, month, team_id, topic, records, people) VALUES (?, ?, ?, ?, ?, ?) "
        "ON CONFLICT (ward_id, month, team_id, topic) DO UPDATE SET "
        "records = records + excluded.records, people = people + excluded.people",
        v.ward_id, month, v.team_id, topic, sign, sign * people);
    c.exec("INSERT INTO topic_days (ward_id, day, team_id, topic, records, people) VALUES (?, ?, ?, ?, ?, ?) "
           "ON CONFLICT (ward_id, day, team_id, topic) DO UPDATE SET "
           "records = records + excluded.records, people = people + excluded.people",
           v.ward_id, v.day, v.team_id, topic, sign, sign * people);
}

bool has_photos(storage_detail::sqlite_connection& c, std::int64_t id) {
    auto& st = c.query("SELECT EXISTS (SELECT 1 FROM visit_photos WHERE visit_id = ?)", id);
    st.executeStep();
    bool yes = st.getColumn(0).getInt() != 0;
    st.tryReset();
    return yes;
}

// Adds (sign = 1) or removes (sign = -1) a record's share of the daily totals.
void apply_totals(storage_detail::sqlite_connection& c, const visit_record& v, int sign) {
    auto kind = std::string(activity_kind_code(v.kind));
    c.exec("INSERT INTO member_days (ward_id, day, member_id, kind, team_id, records, people) "
           "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (ward_id, day, member_id, kind, team_id) DO UPDATE SET "
           "records = records + excluded.records, people = people + excluded.people",
           v.ward_id, v.day, v.member_id, kind, v.team_id, sign, sign * v.people);
    auto month = v.day.substr(0, 7);
    c.exec(
        "INSERT INTO member_months (ward_id, month, member_id, kind, team_id, records, people) "
        "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (ward_id, month, member_id, kind, team_id) DO UPDATE SET "
        "records = records + excluded.records, people = people + excluded.people",
        v.ward_id, month, v.member_id, kind, v.team_id, sign, sign * v.people);
    for (auto& t : v.topics)
        count_topic(c, v, t, sign, v.people);
    if (v.has_evidence)
        count_topic(c, v, evidence_topic, sign, 0);
}

void add_row(activity_totals& t, const std::string& kind, ll records, ll people) {
    if (kind == "session") {
        t.sessions += records;
        t.attendees += people;
    } else {
        t.visits += records;
        t.people += people;
    }
}

void read_topics(SQLite::Statement& st, activity_totals& t) {
    while (st.executeStep()) {
        if (st.getColumn(0).getString() == evidence_topic) {
            t.with_evidence += st.getColumn(1).getInt64();
            continue;
        }
        auto& tt = t.topics[st.getColumn(0).getString()];
        tt.records += st.getColumn(1).getInt64();
        tt.people += st.getColumn(2).getInt64();
    }
    std::erase_if(t.topics, [](auto& kv) { return kv.second.records <= 0; });
}

} // namespace

std::string_view activity_kind_code(activity_kind k) {
    return k == activity_kind::session ? "session" : "visit";
}

std::int64_t visit_store::add(visit_record& v) {
    auto& c = db_.native();
    c.exec("INSERT INTO visits (kind, ward_id, team_id, member_id, day, recorded_at, place, topics, people, "
           "note, source) "
           "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
           activity_kind_code(v.kind), v.ward_id, v.team_id, v.member_id, v.day, v.recorded_at, v.place,
           join_topics(v.topics), v.people, v.note,
           v.source.empty() ? std::optional<std::string>() : std::optional<std::string>(v.source));
    v.id = c.db.getLastInsertRowid();
    apply_totals(c, v, 1);
    return v.id;
}

std::optional<visit_record> visit_store::by_id(std::int64_t id) {
    auto& st = db_.native().statement("SELECT " VISIT_COLUMNS " FROM visits WHERE id = ?");
    st.bind(1, static_cast<ll>(id));
    if (!st.executeStep())
        return std::nullopt;
    return read_visit(st);
}

std::optional<visit_record> visit_store::last_of_member(std::int64_t member_id) {
    auto last = recent_of_member(member_id, 1);
    return last.empty() ? std::nullopt : std::optional(std::move(last.front()));
}

std::vector<visit_record> visit_store::recent_of_member(std::int64_t member_id, int limit) {
    auto& st = db_.native().statement("SELECT " VISIT_COLUMNS
                                      " FROM visits WHERE member_id = ? AND cancelled_at IS NULL "
                                      "ORDER BY id DESC LIMIT ?");
    st.bind(1, static_cast<ll>(member_id));
    st.bind(2, limit);
    std::vector<visit_record> out;
    while (st.executeStep())
        out.push_back(read_visit(st));
    return out;
}

std::optional<std::int64_t> visit_store::from_message(std::int64_t member_id, const std::string& source) {
    // The member's own rows through their index: edits are rare, so no index of its own.
    auto& st = db_.native().query(
        "SELECT id FROM visits WHERE member_id = ? AND source = ? ORDER BY id DESC LIMIT 1", member_id,
        source);
    if (!st.executeStep())
        return std::nullopt;
    return st.getColumn(0).getInt64();
}

namespace {
void keep_history(storage_detail::sqlite_connection& c, const visit_record& old, const char* action,
                  std::int64_t by, std::int64_t now) {
    c.exec("INSERT INTO visit_history (visit_id, at, by_member, action, day, place, topics, people, note) "
           "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
           old.id, now, by, action, old.day, old.place, join_topics(old.topics), old.people, old.note);
}
} // namespace

bool visit_store::cancel(std::int64_t id, std::int64_t by_member, std::int64_t now) {
    auto old = by_id(id);
    if (!old || old->cancelled)
        return false;
    auto& c = db_.native();
    keep_history(c, *old, "cancel", by_member, now);
    c.exec("UPDATE visits SET cancelled_at = ? WHERE id = ?", now, id);
    old->has_evidence = has_photos(c, id);
    apply_totals(c, *old, -1);
    return true;
}

void visit_store::edit(const visit_record& updated, std::int64_t by_member, std::int64_t now) {
    auto old = by_id(updated.id);
    if (!old || old->cancelled)
        return;
    auto& c = db_.native();
    keep_history(c, *old, "edit", by_member, now);
    old->has_evidence = has_photos(c, old->id);
    apply_totals(c, *old, -1);
    c.exec("UPDATE visits SET day = ?, place = ?, topics = ?, people = ?, note = ? WHERE id = ?", updated.day,
           updated.place, join_topics(updated.topics), updated.people, updated.note, updated.id);
    visit_record now_counted = *old;
    now_counted.day = updated.day;
    now_counted.topics = updated.topics;
    now_counted.people = updated.people;
    apply_totals(c, now_counted, 1);
}

std::int64_t visit_store::history_count(std::int64_t id) {
    auto& st = db_.native().statement("SELECT count(*) FROM visit_history WHERE visit_id = ?");
    st.bind(1, static_cast<ll>(id));
    st.executeStep();
    return st.getColumn(0).getInt64();
}

void visit_store::count_evidence(std::int64_t id, int sign) {
    auto v = by_id(id);
    if (v && !v->cancelled)
        count_topic(db_.native(), *v, evidence_topic, sign, 0);
}

std::int64_t visit_store::count_of_member(std::int64_t member_id) {
    auto& st = db_.native().query("SELECT count(*) FROM visits WHERE member_id = ?", ll(member_id));
    st.executeStep();
    auto n = st.getColumn(0).getInt64();
    st.tryReset();
    return n;
}

activity_totals visit_store::member_totals_in(std::int64_t member_id, const day_range& r) {
    activity_totals t;
    auto& c = db_.native();
    auto& st = c.statement("SELECT kind, sum(records), sum(people) FROM member_days "
                           "WHERE member_id = ? AND day BETWEEN ? AND ? GROUP BY kind");
    st.bind(1, static_cast<ll>(member_id));
    st.bind(2, r.from);
    st.bind(3, r.to);
    while (st.executeStep())
        add_row(t, st.getColumn(0).getString(), st.getColumn(1).getInt64(), st.getColumn(2).getInt64());
    t.active_members = (t.visits + t.sessions) > 0 ? 1 : 0;
    // One member's records are few: count topics from the records themselves.
    auto& tp = c.statement("SELECT topics, people, EXISTS (SELECT 1 FROM visit_photos p WHERE p.visit_id = "
                           "visits.id) FROM visits WHERE member_id = ? AND day BETWEEN ? AND ? "
                           "AND cancelled_at IS NULL");
    tp.bind(1, static_cast<ll>(member_id));
    tp.bind(2, r.from);
    tp.bind(3, r.to);
    while (tp.executeStep()) {
        auto people = tp.getColumn(1).getInt64();
        t.with_evidence += tp.getColumn(2).getInt();
        for (auto& code : split_topics(tp.getColumn(0).getString())) {
            auto& tt = t.topics[code];
            tt.records += 1;
            tt.people += people;
        }
    }
    return t;
}

namespace {

// A ward's range read as: days before the first whole month, whole months, days after the
// last whole month. Whole months come from the month totals, so a year reads ~12 rows per
// member instead of ~365.
struct split_range {
    std::string head_from, head_to;   // days
    std::string month_from, month_to; // YYYY-MM
    std::string tail_from, tail_to;   // days
};

std::string month_of(const std::string& day) {
    return day.substr(0, 7);
}

std::string shift_month(const std::string& month, int by) {
    int y = std::stoi(month.substr(0, 4)), m = std::stoi(month.substr(5, 2)) - 1 + by;
    y += m >= 0 ? m / 12 : (m - 11) / 12;
    m = ((m % 12) + 12) % 12;
    char buf[32];
    std::snprintf(buf, sizeof buf, "%04d-%02d", y, m + 1);
    return buf;
}

// Whole months are read from the month totals. A partial month at either end counts as
// whole when it holds no rows outside the range (typically "this month so far"), which
// `rows_between(lo, hi)` answers: are there rows with lo < day < hi?
template <class RowsBetween> split_range split(const day_range& r, RowsBetween rows_between) {
    split_range s;
    s.head_from = "9", s.head_to = "0", s.month_from = "9", s.month_to = "0", s.tail_from = "9",
    s.tail_to = "0"; // empty ranges have from > to
    if (r.from > r.to)
        return s;
    auto first = month_of(r.from), last = month_of(r.to);
    bool head_whole = !rows_between(first + "-00", r.from);
    bool tail_whole = !rows_between(r.to, last + "-32");
    if (first == last) {
        if (head_whole && tail_whole)
            s.month_from = s.month_to = first;
        else
            s.head_from = r.from, s.head_to = r.to;
        return s;
    }
    s.month_from = head_whole ? first : shift_month(first, 1);
    s.month_to = tail_whole ? last : shift_month(last, -1);
    if (!head_whole)
        s.head_from = r.from, s.head_to = first + "-31";
    if (!tail_whole)
        s.tail_from = last + "-01", s.tail_to = r.to;
    return s;
}

// `probe` asks whether a key (ward or team) has rows with lo < day < hi.
split_range split_for(storage_detail::sqlite_connection& c, const char* probe, std::int64_t key,
                      const day_range& r) {
    return split(r, [&](const std::string& lo, const std::string& hi) {
        auto& st = c.statement(probe);
        st.bind(1, static_cast<ll>(key));
        st.bind(2, lo);
        st.bind(3, hi);
        return st.executeStep();
    });
}

constexpr const char* ward_probe =
    "SELECT 1 FROM member_days WHERE ward_id = ? AND day > ? AND day < ? LIMIT 1";
constexpr const char* team_probe =
    "SELECT 1 FROM member_days WHERE team_id = ? AND day > ? AND day < ? LIMIT 1";

void bind_split(SQLite::Statement& st, std::int64_t ward_id, const split_range& s) {
    st.bind(1, static_cast<ll>(ward_id));
    st.bind(2, s.head_from);
    st.bind(3, s.head_to);
    st.bind(4, s.month_from);
    st.bind(5, s.month_to);
    st.bind(6, s.tail_from);
    st.bind(7, s.tail_to);
}

#define SPLIT(key, table_days, table_months, columns)                                                        \
    "SELECT " columns " FROM " table_days " WHERE " key " = ?1 AND day BETWEEN ?2 AND ?3 UNION ALL "         \
    "SELECT " columns " FROM " table_months " WHERE " key " = ?1 AND month BETWEEN ?4 AND ?5 UNION ALL "     \
    "SELECT " columns " FROM " table_days " WHERE " key " = ?1 AND day BETWEEN ?6 AND ?7"
#define WARD_SPLIT(table_days, table_months, columns) SPLIT("ward_id", table_days, table_months, columns)
#define TEAM_SPLIT(table_days, table_months, columns) SPLIT("team_id", table_days, table_months, columns)

// The three statements behind a ward's or a team's totals (string literals: the statement
// cache keys on their address).
struct totals_sql {
    const char* probe;
    const char* kinds;
    const char* active;
    const char* topics;
};

constexpr totals_sql ward_sql{ward_probe,
                              "SELECT kind, sum(records), sum(people) FROM (" WARD_SPLIT(
                                  "member_days", "member_months", "kind, records, people") ") GROUP BY kind",
                              "SELECT count(DISTINCT member_id) FROM (" WARD_SPLIT(
                                  "member_days", "member_months", "member_id, records") ") WHERE records > 0",
                              "SELECT topic, sum(records), sum(people) FROM (" WARD_SPLIT(
                                  "topic_days", "topic_months", "topic, records, people") ") GROUP BY topic"};

constexpr totals_sql team_sql{team_probe,
                              "SELECT kind, sum(records), sum(people) FROM (" TEAM_SPLIT(
                                  "member_days", "member_months", "kind, records, people") ") GROUP BY kind",
                              "SELECT count(DISTINCT member_id) FROM (" TEAM_SPLIT(
                                  "member_days", "member_months", "member_id, records") ") WHERE records > 0",
                              "SELECT topic, sum(records), sum(people) FROM (" TEAM_SPLIT(
                                  "topic_days", "topic_months", "topic, records, people") ") GROUP BY topic"};

// Totals of one ward or team; `detail` adds active members and topics.
activity_totals read_totals(storage_detail::sqlite_connection& c, const totals_sql& q, std::int64_t key,
                            const day_range& r, bool detail) {
    activity_totals t;
    auto parts = split_for(c, q.probe, key, r);
    auto& st = c.statement(q.kinds);
    bind_split(st, key, parts);
    while (st.executeStep())
        add_row(t, st.getColumn(0).getString(), st.getColumn(1).getInt64(), st.getColumn(2).getInt64());
    if (!detail)
        return t;
    auto& am = c.statement(q.active);
    bind_split(am, key, parts);
    am.executeStep();
    t.active_members = am.getColumn(0).getInt64();
    auto& tp = c.statement(q.topics);
    bind_split(tp, key, parts);
    read_topics(tp, t);
    return t;
}

} // namespace

activity_totals visit_store::team_totals_in(std::int64_t team_id, const day_range& r) {
    return read_totals(db_.native(), team_sql, team_id, r, true);
}

std::vector<member_totals> visit_store::members_of_team(std::int64_t team_id, const day_range& r) {
    std::vector<member_totals> out;
    auto& c = db_.native();
    auto parts = split_for(c, team_probe, team_id, r);
    auto& st = c.statement("SELECT member_id, kind, sum(records), sum(people) FROM (" TEAM_SPLIT(
        "member_days", "member_months",
        "member_id, kind, records, people") ") GROUP BY member_id, kind ORDER BY member_id");
    bind_split(st, team_id, parts);
    while (st.executeStep()) {
        auto id = st.getColumn(0).getInt64();
        if (out.empty() || out.back().member_id != id)
            out.push_back({id, 0, 0, 0, 0});
        auto& m = out.back();
        if (st.getColumn(1).getString() == "session") {
            m.sessions += st.getColumn(2).getInt64();
            m.attendees += st.getColumn(3).getInt64();
        } else {
            m.visits += st.getColumn(2).getInt64();
            m.people += st.getColumn(3).getInt64();
        }
    }
    std::erase_if(out, [](auto& m) { return m.visits + m.sessions <= 0; });
    return out;
}

std::vector<std::int64_t> visit_store::members_active_in_ward(std::int64_t ward_id, const day_range& r) {
    std::vector<std::int64_t> out;
    auto& c = db_.native();
    auto parts = split_for(c, ward_probe, ward_id, r);
    auto& st = c.statement("SELECT member_id FROM (" WARD_SPLIT(
        "member_days", "member_months", "member_id, records") ") GROUP BY member_id HAVING sum(records) > 0");
    bind_split(st, ward_id, parts);
    while (st.executeStep())
        out.push_back(st.getColumn(0).getInt64());
    return out;
}

activity_totals visit_store::ward_counts_in(std::int64_t ward_id, const day_range& r) {
    return read_totals(db_.native(), ward_sql, ward_id, r, false);
}

activity_totals visit_store::ward_totals_in(std::int64_t ward_id, const day_range& r) {
    return read_totals(db_.native(), ward_sql, ward_id, r, true);
}

std::vector<team_totals> visit_store::teams_of_ward(std::int64_t ward_id, const day_range& r) {
    std::vector<team_totals> out;
    auto& c = db_.native();
    auto parts = split_for(c, ward_probe, ward_id, r);
    auto& st = c.statement("SELECT team_id, kind, sum(records), sum(people) FROM (" WARD_SPLIT(
        "member_days", "member_months",
        "team_id, kind, records, people") ") GROUP BY team_id, kind ORDER BY team_id");
    bind_split(st, ward_id, parts);
    while (st.executeStep()) {
        auto id = st.getColumn(0).getInt64();
        if (out.empty() || out.back().team_id != id)
            out.push_back({id, {}});
        add_row(out.back().totals, st.getColumn(1).getString(), st.getColumn(2).getInt64(),
                st.getColumn(3).getInt64());
    }
    std::map<ll, team_totals*> by_team;
    for (auto& t : out)
        by_team[t.team_id] = &t;
    // Active members per team, counted once across kinds and days.
    auto& am = c.statement("SELECT team_id, count(DISTINCT member_id) FROM (" WARD_SPLIT(
        "member_days", "member_months",
        "team_id, member_id, records") ") WHERE records > 0 GROUP BY team_id");
    bind_split(am, ward_id, parts);
    while (am.executeStep())
        if (auto it = by_team.find(am.getColumn(0).getInt64()); it != by_team.end())
            it->second->totals.active_members = am.getColumn(1).getInt64();
    auto& tp = c.statement("SELECT team_id, topic, sum(records), sum(people) FROM (" WARD_SPLIT(
        "topic_days", "topic_months", "team_id, topic, records, people") ") GROUP BY team_id, topic");
    bind_split(tp, ward_id, parts);
    while (tp.executeStep())
        if (auto it = by_team.find(tp.getColumn(0).getInt64());
            it != by_team.end() && tp.getColumn(2).getInt64() > 0) {
            if (tp.getColumn(1).getString() == evidence_topic)
                it->second->totals.with_evidence = tp.getColumn(2).getInt64();
            else
                it->second->totals.topics[tp.getColumn(1).getString()] = {tp.getColumn(2).getInt64(),
                                                                          tp.getColumn(3).getInt64()};
        }
    std::erase_if(out, [](auto& t) { return t.totals.visits + t.totals.sessions <= 0; });
    return out;
}

void visit_store::for_each_in_ward(std::int64_t ward_id, const day_range& r,
                                   const std::function<void(const visit_record&)>& fn) {
    auto& st =
        db_.native().statement("SELECT " VISIT_COLUMNS " FROM visits WHERE ward_id = ? AND day BETWEEN ? "
                               "AND ? AND cancelled_at IS NULL ORDER BY day, id");
    st.bind(1, static_cast<ll>(ward_id));
    st.bind(2, r.from);
    st.bind(3, r.to);
    while (st.executeStep())
        fn(read_visit(st));
}

} // namespace cnscd
