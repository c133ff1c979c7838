#pragma once

// A bot with a real in-memory SQLite database and a fixed clock, driven through the real
// dispatcher: what handler tests use to talk to the bot as a given user.

#include "config/config.hpp"
#include "handlers/context.hpp"
#include "handlers/delivery_hooks.hpp"
#include "messages/incoming.hpp"
#include "messages/outgoing.hpp"
#include "storage/database.hpp"

#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace cnscd::test {

// 2026-11-24 09:00 in Vietnam (02:00 UTC).
constexpr std::int64_t default_now = 1795485600;

struct test_bot {
    explicit test_bot(config c = {}, std::string db_path = ":memory:");

    config cfg;
    fixed_clock clk{default_now};
    std::unique_ptr<database> db;
    dispatch_env env;
    std::int64_t next_update = 1;

    // Registry shortcuts (direct database writes, as an import would do).
    std::int64_t ward(const std::string& name);
    // A team in the bot's records since `created_at` (now when 0): it owes no report due before.
    std::int64_t team(std::int64_t ward_id, const std::string& name, std::int64_t created_at = 0);
    // A member linked to Telegram account `user_id`; team_id 0 = no team (ward staff).
    std::int64_t member(std::int64_t ward_id, std::int64_t team_id, const std::string& name,
                        const std::string& role, const std::string& user_id, const std::string& phone = "");
    void bind_group(const std::string& chat_id, std::int64_t ward_id, std::int64_t team_id);
    // The team's report for deadline `code` and `period_key` ("2026-11"), submitted at `at`
    // (now when 0) on time, as a leader's button press stores it.
    void submit_report(std::int64_t ward_id, std::int64_t team_id, const std::string& code,
                       const std::string& period_key, std::int64_t at = 0);

    // Sends text as `user_id` in a private chat, or in the group `group_chat_id`.
    std::vector<outgoing> say(const std::string& user_id, const std::string& text);
    std::vector<outgoing> say_in_group(const std::string& group_chat_id, const std::string& user_id,
                                       const std::string& text);
    // Presses a button with `data` under a bot message in `chat_id` (private when empty).
    std::vector<outgoing> press(const std::string& user_id, const std::string& data,
                                const std::string& chat_id = "");
    // Dispatches any incoming (fills update_key if empty) and returns what was queued.
    std::vector<outgoing> deliver(incoming in);
    // Runs the delivery hooks for `report` as the outbox sender does after a send, and returns
    // what they queued (marked sent, so the next call returns only its own).
    std::vector<outgoing> report_delivery(const delivery_report& report);

    // Texts of the messages returned (plain, tags removed).
    static std::vector<std::string> texts(const std::vector<outgoing>& out);
    static std::string joined(const std::vector<outgoing>& out);
    // The data of the first button whose label contains `label`, or "" when there is none.
    static std::string button(const std::vector<outgoing>& out, const std::string& label);

    // Runs the scheduler's work at the clock's time and returns what it queued.
    std::vector<outgoing> run_scheduled();

    channel platform = channel::telegram;

private:
    // Runs `work` in one transaction and returns the messages it queued, marked sent.
    std::vector<outgoing> queued_by(const std::function<void()>& work);
};

// Does any message of `out` contain `needle` (plain text, tags removed)?
bool has(const std::vector<outgoing>& out, const std::string& needle);

// The messages of `out` sent to `chat`.
std::vector<outgoing> to_chat(const std::vector<outgoing>& out, const std::string& chat);

// The record number a confirmation names ("số 12"), or 0 when it names none.
std::int64_t record_no(const std::vector<outgoing>& out);

// A configuration with one ward, `ward_name`, with these targets and only a year-end report: no
// period the tests back-fill (September to November 2026) is closed yet.
config ward_with_year_end_report(const std::string& ward_name, std::vector<target_config> targets);

} // namespace cnscd::test
