// Splitting a long answer: every part must be a text the platform accepts on its own.

#include "messages/markup.hpp"

#include <gtest/gtest.h>

#include <string>

namespace cnscd {
namespace {

std::size_t utf16_units(std::string_view plain) {
    std::size_t n = 0;
    for (unsigned char c : plain)
        n += (c & 0xC0) == 0x80 ? 0 : (c >= 0xF0 ? 2 : 1);
    return n;
}

// Telegram answers 400 "can't parse entities" to a part whose tags do not match.
TEST(markup_split, each_part_closes_the_tags_it_opens_and_the_next_reopens_them) {
    std::string text = "<b>Thông báo</b>\n<i>";
    for (int i = 0; i < 900; ++i)
        text += "lời nhắn ";
    text += "</i>\nHết.";
    auto parts = markup::split(text, 4096);
    ASSERT_GE(parts.size(), 2u);
    EXPECT_TRUE(parts[0].ends_with("</i>")) << parts[0].substr(parts[0].size() - 40);
    EXPECT_TRUE(parts[1].starts_with("<i>")) << parts[1].substr(0, 40);
    std::string plain;
    for (auto& p : parts)
        plain += markup::to_plain(p);
    EXPECT_EQ(plain.size(), markup::to_plain(text).size() - (parts.size() - 1)); // the spaces cut at
}

// Telegram and Zalo count UTF-16 units: an emoji beyond the BMP is two.
TEST(markup_split, parts_are_measured_in_utf16_units) {
    std::string text;
    for (int i = 0; i < 3000; ++i)
        text += "😀";
    auto parts = markup::split(text, 4096);
    ASSERT_EQ(parts.size(), 2u);
    for (auto& p : parts)
        EXPECT_LE(utf16_units(p), 4096u);
    EXPECT_EQ(parts[0] + parts[1], text); // no emoji cut in half
}

// A right-to-left override (U+202E) in a name or an address, echoed in the bot's line, would
// show the rest of that line in reverse.
TEST(markup_escape, direction_controls_from_users_are_dropped) {
    EXPECT_EQ(markup::escape("nhà bà Tư \u202eRTL & <b>"), "nhà bà Tư RTL &amp; &lt;b&gt;");
    EXPECT_EQ(markup::escape("a\u2066b\u2069c\u202a"), "abc");
    EXPECT_EQ(markup::escape("محمد Hoàng\u200bVăn —"), "محمد Hoàng\u200bVăn —"); // other characters stay
}

} // namespace
} // namespace cnscd
