// The ward's report as a spreadsheet: the XLSX is opened and read back (its sheet XML and
// shared strings), the CSV checked, and /xuat's document and permissions.

#include "bot/app.hpp"
#include "handlers/report_export.hpp"
#include "handlers/report_figures.hpp"
#include "messages/topics.hpp"
#include "storage/database.hpp"
#include "storage/export_files.hpp"
#include "storage/registry.hpp"
#include "storage/report_store.hpp"
#include "storage/sqlite_connection.hpp"
#include "storage/visit_store.hpp"
#include "tests/support/test_bot.hpp"
#include "tests/support/xlsx_cells.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <map>

namespace cnscd {
namespace {

using test::has;
using test::test_bot;
using test::xlsx_cells;
using test::zip_entry;

struct export_fixture : ::testing::Test {
    std::filesystem::path dir =
        std::filesystem::temp_directory_path() /
        ("cnscd-export-" + std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()));
    test_bot bot{[this] {
        config c;
        std::filesystem::create_directories(dir);
        c.storage.db_path = (dir / "bot.db").string(); // exports go next to it
        return c;
    }()};
    std::int64_t ward = bot.ward("Phường Hòa Xuân");
    std::int64_t team1 = bot.team(ward, "Tổ dân phố số 1");
    std::int64_t team2 = bot.team(ward, "Tổ dân phố số 2");
    std::int64_t leader = bot.member(ward, team1, "Trần Văn Bình", "leader", "100");
    std::int64_t member = bot.member(ward, team1, "Phạm Thị Dung", "member", "102");
    std::int64_t leader2 = bot.member(ward, team2, "Võ Thị Giang", "leader", "200");
    std::int64_t staff = bot.member(ward, 0, "Ngô Thị Hạnh", "ward_staff", "900");

    void TearDown() override { std::filesystem::remove_all(dir); }

    void log_visit(std::int64_t team, std::int64_t who, const std::string& day, int people,
                   std::vector<std::string> topics, const std::string& place,
                   activity_kind kind = activity_kind::visit) {
        visit_record v;
        v.kind = kind;
        v.ward_id = ward;
        v.team_id = team;
        v.member_id = who;
        v.day = day;
        v.recorded_at = bot.clk.now();
        v.people = people;
        v.topics = std::move(topics);
        v.place = place;
        v.note = "hướng dẫn " + place;
        visit_store(*bot.db).add(v);
    }

    ward_record ward_rec() { return *ward_store(*bot.db).by_id(ward); }
};

TEST_F(export_fixture, the_xlsx_has_teams_members_and_visits_with_vietnamese_headers) {
    bot.db->native().db.exec("UPDATE teams SET created_at = 0"); // the teams owe Q3's report
    log_visit(team1, member, "2026-07-03", 2, {"vneid"}, "số 12 ngõ 5 Lê Lợi");
    log_visit(team1, member, "2026-08-14", 3, {"vneid", "thanhtoan"}, "chợ Hòa Xuân");
    log_visit(team2, leader2, "2026-09-30", 1, {"dvc"}, "nhà văn hóa");
    log_visit(team2, leader2, "2026-10-01", 9, {"dvc"}, "ngoài kỳ"); // Q4: not in Q3
    auto d = instance_for_key(*bot.db, bot.cfg, ward_rec(), "2026-Q3");
    ASSERT_TRUE(d);
    EXPECT_EQ(d->rule.code, "quarterly");
    bot.submit_report(ward, team1, "quarterly", "2026-Q3");

    auto data = build_ward_export(*bot.db, bot.cfg, language::vi, ward_rec(), *d);
    EXPECT_EQ(data.teams, 2u);
    EXPECT_EQ(data.members, 3u); // everyone on the teams' rosters, ward staff not
    EXPECT_EQ(data.records, 3u);
    auto path = (dir / "q3.xlsx").string();
    ASSERT_EQ(write_xlsx(path, data.sheets), "");

    auto workbook = zip_entry(path, "xl/workbook.xml");
    EXPECT_NE(workbook.find("name=\"Các tổ\""), std::string::npos) << workbook;
    EXPECT_NE(workbook.find("name=\"Thành viên\""), std::string::npos);
    EXPECT_NE(workbook.find("name=\"Lượt hỗ trợ\""), std::string::npos);
    auto strings = zip_entry(path, "xl/sharedStrings.xml");
    for (auto text : {"Lượt thăm hộ", "Người được hỗ trợ", "Đúng hạn", "Tổ dân phố số 1", "Trần Văn Bình",
                      "Phạm Thị Dung", "số 12 ngõ 5 Lê Lợi",
                      "Định danh điện tử VNeID, Thanh toán không dùng tiền mặt", "Chưa nộp", "Có", "Thăm hộ"})
        EXPECT_NE(strings.find(text), std::string::npos) << text;
    EXPECT_EQ(strings.find("ngoài kỳ"), std::string::npos); // October is not in Q3
    EXPECT_EQ(strings.find("Ngô Thị Hạnh"), std::string::npos);

    // Teams sheet, row 2 = Tổ dân phố số 1: TT 1, 2 households, 5 people (2 + 3).
    auto teams = zip_entry(path, "xl/worksheets/sheet1.xml");
    EXPECT_NE(teams.find("<c r=\"A2\"><v>1</v></c>"), std::string::npos) << teams.substr(0, 3000);
    EXPECT_NE(teams.find("<c r=\"C2\"><v>2</v></c>"), std::string::npos);
    EXPECT_NE(teams.find("<c r=\"D2\"><v>5</v></c>"), std::string::npos);
    EXPECT_NE(teams.find("<c r=\"G2\"><v>1</v></c>"), std::string::npos); // one active member
    // Two columns a topic from H, in the topic table's order: records, then people.
    EXPECT_NE(teams.find("<c r=\"J2\"><v>2</v></c>"), std::string::npos); // VNeID: 2 visits
    EXPECT_NE(teams.find("<c r=\"K2\"><v>5</v></c>"), std::string::npos); // VNeID: 5 people
    EXPECT_NE(teams.find("<c r=\"L2\"><v>1</v></c>"), std::string::npos); // cashless: 1 visit
    EXPECT_NE(teams.find("<c r=\"M2\"><v>3</v></c>"), std::string::npos); // cashless: 3 people
    EXPECT_NE(teams.find("<c r=\"C3\"><v>1</v></c>"), std::string::npos); // team 2: one visit in Q3
    // Raw visits: three rows after the header.
    auto visits = zip_entry(path, "xl/worksheets/sheet3.xml");
    EXPECT_NE(visits.find("r=\"A4\""), std::string::npos);
    EXPECT_EQ(visits.find("r=\"A5\""), std::string::npos);
}

TEST_F(export_fixture, the_teams_sheet_shows_what_was_submitted_a_total_row_and_members_who_left) {
    log_visit(team1, member, "2026-07-03", 2, {"vneid"}, "số 12");
    log_visit(team2, leader2, "2026-07-04", 1, {"dvc"}, "số 14");
    auto d = instance_for_key(*bot.db, bot.cfg, ward_rec(), "2026-Q3");
    ASSERT_TRUE(d);
    // Team 1 submits one visit (2 people); a late-dated visit arrives after; team 2 submits as is.
    for (auto team : {team1, team2}) {
        report_submission s;
        s.ward_id = ward;
        s.team_id = team;
        s.deadline_code = d->rule.code;
        s.period_key = d->period.key;
        s.figures_json =
            figures_json(visit_store(*bot.db).team_totals_in(team, range_of(d->period)), d->period);
        s.submitted_at = bot.clk.now();
        s.on_time = true;
        report_store(*bot.db).submit(s);
    }
    log_visit(team1, member, "2026-07-20", 4, {"vneid"}, "số 16");
    member_store(*bot.db).set_active(member, false, bot.clk.now()); // Dung has left team 1 since

    auto data = build_ward_export(*bot.db, bot.cfg, language::vi, ward_rec(), *d);
    auto& teams = data.sheets[0];
    ASSERT_EQ(teams.rows.size(), 3u); // two teams and the total
    auto cell = [](const std::vector<sheet_cell>& row, std::size_t i) {
        return row[i].is_number ? std::to_string(row[i].number) : row[i].text;
    };
    auto last = teams.headers.size() - 1;
    EXPECT_EQ(teams.headers[last], "Số liệu khi nộp");
    EXPECT_EQ(cell(teams.rows[0], 2), "2"); // team 1 now: two visits
    EXPECT_EQ(cell(teams.rows[0], last), "1 lượt thăm hộ (2 người), 0 buổi hướng dẫn (0 người tham dự)");
    EXPECT_EQ(cell(teams.rows[1], last), "Như số liệu hiện tại");
    EXPECT_EQ(cell(teams.rows[2], 1), "Tổng cộng");
    EXPECT_EQ(cell(teams.rows[2], 2), "3"); // visits
    EXPECT_EQ(cell(teams.rows[2], 3), "7"); // people: 2 + 4 + 1
    EXPECT_EQ(data.teams, 2u);
    // Members: Dung is no longer on the roster, but her two visits stay under team 1.
    bool dung = false;
    for (auto& row : data.sheets[1].rows)
        if (cell(row, 1) == "Phạm Thị Dung") {
            dung = true;
            EXPECT_EQ(cell(row, 3), "Đã rời tổ");
            EXPECT_EQ(cell(row, 4), "2");
        }
    EXPECT_TRUE(dung);
}

TEST_F(export_fixture, csv_has_a_bom_and_quotes_fields_with_commas) {
    log_visit(team1, member, "2026-11-03", 2, {"vneid"}, "số 12, ngõ 5");
    auto d = instance_for_key(*bot.db, bot.cfg, ward_rec(), "2026-11");
    ASSERT_TRUE(d);
    auto data = build_ward_export(*bot.db, bot.cfg, language::vi, ward_rec(), *d);
    auto csv = to_csv(data.sheets[2]);
    EXPECT_TRUE(csv.starts_with(
        "\xEF\xBB\xBFSố,Ngày,Loại,Tổ,Thành viên,Địa điểm,Chủ đề,Số người,Nội dung,Ảnh minh chứng\r\n"))
        << csv;
    EXPECT_NE(csv.find(",\"số 12, ngõ 5\","), std::string::npos) << csv;
}

TEST_F(export_fixture, periods_are_read_strictly) {
    EXPECT_EQ(instance_for_key(*bot.db, bot.cfg, ward_rec(), "2026-11")->period.key, "2026-11");
    EXPECT_EQ(instance_for_key(*bot.db, bot.cfg, ward_rec(), "2026-q4")->period.key, "2026-Q4");
    EXPECT_EQ(instance_for_key(*bot.db, bot.cfg, ward_rec(), "2026")->period.key, "2026");
    for (auto bad : {"2026-13", "2026-Q5", "26-11", "tháng 11", "2026/11", ""})
        EXPECT_FALSE(instance_for_key(*bot.db, bot.cfg, ward_rec(), bad)) << bad;
}

// The file name a staff member sees and saves: one dash between words, whatever the ward's name
// holds ("bao-cao-phuong--a-----b-----x------2026-12.xlsx" was sent).
TEST_F(export_fixture, the_file_name_has_one_dash_between_words) {
    auto d = instance_for_key(*bot.db, bot.cfg, ward_rec(), "2026-12");
    ASSERT_TRUE(d);
    EXPECT_EQ(export_file_stem(ward_rec(), *d), "bao-cao-phuong-hoa-xuan-2026-12");
    auto odd = ward_rec();
    odd.name = "Phường <Ả> & *B*/../x 👍";
    EXPECT_EQ(export_file_stem(odd, *d), "bao-cao-phuong-a-b-x-2026-12");
    odd.name = "👍";
    EXPECT_EQ(export_file_stem(odd, *d), "bao-cao-2026-12");
}

TEST_F(export_fixture, ward_staff_get_the_spreadsheet_as_a_document_in_private) {
    log_visit(team1, member, "2026-11-03", 2, {"vneid"}, "số 12");
    auto out = bot.say("900", "/xuat tháng");
    ASSERT_EQ(out.size(), 1u) << test_bot::joined(out);
    EXPECT_EQ(out[0].kind, outgoing_kind::document);
    ASSERT_TRUE(out[0].document);
    EXPECT_EQ(out[0].document->file_name, "bao-cao-phuong-hoa-xuan-2026-11.xlsx");
    auto path = out[0].document->file_ref.substr(5);
    EXPECT_TRUE(std::filesystem::exists(path));
    EXPECT_NE(zip_entry(path, "xl/sharedStrings.xml").find("Phạm Thị Dung"), std::string::npos);
    EXPECT_TRUE(has(out, "2 tổ, 3 thành viên, 1 lượt hỗ trợ"));

    auto csv = bot.say("900", "/xuat quý csv");
    EXPECT_EQ(csv.size(), 3u); // teams, members, visits
    EXPECT_TRUE(has(bot.say("100", "/xuat tháng"), "cán bộ phường"));
    EXPECT_TRUE(has(bot.say_in_group("-3000", "900", "/xuat tháng"), "nhắn riêng"));
    EXPECT_TRUE(has(bot.say("900", "/xuat tháng pdf"), "xlsx hoặc csv"));
}

TEST_F(export_fixture, a_past_period_is_exported_by_name_or_as_the_one_before) {
    // Today is 24/11/2026: October and the third quarter are over.
    log_visit(team1, member, "2026-10-03", 2, {"vneid"}, "số 12");
    log_visit(team1, member, "2026-11-03", 1, {"dvc"}, "số 14");
    auto october = bot.say("900", "/xuat tháng 10");
    ASSERT_EQ(october.size(), 1u) << test_bot::joined(october);
    ASSERT_TRUE(october[0].document);
    EXPECT_EQ(october[0].document->file_name, "bao-cao-phuong-hoa-xuan-2026-10.xlsx");
    EXPECT_TRUE(has(october, "1 lượt hỗ trợ"));
    EXPECT_NE(zip_entry(october[0].document->file_ref.substr(5), "xl/sharedStrings.xml").find("số 12"),
              std::string::npos);
    auto last_month = bot.say("900", "/xuat tháng trước");
    ASSERT_TRUE(last_month.size() == 1 && last_month[0].document) << test_bot::joined(last_month);
    EXPECT_EQ(last_month[0].document->file_name, "bao-cao-phuong-hoa-xuan-2026-10.xlsx");
    auto q3 = bot.say("900", "/xuat quý III csv");
    ASSERT_EQ(q3.size(), 3u) << test_bot::joined(q3);
    EXPECT_EQ(q3[0].document->file_name, "bao-cao-phuong-hoa-xuan-2026-Q3-to.csv");
    EXPECT_TRUE(has(bot.say("900", "/xuat năm 2027"), "chưa bắt đầu"));
    // Weeks are not exported, and the answer does not offer them.
    auto week = test_bot::joined(bot.say("900", "/xuat tuần"));
    EXPECT_NE(week.find("không theo tuần"), std::string::npos) << week;
}

TEST_F(export_fixture, sent_export_files_are_removed_after_two_days) {
    auto out = bot.say("900", "/xuat tháng");
    ASSERT_EQ(out.size(), 1u);
    auto path = out[0].document->file_ref.substr(5);
    // "Now" is when the file was written, as the filesystem says: its clock may differ from the
    // process's (tests/run_at_times.sh fakes the latter), and the pruning reads the former.
    auto now = std::chrono::duration_cast<std::chrono::seconds>(
                   std::chrono::file_clock::to_sys(std::filesystem::last_write_time(path)).time_since_epoch())
                   .count();
    EXPECT_EQ(prune_exports(bot.cfg.storage.db_path, now - 2 * 86400), 0);
    EXPECT_TRUE(std::filesystem::exists(path));
    now += 49 * 3600; // 49 hours later
    EXPECT_EQ(prune_exports(bot.cfg.storage.db_path, now - 2 * 86400), 1);
    EXPECT_FALSE(std::filesystem::exists(path));
}

// /sua changed a record's count or topics while the visit sheet's «Nội dung» kept only the text
// first written: "cài VNeID cho 2 người" beside 3 people, or beside «Dịch vụ công trực tuyến».
// The correction now follows the words first written; the old content stays in the history.
TEST_F(export_fixture, the_visit_sheet_shows_a_record_as_sua_left_it) {
    auto first = test::record_no(bot.say("102", "/tham số 12 ngõ 5, cài VNeID cho 2 người"));
    auto second = test::record_no(bot.say("102", "/tham số 14 ngõ 5, cài VNeID cho 2 người"));
    ASSERT_GT(first, 0);
    ASSERT_GT(second, 0);
    bot.say("102", "/sua " + std::to_string(first) + " nội dung hướng dẫn nộp hồ sơ dịch vụ công");
    bot.say("102", "/sua " + std::to_string(second) + " 3 người");
    auto out = bot.say("900", "/xuat tháng");
    ASSERT_TRUE(out.size() == 1 && out[0].document) << test_bot::joined(out);
    auto cells = xlsx_cells(out[0].document->file_ref.substr(5), 3);
    auto note = test::column_of(cells, "Nội dung"), topics = test::column_of(cells, "Chủ đề"),
         count = test::column_of(cells, "Số người");
    ASSERT_FALSE(note.empty());
    // Row 2 is the first record, row 3 the second (same day, by number).
    EXPECT_EQ(cells["A2"].value, std::to_string(first));
    EXPECT_EQ(cells[topics + "2"].value, "Dịch vụ công trực tuyến");
    EXPECT_EQ(cells[note + "2"].value,
              "số 12 ngõ 5, cài VNeID cho 2 người → nội dung hướng dẫn nộp hồ sơ dịch vụ công");
    EXPECT_EQ(cells["A3"].value, std::to_string(second));
    EXPECT_EQ(cells[count + "3"].value, "3");
    EXPECT_EQ(cells[note + "3"].value, "số 14 ngõ 5, cài VNeID cho 2 người → 3 người");
    // What they said before is kept, as the history of each record.
    EXPECT_EQ(visit_store(*bot.db).history_count(first), 1);
    EXPECT_EQ(visit_store(*bot.db).history_count(second), 1);
}

// Ward staff report up how many households and sessions dealt with a topic and how many people
// were helped; the sheet had people only, headed "VNeID (người)". Each topic now has both, headed
// with what they count, and they are /thongke's figures for the same period.
TEST_F(export_fixture, each_topic_counts_records_and_people_as_thongke_does) {
    struct raw {
        std::int64_t team, who;
        std::string day;
        activity_kind kind;
        int people;
        std::vector<std::string> topics;
    };
    auto visit = activity_kind::visit, session = activity_kind::session;
    std::vector<raw> rows{
        {team1, member, "2026-11-02", visit, 2, {"vneid"}},
        {team1, member, "2026-11-03", visit, 3, {"vneid", "thanhtoan"}},
        {team1, leader, "2026-11-05", session, 25, {"luadao", "vneid"}},
        {team1, leader, "2026-11-06", visit, 1, {"khac"}},
        {team2, leader2, "2026-11-07", visit, 4, {"dvc"}},
        {team2, leader2, "2026-11-08", session, 12, {"dvc", "yte"}},
        {team2, leader2, "2026-10-30", visit, 9, {"dvc"}}, // October: not in November's sheet
    };
    for (auto& r : rows)
        log_visit(r.team, r.who, r.day, r.people, r.topics, "nơi " + r.day, r.kind);
    // The expected figures, from the raw rows: [team index][topic] = {records, people}.
    std::map<std::string, std::pair<int, int>> expected[3]; // team 1, team 2, the ward
    for (auto& r : rows) {
        if (!r.day.starts_with("2026-11"))
            continue;
        for (auto& code : r.topics)
            for (auto i : {r.team == team1 ? 0 : 1, 2}) {
                ++expected[i][code].first;
                expected[i][code].second += r.people;
            }
    }
    auto out = bot.say("900", "/xuat tháng");
    ASSERT_TRUE(out.size() == 1 && out[0].document) << test_bot::joined(out);
    auto cells = xlsx_cells(out[0].document->file_ref.substr(5), 1);
    ASSERT_EQ(cells["B2"].value, "Tổ dân phố số 1");
    ASSERT_EQ(cells["B3"].value, "Tổ dân phố số 2");
    ASSERT_EQ(cells["B4"].value, "Tổng cộng");
    for (auto& topic : all_topics()) {
        std::string name(topic.name_vi);
        auto records = test::column_of(cells, name + ": số lượt (thăm hộ + buổi)");
        auto people = test::column_of(cells, name + ": số người (được hỗ trợ + tham dự)");
        ASSERT_FALSE(records.empty()) << name;
        ASSERT_FALSE(people.empty()) << name;
        for (int i = 0; i < 3; ++i) {
            auto row = std::to_string(i + 2);
            auto it = expected[i].find(std::string(topic.code));
            auto want = it == expected[i].end() ? std::pair{0, 0} : it->second;
            EXPECT_EQ(cells[records + row].value, std::to_string(want.first)) << name << " row " << row;
            EXPECT_EQ(cells[people + row].value, std::to_string(want.second)) << name << " row " << row;
        }
    }
    // /thongke says the same: team 1's leader, and ward staff for the ward.
    auto team_stats = test_bot::joined(bot.say("100", "/thongke tháng"));
    auto ward_stats = test_bot::joined(bot.say("900", "/thongke tháng"));
    for (auto [i, text] : {std::pair{0, &team_stats}, {2, &ward_stats}})
        for (auto& [code, want] : expected[i]) {
            auto line = "• " + std::string(find_topic(code)->name_vi) + ": " + std::to_string(want.first) +
                        " lượt, " + std::to_string(want.second) + " người";
            EXPECT_NE(text->find(line), std::string::npos) << line << "\n" << *text;
        }
}

// «Nộp lúc» was text ("Thứ Ba, 24/11/2026 lúc 09:00") and so was the visits' «Ngày»: staff could
// not sort or filter by them. They are dates now, in the ward's time zone.
TEST_F(export_fixture, submitted_at_and_the_day_are_dates_in_the_wards_time_zone) {
    using namespace std::chrono;
    log_visit(team1, member, "2026-07-03", 2, {"vneid"}, "số 12");
    bot.submit_report(ward, team1, "quarterly", "2026-Q3"); // now: 24/11/2026 09:00 in Vietnam
    auto d = instance_for_key(*bot.db, bot.cfg, ward_rec(), "2026-Q3");
    ASSERT_TRUE(d);
    auto data = build_ward_export(*bot.db, bot.cfg, language::vi, ward_rec(), *d);
    auto path = (dir / "q3.xlsx").string();
    ASSERT_EQ(write_xlsx(path, data.sheets), "");
    // A spreadsheet's dates count days from 30/12/1899.
    auto serial = [](year_month_day day) {
        return (sys_days{day} - sys_days{1899y / December / 30}).count();
    };

    auto teams = xlsx_cells(path, 1);
    auto submitted = test::column_of(teams, "Nộp lúc");
    ASSERT_FALSE(submitted.empty());
    auto& at = teams[submitted + "2"];
    EXPECT_TRUE(at.is_number) << at.value;
    EXPECT_NEAR(std::atof(at.value.c_str()), serial(2026y / November / 24) + 9.0 / 24, 1e-6) << at.value;
    EXPECT_EQ(at.format_code, "dd/mm/yyyy hh:mm");
    EXPECT_EQ(teams[submitted + "3"].value, ""); // team 2 has not submitted

    auto visits = xlsx_cells(path, 3);
    auto& day = visits[test::column_of(visits, "Ngày") + "2"];
    EXPECT_TRUE(day.is_number) << day.value;
    EXPECT_EQ(day.value, std::to_string(serial(2026y / July / 3)));
    EXPECT_EQ(day.format_code, "dd/mm/yyyy");

    // The CSV has no cell types: the same dates as the sheet shows them.
    EXPECT_NE(to_csv(data.sheets[0]).find(",24/11/2026 09:00,"), std::string::npos) << to_csv(data.sheets[0]);
    EXPECT_NE(to_csv(data.sheets[2]).find(",03/07/2026,"), std::string::npos) << to_csv(data.sheets[2]);
}

// The chat's views leave out a team added after a deadline; the export called it «Chưa nộp».
TEST_F(export_fixture, a_team_added_after_the_deadline_is_not_marked_as_not_submitted) {
    bot.db->native().db.exec("UPDATE teams SET created_at = 0"); // teams 1 and 2: since the summer
    bot.team(ward, "Tổ dân phố số 3");                           // added now, 24/11, after Q3's 19/9
    auto d = instance_for_key(*bot.db, bot.cfg, ward_rec(), "2026-Q3");
    ASSERT_TRUE(d);
    auto data = build_ward_export(*bot.db, bot.cfg, language::vi, ward_rec(), *d);
    auto path = (dir / "q3.xlsx").string();
    ASSERT_EQ(write_xlsx(path, data.sheets), "");
    auto teams = xlsx_cells(path, 1);
    auto on_time = test::column_of(teams, "Đúng hạn");
    ASSERT_FALSE(on_time.empty());
    EXPECT_EQ(teams[on_time + "2"].value, "Chưa nộp");                        // team 1 owed it
    EXPECT_EQ(teams[on_time + "4"].value, "Không phải nộp (tổ vào sau hạn)"); // team 3 came after
}

TEST(remind_command, reads_iso_instants_with_or_without_an_offset) {
    // 2026-12-22 08:00 in Vietnam = 01:00 UTC.
    auto expected = local_time{420}.at(
        std::chrono::year_month_day{std::chrono::year{2026}, std::chrono::December, std::chrono::day{22}}, 8,
        0);
    EXPECT_EQ(parse_iso_instant("2026-12-22T08:00+07:00", 0), expected);
    EXPECT_EQ(parse_iso_instant("2026-12-22T01:00Z", 420), expected);
    EXPECT_EQ(parse_iso_instant("2026-12-22T08:00", 420), expected);
    EXPECT_EQ(parse_iso_instant("2026-12-22T08:00:00+07:00", 0), expected);
    for (auto bad :
         {"2026-12-22", "2026-02-30T08:00", "2026-12-22T25:00", "22/12/2026 08:00", "2026-12-22T08:00+7"})
        EXPECT_FALSE(parse_iso_instant(bad, 420)) << bad;
}

} // namespace
} // namespace cnscd
