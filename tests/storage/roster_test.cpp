#include "storage/chat_migrations.hpp"
#include "storage/database.hpp"
#include "storage/personal_data.hpp"
#include "storage/registry.hpp"
#include "storage/roster_csv.hpp"
#include "storage/roster_import.hpp"
#include "storage/sqlite_connection.hpp"
#include "storage/visit_photo_store.hpp"
#include "tests/support/fixtures.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace cnscd {
namespace {

const std::string key = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";

const std::string header = "TT,Họ tên,Chức vụ tổ/xóm/đơn vị công tác,Chức vụ Tổ CNSCĐ,SĐT,CCCD,Khu vực phụ "
                           "trách,Ghi chú,Tổ dân phố\n";

roster_file read(const std::string& text, std::optional<std::string> team = std::nullopt) {
    auto f = read_roster(text, team);
    EXPECT_TRUE(f.has_value());
    return f ? *f : roster_file{};
}

TEST(roster_csv, reads_the_ward_table_with_title_rows_and_bom) {
    auto f =
        read("\xEF\xBB\xBF"
             "DANH SÁCH TỔ CNSCĐ\n\n" +
             header +
             "1,Trần Văn Bình,Tổ trưởng TDP,Tổ trưởng,0905 100 001,012345678901,Toàn tổ,,Tổ dân phố số 1\n"
             "2,Lê Thị Cúc,\"Công an khu vực, phường\",Tổ phó thường trực,+84905100002,,Ngõ 1-5,,Tổ dân phố "
             "số 1\n");
    ASSERT_EQ(f.entries.size(), 2u);
    EXPECT_TRUE(f.rejected.empty());
    EXPECT_EQ(f.entries[0].full_name, "Trần Văn Bình");
    EXPECT_EQ(f.entries[0].role, "leader");
    EXPECT_EQ(f.entries[0].phone, "+84905100001");
    EXPECT_EQ(f.entries[0].cccd, "012345678901");
    EXPECT_EQ(f.entries[0].row_label, "1");
    EXPECT_EQ(f.entries[1].position, "Công an khu vực, phường");
    EXPECT_EQ(f.entries[1].role, "deputy");
    EXPECT_EQ(f.entries[1].team, "Tổ dân phố số 1");
}

TEST(roster_csv, semicolons_crlf_and_unaccented_headers) {
    auto f = read("TT;Ho ten;Chuc vu to/xom/don vi cong tac;Chuc vu To CNSCD;SDT;CCCD;Khu vuc phu trach;Ghi "
                  "chu;Thon\r\n"
                  "1;Nguyễn Văn An;Bí thư chi đoàn;Thành viên;0905100003;;Ngõ 6;;3\r\n");
    EXPECT_EQ(f.delimiter, ';');
    ASSERT_EQ(f.entries.size(), 1u);
    EXPECT_EQ(f.entries[0].team, "Thon 3") << "a bare number under the Thôn column names the hamlet";
    EXPECT_EQ(f.entries[0].role, "member");
}

TEST(roster_csv, every_kind_of_bad_row_is_reported_with_its_tt_and_the_rest_is_kept) {
    auto f = read(header + "1,Trần Văn Bình,,Tổ trưởng,0905100001,,,,Tổ 1\n"
                           "2,,,Thành viên,0905100002,,,,Tổ 1\n"
                           "3,Người Số Ba,,Thành viên,12345,,,,Tổ 1\n"
                           "4,Người Số Bốn,,Thành viên,0905100004,12345,,,Tổ 1\n"
                           "5,Người Số Năm,,Chủ tịch,0905100005,,,,Tổ 1\n"
                           "6,Người Số Sáu,,Thành viên,0905100001,,,,Tổ 1\n"
                           "7,Người Số Bảy,,Thành viên,0905100007,,,,\n"
                           ",Không Có TT,,Thành viên,0905100008,,,,Tổ 1\n");
    ASSERT_EQ(f.entries.size(), 2u);
    ASSERT_EQ(f.rejected.size(), 6u);
    EXPECT_EQ(f.rejected[0].row_label, "2");
    EXPECT_EQ(f.rejected[0].issue, roster_issue::missing_name);
    EXPECT_EQ(f.rejected[1].issue, roster_issue::bad_phone);
    EXPECT_EQ(f.rejected[2].issue, roster_issue::bad_cccd);
    EXPECT_EQ(f.rejected[3].issue, roster_issue::unknown_role);
    EXPECT_EQ(f.rejected[4].issue, roster_issue::duplicate_phone);
    EXPECT_EQ(f.rejected[4].detail, "TT 1") << "names the row that has the number first, as a row";
    EXPECT_EQ(f.rejected[5].issue, roster_issue::missing_team);
    EXPECT_EQ(f.entries[1].line, 9u) << "rows without TT are known by their line";
}

TEST(roster_csv, a_row_with_several_problems_reports_them_all_and_counts_once) {
    // One round of corrections fixes the row: name, role, phone and team are all reported.
    auto f = read(header + "1,,,Chủ tịch,12345,,,,\n"
                           "2,Người Số Hai,,Thành viên,0905100002,,,,Tổ 1\n");
    ASSERT_EQ(f.entries.size(), 1u);
    ASSERT_EQ(f.rejected.size(), 4u);
    EXPECT_EQ(f.rejected[0].issue, roster_issue::missing_name);
    EXPECT_EQ(f.rejected[1].issue, roster_issue::unknown_role);
    EXPECT_EQ(f.rejected[2].issue, roster_issue::bad_phone);
    EXPECT_EQ(f.rejected[3].issue, roster_issue::missing_team);
    for (auto& p : f.rejected)
        EXPECT_EQ(p.row_label, "1");
    EXPECT_EQ(rejected_rows(f.rejected), 1u);
}

TEST(roster_csv, the_role_titles_wards_write) {
    EXPECT_EQ(role_from_title("Tổ trưởng tổ công nghệ số cộng đồng"), "leader");
    EXPECT_EQ(role_from_title("Trưởng nhóm"), "leader");
    EXPECT_EQ(role_from_title("Phó tổ trưởng"), "deputy"); // not the leader, though it says "tổ trưởng"
    EXPECT_EQ(role_from_title("Tổ phó thường trực"), "deputy");
    EXPECT_EQ(role_from_title("Phó nhóm"), "deputy");
    EXPECT_EQ(role_from_title("Tổ viên"), "member");
    EXPECT_EQ(role_from_title("Phòng văn hóa"), std::nullopt);
}

TEST(roster_csv, team_option_for_a_one_team_file) {
    auto no_team = read_roster("TT,Họ tên,SĐT\n1,A B,0905100001\n", std::nullopt);
    ASSERT_FALSE(no_team);
    EXPECT_EQ(no_team.error().error, roster_file_error::missing_columns);
    auto f = read("TT,Họ tên,SĐT\n1,A B,0905100001\n", std::string("Thôn Đông"));
    ASSERT_EQ(f.entries.size(), 1u);
    EXPECT_EQ(f.entries[0].team, "Thôn Đông");
}

TEST(roster_csv, unusable_files_are_refused_with_a_reason) {
    EXPECT_EQ(read_roster("", std::nullopt).error().error, roster_file_error::empty);
    EXPECT_EQ(read_roster("a,b,c\n1,2,3\n", std::nullopt).error().error, roster_file_error::no_header);
    EXPECT_EQ(read_roster("TT,H\xE1 t\xEAn\n", std::nullopt).error().error, roster_file_error::not_utf8);
}

TEST(roster_csv, written_back_in_the_same_layout_and_read_again) {
    auto f =
        read(header +
             "1,Trần Văn Bình,\"Tổ trưởng, TDP\",Tổ trưởng,0905100001,,Toàn tổ,\"ghi \"\"chú\"\"\",Tổ 1\n");
    auto again = read(write_roster(f.entries));
    ASSERT_EQ(again.entries.size(), 1u);
    EXPECT_EQ(again.entries[0].position, "Tổ trưởng, TDP");
    EXPECT_EQ(again.entries[0].note, "ghi \"chú\"");
    EXPECT_EQ(again.entries[0].phone, "+84905100001");
}

struct import_fixture : ::testing::Test {
    std::unique_ptr<database> db = database::open(":memory:");
    personal_data crypto{key};

    roster_report import(const std::string& csv, bool dry_run = false) {
        auto file = read(csv);
        auto r = import_roster(*db, file, {"Phường Hòa Xuân", dry_run, false}, crypto, 1000);
        EXPECT_TRUE(r.has_value());
        return r ? *r : roster_report{};
    }
};

const std::string good = header + "1,Trần Văn Bình,,Tổ trưởng,0905100001,012345678901,,,Tổ dân phố số 1\n"
                                  "2,Lê Thị Cúc,,Tổ phó,0905100002,,,,Tổ dân phố số 1\n"
                                  "3,Võ Thị Giang,,Tổ trưởng,0905100006,,,,Tổ dân phố số 2\n";

TEST_F(import_fixture, adds_then_reimporting_changes_nothing) {
    auto first = import(good);
    EXPECT_EQ(first.added.size(), 3u);
    EXPECT_EQ(first.teams_created.size(), 2u);
    auto second = import(good);
    EXPECT_TRUE(second.added.empty());
    EXPECT_TRUE(second.changed.empty());
    EXPECT_EQ(second.unchanged, 3u);
}

TEST_F(import_fixture, changes_are_listed_by_field) {
    import(good);
    auto edited = header + "1,Trần Văn Bình,,Tổ trưởng,0905100001,012345678901,Ngõ 9,,Tổ dân phố số 1\n"
                           "2,Lê Thị Cúc,,Thành viên,0905100002,,,,Tổ dân phố số 2\n";
    auto r = import(edited);
    ASSERT_EQ(r.changed.size(), 2u);
    EXPECT_EQ(r.changed[0].fields, (std::vector<std::string>{"Khu vực phụ trách"}));
    auto& f = r.changed[1].fields;
    // A move names both teams: "Tổ" alone read as a spelling fix of the team's name.
    EXPECT_NE(std::find(f.begin(), f.end(), "Tổ (Tổ dân phố số 1 → Tổ dân phố số 2)"), f.end());
    EXPECT_NE(std::find(f.begin(), f.end(), "vai trò (Tổ phó → Thành viên)"), f.end());
}

TEST_F(import_fixture, dry_run_reports_the_same_and_writes_nothing) {
    auto r = import(good, true);
    EXPECT_EQ(r.added.size(), 3u);
    EXPECT_FALSE(ward_store(*db).by_name("Phường Hòa Xuân"));
    EXPECT_TRUE(member_store(*db).in_ward(1).empty());
}

TEST_F(import_fixture, a_known_person_whose_phone_changed_is_updated_not_duplicated) {
    import(good);
    auto r = import(header + "1,Trần Văn Bình,,Tổ trưởng,0905100099,012345678901,,,Tổ dân phố số 1\n");
    EXPECT_TRUE(r.rejected.empty());
    ASSERT_EQ(r.changed.size(), 1u) << "found by CCCD";
    EXPECT_EQ(r.changed[0].fields, (std::vector<std::string>{"SĐT"}));
}

TEST_F(import_fixture, a_new_phone_without_a_cccd_updates_the_member_instead_of_adding_a_namesake) {
    import(good);
    auto before = member_store(*db).by_phone(1, "+84905100002");
    ASSERT_TRUE(before);
    // Most rosters carry no CCCD: the same name in the same team, the old number gone from the file.
    auto r = import(header + "1,Trần Văn Bình,,Tổ trưởng,0905100001,012345678901,,,Tổ dân phố số 1\n"
                             "2,Lê Thị Cúc,,Tổ phó,0915100002,,,,Tổ dân phố số 1\n");
    EXPECT_TRUE(r.added.empty());
    ASSERT_EQ(r.changed.size(), 1u);
    EXPECT_EQ(r.changed[0].fields, (std::vector<std::string>{"SĐT"}));
    auto after = member_store(*db).by_phone(1, "+84915100002");
    ASSERT_TRUE(after);
    EXPECT_EQ(after->id, before->id) << "the same member, with her history and chat link";
    EXPECT_FALSE(member_store(*db).by_phone(1, "+84905100002"));
}

TEST_F(import_fixture, a_namesake_whose_number_is_still_listed_is_someone_new) {
    import(good);
    // Lê Thị Cúc keeps her row and number; another Lê Thị Cúc joins with her own.
    auto r = import(header + "2,Lê Thị Cúc,,Tổ phó,0905100002,,,,Tổ dân phố số 1\n"
                             "4,Lê Thị Cúc,,Thành viên,0915100002,,,,Tổ dân phố số 1\n");
    EXPECT_EQ(r.added.size(), 1u);
    EXPECT_TRUE(r.changed.empty());
    EXPECT_TRUE(member_store(*db).by_phone(1, "+84905100002"));
    EXPECT_TRUE(member_store(*db).by_phone(1, "+84915100002"));
}

TEST_F(import_fixture, a_new_leader_on_the_file_makes_the_one_left_off_it_deputy) {
    import(good);
    // The ward's corrected file names Lê Thị Cúc leader and no longer lists Trần Văn Bình.
    auto r = import(header + "2,Lê Thị Cúc,,Tổ trưởng,0905100002,,,,Tổ dân phố số 1\n");
    EXPECT_TRUE(r.rejected.empty());
    ASSERT_EQ(r.changed.size(), 2u);
    EXPECT_EQ(r.changed[1].name, "Trần Văn Bình");
    EXPECT_EQ(r.changed[1].stepped_down_for, "Lê Thị Cúc");
    auto team = member_store(*db).by_phone(1, "+84905100001")->team_id;
    std::vector<std::string> leaders;
    for (auto& m : member_store(*db).in_team(*team))
        if (m.role == "leader")
            leaders.push_back(m.full_name);
    EXPECT_EQ(leaders, (std::vector<std::string>{"Lê Thị Cúc"}));
    EXPECT_EQ(member_store(*db).by_phone(1, "+84905100001")->role_title, "Tổ phó");
}

TEST_F(import_fixture, a_team_the_file_leaves_without_a_leader_is_named) {
    import(good);
    EXPECT_TRUE(import(good).leaderless.empty());
    // Trần Văn Bình steps down and nobody is written in as leader.
    auto r = import(header + "1,Trần Văn Bình,,Thành viên,0905100001,012345678901,,,Tổ dân phố số 1\n"
                             "2,Lê Thị Cúc,,Tổ phó,0905100002,,,,Tổ dân phố số 1\n");
    EXPECT_EQ(r.leaderless, (std::vector<std::string>{"Tổ dân phố số 1"}));
}

TEST_F(import_fixture, two_leaders_for_one_team_are_refused_and_the_team_keeps_its_leader) {
    import(good);
    auto r = import(header + "1,Trần Văn Bình,,Tổ trưởng,0905100001,012345678901,Toàn tổ,,Tổ dân phố số 1\n"
                             "2,Lê Thị Cúc,,Tổ trưởng,0905100002,,,,Tổ dân phố số 1\n"
                             "3,Võ Thị Giang,,Tổ trưởng,0905100006,,,,Tổ dân phố số 2\n");
    ASSERT_EQ(r.rejected.size(), 2u);
    EXPECT_EQ(r.rejected[0].issue, roster_issue::two_leaders);
    EXPECT_EQ(r.rejected[0].row_label, "1");
    EXPECT_EQ(r.rejected[0].detail, "Lê Thị Cúc");
    EXPECT_EQ(r.rejected[1].row_label, "2");
    EXPECT_EQ(r.rejected[1].other_row, "1");
    EXPECT_EQ(r.unchanged, 1u) << "the other team's leader row is applied";
    EXPECT_EQ(member_store(*db).by_phone(1, "+84905100001")->role, "leader");
    EXPECT_EQ(member_store(*db).by_phone(1, "+84905100002")->role, "deputy");
}

TEST_F(import_fixture, who_is_on_a_listed_team_but_not_in_the_file_is_kept_and_named) {
    import(good);
    // Lê Thị Cúc's row is gone from Tổ dân phố số 1; the file says nothing of Tổ dân phố số 2.
    auto r = import(header + "1,Trần Văn Bình,,Tổ trưởng,0905100001,012345678901,,,Tổ dân phố số 1\n");
    ASSERT_EQ(r.absent.size(), 1u);
    EXPECT_EQ(r.absent[0].name, "Lê Thị Cúc");
    EXPECT_EQ(r.absent[0].row_label, "2");
    EXPECT_EQ(r.absent[0].team, "Tổ dân phố số 1");
    auto cuc = member_store(*db).by_phone(1, "+84905100002");
    ASSERT_TRUE(cuc);
    EXPECT_TRUE(cuc->active) << "not removed: a missing row is more often a slip";
    EXPECT_TRUE(import(good).absent.empty());
}

TEST_F(import_fixture, another_persons_cccd_is_rejected_as_a_duplicate_person) {
    import(good);
    // Lê Thị Cúc's row (found by phone) now carries Trần Văn Bình's CCCD.
    auto r = import(header + "2,Lê Thị Cúc,,Tổ phó,0905100002,012345678901,,,Tổ dân phố số 1\n");
    ASSERT_EQ(r.rejected.size(), 1u);
    EXPECT_EQ(r.rejected[0].issue, roster_issue::duplicate_cccd);
    EXPECT_EQ(r.rejected[0].detail, "Trần Văn Bình");
    EXPECT_TRUE(r.changed.empty());
}

TEST_F(import_fixture, a_row_with_someone_elses_phone_is_rejected_and_the_rest_applied) {
    import(good);
    // Lê Thị Cúc's number, on a new row for someone else in a team that does not exist yet.
    auto r = import(header + "14,Lý Văn Phúc,Cựu chiến binh,Thành viên,0905100002,,Ngõ 7,,Tổ dân phố số 3\n"
                             "15,Đỗ Văn Khoa,,Thành viên,0905100015,,,,Tổ dân phố số 2\n");
    ASSERT_EQ(r.rejected.size(), 1u);
    EXPECT_EQ(r.rejected[0].row_label, "14");
    EXPECT_EQ(r.rejected[0].issue, roster_issue::phone_of_other_person);
    EXPECT_EQ(r.rejected[0].detail, "Lê Thị Cúc");
    EXPECT_EQ(r.rejected[0].other_row, "2");
    EXPECT_EQ(r.rejected[0].other_team, "Tổ dân phố số 1");
    EXPECT_TRUE(r.changed.empty());
    ASSERT_EQ(r.added.size(), 1u) << "the rest of the file is imported";
    EXPECT_TRUE(r.teams_created.empty()) << "no team for a rejected row";
    auto ward = ward_store(*db).by_name("Phường Hòa Xuân");
    auto cuc = member_store(*db).by_phone(ward->id, "+84905100002");
    EXPECT_EQ(cuc->full_name, "Lê Thị Cúc");
    EXPECT_EQ(cuc->role, "deputy");
    EXPECT_EQ(cuc->roster_row, "2");
    EXPECT_EQ(team_store(*db).by_id(*cuc->team_id)->name, "Tổ dân phố số 1");
}

TEST_F(import_fixture, a_name_corrected_on_its_own_row_or_in_accents_only_is_updated) {
    import(good);
    auto r = import(header + "1,TRẦN VĂN  BINH,,Tổ trưởng,0905100001,012345678901,,,Tổ dân phố số 1\n"
                             "2,Lê Thị Thu Cúc,,Tổ phó,0905100002,,,,Tổ dân phố số 1\n");
    EXPECT_TRUE(r.rejected.empty());
    ASSERT_EQ(r.changed.size(), 2u);
    EXPECT_EQ(r.changed[0].previous_name, "Trần Văn Bình");
    EXPECT_EQ(r.changed[1].name, "Lê Thị Thu Cúc");
    EXPECT_EQ(r.changed[1].previous_name, "Lê Thị Cúc");
    // The same new name on another row of another team is someone else.
    auto moved = import(header + "9,Lê Thị Mai,,Thành viên,0905100002,,,,Tổ dân phố số 2\n");
    ASSERT_EQ(moved.rejected.size(), 1u);
    EXPECT_EQ(moved.rejected[0].detail, "Lê Thị Thu Cúc");
    // Their own CCCD says it is them, wherever the row is.
    auto by_cccd = import(header + "9,Trần Bình,,Tổ trưởng,0905100001,012345678901,,,Tổ dân phố số 2\n");
    EXPECT_TRUE(by_cccd.rejected.empty());
    ASSERT_EQ(by_cccd.changed.size(), 2u);
    EXPECT_EQ(by_cccd.changed[0].name, "Trần Bình");
    // As leader of Tổ dân phố số 2, where Võ Thị Giang led: she stays on as deputy.
    EXPECT_EQ(by_cccd.changed[1].name, "Võ Thị Giang");
    EXPECT_EQ(by_cccd.changed[1].stepped_down_for, "Trần Bình");
}

TEST_F(import_fixture, a_member_erased_on_request_is_not_added_back_by_the_old_file) {
    import(good);
    auto ward = ward_store(*db).by_name("Phường Hòa Xuân")->id;
    member_store members(*db);
    auto cuc = members.by_phone(ward, "+84905100002")->id;
    members.erase_personal_data(cuc, "Thành viên đã xoá dữ liệu #2", 2000);
    auto file = read(good);
    auto r = import_roster(*db, file, {"Phường Hòa Xuân"}, crypto, 3000);
    ASSERT_TRUE(r);
    EXPECT_TRUE(r->added.empty());
    ASSERT_EQ(r->skipped.size(), 1u);
    EXPECT_EQ(r->skipped[0].row_label, "2");
    EXPECT_EQ(r->skipped[0].team, "Tổ dân phố số 1");
    EXPECT_EQ(r->skipped[0].name, "") << "the erased person's name is not repeated";
    EXPECT_EQ(r->skipped[0].removed_at, 0);
    EXPECT_FALSE(members.by_phone(ward, "+84905100002")) << "not back under her phone";
    EXPECT_EQ(members.in_ward(ward).size(), 2u);
    // On purpose, for someone else on that row or the same person coming back.
    roster_import_options readd{"Phường Hòa Xuân"};
    readd.include_erased = true;
    auto back = import_roster(*db, file, readd, crypto, 4000);
    ASSERT_TRUE(back);
    EXPECT_EQ(back->added.size(), 1u);
    EXPECT_TRUE(back->skipped.empty());
}

TEST_F(import_fixture, a_member_removed_in_chat_comes_back_on_a_line_of_its_own_or_stays_out) {
    import(good);
    auto ward = ward_store(*db).by_name("Phường Hòa Xuân")->id;
    member_store members(*db);
    auto cuc = members.by_phone(ward, "+84905100002")->id;
    members.set_active(cuc, false, 1500); // /xoa
    EXPECT_EQ(members.by_id(cuc)->removed_at, 1500);
    auto file = read(good);
    roster_import_options keep{"Phường Hòa Xuân"};
    keep.keep_removed = true;
    auto kept = import_roster(*db, file, keep, crypto, 2000);
    ASSERT_TRUE(kept);
    ASSERT_EQ(kept->skipped.size(), 1u);
    EXPECT_EQ(kept->skipped[0].name, "Lê Thị Cúc");
    EXPECT_EQ(kept->skipped[0].removed_at, 1500);
    EXPECT_TRUE(kept->changed.empty());
    EXPECT_FALSE(members.by_id(cuc)->active);
    auto r = import_roster(*db, file, {"Phường Hòa Xuân"}, crypto, 3000);
    ASSERT_TRUE(r);
    ASSERT_EQ(r->changed.size(), 1u);
    EXPECT_TRUE(r->changed[0].reactivated);
    EXPECT_EQ(r->changed[0].removed_at, 1500);
    EXPECT_EQ(r->changed[0].team, "Tổ dân phố số 1");
    EXPECT_TRUE(r->changed[0].fields.empty()) << "nothing else changed";
    EXPECT_TRUE(members.by_id(cuc)->active);
    EXPECT_FALSE(members.by_id(cuc)->removed_at);
}

TEST_F(import_fixture, refuses_cccds_without_a_key_and_imports_without_them_on_request) {
    personal_data no_key{""};
    auto file = read(good);
    auto refused = import_roster(*db, file, {"Phường Hòa Xuân", false, false}, no_key, 1000);
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error(), roster_import_error::no_data_key);
    EXPECT_FALSE(ward_store(*db).by_name("Phường Hòa Xuân")) << "nothing half-imported";
    auto without = import_roster(*db, file, {"Phường Hòa Xuân", false, true}, no_key, 1000);
    ASSERT_TRUE(without);
    EXPECT_EQ(without->added.size(), 3u);
}

TEST_F(import_fixture, a_misspelt_ward_is_not_created_beside_the_existing_one) {
    import(good);
    auto file = read(good);
    auto misspelt = import_roster(*db, file, {"Hòa Xuân"}, crypto, 1000);
    ASSERT_FALSE(misspelt);
    EXPECT_EQ(misspelt.error(), roster_import_error::unknown_ward);
    EXPECT_EQ(ward_store(*db).all().size(), 1u) << "no second ward with the same people";
    EXPECT_EQ(ward_store(*db).nearest("Hòa Xuân")->name, "Phường Hòa Xuân");
    // Accents and case alone find the ward itself.
    ASSERT_TRUE(import_roster(*db, file, {"phuong hoa xuan"}, crypto, 1000));
    EXPECT_EQ(ward_store(*db).all().size(), 1u);
    // A new ward on purpose.
    auto other = import_roster(*db, file, {"Xã Hòa Vang", false, false, true}, crypto, 1000);
    ASSERT_TRUE(other);
    EXPECT_TRUE(other->ward_created);
    EXPECT_EQ(ward_store(*db).all().size(), 2u);
}

TEST(ward_names, the_nearest_ward_is_a_close_name_only) {
    auto db = database::open(":memory:");
    ward_store wards(*db);
    wards.ensure("Phường Hải Châu", 0);
    wards.ensure("Xã Hòa Vang", 0);
    EXPECT_EQ(wards.nearest("Hải Châu")->name, "Phường Hải Châu");
    EXPECT_EQ(wards.nearest("Phường Hải Chau")->name, "Phường Hải Châu");
    EXPECT_EQ(wards.nearest("Phường Hai Chaau")->name, "Phường Hải Châu");
    EXPECT_EQ(wards.nearest("xa hoa vang")->name, "Xã Hòa Vang");
    EXPECT_FALSE(wards.nearest("Phường Khác"));
    EXPECT_FALSE(wards.nearest("Phường Thanh Khê"));
}

TEST(personal_data, round_trip_tamper_and_wrong_key) {
    personal_data crypto{key};
    auto sealed = crypto.seal("012345678901");
    EXPECT_EQ(sealed.find("012345678901"), std::string::npos);
    EXPECT_EQ(crypto.open(sealed), "012345678901");
    EXPECT_NE(crypto.seal("012345678901"), sealed) << "a fresh nonce each time";
    auto tampered = sealed;
    tampered[15] ^= 1;
    EXPECT_FALSE(crypto.open(tampered));
    personal_data other{std::string(64, 'a')};
    EXPECT_FALSE(other.open(sealed));
    EXPECT_EQ(crypto.digest("012345678901"), crypto.digest("012345678901"));
    EXPECT_NE(crypto.digest("012345678901"), other.digest("012345678901"));
    EXPECT_EQ(mask_cccd("012345678901"), "*********901");
}

TEST(member_departures_migration, earlier_removals_and_erasures_are_dated_on_upgrade) {
    auto path = (std::filesystem::temp_directory_path() / "cnscd_departures_test.db").string();
    for (auto ext : {"", "-wal", "-shm"})
        std::filesystem::remove(path + ext);
    std::int64_t removed = 0, erased = 0, active = 0;
    {
        auto db = database::open(path);
        auto ward = ward_store(*db).ensure("Phường Hòa Xuân", 0);
        member_store members(*db);
        auto add = [&](const std::string& name, const std::string& phone) {
            member_record m;
            m.ward_id = ward;
            m.full_name = name;
            m.role = "member";
            m.phone = phone;
            return members.insert(m, 0);
        };
        removed = add("Phạm Thị Dung", "+84905100004");
        erased = add("Hoàng Văn Em", "+84905100005");
        active = add("Lê Thị Cúc", "+84905100002");
        members.set_active(removed, false, 500);
        audit_log(*db).record(std::nullopt, "Trần Văn Bình (leader)", "member.deactivate", "Phạm Thị Dung",
                              "", 400);
        members.update(*members.by_id(removed), 600); // touched again later: the audit log's date wins
        members.erase_personal_data(erased, "Thành viên đã xoá dữ liệu #2", 700);
        audit_log(*db).record(std::nullopt, "operator", "member.erase", "Thành viên đã xoá dữ liệu #2", "",
                              700);
    }
    {
        // As version 14 left it: no such columns (nor the outbox topic of 17, the nudges of 18).
        SQLite::Database raw(path, SQLite::OPEN_READWRITE);
        raw.exec("ALTER TABLE members DROP COLUMN removed_at");
        raw.exec("ALTER TABLE members DROP COLUMN erased_at");
        raw.exec("ALTER TABLE members DROP COLUMN team_since");
        raw.exec("ALTER TABLE outbox DROP COLUMN thread_id");
        raw.exec("DROP TABLE nudge_messages");
        raw.exec("DROP TABLE nudges");
        raw.exec("DROP TABLE chat_migrations");
        raw.exec("ALTER TABLE campaigns DROP COLUMN owed_report"); // nor the owed report of 22
        raw.exec("ALTER TABLE campaigns DROP COLUMN owed_period");
        raw.exec("PRAGMA user_version = 14");
    }
    {
        auto db = database::open(path);
        member_store members(*db);
        EXPECT_EQ(members.by_id(removed)->removed_at, 400);
        EXPECT_FALSE(members.by_id(removed)->erased_at);
        EXPECT_EQ(members.by_id(erased)->erased_at, 700);
        EXPECT_FALSE(members.by_id(active)->removed_at);
    }
    for (auto ext : {"", "-wal", "-shm"})
        std::filesystem::remove(path + ext);
}

TEST(member_team_since, who_came_later_or_moved_is_on_the_team_from_then) {
    auto db = database::open(":memory:");
    auto ward = ward_store(*db).ensure("Phường Hòa Xuân", 0);
    auto to1 = team_store(*db).ensure(ward, "Tổ dân phố số 1", 100);
    auto to2 = team_store(*db).ensure(ward, "Tổ dân phố số 2", 100);
    member_store members(*db);
    auto add = [&](const std::string& name, std::int64_t team, std::int64_t at) {
        member_record m;
        m.ward_id = ward;
        m.team_id = team;
        m.full_name = name;
        m.role = "member";
        return members.insert(m, at);
    };
    auto founder = add("Lê Thị Cúc", to1, 100); // with the team's first roster
    auto later = add("Mai Văn Tài", to1, 500);
    EXPECT_FALSE(members.by_id(founder)->team_since);
    EXPECT_EQ(members.by_id(later)->team_since, 500);
    auto moved = *members.by_id(founder);
    moved.team_id = to2;
    members.update(moved, 700);
    EXPECT_EQ(members.by_id(founder)->team_since, 700);
    members.update(*members.by_id(founder), 800); // nothing about the team changed
    EXPECT_EQ(members.by_id(founder)->team_since, 700);
    members.set_active(later, false, 900);
    members.set_active(later, true, 1000); // taken back
    EXPECT_EQ(members.by_id(later)->team_since, 1000);
}

TEST(member_team_since_migration, members_added_after_their_team_are_dated_on_upgrade) {
    auto path = (std::filesystem::temp_directory_path() / "cnscd_team_since_test.db").string();
    for (auto ext : {"", "-wal", "-shm"})
        std::filesystem::remove(path + ext);
    std::int64_t founder = 0, later = 0;
    {
        auto db = database::open(path);
        auto ward = ward_store(*db).ensure("Phường Hòa Xuân", 0);
        auto team = team_store(*db).ensure(ward, "Tổ dân phố số 1", 100);
        member_store members(*db);
        member_record m;
        m.ward_id = ward;
        m.team_id = team;
        m.role = "member";
        m.full_name = "Lê Thị Cúc";
        founder = members.insert(m, 100);
        m.full_name = "Mai Văn Tài";
        later = members.insert(m, 500);
    }
    {
        // As version 15 left it: no such column (nor the outbox topic of 17, the nudges of 18).
        SQLite::Database raw(path, SQLite::OPEN_READWRITE);
        raw.exec("ALTER TABLE members DROP COLUMN team_since");
        raw.exec("ALTER TABLE outbox DROP COLUMN thread_id");
        raw.exec("DROP TABLE nudge_messages");
        raw.exec("DROP TABLE nudges");
        raw.exec("DROP TABLE chat_migrations");
        raw.exec("ALTER TABLE campaigns DROP COLUMN owed_report"); // nor the owed report of 22
        raw.exec("ALTER TABLE campaigns DROP COLUMN owed_period");
        raw.exec("PRAGMA user_version = 15");
    }
    {
        auto db = database::open(path);
        member_store members(*db);
        EXPECT_FALSE(members.by_id(founder)->team_since);
        EXPECT_EQ(members.by_id(later)->team_since, 500);
    }
    for (auto ext : {"", "-wal", "-shm"})
        std::filesystem::remove(path + ext);
}

TEST(personal_data, the_database_file_holds_no_cccd_in_clear) {
    auto path = (std::filesystem::temp_directory_path() / "cnscd_cccd_test.db").string();
    for (auto ext : {"", "-wal", "-shm"})
        std::filesystem::remove(path + ext);
    {
        auto db = database::open(path);
        personal_data crypto{key};
        auto file = read_roster(good, std::nullopt);
        ASSERT_TRUE(import_roster(*db, *file, {"Phường Hòa Xuân", false, false}, crypto, 1000));
    }
    auto bytes = test::database_bytes(path);
    EXPECT_GT(bytes.size(), 1000u);
    EXPECT_EQ(bytes.find("012345678901"), std::string::npos);
    EXPECT_NE(bytes.find("Trần Văn Bình"), std::string::npos) << "the file was really read";
    for (auto ext : {"", "-wal", "-shm"})
        std::filesystem::remove(path + ext);
}

} // namespace
} // namespace cnscd

namespace cnscd {
namespace {

// Erasure renames the erased member in the audit log where they acted (by id), and where they were
// acted upon (by name) only when nobody else in the roster has that name.
TEST(erasure, a_namesakes_audit_entries_keep_their_name) {
    auto db = database::open(":memory:");
    auto ward = ward_store(*db).ensure("Phường Hòa Xuân", 0);
    member_store members(*db);
    auto add = [&](const std::string& phone) {
        member_record m;
        m.ward_id = ward;
        m.full_name = "Nguyễn Văn An";
        m.role = "member";
        m.phone = phone;
        return members.insert(m, 0);
    };
    auto erased = add("+84905000001");
    add("+84905000002"); // the namesake
    audit_log log(*db);
    log.record(erased, "Nguyễn Văn An (member)", "visit.edit", "", "", 0);
    log.record(std::nullopt, "operator", "member.add", "Nguyễn Văn An", "", 0);
    // A photo of a resident waiting for its album's captioned part goes too.
    visit_photo_store(*db).hold_album_part(erased, "album-1", channel::telegram, {"photo", "F-1", ""}, 5, 0);
    members.erase_personal_data(erased, "Đã xoá #1", 10);
    EXPECT_TRUE(visit_photo_store(*db).take_album_parts(erased, "album-1", 0, 10).empty());
    auto& st = db->native().query("SELECT actor || '/' || subject FROM audit_log ORDER BY id");
    std::vector<std::string> rows;
    while (st.executeStep())
        rows.push_back(st.getColumn(0).getString());
    st.tryReset();
    EXPECT_EQ(rows, (std::vector<std::string>{"Đã xoá #1 (member)/", "operator/Nguyễn Văn An"}));
    EXPECT_FALSE(members.by_id(erased)->active);
    EXPECT_TRUE(members.by_id(erased)->phone.empty());
}

// Groups upgraded before the bot remembered where they went: the audit log's record of each
// upgrade is read on upgrade, so a button under an old message still finds the supergroup.
TEST(chat_migrations_migration, upgrades_the_audit_log_recorded_are_remembered) {
    auto path = (std::filesystem::temp_directory_path() / "cnscd_chat_migrations_test.db").string();
    for (auto ext : {"", "-wal", "-shm"})
        std::filesystem::remove(path + ext);
    {
        auto db = database::open(path);
        audit_log(*db).record(std::nullopt, "platform", "group.migrated", "-4012345678", "-1002223334445",
                              100);
    }
    {
        // As version 19 left it: no such table.
        SQLite::Database raw(path, SQLite::OPEN_READWRITE);
        raw.exec("DROP TABLE chat_migrations");
        raw.exec("ALTER TABLE campaigns DROP COLUMN owed_report"); // nor the owed report of 22
        raw.exec("ALTER TABLE campaigns DROP COLUMN owed_period");
        raw.exec("PRAGMA user_version = 19");
    }
    {
        auto db = database::open(path);
        EXPECT_EQ(migrated_to(*db, {channel::telegram, "-4012345678"}), "-1002223334445");
        EXPECT_FALSE(migrated_to(*db, {channel::telegram, "-1002223334445"}));
        EXPECT_FALSE(migrated_to(*db, {channel::zalo_oa, "-4012345678"}));
    }
    for (auto ext : {"", "-wal", "-shm"})
        std::filesystem::remove(path + ext);
}

} // namespace
} // namespace cnscd
