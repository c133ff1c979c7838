// cnscd-bot: the command line. Each subcommand is a function in bot/app.hpp.

#include "bot/app.hpp"
#include "config/edit_distance.hpp"
#include "config/env_names.hpp"
#include "config/load_config.hpp"
#include "messages/topic_targets.hpp"
#include "storage/command_failure.hpp"

#include <CLI/CLI.hpp>
#include <spdlog/spdlog.h>

#include <iostream>
#include <string>
#include <unistd.h>
#include <vector>

namespace {

// The first word on the command line that is not an option: the subcommand someone meant.
std::string first_word(int argc, char** argv) {
    for (int i = 1; i < argc; ++i) {
        std::string_view a = argv[i];
        if (a == "--config")
            ++i; // its value
        else if (!a.starts_with("-"))
            return std::string(a);
    }
    return "";
}

// " Did you mean \"serve\"?" for "serv" ("" when no subcommand is a typo away): CLI11 only
// says a subcommand is required.
std::string nearest_subcommand(CLI::App& app, const std::string& typed) {
    std::string nearest;
    std::size_t best = 3; // a typo, not another word
    for (auto* sub : app.get_subcommands([](CLI::App*) { return true; }))
        if (auto d = cnscd::edit_distance(typed, sub->get_name()); d < best) {
            best = d;
            nearest = sub->get_name();
        }
    return nearest.empty() ? "" : " Did you mean \"" + nearest + "\"?";
}

} // namespace

int main(int argc, char** argv) {
    CLI::App app{
        "cnscd-bot: a chat bot for Vietnam's community digital technology teams (Tổ công nghệ số cộng "
        "đồng).\nMembers log household visits and help sessions, leaders see statistics and submit "
        "reports, ward staff broadcast guidance and export figures.\n\nConfiguration: built-in defaults, "
        "then the JSON file (--config or CNSCD_CONFIG), then environment variables (see README.md)."};
    app.require_subcommand(1);
    // "cnscd-bot serve --config bot.json" as well as "cnscd-bot --config bot.json serve".
    app.fallthrough();
    std::optional<std::string> config_path;
    const std::string config_help = "JSON configuration file (default: $CNSCD_CONFIG, else built-in)";
    app.add_option("--config", config_path, config_help);

    auto* serve =
        app.add_subcommand("serve", "Run the bot: HTTP server (webhooks, /healthz, /metrics), Telegram and "
                                    "the Zalo Bot (webhook or long polling), the Zalo OA, the outbox "
                                    "sender and reminders. Stops cleanly on SIGINT/SIGTERM.");
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
                                          "TELEGRAM_WEBHOOK_SECRET as the secret token), or with "
                                          "--zalo-bot the Zalo Bot Platform.");
    set_webhook->add_option("--url", webhook_url,
                            "Public HTTPS URL of /telegram/webhook (default: $TELEGRAM_PUBLIC_URL)");
    set_webhook->add_flag("--drop-pending", drop_pending, "Discard updates Telegram is still holding");
    bool zalo_bot_webhook = false;
    set_webhook->add_flag(
        "--zalo-bot", zalo_bot_webhook,
        "Register /zalobot/webhook with the Zalo Bot Platform instead (ZALO_BOT_WEBHOOK_SECRET "
        "as the secret token)");

    cnscd::roster_import_request import;
    auto* import_roster = app.add_subcommand(
        "import-roster",
        "Load the ward's roster table (CSV: TT, Họ tên, Chức vụ tổ/xóm/đơn vị công tác, Chức vụ Tổ "
        "CNSCĐ, SĐT, CCCD, Khu vực phụ trách, Ghi chú, Tổ/Thôn/Xóm). Re-importing the same file "
        "changes nothing; bad rows are reported and the rest is imported (exit code 3).");
    import_roster->add_option("file", import.file, "The roster CSV (UTF-8, comma or semicolon)")->required();
    import_roster->add_option("--ward", import.ward, "Ward name, e.g. \"Phường Hòa Xuân\"")->required();
    import_roster->add_option("--team", import.team, "Team of every row, for a file that holds one team");
    import_roster->add_flag("--dry-run", import.dry_run, "Report what would change without writing");
    import_roster->add_flag("--no-cccd", import.no_cccd,
                            "Import without the CCCD column (no data key needed)");
    import_roster->add_flag("--include-erased", import.include_erased,
                            "Add the rows where members erased with forget-member were (skipped otherwise: "
                            "the file may be an old copy that still lists them)");
    import_roster->add_flag("--keep-removed", import.keep_removed,
                            "Leave out members taken off their team in chat (/xoa); otherwise the file puts "
                            "them back, on a line of its own");
    import_roster->add_flag("--new-ward", import.new_ward,
                            "Create the ward: needed when the database already has another ward, so that "
                            "a misspelt name does not make a second ward");

    std::string export_ward, export_file;
    bool full_cccd = false;
    auto* export_roster =
        app.add_subcommand("export-roster", "Write the ward's roster in the same layout (CCCDs "
                                            "masked unless --full-cccd; every export is audited).");
    export_roster->add_option("--ward", export_ward, "Ward name")->required();
    export_roster->add_option("-o,--output", export_file, "CSV file to write")->required();
    export_roster->add_flag("--full-cccd", full_cccd, "Include full CCCD numbers (needs the data key)");

    cnscd::add_staff_request staff;
    auto* add_staff =
        app.add_subcommand("add-staff", "Create or update a ward staff account; they link their chat "
                                        "accounts like members (share their phone number).");
    add_staff->add_option("--ward", staff.ward, "Ward name")->required();
    add_staff->add_option("--name", staff.name, "Full name")->required();
    add_staff->add_option("--phone", staff.phone, "Phone number, e.g. 0905123456")->required();
    add_staff->add_option("--role", staff.role, "ward_staff (default) or admin")
        ->check(CLI::IsMember({"ward_staff", "admin"}));
    add_staff->add_flag("--new-ward", staff.new_ward,
                        "Create the ward: needed when the database already has another ward");
    add_staff->add_flag("--same-person", staff.same_person,
                        "The phone is a team member's and it is the same person: they leave their team "
                        "and become ward staff (their history is kept)");

    cnscd::forget_member_request forget;
    auto* forget_member = app.add_subcommand(
        "forget-member",
        "Erase a member's personal data at their request (name, phone, CCCD, chat accounts); "
        "their records stay in the figures under a placeholder name. Without --yes it only "
        "says what would be erased.");
    forget_member->add_option("--ward", forget.ward, "Ward name")->required();
    auto* by_phone = forget_member->add_option("--phone", forget.phone, "The member's phone number");
    auto* by_row =
        forget_member->add_option("--row", forget.row, "The member's row number (TT) on the roster");
    by_phone->excludes(by_row);
    forget_member->add_flag("--yes", forget.yes, "Erase (it cannot be undone)");

    cnscd::zalo_auth_request zalo_auth;
    auto* zalo_auth_cmd = app.add_subcommand(
        "zalo-auth", "Authorise the Zalo Official Account: without --code, print the link an OA admin opens; "
                     "with --code, trade the code Zalo returns for a token pair and store it.");
    zalo_auth_cmd->add_option("--redirect-uri", zalo_auth.redirect_uri,
                              "Callback URL registered for the app at developers.zalo.me");
    zalo_auth_cmd->add_option("--code", zalo_auth.code, "The code Zalo appended to the callback URL");
    zalo_auth_cmd->add_option("--code-verifier", zalo_auth.code_verifier, "PKCE verifier, if one was used");
    std::string parse_message;
    std::optional<std::string> parse_today;
    bool parse_json = false;
    auto* parse = app.add_subcommand("parse", "Show how the bot reads a chat message (for support and for "
                                              "tuning topic keywords), without touching the database.");
    parse
        ->add_option("message", parse_message,
                     "The message, e.g. \"/tham số 12 ngõ 5, cài VNeID cho 2 người\"")
        ->required();
    parse->add_flag("--json", parse_json, "One JSON object on one line");
    parse->add_option("--today", parse_today,
                      "The day to count \"hôm qua\" from (YYYY-MM-DD; default: today)");

    std::string report_ward, report_period, report_format, report_file;
    auto* export_report = app.add_subcommand(
        "export", "Write the ward's report for a period: teams, members and raw visits (Vietnamese headers)");
    export_report->add_option("--ward", report_ward, "Ward name")->required();
    export_report
        ->add_option("--period", report_period,
                     "2026-11 (month), 2026-Q3 (quarter) or 2026 (year); or as in chat: "
                     "\"tháng 11\", \"quý 3 năm 2026\", \"tháng trước\"")
        ->required();
    export_report
        ->add_option("--format", report_format,
                     "xlsx or csv (default: from the output file's extension, else xlsx)")
        ->check(CLI::IsMember({"xlsx", "csv"}));
    export_report->add_option("-o,--output", report_file, "File to write")->required();

    std::string remind_at;
    bool remind_dry_run = false;
    auto* remind = app.add_subcommand("remind", "Show the deadline reminders due at an instant and to whom");
    remind->add_option("--at", remind_at, "The instant, e.g. 2026-12-22T08:00+07:00")->required();
    remind->add_flag("--dry-run", remind_dry_run, "Only print; record and queue nothing");

    std::string backup_to;
    auto* backup = app.add_subcommand("backup", "Copy the database to a file while the bot keeps serving "
                                                "(SQLite online backup; the copy is checked before it "
                                                "takes the file's name). To put it back, see restore.");
    backup->add_option("--to", backup_to, "The backup file to write, e.g. backups/cnscd-2026-11-24.db")
        ->required();
    std::string restore_from;
    auto* restore = app.add_subcommand(
        "restore", "Put a backup in place of the database, with the bot stopped. The replaced file is kept "
                   "beside it with its -wal and -shm files, which must not stay next to the backup (a "
                   "crashed bot's log would be replayed onto it). Then start the bot.");
    restore->add_option("--from", restore_from, "The backup file, e.g. backups/cnscd-2026-11-24.db")
        ->required();

    // Each subcommand takes --config too (before or after its name), and its own --help must
    // say so: CLI11 lists only a subcommand's own options there.
    for (auto* sub : app.get_subcommands([](CLI::App*) { return true; }))
        sub->add_option("--config", config_path, config_help);

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        if (dynamic_cast<const CLI::RequiredError*>(&e) && app.get_subcommands().empty()) {
            if (auto typed = first_word(argc, argv); !typed.empty()) {
                std::cerr << "There is no subcommand \"" << typed << "\"." << nearest_subcommand(app, typed)
                          << "\nRun with --help to see the subcommands.\n";
                return static_cast<int>(CLI::ExitCodes::RequiredError);
            }
        }
        return app.exit(e);
    }

    auto cfg = cnscd::load_config(config_path, cnscd::process_env());
    if (!cfg) {
        std::cerr << "configuration error: " << cfg.error().message << "\n";
        return 2;
    }
    if (auto wrong = cnscd::unknown_target_topic(*cfg)) {
        std::cerr << "configuration error: " << *wrong << "\n";
        return 2;
    }
    if (*parse)
        return cnscd::run_parse(*cfg, parse_message, parse_today, parse_json);
    cnscd::setup_logging(cfg->log_level);
    std::vector<std::string> env_names;
    for (char** e = environ; *e; ++e)
        env_names.emplace_back(std::string_view(*e).substr(0, std::string_view(*e).find('=')));
    for (auto& warning : cnscd::unread_env_warnings(env_names))
        spdlog::warn("{}", warning);
    if (*serve) {
        try {
            return cnscd::run_serve(*cfg);
        } catch (const std::exception& e) {
            // E.g. the database locked or full during start-up: the log above says which and the fix.
            spdlog::critical("serve: cannot start: {}. See docs/OPERATIONS.md, \"Faults\"", e.what());
            return 1;
        }
    }
    // A database locked by another process (or full, or read-only) midway through a command
    // aborted it with "terminate called": say what is wrong and the fix instead.
    try {
        if (*chat)
            return cnscd::run_chat(*cfg, as_phone);
        if (*migrate)
            return cnscd::run_migrate(*cfg);
        if (*set_webhook && zalo_bot_webhook)
            return cnscd::run_set_zalo_bot_webhook(*cfg, webhook_url);
        if (*set_webhook)
            return cnscd::run_set_webhook(*cfg, webhook_url, drop_pending);
        if (*import_roster)
            return cnscd::run_import_roster(*cfg, import);
        if (*export_roster)
            return cnscd::run_export_roster(*cfg, export_ward, export_file, full_cccd);
        if (*export_report)
            return cnscd::run_export(*cfg, report_ward, report_period, report_format, report_file);
        if (*remind)
            return cnscd::run_remind(*cfg, remind_at, remind_dry_run);
        if (*add_staff)
            return cnscd::run_add_staff(*cfg, staff);
        if (*forget_member)
            return cnscd::run_forget_member(*cfg, forget);
        if (*zalo_auth_cmd)
            return cnscd::run_zalo_auth(*cfg, zalo_auth);
        if (*backup)
            return cnscd::run_backup(*cfg, backup_to);
        if (*restore)
            return cnscd::run_restore(*cfg, restore_from);
        return 0;
    } catch (const std::exception& e) {
        auto ran = app.get_subcommands();
        std::cerr << (ran.empty() ? std::string("cnscd-bot") : ran.front()->get_name()) << ": "
                  << cnscd::database_failure_text(e, cfg->storage.db_path) << "\n";
        return 1;
    }
}
