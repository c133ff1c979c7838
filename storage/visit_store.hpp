#pragma once

// Household visits and help sessions that members log, their change history, and the
// totals stats and reports are computed from. Totals come from per-day aggregates kept in
// step with every write, so a ward's year answers without reading millions of rows.

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace cnscd {

class database;

enum class activity_kind { visit, session };

std::string_view activity_kind_code(activity_kind k); // "visit" | "session"

struct visit_record {
    std::int64_t id = 0; // the number the member sees ("số 1234")
    activity_kind kind = activity_kind::visit;
    std::int64_t ward_id = 0;
    std::int64_t team_id = 0;
    std::int64_t member_id = 0;
    std::string day;                 // local date it happened, YYYY-MM-DD
    std::int64_t recorded_at = 0;    // unix seconds
    std::string place;               // address, household or venue as written
    std::vector<std::string> topics; // topic codes (messages/topics.hpp)
    int people = 1;                  // people helped, or attendees of a session
    std::string note;                // the member's whole text
    bool cancelled = false;
    std::string source;        // the chat message it came from ("<chat>:<message>"), "" when not from one
    bool has_evidence = false; // a photo or file is attached (filled where the totals need it)
};

// Inclusive range of local dates, YYYY-MM-DD.
struct day_range {
    std::string from;
    std::string to;
};

struct topic_total {
    std::int64_t records = 0; // visits + sessions that covered the topic
    std::int64_t people = 0;  // people helped + attendees
};

struct activity_totals {
    std::int64_t visits = 0;    // households visited
    std::int64_t people = 0;    // people helped during visits
    std::int64_t sessions = 0;  // help sessions held
    std::int64_t attendees = 0; // people at those sessions
    std::int64_t active_members = 0;
    std::int64_t with_evidence = 0;            // visits + sessions with a photo or file attached
    std::map<std::string, topic_total> topics; // by topic code
};

struct member_totals {
    std::int64_t member_id = 0;
    std::int64_t visits = 0;
    std::int64_t people = 0;
    std::int64_t sessions = 0;
    std::int64_t attendees = 0;
};

struct team_totals {
    std::int64_t team_id = 0;
    activity_totals totals;
};

class visit_store {
public:
    explicit visit_store(database& db) : db_(db) {}

    // Records a new visit or session (id is assigned) and returns its id.
    std::int64_t add(visit_record& v);
    std::optional<visit_record> by_id(std::int64_t id);
    // The member's most recent record that still counts.
    std::optional<visit_record> last_of_member(std::int64_t member_id);
    // The member's latest records that still count, newest first.
    std::vector<visit_record> recent_of_member(std::int64_t member_id, int limit);
    // The number of the member's record made from chat message `source`, if any.
    std::optional<std::int64_t> from_message(std::int64_t member_id, const std::string& source);
    // Cancels (keeps the row and a history entry); false if already cancelled.
    bool cancel(std::int64_t id, std::int64_t by_member, std::int64_t now);
    // Replaces the content of a record, keeping the old content in the history.
    void edit(const visit_record& updated, std::int64_t by_member, std::int64_t now);
    // How many times a record changed (history entries).
    std::int64_t history_count(std::int64_t id);
    // The record got its first photo or file: it now counts as evidenced in the totals.
    // With sign -1: its last photo or file went to another record.
    void count_evidence(std::int64_t id, int sign = 1);
    // Records a member logged, cancelled ones included.
    std::int64_t count_of_member(std::int64_t member_id);

    activity_totals member_totals_in(std::int64_t member_id, const day_range& r);
    activity_totals team_totals_in(std::int64_t team_id, const day_range& r);
    activity_totals ward_totals_in(std::int64_t ward_id, const day_range& r);
    // Only visits, people, sessions and attendees (for comparisons): cheaper than the above.
    activity_totals ward_counts_in(std::int64_t ward_id, const day_range& r);
    // Every member of the team with at least one record in the range.
    std::vector<member_totals> members_of_team(std::int64_t team_id, const day_range& r);
    // The ids of the ward's members with at least one record in the range, in any team.
    std::vector<std::int64_t> members_active_in_ward(std::int64_t ward_id, const day_range& r);
    // Every team of the ward with at least one record in the range.
    std::vector<team_totals> teams_of_ward(std::int64_t ward_id, const day_range& r);
    // Records of the ward in the range that still count, oldest first (for exports).
    void for_each_in_ward(std::int64_t ward_id, const day_range& r,
                          const std::function<void(const visit_record&)>& fn);

private:
    database& db_;
};

} // namespace cnscd
