#include "bot/app.hpp"

#include "bot/command_database.hpp"
#include "bot/http/http_server.hpp"
#include "bot/ingest.hpp"
#include "bot/json_fields.hpp"
#include "bot/metrics.hpp"
#include "bot/outbox_sender.hpp"
#include "bot/scheduler.hpp"
#include "bot/serve_lock.hpp"
#include "bot/slow_reads.hpp"
#include "bot/system_clock.hpp"
#include "bot/telegram/telegram_adapter.hpp"
#include "bot/telegram/telegram_client.hpp"
#include "bot/telegram/telegram_menu.hpp"
#include "bot/telegram/telegram_poller.hpp"
#include "bot/telegram/telegram_webhook.hpp"
#include "bot/webhook_url.hpp"
#include "bot/zalo/zalo_bot_client.hpp"
#include "bot/zalo/zalo_oa_client.hpp"
#include "bot/zalo/zalo_oa_tokens.hpp"
#include "bot/zalo/zalo_oa_webhook.hpp"
#include "handlers/delivery_hooks.hpp"
#include "handlers/ward_settings.hpp"
#include "storage/database.hpp"
#include "storage/database_damaged.hpp"
#include "storage/meta_store.hpp"
#include "storage/migrations.hpp"
#include "storage/personal_data.hpp"
#include "storage/registry.hpp"
#include "storage/rescue.hpp"
#include "storage/sealed_cccd_check.hpp"
#include "storage/writer.hpp"

#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>

#include <nlohmann/json.hpp>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include <csignal>
#include <filesystem>
#include <iostream>

namespace cnscd {

namespace net = boost::asio;

void setup_logging(const std::string& level) {
    auto logger = spdlog::stderr_color_mt("cnscd");
    logger->set_pattern("%Y-%m-%d %H:%M:%S.%e %^%l%$ %v");
    logger->set_level(spdlog::level::from_str(level));
    spdlog::set_default_logger(logger);
}

namespace {

// Runs the io_context until `done` is set or `timeout` passes (start-up calls only).
void run_until(net::io_context& io, const bool& done, std::chrono::seconds timeout) {
    auto deadline = std::chrono::steady_clock::now() + timeout;
    while (!done && std::chrono::steady_clock::now() < deadline)
        io.run_one_for(std::chrono::milliseconds(100));
    io.restart();
}

// The bot's @username, to tell "/cmd@ourbot" from commands for other bots.
std::string learn_username(net::io_context& io, telegram_client& tg, writer& w, const telegram_config& cfg) {
    if (!cfg.bot_username.empty())
        return cfg.bot_username;
    std::string name;
    bool done = false;
    tg.call("getMe", "{}", std::chrono::seconds(10), [&](http_result r) {
        auto j = nlohmann::json::parse(r.body, nullptr, false);
        if (r.ok() && bool_field(j, "ok") && j["result"].is_object())
            name = string_field(j["result"], "username");
        else if (r.ok() && telegram::token_refused(r.status))
            spdlog::error(
                "telegram: Telegram does not know the bot token (getMe: HTTP {}), so no reply can be "
                "sent. Fix: {} and restart the bot",
                r.status, telegram::token_fix);
        else
            spdlog::warn("telegram: getMe failed ({}); using the last known username",
                         r.ok() ? r.body : r.error);
        done = true;
    });
    run_until(io, done, std::chrono::seconds(12));
    w.run_sync([&](database& db) {
        meta_store meta(db);
        if (!name.empty())
            meta.set("telegram.username", name);
        else
            name = meta.get("telegram.username").value_or("");
    });
    if (name.empty())
        spdlog::warn("telegram: bot username unknown; commands addressed to any @bot will be answered. Set "
                     "TELEGRAM_BOT_USERNAME (or \"telegram.bot_username\" in the config file) to fix");
    return name;
}

// In webhook mode nothing arrives unless Telegram has the URL, and long polling deletes it: a
// bot switched back from polling, or started before set-webhook was run, would wait in silence.
void check_webhook(telegram_client& tg, const std::string& username) {
    // Which bot this is, as polling says: the operator checks the token is the right one.
    spdlog::info("telegram: receiving updates by webhook{} at /telegram/webhook",
                 telegram::as_username(username));
    tg.call("getWebhookInfo", "{}", std::chrono::seconds(10), [](http_result r) {
        auto j = nlohmann::json::parse(r.body, nullptr, false);
        if (!r.ok() || !telegram::read_answer(r.status, r.body).ok || !j.is_object() ||
            !j["result"].is_object())
            return; // not known (an emulator without the method): nothing to say
        auto url = string_field(j["result"], "url");
        if (url.empty())
            spdlog::warn("telegram: Telegram has no webhook for this bot, so no update reaches it (Telegram "
                         "keeps them for 24 hours). Fix: run `cnscd-bot set-webhook --url "
                         "https://YOUR.HOST/telegram/webhook`, or set TELEGRAM_MODE=polling");
        else
            spdlog::info("telegram: Telegram sends updates to {}", url);
    });
}

} // namespace

int run_serve(const config& cfg) {
    // Before the database is opened, so that a second serve (perhaps a newer version) migrates
    // nothing under the running one; a new file is locked once it is created. Declared before
    // the writer: it must outlive every connection to the file.
    std::optional<serve_lock> lock;
    auto& path = cfg.storage.db_path;
    // Restarted after the file was deleted under the last serve, which saved a copy beside it:
    // starting would begin an empty database, and updates stored there would be set aside by
    // the restore that must follow.
    if (auto copy = rescued_copy_of_missing(path)) {
        spdlog::critical("{} (exit code {}: the service is not restarted until then)",
                         rescued_copy_refusal(path, *copy, "start the bot"), exit_database_damaged);
        return exit_database_damaged;
    }
    auto lock_database = [&] {
        bool held_elsewhere = false;
        if (!lock)
            lock = serve_lock::take(path, held_elsewhere);
        if (held_elsewhere)
            spdlog::critical("{}", serve_lock::held_message(path));
        return !held_elsewhere;
    };
    if (!lock_database())
        return 1;
    // The port next, also before the database: a serve that cannot listen (another program,
    // or another serve, on the port) stops having migrated, published and queued nothing.
    // Connections wait in the backlog until the start-up below is done.
    //
    // One event loop runs the network (webhooks, platform clients, outbox sender, pollers,
    // timers, signals); the writer thread owns the database. Measured alternatives: a second
    // loop for the outbox sender and platform clients (each time less throughput, ~15% fewer
    // visits/s, and more CPU per update: two threads to wake after each commit on two cores).
    // Commands are read on the loop (ingest.cpp): with linked members logging visits the
    // writer is the busier thread; with unregistered senders the loop is, and that costs ~5%.
    net::io_context io(1);
    metrics stats;
    http_server server(io, cfg.http, stats);
    try {
        server.listen();
    } catch (const std::exception& e) {
        spdlog::critical("{}. Nothing was changed", e.what());
        return 1;
    }
    std::error_code exists_error;
    bool new_database = path != ":memory:" && !std::filesystem::exists(path, exists_error);
    std::unique_ptr<database> db;
    try {
        db = open_upgraded(
            cfg.storage.db_path,
            {true, false, cfg.storage.synchronous, cfg.storage.busy_timeout_ms, cfg.storage.check_on_start},
            [](const std::string& line) { spdlog::info("{}", line); });
    } catch (const database_damaged& e) {
        spdlog::critical("{} (exit code {}: the service is not restarted until then)", e.what(),
                         exit_database_damaged);
        return exit_database_damaged;
    } catch (const std::exception& e) {
        spdlog::critical("{}", e.what());
        return 1;
    }
    if (!lock_database())
        return 1;
    // A write past a file size limit (ulimit -f) then fails like a full disk, which the bot
    // reports and recovers from, instead of killing the process.
    std::signal(SIGXFSZ, SIG_IGN);
    spdlog::info("database {} (schema version {}{})", cfg.storage.db_path, db->schema_version(),
                 new_database ? ", created now" : "");
    // Moved to a new machine with a newly made data key (or none), the bot reads no CCCD stored
    // before, and only an export would show it.
    if (auto sealed = check_sealed_cccds(*db, personal_data(cfg.data_key)); sealed.unreadable > 0)
        spdlog::warn(
            "data key: {} of the {} citizen ID number(s) (CCCD) in the database cannot be read {}, so "
            "export-roster --full-cccd is refused and a roster import cannot recognise anyone by CCCD. Fix: "
            "set CNSCD_DATA_KEY_FILE to the key file the bot used before (kept offline, apart from the "
            "backups) and restart; without that key they are lost, and importing the roster again seals the "
            "file's CCCDs under the current key",
            sealed.unreadable, sealed.sealed,
            cfg.data_key.empty() ? "without a data key (CNSCD_DATA_KEY and CNSCD_DATA_KEY_FILE are not set)"
                                 : "with this data key: they were sealed with another one");
    // A new installation answers every member "ask your leader for a code" until a ward exists:
    // say what comes first.
    if (ward_store(*db).all().empty())
        spdlog::info("the database has no ward yet, so no one can link an account. Next: import the ward's "
                     "roster with `cnscd-bot import-roster ROSTER.csv --ward \"<ward name>\"` and add its "
                     "staff with `cnscd-bot add-staff --ward \"<ward name>\" --name N --phone P` (README, "
                     "\"Importing the roster\")");
    // Settings for a ward the database does not have apply to nobody, silently otherwise.
    for (auto& line : unmatched_config_wards(*db, cfg))
        spdlog::warn("{}", line);

    system_clock wall_clock;
    auto* raw_db = db.get();
    raw_db->track_roster(); // the writer reads the sender's roster record for every update
    writer db_writer(std::move(db), cfg.storage.max_batch);
    // One line when the database starts refusing commits and one when it recovers; each
    // refused update also logs a line (ingest.cpp).
    db_writer.set_fault_listener([&cfg](storage_fault f, const std::string& error) {
        if (f == storage_fault::none)
            spdlog::info("storage: the database {} accepts commits again; updates are accepted",
                         cfg.storage.db_path);
        else
            spdlog::error("storage: {} on {}: {}; {}. Updates are refused with 503 until it is fixed (the "
                          "platforms redeliver them); see docs/OPERATIONS.md, \"Faults\"",
                          fault_name(f), cfg.storage.db_path, error, fault_advice(f));
    });
    // The file deleted under the bot: its data is copied next to it (the rescue), and this line
    // says where and how to put it back. The bot does not reopen the copy by itself
    // (docs/OPERATIONS.md, "Faults"): the file may have been deleted on purpose, and another
    // serve may already have started on the path.
    db_writer.set_rescue([&wall_clock] { return wall_clock.now(); },
                         [&cfg](const std::string& copy, const std::string& error) {
                             auto advice = rescue_advice(cfg.storage.db_path, copy, error);
                             if (!copy.empty())
                                 spdlog::error("storage: rescued: {}", advice);
                             else
                                 spdlog::critical("storage: rescue failed: {}", advice);
                         });
    // Completions of a whole commit reach the event loop in one hand-over.
    db_writer.set_completion_sink([&io](std::function<void()> fn) { net::post(io, std::move(fn)); });

    std::unique_ptr<telegram_client> telegram;
    if (cfg.telegram.enabled())
        telegram = make_telegram_client(io, cfg.telegram);

    dispatch_env env{cfg, wall_clock, ""};
    // Long reads (exports) off the writer; an in-memory database has no second view.
    std::unique_ptr<slow_reads> reads;
    if (cfg.storage.db_path != ":memory:") {
        reads = std::make_unique<slow_reads>(cfg.storage.db_path, db_writer, wall_clock);
        env.read_later = [r = reads.get()](slow_read work) { r->submit(std::move(work)); };
    }
    outbox_sender sender(io, db_writer, cfg, stats,
                         [&env](database& d, const delivery_report& report) { on_delivery(d, env, report); });
    db_writer.run_sync([&](database&) {
        raw_db->set_outbox_listener([&sender](const outbox_row& row) { sender.enqueue(row); });
        raw_db->set_withdrawn_listener(
            [&sender](const std::vector<std::int64_t>& ids) { sender.withdraw(ids); });
    });
    if (telegram) {
        sender.add_client(*telegram);
        env.telegram_username = learn_username(io, *telegram, db_writer, cfg.telegram);
        publish_command_menu(*telegram, db_writer);
    }
    std::unique_ptr<zalo_oa_tokens> zalo_tokens;
    std::unique_ptr<platform_client> zalo_oa;
    if (cfg.zalo_oa.enabled()) {
        zalo_tokens = std::make_unique<zalo_oa_tokens>(io, db_writer, cfg.zalo_oa, cfg.data_key);
        zalo_tokens->start();
        zalo_oa = make_zalo_oa_client(io, cfg.zalo_oa, cfg.utc_offset_minutes, *zalo_tokens);
        sender.add_client(*zalo_oa);
    }
    std::unique_ptr<zalo_bot_client> zalo_bot;
    if (cfg.zalo_bot.enabled()) {
        zalo_bot = make_zalo_bot_client(io, cfg.zalo_bot);
        sender.add_client(*zalo_bot);
    }
    sender.load_pending();

    stats.outbox_depth = [&] { return sender.depth(); };
    stats.writer_queue = [&] { return static_cast<std::int64_t>(db_writer.stats().queued); };

    ingest intake(db_writer, env, stats);
    stats.open_connections = [&] { return static_cast<std::int64_t>(server.open_connections()); };
    stats.storage_ok = [&] { return db_writer.stats().fault == storage_fault::none ? 1 : 0; };
    stats.storage_failures = [&] {
        auto ws = db_writer.stats();
        std::vector<std::pair<std::string, std::uint64_t>> out;
        for (auto k : storage_fault_kinds)
            out.emplace_back(std::string(fault_name(k)), ws.failed_by_kind[static_cast<std::size_t>(k)]);
        return out;
    };
    std::unique_ptr<telegram_poller> poller;
    std::unique_ptr<zalo_bot_poller> zalo_bot_polling;
    // 503 while the database refuses commits, or while a polling channel receives nothing
    // (poll_health.hpp): a wrong token or a webhook left set looks healthy otherwise.
    auto health = [&](http_respond respond) {
        auto ws = db_writer.stats();
        bool storage_ok = ws.fault == storage_fault::none;
        auto polling = nlohmann::json::array();
        auto add_polling = [&](channel c, const poll_health& h) {
            if (h.failing())
                polling.push_back({{"channel", channel_name(c)},
                                   {"failed_calls", h.consecutive_failures},
                                   {"error", h.error},
                                   {"fix", h.fix}});
        };
        if (poller)
            add_polling(channel::telegram, poller->health());
        if (zalo_bot_polling)
            add_polling(channel::zalo_bot, zalo_bot_polling->health());
        bool healthy = storage_ok && polling.empty();
        nlohmann::json body{{"status", !storage_ok ? "storage_fault"
                                       : healthy   ? "ok"
                                                   : "polling_failed"},
                            {"outbox_depth", sender.depth()},
                            {"commits", ws.commits},
                            {"failed_commits", ws.failed_commits}};
        if (!storage_ok) {
            auto lost = ws.fault == storage_fault::moved
                            ? rescue_advice(cfg.storage.db_path, ws.rescued_to, ws.rescue_error)
                            : std::string();
            body["storage"] = {{"fault", fault_name(ws.fault)},
                               {"error", ws.fault_error},
                               {"fix", lost.empty() ? fault_advice(ws.fault) : lost}};
            if (!ws.rescued_to.empty())
                body["storage"]["rescued_copy"] = ws.rescued_to;
        }
        if (!polling.empty())
            body["polling"] = polling;
        respond({healthy ? 200 : 503, "application/json", body.dump()});
    };
    server.route("GET", "/healthz", [&](http_request&&, http_respond respond) {
        if (db_writer.stats().fault == storage_fault::none && db_writer.file_still_at_path())
            return health(std::move(respond));
        // After a failure, only a commit tells whether the condition cleared; without traffic
        // none would come, so the health check makes one (a small write, only while failing).
        // The same when the file was deleted under a quiet bot: the refused commit saves the
        // rescued copy now, not at the next update, which may come after a restart.
        db_writer.submit(
            [](database& d) { meta_store(d).set("storage.probe", "ok"); },
            [&io, &health, respond = std::move(respond)](job_outcome, const std::string&) mutable {
                net::post(io,
                          [&health, respond = std::move(respond)]() mutable { health(std::move(respond)); });
            });
    });
    server.route("GET", "/metrics", [&](http_request&&, http_respond respond) {
        respond({200, "text/plain; version=0.0.4; charset=utf-8", stats.render()});
    });
    if (telegram && cfg.telegram.mode == "webhook")
        add_telegram_webhook(server, intake, cfg.telegram, env.telegram_username, stats);
    else if (telegram)
        poller = std::make_unique<telegram_poller>(io, *telegram, intake, db_writer, cfg.telegram,
                                                   env.telegram_username, stats);
    std::string routes = telegram && cfg.telegram.mode == "webhook" ? ", /telegram/webhook" : "";
    if (zalo_oa) {
        add_zalo_oa_webhook(server, intake, cfg.zalo_oa, stats);
        routes += ", /zalo/webhook";
    }
    if (zalo_bot && cfg.zalo_bot.mode == "webhook") {
        add_zalo_bot_webhook(server, intake, cfg.zalo_bot, stats);
        routes += ", /zalobot/webhook";
    } else if (zalo_bot) {
        zalo_bot_polling = std::make_unique<zalo_bot_poller>(io, *zalo_bot, intake, cfg.zalo_bot, stats);
    }

    server.start(); // listening since before the database was opened
    spdlog::info("listening on http://{}:{} (routes: /healthz, /metrics{})", cfg.http.host, server.port(),
                 routes);
    if (!telegram && !zalo_oa && !zalo_bot)
        spdlog::info(
            "no platform configured (TELEGRAM_BOT_TOKEN is not set); try `cnscd-bot chat` for the console");
    if (poller)
        poller->start();
    else if (telegram)
        check_webhook(*telegram, env.telegram_username);
    if (zalo_bot_polling)
        zalo_bot_polling->start(); // getUpdates tells of a wrong token
    else if (zalo_bot)
        zalo_bot->check_at_start();
    scheduler timed(io, db_writer, env);
    timed.start();

    // Graceful shutdown: stop accepting, let in-flight updates commit and be answered, let
    // in-flight sends finish within the grace period, then stop.
    net::signal_set signals(io, SIGINT, SIGTERM);
    net::steady_timer drain(io);
    std::function<void()> wait_for_updates;
    bool stopping = false;
    signals.async_wait([&](boost::system::error_code ec, int sig) {
        if (ec || stopping)
            return;
        stopping = true;
        spdlog::info("signal {}: shutting down", sig);
        server.stop();
        if (poller)
            poller->stop();
        if (zalo_bot_polling)
            zalo_bot_polling->stop();
        timed.stop();
        auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
        wait_for_updates = [&, deadline] {
            if (intake.in_flight() > 0 && std::chrono::steady_clock::now() < deadline) {
                drain.expires_after(std::chrono::milliseconds(10));
                drain.async_wait([&](boost::system::error_code) { wait_for_updates(); });
                return;
            }
            sender.stop(std::chrono::seconds(cfg.outbox.shutdown_grace_seconds), [&] {
                if (telegram)
                    telegram->stop();
                if (zalo_oa)
                    zalo_oa->stop();
                if (zalo_tokens)
                    zalo_tokens->stop();
                if (zalo_bot)
                    zalo_bot->stop();
                io.stop();
            });
        };
        wait_for_updates();
    });

    io.run();
    if (reads)
        reads->stop(); // their results go through the writer
    db_writer.stop();
    spdlog::info("stopped");
    return 0;
}

int run_migrate(const config& cfg) {
    try {
        refuse_upgrade_under_serve(cfg.storage.db_path);
        // Checked as serve checks it: migrating would write into a damaged file.
        auto db =
            database::open(cfg.storage.db_path, {true, false, cfg.storage.synchronous,
                                                 cfg.storage.busy_timeout_ms, cfg.storage.check_on_start});
        auto before = db->schema_version();
        auto ran = db->migrate([](const migration& m) {
            std::cout << "migration " << m.version << " applied: " << m.name << "\n";
        });
        std::cout << "database " << cfg.storage.db_path << ": schema version " << before << " -> "
                  << db->schema_version() << " (" << ran << " migration(s) applied)\n";
        return 0;
    } catch (const database_damaged& e) {
        std::cerr << "migrate: " << e.what() << "\n";
        return exit_database_damaged;
    } catch (const std::exception& e) {
        std::cerr << "migrate: " << e.what() << "\n";
        return 1;
    }
}

int run_set_webhook(const config& cfg, const std::string& url_arg, bool drop_pending) {
    if (!cfg.telegram.enabled()) {
        std::cerr << "set-webhook: TELEGRAM_BOT_TOKEN is not set. Fix: export TELEGRAM_BOT_TOKEN=<token from "
                     "@BotFather>\n";
        return 2;
    }
    auto url = url_arg.empty() ? cfg.telegram.public_url : url_arg;
    if (auto problem =
            webhook_url_problem(url, {"Telegram", "/telegram/webhook",
                                      url_arg.empty() && !url.empty()
                                          ? " (the URL came from TELEGRAM_PUBLIC_URL or telegram.public_url)"
                                          : " (or set TELEGRAM_PUBLIC_URL or \"telegram.public_url\")",
                                      true})) {
        std::cerr << "set-webhook: " << *problem << "\n";
        return 2;
    }
    if (cfg.telegram.webhook_secret.empty()) {
        std::cerr << "set-webhook: TELEGRAM_WEBHOOK_SECRET is not set. Fix: export "
                     "TELEGRAM_WEBHOOK_SECRET=$(openssl rand -hex 32) and use the same value for serve\n";
        return 2;
    }
    net::io_context io(1);
    auto tg = make_telegram_client(io, cfg.telegram);
    nlohmann::json body{
        {"url", url},
        {"secret_token", cfg.telegram.webhook_secret},
        {"max_connections", 40},
        {"drop_pending_updates", drop_pending},
        {"allowed_updates", {"message", "edited_message", "callback_query", "my_chat_member"}}};
    bool done = false;
    int rc = 1;
    tg->call("setWebhook", body.dump(), std::chrono::seconds(20), [&](http_result r) {
        auto a = telegram::read_answer(r.status, r.body);
        if (r.ok() && a.ok) {
            std::cout << "webhook set: Telegram will POST updates to " << url << "\n";
            rc = 0;
        } else if (r.ok() && telegram::token_refused(r.status)) {
            std::cerr << "set-webhook failed: Telegram does not know the bot token (" << a.description
                      << "). Fix: " << telegram::token_fix << "\n";
        } else if (!r.ok()) {
            std::cerr
                << "set-webhook failed: cannot reach the Telegram Bot API at " << cfg.telegram.api_base
                << " (" << r.error
                << "). Fix: check that this server reaches it (DNS, firewall, an HTTP proxy) and that "
                   "TELEGRAM_API_BASE (or \"telegram.api_base\" in the config file) is unset or right\n";
        } else {
            std::cerr << "set-webhook failed: " << a.description << "\n";
        }
        done = true;
    });
    run_until(io, done, std::chrono::seconds(25));
    if (!done)
        std::cerr << "set-webhook: no answer from " << cfg.telegram.api_base << " within 25 s\n";
    return rc;
}

} // namespace cnscd
