#pragma once

// The command-line subcommands. Each returns the process exit code; start-up problems are
// reported with what to fix.

#include "config/config.hpp"

#include <optional>
#include <string>

namespace cnscd {

// Wires the application (the one place that does) and serves until SIGINT/SIGTERM.
int run_serve(const config& cfg);

// A console channel: type as a member and see the bot's answers.
int run_chat(const config& cfg, const std::optional<std::string>& as_phone);

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
};

// Reads the ward's roster table; prints what was added, changed and rejected. Exit code 3
// when some rows were rejected (the others are imported).
int run_import_roster(const config& cfg, const roster_import_request& request);

// Writes the ward's roster in the same layout; CCCDs masked unless `full_cccd` (audited).
int run_export_roster(const config& cfg, const std::string& ward, const std::string& out, bool full_cccd);

// Creates or updates a ward staff (or admin) account.
int run_add_staff(const config& cfg, const std::string& ward, const std::string& name,
                  const std::string& phone, const std::string& role);

// Prints how the bot reads `message` (command, topics, people, date, address, unparsed) as
// JSON; `today` (YYYY-MM-DD) fixes the date that "hôm qua" counts from. Exit 1 when the
// message is a command the bot cannot read.
int run_parse(const config& cfg, const std::string& message, const std::optional<std::string>& today, bool json);

// Copies the database to `to` with SQLite's online backup (safe while serve runs).
int run_backup(const config& cfg, const std::string& to);

// Sets up logging for the process.
void setup_logging(const std::string& level);

} // namespace cnscd
