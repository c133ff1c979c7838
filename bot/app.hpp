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

// Sets up logging for the process.
void setup_logging(const std::string& level);

} // namespace cnscd
