// cnscd-bot: the command line. Each subcommand is a function in bot/app.hpp.

#include "bot/app.hpp"
#include "config/load_config.hpp"

#include <CLI/CLI.hpp>

#include <iostream>

int main(int argc, char** argv) {
    CLI::App app{
        "cnscd-bot: a chat bot for Vietnam's community digital technology teams (Tổ công nghệ số cộng "
        "đồng).\nMembers log household visits and help sessions, leaders see statistics and submit "
        "reports, ward staff broadcast guidance and export figures.\n\nConfiguration: built-in defaults, "
        "then the JSON file (--config or CNSCD_CONFIG), then environment variables (see README.md)."};
    app.require_subcommand(1);
    std::optional<std::string> config_path;
    app.add_option("--config", config_path,
                   "JSON configuration file (default: $CNSCD_CONFIG, else built-in)");

    auto* serve =
        app.add_subcommand("serve", "Run the bot: HTTP server (webhooks, /healthz, /metrics), Telegram "
                                    "webhook or long polling, the outbox sender and reminders. Stops "
                                    "cleanly on SIGINT/SIGTERM.");
    std::optional<std::string> as_phone;
    auto* chat =
        app.add_subcommand("chat", "Talk to the bot in this terminal, with the same handlers as the chat "
                                   "platforms. Messages are stored in the same database.");
    chat->add_option("--as", as_phone, "Act as the roster member (or ward staff) with this phone number");
    auto* migrate =
        app.add_subcommand("migrate", "Create the database or bring its schema up to date, then exit.");
    std::string webhook_url;
    bool drop_pending = false;
    auto* set_webhook =
        app.add_subcommand("set-webhook", "Tell Telegram where to send updates (setWebhook with "
                                          "TELEGRAM_WEBHOOK_SECRET as the secret token).");
    set_webhook->add_option("--url", webhook_url,
                            "Public HTTPS URL of /telegram/webhook (default: $TELEGRAM_PUBLIC_URL)");
    set_webhook->add_flag("--drop-pending", drop_pending, "Discard updates Telegram is still holding");

    CLI11_PARSE(app, argc, argv);

    auto cfg = cnscd::load_config(config_path, cnscd::process_env());
    if (!cfg) {
        std::cerr << "configuration error: " << cfg.error().message << "\n";
        return 2;
    }
    cnscd::setup_logging(cfg->log_level);
    if (*serve)
        return cnscd::run_serve(*cfg);
    if (*chat)
        return cnscd::run_chat(*cfg, as_phone);
    if (*migrate)
        return cnscd::run_migrate(*cfg);
    if (*set_webhook)
        return cnscd::run_set_webhook(*cfg, webhook_url, drop_pending);
    return 0;
}
