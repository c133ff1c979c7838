#pragma once

// Announcements ward staff send to team groups: the campaign, each target group's delivery,
// and the outbox rows that carry it, so progress survives restarts and a retry sends only
// to the groups that failed.

#include "messages/incoming.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace cnscd {

class database;

struct campaign_record {
    std::int64_t id = 0;
    std::int64_t ward_id = 0;
    std::int64_t created_by = 0;
    std::int64_t created_at = 0;
    std::string state = "draft";    // draft | scheduled | sending | done | cancelled
    std::vector<std::string> parts; // HTML-lite messages, in order
    std::optional<attachment> file; // sent first, with the first part as caption
    std::string target_note;
    std::int64_t send_at = 0; // unix seconds; 0 = at once
    chat_address origin;      // where the staff confirmed it: progress goes there
    chat_kind origin_type = chat_kind::private_chat;
    std::int64_t progress_outbox_id = 0;
    std::int64_t total = 0, delivered = 0, failed = 0;
    std::int64_t progress_at = 0;
    // An announcement to the teams behind: the report they owe (its code and period key).
    std::string owed_report, owed_period;
};

struct campaign_target {
    chat_address chat;
    std::optional<std::int64_t> team_id;
    std::string title;
    // owing: sent only if the team still owes the campaign's owed_report when the announcement
    // goes out (/thongbao chua-bao-cao), then pending or skipped (it reported meanwhile).
    std::string state = "pending"; // owing | pending | skipped | delivered | failed
    std::string error;             // why it failed
};

class campaign_store {
public:
    explicit campaign_store(database& db) : db_(db) {}

    std::int64_t create(campaign_record& c);
    std::optional<campaign_record> by_id(std::int64_t id);
    std::vector<campaign_record> recent(std::int64_t ward_id, int limit);
    void set_state(std::int64_t id, const std::string& state);
    void set_progress_message(std::int64_t id, std::int64_t outbox_id);
    void set_progress_at(std::int64_t id, std::int64_t at);

    void add_target(std::int64_t campaign_id, const campaign_target& t, int parts);
    void add_part(std::int64_t campaign_id, const chat_address& target, std::int64_t outbox_id);
    std::vector<campaign_target> targets(std::int64_t campaign_id, const std::string& state = "");
    void set_target_state(std::int64_t campaign_id, const chat_address& target, const std::string& state);
    void set_total(std::int64_t id, std::int64_t total);
    // Scheduled campaigns due by `now` whose targets are still to be chosen (state owing).
    std::vector<std::int64_t> due_with_owing_targets(std::int64_t now);
    // The outbox rows that carried the campaign, oldest first.
    std::vector<std::int64_t> part_rows(std::int64_t campaign_id);

    struct part_outcome {
        std::int64_t campaign_id = 0;
        bool target_finished = false; // this delivery settled its target (delivered or failed)
    };
    // Records the outcome of the outbox row `outbox_id`; nullopt if it is not a campaign part.
    std::optional<part_outcome> record_part(std::int64_t outbox_id, bool delivered, const std::string& error);
    // Failed targets back to pending; returns them.
    std::vector<campaign_target> reopen_failed(std::int64_t campaign_id);

private:
    database& db_;
};

// A guide ward staff added from chat: a file stored by the platform.
struct added_guide {
    std::string slug;
    std::int64_t ward_id = 0;
    std::string title;
    std::string keywords;
    attachment file;
    channel platform = channel::telegram;
};

class guide_store {
public:
    explicit guide_store(database& db) : db_(db) {}
    void add(const added_guide& g, std::optional<std::int64_t> added_by, std::int64_t now);
    std::vector<added_guide> of_ward(std::int64_t ward_id);
    bool slug_taken(const std::string& slug);

private:
    database& db_;
};

} // namespace cnscd
