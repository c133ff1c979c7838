// The roster subcommands (import-roster, export-roster, add-staff, forget-member) as the operator
// runs them: exit codes, what they print, and what ends up in the database and the exported file.

#include "bot/app.hpp"
#include "storage/database.hpp"
#include "storage/registry.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>

namespace cnscd {
namespace {

const std::string header = "TT,Họ tên,Chức vụ tổ/xóm/đơn vị công tác,Chức vụ Tổ CNSCĐ,SĐT,CCCD,Khu vực phụ "
                           "trách,Ghi chú,Tổ dân phố\n";
const std::string roster = header + "1,Trần Văn Bình,,Tổ trưởng,0905100001,,Toàn tổ,,Tổ dân phố số 1\n"
                                    "2,Lê Thị Cúc,,Tổ phó,0905100002,,Ngõ 1-5,,Tổ dân phố số 1\n"
                                    "4,Phạm Thị Dung,,Thành viên,0905100004,,,,Tổ dân phố số 1\n"
                                    "5,Hoàng Văn Em,,Thành viên,0905100005,,,,Tổ dân phố số 1\n"
                                    "6,Võ Thị Giang,,Tổ trưởng,0905100006,,,,Tổ dân phố số 2\n";
const std::string ward = "Phường Hải Châu";

struct cli_result {
    int code = -1;
    std::string out, err;
};

struct roster_cli : ::testing::Test {
    std::filesystem::path dir = std::filesystem::temp_directory_path() /
                                ("cnscd-roster-cli-" + std::to_string(::getpid()) + "-" +
                                 ::testing::UnitTest::GetInstance()->current_test_info()->name());
    config cfg;

    void SetUp() override {
        std::filesystem::remove_all(dir);
        std::filesystem::create_directories(dir);
        cfg.storage.db_path = (dir / "bot.db").string();
    }
    void TearDown() override { std::filesystem::remove_all(dir); }

    std::string write(const std::string& name, const std::string& text) {
        auto path = (dir / name).string();
        std::ofstream(path, std::ios::binary) << text;
        return path;
    }
    static std::string read(const std::string& path) {
        std::ifstream in(path, std::ios::binary);
        std::stringstream ss;
        ss << in.rdbuf();
        return ss.str();
    }

    // Runs one subcommand and keeps what it printed.
    static cli_result run(const std::function<int()>& command) {
        ::testing::internal::CaptureStdout();
        ::testing::internal::CaptureStderr();
        cli_result r;
        r.code = command();
        r.out = ::testing::internal::GetCapturedStdout();
        r.err = ::testing::internal::GetCapturedStderr();
        return r;
    }

    cli_result import(const std::string& csv, roster_import_request request = {}) {
        request.file = write("roster-" + std::to_string(files++) + ".csv", csv);
        if (request.ward.empty())
            request.ward = ward;
        return run([&] { return run_import_roster(cfg, request); });
    }
    cli_result export_roster(const std::string& ward_name, bool full_cccd = false) {
        return run(
            [&] { return run_export_roster(cfg, ward_name, (dir / "export.csv").string(), full_cccd); });
    }
    std::string exported() { return read((dir / "export.csv").string()); }
    cli_result add_staff(const add_staff_request& request) {
        return run([&] { return run_add_staff(cfg, request); });
    }

    std::optional<member_record> by_phone(const std::string& phone) {
        auto db = database::open(cfg.storage.db_path);
        auto w = ward_store(*db).by_name(ward);
        return w ? member_store(*db).by_phone(w->id, phone) : std::nullopt;
    }

    int files = 0;
};

TEST_F(roster_cli, full_cccd_export_without_the_key_names_export_options_only) {
    ASSERT_EQ(import(roster).code, 0);
    auto r = export_roster(ward, true);
    EXPECT_EQ(r.code, 2);
    EXPECT_EQ(r.err.find("--no-cccd"), std::string::npos) << "an import option: " << r.err;
    EXPECT_NE(r.err.find("CNSCD_DATA_KEY"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("bỏ --full-cccd"), std::string::npos) << r.err;
    EXPECT_FALSE(std::filesystem::exists(dir / "export.csv")) << "nothing written";
}

// The bot moved to a new machine with a newly made key: importing the ward's file with it sealed
// its CCCDs under a second key, and none of them matched the stored ones.
TEST_F(roster_cli, an_import_under_a_key_that_opens_no_stored_cccd_is_refused_and_changes_nothing) {
    auto with_cccd = header + "1,Trần Văn Bình,,Tổ trưởng,0905100001,012345678901,Toàn tổ,,Tổ dân phố số 1\n"
                              "2,Lê Thị Cúc,,Tổ phó,0905100002,,Ngõ 1-5,,Tổ dân phố số 1\n";
    cfg.data_key = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";
    ASSERT_EQ(import(with_cccd).code, 0);
    cfg.data_key = "ffeeddccbbaa99887766554433221100ffeeddccbbaa99887766554433221100";
    auto newcomer = with_cccd + "3,Phạm Thị Dung,,Thành viên,0905100004,012345678903,,,Tổ dân phố số 1\n";
    auto refused = import(newcomer);
    EXPECT_EQ(refused.code, 2);
    EXPECT_NE(refused.err.find("không mở được 1/1 số CCCD đã lưu"), std::string::npos) << refused.err;
    EXPECT_NE(refused.err.find("CNSCD_DATA_KEY"), std::string::npos) << refused.err;
    EXPECT_NE(refused.err.find("--no-cccd"), std::string::npos) << refused.err;
    EXPECT_FALSE(by_phone("+84905100004")) << "nothing imported";
    // Without the CCCD column the file is imported, and the stored CCCD stays as it was.
    roster_import_request no_cccd;
    no_cccd.no_cccd = true;
    auto without = import(newcomer, no_cccd);
    EXPECT_EQ(without.code, 0) << without.err;
    EXPECT_TRUE(by_phone("+84905100004")) << without.out << without.err;
    cfg.data_key = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";
    EXPECT_EQ(import(newcomer).code, 0) << "the earlier key opens them again";
}

// A handover made in chat (/doivaitro), then last month's file imported again: the file put the
// old leader back with only "vai trò (Tổ phó → Tổ trưởng)" to show for it.
TEST_F(roster_cli, a_file_that_puts_back_a_role_changed_in_chat_says_when_it_was_changed) {
    ASSERT_EQ(import(roster).code, 0);
    {
        // What /doivaitro Lê Thị Cúc tổ trưởng writes (the handler's own calls).
        auto db = database::open(cfg.storage.db_path);
        auto cuc = *by_phone("+84905100002"), binh = *by_phone("+84905100001");
        member_store(*db).set_role(cuc.id, "leader", 1'764'633'600); // 02/12/2025, 07:00 in Vietnam
        audit_log(*db).record(std::nullopt, "Ngô Thị Hạnh", "role.change", cuc.full_name,
                              audit_log::role_change("deputy", "leader"), 1'764'633'600);
        member_store(*db).set_role(binh.id, "deputy", 1'764'633'600);
        audit_log(*db).record(std::nullopt, "Ngô Thị Hạnh", "role.change", binh.full_name,
                              audit_log::role_change("leader", "deputy"), 1'764'633'600);
    }
    auto again = import(roster);
    EXPECT_EQ(again.code, 0) << again.err;
    EXPECT_NE(again.out.find("Lê Thị Cúc được đổi thành Tổ trưởng trong chat ngày 02/12/2025"),
              std::string::npos)
        << again.out;
    EXPECT_NE(again.out.find("Trần Văn Bình được đổi thành Tổ phó trong chat ngày 02/12/2025"),
              std::string::npos)
        << again.out;
    EXPECT_NE(again.out.find("export-roster"), std::string::npos) << again.out;
    EXPECT_EQ(by_phone("+84905100001")->role, "leader") << "the file is applied, as before";
    // A role the file changes on its own (no change in chat behind it) gets no such line.
    auto promoted = roster;
    std::string dung = "Phạm Thị Dung,,Thành viên";
    promoted.replace(promoted.find(dung), dung.size(), "Phạm Thị Dung,,Tổ phó");
    auto third = import(promoted);
    EXPECT_NE(third.out.find("Phạm Thị Dung"), std::string::npos) << third.out;
    EXPECT_EQ(third.out.find("trong chat"), std::string::npos) << third.out;
}

TEST_F(roster_cli, add_staff_with_a_members_phone_is_refused_and_says_whose_it_is) {
    ASSERT_EQ(import(roster).code, 0);
    auto r = add_staff({.ward = ward, .name = "Cán bộ 2", .phone = "0905100002"});
    EXPECT_EQ(r.code, 2);
    EXPECT_NE(r.err.find("Số 090****002 đã là của Lê Thị Cúc (tổ phó, Tổ dân phố số 1)"), std::string::npos)
        << r.err;
    EXPECT_NE(r.err.find("--same-person"), std::string::npos) << "says how to proceed: " << r.err;
    EXPECT_EQ(r.err.find("0905100002"), std::string::npos) << "the phone is masked";
    auto cuc = by_phone("+84905100002");
    ASSERT_TRUE(cuc);
    EXPECT_EQ(cuc->full_name, "Lê Thị Cúc") << "not renamed";
    EXPECT_EQ(cuc->role, "deputy");
    EXPECT_TRUE(cuc->team_id) << "still on her team";
    ASSERT_EQ(export_roster(ward).code, 0);
    EXPECT_NE(exported().find("Lê Thị Cúc"), std::string::npos);
}

TEST_F(roster_cli, add_staff_same_person_moves_the_member_to_the_ward_staff) {
    ASSERT_EQ(import(roster).code, 0);
    auto r = add_staff({.ward = ward, .name = "Lê Thị Cúc", .phone = "0905100002", .same_person = true});
    EXPECT_EQ(r.code, 0) << r.err;
    EXPECT_NE(r.out.find("Lê Thị Cúc đã rời Tổ dân phố số 1"), std::string::npos) << r.out;
    auto cuc = by_phone("+84905100002");
    EXPECT_EQ(cuc->role, "ward_staff");
    EXPECT_FALSE(cuc->team_id);
    // Once staff, running it again only updates the staff account.
    auto again = add_staff({.ward = ward, .name = "Lê Thị Cúc", .phone = "0905100002"});
    EXPECT_EQ(again.code, 0);
    EXPECT_NE(again.out.find("Đã cập nhật cán bộ phường"), std::string::npos) << again.out;
}

TEST_F(roster_cli, import_row_with_another_persons_phone_is_reported_and_not_applied) {
    ASSERT_EQ(import(roster).code, 0);
    // The ward's new file: Cúc's row is gone and her number was typed on a newcomer's row.
    auto without_cuc = header +
                       "1,Trần Văn Bình,,Tổ trưởng,0905100001,,Toàn tổ,,Tổ dân phố số 1\n"
                       "14,Lý Văn Phúc,Cựu chiến binh,Thành viên,0905100002,,Ngõ 7,,Tổ dân phố số 3\n"
                       "15,Đỗ Văn Khoa,,Thành viên,0905100015,,,,Tổ dân phố số 1\n";
    auto r = import(without_cuc);
    EXPECT_EQ(r.code, 3) << "a rejected row";
    EXPECT_NE(r.out.find("✗ TT 14: số điện thoại đã là của Lê Thị Cúc (TT 2, Tổ dân phố số 1)"),
              std::string::npos)
        << r.out;
    EXPECT_NE(r.out.find("Thêm mới: 1 · Thay đổi: 0 · Giữ nguyên: 1 · Bị từ chối: 1"), std::string::npos)
        << r.out;
    EXPECT_EQ(r.out.find("Lý Văn Phúc"), std::string::npos) << "no line names the row as applied: " << r.out;
    ASSERT_EQ(export_roster(ward).code, 0);
    EXPECT_NE(exported().find("2,Lê Thị Cúc,,Tổ phó,0905100002,,Ngõ 1-5,,Tổ dân phố số 1"), std::string::npos)
        << exported();
}

// A year of changes in the ward's file: a new leader, a member left off, a team's leader row
// twice. Before, the old leader stayed leader beside the new one (both got the report button and
// the reminders) and nothing said who was on the team but not in the file.
TEST_F(roster_cli, a_new_leader_a_missing_row_and_two_leaders_are_each_said_with_the_fix) {
    ASSERT_EQ(import(roster).code, 0);
    auto r = import(header + "2,Lê Thị Cúc,,Tổ trưởng,0905100002,,Ngõ 1-5,,Tổ dân phố số 1\n"
                             "4,Phạm Thị Dung,,Thành viên,0905100004,,,,Tổ dân phố số 1\n"
                             "5,Hoàng Văn Em,,Thành viên,0905100005,,,,Tổ dân phố số 1\n"
                             "6,Võ Thị Giang,,Tổ trưởng,0905100006,,,,Tổ dân phố số 2\n");
    EXPECT_EQ(r.code, 0) << r.out;
    EXPECT_NE(
        r.out.find("~ TT 1 Trần Văn Bình: thôi làm tổ trưởng Tổ dân phố số 1, nay là tổ phó, vì tệp ghi "
                   "Lê Thị Cúc là tổ trưởng"),
        std::string::npos)
        << r.out;
    EXPECT_NE(
        r.out.find("? TT 1 Trần Văn Bình (Tổ dân phố số 1): có trong danh sách tổ nhưng không có dòng nào "
                   "trong tệp, vẫn giữ nguyên. Nếu người này đã nghỉ: tổ trưởng gõ /xoa Trần Văn Bình"),
        std::string::npos)
        << r.out;
    EXPECT_NE(r.out.find("· Không có trong tệp: 1"), std::string::npos) << r.out;
    EXPECT_EQ(by_phone("+84905100001")->role, "deputy");
    EXPECT_EQ(by_phone("+84905100002")->role, "leader");

    auto twice = import(header + "1,Trần Văn Bình,,Tổ trưởng,0905100001,,Toàn tổ,,Tổ dân phố số 1\n"
                                 "2,Lê Thị Cúc,,Tổ trưởng,0905100002,,Ngõ 1-5,,Tổ dân phố số 1\n");
    EXPECT_EQ(twice.code, 3);
    EXPECT_NE(
        twice.out.find("✗ TT 1: tệp cũng ghi Lê Thị Cúc (TT 2) là tổ trưởng Tổ dân phố số 1; mỗi tổ chỉ một "
                       "tổ trưởng"),
        std::string::npos)
        << twice.out;
    EXPECT_EQ(by_phone("+84905100002")->role, "leader") << "nothing of the refused rows applied";

    auto none = import(header + "2,Lê Thị Cúc,,Tổ phó,0905100002,,Ngõ 1-5,,Tổ dân phố số 1\n");
    EXPECT_NE(none.out.find("⚠️ Tổ dân phố số 1 chưa có tổ trưởng"), std::string::npos)
        << none.out;
}

// Rows refused while reading the file were listed before rows refused while applying it, so
// TT 15 came before TT 14; nothing said what to do next; and a CCCD of 11 digits read "11 ký tự".
TEST_F(roster_cli, rejected_rows_are_listed_in_file_order_with_how_to_fix_and_run_again) {
    ASSERT_EQ(import(roster).code, 0);
    auto file = header + "1,Trần Văn Bình,,Tổ trưởng,0905100001,,Toàn tổ,,Tổ dân phố số 1\n"
                         "14,Lý Văn Phúc,,Thành viên,0905100002,,Ngõ 7,,Tổ dân phố số 1\n"
                         "15,Đỗ Văn Khoa,,Thành viên,0905100015,01234567890,,,Tổ dân phố số 1\n"
                         "16,Ngô Văn Lâm,,Thành viên,0905100016,0123-4567-89AB,,,Tổ dân phố số 1\n";
    auto r = import(file);
    EXPECT_EQ(r.code, 3);
    auto tt14 = r.out.find("✗ TT 14: số điện thoại đã là của Lê Thị Cúc");
    auto tt15 = r.out.find("✗ TT 15: số CCCD phải có đúng 12 chữ số (dòng này có 11 chữ số)");
    auto tt16 = r.out.find("✗ TT 16: số CCCD chỉ gồm 12 chữ số (dòng này có chữ cái hoặc ký tự khác)");
    ASSERT_NE(tt14, std::string::npos) << r.out;
    ASSERT_NE(tt15, std::string::npos) << r.out;
    ASSERT_NE(tt16, std::string::npos) << r.out;
    EXPECT_LT(tt14, tt15) << r.out;
    EXPECT_LT(tt15, tt16) << r.out;
    auto howto = r.out.find("Sửa các dòng ✗ ở trên trong tệp rồi chạy lại đúng lệnh này");
    ASSERT_NE(howto, std::string::npos) << r.out;
    EXPECT_LT(tt16, howto) << "the closing line comes last: " << r.out;
    // As it says: the same file again changes nothing that was taken.
    auto again = import(file);
    EXPECT_NE(again.out.find("Thêm mới: 0 · Thay đổi: 0 · Giữ nguyên: 1 · Bị từ chối: 3"), std::string::npos)
        << again.out;
    // A file with nothing wrong has no such line.
    EXPECT_EQ(import(roster).out.find("Sửa các dòng"), std::string::npos);
}

// An English report named a row without a TT by "dòng 3": every other word of it was English.
TEST_F(roster_cli, an_english_report_names_rows_in_english) {
    cfg.default_language = "en";
    auto r = import(header + "1,Trần Văn Bình,,Tổ trưởng,0905100001,,Toàn tổ,,Tổ dân phố số 1\n"
                             ",Đỗ Văn Khoa,,Thành viên,0905100015,01234567890,,,Tổ dân phố số 1\n");
    EXPECT_EQ(r.code, 3);
    EXPECT_NE(r.out.find("✗ line 3: "), std::string::npos) << r.out;
    EXPECT_EQ(r.out.find("dòng"), std::string::npos) << r.out;
}

TEST_F(roster_cli, the_first_import_creates_the_ward_and_a_misspelt_one_later_is_refused) {
    auto first = import(roster);
    EXPECT_EQ(first.code, 0);
    EXPECT_NE(first.out.find("Phường mới: Phường Hải Châu"), std::string::npos) << first.out;
    roster_import_request misspelt;
    misspelt.ward = "Hải Châu";
    auto r = import(roster, misspelt);
    EXPECT_EQ(r.code, 2);
    EXPECT_NE(r.err.find("Các phường đang có: Phường Hải Châu."), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("Có phải là «Phường Hải Châu» không?"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("--new-ward"), std::string::npos) << r.err;
    auto db = database::open(cfg.storage.db_path);
    EXPECT_EQ(ward_store(*db).all().size(), 1u);
    EXPECT_EQ(member_store(*db).in_ward(ward_store(*db).all()[0].id).size(), 5u) << "nobody twice";
    roster_import_request new_ward;
    new_ward.ward = "Xã Hòa Vang";
    new_ward.new_ward = true;
    auto on_purpose = import(roster, new_ward);
    EXPECT_EQ(on_purpose.code, 0) << on_purpose.err;
    EXPECT_EQ(ward_store(*db).all().size(), 2u);
}

TEST_F(roster_cli, add_staff_does_not_create_a_ward_unless_told) {
    ASSERT_EQ(import(roster).code, 0);
    auto r = add_staff({.ward = "Phường Khác", .name = "Cán bộ", .phone = "0912000111"});
    EXPECT_EQ(r.code, 2);
    EXPECT_NE(r.err.find("Chưa có phường «Phường Khác»"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("Phường Hải Châu"), std::string::npos) << "lists the wards: " << r.err;
    auto db = database::open(cfg.storage.db_path);
    EXPECT_FALSE(ward_store(*db).by_name("Phường Khác"));
    EXPECT_EQ(add_staff({.ward = "phuong hai chau", .name = "Cán bộ", .phone = "0912000111"}).code, 0);
    EXPECT_EQ(
        add_staff({.ward = "Phường Khác", .name = "Cán bộ 2", .phone = "0912000222", .new_ward = true}).code,
        0);
    EXPECT_TRUE(ward_store(*db).by_name("Phường Khác"));
}

TEST_F(roster_cli, add_staff_into_an_empty_database_creates_the_ward) {
    EXPECT_EQ(add_staff({.ward = ward, .name = "Cán bộ", .phone = "0912000111"}).code, 0);
    auto db = database::open(cfg.storage.db_path);
    EXPECT_TRUE(ward_store(*db).by_name(ward));
}

TEST_F(roster_cli, reimport_after_forget_member_skips_the_erased_person_and_says_so) {
    ASSERT_EQ(import(roster).code, 0);
    forget_member_request forget{ward, "0905100005", "", true};
    ASSERT_EQ(run([&] { return run_forget_member(cfg, forget); }).code, 0);
    auto r = import(roster);
    EXPECT_EQ(r.code, 0);
    EXPECT_NE(r.out.find("Bỏ qua: 1"), std::string::npos) << r.out;
    EXPECT_NE(
        r.out.find("⊘ TT 5 (Tổ dân phố số 1): bỏ qua vì người ở dòng này đã yêu cầu xoá dữ liệu cá nhân"),
        std::string::npos)
        << r.out;
    EXPECT_NE(r.out.find("--include-erased"), std::string::npos) << r.out;
    EXPECT_EQ(r.out.find("Hoàng Văn Em"), std::string::npos) << r.out;
    EXPECT_FALSE(by_phone("+84905100005"));
    ASSERT_EQ(export_roster(ward).code, 0);
    EXPECT_EQ(exported().find("Hoàng Văn Em"), std::string::npos);
}

TEST_F(roster_cli, reimport_says_when_a_member_removed_in_chat_is_put_back) {
    ASSERT_EQ(import(roster).code, 0);
    {
        auto db = database::open(cfg.storage.db_path);
        member_store(*db).set_active(by_phone("+84905100004")->id, false, 1795485600); // /xoa on 24/11/2026
    }
    roster_import_request keep;
    keep.keep_removed = true;
    auto kept = import(roster, keep);
    EXPECT_NE(kept.out.find("⊘ TT 4 Phạm Thị Dung: đã được cho nghỉ trong chat ngày 24/11/2026, vẫn để nghỉ"),
              std::string::npos)
        << kept.out;
    EXPECT_FALSE(by_phone("+84905100004")->active);
    auto r = import(roster);
    EXPECT_EQ(r.code, 0);
    EXPECT_NE(
        r.out.find("↺ TT 4 Phạm Thị Dung: đã được cho nghỉ trong chat ngày 24/11/2026, nay đưa lại vào Tổ "
                   "dân phố số 1"),
        std::string::npos)
        << r.out;
    EXPECT_NE(r.out.find("--keep-removed"), std::string::npos) << r.out;
    EXPECT_TRUE(by_phone("+84905100004")->active);
}

} // namespace
} // namespace cnscd
