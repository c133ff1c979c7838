#include "handlers/handlers.hpp"
#include "handlers/period.hpp"
#include "storage/database.hpp"
#include "storage/held_record_store.hpp"
#include "storage/invite_store.hpp"
#include "storage/personal_data.hpp"
#include "storage/registry.hpp"
#include "storage/roster_import.hpp"
#include "storage/visit_store.hpp"
#include "tests/support/test_bot.hpp"
#include "tests/support/two_team_ward.hpp"

#include <gtest/gtest.h>

#include <regex>

namespace cnscd {
namespace {

using test::has;
using test::test_bot;

struct registry_fixture : ::testing::Test, test::two_team_ward {
    // On the roster, not linked yet.
    std::int64_t newcomer = bot.member(ward, team1, "Hoàng Văn Em", "member", "", "+84905100005");

    incoming contact(const std::string& user, const std::string& phone, const std::string& whose) {
        incoming in;
        in.kind = incoming_kind::contact;
        in.chat = {channel::telegram, user};
        in.user_id = user;
        in.contact_phone = phone;
        in.contact_user_id = whose;
        return in;
    }

    void db_exec_open_policy() { ward_store(*bot.db).set_join_policy(ward, "open"); }

    std::string invite_code(const std::vector<outgoing>& out) {
        std::smatch m;
        auto text = test_bot::joined(out);
        EXPECT_TRUE(std::regex_search(text, m, std::regex("/ma ([A-Z0-9]{8})")));
        return m.size() > 1 ? m[1].str() : "";
    }
};

TEST_F(registry_fixture, sharing_own_contact_links_the_roster_member) {
    auto out = bot.deliver(contact("555", "84905100005", "555"));
    EXPECT_TRUE(has(out, "Đã liên kết"));
    EXPECT_TRUE(has(out, "Hoàng Văn Em"));
    auto linked = member_store(*bot.db).by_account(channel::telegram, "555");
    ASSERT_TRUE(linked);
    EXPECT_EQ(linked->id, newcomer);
    EXPECT_EQ(audits("account.link"), 1u);
}

TEST_F(registry_fixture, visits_sent_privately_before_linking_are_recorded_when_the_account_is_linked) {
    // A newcomer logs two visits before linking: both are kept, not lost.
    auto first = bot.say("555", "/tham số 5 ngõ 3, cài VNeID cho 2 người");
    EXPECT_TRUE(has(first, "Tôi chưa biết bạn là thành viên tổ nào")) << test_bot::joined(first);
    EXPECT_TRUE(has(first, "giữ lại lượt bạn vừa gửi")) << test_bot::joined(first);
    bot.clk.advance(3600 * 20); // the next day, local time
    bot.say("555", "/buoi nhà văn hóa, 30 người, lừa đảo");
    // In a group nothing is kept: the reply sends them to the private chat.
    bot.bind_group("-700", ward, team1);
    EXPECT_FALSE(has(bot.say_in_group("-700", "555", "/tham số 9, cài VNeID"), "giữ lại"));
    auto linked = bot.deliver(contact("555", "84905100005", "555"));
    EXPECT_TRUE(has(linked, "Đã liên kết")) << test_bot::joined(linked);
    EXPECT_TRUE(has(linked, "Ghi 2 lượt bạn gửi trước khi liên kết")) << test_bot::joined(linked);
    visit_store visits(*bot.db);
    auto totals = visits.member_totals_in(newcomer, {"2026-11-01", "2026-12-31"});
    EXPECT_EQ(totals.visits, 1);
    EXPECT_EQ(totals.people, 2);
    EXPECT_EQ(totals.sessions, 1);
    EXPECT_EQ(totals.attendees, 30);
    // The visit is on the day it was sent, not the day of linking.
    auto first_day = local_time{bot.cfg.utc_offset_minutes}.date_of(bot.clk.now() - 3600 * 20);
    ASSERT_NE(first_day, local_time{bot.cfg.utc_offset_minutes}.date_of(bot.clk.now()));
    EXPECT_EQ(visits.member_totals_in(newcomer, {iso_day(first_day), iso_day(first_day)}).visits, 1);
    // Recorded once: nothing of them is kept any more.
    EXPECT_TRUE(held_record_store(*bot.db).take(channel::telegram, "555", bot.clk.now()).empty());
}

TEST_F(registry_fixture, visits_held_for_someone_who_links_as_ward_staff_are_not_silently_dropped) {
    bot.member(ward, 0, "Đỗ Văn Khoa", "ward_staff", "", "+84905999002");
    bot.say("557", "/tham số 5 ngõ 3, cài VNeID");
    auto linked = bot.deliver(contact("557", "84905999002", "557"));
    EXPECT_TRUE(has(linked, "Đã liên kết")) << test_bot::joined(linked);
    EXPECT_TRUE(has(linked, "chưa thuộc tổ nào")) << test_bot::joined(linked);
}

TEST_F(registry_fixture, held_visits_expire_and_are_capped) {
    for (int i = 0; i < 7; ++i)
        bot.say("555", "/tham số " + std::to_string(i + 1) + ", cài VNeID");
    EXPECT_FALSE(has(bot.say("555", "/tham số 9, cài VNeID"), "giữ lại")) << "five at most";
    bot.clk.advance(25 * 3600);
    auto linked = bot.deliver(contact("555", "84905100005", "555"));
    EXPECT_FALSE(has(linked, "trước khi liên kết")) << test_bot::joined(linked);
    EXPECT_EQ(visit_store(*bot.db).member_totals_in(newcomer, {"2026-01-01", "2026-12-31"}).visits, 0);
}

TEST_F(registry_fixture, someone_elses_contact_or_an_unknown_number_does_not_link) {
    EXPECT_TRUE(has(bot.deliver(contact("555", "84905100005", "777")), "của chính bạn"));
    EXPECT_TRUE(has(bot.deliver(contact("556", "84912345678", "556")), "chưa có trong danh sách"));
    EXPECT_FALSE(member_store(*bot.db).by_account(channel::telegram, "555"));
    EXPECT_FALSE(member_store(*bot.db).by_account(channel::telegram, "556"));
}

TEST_F(registry_fixture, invite_code_links_once_and_only_once) {
    auto out = bot.say("100", "/moi Hoàng Văn Em");
    auto code = invite_code(out);
    ASSERT_EQ(code.size(), 8u);
    EXPECT_TRUE(has(out, "t.me/ToCNSBot?start=" + code));
    EXPECT_TRUE(has(bot.say("555", "/ma " + code), "Đã liên kết"));
    EXPECT_EQ(member_store(*bot.db).by_account(channel::telegram, "555")->id, newcomer);
    EXPECT_TRUE(has(bot.say("556", "/ma " + code), "đã được dùng"));
    EXPECT_FALSE(member_store(*bot.db).by_account(channel::telegram, "556"));
    // Not linked yet: no note. Linked: the leader is told the code only links another account.
    EXPECT_FALSE(has(out, "đã liên kết"));
    EXPECT_TRUE(has(bot.say("100", "/moi Hoàng Văn Em"), "Hoàng Văn Em đã liên kết (Telegram)"));
}

// A second /moi for the same person gave a second code and left the first one working unsaid:
// a code sent to the wrong chat could still link a stranger. The new code replaces it, and says so.
TEST_F(registry_fixture, a_new_invite_code_replaces_the_unused_one_and_says_so) {
    auto first = invite_code(bot.say("100", "/moi Hoàng Văn Em"));
    auto again = bot.say("100", "/moi Hoàng Văn Em");
    auto second = invite_code(again);
    ASSERT_FALSE(first.empty());
    ASSERT_NE(first, second);
    EXPECT_TRUE(has(again, "Mã cũ " + first + " không còn dùng được nữa, đã thay bằng mã mới"))
        << test_bot::joined(again);
    // Typed after all, the old code was "expired" (hết hạn): it was replaced, and the reply says so.
    auto old_code = bot.say("556", "/ma " + first);
    EXPECT_TRUE(has(old_code, "Mã này không còn dùng được: tổ trưởng đã tạo một mã mới hơn thay cho nó"))
        << test_bot::joined(old_code);
    EXPECT_FALSE(has(old_code, "hết hạn")) << test_bot::joined(old_code);
    EXPECT_FALSE(member_store(*bot.db).by_account(channel::telegram, "556"));
    EXPECT_TRUE(has(bot.say("555", "/ma " + second), "Đã liên kết"));
    // A used code is not "replaced": the next invite (another account) says nothing of it.
    auto third = bot.say("100", "/moi Hoàng Văn Em");
    EXPECT_FALSE(has(third, "Mã cũ")) << test_bot::joined(third);
    bot.say("100", "/ngonngu en");
    auto en = bot.say("100", "/invite Hoàng Văn Em");
    EXPECT_TRUE(has(en, "Replaced by the new code above, so no longer usable: ")) << test_bot::joined(en);
    bot.say("557", "/language en");
    auto en_old = bot.say("557", "/code " + invite_code(third));
    EXPECT_TRUE(has(en_old, "made a newer code in its place")) << test_bot::joined(en_old);
}

TEST_F(registry_fixture, inviting_someone_not_on_the_roster_says_how_a_newcomer_is_added) {
    auto out = bot.say("100", "/moi Nguyễn Văn Mới");
    EXPECT_TRUE(has(out, "«Nguyễn Văn Mới»")) << test_bot::joined(out);
    EXPECT_TRUE(has(out, "/thanhvien_them Nguyễn Văn Mới, số điện thoại")) << test_bot::joined(out);
    EXPECT_FALSE(has(out, "/ma ")) << "no code is made";
    // Elsewhere a name that matches nobody keeps the short answer.
    EXPECT_FALSE(has(bot.say("100", "/xoa Nguyễn Văn Mới"), "cán bộ phường"));
    // A TT that is not on the list is not a newcomer's name to add.
    auto number = bot.say("100", "/moi 99");
    EXPECT_TRUE(has(number, "Không tìm thấy thành viên «99»")) << test_bot::joined(number);
    EXPECT_FALSE(has(number, "/thanhvien_them 99")) << test_bot::joined(number);
}

TEST_F(registry_fixture, invite_code_works_as_a_start_link_and_in_lower_case) {
    auto code = invite_code(bot.say("100", "/moi Em"));
    ASSERT_FALSE(code.empty());
    std::string lower = code;
    for (auto& c : lower)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    EXPECT_TRUE(has(bot.say("555", "/start " + lower), "Đã liên kết"));
}

TEST_F(registry_fixture, expired_and_unknown_codes_are_explained) {
    auto code = invite_code(bot.say("100", "/moi Em"));
    bot.clk.advance(8 * 86400);
    EXPECT_TRUE(has(bot.say("555", "/ma " + code), "hết hạn"));
    EXPECT_TRUE(has(bot.say("555", "/ma ZZZZ9999"), "không đúng"));
    EXPECT_FALSE(member_store(*bot.db).by_account(channel::telegram, "555"));
}

TEST_F(registry_fixture, an_account_linked_to_someone_else_is_not_moved_by_a_code) {
    auto code = invite_code(bot.say("100", "/moi Em"));
    EXPECT_TRUE(has(bot.say("102", "/ma " + code), "đang liên kết với Phạm Thị Dung"));
    EXPECT_FALSE(invite_store(*bot.db).find(code)->used_at) << "the code stays usable for the right person";
}

TEST_F(registry_fixture, invites_are_private_and_limited_to_the_leaders_team) {
    EXPECT_TRUE(has(bot.say_in_group("-1001", "100", "/moi Em"), "nhắn riêng"));
    EXPECT_TRUE(has(bot.say("200", "/moi Hoàng Văn Em"), "Không tìm thấy")) << "another team's leader";
    EXPECT_TRUE(has(bot.say("102", "/moi Em"), "chỉ dành cho")) << "members cannot invite";
    EXPECT_FALSE(invite_code(bot.say("900", "/moi Hoàng Văn Em")).empty()) << "ward staff can";
}

TEST_F(registry_fixture, leader_binds_the_team_group_and_others_cannot_take_it) {
    EXPECT_TRUE(has(bot.say_in_group("-1001", "100", "/lienket"), "Tổ dân phố số 1"));
    auto b = group_store(*bot.db).find({channel::telegram, "-1001"});
    ASSERT_TRUE(b);
    EXPECT_EQ(b->team_id, team1);
    EXPECT_TRUE(has(bot.say_in_group("-1001", "200", "/lienket"), "Chỉ cán bộ phường"));
    EXPECT_EQ(group_store(*bot.db).find({channel::telegram, "-1001"})->team_id, team1);
    EXPECT_TRUE(has(bot.say_in_group("-1001", "102", "/lienket"), "chỉ dành cho"));
    EXPECT_TRUE(has(bot.say_in_group("-1001", "100", "/lienket"), "đã gắn"));
    EXPECT_TRUE(has(bot.say("100", "/lienket"), "trong nhóm chat"));
    EXPECT_EQ(audits("group.bind"), 1u);
}

TEST_F(registry_fixture, a_new_group_replaces_the_teams_old_one_on_that_platform_only) {
    bot.say_in_group("-1001", "100", "/lienket");
    group_store(*bot.db).bind({{channel::zalo_oa, "zg1"}, ward, team1, "Nhóm Zalo", true}, std::nullopt, 1);
    // The team opens a new Telegram group: reminders and announcements go there, not to both.
    auto out = bot.say_in_group("-1009", "100", "/lienket");
    EXPECT_TRUE(has(out, "Nhóm cũ của tổ (Nhóm -1001) thôi nhận nhắc hạn")) << test_bot::joined(out);
    std::vector<std::string> bound;
    for (auto& g : group_store(*bot.db).of_team(team1))
        bound.push_back(g.chat.chat_id);
    std::sort(bound.begin(), bound.end());
    EXPECT_EQ(bound, (std::vector<std::string>{"-1009", "zg1"})) << "the Zalo group stays";
    // Binding the old group again is the way back, and says so the same way.
    EXPECT_TRUE(has(bot.say_in_group("-1001", "100", "/lienket"), "Nhóm cũ của tổ (Nhóm -1009)"));
}

TEST_F(registry_fixture, ward_staff_bind_the_ward_group_or_a_named_team) {
    EXPECT_TRUE(has(bot.say_in_group("-2001", "900", "/lienket"), "nhóm chung"));
    EXPECT_FALSE(group_store(*bot.db).find({channel::telegram, "-2001"})->team_id);
    EXPECT_TRUE(has(bot.say_in_group("-2002", "900", "/lienket Tổ dân phố số 2"), "Tổ dân phố số 2"));
    EXPECT_EQ(group_store(*bot.db).find({channel::telegram, "-2002"})->team_id, team2);
    EXPECT_TRUE(has(bot.say_in_group("-2003", "900", "/lienket Tổ 9"), "Không tìm thấy tổ"));
}

TEST_F(registry_fixture, binding_follows_the_group_to_its_supergroup) {
    bot.say_in_group("-4012345678", "100", "/lienket");
    incoming m;
    m.kind = incoming_kind::chat_migrated;
    m.chat = {channel::telegram, "-4012345678"};
    m.chat_type = chat_kind::group;
    m.migrated_to = "-1002223334445";
    bot.deliver(m);
    EXPECT_FALSE(group_store(*bot.db).find({channel::telegram, "-4012345678"}));
    EXPECT_EQ(group_store(*bot.db).find({channel::telegram, "-1002223334445"})->team_id, team1);
}

TEST_F(registry_fixture, member_list_shows_roles_and_masked_phones) {
    auto text = test_bot::joined(bot.say("100", "/thanhvien"));
    EXPECT_NE(text.find("Lê Thị Cúc — tổ phó"), std::string::npos);
    EXPECT_NE(text.find("090****002"), std::string::npos);
    EXPECT_EQ(text.find("0905100002"), std::string::npos);
    EXPECT_EQ(text.find("Võ Thị Giang"), std::string::npos) << "only the leader's team";
    auto staff_view = test_bot::joined(bot.say("900", "/thanhvien Tổ dân phố số 2"));
    EXPECT_NE(staff_view.find("Võ Thị Giang"), std::string::npos);
}

TEST_F(registry_fixture, removing_a_member_keeps_history_and_unlinks_them_in_effect) {
    // Asked first, with the role and the masked phone, so the right person is removed.
    auto asked = bot.say("100", "/xoa Phạm Thị Dung");
    EXPECT_TRUE(has(asked, "Cho Phạm Thị Dung")) << test_bot::joined(asked);
    EXPECT_TRUE(has(asked, "090****004")) << test_bot::joined(asked);
    // How to undo it is what the leader can do (they used to be told only ward staff could).
    EXPECT_TRUE(has(asked, "Muốn đưa lại vào tổ, gõ /thanhvien_them")) << test_bot::joined(asked);
    EXPECT_TRUE(member_store(*bot.db).by_id(member)->active) << "nothing changes before the answer";
    auto yes = test_bot::button(asked, "Cho nghỉ");
    auto no = test_bot::button(asked, "Không");
    ASSERT_FALSE(yes.empty());
    // "No" keeps them; a member pressing "yes" (the question is visible in a group) is refused.
    EXPECT_TRUE(has(bot.press("100", no), "vẫn trong tổ"));
    EXPECT_TRUE(has(bot.press("102", yes), "chỉ dành cho"));
    EXPECT_TRUE(member_store(*bot.db).by_id(member)->active);
    EXPECT_TRUE(has(bot.press("101", yes), "Đã cho Phạm Thị Dung nghỉ")) << "the deputy may";
    EXPECT_FALSE(member_store(*bot.db).by_id(member)->active);
    EXPECT_EQ(member_store(*bot.db).by_id(member)->removed_at, bot.clk.now()) << "a re-import tells when";
    EXPECT_TRUE(has(bot.press("100", yes), "đã nghỉ khỏi tổ từ trước"));
    auto other = test_bot::button(bot.say("100", "/xoa Lê Thị Cúc"), "Cho nghỉ");
    EXPECT_TRUE(has(bot.press("200", other), "không thuộc tổ của bạn"));
    EXPECT_TRUE(member_store(*bot.db).by_id(deputy)->active);
    EXPECT_TRUE(has(bot.say("102", "/toi"), "chưa biết bạn")) << "a removed member is no longer recognised";
    EXPECT_TRUE(has(bot.say("100", "/xoa Trần Văn Bình"), "không thể tự"));
    EXPECT_TRUE(has(bot.say("100", "/xoa Ngô Thị Hạnh"), "Không tìm thấy"));
    auto again = bot.say("102", "/xoa Lê Thị Cúc");
    EXPECT_TRUE(has(again, "chưa biết bạn")) << test_bot::joined(again);
    EXPECT_EQ(audits("member.deactivate"), 1u);
}

TEST_F(registry_fixture, role_changes_by_leader_and_staff_with_their_limits) {
    EXPECT_TRUE(has(bot.say("100", "/doivaitro Phạm Thị Dung tổ phó"), "thành viên → tổ phó"));
    EXPECT_EQ(member_store(*bot.db).by_id(member)->role, "deputy");
    // A deputy is told who may, and to ask their leader (not "ask the leader" when they are one).
    auto deputy = test_bot::joined(bot.say("101", "/doivaitro Phạm Thị Dung thành viên"));
    EXPECT_NE(deputy.find("chỉ dành cho tổ trưởng và cán bộ phường. Nếu bạn cần dùng, hãy liên hệ tổ trưởng"),
              std::string::npos)
        << deputy;
    auto leader_asks = test_bot::joined(bot.say("100", "/thongke phuong"));
    EXPECT_NE(leader_asks.find("hãy liên hệ cán bộ phường."), std::string::npos) << leader_asks;
    EXPECT_EQ(leader_asks.find("liên hệ tổ trưởng"), std::string::npos) << leader_asks;
    EXPECT_TRUE(has(bot.say("100", "/doivaitro Trần Văn Bình thành viên"), "không tự đổi vai trò"));
    EXPECT_TRUE(has(bot.say("200", "/doivaitro Phạm Thị Dung thành viên"), "Không tìm thấy"));
    EXPECT_TRUE(has(bot.say("900", "/doivaitro Võ Thị Giang thành viên"), "tổ trưởng duy nhất"));
    EXPECT_TRUE(has(bot.say("100", "/doivaitro Phạm Thị Dung chủ tịch"), "không hợp lệ"));
    // Ward staff is not a team role: the answer says who makes such accounts.
    auto staff_role = bot.say("100", "/doivaitro Phạm Thị Dung cán bộ phường");
    EXPECT_TRUE(has(staff_role, "Không thể đổi thành «cán bộ phường»")) << test_bot::joined(staff_role);
    EXPECT_TRUE(has(staff_role, "add-staff"));
    EXPECT_TRUE(has(bot.say("900", "/doivaitro Phạm Thị Dung admin"), "người quản trị"));
    EXPECT_EQ(audits("role.change"), 1u);
}

TEST_F(registry_fixture, a_role_change_is_in_the_exported_roster_and_reimporting_it_keeps_it) {
    EXPECT_TRUE(has(bot.say("100", "/doivaitro Phạm Thị Dung tổ phó"), "thành viên → tổ phó"));
    EXPECT_EQ(member_store(*bot.db).by_id(member)->role_title, "Tổ phó");
    personal_data no_key{""};
    auto exported = write_roster(roster_of_ward(*bot.db, ward, no_key, false));
    EXPECT_NE(exported.find("Phạm Thị Dung,,Tổ phó,0905100004"), std::string::npos) << exported;
    auto file = read_roster(exported, std::nullopt);
    ASSERT_TRUE(file);
    auto again = import_roster(*bot.db, *file, {"Phường Hòa Xuân"}, no_key, bot.clk.now());
    ASSERT_TRUE(again);
    EXPECT_TRUE(again->changed.empty())
        << again->changed.front().name << ": " << again->changed.front().fields[0];
    EXPECT_EQ(again->unchanged, 5u);
    EXPECT_EQ(member_store(*bot.db).by_id(member)->role, "deputy") << "the re-import did not undo it";
}

TEST_F(registry_fixture, a_leader_does_not_demote_himself_but_may_hand_the_team_over) {
    auto self = bot.say("100", "/doivaitro Bình thành viên");
    EXPECT_TRUE(has(self, "không tự đổi vai trò")) << test_bot::joined(self);
    EXPECT_TRUE(has(self, "cán bộ phường")) << "says who can";
    EXPECT_EQ(member_store(*bot.db).by_id(leader)->role, "leader");
    // A second leader is not made silently: the one who led stays on as deputy, and the reply says so.
    auto handed = bot.say("100", "/doivaitro Em tổ trưởng");
    EXPECT_TRUE(has(handed, "Hoàng Văn Em: thành viên → tổ trưởng")) << test_bot::joined(handed);
    EXPECT_TRUE(has(handed, "Trần Văn Bình (tổ trưởng cũ) nay là tổ phó")) << test_bot::joined(handed);
    auto now_leader = member_store(*bot.db).by_id(newcomer);
    auto was_leader = member_store(*bot.db).by_id(leader);
    EXPECT_EQ(now_leader->role, "leader");
    EXPECT_EQ(was_leader->role, "deputy");
    EXPECT_EQ(was_leader->role_title, "Tổ phó");
    int leaders = 0;
    for (auto& m : member_store(*bot.db).in_team(team1))
        leaders += m.role == "leader";
    EXPECT_EQ(leaders, 1);
    EXPECT_EQ(audits("role.change"), 2u);
    EXPECT_TRUE(has(bot.say("100", "/doivaitro Dung tổ phó"), "chỉ dành cho tổ trưởng và cán bộ phường"))
        << "no longer the leader";
}

TEST_F(registry_fixture, role_words_members_use_and_unknown_roles_named_as_written) {
    // "phó nhóm" and the roster's "tổ phó thường trực" are the deputy; "trưởng nhóm" the leader.
    EXPECT_TRUE(has(bot.say("100", "/doivaitro Phạm Thị Dung phó nhóm"), "thành viên → tổ phó"));
    EXPECT_TRUE(has(bot.say("100", "/doivaitro Hoàng Văn Em tổ phó thường trực"), "thành viên → tổ phó"));
    EXPECT_EQ(member_store(*bot.db).by_id(member)->role, "deputy");
    // An unknown role is quoted whole, not only its last word, and the name is not taken for it.
    auto two_words = test_bot::joined(bot.say("100", "/doivaitro Phạm Thị Dung chủ tịch"));
    EXPECT_NE(two_words.find("«chủ tịch»"), std::string::npos) << two_words;
    auto one_word = test_bot::joined(bot.say("100", "/doivaitro Phạm Thị Dung boss"));
    EXPECT_NE(one_word.find("«boss»"), std::string::npos) << one_word;
    // A number is no role (an empty roster title means member, a typed "3" does not).
    EXPECT_TRUE(has(bot.say("100", "/doivaitro Phạm Thị Dung 3"), "không hợp lệ"));
    EXPECT_TRUE(has(bot.say("100", "/doivaitro Phạm Thị Dung trưởng nhóm"), "tổ phó → tổ trưởng"));
    // The roster's long title works here too (Dung, who leads now, hands the team back).
    EXPECT_TRUE(has(bot.say("102", "/doivaitro Trần Văn Bình tổ trưởng tổ CNSCĐ"), "tổ phó → tổ trưởng"));
    EXPECT_EQ(audits("role.change"), 6u) << "two hand-overs moved the previous leader too";
    EXPECT_EQ(member_store(*bot.db).by_id(leader)->role, "leader");
    EXPECT_EQ(member_store(*bot.db).by_id(member)->role, "deputy");
}

TEST_F(registry_fixture, ambiguous_names_list_the_candidates) {
    bot.member(ward, team1, "Phạm Thị Dung Em", "member", "", "");
    auto out = bot.say("100", "/xoa Dung");
    EXPECT_TRUE(has(out, "Có nhiều người"));
    EXPECT_TRUE(member_store(*bot.db).by_id(member)->active) << "nothing changes";
}

TEST_F(registry_fixture, a_stranger_is_told_how_to_link_where_they_are) {
    // In a private chat: no "message me privately", and the share-phone button comes with it.
    auto here = bot.say("777", "/toi");
    ASSERT_EQ(here.size(), 1u);
    EXPECT_TRUE(has(here, "chưa biết bạn")) << test_bot::joined(here);
    EXPECT_FALSE(has(here, "nhắn riêng")) << test_bot::joined(here);
    EXPECT_FALSE(here[0].contact_button.empty());
    auto help = bot.say("777", "/giup");
    EXPECT_FALSE(has(help, "nhắn riêng")) << test_bot::joined(help);
    // In a group: sent to the private chat, and no button (Telegram shows none in groups).
    auto there = bot.say_in_group("-1001", "777", "/toi");
    ASSERT_EQ(there.size(), 1u);
    EXPECT_TRUE(has(there, "nhắn riêng")) << test_bot::joined(there);
    EXPECT_TRUE(there[0].contact_button.empty());
}

TEST_F(registry_fixture, open_ward_lets_a_stranger_join_the_bound_team_and_tells_the_leader) {
    bot.say_in_group("-1001", "100", "/lienket");
    // roster-only (default): a stranger is told to link.
    EXPECT_TRUE(has(bot.say_in_group("-1001", "777", "/toi"), "chưa biết bạn"));
    db_exec_open_policy();
    auto out = bot.say_in_group("-1001", "778", "/toi");
    auto joined = member_store(*bot.db).by_account(channel::telegram, "778");
    ASSERT_TRUE(joined);
    EXPECT_EQ(joined->team_id, team1);
    EXPECT_EQ(joined->source, "open_join");
    // A row number after the ward's highest (none here), so the leader can /xoa them by it.
    EXPECT_EQ(joined->roster_row, "1");
    EXPECT_TRUE(has(bot.say("100", "/xoa 1"), "User 778"));
    bool told_leader = false;
    for (auto& o : out)
        told_leader =
            told_leader || (o.to.chat_id == "100" && o.text.find("tự tham gia") != std::string::npos);
    EXPECT_TRUE(told_leader);
}

TEST_F(registry_fixture, unlinked_users_get_onboarding_help) {
    auto out = bot.say("999", "/start");
    EXPECT_TRUE(has(out, "chưa liên kết"));
    EXPECT_FALSE(out[0].contact_button.empty());
}

TEST_F(registry_fixture, members_list_masks_phones_and_marks_who_is_linked) {
    auto out = bot.say("100", "/thanhvien");
    auto text = test_bot::joined(out);
    EXPECT_TRUE(has(out, "Tổ dân phố số 1 — 4 thành viên")) << text;
    EXPECT_TRUE(has(out, "Trần Văn Bình — tổ trưởng, 090****001 ✅")) << text;
    EXPECT_TRUE(has(out, "Hoàng Văn Em — thành viên, 090****005")) << text;
    EXPECT_FALSE(has(out, "Hoàng Văn Em — thành viên, 090****005 ✅")) << "not linked yet";
    EXPECT_EQ(text.find("0905100005"), std::string::npos) << "phones are masked";
    EXPECT_FALSE(has(out, "Võ Thị Giang")) << "another team";
}

TEST_F(registry_fixture, a_leaders_member_list_counts_who_is_linked_and_says_what_the_mark_means) {
    // Bình, Cúc and Dung are linked; Em is not.
    auto out = bot.say("100", "/thanhvien");
    auto text = test_bot::joined(out);
    EXPECT_TRUE(has(out, "Tổ dân phố số 1 — 4 thành viên, 3/4 đã liên kết:")) << text;
    EXPECT_TRUE(has(out, "✅ = đã liên kết tài khoản với bot")) << text;
    EXPECT_TRUE(has(out, "Người chưa có ✅: gõ /moi kèm họ tên")) << text;
    // Everyone linked: the legend stays, the how-to goes.
    bot.deliver(contact("555", "84905100005", "555"));
    auto all = bot.say("100", "/thanhvien");
    EXPECT_TRUE(has(all, "4/4 đã liên kết")) << test_bot::joined(all);
    EXPECT_TRUE(has(all, "✅ = đã liên kết")) << test_bot::joined(all);
    EXPECT_FALSE(has(all, "Người chưa có ✅")) << test_bot::joined(all);
    // In English too.
    bot.say("100", "/lang en");
    auto en = bot.say("100", "/members");
    EXPECT_TRUE(has(en, "Tổ dân phố số 1 — 4 members, 4/4 linked:")) << test_bot::joined(en);
    EXPECT_TRUE(has(en, "✅ = account linked to the bot")) << test_bot::joined(en);
}

TEST_F(registry_fixture, ward_staff_see_how_far_each_team_is_in_setting_up) {
    bot.bind_group("-1001", ward, team1);
    auto out = bot.say("900", "/thanhvien");
    auto text = test_bot::joined(out);
    // 4 + 1 members; linked: Bình, Cúc, Dung (team 1), Giang (team 2).
    EXPECT_TRUE(has(out, "Phường Hòa Xuân: 2 tổ, 5 thành viên, 4 người đã liên kết tài khoản (80%)")) << text;
    EXPECT_TRUE(has(out, "• Tổ dân phố số 1: 3/4 đã liên kết; nhóm chat ✅")) << text;
    EXPECT_TRUE(has(out, "• Tổ dân phố số 2: 1/1 đã liên kết; ⚠️ chưa gắn nhóm chat"))
        << text;
    // A leader who has not linked holds the team back: named.
    member_store(*bot.db).unlink_account(channel::telegram, "200");
    EXPECT_TRUE(has(bot.say("900", "/thanhvien phường"),
                    "Tổ dân phố số 2: 0/1 đã liên kết (tổ trưởng chưa liên kết)"));
    // One team's list by name, and in a team's group that team's.
    EXPECT_TRUE(has(bot.say("900", "/thanhvien Tổ 2"), "Tổ dân phố số 2 — 1 thành viên"));
    EXPECT_TRUE(has(bot.say_in_group("-1001", "900", "/thanhvien"), "Tổ dân phố số 1 — 4 thành viên"));
    // Leaders do not get the ward's overview.
    EXPECT_TRUE(has(bot.say("100", "/thanhvien phuong"), "Tổ dân phố số 1 — 4 thành viên"));
}

} // namespace
} // namespace cnscd
