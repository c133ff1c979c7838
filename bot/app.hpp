#pragma once

// The command-line subcommands. Each returns the process exit code; start-up problems are
// reported with what to fix.

#include "config/config.hpp"

#include <iosfwd>
#include <optional>
#include <string>

namespace cnscd {

// Wires the application (the one place that does) and serves until SIGINT/SIGTERM.
int run_serve(const config& cfg);

// A console channel: type as a member and see the bot's answers (on stdin and stdout, or on
// `input` and `out`). /nhom switches to the group chat of the member's team (of the ward for staff).
int run_chat(const config& cfg, const std::optional<std::string>& as_phone);
int run_chat(const config& cfg, const std::optional<std::string>& as_phone, std::istream& input,
             std::ostream& out);

// Brings the database schema up to date and reports the version.
int run_migrate(const config& cfg);

// Registers the webhook URL and secret with Telegram.
int run_set_webhook(const config& cfg, const std::string& url, bool drop_pending);

struct roster_import_request {
    std::string file;
    std::string ward;
    std::optional<std::string> team; // --team: the file holds one team
    bool dry_run = false;
    bool no_cccd = false;
    bool new_ward = false;       // the ward is new: create it (needed once the database has any ward)
    bool include_erased = false; // add rows of people erased on request (skipped otherwise)
    bool keep_removed = false;   // leave out people taken off their team in chat (put back otherwise)
};

// Reads the ward's roster table; prints what was added, changed and rejected. Exit code 3
// when some rows were rejected (the others are imported).
int run_import_roster(const config& cfg, const roster_import_request& request);

// Writes the ward's roster in the same layout; CCCDs masked unless `full_cccd` (audited).
int run_export_roster(const config& cfg, const std::string& ward, const std::string& out, bool full_cccd);

struct add_staff_request {
    std::string ward;
    std::string name;
    std::string phone;
    std::string role = "ward_staff"; // or admin
    bool same_person = false;        // the phone is a team member's: they become ward staff
    bool new_ward = false;           // as for roster_import_request
};

// Creates or updates a ward staff (or admin) account. A phone that is a team member's is refused
// (exit code 2) unless `same_person`.
int run_add_staff(const config& cfg, const add_staff_request& request);

struct forget_member_request {
    std::string ward;
    std::string phone; // or
    std::string row;   // TT on the ward's roster
    bool yes = false;  // without it, only say what would be erased
};

// Erases a member's personal data on request (Decree 13/2023): see member_store::erase_personal_data.
int run_forget_member(const config& cfg, const forget_member_request& request);

struct zalo_auth_request {
    std::string redirect_uri; // step 1: print the permission link for this callback URL
    std::string code;         // step 2: trade the code Zalo sent to the callback for tokens
    std::string code_verifier;
};

// Guides the first authorisation of the Zalo OA and stores the token pair.
int run_zalo_auth(const config& cfg, const zalo_auth_request& request);

// Registers the URL of /zalobot/webhook and ZALO_BOT_WEBHOOK_SECRET with the Zalo Bot Platform.
int run_set_zalo_bot_webhook(const config& cfg, const std::string& url);
// Prints how the bot reads `message` (command, topics, people, date, address, unparsed) as
// JSON; `today` (YYYY-MM-DD) fixes the date that "hôm qua" counts from. Exit 1 when the
// message is a command the bot cannot read.
int run_parse(const config& cfg, const std::string& message, const std::optional<std::string>& today,
              bool json);

// Writes the ward's report for a period ("2026-11", "2026-Q3", "2026") as XLSX (three sheets)
// or CSV (three files named after `out`).
int run_export(const config& cfg, const std::string& ward, const std::string& period,
               const std::string& format, const std::string& out);

// Prints the reminders due at `at` (ISO 8601, e.g. 2026-12-22T08:00+07:00) and to whom; with
// `dry_run` nothing is recorded, otherwise they are queued for `serve` to send.
int run_remind(const config& cfg, const std::string& at, bool dry_run);
// "2026-12-22T08:00+07:00" (no offset: the configured zone) -> unix seconds.
std::optional<std::int64_t> parse_iso_instant(const std::string& text, int default_offset_minutes);

// Copies the database to `to` with SQLite's online backup (safe while serve runs).
int run_backup(const config& cfg, const std::string& to);
int run_restore(const config& cfg, const std::string& from);

// Sets up logging for the process.
void setup_logging(const std::string& level);

} // namespace cnscd
