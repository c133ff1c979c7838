// The database file failing under a running bot, with the real binary and a real SQLite file:
// damaged pages, the disk full across a restart, the file deleted. What must hold for the
// operator and the users: an update that was not stored is never answered 200 (the platform
// redelivers it), /healthz and the log say what is wrong with which file and how to fix it, the
// bot neither crashes nor restarts in a loop, and after the repair and a restart the redelivered
// updates are stored and answered once, and nothing acknowledged before is answered again.

#include "storage/database.hpp"
#include "storage/registry.hpp"
#include "storage/update_log.hpp"
#include "tests/support/bot_process.hpp"
#include "tests/support/damaged_file.hpp"
#include "tests/support/fake_telegram.hpp"
#include "tests/support/telegram_bot_fixture.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>
#include <sys/resource.h>
#include <thread>

namespace cnscd {
namespace {

using namespace std::chrono_literals;
using json = nlohmann::json;
using test::bot_process;
using test::private_update;

// Whether systemd leaves the unit stopped after `code` (deploy/cnscd-bot.service): a start that
// cannot succeed must not be repeated every RestartSec.
bool unit_does_not_restart_after(int code) {
    std::ifstream unit(std::string(CNSCD_SOURCE_DIR) + "/deploy/cnscd-bot.service");
    std::string line;
    while (std::getline(unit, line)) {
        if (!line.starts_with("RestartPreventExitStatus="))
            continue;
        std::istringstream codes(line.substr(line.find('=') + 1));
        std::string c;
        while (codes >> c)
            if (c == std::to_string(code))
                return true;
    }
    return false;
}

struct live_database_faults : test::telegram_bot_fixture {
    live_database_faults() {
        extra_config = R"({"telegram": {"limits": {"enabled": false}},
        "outbox": {"retry_base_ms": 100, "retry_max_ms": 300}})";
    }

    // Runs a subcommand (backup, restore) to completion; its exit code.
    std::optional<int> run(std::vector<std::string> args) {
        bot_process p(env(), std::move(args));
        return p.wait_exit(60s);
    }

    json health_body() {
        auto h = get("/healthz");
        auto body = json::parse(h.body, nullptr, false);
        if (!body.is_object())
            body = json{{"raw", h.body}};
        body["http_status"] = h.status;
        return body;
    }

    // The updates of `chats` (one "/start" each, update id = chat - 900) answered and their
    // delivery recorded, so that a later restart has nothing left to send for them.
    void greet(std::vector<std::int64_t> chats) {
        for (auto chat : chats)
            ASSERT_EQ(post(private_update(chat - 900, chat, "/start")).status, 200) << chat;
        for (auto chat : chats)
            ASSERT_TRUE(wait_replies(std::to_string(chat), 1)) << chat;
        std::this_thread::sleep_for(500ms);
    }
};

// Garbage written over pages in the middle of the file while the bot serves (a failing disk,
// or a careless copy over the live file). Once SQLite reads them, every update is refused.
TEST_F(live_database_faults, damaged_file_refuses_updates_and_does_not_restart_until_a_backup_is_restored) {
    start();
    greet({901, 902, 903});
    ASSERT_EQ(run({"backup", "--to", dir + "/backup.db"}), 0);

    // Another connection moves everything into the main file and resets the log; the bot then
    // reads its pages from the file again instead of its cache, as it will after any restart.
    {
        SQLite::Database other(db_path, SQLite::OPEN_READWRITE);
        other.setBusyTimeout(5000);
        other.exec("PRAGMA wal_checkpoint(TRUNCATE)");
    }
    auto pages = std::filesystem::file_size(db_path) / 4096;
    ASSERT_GT(pages, 8u);
    test::write_garbage_over_pages(db_path, 2, pages - 2); // all but the first (header, schema) and last

    for (std::int64_t chat : {910, 911})
        EXPECT_NE(post(private_update(chat - 900, chat, "/start")).status, 200)
            << "an update that cannot be stored was acknowledged, so Telegram will not send it again";
    auto h = health_body();
    EXPECT_EQ(h["http_status"], 503) << h.dump();
    EXPECT_EQ(h["status"], "storage_fault");
    EXPECT_EQ(h["storage"]["fault"], "corrupt");
    EXPECT_NE(h["storage"]["fix"].get<std::string>().find("restore the latest backup"), std::string::npos);
    auto text = log();
    EXPECT_NE(text.find("storage: corrupt on " + db_path), std::string::npos) << text;
    EXPECT_NE(text.find("restore the latest backup"), std::string::npos);
    std::this_thread::sleep_for(500ms);
    EXPECT_TRUE(bot->running()) << "the bot stopped instead of refusing updates and saying why";

    // The service manager stops it; a start on the damaged file fails, and must stay failed.
    EXPECT_TRUE(bot->terminate().has_value());
    {
        bot_process again(env());
        auto code = again.wait_exit(30s);
        ASSERT_TRUE(code.has_value()) << "the bot started on a damaged file";
        EXPECT_NE(*code, 0);
        EXPECT_TRUE(unit_does_not_restart_after(*code))
            << "exit code " << *code << " makes systemd start the bot again every 2 s, forever";
        EXPECT_NE(log().find("restore the latest backup"), std::string::npos);
    }

    // The operator restores the backup and starts the bot; Telegram redelivers the refused updates.
    ASSERT_EQ(run({"restore", "--from", dir + "/backup.db"}), 0) << log();
    start();
    for (std::int64_t chat : {910, 911})
        EXPECT_EQ(post(private_update(chat - 900, chat, "/start")).status, 200) << chat;
    ASSERT_TRUE(wait_replies("910", 1));
    ASSERT_TRUE(wait_replies("911", 1));
    std::this_thread::sleep_for(1s);
    for (auto chat : {"901", "902", "903", "910", "911"})
        EXPECT_EQ(replies_to(chat), 1u) << "chat " << chat;
    EXPECT_EQ(get("/healthz").status, 200);
}

// The disk full (a file size limit on the running bot, as in faults_test.cpp), and the operator
// restarts the bot once space is freed instead of waiting for it to recover by itself.
TEST_F(live_database_faults, disk_full_then_restart_after_freeing_space_stores_redelivered_updates_once) {
    start();
    greet({921});

    rlimit full{64 << 10, RLIM_INFINITY};
    ASSERT_EQ(::prlimit(bot->pid(), RLIMIT_FSIZE, &full, nullptr), 0);
    std::vector<std::int64_t> accepted, refused;
    for (std::int64_t chat = 922; chat < 960 && refused.size() < 3; ++chat) {
        auto status = post(private_update(chat - 900, chat, "/start")).status;
        if (status == 200)
            accepted.push_back(chat);
        else if (status == 503)
            refused.push_back(chat);
        else
            FAIL() << "update for chat " << chat << ": HTTP " << status;
    }
    ASSERT_FALSE(refused.empty()) << "no update was refused with the file size limit in place";
    auto h = health_body();
    EXPECT_EQ(h["http_status"], 503);
    EXPECT_EQ(h["storage"]["fault"], "disk_full") << h.dump();
    auto text = log();
    EXPECT_NE(text.find("storage: disk_full on " + db_path), std::string::npos) << text;
    EXPECT_NE(text.find("Fix: free disk space"), std::string::npos);
    std::this_thread::sleep_for(500ms);
    EXPECT_TRUE(bot->running());

    // Stopped while still full, then started with the space freed (the new process has no limit).
    auto stopped = bot->terminate();
    ASSERT_TRUE(stopped.has_value()) << "the bot did not stop on SIGTERM with the disk full";
    start();
    {
        auto db = database::open(db_path, {false, false});
        update_log updates(*db);
        EXPECT_TRUE(updates.contains(channel::telegram, "21"));
        for (auto chat : accepted)
            EXPECT_TRUE(updates.contains(channel::telegram, std::to_string(chat - 900)))
                << "update for chat " << chat << " was acknowledged and then lost";
        for (auto chat : refused)
            EXPECT_FALSE(updates.contains(channel::telegram, std::to_string(chat - 900))) << chat;
    }
    for (auto chat : refused)
        EXPECT_EQ(post(private_update(chat - 900, chat, "/start")).status, 200) << chat;
    for (auto chat : refused)
        ASSERT_TRUE(wait_replies(std::to_string(chat), 1)) << chat;
    for (auto chat : accepted)
        EXPECT_TRUE(wait_replies(std::to_string(chat), 1)) << chat;
    std::this_thread::sleep_for(1s);
    EXPECT_EQ(replies_to("921"), 1u);
    for (auto chat : refused)
        EXPECT_EQ(replies_to(std::to_string(chat)), 1u) << chat;
    EXPECT_EQ(get("/healthz").status, 200);
}

// The database file deleted while the bot serves (`rm` in the wrong folder, a clean-up script).
// SQLite goes on writing into the open, nameless file, which no later start can open: every
// update acknowledged from then on would be lost at the next restart.
TEST_F(live_database_faults, deleted_file_refuses_updates_instead_of_acknowledging_them_into_a_lost_file) {
    start();
    greet({931});
    ASSERT_EQ(run({"backup", "--to", dir + "/backup.db"}), 0);

    std::filesystem::remove(db_path);
    EXPECT_EQ(post(private_update(32, 932, "/start")).status, 503)
        << "an update was acknowledged into a deleted file: it is lost at the next restart";
    auto h = health_body();
    EXPECT_EQ(h["http_status"], 503) << h.dump();
    EXPECT_EQ(h["status"], "storage_fault");
    EXPECT_EQ(h["storage"]["fault"], "moved");
    auto text = log();
    EXPECT_NE(text.find("storage: moved on " + db_path), std::string::npos) << text;
    EXPECT_NE(text.find("cnscd-bot restore"), std::string::npos) << text;
    EXPECT_TRUE(bot->running());

    // Restored from the backup and restarted: the redelivered update is stored and answered once.
    EXPECT_TRUE(bot->terminate().has_value());
    ASSERT_EQ(run({"restore", "--from", dir + "/backup.db"}), 0) << log();
    start();
    EXPECT_EQ(post(private_update(32, 932, "/start")).status, 200);
    ASSERT_TRUE(wait_replies("932", 1));
    std::this_thread::sleep_for(1s);
    EXPECT_EQ(replies_to("931"), 1u);
    EXPECT_EQ(replies_to("932"), 1u);
}

// The file deleted under a quiet bot (at night, say): /healthz said "ok" until the next update
// came, so monitoring saw nothing, and a restart before that update lost everything since the
// last backup. The health check now finds the deletion itself and saves the copy at once.
TEST_F(live_database_faults, a_file_deleted_under_a_quiet_bot_is_found_and_rescued_by_the_health_check) {
    start();
    ASSERT_EQ(post(private_update(41, 941, "/start")).status, 200);
    ASSERT_TRUE(wait_replies("941", 1));
    std::this_thread::sleep_for(500ms); // the reply's delivery is recorded
    ASSERT_EQ(get("/healthz").status, 200);

    std::filesystem::remove(db_path);
    auto h = health_body();
    EXPECT_EQ(h["http_status"], 503) << h.dump();
    EXPECT_EQ(h["storage"]["fault"], "moved") << h.dump();
    auto copy = h["storage"].value("rescued_copy", "");
    ASSERT_TRUE(copy.starts_with(db_path + ".rescued-")) << h.dump();
    SQLite::Database saved(copy, SQLite::OPEN_READONLY);
    EXPECT_EQ(saved.execAndGet("SELECT count(*) FROM processed_updates").getInt(), 1)
        << "the update acknowledged before the deletion is not in the copy";
}

// The file deleted while the bot serves, and the operator then restarts the bot, as most would.
// Until now that opened an empty database: every visit and the roster were gone. The bot saves a
// copy of its open file next to it; put back with `restore` as the log says, it holds every
// visit acknowledged before, and the updates refused meanwhile are stored and answered once.
TEST_F(live_database_faults, deleted_file_is_rescued_and_restoring_the_copy_loses_no_acknowledged_visit) {
    const std::int64_t member = 5012345678;
    const std::string chat = std::to_string(member);
    {
        auto db = database::open(db_path);
        db->in_transaction([&] {
            auto ward = ward_store(*db).ensure("Phường Hòa Xuân", 0);
            member_record m;
            m.ward_id = ward;
            m.team_id = team_store(*db).ensure(ward, "Tổ dân phố số 1", 0);
            m.full_name = "Nguyễn Thị Hoa";
            m.role = "member";
            member_store members(*db);
            members.link_account(channel::telegram, chat, members.insert(m, 0), "contact", 0);
        });
    }
    auto visit = [&](int n) {
        return private_update(700 + n, member,
                              "/tham số " + std::to_string(n) + " ngõ 5, cài VNeID cho 2 người");
    };
    auto visits_in = [](const std::string& file) {
        SQLite::Database db(file, SQLite::OPEN_READWRITE);
        return db.execAndGet("SELECT count(*) FROM visits").getInt();
    };
    start();
    for (int n = 1; n <= 3; ++n) {
        ASSERT_EQ(post(visit(n)).status, 200) << n;
        ASSERT_TRUE(wait_replies(chat, n)) << log();
    }
    std::this_thread::sleep_for(500ms); // the replies' delivery is recorded

    std::filesystem::remove(db_path);
    for (int n = 4; n <= 5; ++n)
        EXPECT_EQ(post(visit(n)).status, 503) << "visit " << n << " was acknowledged into the deleted file";
    auto h = health_body();
    EXPECT_EQ(h["http_status"], 503) << h.dump();
    EXPECT_EQ(h["storage"]["fault"], "moved");
    auto copy = h["storage"].value("rescued_copy", "");
    ASSERT_TRUE(copy.starts_with(db_path + ".rescued-"))
        << "no copy of the deleted file was saved: " << h.dump();
    EXPECT_NE(h["storage"]["fix"].get<std::string>().find("`cnscd-bot restore --from " + copy + "`"),
              std::string::npos)
        << h.dump();
    auto text = log();
    EXPECT_NE(text.find("storage: rescued: the database file " + db_path + " was deleted"), std::string::npos)
        << text;
    EXPECT_NE(text.find("is saved in " + copy), std::string::npos) << text;
    EXPECT_EQ(visits_in(copy), 3) << "a visit acknowledged before the deletion is not in the copy";
    EXPECT_TRUE(bot->running());
    // The log's first step is to stop the bot: restore refuses while it still has the file open.
    EXPECT_NE(run({"restore", "--from", copy}), 0);

    // The steps the log gives: stop, restore the copy, start. Telegram redelivers the refused
    // updates, and one acknowledged before (its 200 lost on the way).
    ASSERT_TRUE(bot->terminate().has_value());
    ASSERT_EQ(run({"restore", "--from", copy}), 0) << log();
    start();
    for (int n = 3; n <= 5; ++n)
        EXPECT_EQ(post(visit(n)).status, 200) << n;
    ASSERT_TRUE(wait_replies(chat, 5)) << log();
    std::this_thread::sleep_for(1s);
    EXPECT_EQ(replies_to(chat), 5u) << "each visit is confirmed once";
    EXPECT_EQ(get("/healthz").status, 200);
    ASSERT_TRUE(bot->terminate().has_value());
    EXPECT_EQ(visits_in(db_path), 5);
}

// Renamed by mistake and renamed back: the bot takes updates again by itself.
TEST_F(live_database_faults, renamed_file_refuses_updates_until_it_is_back) {
    start();
    greet({941});
    std::filesystem::rename(db_path, db_path + ".old");
    EXPECT_EQ(post(private_update(42, 942, "/start")).status, 503);
    EXPECT_EQ(get("/healthz").status, 503);
    std::filesystem::rename(db_path + ".old", db_path);
    EXPECT_EQ(get("/healthz").status, 200);
    EXPECT_EQ(post(private_update(42, 942, "/start")).status, 200);
    ASSERT_TRUE(wait_replies("942", 1));
    EXPECT_NE(log().find("accepts commits again"), std::string::npos);
}

} // namespace
} // namespace cnscd
