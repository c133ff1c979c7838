// How real-looking Vietnamese messages are read: place, topics, people, date.

#include "messages/command_parser.hpp"
#include "tests/support/activity_checks.hpp"

#include <gtest/gtest.h>

namespace cnscd {
namespace {

using namespace std::chrono;

constexpr year_month_day today{year{2026}, November, day{24}};

command parse(const std::string& text) {
    return parse_command(text, parse_context{"cnscd_bot", today, true});
}

using visit_case = test::activity_case;
using test::details;
using test::iso;

class visit_messages : public ::testing::TestWithParam<visit_case> {};

TEST_P(visit_messages, are_read_as_the_member_meant) {
    auto& c = GetParam();
    auto cmd = parse(c.text);
    // Visits and sessions ("/buoi") read their details the same way.
    auto* d = details(cmd);
    ASSERT_NE(d, nullptr) << c.text << " -> " << command_name(cmd);
    EXPECT_EQ(d->topics, c.topics) << c.text;
    EXPECT_EQ(d->people, c.people) << c.text;
    EXPECT_EQ(iso(d->date), c.date) << c.text;
    if (!c.place.empty()) {
        EXPECT_EQ(d->place, c.place) << c.text;
    }
}

INSTANTIATE_TEST_SUITE_P(
    table, visit_messages,
    ::testing::Values(
        visit_case{"/tham số 12 ngõ 5 Lê Lợi, hướng dẫn 2 người cài VNeID và thanh toán QR",
                   {"vneid", "thanhtoan"},
                   2,
                   "",
                   "số 12 ngõ 5 Lê Lợi"},
        visit_case{
            "/tham so 12 ngo 5 le loi, huong dan 2 nguoi cai vneid", {"vneid"}, 2, "", "so 12 ngo 5 le loi"},
        visit_case{"/tham nhà bà Tư, hướng dẫn ba người nộp hồ sơ dịch vụ công", {"dvc"}, 3, "", "nhà bà Tư"},
        visit_case{
            "/tham hộ ông Năm, cảnh báo lừa đảo qua điện thoại, hai người", {"luadao"}, 2, "", "hộ ông Năm"},
        visit_case{"/tham tổ 3, hôm qua, cài ví điện tử cho 1 người", {"thanhtoan"}, 1, "2026-11-23", "tổ 3"},
        visit_case{"/tham 45 Trần Phú hôm kia, kích hoạt định danh mức 2",
                   {"vneid"},
                   std::nullopt,
                   "2026-11-22",
                   "45 Trần Phú"},
        visit_case{"/tham 7 Nguyễn Huệ 20/11 dvc", {"dvc"}, std::nullopt, "2026-11-20", "7 Nguyễn Huệ"},
        visit_case{"/tham kiot chợ Hòa Xuân, mở gian hàng Postmart",
                   {"tmdt"},
                   std::nullopt,
                   "",
                   "kiot chợ Hòa Xuân"},
        visit_case{
            "/tham nhà cô Lan, chỉ dùng AI để tra cứu dịch vụ công", {"ai", "dvc"}, std::nullopt, "", ""},
        visit_case{"/tham nhà ai cũng vắng, hẹn hôm sau", {}, std::nullopt, "", ""},
        visit_case{"/tham 3 hộ khu B, bảo vệ dữ liệu cá nhân trên zalo", {"dulieu"}, 3, "", ""},
        visit_case{"/tham số 8 kiệt 4", {}, std::nullopt, "", "số 8 kiệt 4"},
        visit_case{"/visit 12 lane 5, helped 2 people install VNeID", {"vneid"}, 2, "", ""},
        visit_case{"/thăm số 2, bốn người cài app ngân hàng", {"thanhtoan"}, 4, "", "số 2"},
        visit_case{"/tham@cnscd_bot số 9, đặt lịch khám bệnh, mười người", {"yte"}, 10, "", "số 9"},
        // Without a comma the place ends where the description starts: a verb of helping, a
        // head count or a date word.
        visit_case{"/tham số 12 ngõ 5 hướng dẫn 2 người cài VNeID", {"vneid"}, 2, "", "số 12 ngõ 5"},
        visit_case{"/tham so 14 ngo 7 huong dan ba nguoi chuyen khoan qr hom qua",
                   {"thanhtoan"},
                   3,
                   "2026-11-23",
                   "so 14 ngo 7"},
        visit_case{"/tham nhà bà Lan tổ 3 cài vneid cho 2 người", {"vneid"}, 2, "", "nhà bà Lan tổ 3"},
        visit_case{
            "/tham số 8 Lê Lợi giúp ông Tư nộp hồ sơ dịch vụ công", {"dvc"}, std::nullopt, "", "số 8 Lê Lợi"},
        visit_case{"/tham số 9 cho 3 người cài vneid", {"vneid"}, 3, "", "số 9"},
        visit_case{
            "/tham hôm qua số 12 ngõ 5 cài vneid", {"vneid"}, std::nullopt, "2026-11-23", "số 12 ngõ 5"},
        visit_case{"/tham số 5 Cái Răng cài VNeID", {"vneid"}, std::nullopt, "", "số 5 Cái Răng"},
        visit_case{"/tham Nhà văn hóa khu 5 Giúp 3 người cài VNeID", {"vneid"}, 3, "", "Nhà văn hóa khu 5"},
        // Alley house numbers are not dates, and numbers after an address word are not head counts.
        visit_case{"/tham hẻm 45/7 Trần Phú, cài vneid 2 người", {"vneid"}, 2, "", "hẻm 45/7 Trần Phú"},
        visit_case{
            "/tham số 123/45 Nguyễn Trãi cài vneid", {"vneid"}, std::nullopt, "", "số 123/45 Nguyễn Trãi"},
        visit_case{"/tham 123/45/6 Nguyễn Trãi, vneid", {"vneid"}, std::nullopt, "", "123/45/6 Nguyễn Trãi"},
        visit_case{
            "/tham số 5 hẻm 12/3 20/11 cài vneid", {"vneid"}, std::nullopt, "2026-11-20", "số 5 hẻm 12/3"},
        visit_case{"/tham khu 3 ba hộ cài vneid", {"vneid"}, 3, "", "khu 3"},
        visit_case{"/tham kiệt 45/2 Hải Phòng - cài VNeID mức 2 cho 2 vợ chồng", {"vneid"}, 2, "", ""},
        visit_case{"/tham nhà bà Tư, hướng dẫn hai vợ chồng cài vneid", {"vneid"}, 2, "", "nhà bà Tư"},
        visit_case{"/tham tổ 3 ba bà cài vneid", {"vneid"}, 3, "", "tổ 3"},
        visit_case{"/tham xóm 2, mười hai hộ, cài vneid", {"vneid"}, 12, "", "xóm 2"},
        visit_case{"/tham xóm 2, 3 gia đình, cài vneid", {"vneid"}, 3, "", "xóm 2"},
        visit_case{"/tham nhà 12 ông Sáu, cài vneid", {"vneid"}, std::nullopt, "", "nhà 12 ông Sáu"},
        // Tax filing online is a public service; BHXH (social insurance) is digital health.
        visit_case{"/tham nhà số 14, hướng dẫn cài Etax Mobile nộp thuế", {"dvc"}, std::nullopt, "", ""},
        visit_case{"/tham ấp 3, cài app BHXH số cho 4 người", {"yte"}, 4, "", "ấp 3"},
        // Getting or renewing the chip ID card is a procedure filed online (VNeID, Dịch vụ công).
        visit_case{"/tham nhà bà Hoa, hướng dẫn làm CCCD online", {"dvc"}, std::nullopt, "", "nhà bà Hoa"},
        visit_case{"/tham so 7 ngo 2 lam cccd cho 2 nguoi", {"dvc"}, 2, "", "so 7 ngo 2"},
        visit_case{"/tham tổ 4, cấp lại CCCD bị mất cho ông Ba", {"dvc"}, std::nullopt, "", "tổ 4"},
        // "căn cước" and "CCCD" are the same card and read alike: getting it is a procedure, the
        // e-ID in VNeID ("căn cước điện tử") is VNeID. "căn cước" was VNeID in both.
        visit_case{"/tham tổ 4, cấp lại căn cước bị mất cho ông Ba", {"dvc"}, std::nullopt, "", "tổ 4"},
        visit_case{"/tham so 7 ngo 2 lam can cuoc cho 2 nguoi", {"dvc"}, 2, "", "so 7 ngo 2"},
        visit_case{"/tham số 3, cài căn cước điện tử cho 2 người", {"vneid"}, 2, "", "số 3"},
        visit_case{"/tham số 3, cài CCCD điện tử cho 2 người", {"vneid"}, 2, "", "số 3"},
        // "làm thủ tục" (doing an administrative procedure) is a verb of helping: it ends the
        // address as "hướng dẫn" does. It was kept in the address.
        visit_case{"/tham nhà bà Hoa làm thủ tục tạm trú online", {"dvc"}, std::nullopt, "", "nhà bà Hoa"},
        visit_case{"/tham số 5 ngõ 3 làm thủ tục cấp lại căn cước cho 2 người", {"dvc"}, 2, "", "số 5 ngõ 3"},
        visit_case{
            "/tham số 5 ngõ 3 đã làm thủ tục trên dịch vụ công", {"dvc"}, std::nullopt, "", "số 5 ngõ 3"},
        visit_case{"/tham hướng dẫn bà Lan làm thủ tục trên dịch vụ công, số 8 ngõ 2",
                   {"dvc"},
                   std::nullopt,
                   "",
                   "số 8 ngõ 2"},
        visit_case{"/tham tổ 2, nhắc an toàn trên mạng cho 3 người", {"luadao"}, 3, "", "tổ 2"},
        visit_case{
            "/visit community hall, 2 people, online public services", {"dvc"}, 2, "", "community hall"},
        visit_case{
            "/tham hẻm 12, chỉ bà Tư cách chuyển tiền qua app", {"thanhtoan"}, std::nullopt, "", "hẻm 12"},
        visit_case{"/tham hội trường khu phố 3 ngày 20/11, chống lừa đảo qua mạng, khoảng 45 người",
                   {"luadao"},
                   45,
                   "2026-11-20",
                   "hội trường khu phố 3"},
        // A number with a slash before a street's name is the house, even first ("12/3 Lê Lợi");
        // a date written first is not part of the place.
        visit_case{"/tham 12/3 Lê Lợi, hướng dẫn VNeID", {"vneid"}, std::nullopt, "", "12/3 Lê Lợi"},
        visit_case{"/tham 12/3 Lê Lợi hướng dẫn 2 người VNeID", {"vneid"}, 2, "", "12/3 Lê Lợi"},
        visit_case{
            "/tham 20/11 nhà bà Lan, hướng dẫn VNeID", {"vneid"}, std::nullopt, "2026-11-20", "nhà bà Lan"},
        visit_case{"/tham ngày 20/11 nhà bà Lan hướng dẫn VNeID",
                   {"vneid"},
                   std::nullopt,
                   "2026-11-20",
                   "nhà bà Lan"},
        visit_case{"/tham ngày 20/11 Lê Lợi, VNeID", {"vneid"}, std::nullopt, "2026-11-20", "Lê Lợi"},
        visit_case{
            "/tham hôm qua nhà bà Lan, hướng dẫn 2 người VNeID", {"vneid"}, 2, "2026-11-23", "nhà bà Lan"},
        // Chat shorthand: "hd" for hướng dẫn, "ng" for người, the count glued to its unit.
        visit_case{"/tham số 4 ngõ 2 hd cài vneid cho 2ng", {"vneid"}, 2, "", "số 4 ngõ 2"},
        visit_case{"/tham số 4, hd 3 ng cài vneid", {"vneid"}, 3, "", "số 4"},
        visit_case{"/tham số 4 ngõ 2 cài vneid 3người", {"vneid"}, 3, "", "số 4 ngõ 2"},
        visit_case{"/tham kiot số 3 chợ Bà Chiểu mở tài khoản bán hàng trên shopee",
                   {"tmdt"},
                   std::nullopt,
                   "",
                   "kiot số 3 chợ Bà Chiểu"},
        visit_case{"/tham 15 Hùng Vương nhắc cảnh giác cuộc gọi giả danh công an",
                   {"luadao"},
                   std::nullopt,
                   "",
                   "15 Hùng Vương"},
        visit_case{"/visit 12 lane 5 helped 2 people install VNeID", {"vneid"}, 2, "", "12 lane 5"},
        // Addresses written with commas, semicolons or a colon; the description after them.
        visit_case{"/tham số nhà 45, ngách 12/5, ngõ 8: cài VssID cho 3 người",
                   {"yte"},
                   3,
                   "",
                   "số nhà 45, ngách 12/5, ngõ 8"},
        visit_case{"/tham số 12, tổ 3, cài VNeID cho 2 người", {"vneid"}, 2, "", "số 12, tổ 3"},
        visit_case{"/tham số 27 đường Nguyễn Văn Linh; cài app ngân hàng và QR cho 1 cụ",
                   {"thanhtoan"},
                   1,
                   "",
                   "số 27 đường Nguyễn Văn Linh"},
        visit_case{
            "/buoi nhà văn hóa, tổ chức tuyên truyền lừa đảo, 40 người", {"luadao"}, 40, "", "nhà văn hóa"},
        visit_case{"/tham số 5 lúc 8:30, cài vneid", {"vneid"}, std::nullopt, "", "số 5 lúc 8:30"},
        visit_case{"/tham nhà bà Lan, số 12", {}, std::nullopt, "", "nhà bà Lan, số 12"},
        // Without a comma, a topic ends the place; a topic first means no place was given.
        visit_case{"/tham số 20 ngõ 9 VNeID cho 2 người", {"vneid"}, 2, "", "số 20 ngõ 9"},
        visit_case{"/tham số 20 ngõ 9 thanh toán QR", {"thanhtoan"}, std::nullopt, "", "số 20 ngõ 9"},
        // A couple without a number; who came, in two words.
        visit_case{"/tham Tổ 5 - nhà chú Hùng: hướng dẫn cài VNeID mức 2 cho vợ chồng chú",
                   {"vneid"},
                   2,
                   "",
                   "Tổ 5 - nhà chú Hùng"},
        visit_case{
            "/buoi chợ Cồn, hướng dẫn thanh toán QR, 15 tiểu thương", {"thanhtoan"}, 15, "", "chợ Cồn"},
        visit_case{
            "/buoi UBND phường, hội nghị triển khai đề án 06, 45 đại biểu", {"vneid"}, 45, "", "UBND phường"},
        // Days said with the time of day, and "hôm" before a date.
        visit_case{"/tham nhà bác Tư (số 3 hẻm 7) hôm 20/11 giúp đăng ký khám bệnh online",
                   {"yte"},
                   std::nullopt,
                   "2026-11-20",
                   "nhà bác Tư (số 3 hẻm 7)"},
        visit_case{"/buoi sân nhà văn hóa khối 4 sáng nay, chống lừa đảo cho khoảng 60 bà con",
                   {"luadao"},
                   60,
                   "2026-11-24",
                   "sân nhà văn hóa khối 4"},
        visit_case{
            "/tham nhà bà Lan tối qua, cài vneid", {"vneid"}, std::nullopt, "2026-11-23", "nhà bà Lan"},
        // Weekdays (today is Tuesday 24/11), times of day before a date, chat shorthand.
        visit_case{"/tham số 5 thứ 7, vneid", {"vneid"}, std::nullopt, "2026-11-21", "số 5"},
        visit_case{"/tham số 5 hôm thứ bảy, vneid", {"vneid"}, std::nullopt, "2026-11-21", "số 5"},
        visit_case{"/tham số 5 chủ nhật, vneid", {"vneid"}, std::nullopt, "2026-11-22", "số 5"},
        visit_case{"/tham số 5 thứ 2 tuần trước, vneid", {"vneid"}, std::nullopt, "2026-11-16", "số 5"},
        visit_case{"/tham số 5 T7 cài vneid", {"vneid"}, std::nullopt, "2026-11-21", "số 5"},
        visit_case{"/tham số 5 sáng 20/11, vneid", {"vneid"}, std::nullopt, "2026-11-20", "số 5"},
        visit_case{"/tham số 5 chiều hôm qua, vneid", {"vneid"}, std::nullopt, "2026-11-23", "số 5"},
        visit_case{"/tham số 5 hqua, vneid", {"vneid"}, std::nullopt, "2026-11-23", "số 5"},
        visit_case{"/visit house 5 on Saturday, VNeID", {"vneid"}, std::nullopt, "2026-11-21", "house 5"},
        visit_case{"/visit house 5 last Tuesday, VNeID", {"vneid"}, std::nullopt, "2026-11-17", "house 5"},
        // Not days: a name after "chú", a letter ("thư"), a street named for a date.
        visit_case{"/tham nhà chú Nhật, vneid", {"vneid"}, std::nullopt, "", "nhà chú Nhật"},
        visit_case{"/tham số 7 đường 30/4, vneid", {"vneid"}, std::nullopt, "", "số 7 đường 30/4"},
        // Ranges count their lower end; "hơn", "gần" (more than, nearly) keep the number.
        visit_case{"/buoi hội trường, 20-30 người, vneid", {"vneid"}, 20, "", "hội trường"},
        visit_case{"/buoi hội trường, khoảng 20 đến 30 người, vneid", {"vneid"}, 20, "", "hội trường"},
        visit_case{"/buoi hội trường, hơn 50 người, vneid", {"vneid"}, 50, "", "hội trường"},
        visit_case{"/tham số 12-14 ngõ 5, vneid", {"vneid"}, std::nullopt, "", "số 12-14 ngõ 5"},
        // English: a couple is two people, "on" goes with its date, everyday words name topics.
        visit_case{"/visit 45 Tran Phu street, showed an old couple how to pay electricity bills by QR",
                   {"thanhtoan"},
                   2,
                   "",
                   "45 Tran Phu street"},
        visit_case{"/visit 7 Le Loi on 20/11, helped Mr Nam file a birth registration online",
                   {"dvc"},
                   std::nullopt,
                   "2026-11-20",
                   "7 Le Loi"},
        visit_case{
            "/visit 9 Hung Vuong, booked a doctor appointment for grandma", {"yte"}, std::nullopt, "", ""},
        visit_case{"/visit house 12 alley 5 today, set up VNeID level 2 for 3 people",
                   {"vneid"},
                   3,
                   "2026-11-24",
                   "house 12 alley 5"},
        // Days as members also write them: Central "bữa qua", chat "hum qua", dots and dashes,
        // in words, "mùng 1" (the latest 1st), "ngày 28" (last month's: this month's is ahead),
        // "hôm kìa" (three days ago, a day before "hôm kia"), "ngày mai" (refused when logged).
        visit_case{"/tham số 5 bữa qua, vneid", {"vneid"}, std::nullopt, "2026-11-23", "số 5"},
        visit_case{"/tham số 5 hum qua, vneid", {"vneid"}, std::nullopt, "2026-11-23", "số 5"},
        visit_case{"/tham số 5 20.11, vneid", {"vneid"}, std::nullopt, "2026-11-20", "số 5"},
        visit_case{"/tham số 5 20-11, vneid", {"vneid"}, std::nullopt, "2026-11-20", "số 5"},
        visit_case{"/tham số 5 ngày 20.11.2026, vneid", {"vneid"}, std::nullopt, "2026-11-20", "số 5"},
        visit_case{"/tham số 5 ngày 20 tháng 11, vneid", {"vneid"}, std::nullopt, "2026-11-20", "số 5"},
        visit_case{"/tham số 5, 2 tháng 10 năm 2026 vneid", {"vneid"}, std::nullopt, "2026-10-02", "số 5"},
        visit_case{"/tham số 5 mùng 1, vneid", {"vneid"}, std::nullopt, "2026-11-01", "số 5"},
        visit_case{"/tham số 5 mồng năm, vneid", {"vneid"}, std::nullopt, "2026-11-05", "số 5"},
        visit_case{"/tham số 5 ngày 28, vneid", {"vneid"}, std::nullopt, "2026-10-28", "số 5"},
        visit_case{"/tham số 5 hôm kìa, vneid", {"vneid"}, std::nullopt, "2026-11-21", "số 5"},
        visit_case{"/tham số 5 ngày mai, vneid", {"vneid"}, std::nullopt, "2026-11-25", "số 5"},
        visit_case{"/tham nhà chị Mai, vneid", {"vneid"}, std::nullopt, "", "nhà chị Mai"},
        // Ranges and times written with a dash or a dot are no dates.
        visit_case{"/buoi hội trường, 5-10 người, vneid", {"vneid"}, 5, "", "hội trường"},
        visit_case{"/buoi hội trường, 2-3 hộ, vneid", {"vneid"}, 2, "", "hội trường"},
        visit_case{"/tham số 5 lúc 8.10, vneid", {"vneid"}, std::nullopt, "", "số 5 lúc 8.10"},
        // A street named with a number and a form of address is no head count.
        visit_case{"/tham số 5 Hai Bà Trưng, cài vneid", {"vneid"}, std::nullopt, "", "số 5 Hai Bà Trưng"},
        visit_case{"/tham số 5 Hai Bà Trưng cài vneid cho hai bà", {"vneid"}, 2, "", "số 5 Hai Bà Trưng"},
        // A head count with its unit is not part of the place, wherever the place ends.
        visit_case{"/buoi hôm qua hội người cao tuổi 12 cụ, chống lừa đảo",
                   {"luadao"},
                   12,
                   "2026-11-23",
                   "hội người cao tuổi"},
        visit_case{"/tham nhà bà Lan cho 2 người, cài vneid", {"vneid"}, 2, "", "nhà bà Lan"},
        visit_case{"/tham 3 hộ khu B, cài vneid", {"vneid"}, 3, "", "khu B"},
        // Unaccented "toi qua" may be "tôi qua" (I went over): no date is read from it.
        visit_case{"/tham toi qua nha ba Lan cai vneid", {"vneid"}, std::nullopt, "", ""},
        // "CN" is Sunday shortened, as "T7" is Saturday: the latest one.
        visit_case{"/tham số 4, CN, cài vneid", {"vneid"}, std::nullopt, "2026-11-22", "số 4"},
        visit_case{"/tham so 4 cn tuan truoc cai vneid", {"vneid"}, std::nullopt, "2026-11-22", "so 4"},
        // "khu CN" is an industrial park, not a Sunday.
        visit_case{"/tham phòng trọ khu CN Hòa Khánh, cài vneid",
                   {"vneid"},
                   std::nullopt,
                   "",
                   "phòng trọ khu CN Hòa Khánh"},
        // "3 ngày trước": three days ago.
        visit_case{"/tham số 4, 3 ngày trước, cài vneid", {"vneid"}, std::nullopt, "2026-11-21", "số 4"},
        visit_case{"/tham so 4 2 hom trc cai vneid 3 ng", {"vneid"}, 3, "2026-11-22", "so 4"},
        // Typed with the keyboard not switched to Vietnamese (telex keys left in the words): read
        // as the words they spell, in topics, head counts and where the address ends.
        visit_case{"/tham so 5 cais vneid", {"vneid"}, std::nullopt, "", "so 5"},
        visit_case{
            "/tham so 5, hd thanh toans hocj phis", {"thanhtoan", "giaoduc"}, std::nullopt, "", "so 5"},
        visit_case{"/tham so 5 huwowngs daanx 2 nguwowif caif ddinhj danh muwcs 2", {"vneid"}, 2, "", "so 5"},
        visit_case{
            "/tham so 5, canhr baos luwaf ddaor qua ddieenj thoaij", {"luadao"}, std::nullopt, "", "so 5"},
        visit_case{"/tham so 5 chuyeenr khoanr cho 3 nguoiwf", {"thanhtoan"}, 3, "", "so 5"},
        // ... while English words are left as they are.
        visit_case{"/visit house 5, helped 2 students pay their bills", {"thanhtoan"}, 2, "", "house 5"}));

// Who was helped, as members write it: forms of address and names are not counts, and every
// count that is given is used.
TEST(head_counts, are_the_people_the_member_meant) {
    struct {
        const char* text;
        std::optional<int> people;
    } const cases[] = {
        // "bà" (grandmother) folds to "ba" (three); "chị Sáu", "ông Bảy", "chị Hai" are names.
        {"/tham số 5 ngõ 3, hướng dẫn bà cụ cài VNeID", std::nullopt},
        {"/tham số 5, giúp chị Sáu hộ kinh doanh cài QR", std::nullopt},
        {"/tham số 5, giúp ông Bảy hộ nghèo", std::nullopt},
        {"/tham số 5, chị Hai hội viên", std::nullopt},
        {"/tham số 5, ông Tám hội cựu chiến binh", std::nullopt},
        {"/tham số 5, cô Ba hướng dẫn 2 người", 2},
        {"/tham so 5, giup chi Sau cai QR", std::nullopt}, // unaccented, a name is written with a capital
        // "năm học" is a school year, "hai học kỳ" two terms: "học" alone counts nobody.
        {"/tham số 5, hướng dẫn đóng học phí năm học mới", std::nullopt},
        {"/tham số 5, hai học kỳ", std::nullopt},
        {"/buoi trường THCS, ba mươi học sinh, an toàn trên mạng", 30},
        {"/buoi hội trường, 20 hội viên, VNeID", 20},
        // Unaccented messages still read their numbers.
        {"/tham so 5, ba nguoi cai vneid", 3},
        {"/tham so 5, sau nguoi cai vneid", 6},
        {"/tham số 5, hướng dẫn xong sau người nhà về", std::nullopt}, // "sau" is "after" here
        {"/tham so 5, co hai nguoi cai vneid", 2}, // "có hai người": "co" is no title here
        {"/tham số 5, có hai người cài vneid", 2},
        {"/tham số 5, ba bà cài vneid", 3},
        // Who was helped, by who they are.
        {"/tham số 5, cài VNeID cho hai ông bà", 2},
        {"/tham số 5, cài VNeID cho 2 cháu", 2},
        {"/tham số 5, cài VNeID cho 2 bác", 2},
        {"/tham số 5, cài VNeID cho 5 khẩu", 5},
        {"/tham số 5, cài VNeID cho hai mẹ con", 2},
        // Several counts: "N người" says it outright; kinds of people add up; a household is
        // at least one person.
        {"/tham số 5, cài VNeID cho 1 gia đình 4 người", 4},
        {"/tham số 5, cài VNeID cho 2 vợ chồng và 1 cháu", 3},
        {"/tham số 5, cài VNeID cho vợ chồng chú Hùng và 2 cháu", 4},
        {"/tham số 5, 3 hộ, cài VNeID cho 2 cụ", 3},
        {"/buoi nhà văn hóa, 30 hội viên và 20 đoàn viên, VNeID", 50},
        {"/tham số 5, 2 cụ cài VNeID, 2 cụ cài QR", 2},
        // Someone named with the family who came along: the named one and each relative.
        {"/tham nhà cô Hai, cô Hai và con gái, cài VNeID", 2},
        {"/tham số 3, anh Tư và 2 con, cài VNeID", 3},
        {"/tham kiệt 5, chị Sáu và chồng, cài VNeID", 2},
        {"/tham so 3, anh Tu va 2 con, cai vneid", 3},
        {"/tham số 3 anh Tư và 2 con cài VNeID", 3},
        {"/tham số 5, cài VNeID cho chị Sáu và 2 cháu", 3},
        {"/tham số 5, giúp chị Sáu và cài QR", std::nullopt},
        {"/tham số 5, anh Tư và em cài VNeID", std::nullopt},     // "em": often the member themself
        {"/tham nhà cô Hai và con gái, cài VNeID", std::nullopt}, // a house, not who came
        // The telex tone key left at the end of a word: "nguoif" is "người", "hoj" "hộ".
        {"/tham so 5, 3 nguoif caif vneid", 3},
        {"/tham so 5, 2 hoj, caif vneid", 2},
        // "bà cháu" is a grandmother and grandchild; unaccented "ba chau" reads so too.
        {"/tham 18 Hùng Vương, hd ba chau cai vneid", 2},
        {"/tham số 5, hướng dẫn bà cháu cài VNeID", 2},
        {"/tham số 5, hướng dẫn ba cháu cài VNeID", 3},
        {"/tham số 5, hướng dẫn hai bà cháu cài VNeID", 2},
        // "cả nhà" is the whole family, not house number 4; "nhà 5 khẩu" a household of five.
        {"/tham ấp Tân Hòa, cả nhà 4 người cài VNeID", 4},
        {"/tham so 5, ca nha 3 ng cai vneid", 3},
        {"/tham số 5, cả nhà bốn người cài VNeID", 4},
        {"/tham số 5, nhà 5 khẩu, cài VNeID", 5},
        {"/tham nhà 12 ông Sáu, cài VNeID", std::nullopt},
        // Typed with caps lock on.
        {"/tham Số 10 Tổ 4 - HD 2 NGƯỜI CÀI VNEID", 2},
        {"/tham SỐ 5 NGÕ 2, 3 HỘ, VNEID", 3},
        {"/tham SỐ 5, CÀI VNEID CHO BÀ CỤ", std::nullopt},
        // "ng`": "người" abbreviated with its accent typed after it.
        {"/tham số 12 ngõ 5, hd 2 ng` cài vneid", 2},
        {"/tham so 12 ngo 5, hd 3ng` cai vneid", 3},
        {"/tham số 12 ngõ 5, 4 ng', cài vneid", 4},
        // Thousands are grouped with dots; "1.12" is still the 1st of December.
        {"/buoi nhà văn hóa tổ 5, 1.000 người, tuyên truyền bầu cử", 1000},
        {"/buoi sân vận động, 1.200 hội viên, bầu cử", 1200},
        {"/tham số 5, 1.12, 2 người cài vneid", 2},
        {"/buoi nhà văn hóa thôn 3, 1 000 người, tuyên truyền lừa đảo", 1000},
        {"/buoi sân vận động, 2 500 hội viên, bầu cử", 2500},
        // A decimal number of tens: "1,5 chục" is 15, "2.5 chục" 25 (not the 2nd of May).
        {"/buoi nhà văn hóa, 1,5 chục người, dvc", 15},
        {"/buoi hội trường UBND, 2.5 chục người, dvc", 25},
        // Unaccented "ba cu" is the old lady; with tone marks "ba cụ" stays three.
        {"/tham so 5 ngo 2, giup ba cu 80 tuoi kich hoat vneid", std::nullopt},
        {"/tham so 5 ngo 2, cai vneid cho ba cu", std::nullopt},
        {"/tham số 5, hướng dẫn ba cụ cài VNeID", 3},
        {"/tham so 5, 3 cu cai vneid", 3},
    };
    for (auto& c : cases) {
        auto cmd = parse(c.text);
        auto* d = activity_of(cmd);
        ASSERT_NE(d, nullptr) << c.text;
        EXPECT_EQ(d->people, c.people) << c.text;
    }
}

// "vài người", "mấy hộ", "một số người": no number is made up, and the words are kept to show.
TEST(head_counts, a_count_without_a_number_is_kept_as_written_and_invents_none) {
    struct {
        const char* text;
        std::optional<int> people;
        const char* vague;
    } const cases[] = {
        {"/tham thôn 2, vài người, cài vneid", std::nullopt, "vài người"},
        {"/tham thon 2 vai nguoi cai vneid", std::nullopt, "vai nguoi"},
        {"/tham số 12 ngõ 5, mấy hộ, thanh toán QR", std::nullopt, "mấy hộ"},
        {"/tham số 12 ngõ 5, một số người cài vneid", std::nullopt, "một số người"},
        {"/tham số 12 ngõ 5, nhiều người cài vneid", std::nullopt, "nhiều người"},
        {"/tham số 12 ngõ 5, vài người, 2 người cài vneid", 2, ""}, // the number given wins
        {"/tham số 12 ngõ 5, vài chục người cài vneid", 10, ""},
        {"/tham số 12, đau vai người già, cài vneid", std::nullopt, ""}, // "vai" (shoulder)
    };
    for (auto& c : cases) {
        auto cmd = parse(c.text);
        auto* d = activity_of(cmd);
        ASSERT_NE(d, nullptr) << c.text;
        EXPECT_EQ(d->people, c.people) << c.text;
        EXPECT_EQ(d->people_vague, c.vague) << c.text;
    }
    auto v = std::get<cmd_visit>(parse("/tham thon 2 vai nguoi cai vneid"));
    EXPECT_EQ(v.details.place, "thon 2");
}

// "cả nhà 4 người" (the whole family) is who was helped, not part of the address before it.
TEST(head_counts, the_whole_family_is_not_part_of_the_place) {
    auto v = std::get<cmd_visit>(parse("/tham ấp Tân Hòa cả nhà 4 người cài VNeID"));
    EXPECT_EQ(v.details.place, "ấp Tân Hòa");
    EXPECT_EQ(v.details.people, 4);
    auto house = std::get<cmd_visit>(parse("/tham số 5 nhà bà Lan cài VNeID"));
    EXPECT_EQ(house.details.place, "số 5 nhà bà Lan");
}

// "hdan" and "hdẫn" shorten "hướng dẫn" as "hd" does: the place ends there.
TEST(visit_messages, a_shortened_verb_ends_the_place) {
    for (auto text : {"/tham số 5 ngõ 2 hdan 2 ng cai vneid", "/tham số 5 ngõ 2 hdẫn 2 ng cai vneid"}) {
        auto v = std::get<cmd_visit>(parse(text));
        EXPECT_EQ(v.details.place, "số 5 ngõ 2") << text;
        EXPECT_EQ(v.details.people, 2) << text;
    }
}

// The address on a line of its own ends there, as a comma would end it.
TEST(visit_messages, a_line_break_ends_the_place) {
    auto v = std::get<cmd_visit>(parse("/tham Kiệt 82 Trưng Nữ Vương\nBà Tư 75t, cài VNeID + thanh toán QR"));
    EXPECT_EQ(v.details.place, "Kiệt 82 Trưng Nữ Vương");
    EXPECT_EQ(v.details.topics, (std::vector<std::string>{"vneid", "thanhtoan"}));
    // A line that only goes on with the address stays in it.
    auto s = std::get<cmd_visit>(parse("/tham số nhà 45\nngõ 8, cài VNeID"));
    EXPECT_EQ(s.details.place, "số nhà 45, ngõ 8");
}

// Emoji after the address decorate the message; the address is kept without them.
TEST(visit_messages, an_emoji_after_the_address_is_not_part_of_it) {
    auto v = std::get<cmd_visit>(parse("/tham số 12 ngõ 5 🏠, 👵 bà Năm cài VNeID ✅"));
    EXPECT_EQ(v.details.place, "số 12 ngõ 5");
    auto w = std::get<cmd_visit>(parse("/tham số 12 ngõ 5 🏠🏠 ✅ cài VNeID"));
    EXPECT_EQ(w.details.place, "số 12 ngõ 5");
}

TEST(visit_messages_without_a_place, keep_the_place_empty) {
    auto v = std::get<cmd_visit>(parse("/tham hướng dẫn 2 người cài VNeID"));
    EXPECT_EQ(v.details.place, "");
    EXPECT_EQ(v.details.people, 2);
    EXPECT_EQ(v.details.note, "hướng dẫn 2 người cài VNeID"); // what the confirmation shows
}

TEST(explained_messages, list_the_words_no_rule_explains) {
    auto cmd = parse_command("/tham số 12 ngõ 5 hôm qua, hướng dẫn 2 người cài VNeID, bà con rất vui",
                             parse_context{"cnscd_bot", today, true, true});
    auto* v = std::get_if<cmd_visit>(&cmd);
    ASSERT_NE(v, nullptr);
    EXPECT_EQ(v->details.unparsed, (std::vector<std::string>{"rất", "vui"}));
    EXPECT_EQ(v->details.place, "số 12 ngõ 5");
    // Without commas the description is what follows the place.
    auto joined =
        std::get<cmd_visit>(parse_command("/tham số 12 ngõ 5 hướng dẫn 2 người cài VNeID bà con rất vui",
                                          parse_context{"cnscd_bot", today, true, true}));
    EXPECT_EQ(joined.details.unparsed, (std::vector<std::string>{"rất", "vui"}));
    // A name after "ông", "bà"... is a person, not a word to explain.
    auto named = std::get<cmd_visit>(parse_command("/tham số 5, hướng dẫn ông Nam và bà Mai cài VNeID, vui",
                                                   parse_context{"cnscd_bot", today, true, true}));
    EXPECT_EQ(named.details.unparsed, (std::vector<std::string>{"vui"}));
    // A list typed with "-" or "+" lists no empty words.
    auto listed =
        std::get<cmd_visit>(parse_command("/tham nhà bác Hùng tổ 9\n- cài vneid + QR\n- 3 người, vui",
                                          parse_context{"cnscd_bot", today, true, true}));
    EXPECT_EQ(listed.details.unparsed, (std::vector<std::string>{"vui"}));
    // "đổi sdt" (change the phone number) is the help given, not words to explain.
    auto phone = std::get<cmd_visit>(
        parse_command("/tham số 5, đổi sdt trên vneid", parse_context{"cnscd_bot", today, true, true}));
    EXPECT_TRUE(phone.details.unparsed.empty()) << phone.details.unparsed.front();
    EXPECT_EQ(phone.details.topics, (std::vector<std::string>{"vneid"}));
    // "làm thủ tục" is the help given too ("thủ tục" was listed).
    auto procedure =
        std::get<cmd_visit>(parse_command("/tham số 5, hướng dẫn bà Lan làm thủ tục trên dịch vụ công",
                                          parse_context{"cnscd_bot", today, true, true}));
    EXPECT_TRUE(procedure.details.unparsed.empty()) << procedure.details.unparsed.front();
    auto english = std::get<cmd_visit>(parse_command("/visit house 12, helped Mrs Lan pay bills by QR, happy",
                                                     parse_context{"cnscd_bot", today, true, true}));
    EXPECT_EQ(english.details.unparsed, (std::vector<std::string>{"happy"}));
    EXPECT_EQ(english.details.topics, (std::vector<std::string>{"thanhtoan"}));
    // Words are shown without the punctuation that follows them.
    auto punctuated = std::get<cmd_visit>(parse_command("/tham số 12, cài VNeID, bà con vui, phấn khởi!",
                                                        parse_context{"cnscd_bot", today, true, true}));
    EXPECT_EQ(punctuated.details.unparsed, (std::vector<std::string>{"vui", "phấn", "khởi"}));
    auto quiet = std::get<cmd_visit>(parse("/tham số 12, hướng dẫn 2 người cài VNeID, bà con rất vui"));
    EXPECT_TRUE(quiet.details.unparsed.empty()) << "the chat path does not compute them";
}

TEST(explained_messages, list_date_words_no_rule_reads_and_keep_them_out_of_the_place) {
    auto explain = [](const std::string& text) {
        auto cmd = parse_command(text, parse_context{"cnscd_bot", today, true, true});
        auto* d = activity_of(cmd);
        return d ? *d : activity_details{};
    };
    // Read as today, but not silently: shown in `unparsed`, and the confirmation shows the day.
    auto before = explain("/tham số 5 hôm trước, cài VNeID");
    EXPECT_FALSE(before.date.has_value());
    EXPECT_TRUE(before.says_when);
    EXPECT_EQ(before.place, "số 5");
    EXPECT_EQ(before.unparsed, std::vector<std::string>{"hôm trước"});
    auto lunar = explain("/tham số 5, mùng 1 Tết cài VNeID");
    EXPECT_EQ(lunar.unparsed, std::vector<std::string>{"mùng 1 Tết"});
    auto last_week = explain("/buoi nhà văn hóa tuần rồi, 20 người, VNeID");
    EXPECT_EQ(last_week.place, "nhà văn hóa");
    EXPECT_EQ(last_week.unparsed, std::vector<std::string>{"tuần rồi"});
    // Read dates say when too; a message without date words does not.
    EXPECT_TRUE(explain("/tham số 5 sáng nay, cài VNeID").says_when);
    EXPECT_FALSE(explain("/tham số 5, cài VNeID cho bữa ăn").says_when);
    // Only date words, when and how many: still nothing that says what was done.
    EXPECT_FALSE(explain("/tham hôm trước 2 người").says_what);
    // A date that cannot be one is refused, in words as in digits.
    for (auto text : {"/tham số 5 ngày 31 tháng 2, vneid", "/tham số 5, 31.02 vneid"}) {
        auto bad = parse(text);
        ASSERT_TRUE(std::holds_alternative<command_error>(bad)) << text;
        EXPECT_EQ(std::get<command_error>(bad).reason, "error_bad_date") << text;
    }
}

TEST(session_messages, read_place_attendees_and_topics) {
    auto cmd = parse("/buoi nhà văn hóa tổ 3, 30 người, chống lừa đảo");
    auto* s = std::get_if<cmd_session>(&cmd);
    ASSERT_NE(s, nullptr);
    EXPECT_EQ(s->details.place, "nhà văn hóa tổ 3");
    EXPECT_EQ(s->details.people, 30);
    EXPECT_EQ(s->details.topics, std::vector<std::string>{"luadao"});
    EXPECT_TRUE(std::holds_alternative<cmd_session>(parse("/session hall, 12 people, scam")));
    auto no_commas = std::get<cmd_session>(parse("/buoi nhà văn hóa tổ 3 30 người chống lừa đảo"));
    EXPECT_EQ(no_commas.details.place, "nhà văn hóa tổ 3");
    EXPECT_EQ(no_commas.details.people, 30);
    // Attendance written in words: "ba mươi" used to be read as ten, "hai mươi lăm" not at all.
    struct {
        const char* text;
        int people;
    } const worded[] = {{"/buoi nhà văn hóa tổ 1, ba mươi người, chống lừa đảo", 30},
                        {"/buoi hội trường, hai mươi lăm người, cài VNeID", 25},
                        {"/buoi trường tiểu học, mười lăm phụ huynh, lừa đảo", 15},
                        {"/buoi hội trường, 30 hội viên phụ nữ, VNeID", 30},
                        {"/buoi trường THCS, 40 em học sinh, an toàn trên mạng", 40},
                        {"/buoi nhà văn hóa, bảy người dân, lừa đảo qua mạng", 7},
                        {"/buoi nhà văn hóa, nhiều bà con, lừa đảo qua mạng", 0},
                        {"/buoi hội trường, một trăm linh năm người, vneid", 105},
                        {"/buoi hội trường khu 3 hai chục người vneid", 20},
                        {"/session community hall, twenty-five people, scams", 25}};
    for (auto& c : worded) {
        auto s = std::get<cmd_session>(parse(c.text));
        if (c.people == 0) {
            EXPECT_FALSE(s.details.people.has_value()) << c.text; // "nhiều": many, no number
            continue;
        }
        EXPECT_EQ(s.details.people, c.people) << c.text;
        EXPECT_FALSE(s.details.topics.empty()) << c.text;
    }
    auto in_words = std::get<cmd_session>(parse_command("/buoi nhà văn hóa, hai mươi lăm người, lừa đảo",
                                                        parse_context{"cnscd_bot", today, true, true}));
    EXPECT_EQ(in_words.details.place, "nhà văn hóa");
    EXPECT_TRUE(in_words.details.unparsed.empty()) << in_words.details.unparsed.front();
}

TEST(command_names, typos_get_the_nearest_command_suggested) {
    // ("/thma", two letters swapped, is read as /tham: messy_messages_test.cpp.)
    auto cmd = parse("/thm số 12");
    auto* u = std::get_if<unknown_command>(&cmd);
    ASSERT_NE(u, nullptr);
    EXPECT_EQ(u->suggestion, "tham");
    auto cmd2 = parse("/thongek");
    ASSERT_TRUE(std::holds_alternative<unknown_command>(cmd2));
    EXPECT_EQ(std::get<unknown_command>(cmd2).suggestion, "thongke");
}

TEST(command_names, english_and_unaccented_aliases_work) {
    EXPECT_TRUE(std::holds_alternative<cmd_my_stats>(parse("/me")));
    EXPECT_TRUE(std::holds_alternative<cmd_my_stats>(parse("/tôi tuần")));
    EXPECT_TRUE(std::holds_alternative<cmd_team_stats>(parse("/stats quarter")));
    EXPECT_TRUE(std::holds_alternative<cmd_team_stats>(parse("/thống kê năm")) ||
                std::holds_alternative<cmd_team_stats>(parse("/thốngkê năm")));
    EXPECT_TRUE(std::holds_alternative<cmd_ranking>(parse("/top")));
    EXPECT_TRUE(std::holds_alternative<cmd_ranking>(parse("/xếphạng")));
    EXPECT_TRUE(std::holds_alternative<cmd_undo>(parse("/hủy")));
    EXPECT_EQ(std::get<cmd_team_stats>(parse("/thongke quý")).period, period_kind::quarter);
    // "/nhắc nhở tuần này Tổ 3": the period, then the team as written.
    for (auto text :
         {"/nhắcnhở tuần này Tổ 3", "/nhacnho tuan nay Tổ 3", "/nudge week Tổ 3", "/nhắc tuần Tổ 3"}) {
        auto c = parse(text);
        ASSERT_TRUE(std::holds_alternative<cmd_nudge>(c)) << text;
        EXPECT_EQ(std::get<cmd_nudge>(c).period, period_kind::week) << text;
        EXPECT_EQ(std::get<cmd_nudge>(c).team, "Tổ 3") << text;
    }
    EXPECT_EQ(std::get<cmd_nudge>(parse("/nhacnho")).period, period_kind::month);
    EXPECT_EQ(std::get<cmd_nudge>(parse("/nhacnho")).team, "");
}

TEST(command_names, a_visit_or_session_written_without_the_slash_is_read_in_private_chats_only) {
    for (auto text :
         {"tham số 12 ngõ 5, cài VNeID", "Thăm số 12 ngõ 5, cài VNeID", "visit 12 lane 5, VNeID"}) {
        auto c = parse(text);
        ASSERT_TRUE(std::holds_alternative<cmd_visit>(c)) << text;
        EXPECT_EQ(std::get<cmd_visit>(c).details.topics, std::vector<std::string>{"vneid"}) << text;
    }
    EXPECT_TRUE(std::holds_alternative<cmd_session>(parse("session community hall, 30 people, scams")));
    // Words of their own, and "buổi" (morning, afternoon...), are not commands.
    for (auto text : {"tham gia buổi tập huấn VNeID", "Tham quan bảo tàng", "tham khảo tài liệu",
                      "buổi sáng nay tôi đi họp", "buổi nhà văn hóa, 30 người, chống lừa đảo"})
        EXPECT_TRUE(std::holds_alternative<plain_text>(parse(text))) << text;
    // In a group people talk among themselves; alone, the word is just a word.
    EXPECT_TRUE(std::holds_alternative<plain_text>(
        parse_command("thăm số 12 ngõ 5, cài VNeID", parse_context{"cnscd_bot", today, false})));
    EXPECT_TRUE(std::holds_alternative<plain_text>(parse("thăm")));
    // Other short names stay ordinary words: "tôi" is "I", not /toi.
    EXPECT_TRUE(std::holds_alternative<plain_text>(parse("tôi đã cài VNeID cho bà Tư")));
}

// The date of a visit read on another day than the fixture's.
std::string date_on(year_month_day on, const std::string& text) {
    auto cmd = parse_command(text, parse_context{"cnscd_bot", on, true});
    auto* d = activity_of(cmd);
    if (!d)
        return std::holds_alternative<command_error>(cmd) ? std::get<command_error>(cmd).reason : "?";
    return iso(d->date);
}

TEST(calendar_edges, a_day_alone_is_the_latest_month_that_has_it) {
    // Early March: February has no 30th nor 31st, and no 29th in 2027; these were "không hợp lệ".
    EXPECT_EQ(date_on(2027y / March / 4, "/tham số 5 ngày 30, cài VNeID"), "2027-01-30");
    EXPECT_EQ(date_on(2027y / March / 4, "/tham số 5 mùng 29, cài VNeID"), "2027-01-29");
    EXPECT_EQ(date_on(2027y / March / 4, "/tham số 5 ngày 31, cài VNeID"), "2027-01-31");
    EXPECT_EQ(date_on(2028y / March / 4, "/tham số 5 ngày 29, cài VNeID"), "2028-02-29"); // leap year
    EXPECT_EQ(date_on(2026y / December / 5, "/tham số 5 ngày 31, cài VNeID"), "2026-10-31");
    EXPECT_EQ(date_on(2026y / December / 5, "/tham số 5 ngày 30, cài VNeID"), "2026-11-30");
    EXPECT_EQ(date_on(2026y / December / 31, "/tham số 5 ngày 31, cài VNeID"), "2026-12-31");
}

TEST(calendar_edges, a_mistyped_day_is_refused_not_recorded_as_today) {
    // "00/12" went into the address and "ngày 0 tháng 12" was recorded on today.
    for (auto text :
         {"/tham số 5 ngõ 3 00/12, cài VNeID", "/tham số 5 ngõ 3, 0/12 cài VNeID",
          "/tham số 5 ngõ 3 ngày 0 tháng 12, cài VNeID", "/tham số 5 ngõ 3 ngày 32 tháng 1, cài VNeID"})
        EXPECT_EQ(date_on(2026y / December / 5, text), "error_bad_date") << text;
    auto zero = parse("/tham số 5 ngõ 3 ngày 0 tháng 11, cài VNeID");
    ASSERT_TRUE(std::holds_alternative<command_error>(zero));
    EXPECT_EQ(std::get<command_error>(zero).detail, "0 tháng 11");
    // House numbers and ranges stay what they were.
    EXPECT_EQ(date_on(2026y / December / 5, "/tham hẻm 45/7, cài VNeID"), "");
    EXPECT_EQ(date_on(2026y / December / 5, "/buoi nhà văn hóa, 20-30 người, cài VNeID"), "");
    EXPECT_EQ(date_on(2026y / December / 5, "/tham số 5, trẻ 0-6 tuổi, cài VNeID"), "");
    // The date quoted in the refusal is the date, without the comma after it.
    auto leap = parse("/tham số 5 ngõ 3 29/2, cài VNeID");
    ASSERT_TRUE(std::holds_alternative<command_error>(leap));
    EXPECT_EQ(std::get<command_error>(leap).detail, "29/2");
}

TEST(calendar_edges, the_29th_of_february_ahead_in_a_leap_year_is_this_years) {
    // In January 2028 last year's 29/2 does not exist: "không hợp lệ" sent the member looking
    // for a typo; this year's is named and refused as ahead.
    EXPECT_EQ(date_on(2028y / January / 10, "/tham số 5 ngõ 3 29/2, cài VNeID"), "2028-02-29");
    EXPECT_EQ(date_on(2028y / March / 5, "/tham số 5 ngõ 3 29/2, cài VNeID"), "2028-02-29");
    EXPECT_EQ(date_on(2027y / January / 10, "/tham số 5 ngõ 3 20/11, cài VNeID"), "2026-11-20");
    EXPECT_EQ(date_on(2027y / January / 1, "/tham số 5 ngõ 3 31/12, cài VNeID"), "2026-12-31");
}

TEST(bad_input, unreadable_dates_and_numbers_say_what_is_wrong) {
    auto bad_date = parse("/tham số 5, 31/02 cài vneid");
    ASSERT_TRUE(std::holds_alternative<command_error>(bad_date));
    EXPECT_EQ(std::get<command_error>(bad_date).reason, "error_bad_date");
    EXPECT_EQ(std::get<command_error>(bad_date).detail, "31/02");
    auto bad_day = parse("/tham số 5, ngày 31/13 cài vneid"); // after "ngày" it can only be a date
    ASSERT_TRUE(std::holds_alternative<command_error>(bad_day));
    EXPECT_EQ(std::get<command_error>(bad_day).detail, "31/13");
    auto no_args = parse("/tham");
    ASSERT_TRUE(std::holds_alternative<command_error>(no_args));
    EXPECT_EQ(std::get<command_error>(no_args).reason, "error_missing_argument");
    // Punctuation alone is no visit (it used to record one at ",").
    for (auto text : {"/tham ,", "/buoi - ", "/sua 3 ,"}) {
        auto empty = parse(text);
        ASSERT_TRUE(std::holds_alternative<command_error>(empty)) << text;
        EXPECT_EQ(std::get<command_error>(empty).reason, "error_missing_argument") << text;
    }
    auto bad_no = parse("/sua abc số 3");
    ASSERT_TRUE(std::holds_alternative<command_error>(bad_no));
    EXPECT_EQ(std::get<command_error>(bad_no).reason, "error_bad_record_number");
}

} // namespace
} // namespace cnscd
