// Crash test (bench/crash_test.sh; a short run is a ctest): the real binary serves webhooks from
// a load generator and sends to the fake Telegram server; it is killed with SIGKILL at random
// moments and restarted. Like Telegram, the generator posts again what was not acknowledged, and
// now and then redelivers what was. At the end every acknowledged update must be recorded once
// (one outbox row per update), every outbox row delivered, and each chat answered; replies beyond
// one per chat are the duplicates that the send-to-record window let through (counted, reported).
// Reminders run through the same kills: team groups with deadlines whose reminder times fall
// at the start of the run and a minute later (the scheduler plans them at each start and every
// 30 s); at the end no reminder slot may be planned twice, each planned reminder has exactly one
// outbox row per group, and group replies beyond that are counted as duplicates too.
//   crash_driver [--kills N] [--seed S] [--max-duplicates D] [--rate R] [--paced]
// --rate: updates offered per second in all (default: as fast as 4 clients go);
// --paced: the bot keeps Telegram's published limits (30 messages/s), as in production;
// by default they are lifted, so thousands of sends per second cross the window.
// Exit 0 when every check holds, 1 otherwise.

#include "tests/support/bot_process.hpp"
#include "tests/support/fake_telegram.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <nlohmann/json.hpp>

#include <atomic>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <iostream>
#include <map>
#include <mutex>
#include <random>
#include <set>
#include <string>
#include <thread>
#include <vector>

namespace {

using namespace std::chrono_literals;
using cnscd::test::bot_process;
using cnscd::test::fake_telegram;

const std::string secret = "crash-test-secret";
constexpr std::int64_t first_update = 7000000;
constexpr std::int64_t first_chat = 9100000;
constexpr int reminder_teams = 40;
constexpr std::int64_t first_group = -1009300000000; // team k's group: first_group - k

std::string group_of(int team) {
    return std::to_string(first_group - team);
}

// "HH:MM" and the date of a unix instant in +07:00, the bot's default zone.
struct local_minute {
    int year, month, day;
    std::string hhmm;
};
local_minute local_at(std::int64_t unix_seconds) {
    std::time_t t = unix_seconds + 7 * 3600;
    std::tm tm{};
    gmtime_r(&t, &tm);
    char hhmm[8];
    std::snprintf(hhmm, sizeof hhmm, "%02d:%02d", tm.tm_hour, tm.tm_min);
    return {tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, hhmm};
}

// One-off deadlines at 23:59 whose same-day reminders fall a minute ago, now, and in a minute
// (the last one only within a run longer than a minute: bench/crash_test.sh 20 usually is).
std::string reminder_config(std::int64_t start) {
    nlohmann::json deadlines = nlohmann::json::array();
    for (int i = 0; i < 3; ++i) {
        auto at = local_at(start + (i - 1) * 60);
        deadlines.push_back({{"code", "crash" + std::to_string(i)},
                             {"name", "Báo cáo thử " + std::to_string(i)},
                             {"kind", "once"},
                             {"year", at.year},
                             {"month", at.month},
                             {"day", at.day},
                             {"time", "23:59"},
                             {"who", "team"},
                             {"remind_days_before", {0}},
                             {"remind_time", at.hhmm},
                             {"grace_days", 1}});
    }
    return deadlines.dump();
}

// A ward with teams, each bound to a group chat, written before the first start.
void seed_teams(const std::string& db_path) {
    SQLite::Database db(db_path, SQLite::OPEN_READWRITE);
    SQLite::Transaction tx(db);
    db.exec("INSERT INTO wards (name, created_at) VALUES ('Phường Thử', 0)");
    auto ward = db.getLastInsertRowid();
    for (int k = 0; k < reminder_teams; ++k) {
        SQLite::Statement team(db, "INSERT INTO teams (ward_id, name, code, created_at) VALUES (?, ?, ?, 0)");
        team.bind(1, ward);
        team.bind(2, "Tổ " + std::to_string(k));
        team.bind(3, "to" + std::to_string(k));
        team.exec();
        SQLite::Statement group(db, "INSERT INTO group_bindings (channel, chat_id, ward_id, team_id, title, "
                                    "bound_at) VALUES ('telegram', ?, ?, ?, ?, 0)");
        group.bind(1, group_of(k));
        group.bind(2, ward);
        group.bind(3, db.getLastInsertRowid());
        group.bind(4, "Tổ " + std::to_string(k));
        group.exec();
    }
    tx.commit();
}

std::string update_body(std::int64_t n) {
    auto chat = first_chat + n;
    return nlohmann::json{
        {"update_id", first_update + n},
        {"message",
         {{"message_id", n + 1},
          {"from", {{"id", chat}, {"is_bot", false}, {"first_name", "Hoa"}, {"language_code", "vi"}}},
          {"chat", {{"id", chat}, {"type", "private"}, {"first_name", "Hoa"}}},
          {"date", 1767225600},
          {"text", "/start"}}}}
        .dump();
}

struct options {
    int kills = 20;
    unsigned seed = std::random_device{}();
    int max_duplicates = -1; // -1: report only
    int rate = 0;            // 0: unthrottled
    bool paced = false;
};

options read_options(int argc, char** argv) {
    options o;
    for (int i = 1; i < argc; i += 2) {
        std::string a = argv[i];
        if (a == "--paced") {
            o.paced = true;
            --i;
            continue;
        }
        if (i + 1 >= argc) {
            std::cerr << "crash_driver: " << a << " needs a value\n";
            std::exit(2);
        }
        if (a == "--rate")
            o.rate = std::atoi(argv[i + 1]);
        else if (a == "--kills")
            o.kills = std::atoi(argv[i + 1]);
        else if (a == "--seed")
            o.seed = static_cast<unsigned>(std::strtoul(argv[i + 1], nullptr, 10));
        else if (a == "--max-duplicates")
            o.max_duplicates = std::atoi(argv[i + 1]);
        else {
            std::cerr << "crash_driver: unknown option " << a
                      << " (use --kills N --seed S --max-duplicates D)\n";
            std::exit(2);
        }
    }
    return o;
}

// The platform's side: which updates exist and which were acknowledged.
struct ledger {
    std::mutex m;
    std::int64_t next = 0;          // updates created so far
    std::set<std::int64_t> unacked; // created or redelivered, not yet answered 200
    std::set<std::int64_t> acked;   // answered 200 at least once
    std::int64_t posts = 0, redeliveries = 0;
};

// Posts until `stop`: first what is owed (unacknowledged), else a new update; 1 in 100 posts
// redelivers an acknowledged update.
void load(ledger& l, std::uint16_t port, std::atomic<bool>& stop, unsigned seed,
          std::chrono::microseconds gap) {
    std::mt19937 rng(seed);
    auto next_post = std::chrono::steady_clock::now();
    while (!stop) {
        if (gap.count() > 0) {
            next_post += gap;
            std::this_thread::sleep_until(next_post);
        }
        std::int64_t n;
        {
            std::lock_guard lock(l.m);
            if (!l.acked.empty() && rng() % 100 == 0) {
                auto it = l.acked.begin();
                std::advance(it, static_cast<long>(rng() % std::min<std::size_t>(l.acked.size(), 1000)));
                n = *it;
                ++l.redeliveries;
            } else if (!l.unacked.empty()) {
                n = *l.unacked.begin();
                l.unacked.erase(l.unacked.begin()); // in flight; put back below if not acknowledged
            } else {
                n = l.next++;
            }
            ++l.posts;
        }
        auto r = cnscd::test::http_request_to(port, "POST", "/telegram/webhook", update_body(n),
                                              {{"X-Telegram-Bot-Api-Secret-Token", secret}}, 5s);
        std::lock_guard lock(l.m);
        if (r.status == 200) {
            l.acked.insert(n);
            l.unacked.erase(n);
        } else if (!l.acked.contains(n)) {
            l.unacked.insert(n);
        }
    }
}

} // namespace

int main(int argc, char** argv) {
    auto opt = read_options(argc, argv);
    std::mt19937 rng(opt.seed);
    fake_telegram telegram;
    telegram.set_delay(3ms); // sends take a moment, so some are in flight at each kill
    auto dir = cnscd::test::temp_dir("crash");
    auto db_path = dir + "/bot.db";
    auto port = cnscd::test::free_port();
    // A long run starts 5 s before a minute turns, so the third deadline's reminders fall due
    // while the bot is being killed and restarted (the short ctest run does not wait).
    if (opt.kills >= 10) {
        auto wait = (115 - std::time(nullptr) % 60) % 60;
        std::cout << "crash test: waiting " << wait << " s so that a reminder time falls inside the run\n";
        std::this_thread::sleep_for(std::chrono::seconds(wait));
    }
    auto started = static_cast<std::int64_t>(std::time(nullptr));
    // Quiet hours off: reminders are bulk messages, which wait for the morning otherwise.
    std::ofstream(dir + "/bot.json") << "{\"telegram\": {\"quiet_hours\": {\"enabled\": false}"
                                     << (opt.paced ? "" : R"(, "limits": {"enabled": false})") << "},"
                                     << R"("outbox": {"retry_base_ms": 100, "retry_max_ms": 400},)"
                                     << R"("wards": [{"name": "Phường Thử"}], "deadlines": )"
                                     << reminder_config(started) << "}";
    constexpr unsigned clients = 4;
    auto gap =
        opt.rate > 0 ? std::chrono::microseconds(1000000 * clients / opt.rate) : std::chrono::microseconds(0);
    std::map<std::string, std::string> env{{"CNSCD_DB", db_path},
                                           {"CNSCD_LISTEN", "127.0.0.1:" + std::to_string(port)},
                                           {"CNSCD_CONFIG", dir + "/bot.json"},
                                           {"TELEGRAM_BOT_TOKEN", "123456:CRASH"},
                                           {"TELEGRAM_API_BASE", telegram.base_url()},
                                           {"TELEGRAM_WEBHOOK_SECRET", secret},
                                           {"CNSCD_TEST_LOG", dir + "/bot.log"}};
    std::cout << "crash test: " << opt.kills << " kills, seed " << opt.seed << ", "
              << (opt.rate ? std::to_string(opt.rate) + " updates/s" : std::string("unthrottled load"))
              << ", " << (opt.paced ? "Telegram's limits kept" : "send limits lifted") << ", data in " << dir
              << "\n";

    {
        auto env_migrate = env;
        env_migrate.erase("CNSCD_LISTEN");
        bot_process migrate(env_migrate, {"migrate"});
        if (migrate.wait_exit() != 0) {
            std::cerr << "crash test: migrate failed; see " << dir << "/bot.log\n";
            return 1;
        }
        seed_teams(db_path);
    }

    ledger l;
    int early_kills = 0;
    for (int k = 0; k < opt.kills; ++k) {
        bot_process bot(env);
        // One kill in four hits the start itself (migrations, recovery, resending the backlog).
        if (k % 4 == 3) {
            std::this_thread::sleep_for(std::chrono::milliseconds(rng() % 150));
            if (bot.running()) {
                bot.kill_hard();
                ++early_kills;
                continue;
            }
        }
        if (!bot.wait_ready(port)) {
            std::cerr << "crash test: the bot did not start after kill " << k << "; see " << dir
                      << "/bot.log\n";
            return 1;
        }
        std::atomic<bool> stop{false};
        std::vector<std::thread> loaders;
        for (unsigned t = 0; t < clients; ++t)
            loaders.emplace_back(load, std::ref(l), port, std::ref(stop), opt.seed + k * 10 + t, gap);
        std::this_thread::sleep_for(std::chrono::milliseconds(100 + rng() % 900));
        bot.kill_hard();
        stop = true;
        for (auto& t : loaders)
            t.join();
    }

    // The last run: deliver what is still owed, let the outbox drain, stop cleanly.
    // Reminder times (whole minutes) reached before the final run starts: all of them are due.
    auto final_start = static_cast<std::int64_t>(std::time(nullptr));
    int due_per_team = 0;
    for (int i = 0; i < 3; ++i)
        due_per_team += (started + (i - 1) * 60) / 60 * 60 <= final_start;
    bot_process bot(env);
    if (!bot.wait_ready(port)) {
        std::cerr << "crash test: the bot did not start for the final run; see " << dir << "/bot.log\n";
        return 1;
    }
    for (int pass = 0; pass < 20; ++pass) {
        std::set<std::int64_t> owed;
        {
            std::lock_guard lock(l.m);
            owed = l.unacked;
        }
        if (owed.empty())
            break;
        for (auto n : owed) {
            auto r = cnscd::test::http_request_to(port, "POST", "/telegram/webhook", update_body(n),
                                                  {{"X-Telegram-Bot-Api-Secret-Token", secret}});
            std::lock_guard lock(l.m);
            if (r.status == 200) {
                l.acked.insert(n);
                l.unacked.erase(n);
            }
        }
    }
    const auto total = static_cast<std::size_t>(l.next);
    auto due_reminders = [&] {
        SQLite::Database db(db_path, SQLite::OPEN_READONLY);
        db.setBusyTimeout(5000);
        return static_cast<std::size_t>(
            db.execAndGet("SELECT COALESCE(SUM(messages), 0) FROM planned_reminders WHERE outcome = 'sent'")
                .getInt64());
    };
    // The reminders of the first deadline were due when the run began: planned at the first start.
    std::size_t reminders = 0;
    auto reminders_due = static_cast<std::size_t>(due_per_team * reminder_teams);
    for (int i = 0; i < 100 && reminders < reminders_due; ++i, std::this_thread::sleep_for(100ms))
        reminders = due_reminders();
    bool answered = telegram.wait_for(
        [&](const std::vector<cnscd::test::recorded_call>& calls) {
            std::set<std::string> chats;
            std::size_t to_groups = 0;
            for (auto& c : calls)
                if (c.method == "sendMessage") {
                    chats.insert(c.chat_id);
                    to_groups += c.chat_id.starts_with("-");
                }
            return chats.size() >= total + reminder_teams && to_groups >= reminders;
        },
        180s);
    std::this_thread::sleep_for(1s); // late duplicates, if any
    auto code = bot.terminate();

    // Checks.
    int failures = 0;
    auto fail = [&](const std::string& what) {
        ++failures;
        std::cout << "FAIL: " << what << "\n";
    };
    if (!answered)
        fail("not every chat was answered within 180 s");
    if (code != 0)
        fail("the final run did not stop cleanly (exit " + (code ? std::to_string(*code) : "none") + ")");
    if (!l.unacked.empty())
        fail(std::to_string(l.unacked.size()) + " updates were never acknowledged");

    SQLite::Database db(db_path, SQLite::OPEN_READONLY);
    std::set<std::int64_t> recorded;
    SQLite::Statement keys(db, "SELECT update_id FROM processed_updates WHERE channel = 'telegram'");
    while (keys.executeStep())
        recorded.insert(keys.getColumn(0).getInt64() - first_update);
    std::size_t lost = 0;
    for (auto n : l.acked)
        lost += !recorded.contains(n);
    if (lost)
        fail(std::to_string(lost) + " acknowledged updates are not recorded");
    std::map<std::string, int> rows_per_chat;
    SQLite::Statement rows(db, "SELECT chat_id, COUNT(*) FROM outbox WHERE channel = 'telegram' AND chat_id "
                               "NOT LIKE '-%' GROUP BY chat_id");
    while (rows.executeStep())
        rows_per_chat[rows.getColumn(0).getString()] = rows.getColumn(1).getInt();
    std::size_t twice = 0;
    for (auto& [chat, n] : rows_per_chat)
        twice += n > 1;
    if (twice)
        fail(std::to_string(twice) +
             " updates were handled more than once (several outbox rows for one chat)");
    if (rows_per_chat.size() != total)
        fail(std::to_string(rows_per_chat.size()) + " chats have an outbox row, expected " +
             std::to_string(total));
    auto pending = db.execAndGet("SELECT COUNT(*) FROM outbox WHERE state <> 'sent'").getInt();
    if (pending)
        fail(std::to_string(pending) + " outbox rows are not delivered");

    // Reminders: each slot planned once (the ledger's UNIQUE key makes a second row impossible;
    // this checks it stayed so), every team got the reminders due at the start, and each planned
    // reminder wrote exactly one outbox row to its team's group.
    auto twice_planned =
        db.execAndGet("SELECT COUNT(*) FROM (SELECT 1 FROM planned_reminders GROUP BY ward_id, "
                      "deadline_code, period_key, offset_days, audience, team_id "
                      "HAVING COUNT(*) > 1)")
            .getInt();
    if (twice_planned)
        fail(std::to_string(twice_planned) + " reminder slots were planned more than once");
    std::map<std::string, int> planned_per_group, rows_per_group;
    SQLite::Statement planned(db,
                              "SELECT g.chat_id, COUNT(*) FROM planned_reminders r JOIN group_bindings g ON "
                              "g.team_id = r.team_id WHERE r.outcome = 'sent' AND r.audience = 'team' "
                              "GROUP BY g.chat_id");
    while (planned.executeStep())
        planned_per_group[planned.getColumn(0).getString()] = planned.getColumn(1).getInt();
    SQLite::Statement group_rows(
        db, "SELECT chat_id, COUNT(*) FROM outbox WHERE channel = 'telegram' AND chat_id "
            "LIKE '-%' GROUP BY chat_id");
    while (group_rows.executeStep())
        rows_per_group[group_rows.getColumn(0).getString()] = group_rows.getColumn(1).getInt();
    int reminders_sent = 0, reminders_missing = 0;
    for (int k = 0; k < reminder_teams; ++k) {
        auto chat = group_of(k);
        reminders_sent += planned_per_group[chat];
        reminders_missing += planned_per_group[chat] < due_per_team;
        if (rows_per_group[chat] != planned_per_group[chat])
            fail("group " + chat + " has " + std::to_string(rows_per_group[chat]) + " reminder rows for " +
                 std::to_string(planned_per_group[chat]) + " planned reminders");
    }
    if (reminders_missing)
        fail(std::to_string(reminders_missing) + " teams lack a reminder that was due (" +
             std::to_string(due_per_team) + " per team)");

    std::map<std::string, int> replies;
    for (auto& c : telegram.calls("sendMessage"))
        ++replies[c.chat_id];
    int duplicates = 0, reminder_duplicates = 0;
    std::size_t strangers = 0;
    for (auto& [chat, n] : replies) {
        if (chat.starts_with("-")) {
            auto expected = planned_per_group.contains(chat) ? planned_per_group[chat] : 0;
            strangers += expected == 0;
            reminder_duplicates += std::max(0, n - expected);
            continue;
        }
        duplicates += n - 1;
        auto id = std::stoll(chat) - first_chat;
        strangers += id < 0 || id >= l.next;
    }
    duplicates += reminder_duplicates;
    if (strangers)
        fail(std::to_string(strangers) + " replies went to chats that never wrote");

    std::cout << "crash test: kills " << opt.kills << " (" << early_kills << " during start-up), updates "
              << total << ", posts " << l.posts << " (redeliveries of acknowledged " << l.redeliveries
              << "), acknowledged " << l.acked.size() << ", lost 0 of them: " << (lost ? "NO" : "yes")
              << ", handled twice " << twice << ", undelivered rows " << pending << "\n";
    std::cout << "crash test: reminders due " << due_per_team * reminder_teams << ", planned and sent "
              << reminders_sent << " to " << reminder_teams << " team groups (" << planned_per_group.size()
              << " reached), slots planned twice " << twice_planned << "\n";
    std::cout << "crash test: duplicate replies (send-to-record window): " << duplicates << " in "
              << opt.kills << " kills (of which reminders " << reminder_duplicates << ")\n";
    if (opt.max_duplicates >= 0 && duplicates > opt.max_duplicates)
        fail("more duplicates than allowed (" + std::to_string(opt.max_duplicates) + ")");
    if (failures == 0)
        std::filesystem::remove_all(dir);
    std::cout << (failures ? "crash test: FAILED\n" : "crash test: passed\n");
    return failures ? 1 : 0;
}
