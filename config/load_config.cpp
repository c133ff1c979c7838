#include "config/load_config.hpp"

#include "config/edit_distance.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <arpa/inet.h>
#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

namespace cnscd {
namespace {

using json = nlohmann::json;

// Thrown only inside this file; load_config turns it into a value.
struct bad_config {
    std::string message;
};

std::string type_name(const json& v) {
    if (v.is_string())
        return "the text " + v.dump();
    if (v.is_number())
        return "the number " + v.dump();
    if (v.is_boolean())
        return v.get<bool>() ? "true" : "false";
    if (v.is_null())
        return "null";
    if (v.is_array())
        return "a list";
    return "an object";
}

// "127.0.0.1:8080", "[::1]:8080" or "localhost:8080": the address to listen on must be an IP
// address (no name lookup) and the whole port a number, so "8080x" is not read as 8080.
bool parse_listen(std::string_view text, http_config& out) {
    auto colon = text.rfind(':');
    if (colon == std::string_view::npos)
        return false;
    auto host = text.substr(0, colon);
    auto digits = text.substr(colon + 1);
    int port = 0;
    auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), port);
    if (ec != std::errc() || end != digits.data() + digits.size() || port < 1 || port > 65535)
        return false;
    if (host.size() > 2 && host.front() == '[' && host.back() == ']')
        host = host.substr(1, host.size() - 2);
    std::string ip = host == "localhost" ? "127.0.0.1" : std::string(host);
    unsigned char buf[sizeof(in6_addr)];
    if (inet_pton(AF_INET, ip.c_str(), buf) != 1 && inet_pton(AF_INET6, ip.c_str(), buf) != 1)
        return false;
    out.host = ip;
    out.port = static_cast<std::uint16_t>(port);
    return true;
}

// Reads one JSON object, remembering where it is, so every error can name the file and key.
class section {
public:
    section(const std::string& source, std::string prefix, const json& obj, std::vector<std::string> keys)
        : source_(source), prefix_(std::move(prefix)), obj_(obj) {
        if (!obj_.is_object())
            fail_at("", "expected an object { ... }, got " + type_name(obj_), "write it as a JSON object");
        for (auto& [key, value] : obj_.items()) {
            if (std::find(keys.begin(), keys.end(), key) != keys.end())
                continue;
            std::string best;
            std::size_t best_d = 4;
            for (auto& k : keys) {
                auto d = edit_distance(key, k);
                if (d < best_d) {
                    best_d = d;
                    best = k;
                }
            }
            std::string fix = best.empty() ? "remove it; known keys here: " + join(keys)
                                           : "did you mean \"" + path(best) + "\"?";
            throw bad_config{source_ + ": unknown key \"" + path(key) + "\". Fix: " + fix};
        }
    }

    bool has(std::string_view key) const { return obj_.contains(std::string(key)); }

    void text(std::string_view key, std::string& out) const {
        if (auto* v = find(key)) {
            if (!v->is_string())
                fail_at(key, "expected text in quotes, got " + type_name(*v), "write it as \"...\"");
            out = v->get<std::string>();
        }
    }

    void choice(std::string_view key, std::string& out, std::vector<std::string> allowed) const {
        if (auto* v = find(key)) {
            if (!v->is_string() ||
                std::find(allowed.begin(), allowed.end(), v->get<std::string>()) == allowed.end())
                fail_at(key, "expected one of " + join(allowed) + ", got " + type_name(*v),
                        "use one of " + join(allowed));
            out = v->get<std::string>();
        }
    }

    template <class Int> void integer(std::string_view key, Int& out, long long min, long long max) const {
        if (auto* v = find(key)) {
            if (!v->is_number_integer() || v->get<long long>() < min || v->get<long long>() > max)
                fail_at(key,
                        "expected a whole number from " + std::to_string(min) + " to " + std::to_string(max) +
                            ", got " + type_name(*v),
                        "write a number in that range, without quotes");
            out = static_cast<Int>(v->get<long long>());
        }
    }

    void number(std::string_view key, double& out, double min, double max) const {
        if (auto* v = find(key)) {
            if (!v->is_number() || v->get<double>() < min || v->get<double>() > max) {
                std::ostringstream range;
                range << min << " to " << max;
                fail_at(key, "expected a number from " + range.str() + ", got " + type_name(*v),
                        "write a number in that range, without quotes");
            }
            out = v->get<double>();
        }
    }

    void flag(std::string_view key, bool& out) const {
        if (auto* v = find(key)) {
            if (!v->is_boolean())
                fail_at(key, "expected true or false, got " + type_name(*v),
                        "write true or false, without quotes");
            out = v->get<bool>();
        }
    }

    void integers(std::string_view key, std::vector<int>& out, int min, int max) const {
        if (auto* v = find(key)) {
            bool ok = v->is_array();
            if (ok)
                for (auto& x : *v)
                    ok = ok && x.is_number_integer() && x.get<int>() >= min && x.get<int>() <= max;
            if (!ok)
                fail_at(key,
                        "expected a list of whole numbers from " + std::to_string(min) + " to " +
                            std::to_string(max) + ", got " + v->dump(),
                        "write it like [3, 1, 0]");
            out = v->get<std::vector<int>>();
        }
    }

    std::optional<section> child(std::string_view key, std::vector<std::string> keys) const {
        if (auto* v = find(key))
            return section(source_, path(key), *v, std::move(keys));
        return std::nullopt;
    }

    // Calls `each` with a section per element of the array under `key`.
    template <class F> void list(std::string_view key, std::vector<std::string> keys, F each) const {
        if (auto* v = find(key)) {
            if (!v->is_array())
                fail_at(key, "expected a list [ {...}, ... ], got " + type_name(*v),
                        "write it as a JSON list");
            for (std::size_t i = 0; i < v->size(); ++i)
                each(section(source_, path(key) + "[" + std::to_string(i) + "]", (*v)[i], keys));
        }
    }

    [[noreturn]] void fail_at(std::string_view key, const std::string& what, const std::string& fix) const {
        throw bad_config{source_ + ": key \"" + (key.empty() ? prefix_ : path(key)) + "\": " + what +
                         ". Fix: " + fix + "."};
    }

private:
    const json* find(std::string_view key) const {
        auto it = obj_.find(std::string(key));
        return it == obj_.end() ? nullptr : &*it;
    }
    std::string path(std::string_view key) const {
        return prefix_.empty() ? std::string(key) : prefix_ + "." + std::string(key);
    }
    static std::string join(const std::vector<std::string>& v) {
        std::string s;
        for (auto& x : v)
            s += (s.empty() ? "" : ", ") + x;
        return s;
    }

    const std::string& source_;
    std::string prefix_;
    const json& obj_;
};

void read_limits(const section& s, rate_limits& r) {
    s.flag("enabled", r.enabled);
    s.number("global_per_second", r.global_per_second, 0.1, 100000);
    s.number("per_chat_per_second", r.per_chat_per_second, 0.01, 100000);
    s.integer("per_group_per_minute", r.per_group_per_minute, 1, 1000000);
}

void read_quiet(const section& s, quiet_hours& q) {
    s.flag("enabled", q.enabled);
    s.integer("start_hour", q.start_hour, 0, 23);
    s.integer("end_hour", q.end_hour, 0, 23);
}

const std::vector<std::string> limit_keys{"enabled", "global_per_second", "per_chat_per_second",
                                          "per_group_per_minute"};
const std::vector<std::string> quiet_keys{"enabled", "start_hour", "end_hour"};

bool valid_hhmm(const std::string& t) {
    return t.size() == 5 && t[2] == ':' && std::isdigit(static_cast<unsigned char>(t[0])) &&
           std::isdigit(static_cast<unsigned char>(t[1])) && std::isdigit(static_cast<unsigned char>(t[3])) &&
           std::isdigit(static_cast<unsigned char>(t[4])) && std::stoi(t.substr(0, 2)) < 24 &&
           std::stoi(t.substr(3, 2)) < 60;
}

deadline_config read_deadline(const section& s) {
    deadline_config d;
    s.text("code", d.code);
    s.text("name", d.name);
    s.text("name_en", d.name_en);
    s.choice("kind", d.kind, {"monthly", "quarterly", "yearly", "once"});
    s.integer("day", d.day, 1, 31);
    s.integer("month", d.month, 0, 12);
    s.integer("year", d.year, 0, 9999);
    s.text("time", d.time);
    s.choice("who", d.who, {"team", "ward"});
    s.choice("period", d.period, {"calendar", "cutoff"});
    s.integer("cutoff_day", d.cutoff_day, 0, 28);
    s.integers("remind_days_before", d.remind_days_before, 0, 60);
    s.text("remind_time", d.remind_time);
    s.integer("grace_days", d.grace_days, 0, 365);
    if (d.code.empty() || d.name.empty())
        s.fail_at("", "a deadline needs \"code\" and \"name\"", "add both, e.g. \"code\": \"monthly\"");
    // Without it the deadline never falls due: no reminders and no report, silently.
    if (d.kind.empty())
        s.fail_at("kind", "a deadline needs its kind",
                  "add \"kind\": one of monthly, quarterly, yearly, once");
    if (!valid_hhmm(d.time))
        s.fail_at("time", "expected HH:MM, got \"" + d.time + "\"", "write it like \"17:00\"");
    if (!valid_hhmm(d.remind_time))
        s.fail_at("remind_time", "expected HH:MM, got \"" + d.remind_time + "\"", "write it like \"08:00\"");
    if ((d.kind == "yearly" || d.kind == "once") && d.month == 0)
        s.fail_at("month", "a " + d.kind + " deadline needs its month", "add \"month\": 1..12");
    if (d.kind == "quarterly" && d.month > 1)
        s.fail_at("month", "for a quarterly deadline \"month\" is 0 or 1, got " + std::to_string(d.month),
                  "write 0 (due in the quarter's last month) or 1 (in the month after the quarter)");
    if (d.kind == "once" && d.year == 0)
        s.fail_at("year", "a one-off deadline needs its year", "add \"year\", e.g. 2026");
    if (d.period == "cutoff" && d.cutoff_day == 0)
        s.fail_at("cutoff_day", "period \"cutoff\" needs the first day of each period",
                  "add \"cutoff_day\", e.g. 15");
    return d;
}

const std::vector<std::string> deadline_keys{"code",        "name",      "name_en",    "kind",
                                             "day",         "month",     "year",       "time",
                                             "who",         "period",    "cutoff_day", "remind_days_before",
                                             "remind_time", "grace_days"};

// Tokens and secrets are read from the environment only: a config file is copied, mailed and
// backed up with less care. Each refusal names the variable to use.
void refuse_secrets(const section& s,
                    std::initializer_list<std::pair<const char*, const char*>> key_to_variable) {
    for (auto [key, variable] : key_to_variable)
        if (s.has(key))
            s.fail_at(key, "secrets do not belong in the config file",
                      std::string("remove it and set the environment variable ") + variable + " instead");
}

void read_file_into(config& c, const json& root, const std::string& source) {
    section top(source, "", root,
                {"http", "storage", "outbox", "telegram", "zalo_oa", "zalo_bot", "timezone",
                 "default_language", "log_level", "guides_dir", "visit_topic_question_minutes",
                 "undo_window_hours", "visit_max_people", "wards", "deadlines"});
    if (auto s = top.child("http", {"listen", "max_body_bytes", "max_header_bytes", "read_timeout_seconds",
                                    "max_connections"})) {
        if (s->has("listen")) {
            std::string listen;
            s->text("listen", listen);
            if (!parse_listen(listen, c.http))
                s->fail_at("listen", "expected an IP address and a port, got \"" + listen + "\"",
                           "write it like \"127.0.0.1:8080\" (or \"[::1]:8080\", \"0.0.0.0:8080\")");
        }
        s->integer("max_body_bytes", c.http.max_body_bytes, 1024, 100 << 20);
        s->integer("max_header_bytes", c.http.max_header_bytes, 1024, 1 << 20);
        s->integer("read_timeout_seconds", c.http.read_timeout_seconds, 1, 3600);
        s->integer("max_connections", c.http.max_connections, 1, 100000);
    }
    if (auto s =
            top.child("storage", {"path", "max_batch", "synchronous", "busy_timeout_ms", "check_on_start"})) {
        s->text("path", c.storage.db_path);
        s->integer("max_batch", c.storage.max_batch, 1, 100000);
        s->choice("synchronous", c.storage.synchronous, {"full", "normal"});
        s->integer("busy_timeout_ms", c.storage.busy_timeout_ms, 1, 600000);
        s->flag("check_on_start", c.storage.check_on_start);
    }
    if (auto s = top.child("outbox", {"retry_base_ms", "retry_max_ms", "max_attempts",
                                      "shutdown_grace_seconds", "give_up_after_seconds"})) {
        s->integer("retry_base_ms", c.outbox.retry_base_ms, 1, 3600000);
        s->integer("retry_max_ms", c.outbox.retry_max_ms, 1, 86400000);
        s->integer("max_attempts", c.outbox.max_attempts, 1, 1000);
        s->integer("give_up_after_seconds", c.outbox.give_up_after_seconds, 0, 30 * 86400);
        s->integer("shutdown_grace_seconds", c.outbox.shutdown_grace_seconds, 0, 600);
    }
    if (auto s = top.child("telegram", {"token", "api_base", "webhook_secret", "mode", "bot_username",
                                        "public_url", "poll_timeout_seconds", "poll_idle_ms", "connections",
                                        "send_timeout_seconds", "pipeline_depth", "limits", "quiet_hours"})) {
        auto& t = c.telegram;
        // Whoever reads the file could post fake updates with the secret.
        refuse_secrets(*s, {{"token", "TELEGRAM_BOT_TOKEN"}, {"webhook_secret", "TELEGRAM_WEBHOOK_SECRET"}});
        s->text("api_base", t.api_base);
        s->choice("mode", t.mode, {"webhook", "polling"});
        s->text("bot_username", t.bot_username);
        s->text("public_url", t.public_url);
        s->integer("poll_timeout_seconds", t.poll_timeout_seconds, 0, 600);
        s->integer("poll_idle_ms", t.poll_idle_ms, 0, 60000);
        s->integer("send_timeout_seconds", t.send_timeout_seconds, 1, 300);
        s->integer("connections", t.connections, 1, 64);
        s->integer("pipeline_depth", t.pipeline_depth, 1, 64);
        if (auto l = s->child("limits", limit_keys))
            read_limits(*l, t.limits);
        if (auto q = s->child("quiet_hours", quiet_keys))
            read_quiet(*q, t.quiet);
    }
    if (auto s = top.child("zalo_oa", {"app_id", "api_base", "oauth_base", "replay_window_seconds",
                                       "refresh_ahead_seconds", "limits", "quiet_hours", "secret_key",
                                       "app_secret", "access_token", "refresh_token"})) {
        auto& z = c.zalo_oa;
        refuse_secrets(*s, {{"secret_key", "ZALO_OA_SECRET_KEY"},
                            {"app_secret", "ZALO_APP_SECRET"},
                            {"access_token", "ZALO_OA_ACCESS_TOKEN"},
                            {"refresh_token", "ZALO_OA_REFRESH_TOKEN"}});
        s->text("app_id", z.app_id);
        s->text("api_base", z.api_base);
        s->text("oauth_base", z.oauth_base);
        s->integer("replay_window_seconds", z.replay_window_seconds, 0, 86400 * 7);
        s->integer("refresh_ahead_seconds", z.refresh_ahead_seconds, 60, 86400);
        if (auto l = s->child("limits", limit_keys))
            read_limits(*l, z.limits);
        if (auto q = s->child("quiet_hours", quiet_keys))
            read_quiet(*q, z.quiet);
    }
    if (auto s = top.child("zalo_bot", {"api_base", "webhook_secret", "mode", "poll_timeout_seconds",
                                        "poll_idle_ms", "limits", "quiet_hours", "token"})) {
        auto& z = c.zalo_bot;
        refuse_secrets(*s, {{"token", "ZALO_BOT_TOKEN"}, {"webhook_secret", "ZALO_BOT_WEBHOOK_SECRET"}});
        s->text("api_base", z.api_base);
        s->choice("mode", z.mode, {"webhook", "polling"});
        s->integer("poll_timeout_seconds", z.poll_timeout_seconds, 0, 600);
        s->integer("poll_idle_ms", z.poll_idle_ms, 0, 60000);
        if (auto l = s->child("limits", limit_keys))
            read_limits(*l, z.limits);
        if (auto q = s->child("quiet_hours", quiet_keys))
            read_quiet(*q, z.quiet);
    }
    if (top.has("timezone")) {
        std::string tz;
        top.text("timezone", tz);
        auto off = parse_utc_offset(tz);
        if (!off)
            top.fail_at("timezone", "cannot read \"" + tz + "\" as a time zone",
                        "write an offset like \"+07:00\" or \"Asia/Ho_Chi_Minh\"");
        c.utc_offset_minutes = *off;
    }
    top.choice("default_language", c.default_language, {"vi", "en"});
    top.choice("log_level", c.log_level, {"trace", "debug", "info", "warn", "error", "off"});
    // Read but used by nothing: an operator setting it would look for guides there in vain.
    if (top.has("guides_dir"))
        top.fail_at("guides_dir",
                    "the bot does not use it: guides added with /tailieu_them are kept in the "
                    "database, the shipped ones are compiled in from messages/guides/",
                    "remove it");
    top.integer("visit_topic_question_minutes", c.visit_topic_question_minutes, 1, 24 * 60);
    top.integer("undo_window_hours", c.undo_window_hours, 1, 24 * 30);
    top.integer("visit_max_people", c.visit_max_people, 1, 10000);
    top.list("deadlines", deadline_keys,
             [&](const section& s) { c.default_deadlines.push_back(read_deadline(s)); });
    top.list("wards", {"name", "join_policy", "deadlines", "targets"}, [&](const section& s) {
        ward_config w;
        s.text("name", w.name);
        if (w.name.empty())
            s.fail_at("name", "a ward needs its name", "add \"name\": \"Phường ...\" as on the roster");
        s.choice("join_policy", w.join_policy, {"roster", "open"});
        s.list("deadlines", deadline_keys,
               [&](const section& d) { w.deadlines.push_back(read_deadline(d)); });
        s.list("targets", {"code", "name", "name_en", "metric", "goal", "per"}, [&](const section& t) {
            target_config tc;
            t.text("code", tc.code);
            t.text("name", tc.name);
            t.text("name_en", tc.name_en);
            t.text("metric", tc.metric);
            t.number("goal", tc.goal, 0, 1e12);
            // Goals count households, people or sessions: 2.5 was rounded without a word, so the
            // ward's target read differently from the plan it was copied from.
            if (tc.goal != std::floor(tc.goal)) {
                std::ostringstream given;
                given << tc.goal;
                t.fail_at("goal",
                          "a goal counts households, people or sessions, so it is a whole number; got " +
                              given.str(),
                          "write " + std::to_string(static_cast<long long>(std::floor(tc.goal))) + " or " +
                              std::to_string(static_cast<long long>(std::ceil(tc.goal))) +
                              ", without a decimal point");
            }
            t.choice("per", tc.per, {"year", "quarter", "month"});
            if (tc.code.empty() || tc.metric.empty())
                t.fail_at("", "a target needs \"code\" and \"metric\"",
                          "add them, e.g. \"metric\": \"households\" or \"topic:vneid\"");
            // Anything else counts nothing, and the target would read 0% all year.
            if (tc.metric != "households" && tc.metric != "people" && tc.metric != "sessions" &&
                (!tc.metric.starts_with("topic:") || tc.metric.size() == 6))
                t.fail_at("metric", "the bot counts no \"" + tc.metric + "\"",
                          "use households, people, sessions or topic:<code>, e.g. topic:vneid");
            w.targets.push_back(std::move(tc));
        });
        c.wards.push_back(std::move(w));
    });
}

bool is_hex(const std::string& s) {
    return std::all_of(s.begin(), s.end(), [](unsigned char ch) { return std::isxdigit(ch); });
}

// The environment variables the configuration reads, each with what it sets: the one list,
// also behind the warning about variables the bot does not read (env_names.cpp), so a new
// variable cannot be read here and warned about there.
struct env_setting {
    std::string_view name;
    void (*apply)(config& c, const std::string& value);
};

void read_data_key_file(config& c, const std::string& file) {
    std::error_code ec;
    std::ifstream in(file);
    if (!in || std::filesystem::is_directory(file, ec))
        throw bad_config{"CNSCD_DATA_KEY_FILE names \"" + file +
                         "\", which cannot be read as a file. Fix: check the path and its permissions"};
    in >> c.data_key;
    // An empty file would leave the data key unset: CCCDs stored in clear, those stored
    // encrypted unreadable.
    if (c.data_key.empty())
        throw bad_config{"CNSCD_DATA_KEY_FILE names \"" + file +
                         "\", which holds no key. Fix: write the key into it (openssl rand -hex 32 > " +
                         file + "), or restore the file that was there"};
}

// In the order applied (CNSCD_DATA_KEY_FILE after CNSCD_DATA_KEY: the file wins).
constexpr env_setting env_settings[] = {
    {"CNSCD_LISTEN",
     [](config& c, const std::string& v) {
         if (!parse_listen(v, c.http))
             throw bad_config{"environment variable CNSCD_LISTEN=\"" + v +
                              "\" is not an IP address and a port. Fix: set it like 127.0.0.1:8080 (or "
                              "[::1]:8080, 0.0.0.0:8080)"};
     }},
    {"CNSCD_DB", [](config& c, const std::string& v) { c.storage.db_path = v; }},
    {"CNSCD_TIMEZONE",
     [](config& c, const std::string& v) {
         auto off = parse_utc_offset(v);
         if (!off)
             throw bad_config{"environment variable CNSCD_TIMEZONE=\"" + v +
                              "\" is not a time zone. Fix: set it like +07:00 or Asia/Ho_Chi_Minh"};
         c.utc_offset_minutes = *off;
     }},
    {"CNSCD_LOG_LEVEL", [](config& c, const std::string& v) { c.log_level = v; }},
    {"TELEGRAM_BOT_TOKEN", [](config& c, const std::string& v) { c.telegram.token = v; }},
    {"TELEGRAM_API_BASE", [](config& c, const std::string& v) { c.telegram.api_base = v; }},
    {"TELEGRAM_WEBHOOK_SECRET", [](config& c, const std::string& v) { c.telegram.webhook_secret = v; }},
    {"TELEGRAM_MODE", [](config& c, const std::string& v) { c.telegram.mode = v; }},
    {"TELEGRAM_BOT_USERNAME", [](config& c, const std::string& v) { c.telegram.bot_username = v; }},
    {"TELEGRAM_PUBLIC_URL", [](config& c, const std::string& v) { c.telegram.public_url = v; }},
    {"ZALO_OA_APP_ID", [](config& c, const std::string& v) { c.zalo_oa.app_id = v; }},
    {"ZALO_OA_SECRET_KEY", [](config& c, const std::string& v) { c.zalo_oa.secret_key = v; }},
    {"ZALO_APP_SECRET", [](config& c, const std::string& v) { c.zalo_oa.app_secret = v; }},
    {"ZALO_OA_ACCESS_TOKEN", [](config& c, const std::string& v) { c.zalo_oa.access_token = v; }},
    {"ZALO_OA_REFRESH_TOKEN", [](config& c, const std::string& v) { c.zalo_oa.refresh_token = v; }},
    {"ZALO_OA_API_BASE", [](config& c, const std::string& v) { c.zalo_oa.api_base = v; }},
    {"ZALO_OAUTH_BASE", [](config& c, const std::string& v) { c.zalo_oa.oauth_base = v; }},
    {"ZALO_BOT_TOKEN", [](config& c, const std::string& v) { c.zalo_bot.token = v; }},
    {"ZALO_BOT_API_BASE", [](config& c, const std::string& v) { c.zalo_bot.api_base = v; }},
    {"ZALO_BOT_WEBHOOK_SECRET", [](config& c, const std::string& v) { c.zalo_bot.webhook_secret = v; }},
    {"ZALO_BOT_MODE", [](config& c, const std::string& v) { c.zalo_bot.mode = v; }},
    {"CNSCD_DATA_KEY", [](config& c, const std::string& v) { c.data_key = v; }},
    {"CNSCD_DATA_KEY_FILE", read_data_key_file},
};

constexpr std::string_view config_file_env = "CNSCD_CONFIG";

void apply_env(config& c, const env_lookup& env) {
    for (auto& s : env_settings)
        if (auto v = env(s.name))
            s.apply(c, *v);
}

void validate(const config& c) {
    auto env_fail = [](const std::string& what) { throw bad_config{what}; };
    if (c.telegram.mode != "webhook" && c.telegram.mode != "polling")
        env_fail("TELEGRAM_MODE=\"" + c.telegram.mode + "\" is not a mode. Fix: use webhook or polling");
    if (c.zalo_bot.mode != "webhook" && c.zalo_bot.mode != "polling")
        env_fail("ZALO_BOT_MODE=\"" + c.zalo_bot.mode + "\" is not a mode. Fix: use webhook or polling");
    for (auto* base :
         {&c.telegram.api_base, &c.zalo_oa.api_base, &c.zalo_oa.oauth_base, &c.zalo_bot.api_base})
        if (!base->starts_with("https://") && !base->starts_with("http://"))
            env_fail("API base \"" + *base + "\" (" + c.source +
                     " or environment) must start with https:// or http://. Fix: write the full URL, e.g. "
                     "https://api.telegram.org");
    auto& secret = c.telegram.webhook_secret;
    if (!secret.empty() &&
        (secret.size() > 256 || !std::all_of(secret.begin(), secret.end(), [](unsigned char ch) {
             return std::isalnum(ch) || ch == '_' || ch == '-';
         })))
        env_fail(
            "TELEGRAM_WEBHOOK_SECRET must be 1-256 characters from A-Z a-z 0-9 _ - (Telegram's rule). Fix: "
            "generate one with: openssl rand -hex 32");
    if (c.telegram.enabled() && c.telegram.mode == "webhook" && secret.empty())
        env_fail(
            "Telegram runs in webhook mode but TELEGRAM_WEBHOOK_SECRET is not set, so anyone could post fake "
            "updates. Fix: export TELEGRAM_WEBHOOK_SECRET=$(openssl rand -hex 32), or TELEGRAM_MODE=polling "
            "(or \"telegram.mode\": \"polling\" in the config file)");
    // Zalo: a half-configured OA would silently receive nothing (every signature fails).
    if (!c.zalo_oa.app_id.empty() && c.zalo_oa.secret_key.empty())
        env_fail(
            "ZALO_OA_APP_ID is set but ZALO_OA_SECRET_KEY is not, so no Zalo OA webhook could be verified. "
            "Fix: export ZALO_OA_SECRET_KEY=<the OA Secret Key shown where the app is linked to the OA "
            "(not the App Secret)>");
    if (c.zalo_oa.app_id.empty() && !c.zalo_oa.secret_key.empty())
        env_fail(
            "ZALO_OA_SECRET_KEY is set but ZALO_OA_APP_ID is not. Fix: export ZALO_OA_APP_ID=<the app id "
            "at developers.zalo.me>");
    auto& bot_secret = c.zalo_bot.webhook_secret;
    if (c.zalo_bot.enabled() && c.zalo_bot.mode == "webhook" &&
        (bot_secret.size() < 8 || bot_secret.size() > 256))
        env_fail(
            "the Zalo Bot runs in webhook mode, so ZALO_BOT_WEBHOOK_SECRET must be set to 8-256 characters "
            "(Zalo's rule). Fix: export ZALO_BOT_WEBHOOK_SECRET=$(openssl rand -hex 32), or "
            "ZALO_BOT_MODE=polling (or \"zalo_bot.mode\": \"polling\" in the config file)");
    if (!c.data_key.empty() && (c.data_key.size() != 64 || !is_hex(c.data_key)))
        env_fail(
            "the data key (CNSCD_DATA_KEY or CNSCD_DATA_KEY_FILE) must be 64 hexadecimal characters (32 "
            "bytes). Fix: if the bot ran with a key before, put that key back (a new key cannot read the "
            "CCCDs the old one encrypted); else create one with: openssl rand -hex 32 > data/key && "
            "chmod 600 data/key, and set CNSCD_DATA_KEY_FILE=data/key");
    if (c.storage.db_path.empty())
        env_fail("the database path is empty. Fix: set CNSCD_DB or \"storage.path\" in " + c.source);
    static const std::set<std::string> levels{"trace", "debug", "info", "warn", "error", "off"};
    if (!levels.contains(c.log_level))
        env_fail("CNSCD_LOG_LEVEL=\"" + c.log_level +
                 "\" is not a level. Fix: use one of trace, debug, info, warn, "
                 "error, off");
    std::set<std::string> wards;
    for (auto& w : c.wards)
        if (!wards.insert(w.name).second)
            env_fail(c.source + ": ward \"" + w.name +
                     "\" is listed twice in \"wards\". Fix: merge the two entries");
}

} // namespace

std::vector<std::string_view> config_env_names() {
    std::vector<std::string_view> names{config_file_env};
    for (auto& s : env_settings)
        names.push_back(s.name);
    return names;
}

env_lookup process_env() {
    return [](std::string_view name) -> std::optional<std::string> {
        if (const char* v = std::getenv(std::string(name).c_str()); v && *v)
            return std::string(v);
        return std::nullopt;
    };
}

std::optional<int> parse_utc_offset(std::string_view t) {
    if (t == "UTC" || t == "Z" || t == "utc")
        return 0;
    if (t == "Asia/Ho_Chi_Minh" || t == "Asia/Saigon" || t == "Asia/Bangkok" || t == "Asia/Jakarta")
        return 7 * 60;
    if (t.size() != 6 || (t[0] != '+' && t[0] != '-') || t[3] != ':')
        return std::nullopt;
    for (int i : {1, 2, 4, 5})
        if (!std::isdigit(static_cast<unsigned char>(t[i])))
            return std::nullopt;
    int h = (t[1] - '0') * 10 + (t[2] - '0');
    int m = (t[4] - '0') * 10 + (t[5] - '0');
    if (h > 14 || m > 59)
        return std::nullopt;
    int total = h * 60 + m;
    return t[0] == '-' ? -total : total;
}

std::expected<config, config_error> load_config_text(std::string_view text, std::string source,
                                                     const env_lookup& env) {
    config c;
    c.source = std::move(source);
    try {
        json root;
        try {
            root = json::parse(text);
        } catch (const json::parse_error& e) {
            // nlohmann reports the byte; turn it into a line number people can find.
            std::size_t line =
                1 + std::count(text.begin(), text.begin() + std::min(e.byte, text.size()), '\n');
            throw bad_config{c.source + ": not valid JSON near line " + std::to_string(line) + " (" +
                             std::string(e.what()).substr(std::string(e.what()).find(']') + 2) +
                             "). Fix: check commas, quotes and braces on that line"};
        }
        read_file_into(c, root, c.source);
        apply_env(c, env);
        validate(c);
    } catch (const bad_config& e) {
        return std::unexpected(config_error{e.message});
    }
    return c;
}

std::expected<config, config_error> load_config(const std::optional<std::string>& path,
                                                const env_lookup& env) {
    std::optional<std::string> file = path;
    if (!file)
        file = env(config_file_env);
    if (!file) {
        config c;
        try {
            apply_env(c, env);
            validate(c);
        } catch (const bad_config& e) {
            return std::unexpected(config_error{e.message});
        }
        return c;
    }
    std::error_code ec;
    auto status = std::filesystem::status(*file, ec);
    // A folder on the way the bot's user may not enter says "permission denied", not "missing".
    if (ec && ec != std::errc::no_such_file_or_directory && ec != std::errc::not_a_directory)
        return std::unexpected(config_error{"cannot read the config file \"" + *file + "\" (" + ec.message() +
                                            "). Fix: let the bot's user read it and enter its folder, e.g. "
                                            "chgrp cnscd and chmod 750 on the folder, 640 on the file"});
    if (!std::filesystem::exists(status))
        return std::unexpected(config_error{"the config file \"" + *file +
                                            "\" does not exist. Fix: check the path given to --config or "
                                            "CNSCD_CONFIG (a copy of config/example.json is a start)"});
    if (std::filesystem::is_directory(status))
        return std::unexpected(config_error{"the config file \"" + *file +
                                            "\" is a folder. Fix: name the JSON file in it with --config or "
                                            "CNSCD_CONFIG"});
    std::ifstream in(*file, std::ios::binary);
    if (!in)
        return std::unexpected(config_error{"cannot read the config file \"" + *file + "\" (" +
                                            std::strerror(errno) +
                                            "). Fix: let the bot's user read it, e.g. chgrp cnscd and chmod "
                                            "640 on the file"});
    std::stringstream buf;
    buf << in.rdbuf();
    return load_config_text(buf.str(), *file, env);
}

} // namespace cnscd
