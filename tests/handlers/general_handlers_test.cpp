#include "handlers/handlers.hpp"
#include "messages/command_names.hpp"
#include "tests/support/test_bot.hpp"

#include <gtest/gtest.h>

namespace cnscd {
namespace {

using test::test_bot;

TEST(general_handlers, start_greets_in_vietnamese_and_offers_phone_sharing_to_strangers) {
    test_bot bot;
    auto out = bot.say("42", "/start");
    ASSERT_EQ(out.size(), 1u);
    auto text = test_bot::joined(out);
    EXPECT_NE(text.find("Xin chào"), std::string::npos);
    EXPECT_NE(text.find("/tham"), std::string::npos);
    EXPECT_NE(text.find("chưa liên kết"), std::string::npos);
    EXPECT_FALSE(out[0].contact_button.empty());
}

// An older person's first message is a greeting or a question, typed without tone marks: they
// got "Tôi chưa hiểu ý bạn" and no word on how to start or link.
TEST(general_handlers, a_greeting_or_how_do_i_start_gets_the_welcome_and_how_to_link) {
    test_bot bot;
    for (auto said : {"chao chau", "Xin chào!", "alo", "toi la Tu o to 1, lam sao de dung", "giup toi voi"}) {
        auto out = bot.say("42", said);
        ASSERT_EQ(out.size(), 1u) << said;
        auto text = test_bot::joined(out);
        EXPECT_NE(text.find("Xin chào"), std::string::npos) << said << ": " << text;
        EXPECT_NE(text.find("chưa liên kết"), std::string::npos) << said << ": " << text;
        EXPECT_EQ(text.find("chưa hiểu"), std::string::npos) << said << ": " << text;
        EXPECT_FALSE(out[0].contact_button.empty()) << said;
    }
    // Anything else is still answered that it was not understood.
    EXPECT_NE(test_bot::joined(bot.say("42", "bao nhieu tien")).find("chưa hiểu"), std::string::npos);
}

TEST(general_handlers, on_zalo_strangers_are_told_to_use_an_invite_code_not_a_button) {
    for (auto platform : {channel::zalo_oa, channel::zalo_bot}) {
        test_bot bot;
        bot.platform = platform;
        auto text = test_bot::joined(bot.say("6142494823123456789", "/start"));
        EXPECT_NE(text.find("chưa liên kết"), std::string::npos) << text;
        EXPECT_NE(text.find("/ma"), std::string::npos) << text;
        EXPECT_EQ(text.find("Chia sẻ số điện thoại"), std::string::npos)
            << "Zalo has no such button: " << text;
        auto member_only = test_bot::joined(bot.say("6142494823123456789", "/thongke"));
        EXPECT_NE(member_only.find("/ma"), std::string::npos) << member_only;
        EXPECT_EQ(member_only.find("Chia sẻ số điện thoại"), std::string::npos) << member_only;
    }
}

// A Zalo OA follow carries no name: the greeting read "Xin chào ! Tôi là ...".
TEST(general_handlers, a_greeting_without_a_name_has_no_gap_before_the_mark) {
    test_bot bot;
    bot.platform = channel::zalo_oa;
    incoming in;
    in.kind = incoming_kind::follow;
    in.chat = {channel::zalo_oa, "6142494823199999999"};
    in.user_id = in.chat.chat_id;
    auto text = test_bot::joined(bot.deliver(in));
    EXPECT_EQ(text.rfind("Xin chào! Tôi là", 0), 0u) << text;
    auto named = test_bot::joined(bot.say("6142494823123456789", "/start"));
    EXPECT_EQ(named.rfind("Xin chào User 6142494823123456789! Tôi là", 0), 0u) << named;
}

TEST(general_handlers, help_for_a_leader_lists_leader_commands_but_not_staff_ones) {
    test_bot bot;
    auto w = bot.ward("Phường Hòa Xuân");
    auto t = bot.team(w, "Tổ dân phố số 1");
    bot.member(w, t, "Trần Văn Bình", "leader", "7");
    auto text = test_bot::joined(bot.say("7", "/giup"));
    EXPECT_NE(text.find("/baocao"), std::string::npos);
    EXPECT_EQ(text.find("/thongbao"), std::string::npos);
}

TEST(general_handlers, help_works_with_accents_and_addressed_to_us_in_groups) {
    test_bot bot;
    EXPECT_NE(test_bot::joined(bot.say_in_group("-100", "9", "/giup@ToCNSBot")).find("/tham"),
              std::string::npos);
    EXPECT_NE(test_bot::joined(bot.say("9", "/help")).find("/tham"), std::string::npos);
    EXPECT_NE(test_bot::joined(bot.say("9", "giúp")).find("/tham"), std::string::npos);
}

TEST(general_handlers, help_on_one_command_explains_its_forms) {
    test_bot bot;
    auto w = bot.ward("Phường Hòa Xuân");
    auto t = bot.team(w, "Tổ dân phố số 1");
    bot.member(w, t, "Trần Văn Bình", "leader", "7");
    auto visit = test_bot::joined(bot.say("7", "/giup tham"));
    EXPECT_NE(visit.find("phần trước dấu phẩy đầu tiên"), std::string::npos) << visit;
    EXPECT_NE(visit.find("trong 60 ngày"), std::string::npos) << visit;
    // Aliases, a slash, accents and two words all reach the same command.
    EXPECT_EQ(test_bot::joined(bot.say("7", "/giup /visit")), visit);
    auto stats = test_bot::joined(bot.say("7", "/giup thống kê"));
    EXPECT_NE(stats.find("thống kê của tổ"), std::string::npos) << stats;
    EXPECT_NE(stats.find("«quý III»"), std::string::npos) << "the period forms follow";
    EXPECT_NE(test_bot::joined(bot.say("7", "/giup huy")).find("trong 24 giờ"), std::string::npos);
    // Words after the command's name are what it is typed with: its help still, not the full list.
    auto report = test_bot::joined(bot.say("7", "/giup baocao"));
    EXPECT_NE(report.find("/baocao phuong"), std::string::npos) << report;
    EXPECT_EQ(test_bot::joined(bot.say("7", "/giup baocao phuong")), report);
    EXPECT_EQ(test_bot::joined(bot.say("7", "/giup /bao cao phường")), report);
    EXPECT_EQ(test_bot::joined(bot.say("7", "/giup thống kê tháng trước")), stats);
    // Something without its own page: its line from the list, not the whole list again.
    auto other = test_bot::joined(bot.say("7", "/giup lienket"));
    EXPECT_NE(other.find("/lienket — gắn nhóm chat này với tổ"), std::string::npos) << other;
    EXPECT_NE(other.find("Dành cho tổ trưởng"), std::string::npos) << "who may use it: " << other;
    EXPECT_EQ(other.find("/tham"), std::string::npos) << other;
    EXPECT_EQ(other.find("Chưa có hướng dẫn"), std::string::npos) << other;
    // English.
    bot.say("7", "/ngonngu en");
    auto english = test_bot::joined(bot.say("7", "/help edit"));
    EXPECT_NE(english.find("Write only what changes"), std::string::npos) << english;
}

// Ward staff asking "/giup thongbao" got one line of the list, without the forms that pick
// teams, attach a guide or schedule an announcement; leaders asking about /nhacnho and members
// about /anh were in the same place.
TEST(general_handlers, help_on_broadcast_nudge_and_photo_explains_their_forms) {
    config c;
    c.telegram.quiet.start_hour = 21;
    c.telegram.quiet.end_hour = 7;
    test_bot bot(c);
    auto w = bot.ward("Phường Hòa Xuân");
    auto t = bot.team(w, "Tổ dân phố số 1");
    bot.member(w, t, "Trần Văn Bình", "leader", "7");
    auto broadcast = test_bot::joined(bot.say("7", "/giup thongbao"));
    for (auto form : {"@to1,to3", "chua-bao-cao", "tailieu vneid", "lúc 07:30 25/12", "Từ 21:00 đến 07:00"})
        EXPECT_NE(broadcast.find(form), std::string::npos) << form << ": " << broadcast;
    auto nudge = test_bot::joined(bot.say("7", "/giup nhắc nhở"));
    EXPECT_NE(nudge.find("/nhacnho Tổ 3 tuần"), std::string::npos) << nudge;
    EXPECT_NE(nudge.find("12 giờ"), std::string::npos) << nudge;
    auto photo = test_bot::joined(bot.say("7", "/giup anh"));
    EXPECT_NE(photo.find("nhiều nhất 10 ảnh"), std::string::npos) << photo;
    // Without quiet hours there is nothing to wait for.
    c.telegram.quiet.enabled = false;
    test_bot always(c);
    auto w2 = always.ward("Phường Hòa Xuân");
    always.member(w2, always.team(w2, "Tổ dân phố số 1"), "Trần Văn Bình", "leader", "7");
    EXPECT_EQ(test_bot::joined(always.say("7", "/giup thongbao")).find("Từ 21:00"), std::string::npos);
    always.say("7", "/ngonngu en");
    auto english = test_bot::joined(always.say("7", "/help broadcast"));
    EXPECT_NE(english.find("/broadcast not-reported"), std::string::npos) << english;
}

// "/ngonngu fr" was answered "Lệnh /ngonngu cần thêm thông tin", which did not say that "fr"
// was the problem.
TEST(general_handlers, an_unknown_language_is_named_with_the_two_there_are) {
    test_bot bot;
    auto w = bot.ward("Phường Hòa Xuân");
    bot.member(w, bot.team(w, "Tổ dân phố số 1"), "Trần Văn Bình", "member", "7");
    auto vi = test_bot::joined(bot.say("7", "/ngonngu fr"));
    EXPECT_NE(vi.find("Tôi chưa có tiếng «fr»"), std::string::npos) << vi;
    EXPECT_NE(vi.find("/ngonngu en"), std::string::npos) << vi;
    auto missing = test_bot::joined(bot.say("7", "/ngonngu"));
    EXPECT_NE(missing.find("/ngonngu en hoặc /ngonngu vi"), std::string::npos) << missing;
    bot.say("7", "/ngonngu en");
    auto en = test_bot::joined(bot.say("7", "/lang klingon"));
    EXPECT_NE(en.find("I do not speak \"klingon\" yet"), std::string::npos) << en;
}

// "/giup <command>" used to answer "no detailed help for «hannop» yet" and the whole list for
// every command without a page of its own, and the same for a word that is no command at all.
TEST(general_handlers, help_on_any_command_answers_about_that_command) {
    for (auto lang : {"vi", "en"}) {
        test_bot bot;
        auto w = bot.ward("Phường Hòa Xuân");
        auto t = bot.team(w, "Tổ dân phố số 1");
        bot.member(w, t, "Trần Văn Bình", "member", "7");
        bot.say("7", std::string("/ngonngu ") + lang);
        bool english = std::string(lang) == "en";
        for (auto& spec : command_specs()) {
            auto shown = "/" + std::string(command_word(spec.name, english));
            auto text = test_bot::joined(bot.say("7", "/giup " + std::string(spec.name)));
            EXPECT_NE(text.find(shown + " "), std::string::npos) << lang << " " << spec.name << ": " << text;
            EXPECT_EQ(text.find(english ? "There is no" : "Không có lệnh"), std::string::npos)
                << lang << " " << spec.name << ": " << text;
            EXPECT_LT(text.size(), 1500u) << "one command, not the whole list: " << spec.name;
        }
    }
}

TEST(general_handlers, help_on_a_misspelt_or_unknown_command_says_so) {
    test_bot bot;
    auto w = bot.ward("Phường Hòa Xuân");
    auto t = bot.team(w, "Tổ dân phố số 1");
    bot.member(w, t, "Trần Văn Bình", "member", "7");
    auto misspelt = test_bot::joined(bot.say("7", "/giup thamm"));
    EXPECT_NE(misspelt.find("Không có lệnh «thamm». Có phải ý bạn là /tham?"), std::string::npos) << misspelt;
    EXPECT_NE(misspelt.find("phần trước dấu phẩy đầu tiên"), std::string::npos) << misspelt;
    auto unknown = test_bot::joined(bot.say("7", "/giup xyzxyz"));
    EXPECT_NE(unknown.find("Không có lệnh «xyzxyz». Các lệnh:"), std::string::npos) << unknown;
    EXPECT_NE(unknown.find("/tham"), std::string::npos) << unknown;
    auto staff_only = test_bot::joined(bot.say("7", "/giup hannop_them"));
    EXPECT_NE(staff_only.find("Dành cho cán bộ phường"), std::string::npos) << staff_only;
    EXPECT_EQ(staff_only.find("/hannop —"), std::string::npos) << "not /hannop's line: " << staff_only;
}

// Ward staff's own commands came after the members' and the leaders', some thirty lines down on
// a phone; a leader's and a member's lists keep the member's commands first.
TEST(general_handlers, help_puts_ward_staffs_own_commands_first) {
    test_bot bot;
    auto w = bot.ward("Phường Hòa Xuân");
    auto t = bot.team(w, "Tổ dân phố số 1");
    bot.member(w, t, "Trần Văn Bình", "leader", "7");
    bot.member(w, 0, "Ngô Thị Hạnh", "ward_staff", "900");
    auto staff = test_bot::joined(bot.say("900", "/giup"));
    ASSERT_NE(staff.find("Dành cho cán bộ phường"), std::string::npos) << staff;
    EXPECT_EQ(staff.find("Dành cho cán bộ phường"), staff.find_first_not_of("<b>")) << staff;
    EXPECT_LT(staff.find("Dành cho tổ trưởng"), staff.find("Các lệnh của thành viên")) << staff;
    auto leader = test_bot::joined(bot.say("7", "/giup"));
    EXPECT_LT(leader.find("Các lệnh của thành viên"), leader.find("Dành cho tổ trưởng")) << leader;
    EXPECT_EQ(leader.find("Dành cho cán bộ phường"), std::string::npos) << leader;
}

// The list said "trong 24 giờ" for /huy whatever undo_window_hours the ward had set.
TEST(general_handlers, help_list_gives_the_configured_undo_window) {
    config c;
    c.undo_window_hours = 48;
    test_bot bot(c);
    auto w = bot.ward("Phường Hòa Xuân");
    auto t = bot.team(w, "Tổ dân phố số 1");
    bot.member(w, t, "Trần Văn Bình", "member", "7");
    auto text = test_bot::joined(bot.say("7", "/giup"));
    EXPECT_NE(text.find("(trong 48 giờ)"), std::string::npos) << text;
    bot.say("7", "/ngonngu en");
    text = test_bot::joined(bot.say("7", "/help"));
    EXPECT_NE(text.find("(within 48 hours)"), std::string::npos) << text;
}

TEST(general_handlers, commands_for_another_bot_are_ignored) {
    test_bot bot;
    EXPECT_TRUE(bot.say_in_group("-100", "9", "/giup@OtherBot").empty());
}

TEST(general_handlers, unknown_command_suggests_the_nearest) {
    test_bot bot;
    auto text = test_bot::joined(bot.say("9", "/thongek"));
    EXPECT_NE(text.find("/thongke"), std::string::npos);
}

TEST(general_handlers, unlinked_user_gets_onboarding_instead_of_a_member_command) {
    test_bot bot;
    auto text = test_bot::joined(bot.say("9", "/toi"));
    EXPECT_NE(text.find("liên kết"), std::string::npos);
}

TEST(general_handlers, member_cannot_run_a_staff_command_and_is_told_who_can) {
    test_bot bot;
    auto w = bot.ward("Phường Hòa Xuân");
    auto t = bot.team(w, "Tổ dân phố số 1");
    bot.member(w, t, "Lê Thị Cúc", "member", "8");
    auto text = test_bot::joined(bot.say("8", "/thongbao Họp tổ lúc 8 giờ"));
    EXPECT_NE(text.find("cán bộ phường"), std::string::npos);
}

TEST(general_handlers, a_voice_note_in_private_is_answered_that_nothing_was_recorded) {
    test_bot bot;
    auto w = bot.ward("Phường Hòa Xuân");
    auto t = bot.team(w, "Tổ dân phố số 1");
    bot.member(w, t, "Lê Thị Cúc", "member", "8");
    bot.bind_group("-100", w, t);
    incoming voice;
    voice.kind = incoming_kind::message;
    voice.chat = {channel::telegram, "8"};
    voice.user_id = "8";
    voice.unreadable = true;
    auto text = test_bot::joined(bot.deliver(voice));
    EXPECT_NE(text.find("Chưa có gì được ghi"), std::string::npos) << text;
    EXPECT_NE(text.find("/tham"), std::string::npos) << text;
    // In the team's group a sticker is chatter among members: the bot stays quiet.
    voice.chat = {channel::telegram, "-100"};
    voice.chat_type = chat_kind::group;
    voice.update_key.clear();
    EXPECT_TRUE(bot.deliver(voice).empty());
}

TEST(general_handlers, a_button_the_bot_no_longer_knows_is_answered_to_the_one_who_pressed_it) {
    test_bot bot;
    auto out = bot.press("9", "rpt:submit:99", "-100");
    ASSERT_EQ(out.size(), 1u);
    EXPECT_EQ(out[0].kind, outgoing_kind::answer_choice);
    EXPECT_NE(out[0].text.find("Nút này không còn dùng được"), std::string::npos) << out[0].text;
}

TEST(general_handlers, duplicate_update_produces_nothing) {
    test_bot bot;
    incoming in;
    in.kind = incoming_kind::message;
    in.chat = {channel::telegram, "5"};
    in.user_id = "5";
    in.text = "/start";
    in.update_key = "777";
    EXPECT_EQ(bot.deliver(in).size(), 1u);
    EXPECT_TRUE(bot.deliver(in).empty());
}

TEST(general_handlers, language_switch_changes_replies_to_english) {
    test_bot bot;
    auto w = bot.ward("Phường Hòa Xuân");
    auto t = bot.team(w, "Tổ dân phố số 1");
    bot.member(w, t, "Lê Thị Cúc", "member", "8");
    EXPECT_NE(test_bot::joined(bot.say("8", "/ngonngu en")).find("English"), std::string::npos);
    EXPECT_NE(test_bot::joined(bot.say("8", "/help")).find("Member commands"), std::string::npos);
    // Replies name commands the way an English reader types them.
    auto refused = test_bot::joined(bot.say("8", "/adddeadline Roster review; 22/12/2026"));
    EXPECT_NE(refused.find("The command /adddeadline is only for"), std::string::npos) << refused;
    auto typo = test_bot::joined(bot.say("8", "/vist 12 Lane 5, VNeID"));
    EXPECT_NE(typo.find("Did you mean /visit?"), std::string::npos) << typo;
    auto missing = test_bot::joined(bot.say("8", "/visit"));
    EXPECT_NE(missing.find("/visit"), std::string::npos) << missing;
    EXPECT_EQ(missing.find("/tham "), std::string::npos) << missing;
}

} // namespace
} // namespace cnscd
