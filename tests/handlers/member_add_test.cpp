// Adding a newcomer in chat (/thanhvien_them): who may, to which team, what the newcomer needs to
// link, and the cases where nothing may change (a phone already in use, a bad phone or name).

#include "handlers/handlers.hpp"
#include "messages/command_parser.hpp"
#include "storage/database.hpp"
#include "storage/invite_store.hpp"
#include "storage/registry.hpp"
#include "tests/support/test_bot.hpp"
#include "tests/support/two_team_ward.hpp"

#include <gtest/gtest.h>

#include <regex>

namespace cnscd {
namespace {

using test::has;
using test::test_bot;

cmd_add_member read(const std::string& text) {
    auto c = parse_command(text, {"ToCNSBot", {}, true});
    auto* add = std::get_if<cmd_add_member>(&c);
    EXPECT_TRUE(add) << text;
    return add ? *add : cmd_add_member{};
}

std::string error_of(const std::string& text) {
    auto c = parse_command(text, {"ToCNSBot", {}, true});
    auto* e = std::get_if<command_error>(&c);
    return e ? e->reason + ": " + e->detail : "";
}

TEST(new_member_reading, name_phone_role_and_area_in_any_order_after_the_name) {
    auto a = read("/thanhvien_them Nguyễn Văn Mới, 0905 999 888");
    EXPECT_EQ(a.name, "Nguyễn Văn Mới");
    EXPECT_EQ(a.phone, "+84905999888");
    EXPECT_EQ(a.role, "member");
    EXPECT_EQ(a.area, "");
    auto b = read("/thanhvien_them Lê Thị Hoa, tổ phó, 0905.777.666, Ngõ 3, ngõ 5");
    EXPECT_EQ(b.name, "Lê Thị Hoa");
    EXPECT_EQ(b.phone, "+84905777666");
    EXPECT_EQ(b.role, "deputy");
    EXPECT_EQ(b.area, "Ngõ 3, ngõ 5");
    // Without commas the phone ends the name; a role after it is still read.
    auto c = read("/thanhvien_them Lê Thị Hoa 0905 777 666 tổ phó");
    EXPECT_EQ(c.name, "Lê Thị Hoa");
    EXPECT_EQ(c.phone, "+84905777666");
    EXPECT_EQ(c.role, "deputy");
    auto d = read("/addmember Tổ 2: Lê Hoa +84905777666");
    EXPECT_EQ(d.team, "Tổ 2");
    EXPECT_EQ(d.name, "Lê Hoa");
    auto e = read("/themtv Ông Ba");
    EXPECT_EQ(e.name, "Ông Ba");
    EXPECT_EQ(e.phone, "");
}

TEST(new_member_reading, what_is_not_a_name_or_a_phone_is_refused_with_the_reason) {
    EXPECT_EQ(error_of("/thanhvien_them"),
              "error_missing_argument: /thanhvien_them Nguyễn Văn Mới, 0905 123 456");
    EXPECT_EQ(error_of("/thanhvien_them 0905777666"),
              "error_missing_argument: /thanhvien_them Nguyễn Văn Mới, 0905 123 456");
    EXPECT_EQ(error_of("/thanhvien_them Lê Hoa, 0905 777"), "error_bad_phone: 0905 777");
    EXPECT_EQ(error_of("/thanhvien_them Lê Hoa, 12345678"), "error_bad_phone: 12345678");
    EXPECT_EQ(error_of("/thanhvien_them Lê Hoa, 123"), "error_bad_phone: 123") << "not taken for an area";
    // A visit typed into the wrong command is not taken for a person.
    EXPECT_EQ(error_of("/thanhvien_them số 12 ngõ 5, cài VNeID"), "error_bad_name: số 12 ngõ 5");
}

struct member_add_fixture : ::testing::Test, test::two_team_ward {
    std::optional<member_record> by_phone(const std::string& phone) {
        return member_store(*bot.db).by_phone(ward, phone);
    }
    std::size_t members_of(std::int64_t team) { return member_store(*bot.db).in_team(team).size(); }
    std::string invite_code(const std::vector<outgoing>& out) {
        std::smatch m;
        auto text = test_bot::joined(out);
        return std::regex_search(text, m, std::regex("/ma ([A-Z0-9]{8})")) ? m[1].str() : "";
    }
};

TEST_F(member_add_fixture, a_leader_adds_a_newcomer_who_then_links_by_sharing_their_phone) {
    auto out = bot.say("100", "/thanhvien_them Nguyễn Văn Mới, 0905 999 888, Ngõ 12");
    EXPECT_TRUE(has(out, "Đã thêm Nguyễn Văn Mới (thành viên, 090****888) vào Tổ dân phố số 1"))
        << test_bot::joined(out);
    EXPECT_TRUE(has(out, "Chia sẻ số điện thoại"));
    auto added = by_phone("+84905999888");
    ASSERT_TRUE(added);
    EXPECT_EQ(added->team_id, team1);
    EXPECT_EQ(added->role, "member");
    EXPECT_EQ(added->area, "Ngõ 12");
    EXPECT_EQ(added->source, "chat");
    EXPECT_EQ(audits("member.add"), 1u);
    // The newcomer links the way roster members do, and can log at once.
    incoming in;
    in.kind = incoming_kind::contact;
    in.chat = {channel::telegram, "777"};
    in.user_id = "777";
    in.contact_phone = "84905999888";
    in.contact_user_id = "777";
    EXPECT_TRUE(has(bot.deliver(in), "Đã liên kết"));
    EXPECT_TRUE(has(bot.say("777", "/tham số 3 ngõ 12, cài VNeID"), "Đã ghi"));
}

TEST_F(member_add_fixture, in_private_the_leader_gets_an_invite_code_and_in_the_group_only_how_to_get_one) {
    auto in_private = bot.say("100", "/thanhvien_them Ông Ba");
    auto code = invite_code(in_private);
    ASSERT_EQ(code.size(), 8u) << test_bot::joined(in_private);
    EXPECT_FALSE(has(in_private, "Chia sẻ số điện thoại")) << "no phone was given";
    EXPECT_TRUE(has(bot.say("778", "/ma " + code), "Đã liên kết"));
    EXPECT_EQ(member_store(*bot.db).by_account(channel::telegram, "778")->full_name, "Ông Ba");

    bot.bind_group("-1001", ward, team1);
    auto in_group = bot.say_in_group("-1001", "100", "/thanhvien_them Bà Tư, 0905 111 222");
    EXPECT_TRUE(has(in_group, "Đã thêm Bà Tư")) << test_bot::joined(in_group);
    EXPECT_EQ(invite_code(in_group), "") << "a code shown to the group could be used by anyone in it";
    EXPECT_TRUE(has(in_group, "/moi Bà Tư"));
    EXPECT_FALSE(has(in_group, "0905111222")) << "the phone is masked";
}

TEST_F(member_add_fixture, rows_added_in_chat_continue_the_wards_numbering) {
    member_record m;
    m.ward_id = ward;
    m.team_id = team2;
    m.full_name = "Đặng Văn Hùng";
    m.role = "member";
    m.roster_row = "41";
    member_store(*bot.db).insert(m, bot.clk.now());
    EXPECT_TRUE(has(bot.say("100", "/thanhvien_them Nguyễn Văn Mới, 0905 999 888"), "số TT 42"));
    EXPECT_EQ(by_phone("+84905999888")->roster_row, "42");
    EXPECT_TRUE(has(bot.say("100", "/thanhvien"), "42. Nguyễn Văn Mới"));
    EXPECT_TRUE(has(bot.say("100", "/moi 42"), "Mã mời cho Nguyễn Văn Mới"));
}

TEST_F(member_add_fixture, a_phone_already_in_the_ward_adds_nobody_and_says_whose_it_is) {
    auto before = members_of(team1);
    EXPECT_TRUE(has(bot.say("100", "/thanhvien_them Nguyễn Văn Mới, 0905 100 006"),
                    "đã là của Võ Thị Giang (Tổ dân phố số 2)"));
    EXPECT_TRUE(has(bot.say("100", "/thanhvien_them Phạm Dung, 0905100004"), "đã có trong danh sách"));
    EXPECT_TRUE(has(bot.say("100", "/thanhvien_them Cán bộ, 0905999001"), "cán bộ phường"));
    EXPECT_EQ(members_of(team1), before);
    EXPECT_EQ(by_phone("+84905100006")->team_id, team2) << "not moved";
    EXPECT_EQ(audits("member.add"), 0u);
}

TEST_F(member_add_fixture, someone_removed_comes_back_with_their_history_and_account) {
    auto out = bot.say("100", "/xoa Phạm Thị Dung");
    ASSERT_FALSE(test_bot::button(out, "Cho nghỉ").empty()) << test_bot::joined(out);
    bot.press("100", test_bot::button(out, "Cho nghỉ"));
    EXPECT_FALSE(member_store(*bot.db).by_id(member)->active);
    auto back = bot.say("100", "/thanhvien_them Phạm Thị Dung, 0905100004");
    EXPECT_TRUE(has(back, "Phạm Thị Dung đã trở lại Tổ dân phố số 1")) << test_bot::joined(back);
    EXPECT_FALSE(has(back, "/ma ")) << "still linked: no code needed";
    auto m = member_store(*bot.db).by_id(member);
    EXPECT_TRUE(m->active);
    EXPECT_EQ(audits("member.reactivate"), 1u);
    EXPECT_TRUE(has(bot.say("102", "/tham số 1 ngõ 2, VNeID"), "Đã ghi"));
}

TEST_F(member_add_fixture, leaders_add_to_their_own_team_deputies_add_members_and_staff_name_the_team) {
    EXPECT_TRUE(has(bot.say("100", "/thanhvien_them Tổ dân phố số 2: Lê Văn Tư, 0905 123 456"),
                    "chỉ thêm được người vào tổ của mình"));
    EXPECT_TRUE(has(bot.say("101", "/thanhvien_them Lê Văn Tư, 0905 123 456, tổ trưởng"),
                    "Tổ phó chỉ thêm được thành viên"));
    EXPECT_TRUE(has(bot.say("102", "/thanhvien_them Lê Văn Tư, 0905 123 456"), "chỉ dành cho"));
    EXPECT_FALSE(by_phone("+84905123456"));
    EXPECT_TRUE(has(bot.say("101", "/thanhvien_them Lê Văn Tư, 0905 123 456"), "Đã thêm Lê Văn Tư"));

    // Ward staff: which team, unless they write in a team's group.
    EXPECT_TRUE(has(bot.say("900", "/thanhvien_them Hồ Văn Năm, 0905 555 111"), "Thêm vào tổ nào?"));
    EXPECT_TRUE(has(bot.say("900", "/thanhvien_them Tổ 9: Hồ Văn Năm, 0905 555 111"), "Không tìm thấy tổ"));
    EXPECT_FALSE(by_phone("+84905555111"));
    EXPECT_TRUE(
        has(bot.say("900", "/thanhvien_them Tổ 2: Hồ Văn Năm, 0905 555 111, tổ phó"), "Tổ dân phố số 2"));
    EXPECT_EQ(by_phone("+84905555111")->team_id, team2);
    EXPECT_EQ(by_phone("+84905555111")->role, "deputy");
    // The team's leader is told privately; a leader adding to their own team tells nobody.
    auto told = bot.say("900", "/thanhvien_them Tổ 2: Đinh Văn Bảy, 0905 555 333");
    bool leader_told = false;
    for (auto& o : told)
        leader_told =
            leader_told || (o.to.chat_id == "200" &&
                            o.text.find("Ngô Thị Hạnh vừa thêm Đinh Văn Bảy (thành viên) vào Tổ dân phố "
                                        "số 2") != std::string::npos);
    EXPECT_TRUE(leader_told) << test_bot::joined(told);
    for (auto& o : bot.say("100", "/thanhvien_them Trương Tám, 0905 555 444"))
        EXPECT_EQ(o.to.chat_id, "100");
    bot.bind_group("-1002", ward, team2);
    EXPECT_TRUE(
        has(bot.say_in_group("-1002", "900", "/thanhvien_them Đỗ Sáu, 0905 555 222"), "Tổ dân phố số 2"));
    EXPECT_EQ(by_phone("+84905555222")->team_id, team2);
}

TEST_F(member_add_fixture, a_bad_phone_or_name_is_explained_and_adds_nobody) {
    auto before = members_of(team1);
    EXPECT_TRUE(
        has(bot.say("100", "/thanhvien_them Lê Hoa, 0905 777"), "Số điện thoại «0905 777» không đúng"));
    EXPECT_TRUE(has(bot.say("100", "/thanhvien_them số 12 ngõ 5, VNeID"), "không giống họ tên"));
    EXPECT_EQ(members_of(team1), before);
    auto help = bot.say("100", "/giup thanhvien_them");
    EXPECT_TRUE(has(help, "Ví dụ: /thanhvien_them Nguyễn Văn Mới")) << test_bot::joined(help);
}

TEST_F(member_add_fixture, english_speakers_get_the_same_in_english) {
    bot.say("100", "/ngonngu en");
    auto out = bot.say("100", "/addmember Nguyễn Văn Mới, 0905 999 888");
    EXPECT_TRUE(has(out, "Added Nguyễn Văn Mới (member, 090****888) to Tổ dân phố số 1"))
        << test_bot::joined(out);
    EXPECT_TRUE(has(bot.say("100", "/addmember Lê Hoa, 0905 777"), "is not valid"));
}

} // namespace
} // namespace cnscd
