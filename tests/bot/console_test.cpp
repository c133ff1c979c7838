// `cnscd-bot chat`, the console the README offers for trying the bot: what someone trying it as
// several members of a ward sees.

#include "bot/app.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace cnscd {
namespace {

struct console_chat : ::testing::Test {
    std::filesystem::path dir = std::filesystem::temp_directory_path() /
                                ("cnscd-console-" + std::to_string(::getpid()) + "-" +
                                 ::testing::UnitTest::GetInstance()->current_test_info()->name());
    config cfg;

    void SetUp() override {
        std::filesystem::remove_all(dir);
        std::filesystem::create_directories(dir);
        cfg.storage.db_path = (dir / "bot.db").string();
        auto roster = (dir / "roster.csv").string();
        std::ofstream(roster, std::ios::binary)
            << "TT,Họ tên,Chức vụ tổ/xóm/đơn vị công tác,Chức vụ Tổ CNSCĐ,SĐT,CCCD,Khu vực phụ trách,Ghi "
               "chú,Tổ dân phố\n"
               "1,Trần Văn Bình,,Tổ trưởng,0905100001,,,,Tổ dân phố số 1\n"
               "2,Võ Thị Giang,,Tổ trưởng,0905100006,,,,Tổ dân phố số 2\n";
        roster_import_request request;
        request.file = roster;
        request.ward = "Phường Hải Châu";
        ::testing::internal::CaptureStdout();
        auto code = run_import_roster(cfg, request);
        ::testing::internal::GetCapturedStdout();
        ASSERT_EQ(code, 0);
    }
    void TearDown() override { std::filesystem::remove_all(dir); }

    std::string chat(const std::string& phone, const std::string& typed) {
        std::istringstream input(typed);
        std::ostringstream out;
        EXPECT_EQ(run_chat(cfg, phone, input, out), 0);
        return out.str();
    }
    std::string chat_as_guest(const std::string& typed) {
        std::istringstream input(typed);
        std::ostringstream out;
        EXPECT_EQ(run_chat(cfg, std::nullopt, input, out), 0);
        return out.str();
    }
};

// One console "group" was every team's: the first leader's /lienket bound it to their team, and
// the next leader tried was told it belonged to that team and only ward staff could change it.
TEST_F(console_chat, each_team_has_its_own_group_chat) {
    auto first = chat("0905100001", "/nhom\n/lienket\n");
    EXPECT_NE(first.find("Đang ở Nhóm Tổ dân phố số 1 (console)."), std::string::npos) << first;
    EXPECT_NE(first.find("Đã gắn nhóm này với Tổ dân phố số 1"), std::string::npos) << first;
    auto second = chat("0905100006", "/nhom\n/lienket\n");
    EXPECT_NE(second.find("Đã gắn nhóm này với Tổ dân phố số 2"), std::string::npos) << second;
    EXPECT_EQ(second.find("đang gắn với"), std::string::npos) << second;
    // Back as the first leader: their group is still theirs.
    auto again = chat("0905100001", "/nhom\n/lienket\n");
    EXPECT_NE(again.find("Nhóm này đã gắn với Tổ dân phố số 1 rồi"), std::string::npos) << again;
}

// "/nhóm" typed with its diacritics (or "/Group ") went to the bot, which answered that it knows
// no such command, while every command of the bot's own works with or without them.
TEST_F(console_chat, the_group_switch_is_read_with_diacritics_and_any_case) {
    auto out = chat("0905100001", "/nhóm\n/lienket\n");
    EXPECT_NE(out.find("Đang ở Nhóm Tổ dân phố số 1 (console)."), std::string::npos) << out;
    EXPECT_NE(out.find("Đã gắn nhóm này với Tổ dân phố số 1"), std::string::npos) << out;
    auto back = chat("0905100001", "/nhom\n /Nhóm \n");
    EXPECT_NE(back.find("Đang nhắn riêng với bot."), std::string::npos) << back;
    auto english = chat("0905100006", "/lang en\n/Group\n");
    EXPECT_NE(english.find("Now in Tổ dân phố số 2 group (console)."), std::string::npos) << english;
}

// /thanhvien leaves console logins out of "linked" (nothing sent to a member reaches the
// console); whoever tries the bot is told, not left to wonder why the count did not move.
TEST_F(console_chat, the_greeting_says_a_console_login_does_not_count_as_linked) {
    auto out = chat("0905100001", "/thanhvien\n");
    EXPECT_NE(out.find("/thanhvien không tính là đã liên kết"), std::string::npos) << out;
    EXPECT_NE(out.find("0/1 đã liên kết"), std::string::npos) << out;
}

// The console spoke only Vietnamese: after /ngonngu en its greeting, prompt and group switch
// stayed Vietnamese around the bot's English replies.
TEST_F(console_chat, speaks_english_once_the_member_chose_it) {
    auto first = chat("0905100001", "/ngonngu en\n/nhom\n");
    EXPECT_NE(first.find("Switched to English."), std::string::npos) << first;
    EXPECT_NE(first.find("you: "), std::string::npos) << first;
    EXPECT_NE(first.find("Now in Tổ dân phố số 1 group (console)."), std::string::npos) << first;
    EXPECT_EQ(first.find("Đang ở"), std::string::npos) << first;
    auto again = chat("0905100001", "/group\n");
    EXPECT_NE(again.find("You are chatting with the bot as Trần Văn Bình (team leader)."), std::string::npos)
        << again;
    EXPECT_NE(again.find("Type /help for the commands"), std::string::npos) << again;
    EXPECT_NE(again.find("[group] you: "), std::string::npos) << again;
    EXPECT_EQ(again.find("bạn: "), std::string::npos) << again;
}

// Someone trying the bot without --as chooses a language for the console account.
TEST_F(console_chat, a_guest_who_chose_english_is_greeted_in_english) {
    chat_as_guest("/lang en\n");
    auto out = chat_as_guest("/help\n");
    EXPECT_NE(out.find("You are chatting with the bot as someone not linked yet"), std::string::npos) << out;
    EXPECT_EQ(out.find("Bạn đang trò chuyện"), std::string::npos) << out;
}

// Without a choice, the console reads as it always did.
TEST_F(console_chat, a_guest_is_greeted_in_vietnamese_by_default) {
    auto out = chat_as_guest("/nhom\n");
    EXPECT_NE(out.find("Bạn đang trò chuyện với bot như một người chưa liên kết"), std::string::npos) << out;
    EXPECT_NE(out.find("Đang ở Nhóm (console)."), std::string::npos) << out;
    EXPECT_NE(out.find("[nhóm] bạn: "), std::string::npos) << out;
}

} // namespace
} // namespace cnscd
