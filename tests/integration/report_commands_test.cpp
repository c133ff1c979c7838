// The real binary's one-shot subcommands (`remind`, `export`, `forget-member`, the roster's and
// the console) against a database file.

#include "storage/database.hpp"
#include "storage/invite_store.hpp"
#include "storage/outbox.hpp"
#include "storage/registry.hpp"
#include "storage/report_store.hpp"
#include "storage/visit_store.hpp"
#include "tests/support/bot_process.hpp"
#include "tests/support/damaged_file.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <thread>
#include <vector>

namespace cnscd {
namespace {

struct cli_fixture : ::testing::Test {
    std::string dir = test::temp_dir("report-cli");
    std::string db_path = dir + "/bot.db";

    void SetUp() override {
        auto db = database::open(db_path);
        db->in_transaction([&] {
            auto ward = ward_store(*db).ensure("Phường Hòa Xuân", 0);
            auto team = team_store(*db).ensure(ward, "Tổ dân phố số 1", 0);
            member_record leader;
            leader.ward_id = ward;
            leader.team_id = team;
            leader.full_name = "Trần Văn Bình";
            leader.role = "leader";
            auto id = member_store(*db).insert(leader, 0);
            member_store(*db).link_account(channel::telegram, "555", id, "test", 0);
            group_binding g;
            g.chat = {channel::telegram, "-100123"};
            g.ward_id = ward;
            g.team_id = team;
            g.title = "CNSCĐ-Tổ dân phố số 1";
            group_store(*db).bind(g, std::nullopt, 0);
        });
    }

    // Runs `cnscd-bot <args>` to completion on `db` (the fixture's by default); returns its exit
    // code and fills `output`.
    int run(std::vector<std::string> args, std::string& output, const std::string& db = "") {
        auto log = dir + "/out-" + std::to_string(runs++) + ".log";
        std::map<std::string, std::string> env{{"CNSCD_DB", db.empty() ? db_path : db},
                                               {"CNSCD_TEST_LOG", log}};
        env.insert(extra_env.begin(), extra_env.end());
        if (!config_text.empty()) {
            std::ofstream(dir + "/bot.json") << config_text;
            env["CNSCD_CONFIG"] = dir + "/bot.json";
        }
        test::bot_process p(env, std::move(args));
        auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
        while (p.running() && std::chrono::steady_clock::now() < deadline)
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        if (p.running())
            p.kill_hard();
        auto code = p.exit_code().value_or(-1);
        std::ifstream in(log);
        std::stringstream ss;
        ss << in.rdbuf();
        output = ss.str();
        return code;
    }

    std::int64_t count(const char* what) {
        auto db = database::open(db_path);
        if (std::string(what) == "outbox")
            return static_cast<std::int64_t>(outbox(*db).pending().size());
        return reminder_store(*db).count();
    }

    int runs = 0;
    std::string config_text; // the config file's text, when not empty
    std::map<std::string, std::string> extra_env;
};

TEST_F(cli_fixture, remind_dry_run_prints_what_and_to_whom_and_records_nothing) {
    std::string out;
    EXPECT_EQ(run({"remind", "--at", "2026-12-22T08:00+07:00", "--dry-run"}, out), 0);
    EXPECT_NE(out.find("CNSCĐ-Tổ dân phố số 1"), std::string::npos) << out;
    EXPECT_NE(out.find("Trần Văn Bình"), std::string::npos) << out;
    EXPECT_NE(out.find("hạn chót Thứ Năm, 24/12/2026 lúc 17:00 (còn 2 ngày)"), std::string::npos) << out;
    EXPECT_NE(out.find("Chạy thử"), std::string::npos);
    EXPECT_EQ(count("reminders"), 0);
    EXPECT_EQ(count("outbox"), 0);
    // Without --dry-run the reminders are recorded and queued, once.
    EXPECT_EQ(run({"remind", "--at", "2026-12-22T08:00+07:00"}, out), 0);
    EXPECT_GT(count("reminders"), 0);
    auto queued = count("outbox");
    EXPECT_GT(queued, 0);
    EXPECT_EQ(run({"remind", "--at", "2026-12-22T08:00+07:00"}, out), 0);
    EXPECT_NE(out.find("không có nhắc hạn nào"), std::string::npos) << out;
    EXPECT_EQ(count("outbox"), queued);
    EXPECT_EQ(run({"remind", "--at", "22/12/2026 08:00"}, out), 2);
    EXPECT_NE(out.find("Viết như 2026-12-22T08:00+07:00"), std::string::npos) << out;
}

// Another process holding the database's write lock (an sqlite3 shell left in a transaction)
// aborted the one-shot commands with "terminate called ... database is locked" and a core dump.
// They now say which database, what holds it and the fix, and once it is released the same
// command works.
TEST_F(cli_fixture, a_locked_database_is_named_with_the_fix_instead_of_an_abort) {
    config_text = R"({"storage": {"busy_timeout_ms": 200}})";
    std::string out;
    {
        SQLite::Database holder(db_path, SQLite::OPEN_READWRITE);
        holder.exec("BEGIN EXCLUSIVE");
        for (auto args : {std::vector<std::string>{"add-staff", "--ward", "Phường Hòa Xuân", "--name",
                                                   "Ngô Thị Hạnh", "--phone", "0905999001"},
                          std::vector<std::string>{"export", "--ward", "Phường Hòa Xuân", "--period",
                                                   "2026-Q4", "-o", dir + "/q4.xlsx"}}) {
            EXPECT_EQ(run(args, out), 1) << out;
            EXPECT_EQ(out.find("terminate called"), std::string::npos) << out;
            EXPECT_NE(out.find(args[0] + ": the database " + db_path + " refused the command"),
                      std::string::npos)
                << out;
            EXPECT_NE(out.find("another process holds the database's write lock"), std::string::npos) << out;
        }
        holder.exec("ROLLBACK");
    }
    EXPECT_EQ(
        run({"add-staff", "--ward", "Phường Hòa Xuân", "--name", "Ngô Thị Hạnh", "--phone", "0905999001"},
            out),
        0)
        << out;
}

// Moved to a new machine with a newly made data key, the bot read none of the CCCDs stored
// before and said nothing: `export-roster --full-cccd` wrote them masked, as if asked for that.
// The export is now refused, naming the key, and `serve` says at start how many it cannot read.
TEST_F(cli_fixture, a_data_key_that_opens_none_of_the_stored_cccds_is_named) {
    const std::string old_key(64, 'a'), new_key(64, 'b');
    std::ofstream(dir + "/roster.csv")
        << "TT,Họ tên,Chức vụ tổ/xóm/đơn vị công tác,Chức vụ Tổ CNSCĐ,SĐT,CCCD,Khu vực phụ trách,Ghi chú,"
           "Tổ dân phố\n"
           "1,Trần Văn Bình,,Tổ trưởng,0905100001,048200000001,,,Tổ dân phố số 1\n"
           "2,Lê Thị Cúc,,Thành viên,0905100002,048200000002,,,Tổ dân phố số 1\n";
    std::string out;
    extra_env["CNSCD_DATA_KEY"] = old_key;
    ASSERT_EQ(run({"import-roster", dir + "/roster.csv", "--ward", "Phường Hòa Xuân"}, out), 0) << out;

    extra_env["CNSCD_DATA_KEY"] = new_key;
    EXPECT_EQ(run({"export-roster", "--ward", "Phường Hòa Xuân", "--full-cccd", "-o", dir + "/out.csv"}, out),
              2);
    EXPECT_NE(out.find("khóa mới tạo không mở được CCCD cũ"), std::string::npos) << out;
    EXPECT_FALSE(std::filesystem::exists(dir + "/out.csv"));

    auto port = test::free_port();
    auto log = dir + "/serve.log";
    {
        test::bot_process serve({{"CNSCD_DB", db_path},
                                 {"CNSCD_DATA_KEY", new_key},
                                 {"CNSCD_LISTEN", "127.0.0.1:" + std::to_string(port)},
                                 {"CNSCD_TEST_LOG", log}});
        ASSERT_TRUE(serve.wait_ready(port));
        serve.terminate();
    }
    std::ifstream in(log);
    std::stringstream said;
    said << in.rdbuf();
    EXPECT_NE(said.str().find("data key: 2 of the 2 citizen ID number(s) (CCCD) in the database cannot be "
                              "read with this data key"),
              std::string::npos)
        << said.str();
    EXPECT_NE(said.str().find("Fix: set CNSCD_DATA_KEY_FILE to the key file the bot used before"),
              std::string::npos);

    // With the old key back, the export holds them in full.
    extra_env["CNSCD_DATA_KEY"] = old_key;
    EXPECT_EQ(run({"export-roster", "--ward", "Phường Hòa Xuân", "--full-cccd", "-o", dir + "/out.csv"}, out),
              0)
        << out;
    std::ifstream exported(dir + "/out.csv");
    std::stringstream text;
    text << exported.rdbuf();
    EXPECT_NE(text.str().find("048200000002"), std::string::npos) << text.str();
}

// The config's settings for "phuong hoa xuan" (no accents, as typed on a server's keyboard)
// applied to no ward: the ward's own deadline was never reminded while `import-roster --ward
// "phuong hoa xuan"` found the ward. The config finds it the same way now.
TEST_F(cli_fixture, a_ward_in_the_config_is_found_whatever_its_accents_and_case) {
    config_text = R"({"wards": [{"name": "phuong  HOA xuan", "deadlines": [{"code": "rasoat",
        "name": "Rà soát danh sách tổ", "kind": "monthly", "day": 10, "time": "17:00"}]}]})";
    std::string out;
    EXPECT_EQ(run({"remind", "--at", "2026-12-10T08:00+07:00", "--dry-run"}, out), 0);
    EXPECT_NE(out.find("Rà soát danh sách tổ"), std::string::npos) << out;
    EXPECT_NE(out.find("CNSCĐ-Tổ dân phố số 1"), std::string::npos) << out;
    // Its calendar replaced the built-in one: the monthly report is not reminded on the 22nd.
    EXPECT_EQ(run({"remind", "--at", "2026-12-22T08:00+07:00", "--dry-run"}, out), 0);
    EXPECT_EQ(out.find("Báo cáo tháng"), std::string::npos) << out;
}

// A team with no group bound and no leader the bot can write to: its reminder reaches nobody.
// `remind` used to end with "không có nhắc hạn nào cần gửi", as if there were nothing to do.
TEST_F(cli_fixture, remind_names_the_due_reminders_that_reached_nobody) {
    {
        auto db = database::open(db_path);
        db->in_transaction([&] {
            auto ward = ward_store(*db).ensure("Phường Hòa Xuân", 0);
            team_store(*db).ensure(ward, "Tổ dân phố số 2", 0);
        });
    }
    std::string out;
    EXPECT_EQ(run({"remind", "--at", "2026-12-22T08:00+07:00", "--dry-run"}, out), 0);
    EXPECT_NE(out.find("Đến giờ nhắc nhưng không gửi được cho ai"), std::string::npos) << out;
    EXPECT_NE(out.find("• Tổ dân phố số 2 — Báo cáo tháng (tháng 12/2026)"), std::string::npos) << out;
    EXPECT_EQ(out.find("• Tổ dân phố số 1 —"), std::string::npos) << out; // its group got it
    // Once team 1 has sent its reports, only team 2's reminders are due: still not "nothing".
    EXPECT_EQ(run({"remind", "--at", "2026-12-22T08:00+07:00"}, out), 0);
    {
        auto db = database::open(db_path);
        db->in_transaction([&] {
            for (auto [code, period] : {std::pair{"monthly", "2026-12"}, std::pair{"quarterly", "2026-Q4"}}) {
                report_submission s;
                s.ward_id = ward_store(*db).ensure("Phường Hòa Xuân", 0);
                s.team_id = team_store(*db).ensure(s.ward_id, "Tổ dân phố số 1", 0);
                s.deadline_code = code;
                s.period_key = period;
                s.figures_json = "{}";
                report_store(*db).submit(s);
            }
        });
    }
    EXPECT_EQ(run({"remind", "--at", "2026-12-23T08:00+07:00", "--dry-run"}, out), 0);
    EXPECT_NE(out.find("• Tổ dân phố số 2 — Báo cáo tháng (tháng 12/2026)"), std::string::npos) << out;
    EXPECT_EQ(out.find("không có nhắc hạn nào"), std::string::npos) << out;
}

TEST_F(cli_fixture, export_writes_the_workbook_and_explains_bad_arguments) {
    std::string out;
    auto file = dir + "/q3.xlsx";
    EXPECT_EQ(
        run({"export", "--ward", "Phường Hòa Xuân", "--period", "2026-Q3", "--format", "xlsx", "-o", file},
            out),
        0)
        << out;
    EXPECT_TRUE(std::filesystem::exists(file));
    EXPECT_GT(std::filesystem::file_size(file), 1000u);
    EXPECT_NE(out.find("quý III/2026"), std::string::npos) << out;
    EXPECT_EQ(run({"export", "--ward", "Phường Khác", "--period", "2026-Q3", "-o", file}, out), 2);
    EXPECT_NE(out.find("Phường Hòa Xuân"), std::string::npos) << out; // lists the wards there are
    EXPECT_EQ(run({"export", "--ward", "Phường Hòa Xuân", "--period", "quý 5", "-o", file}, out), 2);
    EXPECT_NE(out.find("2026-Q3"), std::string::npos) << out;
    // A .csv name without --format writes CSV (it used to write a workbook named .csv).
    auto csv = dir + "/q3.csv";
    EXPECT_EQ(run({"export", "--ward", "Phường Hòa Xuân", "--period", "2026-Q3", "-o", csv}, out), 0) << out;
    std::ifstream f(csv, std::ios::binary);
    std::string head(3, '\0');
    f.read(head.data(), 3);
    EXPECT_EQ(head, "\xEF\xBB\xBF"); // the CSV's BOM, not a zip's "PK"
    // A --format that contradicts the file's name is refused, and nothing is written under it.
    auto named_xlsx = dir + "/q3-csv.xlsx";
    EXPECT_EQ(run({"export", "--ward", "Phường Hòa Xuân", "--period", "2026-Q3", "--format", "csv", "-o",
                   named_xlsx},
                  out),
              2);
    EXPECT_NE(out.find("có đuôi .xlsx nhưng --format là csv"), std::string::npos) << out;
    EXPECT_NE(out.find(dir + "/q3-csv.csv"), std::string::npos) << out; // the name that would fit
    EXPECT_FALSE(std::filesystem::exists(named_xlsx));
    EXPECT_EQ(run({"export", "--ward", "Phường Hòa Xuân", "--period", "2026-Q3", "--format", "xlsx", "-o",
                   dir + "/q3-book.CSV"},
                  out),
              2);
    EXPECT_NE(out.find("có đuôi .csv nhưng --format là xlsx"), std::string::npos) << out;
    EXPECT_FALSE(std::filesystem::exists(dir + "/q3-book.CSV"));
    // A period not started yet, and a folder that does not exist, are said plainly.
    EXPECT_EQ(run({"export", "--ward", "Phường Hòa Xuân", "--period", "2030-01", "-o", file}, out), 2);
    EXPECT_NE(out.find("chưa bắt đầu"), std::string::npos) << out;
    EXPECT_EQ(
        run({"export", "--ward", "Phường Hòa Xuân", "--period", "2026-Q3", "-o", dir + "/no/such/x.xlsx"},
            out),
        2);
    EXPECT_NE(out.find("không tồn tại"), std::string::npos) << out;
}

// The export ended with the chat's caption ("📎 Phường Hòa Xuân — quý III/2026: …"); at a terminal
// the operator wants where the file went and what is in it, in one line.
TEST_F(cli_fixture, export_says_in_one_line_which_file_it_wrote_and_what_is_in_it) {
    std::string out;
    auto lines_with = [&](const std::string& needle) {
        std::vector<std::string> found;
        std::istringstream in(out);
        for (std::string line; std::getline(in, line);)
            if (line.find(needle) != std::string::npos)
                found.push_back(line);
        return found;
    };
    auto file = dir + "/q3.xlsx";
    ASSERT_EQ(run({"export", "--ward", "Phường Hòa Xuân", "--period", "2026-Q3", "-o", file}, out), 0) << out;
    EXPECT_EQ(out.find("📎"), std::string::npos) << out;
    auto lines = lines_with("lượt hỗ trợ");
    ASSERT_EQ(lines.size(), 1u) << out;
    EXPECT_NE(lines[0].find(file), std::string::npos) << out;
    EXPECT_NE(lines[0].find("quý III/2026"), std::string::npos) << out;
    EXPECT_NE(lines[0].find(" tổ, "), std::string::npos) << out;
    // CSV writes three files: all three named, still one line.
    auto csv = dir + "/q3.csv";
    ASSERT_EQ(run({"export", "--ward", "Phường Hòa Xuân", "--period", "2026-Q3", "-o", csv}, out), 0) << out;
    EXPECT_EQ(out.find("📎"), std::string::npos) << out;
    lines = lines_with("lượt hỗ trợ");
    ASSERT_EQ(lines.size(), 1u) << out;
    for (auto name : {"/q3.csv", "/q3-thanh-vien.csv", "/q3-luot-ho-tro.csv"})
        EXPECT_NE(lines[0].find(dir + name), std::string::npos) << name << "\n" << out;
}

// "/xuat tháng 12" works in chat, and the same words after --period were refused: the CLI now
// reads them with the chat's parser.
TEST_F(cli_fixture, export_takes_the_period_as_written_in_chat) {
    std::string out;
    EXPECT_EQ(
        run({"export", "--ward", "Phường Hòa Xuân", "--period", "quý 3 năm 2026", "-o", dir + "/q3.xlsx"},
            out),
        0)
        << out;
    EXPECT_NE(out.find("quý III/2026"), std::string::npos) << out;
    EXPECT_EQ(
        run({"export", "--ward", "Phường Hòa Xuân", "--period", "tháng 1 năm 2026", "-o", dir + "/t1.csv"},
            out),
        0)
        << out;
    EXPECT_NE(out.find("tháng 1/2026"), std::string::npos) << out;
    // Without a year, the latest December (as in chat): never in the future, so accepted.
    EXPECT_EQ(
        run({"export", "--ward", "Phường Hòa Xuân", "--period", "tháng 12", "-o", dir + "/t12.xlsx"}, out), 0)
        << out;
    EXPECT_TRUE(std::filesystem::exists(dir + "/t12.xlsx"));
    // Words that name no period, or one not started yet, are still explained.
    EXPECT_EQ(
        run({"export", "--ward", "Phường Hòa Xuân", "--period", "tháng 13", "-o", dir + "/x.xlsx"}, out), 2);
    EXPECT_NE(out.find("tháng 11"), std::string::npos) << "how to write it: " << out;
    EXPECT_EQ(
        run({"export", "--ward", "Phường Hòa Xuân", "--period", "năm 2031", "-o", dir + "/x.xlsx"}, out), 2);
    EXPECT_NE(out.find("chưa bắt đầu"), std::string::npos) << out;
}

// A member's right to erasure: the operator previews, then erases; the records stay in the figures.
TEST_F(cli_fixture, forget_member_erases_personal_data_but_keeps_the_records_counted) {
    std::int64_t id = 0, team = 0;
    {
        auto db = database::open(db_path);
        db->in_transaction([&] {
            member_store members(*db);
            auto m = *members.by_account(channel::telegram, "555");
            id = m.id;
            team = *m.team_id;
            m.phone = "+84905100001";
            m.area = "Ngõ 1-5";
            members.update(m, 0);
            members.note_private_message(channel::telegram, "555", 100);
            invite_store(*db).create(id, std::nullopt, 0, 86400);
            audit_log(*db).record(id, "Trần Văn Bình (leader)", "group.bind", "Tổ dân phố số 1", "", 0);
            audit_log(*db).record(std::nullopt, "operator", "member.add", "Trần Văn Bình", "", 0);
            visit_record v;
            v.ward_id = m.ward_id;
            v.team_id = team;
            v.member_id = id;
            v.day = "2026-11-20";
            v.people = 3;
            v.topics = {"vneid"};
            visit_store(*db).add(v);
        });
    }
    auto name_of = [&] {
        SQLite::Database db(db_path, SQLite::OPEN_READONLY);
        return db
            .execAndGet("SELECT full_name || '|' || coalesce(phone, '') || '|' || area || '|' || active "
                        "FROM members WHERE id = " +
                        std::to_string(id))
            .getString();
    };
    std::string out;
    EXPECT_EQ(run({"forget-member", "--ward", "Phường Hòa Xuân"}, out), 2);
    EXPECT_NE(out.find("--phone 0905123456"), std::string::npos) << out;
    EXPECT_EQ(run({"forget-member", "--ward", "Phường Hòa Xuân", "--phone", "12ab"}, out), 2);
    EXPECT_NE(out.find("12ab"), std::string::npos) << out; // names the bad number
    EXPECT_EQ(run({"forget-member", "--ward", "Phường Khác", "--phone", "0905100001"}, out), 1);
    EXPECT_EQ(run({"forget-member", "--ward", "Phường Hòa Xuân", "--phone", "0905999999"}, out), 1);
    EXPECT_NE(out.find("Không tìm thấy thành viên có 090****999"), std::string::npos) << out;
    EXPECT_EQ(run({"forget-member", "--ward", "Phường Hòa Xuân", "--phone", "0905 100 001"}, out), 0);
    EXPECT_NE(out.find("Sẽ xoá dữ liệu cá nhân của Trần Văn Bình"), std::string::npos) << out;
    EXPECT_NE(out.find("1 lượt đã ghi vẫn được tính"), std::string::npos) << out;
    EXPECT_EQ(name_of(), "Trần Văn Bình|+84905100001|Ngõ 1-5|1") << "the preview changes nothing";

    EXPECT_EQ(run({"forget-member", "--ward", "Phường Hòa Xuân", "--phone", "0905100001", "--yes"}, out), 0);
    auto placeholder = "Thành viên đã xoá dữ liệu #" + std::to_string(id);
    EXPECT_NE(out.find("Đã xoá dữ liệu cá nhân"), std::string::npos) << out;
    EXPECT_EQ(name_of(), placeholder + "|||0");
    SQLite::Database db(db_path, SQLite::OPEN_READONLY);
    auto count = [&](const std::string& sql) { return db.execAndGet(sql).getInt64(); };
    EXPECT_EQ(count("SELECT count(*) FROM accounts WHERE member_id = " + std::to_string(id)), 0);
    EXPECT_EQ(count("SELECT count(*) FROM invites WHERE member_id = " + std::to_string(id)), 0);
    EXPECT_EQ(count("SELECT count(*) FROM private_messages_seen WHERE user_id = '555'"), 0);
    EXPECT_EQ(count("SELECT count(*) FROM audit_log WHERE actor LIKE '%Trần Văn Bình%' OR subject LIKE "
                    "'%Trần Văn Bình%'"),
              0);
    EXPECT_EQ(count("SELECT count(*) FROM audit_log WHERE action = 'member.erase' AND subject = '" +
                    placeholder + "'"),
              1);
    // The visit is still there and still counted in the team's totals.
    EXPECT_EQ(count("SELECT count(*) FROM visits WHERE member_id = " + std::to_string(id)), 1);
    auto opened = database::open(db_path, {false, false});
    EXPECT_EQ(visit_store(*opened).team_totals_in(team, {"2026-11-01", "2026-11-30"}).visits, 1);
}

std::string file_bytes(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

const std::string roster = std::string(CNSCD_SOURCE_DIR) + "/config/example-roster.csv";

// The one-shot commands opened the file without the check serve and migrate make: an import
// into a file damaged past its header exited 0 having written into it, and an export read
// whatever the damaged pages held.
TEST_F(cli_fixture, every_command_refuses_a_damaged_database_and_leaves_it_as_found) {
    {
        SQLite::Database db(db_path, SQLite::OPEN_READWRITE);
        db.exec("PRAGMA wal_checkpoint(TRUNCATE)");
    }
    test::write_garbage_over_pages(db_path, 3, 4); // table and index pages, not the header
    auto before = file_bytes(db_path);
    const std::vector<std::vector<std::string>> commands = {
        {"import-roster", roster, "--ward", "Phường Hòa Xuân"},
        {"export-roster", "--ward", "Phường Hòa Xuân", "-o", dir + "/roster.csv"},
        {"export", "--ward", "Phường Hòa Xuân", "--period", "2026-Q3", "-o", dir + "/q3.xlsx"},
        {"remind", "--at", "2026-12-22T08:00+07:00"},
        {"forget-member", "--ward", "Phường Hòa Xuân", "--phone", "0905100001", "--yes"},
        {"add-staff", "--ward", "Phường Hòa Xuân", "--name", "Lê Thị Hoa", "--phone", "0905999111"},
        {"chat"},
    };
    for (auto& args : commands) {
        std::string out;
        EXPECT_EQ(run(args, out), 4) << args[0] << ": " << out;
        EXPECT_NE(out.find(args[0] + ": the database " + db_path + " is damaged (PRAGMA quick_check"),
                  std::string::npos)
            << out;
        EXPECT_NE(out.find("restore the latest backup"), std::string::npos) << out;
        EXPECT_EQ(file_bytes(db_path), before) << args[0] << " changed the damaged file";
    }
    EXPECT_FALSE(std::filesystem::exists(dir + "/roster.csv"));
    EXPECT_FALSE(std::filesystem::exists(dir + "/q3.xlsx"));
}

// CNSCD_DB mistyped: a command that only reads or changes what exists created an empty database
// there and answered "no ward «...». Wards: ." The commands that set a ward up still create it.
TEST_F(cli_fixture, a_command_that_reads_does_not_create_a_missing_database) {
    auto typo = dir + "/bto.db";
    auto run_on = [&](const std::string& path, std::vector<std::string> args, std::string& out) {
        return run(std::move(args), out, path);
    };
    std::string out;
    for (auto args : std::vector<std::vector<std::string>>{
             {"export-roster", "--ward", "Phường Hòa Xuân", "-o", dir + "/roster.csv"},
             {"export", "--ward", "Phường Hòa Xuân", "--period", "2026-Q3", "-o", dir + "/q3.xlsx"},
             {"remind", "--at", "2026-12-22T08:00+07:00"},
             {"forget-member", "--ward", "Phường Hòa Xuân", "--phone", "0905100001"}}) {
        EXPECT_EQ(run_on(typo, args, out), 1) << args[0] << ": " << out;
        EXPECT_NE(out.find(args[0] + ": the database " + typo + " does not exist"), std::string::npos) << out;
        EXPECT_NE(out.find("check CNSCD_DB"), std::string::npos) << out;
        EXPECT_FALSE(std::filesystem::exists(typo)) << args[0] << " created the database";
    }
    // A dry run reads the file against an empty roster and creates nothing either.
    EXPECT_EQ(run_on(typo, {"import-roster", roster, "--ward", "Phường Mới", "--dry-run"}, out), 0) << out;
    EXPECT_NE(out.find("Trần Văn Bình"), std::string::npos) << out;
    EXPECT_FALSE(std::filesystem::exists(typo)) << "the dry run created the database";
    // The real import begins the database, as on a new installation.
    EXPECT_EQ(run_on(typo, {"import-roster", roster, "--ward", "Phường Mới"}, out), 0) << out;
    EXPECT_TRUE(std::filesystem::exists(typo));

    // A database with no ward at all (serve started before any import) says so, not "Wards: .".
    auto empty = dir + "/empty.db";
    database::open(empty);
    EXPECT_EQ(run_on(empty,
                     {"export", "--ward", "Phường Hòa Xuân", "--period", "2026-Q3", "-o", dir + "/q3.xlsx"},
                     out),
              2);
    EXPECT_NE(out.find("Cơ sở dữ liệu " + empty + " chưa có phường nào"), std::string::npos) << out;
    EXPECT_NE(out.find("cnscd-bot import-roster DANH_SACH.csv --ward «Phường Hòa Xuân»"), std::string::npos)
        << out;
    EXPECT_EQ(run_on(empty, {"export-roster", "--ward", "Phường Hòa Xuân", "-o", dir + "/roster.csv"}, out),
              2);
    EXPECT_NE(out.find("chưa có phường nào"), std::string::npos) << out;
}

// The database deleted under a running bot, which saved a copy beside it: a command run before
// the restore began an empty database there, which the restore then set aside with its work.
TEST_F(cli_fixture, a_command_does_not_begin_a_database_beside_its_rescued_copy) {
    std::filesystem::rename(db_path, db_path + ".rescued-20261203-081500");
    for (auto args : std::vector<std::vector<std::string>>{
             {"import-roster", roster, "--ward", "Phường Hòa Xuân"}, {"chat"}}) {
        std::string out;
        EXPECT_EQ(run(args, out), 4) << out;
        EXPECT_NE(out.find("cnscd-bot restore --from " + db_path + ".rescued-20261203-081500"),
                  std::string::npos)
            << out;
        EXPECT_NE(out.find("run this command again; if the file was deleted on purpose, move the copy away"),
                  std::string::npos)
            << out;
        EXPECT_FALSE(std::filesystem::exists(db_path)) << args[0] << " began an empty database";
    }
}

} // namespace
} // namespace cnscd
