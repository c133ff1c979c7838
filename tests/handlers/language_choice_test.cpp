// /ngonngu (/lang) for people the roster does not know yet: a resident, a new volunteer, ward
// staff on first contact. They used to get Vietnamese and "link your account first" instead.

#include "storage/database.hpp"
#include "storage/registry.hpp"
#include "tests/support/test_bot.hpp"
#include "tests/support/two_team_ward.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <unistd.h>

namespace cnscd {
namespace {

using test::has;
using test::test_bot;
using test::to_chat;

struct language_choice : ::testing::Test, test::two_team_ward {
    // On the roster of team 1 (which has no group), not linked yet.
    std::int64_t newcomer = bot.member(ward, team1, "Hoàng Văn Em", "member", "", "+84905100005");

    incoming contact(const std::string& user, const std::string& phone) {
        incoming in;
        in.kind = incoming_kind::contact;
        in.chat = {channel::telegram, user};
        in.user_id = user;
        in.contact_phone = phone;
        in.contact_user_id = user;
        return in;
    }
};

TEST_F(language_choice, someone_not_linked_switches_to_english_in_private) {
    auto switched = test_bot::joined(bot.say("555", "/ngonngu en"));
    EXPECT_NE(switched.find("Switched to English."), std::string::npos) << switched;
    auto help = bot.say("555", "/giup");
    EXPECT_TRUE(has(help, "Member commands")) << test_bot::joined(help);
    EXPECT_TRUE(has(help, "Your account is not linked yet.")) << test_bot::joined(help);
    ASSERT_FALSE(help.empty());
    EXPECT_EQ(help[0].contact_button, "📱 Share my phone number");
    auto start = test_bot::joined(bot.say("555", "/start"));
    EXPECT_EQ(start.rfind("Hello", 0), 0u) << start;
    auto refused = test_bot::joined(bot.say("555", "/thongke"));
    EXPECT_NE(refused.find("I do not know which team you belong to yet."), std::string::npos) << refused;
    // And back.
    EXPECT_TRUE(has(bot.say("555", "/lang vi"), "Đã chuyển sang tiếng Việt."));
    EXPECT_TRUE(has(bot.say("555", "/help"), "Các lệnh của thành viên"));
}

// The first words a newcomer sees are Vietnamese: /start in private says, in the other
// language, how to switch; the team's group is not told.
TEST_F(language_choice, start_in_private_says_how_to_switch_in_the_other_language) {
    auto start = test_bot::joined(bot.say("555", "/start"));
    EXPECT_EQ(start.rfind("Xin chào", 0), 0u) << start;
    EXPECT_NE(start.find("English: /lang en"), std::string::npos) << start;
    bot.say("555", "/lang en");
    auto english = test_bot::joined(bot.say("555", "/start"));
    EXPECT_NE(english.find("Tiếng Việt: /lang vi"), std::string::npos) << english;
    EXPECT_EQ(english.find("English: /lang en"), std::string::npos) << english;
}

// The choice belongs to this chat account: another person, or the same number on another
// platform, still reads the ward's language.
TEST_F(language_choice, the_choice_is_this_accounts_only) {
    bot.say("555", "/ngonngu en");
    EXPECT_TRUE(has(bot.say("556", "/giup"), "Các lệnh của thành viên"));
    bot.platform = channel::zalo_bot;
    EXPECT_TRUE(has(bot.say("555", "/giup"), "Các lệnh của thành viên"));
}

TEST(language_choice_storage, the_choice_is_kept_across_a_restart) {
    auto path =
        (std::filesystem::temp_directory_path() / ("cnscd-language-" + std::to_string(::getpid()) + ".db"))
            .string();
    std::filesystem::remove(path);
    {
        test_bot bot({}, path);
        EXPECT_TRUE(has(bot.say("555", "/ngonngu en"), "Switched to English."));
    }
    test_bot again({}, path);
    again.next_update = 100; // update 1 was the first bot's, and would be a redelivery
    auto help = again.say("555", "/giup");
    EXPECT_TRUE(has(help, "Member commands")) << test_bot::joined(help);
    again.db.reset();
    for (auto suffix : {"", "-wal", "-shm"})
        std::filesystem::remove(path + suffix);
}

TEST_F(language_choice, the_choice_carries_over_when_the_account_is_linked) {
    bot.say("555", "/ngonngu en");
    auto linked = bot.deliver(contact("555", "84905100005"));
    EXPECT_TRUE(has(linked, "Account linked! Hello Hoàng Văn Em")) << test_bot::joined(linked);
    EXPECT_TRUE(has(bot.say("555", "/help"), "Member commands"));
    // What is sent to them privately later follows it too: a leader's reminder (team 1 has no
    // group, so it goes to each idle member privately).
    auto nudged = to_chat(bot.say("100", "/nhacnho"), "555");
    ASSERT_EQ(nudged.size(), 1u);
    EXPECT_TRUE(has(nudged, "A reminder to log your help")) << test_bot::joined(nudged);
    EXPECT_EQ(member_store(*bot.db).by_id(newcomer)->language, "en");
}

// A member who already chose (on another account they linked before) keeps their choice: it is
// what all their accounts and reminders follow, and /ngonngu changes it from any of them.
TEST_F(language_choice, a_members_own_choice_wins_over_the_one_made_before_linking) {
    member_store(*bot.db).set_language(newcomer, "vi");
    bot.say("555", "/ngonngu en");
    auto linked = bot.deliver(contact("555", "84905100005"));
    EXPECT_TRUE(has(linked, "Đã liên kết tài khoản! Chào Hoàng Văn Em")) << test_bot::joined(linked);
    EXPECT_TRUE(has(bot.say("555", "/help"), "Các lệnh của thành viên"));
    EXPECT_EQ(member_store(*bot.db).by_id(newcomer)->language, "vi");
    // And changing it now changes the member's setting.
    bot.say("555", "/lang en");
    EXPECT_EQ(member_store(*bot.db).by_id(newcomer)->language, "en");
}

TEST_F(language_choice, a_language_the_bot_does_not_have_is_explained_in_the_current_one) {
    auto fr = test_bot::joined(bot.say("555", "/ngonngu fr"));
    EXPECT_NE(fr.find("Tôi chưa có tiếng «fr». Gõ /ngonngu en để dùng tiếng Anh, hoặc /ngonngu vi"),
              std::string::npos)
        << fr;
    auto bare = test_bot::joined(bot.say("555", "/ngonngu"));
    EXPECT_NE(bare.find("Lệnh /ngonngu cần thêm thông tin. Ví dụ: /ngonngu en hoặc /ngonngu vi"),
              std::string::npos)
        << bare;
    bot.say("555", "/ngonngu en");
    auto fr_en = test_bot::joined(bot.say("555", "/lang fr"));
    EXPECT_NE(fr_en.find("I do not speak \"fr\" yet. Type /lang en for English, or /lang vi for Vietnamese."),
              std::string::npos)
        << fr_en;
    auto bare_en = test_bot::joined(bot.say("555", "/lang"));
    EXPECT_NE(bare_en.find("The command /lang needs more information. Example: /lang en or /lang vi"),
              std::string::npos)
        << bare_en;
}

// In a group it stays as it was: the roster must know who is asking first.
TEST_F(language_choice, in_a_group_someone_not_linked_is_still_sent_to_link_first) {
    bot.bind_group("-700", ward, team1);
    auto out = bot.say_in_group("-700", "555", "/ngonngu en");
    EXPECT_TRUE(has(out, "Tôi chưa biết bạn là thành viên tổ nào")) << test_bot::joined(out);
    EXPECT_TRUE(has(bot.say("555", "/giup"), "Các lệnh của thành viên"));
}

} // namespace
} // namespace cnscd
