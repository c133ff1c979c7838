#include "config/env_names.hpp"
#include "config/load_config.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>

namespace cnscd {
namespace {

env_lookup env(std::map<std::string, std::string> vars) {
    return [vars](std::string_view name) -> std::optional<std::string> {
        auto it = vars.find(std::string(name));
        if (it == vars.end())
            return std::nullopt;
        return it->second;
    };
}

TEST(load_config, defaults_work_without_a_file) {
    auto c = load_config(std::nullopt, env({}));
    ASSERT_TRUE(c) << c.error().message;
    EXPECT_EQ(c->http.host, "127.0.0.1");
    EXPECT_EQ(c->http.port, 8080);
    EXPECT_EQ(c->storage.db_path, "data/cnscd.db");
    EXPECT_EQ(c->utc_offset_minutes, 420);
    EXPECT_FALSE(c->telegram.enabled());
}

TEST(load_config, environment_overrides_the_file) {
    auto c = load_config_text(
        R"({"http": {"listen": "0.0.0.0:9000"}, "storage": {"path": "x.db"}})", "bot.json",
        env({{"CNSCD_LISTEN", "127.0.0.1:7000"}, {"CNSCD_DB", "/tmp/y.db"}, {"CNSCD_TIMEZONE", "+05:30"}}));
    ASSERT_TRUE(c) << c.error().message;
    EXPECT_EQ(c->http.port, 7000);
    EXPECT_EQ(c->storage.db_path, "/tmp/y.db");
    EXPECT_EQ(c->utc_offset_minutes, 330);
}

TEST(load_config, unknown_key_names_file_key_and_suggestion) {
    auto c = load_config_text(R"({"http": {"lisen": "0.0.0.0:9000"}})", "bot.json", env({}));
    ASSERT_FALSE(c);
    EXPECT_NE(c.error().message.find("bot.json"), std::string::npos);
    EXPECT_NE(c.error().message.find("http.lisen"), std::string::npos);
    EXPECT_NE(c.error().message.find("http.listen"), std::string::npos);
}

TEST(load_config, wrong_type_says_what_was_expected) {
    auto c = load_config_text(R"({"http": {"max_connections": "many"}})", "bot.json", env({}));
    ASSERT_FALSE(c);
    EXPECT_NE(c.error().message.find("http.max_connections"), std::string::npos);
    EXPECT_NE(c.error().message.find("whole number"), std::string::npos);
}

TEST(load_config, fault_settings_are_read_and_bounded) {
    auto c = load_config_text(R"({"storage": {"busy_timeout_ms": 250, "check_on_start": false},
        "outbox": {"give_up_after_seconds": 60}, "telegram": {"send_timeout_seconds": 5}})",
                              "bot.json", env({}));
    ASSERT_TRUE(c) << c.error().message;
    EXPECT_EQ(c->storage.busy_timeout_ms, 250);
    EXPECT_FALSE(c->storage.check_on_start);
    EXPECT_EQ(c->outbox.give_up_after_seconds, 60);
    EXPECT_EQ(c->telegram.send_timeout_seconds, 5);
    c = load_config_text(R"({"storage": {"busy_timeout_ms": 0}})", "bot.json", env({}));
    ASSERT_FALSE(c);
    EXPECT_NE(c.error().message.find("storage.busy_timeout_ms"), std::string::npos) << c.error().message;
}

TEST(load_config, the_most_people_on_one_household_visit_is_read_and_bounded) {
    EXPECT_EQ(load_config(std::nullopt, env({}))->visit_max_people, 50);
    auto c = load_config_text(R"({"visit_max_people": 12})", "bot.json", env({}));
    ASSERT_TRUE(c) << c.error().message;
    EXPECT_EQ(c->visit_max_people, 12);
    for (auto text : {R"({"visit_max_people": 0})", R"({"visit_max_people": "50"})"}) {
        c = load_config_text(text, "bot.json", env({}));
        ASSERT_FALSE(c) << text;
        EXPECT_NE(c.error().message.find("bot.json"), std::string::npos) << c.error().message;
        EXPECT_NE(c.error().message.find("visit_max_people"), std::string::npos) << c.error().message;
        EXPECT_NE(c.error().message.find("whole number from 1 to 10000"), std::string::npos)
            << c.error().message;
    }
}

TEST(load_config, broken_json_points_at_the_line) {
    auto c = load_config_text("{\n \"http\": {\n  \"listen\": \"a:1\",\n }\n}", "bot.json", env({}));
    ASSERT_FALSE(c);
    EXPECT_NE(c.error().message.find("line 4"), std::string::npos) << c.error().message;
}

TEST(load_config, token_in_file_is_refused) {
    auto c = load_config_text(R"({"telegram": {"token": "123:abc"}})", "bot.json", env({}));
    ASSERT_FALSE(c);
    EXPECT_NE(c.error().message.find("TELEGRAM_BOT_TOKEN"), std::string::npos);
}

// README: secrets come only from the environment. The webhook secrets were read from the file,
// and a wrong one there was reported as TELEGRAM_WEBHOOK_SECRET, which was not set at all.
TEST(load_config, webhook_secrets_in_file_are_refused) {
    auto c = load_config_text(R"({"telegram": {"webhook_secret": "abcdefgh"}})", "bot.json", env({}));
    ASSERT_FALSE(c);
    EXPECT_NE(c.error().message.find("telegram.webhook_secret"), std::string::npos) << c.error().message;
    EXPECT_NE(c.error().message.find("TELEGRAM_WEBHOOK_SECRET"), std::string::npos) << c.error().message;
    c = load_config_text(R"({"zalo_bot": {"webhook_secret": "abcdefgh"}})", "bot.json", env({}));
    ASSERT_FALSE(c);
    EXPECT_NE(c.error().message.find("ZALO_BOT_WEBHOOK_SECRET"), std::string::npos) << c.error().message;
    // The Zalo OA's secrets name their variable too, not only "see README".
    c = load_config_text(R"({"zalo_oa": {"access_token": "abcdefgh"}})", "bot.json", env({}));
    ASSERT_FALSE(c);
    EXPECT_NE(c.error().message.find("ZALO_OA_ACCESS_TOKEN"), std::string::npos) << c.error().message;
}

TEST(load_config, webhook_mode_requires_a_secret) {
    auto c = load_config(std::nullopt, env({{"TELEGRAM_BOT_TOKEN", "1:x"}}));
    ASSERT_FALSE(c);
    EXPECT_NE(c.error().message.find("TELEGRAM_WEBHOOK_SECRET"), std::string::npos);
    auto polling =
        load_config(std::nullopt, env({{"TELEGRAM_BOT_TOKEN", "1:x"}, {"TELEGRAM_MODE", "polling"}}));
    EXPECT_TRUE(polling) << polling.error().message;
}

TEST(load_config, bad_environment_values_are_named) {
    auto c = load_config(std::nullopt, env({{"CNSCD_LISTEN", "nonsense"}}));
    ASSERT_FALSE(c);
    EXPECT_NE(c.error().message.find("CNSCD_LISTEN"), std::string::npos);
    c = load_config(std::nullopt, env({{"CNSCD_TIMEZONE", "Mars/Base"}}));
    ASSERT_FALSE(c);
    EXPECT_NE(c.error().message.find("CNSCD_TIMEZONE"), std::string::npos);
    c = load_config(std::nullopt, env({{"TELEGRAM_MODE", "push"}}));
    ASSERT_FALSE(c);
    EXPECT_NE(c.error().message.find("TELEGRAM_MODE"), std::string::npos);
}

TEST(load_config, missing_file_is_reported) {
    auto c = load_config(std::string("/nonexistent/bot.json"), env({}));
    ASSERT_FALSE(c);
    EXPECT_NE(c.error().message.find("/nonexistent/bot.json"), std::string::npos);
}

TEST(load_config, deadline_needs_its_parts) {
    auto c = load_config_text(R"({"deadlines": [{"code": "y", "name": "Năm", "kind": "yearly", "day": 30}]})",
                              "bot.json", env({}));
    ASSERT_FALSE(c);
    EXPECT_NE(c.error().message.find("deadlines[0].month"), std::string::npos) << c.error().message;
}

// "127.0.0.1:80x" used to listen on port 80, and "abc:80" passed here and failed only in
// serve, after the database was created, with exit code 1 (restarted by systemd).
TEST(load_config, listen_needs_an_ip_address_and_a_whole_port) {
    for (auto bad : {"127.0.0.1:80x", "127.0.0.1:8080 ", "abc:80", ":8080", "127.0.0.1:0", "127.0.0.1:"}) {
        auto c = load_config(std::nullopt, env({{"CNSCD_LISTEN", bad}}));
        ASSERT_FALSE(c) << bad;
        EXPECT_NE(c.error().message.find("CNSCD_LISTEN"), std::string::npos) << c.error().message;
        EXPECT_NE(c.error().message.find("Fix: "), std::string::npos) << c.error().message;
        auto f =
            load_config_text(std::string(R"({"http": {"listen": ")") + bad + "\"}}", "bot.json", env({}));
        ASSERT_FALSE(f) << bad;
        EXPECT_NE(f.error().message.find("bot.json: key \"http.listen\""), std::string::npos)
            << f.error().message;
    }
    auto v6 = load_config(std::nullopt, env({{"CNSCD_LISTEN", "[::1]:18080"}}));
    ASSERT_TRUE(v6) << v6.error().message;
    EXPECT_EQ(v6->http.host, "::1");
    EXPECT_EQ(v6->http.port, 18080);
    auto local = load_config(std::nullopt, env({{"CNSCD_LISTEN", "localhost:18080"}}));
    ASSERT_TRUE(local) << local.error().message;
    EXPECT_EQ(local->http.host, "127.0.0.1");
}

// A deadline without "kind" was accepted and never fell due: no reminders, no report, no error.
TEST(load_config, deadline_needs_its_kind) {
    auto c = load_config_text(R"({"deadlines": [{"code": "m", "name": "Tháng", "day": 24}]})", "bot.json",
                              env({}));
    ASSERT_FALSE(c);
    EXPECT_NE(c.error().message.find("deadlines[0].kind"), std::string::npos) << c.error().message;
    EXPECT_NE(c.error().message.find("monthly"), std::string::npos) << c.error().message;
}

// "month": 5 on a quarterly deadline was accepted and read as "the month after the quarter".
TEST(load_config, a_quarterly_deadline_month_is_0_or_1) {
    auto c = load_config_text(
        R"({"deadlines": [{"code": "q", "name": "Quý", "kind": "quarterly", "day": 25, "month": 5}]})",
        "bot.json", env({}));
    ASSERT_FALSE(c);
    EXPECT_NE(c.error().message.find("deadlines[0].month"), std::string::npos) << c.error().message;
    EXPECT_NE(c.error().message.find("0 or 1"), std::string::npos) << c.error().message;
    auto ok = load_config_text(
        R"({"deadlines": [{"code": "q", "name": "Quý", "kind": "quarterly", "day": 5, "month": 1}]})",
        "bot.json", env({}));
    EXPECT_TRUE(ok) << ok.error().message;
}

// A misspelt metric counted nothing: the target showed 0% all year.
TEST(load_config, target_metric_must_be_one_the_bot_counts) {
    auto c = load_config_text(
        R"({"wards": [{"name": "P", "targets": [{"code": "v", "metric": "topc:vneid", "goal": 5}]}]})",
        "bot.json", env({}));
    ASSERT_FALSE(c);
    EXPECT_NE(c.error().message.find("wards[0].targets[0].metric"), std::string::npos) << c.error().message;
    EXPECT_NE(c.error().message.find("households"), std::string::npos) << c.error().message;
    auto ok = load_config_text(
        R"({"wards": [{"name": "P", "targets": [{"code": "v", "metric": "topic:vneid", "goal": 5}]}]})",
        "bot.json", env({}));
    EXPECT_TRUE(ok) << ok.error().message;
}

// "goal": 2.5 was rounded without a word: a goal counts households, people or sessions.
TEST(load_config, target_goal_must_be_a_whole_number) {
    auto c = load_config_text(
        R"({"wards": [{"name": "P", "targets": [{"code": "v", "metric": "households", "goal": 2.5}]}]})",
        "bot.json", env({}));
    ASSERT_FALSE(c);
    EXPECT_NE(c.error().message.find("bot.json"), std::string::npos) << c.error().message;
    EXPECT_NE(c.error().message.find("wards[0].targets[0].goal"), std::string::npos) << c.error().message;
    EXPECT_NE(c.error().message.find("got 2.5"), std::string::npos) << c.error().message;
    EXPECT_NE(c.error().message.find("write 2 or 3"), std::string::npos) << c.error().message;
    for (auto goal : {"3", "3.0", "0"}) {
        auto ok = load_config_text(
            std::string(
                R"({"wards": [{"name": "P", "targets": [{"code": "v", "metric": "households", "goal": )") +
                goal + "}]}]}",
            "bot.json", env({}));
        EXPECT_TRUE(ok) << goal << ": " << ok.error().message;
    }
}

} // namespace
} // namespace cnscd

namespace cnscd {
namespace {

TEST(load_config, shipped_example_is_valid) {
    auto c = load_config(std::string(CNSCD_SOURCE_DIR) + "/config/example.json", env({}));
    ASSERT_TRUE(c) << c.error().message;
    EXPECT_EQ(c->default_deadlines.size(), 3u);
    ASSERT_EQ(c->wards.size(), 1u);
    EXPECT_EQ(c->wards[0].targets.size(), 3u);
    // Names in English for readers who chose English (/ngonngu en).
    EXPECT_EQ(c->default_deadlines[0].name_en, "Monthly report");
    EXPECT_EQ(c->wards[0].targets[0].name_en, "Households helped");
    EXPECT_EQ(c->storage.busy_timeout_ms, 5000);
    EXPECT_EQ(c->outbox.give_up_after_seconds, 6 * 3600);
}

TEST(load_config, half_configured_zalo_is_refused_with_the_fix) {
    auto c = load_config(std::nullopt, env({{"ZALO_OA_APP_ID", "2553928453557884079"}}));
    ASSERT_FALSE(c);
    EXPECT_NE(c.error().message.find("ZALO_OA_SECRET_KEY"), std::string::npos) << c.error().message;
    c = load_config(std::nullopt, env({{"ZALO_OA_SECRET_KEY", "k"}}));
    ASSERT_FALSE(c);
    EXPECT_NE(c.error().message.find("ZALO_OA_APP_ID"), std::string::npos) << c.error().message;
    c = load_config(std::nullopt, env({{"ZALO_BOT_TOKEN", "t"}, {"ZALO_BOT_WEBHOOK_SECRET", "short"}}));
    ASSERT_FALSE(c);
    EXPECT_NE(c.error().message.find("8-256"), std::string::npos) << c.error().message;
    c = load_config(std::nullopt, env({{"ZALO_BOT_TOKEN", "t"}, {"ZALO_BOT_MODE", "polling"}}));
    EXPECT_TRUE(c) << "polling needs no webhook secret";
    c = load_config(std::nullopt, env({{"ZALO_OA_APP_ID", "1"}, {"ZALO_OA_SECRET_KEY", "k"}}));
    ASSERT_TRUE(c) << c.error().message;
    EXPECT_TRUE(c->zalo_oa.enabled());
}

// An empty key file (a failed `openssl ... > key`, a file emptied by a restore) used to leave
// the data key unset without a word: CCCDs imported after that were stored in clear.
TEST(load_config, an_empty_or_missing_data_key_file_is_refused) {
    auto dir = std::filesystem::temp_directory_path() / "cnscd_key_file_test";
    std::filesystem::create_directories(dir);
    auto empty = (dir / "key").string();
    std::ofstream(empty).close();
    auto c = load_config(std::nullopt, env({{"CNSCD_DATA_KEY_FILE", empty}}));
    ASSERT_FALSE(c);
    EXPECT_NE(c.error().message.find("holds no key"), std::string::npos) << c.error().message;
    EXPECT_NE(c.error().message.find(empty), std::string::npos) << c.error().message;
    c = load_config(std::nullopt, env({{"CNSCD_DATA_KEY_FILE", dir.string()}}));
    ASSERT_FALSE(c);
    EXPECT_NE(c.error().message.find("cannot be read as a file"), std::string::npos) << c.error().message;
    std::ofstream(empty) << std::string(64, 'a') << "\n";
    c = load_config(std::nullopt, env({{"CNSCD_DATA_KEY_FILE", empty}}));
    ASSERT_TRUE(c) << c.error().message;
    EXPECT_EQ(c->data_key, std::string(64, 'a'));
    std::filesystem::remove_all(dir);
}

// A malformed key was told to make a new one, not how the bot would find it, and not that a key
// already used must be put back instead: a new one cannot read what the old one encrypted.
TEST(load_config, a_malformed_data_key_says_how_to_make_and_name_one_and_to_keep_an_old_one) {
    auto c = load_config(std::nullopt, env({{"CNSCD_DATA_KEY", "abc123"}}));
    ASSERT_FALSE(c);
    auto& m = c.error().message;
    EXPECT_NE(m.find("must be 64 hexadecimal characters"), std::string::npos) << m;
    EXPECT_NE(m.find("if the bot ran with a key before, put that key back"), std::string::npos) << m;
    EXPECT_NE(m.find("set CNSCD_DATA_KEY_FILE=data/key"), std::string::npos) << m;
    EXPECT_EQ(m.find("abc123"), std::string::npos) << "the key is in the message";
}

// "guides_dir" was accepted and used by nothing: guides put there never appeared.
TEST(load_config, guides_dir_is_refused_as_unused) {
    auto c = load_config_text(R"({"guides_dir": "/srv/guides"})", "bot.json", env({}));
    ASSERT_FALSE(c);
    EXPECT_NE(c.error().message.find("bot.json: key \"guides_dir\": the bot does not use it"),
              std::string::npos)
        << c.error().message;
}

TEST(env_names, variables_the_bot_does_not_read_are_named_with_the_nearest_it_does) {
    auto w = unread_env_warnings({"CNSCD_DB", "PATH", "TELEGRAM_BOT_TOKN", "HOME", "CNSCD_LOG_LEVEL"});
    ASSERT_EQ(w.size(), 1u);
    EXPECT_NE(w[0].find("TELEGRAM_BOT_TOKN is set but cnscd-bot does not read it; did you mean "
                        "TELEGRAM_BOT_TOKEN?"),
              std::string::npos)
        << w[0];
}

// Spelling alone pointed TELEGRAM_TOKEN at TELEGRAM_MODE and CNSCD_DATABASE at CNSCD_DATA_KEY:
// an operator who followed the hint set the wrong variable and the bot still ran without
// Telegram, or on a new empty database. The names are now matched by their words first.
TEST(env_names, a_variable_named_in_other_words_points_to_the_one_meant) {
    auto meant = [](const std::string& written) {
        auto w = unread_env_warnings({written});
        EXPECT_EQ(w.size(), 1u) << written;
        if (w.empty())
            return std::string();
        auto from = w[0].find("did you mean ") + 13;
        return w[0].substr(from, w[0].find('?', from) - from);
    };
    EXPECT_EQ(meant("TELEGRAM_TOKEN"), "TELEGRAM_BOT_TOKEN");
    EXPECT_EQ(meant("TELEGRAM_API_TOKEN"), "TELEGRAM_BOT_TOKEN");
    EXPECT_EQ(meant("TELEGRAM_SECRET"), "TELEGRAM_WEBHOOK_SECRET");
    EXPECT_EQ(meant("CNSCD_DATABASE"), "CNSCD_DB");
    EXPECT_EQ(meant("CNSCD_DB_PATH"), "CNSCD_DB");
    EXPECT_EQ(meant("CNSCD_PORT"), "CNSCD_LISTEN");
    EXPECT_EQ(meant("CNSCD_TZ"), "CNSCD_TIMEZONE");
    EXPECT_EQ(meant("CNSCD_LOGLEVEL"), "CNSCD_LOG_LEVEL");
    EXPECT_EQ(meant("ZALO_TOKEN"), "ZALO_BOT_TOKEN");
    EXPECT_EQ(meant("ZALO_OA_TOKEN"), "ZALO_OA_ACCESS_TOKEN");
    EXPECT_EQ(meant("ZALO_BOT_SECRET"), "ZALO_BOT_WEBHOOK_SECRET");
    EXPECT_EQ(meant("ZALO_OA_SECRET"), "ZALO_OA_SECRET_KEY");
    EXPECT_EQ(meant("CNSCD_DATA_KEYFILE"), "CNSCD_DATA_KEY_FILE");
    EXPECT_EQ(meant("TELEGRAM_BOT_TOKN"), "TELEGRAM_BOT_TOKEN");
    EXPECT_EQ(meant("CNSCD_CONFIG_FILE"), "CNSCD_CONFIG");
}

// The variables were listed twice, where load_config reads them and again for the misspelling
// warning: one added only where it is read would have been reported as "not read". The warning
// now takes load_config's own list; this checks that list is what load_config asks for.
TEST(env_names, the_warning_knows_exactly_the_variables_load_config_reads) {
    std::set<std::string> asked;
    env_lookup recording = [&](std::string_view name) -> std::optional<std::string> {
        asked.insert(std::string(name));
        return std::nullopt;
    };
    ASSERT_TRUE(load_config(std::nullopt, recording));
    ASSERT_TRUE(load_config_text("{}", "bot.json", recording));
    auto listed_names = config_env_names();
    std::set<std::string> listed(listed_names.begin(), listed_names.end());
    EXPECT_EQ(asked, listed);
    EXPECT_TRUE(unread_env_warnings({asked.begin(), asked.end()}).empty());
    // What the warning knows beyond them is not the bot's configuration (the test harness's log).
    for (auto name : known_env_names()) {
        if (!asked.contains(std::string(name))) {
            EXPECT_TRUE(name == "CNSCD_TEST_LOG" || name == "CNSCD_BOT") << name;
        }
    }
}

// A folder given as --config read as "not valid JSON near line 1", which sent people looking
// for a comma.
TEST(load_config, a_folder_as_config_file_is_named_as_such) {
    auto dir = std::filesystem::temp_directory_path().string();
    auto c = load_config(dir, env({}));
    ASSERT_FALSE(c);
    EXPECT_NE(c.error().message.find("is a folder"), std::string::npos) << c.error().message;
    c = load_config(std::string("/nonexistent/bot.json"), env({}));
    ASSERT_FALSE(c);
    EXPECT_NE(c.error().message.find("does not exist"), std::string::npos) << c.error().message;
}

} // namespace
} // namespace cnscd
