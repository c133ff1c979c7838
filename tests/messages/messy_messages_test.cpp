// Messages as volunteers really type them on a phone right after a visit: no space after a
// comma, half the tone marks, chat shorthand, every word capitalised, emoji. Each of these was
// once read differently from what the member meant.

#include "messages/command_parser.hpp"
#include "tests/support/activity_checks.hpp"

#include <gtest/gtest.h>

namespace cnscd {
namespace {

using namespace std::chrono;

constexpr year_month_day today{year{2026}, December, day{2}}; // a Wednesday

using messy_case = test::activity_case;
using test::details;
using test::iso;

class messy_messages : public ::testing::TestWithParam<messy_case> {};

TEST_P(messy_messages, are_read_as_the_member_meant) {
    auto& c = GetParam();
    auto cmd = parse_command(c.text, parse_context{"cnscd_bot", today, true});
    auto* d = details(cmd);
    ASSERT_NE(d, nullptr) << c.text << " -> " << command_name(cmd);
    EXPECT_EQ(d->topics, c.topics) << c.text;
    EXPECT_EQ(d->people, c.people) << c.text;
    EXPECT_EQ(iso(d->date), c.date) << c.text;
    EXPECT_EQ(d->place, c.place) << c.text;
}

INSTANTIATE_TEST_SUITE_P(
    table, messy_messages,
    ::testing::Values(
        // No space after the comma: the count after it used to be lost ("vneid,2" was one word).
        messy_case{"/tham số 5,cài vneid,2 người", {"vneid"}, 2, "", "số 5"},
        messy_case{"/tham số 5;cài vneid;2 người", {"vneid"}, 2, "", "số 5"},
        // ... nor after the command's name: it was "unknown command /tham:so".
        messy_case{"/tham:số 5, cài vneid", {"vneid"}, std::nullopt, "", "số 5"},
        messy_case{"/tham,số 5,cài vneid,2 người", {"vneid"}, 2, "", "số 5"},
        messy_case{"/tham nha ba Lan,hd cai vneid,2 ng", {"vneid"}, 2, "", "nha ba Lan"},
        // "người" with half its marks: no count was read.
        messy_case{"/tham số 5, cài vneid cho 2 ngươi", {"vneid"}, 2, "", "số 5"},
        messy_case{"/tham so 5, cai vneid cho 2 ngưoi", {"vneid"}, 2, "", "so 5"},
        messy_case{"/tham so 5, cai vneid cho 2 nguòi", {"vneid"}, 2, "", "so 5"},
        messy_case{"/tham sô 12 ngo 5, hương dân cai vneid 2 ngươi", {"vneid"}, 2, "", "sô 12 ngo 5"},
        messy_case{"/tham số 5, hướng dẫn cài vneid cho 2 ngườif", {"vneid"}, 2, "", "số 5"},
        // "hq", "hnay": yesterday was kept in the address and the visit dated today.
        messy_case{"/tham số 12 ngõ 5 hq 2 ng cài vneid", {"vneid"}, 2, "2026-12-01", "số 12 ngõ 5"},
        messy_case{"/tham số 9, hướng dẫn cài VNeID cho 2 người, hq.", {"vneid"}, 2, "2026-12-01", "số 9"},
        messy_case{"/tham số 12, hd vneid hnay", {"vneid"}, std::nullopt, "2026-12-02", "số 12"},
        // "ttkdtm", "quét mã", "tk ngân hàng": cashless payment, once filed under "Khác".
        messy_case{"/tham số 5, ttkdtm cho 3 hộ kinh doanh", {"thanhtoan"}, 3, "", "số 5"},
        messy_case{"/buoi chợ Hàn, 15 tiểu thương, ttkdtm", {"thanhtoan"}, 15, "", "chợ Hàn"},
        messy_case{"/tham số 5, hd quét mã khi đi chợ", {"thanhtoan"}, std::nullopt, "", "số 5"},
        messy_case{"/tham nhà bà Hoa, mở tk ngân hàng cho 2 ng", {"thanhtoan"}, 2, "", "nhà bà Hoa"},
        // An emoji before the address, a full stop after it: neither is part of it.
        messy_case{"/tham 🏠 số 9 ngõ 4, cài vneid", {"vneid"}, std::nullopt, "", "số 9 ngõ 4"},
        messy_case{"/tham số 5. cài vneid. 2 người", {"vneid"}, 2, "", "số 5"},
        messy_case{"/tham số 5 ngõ 3. Cài vneid cho 2 người", {"vneid"}, 2, "", "số 5 ngõ 3"},
        // Every word capitalised: the verb still ends the address.
        messy_case{"/tham Số 5 Ngõ 3 Cài VNeID Cho 2 Người", {"vneid"}, 2, "", "Số 5 Ngõ 3"},
        messy_case{"/tham số 5 ngõ 3 Hướng Dẫn Cài VNeID", {"vneid"}, std::nullopt, "", "số 5 ngõ 3"},
        // "đăng kí" is "đăng ký" spelled the other common way.
        messy_case{"/tham số 12 đăng kí tài khoản dịch vụ công", {"dvc"}, std::nullopt, "", "số 12"},
        // A dash before the address; "2 vc" (vợ chồng); "sl 30" (số lượng), as on a report form.
        messy_case{"/tham - số 5 - cài vneid", {"vneid"}, std::nullopt, "", "số 5"},
        // A dash before what was done ends the address even when a comma comes later.
        messy_case{"/tham số 5 ngõ 3 - hd vneid, ttkdtm - 2ng - hq",
                   {"vneid", "thanhtoan"},
                   2,
                   "2026-12-01",
                   "số 5 ngõ 3"},
        messy_case{"/tham Tổ 5 - nhà chú Hùng - cài vneid, 2 ng", {"vneid"}, 2, "", "Tổ 5 - nhà chú Hùng"},
        messy_case{"/tham số 5 ngõ 3 hd 2 vc cài vneid", {"vneid"}, 2, "", "số 5 ngõ 3"},
        messy_case{"/buoi nvh tổ 3, sl 30, chống lừa đảo", {"luadao"}, 30, "", "nvh tổ 3"},
        messy_case{"/buoi nvh tổ 3, chống lừa đảo, số lượng: 30", {"luadao"}, 30, "", "nvh tổ 3"},
        // The old couple named without a number: two people.
        messy_case{"/tham số 5, cài vneid cho ông và bà", {"vneid"}, 2, "", "số 5"},
        messy_case{"/tham so 5, cai vneid cho ong va ba", {"vneid"}, 2, "", "so 5"},
        // A pair named after whom it was for: two people; the household's name stays an address.
        messy_case{"/tham số 5, cài vneid cho ông bà", {"vneid"}, 2, "", "số 5"},
        messy_case{"/tham số 5, cài vneid cho bố mẹ chị Lan", {"vneid"}, 2, "", "số 5"},
        messy_case{"/tham so 5, cai vneid cho bo me", {"vneid"}, 2, "", "so 5"},
        messy_case{"/tham số 5, giúp ông bà Tư cài VNeID", {"vneid"}, 2, "", "số 5"},
        messy_case{"/tham nhà ông bà Tư, cài vneid", {"vneid"}, std::nullopt, "", "nhà ông bà Tư"},
        messy_case{"/tham số 5, cài vneid cho 3 ông bà", {"vneid"}, 3, "", "số 5"},
        // Still read as before: a place named with capitals, a comma between digits.
        messy_case{"/tham số 5 Cái Răng cài VNeID", {"vneid"}, std::nullopt, "", "số 5 Cái Răng"},
        messy_case{"/tham số 5, cả nhà 4 người cài vneid", {"vneid"}, 4, "", "số 5"},
        // A mother and her child, named after whom it was for: two people, not one.
        messy_case{"/tham số 5, cài vneid cho mẹ con chị Lan", {"vneid"}, 2, "", "số 5"},
        messy_case{"/tham số 5, giúp mẹ con cài vneid", {"vneid"}, 2, "", "số 5"},
        messy_case{"/tham số 5, cài vneid cho 2 mẹ con", {"vneid"}, 2, "", "số 5"},
        // "x2" (done twice, for two people) and "30 ĐV" (đoàn viên) were no counts.
        messy_case{"/tham số 5 ngõ 3, hd cài vneid x2", {"vneid"}, 2, "", "số 5 ngõ 3"},
        messy_case{"/tham số 5 ngõ 3 hd cài vneid X3", {"vneid"}, 3, "", "số 5 ngõ 3"},
        messy_case{"/buoi nhà văn hóa, tuyên truyền lừa đảo cho 30 ĐV", {"luadao"}, 30, "", "nhà văn hóa"},
        messy_case{"/buoi nhà văn hóa, 25 đv, chống lừa đảo", {"luadao"}, 25, "", "nhà văn hóa"},
        // ... while "dv" without its "đ" is "dịch vụ", and "khu x2" an address.
        messy_case{"/tham số 5, hd 3 dv công", {}, std::nullopt, "", "số 5"},
        messy_case{"/tham khu x2, cài vneid", {"vneid"}, std::nullopt, "", "khu x2"},
        // In a session "x2" is most likely "twice" (two sessions, or the talk given twice), not
        // who came: no attendees are made up from it, and a count given wins over it.
        messy_case{"/buoi nhà văn hóa, hd cài vneid x2", {"vneid"}, std::nullopt, "", "nhà văn hóa"},
        messy_case{"/buoi nhà văn hóa, 30 người, cài vneid x2", {"vneid"}, 30, "", "nhà văn hóa"},
        messy_case{"/tham số 5, hd cài vneid cho 3 cháu x2", {"vneid"}, 3, "", "số 5"},
        // A command name typed in a hurry: two letters swapped, "số" glued to it.
        messy_case{"/thma số 5, cài vneid", {"vneid"}, std::nullopt, "", "số 5"},
        messy_case{"/boui nhà văn hóa, 30 người, chống lừa đảo", {"luadao"}, 30, "", "nhà văn hóa"},
        messy_case{"/thamso 5, cài vneid", {"vneid"}, std::nullopt, "", "so 5"},
        messy_case{"/thamsố 5 ngõ 3 cài VNeID", {"vneid"}, std::nullopt, "", "số 5 ngõ 3"},
        // ... and so with the bot's name after it, as Telegram's command menu in groups adds it.
        messy_case{"/thamso@cnscd_bot 5, cài vneid", {"vneid"}, std::nullopt, "", "so 5"},
        messy_case{"/thamsố@cnscd_bot 5 ngõ 3 cài VNeID", {"vneid"}, std::nullopt, "", "số 5 ngõ 3"},
        messy_case{"/thma@cnscd_bot số 5, cài vneid", {"vneid"}, std::nullopt, "", "số 5"},
        messy_case{"/tham@cnscd_bot:số 5, cài vneid", {"vneid"}, std::nullopt, "", "số 5"},
        messy_case{"/tham@cnscd_bot,số 5 cài vneid", {"vneid"}, std::nullopt, "", "số 5"},
        messy_case{"/boui@cnscd_bot nhà văn hóa, 30 người, chống lừa đảo", {"luadao"}, 30, "", "nhà văn hóa"},
        // The bot's name after the colon's first word, or after a space (Telegram then leaves it
        // out of the command): no part of the address, which it used to begin or split.
        messy_case{"/tham:số@cnscd_bot 5, cài vneid", {"vneid"}, std::nullopt, "", "số 5"},
        messy_case{"/tham:so@cnscd_bot 5, cai vneid", {"vneid"}, std::nullopt, "", "so 5"},
        messy_case{"/tham:số@cnscd_bot 12 ngõ 5 cài vneid 2 người", {"vneid"}, 2, "", "số 12 ngõ 5"},
        messy_case{"/tham: số 12 ngõ 5, cài vneid", {"vneid"}, std::nullopt, "", "số 12 ngõ 5"},
        messy_case{"/tham: so 12 ngo 5, cai vneid", {"vneid"}, std::nullopt, "", "so 12 ngo 5"},
        messy_case{"/tham: @cnscd_bot số 12 ngõ 5, cài vneid", {"vneid"}, std::nullopt, "", "số 12 ngõ 5"},
        messy_case{"/tham @cnscd_bot số 12 ngõ 5, cài vneid 2 người", {"vneid"}, 2, "", "số 12 ngõ 5"},
        messy_case{"/tham @cnscd_bot so 12 ngo 5, cai vneid 2 nguoi", {"vneid"}, 2, "", "so 12 ngo 5"},
        messy_case{"/tham @CNSCD_Bot: số 12 ngõ 5, cài vneid", {"vneid"}, std::nullopt, "", "số 12 ngõ 5"},
        messy_case{
            "/buoi @cnscd_bot nhà văn hóa, 30 người, chống lừa đảo", {"luadao"}, 30, "", "nhà văn hóa"},
        messy_case{"/thma @cnscd_bot số 5, cài vneid", {"vneid"}, std::nullopt, "", "số 5"},
        messy_case{"/thamso @cnscd_bot 5, cài vneid", {"vneid"}, std::nullopt, "", "so 5"},
        messy_case{
            "/buoiso@cnscd_bot 3 nhà văn hóa, 30 người, lừa đảo", {"luadao"}, 30, "", "so 3 nhà văn hóa"},
        // Biometric authentication is done in VNeID (the domain's topic table); Zalo and social
        // networks as such are «Khác», said outright, unless what was done names a topic.
        messy_case{"/tham số 5, xác thực sinh trắc học", {"vneid"}, std::nullopt, "", "số 5"},
        // ... but for a bank (required for transfers over 10 million đồng since 1/7/2024) it is
        // the bank's app: cashless payment. With VNeID named as well, both.
        messy_case{
            "/tham số 5, xác thực sinh trắc học cho app ngân hàng", {"thanhtoan"}, std::nullopt, "", "số 5"},
        messy_case{"/tham số 5, xác thực sinh trắc học Vietcombank", {"thanhtoan"}, std::nullopt, "", "số 5"},
        messy_case{
            "/tham số 5, hd sinh trắc học tài khoản Agribank", {"thanhtoan"}, std::nullopt, "", "số 5"},
        messy_case{
            "/tham so 5, xac thuc sinh trac hoc ngan hang BIDV", {"thanhtoan"}, std::nullopt, "", "so 5"},
        messy_case{"/tham số 5, sinh trắc học MB để chuyển tiền", {"thanhtoan"}, std::nullopt, "", "số 5"},
        messy_case{
            "/tham số 5, sinh trắc học cho Techcombank, VietinBank", {"thanhtoan"}, std::nullopt, "", "số 5"},
        messy_case{"/tham số 5, xác thực sinh trắc học VNeID và app ngân hàng",
                   {"vneid", "thanhtoan"},
                   std::nullopt,
                   "",
                   "số 5"},
        messy_case{"/tham số 5, sinh trắc học trên VNeID", {"vneid"}, std::nullopt, "", "số 5"},
        messy_case{"/tham số 5, cài zalo", {"khac"}, std::nullopt, "", "số 5"},
        messy_case{"/tham số 5, mxh", {"khac"}, std::nullopt, "", "số 5"},
        messy_case{"/tham số 5, cài đặt quyền riêng tư zalo", {"dulieu"}, std::nullopt, "", "số 5"},
        messy_case{"/tham số 5, cài zalo pay", {"thanhtoan"}, std::nullopt, "", "số 5"},
        messy_case{"/tham số 5, cảnh báo lừa đảo qua mxh", {"luadao"}, std::nullopt, "", "số 5"},
        // Caps lock on: "HQ" is yesterday. In a message in lower case it is still Korea.
        messy_case{"/tham SỐ 5 NGÕ 3 CÀI VNEID HQ", {"vneid"}, std::nullopt, "2026-12-01", "SỐ 5 NGÕ 3"},
        messy_case{"/tham SỐ 5, HD CÀI VNEID 2 NGƯỜI, HQ", {"vneid"}, 2, "2026-12-01", "SỐ 5"},
        messy_case{"/tham số 5, cài vneid cho người đi HQ", {"vneid"}, std::nullopt, "", "số 5"},
        // A colon or full stop with no space after it: "5:cài" was kept in the address, and
        // "vneid.2 người" lost its count. "8:30", "1.000", "P.5" (phường 5) stay whole.
        messy_case{"/tham số 12 ngõ 5:cài vneid cho 2 người", {"vneid"}, 2, "", "số 12 ngõ 5"},
        messy_case{"/tham so 12 ngo 5:hd vneid 2ng", {"vneid"}, 2, "", "so 12 ngo 5"},
        messy_case{"/tham số 12 ngõ 5 hd vneid.2 người", {"vneid"}, 2, "", "số 12 ngõ 5"},
        messy_case{"/tham so 12 ngo 5 hd vneid.2 nguoi", {"vneid"}, 2, "", "so 12 ngo 5"},
        messy_case{"/tham số 12 P.5 Q.3 cài vneid 2 ng", {"vneid"}, 2, "", "số 12 P.5 Q.3"},
        messy_case{
            "/buoi nhà văn hóa tổ 3, 1.000 người, chống lừa đảo", {"luadao"}, 1000, "", "nhà văn hóa tổ 3"},
        // Thousands grouped with a comma, as an English keyboard has it, and attendance counted in
        // "lượt người" as reports do: no count was read.
        messy_case{
            "/buoi nhà văn hóa tổ 3, 1,000 người, chống lừa đảo", {"luadao"}, 1000, "", "nhà văn hóa tổ 3"},
        messy_case{
            "/buoi nha van hoa to 3, 1,000 nguoi, chong lua dao", {"luadao"}, 1000, "", "nha van hoa to 3"},
        messy_case{"/buoi nhà văn hóa, 1.500 lượt người, chống lừa đảo", {"luadao"}, 1500, "", "nhà văn hóa"},
        messy_case{"/buoi nha van hoa, 1.500 luot nguoi, chong lua dao", {"luadao"}, 1500, "", "nha van hoa"},
        // "đặt khám" (booking a doctor's visit) is digital health; it was filed under no topic.
        messy_case{"/tham số 12 ngõ 5, hd đặt khám qua app, 2 người", {"yte"}, 2, "", "số 12 ngõ 5"},
        messy_case{"/tham so 12 ngo 5, hd dat kham qua app, 2 nguoi", {"yte"}, 2, "", "so 12 ngo 5"},
        // The first comma after what was done, not after the address: "cài vneid cho 2 người" was
        // recorded as part of the address.
        messy_case{
            "/tham số 12 ngõ 5 cài vneid cho 2 người, hôm qua", {"vneid"}, 2, "2026-12-01", "số 12 ngõ 5"},
        messy_case{
            "/tham so 12 ngo 5 cai vneid cho 2 nguoi, hom qua", {"vneid"}, 2, "2026-12-01", "so 12 ngo 5"},
        messy_case{
            "/tham SỐ 12 NGÕ 5 CÀI VNEID CHO 2 NGƯỜI, HÔM QUA", {"vneid"}, 2, "2026-12-01", "SỐ 12 NGÕ 5"},
        messy_case{"/tham nhà bà Lan cài vneid, 2 người", {"vneid"}, 2, "", "nhà bà Lan"},
        messy_case{"/tham số 12 ngõ 5 cài vneid, thanh toán qr",
                   {"vneid", "thanhtoan"},
                   std::nullopt,
                   "",
                   "số 12 ngõ 5"},
        messy_case{"/buoi nhà văn hóa tổ 3 tuyên truyền chống lừa đảo 30 người, hôm qua",
                   {"luadao"},
                   30,
                   "2026-12-01",
                   "nhà văn hóa tổ 3"},
        // ... while a verb in a place's name, with nothing done after it, is still the name.
        messy_case{"/buoi trung tâm hỗ trợ người cao tuổi, 30 người, chống lừa đảo",
                   {"luadao"},
                   30,
                   "",
                   "trung tâm hỗ trợ người cao tuổi"},
        // The address written last: it was "hướng dẫn cài VNeID cho 2 người, số 12 ngõ 5".
        messy_case{"/tham hướng dẫn cài VNeID cho 2 người, số 12 ngõ 5", {"vneid"}, 2, "", "số 12 ngõ 5"},
        messy_case{"/tham huong dan cai VNeID cho 2 nguoi, so 12 ngo 5", {"vneid"}, 2, "", "so 12 ngo 5"},
        messy_case{"/tham cài vneid, 2 người, số 12, ngõ 5", {"vneid"}, 2, "", "số 12, ngõ 5"},
        messy_case{"/tham hd vneid 2 người, nhà bà Lan", {"vneid"}, 2, "", "nhà bà Lan"},
        // ... and without a comma, a house's number after what was done, "ở"/"tại" (at) before
        // it or not: no address was read, and "ngõ" was listed as a word not understood.
        messy_case{"/tham cài vneid 2 người tại số 12 ngõ 5", {"vneid"}, 2, "", "số 12 ngõ 5"},
        messy_case{"/tham hd cai vneid cho 2 nguoi tai so 12 ngo 5", {"vneid"}, 2, "", "so 12 ngo 5"},
        messy_case{"/tham vneid 2 người số 12 ngõ 5 hôm qua", {"vneid"}, 2, "2026-12-01", "số 12 ngõ 5"},
        messy_case{"/tham đã hướng dẫn 2 người cài vneid ở số 12 ngõ 5", {"vneid"}, 2, "", "số 12 ngõ 5"},
        messy_case{"/tham cài vneid cho 2 người ở nhà bà Lan", {"vneid"}, 2, "", "nhà bà Lan"},
        messy_case{"/tham cai vneid cho 2 nguoi o nha ba Lan", {"vneid"}, 2, "", "nha ba Lan"},
        messy_case{"/tham cài vneid cho 2 người ở nhà", {"vneid"}, 2, "", ""},
        // "chữ ký số, 1 người": the count after the topic's last word was taken for a house number.
        messy_case{
            "/tham số 8 giúp chị Mai cài VNeID và chữ ký số, 1 người", {"vneid", "chuky"}, 1, "", "số 8"},
        messy_case{
            "/tham so 8 giup chi Mai cai VNeID va chu ky so, 1 nguoi", {"vneid", "chuky"}, 1, "", "so 8"},
        // "đã cài" (did install): "đã" was kept at the end of the address.
        messy_case{"/tham số 12 ngõ 5 đã cài vneid cho 2 người", {"vneid"}, 2, "", "số 12 ngõ 5"},
        messy_case{"/tham so 12 ngo 5 da cai vneid cho 2 nguoi", {"vneid"}, 2, "", "so 12 ngo 5"}));

// "cả nhà" (the whole family) without a number is no count: the confirmation says 1 person is a
// stand-in and how to give the number, as for "vài người". It used to record 1 person silently.
TEST(messy_head_counts, the_whole_family_without_a_number_is_kept_as_written) {
    struct {
        const char* text;
        const char* vague;
    } cases[] = {
        {"/tham số 5, cài vneid cho cả nhà", "cả nhà"},
        {"/tham so 5, cai vneid cho ca nha", "ca nha"},
        {"/tham số 5, cài vneid cho cả gia đình", "cả gia đình"},
        {"/tham số 5, cài vneid cho cả nhà bà Lan", "cả nhà"},
        // "bà con" (the residents) says no number either; it was 1 person without a word.
        {"/tham số 5, cài vneid cho bà con", "bà con"},
        {"/buoi chợ Hàn, tuyên truyền lừa đảo cho bà con", "bà con"},
    };
    for (auto& c : cases) {
        auto cmd = parse_command(c.text, parse_context{"cnscd_bot", today, true});
        auto* d = details(cmd);
        ASSERT_NE(d, nullptr) << c.text;
        EXPECT_EQ(d->people, std::nullopt) << c.text;
        EXPECT_EQ(d->people_vague, c.vague) << c.text;
    }
    auto counted =
        parse_command("/tham số 5, cả nhà 4 người cài vneid", parse_context{"cnscd_bot", today, true});
    ASSERT_NE(details(counted), nullptr);
    EXPECT_EQ(details(counted)->people_vague, "");
}

// "bà con" with a number is that many people; unaccented "ba con" may be three children.
TEST(messy_head_counts, residents_with_a_number_are_counted) {
    auto cmd =
        parse_command("/buoi chợ Hàn, 60 bà con, chống lừa đảo", parse_context{"cnscd_bot", today, true});
    ASSERT_NE(details(cmd), nullptr);
    EXPECT_EQ(details(cmd)->people, 60);
    EXPECT_EQ(details(cmd)->people_vague, "");
}

// "bữa trước", "tuần trước" name no day: the day recorded (today) is a stand-in, and the
// confirmation says so with the words as written. A day that was read leaves nothing vague.
TEST(messy_dates, vague_day_words_are_kept_as_written) {
    struct {
        const char* text;
        const char* vague;
    } cases[] = {
        {"/tham số 5 bữa trước cài VNeID", "bữa trước"},
        {"/tham số 5, cài VNeID, tuần trước", "tuần trước"},
        {"/tham số 5, cài VNeID, hôm trước", "hôm trước"},
        {"/tham số 5, cài VNeID, hôm qua", ""},
        {"/tham số 5, cài VNeID, thứ 7 tuần trước", ""},
        {"/tham số 5, cài VNeID", ""},
    };
    for (auto& c : cases) {
        auto cmd = parse_command(c.text, parse_context{"cnscd_bot", today, true});
        auto* d = details(cmd);
        ASSERT_NE(d, nullptr) << c.text;
        EXPECT_EQ(d->date_vague, c.vague) << c.text;
    }
}

// "/tham @other_bot ...": Telegram sends a command without a bot's name to more than one bot, and
// the member named the other one; it is left to it, as "/tham@other_bot ..." is. A person's
// "@name" is no bot's: the visit is still ours.
TEST(messy_command_names, another_bots_name_after_a_space_leaves_the_command_to_it) {
    for (auto text : {"/tham @other_bot số 12 ngõ 5", "/tham @OtherBot so 12 ngo 5", "/tham: @other_bot số 5",
                      "/giup @other_bot", "/thma @other_bot số 5"}) {
        auto cmd = parse_command(text, parse_context{"cnscd_bot", today, false});
        EXPECT_TRUE(std::holds_alternative<plain_text>(cmd)) << text << " -> " << command_name(cmd);
    }
    auto person = parse_command("/tham @lan_tcns số 5, cài vneid", parse_context{"cnscd_bot", today, false});
    ASSERT_NE(details(person), nullptr);
    EXPECT_EQ(details(person)->topics, std::vector<std::string>{"vneid"});
    // Our name and nothing after it is a /tham without its address: the example to follow.
    auto bare = parse_command("/tham @cnscd_bot", parse_context{"cnscd_bot", today, false});
    ASSERT_TRUE(std::holds_alternative<command_error>(bare)) << command_name(bare);
    EXPECT_EQ(std::get<command_error>(bare).reason, "error_missing_argument");
}

// A colon typed before a word rather than after the one before (" :cài"): the address ends there
// (it was "số 8 :cài"), and `cnscd-bot parse` lists no ":cài" as a word it did not understand.
TEST(messy_explained, a_colon_before_a_word_is_not_part_of_it) {
    for (auto [text, place] : {std::pair{"/tham số 8 :cài vneid 2 người", "số 8"},
                               std::pair{"/tham so 8 :cai vneid 2 nguoi", "so 8"}}) {
        auto cmd = parse_command(text, parse_context{"cnscd_bot", today, true, true});
        auto* d = details(cmd);
        ASSERT_NE(d, nullptr) << text;
        EXPECT_EQ(d->place, place) << text;
        EXPECT_EQ(d->people, 2) << text;
        EXPECT_EQ(d->unparsed, std::vector<std::string>{}) << text;
    }
}

// Only /tham and /buoi are guessed, and only when one command is meant.
TEST(messy_command_names, other_typos_are_still_asked_about) {
    for (auto text : {"/xao Lan", "/thmaa số 5", "/thamsox 5", "/sau 12 2 người", "/thamso@other_bot 5"}) {
        auto cmd = parse_command(text, parse_context{"cnscd_bot", today, true});
        EXPECT_EQ(details(cmd), nullptr) << text << " -> " << command_name(cmd);
    }
}

} // namespace
} // namespace cnscd
