#include "messages/command_examples.hpp"
#include "messages/command_names.hpp"
#include "messages/command_parser.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <variant>

namespace cnscd {
namespace {

TEST(command_names, a_near_miss_gets_a_suggestion) {
    EXPECT_EQ(nearest_command("thamm"), "tham");
    EXPECT_EQ(nearest_command("thongk"), "thongke");
    EXPECT_EQ(nearest_command("xyzxyzxyz"), "");
}

TEST(command_names, a_huge_unknown_command_is_cheap) {
    // Found with the fuzzer's timing: one 8 KB command word cost 50 ms of edit distances on the
    // writer thread, so a few such messages a second would stall every commit.
    std::string text = "/" + std::string(12000, 'a'); // Telegram allows 4,096 characters, ~12 KB
    parse_context ctx{"ToCNSBot", std::chrono::year_month_day{std::chrono::year{2026}, std::chrono::November,
                                                              std::chrono::day{24}}};
    auto t0 = std::chrono::steady_clock::now();
    for (int i = 0; i < 20; ++i) {
        auto c = parse_command(text, ctx);
        ASSERT_TRUE(std::holds_alternative<unknown_command>(c));
        EXPECT_EQ(std::get<unknown_command>(c).suggestion, "");
    }
    EXPECT_LT(std::chrono::steady_clock::now() - t0, std::chrono::milliseconds(500));
}

} // namespace
} // namespace cnscd

namespace cnscd {
namespace {

// Every command whose "needs more information" answer shows an example has an English one that
// starts with the command's English name, and /edit keeps the record number typed.
TEST(command_examples, english_readers_get_english_examples_with_english_command_names) {
    for (std::string_view name : {"tham", "buoi", "sua", "moi", "ma", "xoa", "doivaitro", "ngonngu",
                                  "tailieu_them", "thanhvien_them"}) {
        auto vi = "/" + std::string(name) + " ví dụ";
        auto en = command_example(language::en, name, vi);
        EXPECT_TRUE(en.starts_with("/" + std::string(command_word(name, true)) + " ")) << name << ": " << en;
        EXPECT_EQ(command_example(language::vi, name, vi), vi);
    }
    EXPECT_EQ(command_example(language::en, "sua", "/sua 7 số 8 ngõ 3, hướng dẫn VNeID"),
              "/edit 7 8 Lane 3, VNeID");
    EXPECT_EQ(command_word("hannop_them", true), "adddeadline");
    EXPECT_EQ(command_word("hannop_them", false), "hannop_them");
    for (auto& spec : command_specs()) // each English name reaches its command
        EXPECT_EQ(canonical_command(spec.english), spec.name) << spec.english;
}

} // namespace
} // namespace cnscd

namespace cnscd {
namespace {

// "/ngonngu tiếng Việt" was refused ("Chưa hỗ trợ ngôn ngữ «tiếng Việt»"): the language's name
// is two words, and only the first was compared with the names the bot knows.
TEST(command_names, a_language_named_in_two_words_is_understood) {
    parse_context ctx{"ToCNSBot", std::chrono::year_month_day{std::chrono::year{2026}, std::chrono::November,
                                                              std::chrono::day{24}}};
    auto language_of = [&](std::string_view text) -> std::string {
        auto c = parse_command(text, ctx);
        auto* l = std::get_if<cmd_language>(&c);
        return l ? l->language : "(not a language)";
    };
    EXPECT_EQ(language_of("/ngonngu tiếng Việt"), "vi");
    EXPECT_EQ(language_of("/ngon ngu tieng viet"), "vi");
    EXPECT_EQ(language_of("/ngônngữ Tiếng Anh"), "en");
    EXPECT_EQ(language_of("/language English"), "en");
    EXPECT_EQ(language_of("/lang Vietnamese"), "vi");
    EXPECT_EQ(language_of("/lang en"), "en");
    EXPECT_EQ(language_of("/lang tiếng Pháp"), "(not a language)");
}

} // namespace
} // namespace cnscd

namespace cnscd {
namespace {

// "/thanhvien them Lê Văn Tư, 0905123456" listed the members of a team named "them Lê Văn Tư..."
// and "/han nop them Rà soát; 22/4/2026" showed the deadlines, dropping what was typed: the
// shorter command's name was read first and the rest of the longer one became its arguments.
TEST(command_names, a_longer_command_typed_with_spaces_is_that_command) {
    parse_context ctx{"ToCNSBot", std::chrono::year_month_day{std::chrono::year{2026}, std::chrono::November,
                                                              std::chrono::day{24}}};
    auto added = parse_command("/thanhvien them Lê Văn Tư, 0905123456", ctx);
    ASSERT_TRUE(std::holds_alternative<cmd_add_member>(added)) << command_name(added);
    EXPECT_EQ(std::get<cmd_add_member>(added).name, "Lê Văn Tư");
    auto spaced = parse_command("/thành viên thêm Lê Văn Tư, 0905123456", ctx);
    ASSERT_TRUE(std::holds_alternative<cmd_add_member>(spaced)) << command_name(spaced);
    auto deadline = parse_command("/han nop them Rà soát danh sách; 22/4/2027", ctx);
    ASSERT_TRUE(std::holds_alternative<cmd_add_deadline>(deadline)) << command_name(deadline);
    EXPECT_EQ(std::get<cmd_add_deadline>(deadline).spec, "Rà soát danh sách; 22/4/2027");
    EXPECT_EQ(command_name(parse_command("/hannop thêm Rà soát; 22/4/2027", ctx)), "hannop_them");
    EXPECT_EQ(command_name(parse_command("/thông báo ds", ctx)), "thongbao_ds");
    EXPECT_EQ(command_name(parse_command("/tailieu them Cài VNeID", ctx)), "tailieu_them");
    parse_context private_chat = ctx;
    private_chat.private_chat = true;
    EXPECT_EQ(command_name(parse_command("thành viên thêm Lê Văn Tư, 0905123456", private_chat)),
              "thanhvien_them");
    // The shorter commands with their own arguments are unchanged.
    auto members = parse_command("/thanhvien Tổ 2", ctx);
    ASSERT_TRUE(std::holds_alternative<cmd_members>(members));
    EXPECT_EQ(std::get<cmd_members>(members).team, "Tổ 2");
    auto visit = parse_command("/tham hộ bà Năm số 8, cài VNeID", ctx);
    ASSERT_TRUE(std::holds_alternative<cmd_visit>(visit));
    EXPECT_NE(std::get<cmd_visit>(visit).details.place.find("hộ"), std::string::npos);
    EXPECT_EQ(command_name(parse_command("buổi hướng dẫn ở nhà văn hóa, 30 người", private_chat)), "");
    // "/nhắc nhở tuần" was "/nhac" (short for /nhacnho) with the period "nhở": "Không rõ «nho»".
    auto nudge = parse_command("/nhắc nhở tuần", ctx);
    ASSERT_TRUE(std::holds_alternative<cmd_nudge>(nudge)) << command_name(nudge);
    EXPECT_EQ(std::get<cmd_nudge>(nudge).period, period_kind::week);
    EXPECT_EQ(std::get<cmd_nudge>(nudge).team, "");
}

} // namespace
} // namespace cnscd

namespace cnscd {
namespace {

// English readers are told "Visit no. 125 recorded" and typed "/undo no. 125" back: refused as
// "not the number of a record", while "/huy số 125" worked for Vietnamese ones.
TEST(command_names, a_record_is_named_as_the_english_confirmation_shows_it) {
    parse_context ctx{"ToCNSBot", std::chrono::year_month_day{std::chrono::year{2026}, std::chrono::November,
                                                              std::chrono::day{24}}};
    auto undo = parse_command("/undo no. 125", ctx);
    ASSERT_TRUE(std::holds_alternative<cmd_undo>(undo)) << command_name(undo);
    EXPECT_EQ(std::get<cmd_undo>(undo).record_no, 125);
    auto photo = parse_command("/photo No 125", ctx);
    ASSERT_TRUE(std::holds_alternative<cmd_photo>(photo)) << command_name(photo);
    EXPECT_EQ(std::get<cmd_photo>(photo).record_no, 125);
    auto edit = parse_command("/edit no. 125 3 people", ctx);
    ASSERT_TRUE(std::holds_alternative<cmd_edit>(edit)) << command_name(edit);
    EXPECT_EQ(std::get<cmd_edit>(edit).record_no, 125);
    EXPECT_EQ(std::get<cmd_edit>(edit).details.people, 3);
    EXPECT_EQ(std::get<cmd_undo>(parse_command("/huy số 125", ctx)).record_no, 125);
}

} // namespace
} // namespace cnscd

namespace cnscd {
namespace {

// "/broadcast at 2pm tomorrow ..." was refused ("The time "2pm" is not valid"): only the
// Vietnamese ways of writing a time were read, "14h" or "2h chiều".
TEST(command_names, a_broadcast_time_may_be_written_the_english_way) {
    using namespace std::chrono;
    constexpr year_month_day today{year{2026}, November, day{24}};
    parse_context ctx{"ToCNSBot", today};
    auto minutes_on = [](year_month_day d, int h, int m) {
        return static_cast<std::int64_t>(sys_days{d}.time_since_epoch().count()) * 1440 + h * 60 + m;
    };
    year_month_day tomorrow{sys_days{today} + days{1}};
    struct {
        const char* text;
        std::int64_t at;
        const char* words;
    } const cases[] = {
        {"/broadcast at 2pm tomorrow Leaders' meeting", minutes_on(tomorrow, 14, 0), "2pm tomorrow"},
        {"/broadcast at 7:30 pm 25/12 Leaders' meeting",
         minutes_on(year_month_day{year{2026}, December, day{25}}, 19, 30), "7:30 pm 25/12"},
        {"/broadcast at 12:15am tomorrow Leaders' meeting", minutes_on(tomorrow, 0, 15), "12:15am tomorrow"},
        {"/broadcast 9am tomorrow Leaders' meeting", minutes_on(tomorrow, 9, 0), "9am tomorrow"},
        {"/thongbao lúc 2h chiều mai Họp tổ trưởng", minutes_on(tomorrow, 14, 0), "2h chiều mai"},
    };
    for (auto& c : cases) {
        auto cmd = parse_command(c.text, ctx);
        auto* b = std::get_if<cmd_broadcast>(&cmd);
        ASSERT_NE(b, nullptr) << c.text << " -> " << command_name(cmd);
        ASSERT_TRUE(b->at_local_minutes) << c.text << " -> " << b->at_words;
        EXPECT_EQ(*b->at_local_minutes, c.at) << c.text;
        EXPECT_EQ(b->at_words, c.words) << c.text;
        EXPECT_EQ(b->text.find("am"), std::string::npos) << c.text << " -> " << b->text;
    }
    auto bad = parse_command("/broadcast at 14:00pm tomorrow Meeting", ctx);
    ASSERT_TRUE(std::holds_alternative<command_error>(bad));
    EXPECT_EQ(std::get<command_error>(bad).reason, "error_bad_time");
}

} // namespace
} // namespace cnscd
