#pragma once

// The whole configuration of one bot process. Every field has a working default, so the bot
// runs with no file at all; a JSON file and environment variables override it (see
// load_config.hpp and README.md, "Configuration").

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace cnscd {

// Outgoing pacing per platform; Telegram's published limits are the defaults.
struct rate_limits {
    bool enabled = true;
    double global_per_second = 30;
    double per_chat_per_second = 1;
    int per_group_per_minute = 20;
};

// Hours in which nothing from the bulk lane is sent to this platform (local time).
struct quiet_hours {
    int start_hour = 22;
    int end_hour = 6;
    bool enabled = true;

    // Is local hour `h` (0-23) inside the quiet hours? They may wrap past midnight.
    bool contains(int h) const {
        if (!enabled || start_hour == end_hour)
            return false;
        return start_hour < end_hour ? (h >= start_hour && h < end_hour) : (h >= start_hour || h < end_hour);
    }
};

struct telegram_config {
    std::string token;                                 // TELEGRAM_BOT_TOKEN; empty = Telegram off
    std::string api_base = "https://api.telegram.org"; // TELEGRAM_API_BASE
    std::string webhook_secret;                        // TELEGRAM_WEBHOOK_SECRET
    std::string mode = "webhook";                      // TELEGRAM_MODE: webhook | polling
    std::string bot_username;                          // TELEGRAM_BOT_USERNAME; else getMe
    std::string public_url;                            // for set-webhook: https://host/telegram/webhook
    int poll_timeout_seconds = 30;
    // Pause between empty polls; only matters for emulators that ignore `timeout`.
    int poll_idle_ms = 200;
    // A send not answered within this is retried (an unreachable or hanging API); uploads get 300 s.
    int send_timeout_seconds = 30;
    int connections = 4;    // keep-alive connections to the Bot API
    int pipeline_depth = 1; // requests waiting for answers on one connection (HTTP/1.1 pipelining)
    rate_limits limits;
    quiet_hours quiet;

    bool enabled() const { return !token.empty(); }
};

struct zalo_oa_config {
    std::string app_id;                                   // ZALO_OA_APP_ID
    std::string secret_key;                               // ZALO_OA_SECRET_KEY: checks webhook signatures
    std::string app_secret;                               // ZALO_APP_SECRET: refreshes access tokens
    std::string access_token;                             // ZALO_OA_ACCESS_TOKEN (first start only)
    std::string refresh_token;                            // ZALO_OA_REFRESH_TOKEN (first start only)
    std::string api_base = "https://openapi.zalo.me";     // ZALO_OA_API_BASE
    std::string oauth_base = "https://oauth.zaloapp.com"; // ZALO_OAUTH_BASE
    int replay_window_seconds = 300;
    int refresh_ahead_seconds = 3600;
    rate_limits limits{true, 10, 1, 20};
    quiet_hours quiet;

    bool enabled() const { return !app_id.empty() && !secret_key.empty(); }
};

struct zalo_bot_config {
    std::string token;                                          // ZALO_BOT_TOKEN
    std::string api_base = "https://bot-api.zaloplatforms.com"; // ZALO_BOT_API_BASE
    std::string webhook_secret;                                 // ZALO_BOT_WEBHOOK_SECRET
    std::string mode = "webhook";                               // ZALO_BOT_MODE
    int poll_timeout_seconds = 30;
    int poll_idle_ms = 200;
    rate_limits limits{true, 20, 1, 20};
    quiet_hours quiet;

    bool enabled() const { return !token.empty(); }
};

struct http_config {
    std::string host = "127.0.0.1"; // CNSCD_LISTEN=host:port
    std::uint16_t port = 8080;
    std::size_t max_body_bytes = 1 << 20;
    std::size_t max_header_bytes = 8 << 10;
    int read_timeout_seconds = 10;
    int max_connections = 512;
};

struct storage_config {
    std::string db_path = "data/cnscd.db"; // CNSCD_DB
    std::size_t max_batch = 1024;          // updates committed together at most
    std::string synchronous = "full";      // full | normal
    // How long a commit waits for another process's write lock before the update is refused
    // (503, the platform redelivers) and /healthz reports "locked".
    int busy_timeout_ms = 5000;
    // PRAGMA quick_check at start: a damaged file is refused before anything writes to it. It
    // reads the whole file (0.6 s for 386 MB in the page cache; longer from a cold disk).
    bool check_on_start = true;
};

struct outbox_config {
    int retry_base_ms = 500;
    int retry_max_ms = 60000;
    int max_attempts = 12; // then the row is marked failed, once it is also give_up_after_seconds old
    // A platform unreachable for hours loses nothing: retries go on (every retry_max_ms at
    // most) until the row is this old, however many attempts that takes.
    int give_up_after_seconds = 6 * 3600;
    int shutdown_grace_seconds = 5; // in-flight sends may finish this long after SIGTERM
};

// A reporting deadline; see handlers/reporting_calendar.hpp for how it becomes instants.
struct deadline_config {
    std::string code; // stable id, e.g. "monthly"
    std::string name; // what users read: "Báo cáo tháng"
    std::string kind; // monthly | quarterly | yearly | once
    int day = 25;     // day of month (31 = last day of a shorter month)
    int month = 0;    // yearly: month; once: month; quarterly: 0 = last month of quarter, 1 = month after
    int year = 0;     // once only
    std::string time = "17:00";      // local time of day the deadline falls
    std::string who = "team";        // team | ward
    std::string period = "calendar"; // calendar | cutoff
    int cutoff_day = 0;              // period = cutoff: e.g. 15 => 15th..14th
    std::vector<int> remind_days_before{3, 1, 0};
    std::string remind_time = "08:00";
    int grace_days = 5;  // after this the period locks
    std::string name_en; // what English readers read ("Monthly report"); name when empty
};

// Targets a ward sets; progress is shown in /thongke and reports.
struct target_config {
    std::string code;         // e.g. "households"
    std::string name;         // "Hộ được hướng dẫn"
    std::string metric;       // households | people | sessions | topic:<code>
    double goal = 0;          // absolute goal per year for the ward (0 = none)
    std::string per = "year"; // year | quarter | month
    std::string name_en;      // what English readers read; name when empty
};

struct ward_config {
    std::string name;                       // the roster's --ward (accents, case aside)
    std::string join_policy = "roster";     // roster | open
    std::vector<deadline_config> deadlines; // empty = the built-in calendar from the seeds
    std::vector<target_config> targets;
};

struct config {
    std::string source = "<built-in defaults>"; // the file the values came from, for messages
    http_config http;
    storage_config storage;
    outbox_config outbox;
    telegram_config telegram;
    zalo_oa_config zalo_oa;
    zalo_bot_config zalo_bot;
    int utc_offset_minutes = 7 * 60; // CNSCD_TIMEZONE: "+07:00" or "Asia/Ho_Chi_Minh"
    std::string default_language = "vi";
    std::string log_level = "info"; // CNSCD_LOG_LEVEL
    std::string data_key;           // CNSCD_DATA_KEY / CNSCD_DATA_KEY_FILE: 32 bytes, hex
    int visit_topic_question_minutes = 30;
    int undo_window_hours = 24;
    // More people than this on one household visit is refused as a likely typo ("1.000 người")
    // or a session logged with /tham; sessions have no limit.
    int visit_max_people = 50;
    std::vector<ward_config> wards; // per-ward settings; a ward without an entry gets defaults
    std::vector<deadline_config> default_deadlines; // calendar for wards without their own
};

} // namespace cnscd
