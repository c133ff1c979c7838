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
