#pragma once

// Reports submitted per deadline and period (with their history), the ledger of planned
// reminders that makes each one happen exactly once, and one-off deadlines added from chat.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace cnscd {

class database;

struct report_submission {
    std::int64_t id = 0;
    std::int64_t ward_id = 0;
    std::optional<std::int64_t> team_id; // none: the ward's own report
    std::string deadline_code;
    std::string period_key;
    std::string figures_json;
    std::string comment;
    std::optional<std::int64_t> submitted_by;
    std::int64_t submitted_at = 0;
    bool on_time = true;
    std::optional<std::int64_t> replaced_by;
};

class report_store {
public:
    explicit report_store(database& db) : db_(db) {}

    // Stores a submission; an earlier current one for the same team, deadline and period is
    // kept as history, marked as replaced by the new one. Returns the new id.
    std::int64_t submit(report_submission s);
    // The current (latest) submission of a team (or the ward, team_id empty).
    std::optional<report_submission> current(std::int64_t ward_id, std::optional<std::int64_t> team_id,
                                             const std::string& deadline_code, const std::string& period_key);
    // Every submission of that team for the period, oldest first (history included).
    std::vector<report_submission> history(std::int64_t ward_id, std::optional<std::int64_t> team_id,
                                           const std::string& deadline_code, const std::string& period_key);
    // Current submissions of all teams of the ward for the period.
    std::vector<report_submission> current_of_ward(std::int64_t ward_id, const std::string& deadline_code,
                                                   const std::string& period_key);

private:
    database& db_;
};

// The once-only ledger behind reminders. team_id 0 stands for the ward (staff summaries,
// ward deadlines).
struct reminder_key {
    std::int64_t ward_id = 0;
    std::int64_t team_id = 0;
    std::string deadline_code;
    std::string period_key;
    int offset_days = 0;
    std::string audience; // team | staff
};

struct planned_reminder {
    reminder_key key;
    std::int64_t due_at = 0;
    std::string outcome; // sent | skipped_stale | not_needed
    std::int64_t planned_at = 0;
    int messages = 0;
};

class reminder_store {
public:
    explicit reminder_store(database& db) : db_(db) {}

    bool planned(const reminder_key& key);
    // What was decided for the key (sent, skipped_stale, not_needed), if anything yet.
    std::optional<std::string> outcome(const reminder_key& key);
    // How many recipients (teams, or the ward) already have a decision for this slot.
    std::int64_t planned_for_slot(std::int64_t ward_id, const std::string& deadline_code,
                                  const std::string& period_key, int offset_days,
                                  const std::string& audience);
    // Records the decision; false if the key was already planned (nothing is changed).
    bool record(const planned_reminder& r);
    std::vector<planned_reminder> all();
    std::int64_t count();

private:
    database& db_;
};

struct extra_deadline {
    std::int64_t id = 0;
    std::int64_t ward_id = 0;
    std::string code; // "once-<id>"
    std::string name;
    std::string due_day; // YYYY-MM-DD
    std::string time = "17:00";
    std::optional<std::int64_t> created_by;
};

class extra_deadline_store {
public:
    explicit extra_deadline_store(database& db) : db_(db) {}
    std::int64_t add(extra_deadline d, std::int64_t now);
    std::vector<extra_deadline> of_ward(std::int64_t ward_id);

private:
    database& db_;
};

} // namespace cnscd
