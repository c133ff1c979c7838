#include "messages/text_fold.hpp"

#include <gtest/gtest.h>
#include <utf8proc.h>

#include <cstdlib>
#include <random>
#include <string>

using cnscd::fold;

TEST(text_fold, vietnamese_words_match_without_accents_or_case) {
    EXPECT_EQ(fold("Báo Cáo"), "bao cao");
    EXPECT_EQ(fold("ĐỊNH DANH điện tử"), "dinh danh dien tu");
    EXPECT_EQ(fold("Hướng dẫn cài VNeID"), "huong dan cai vneid");
    EXPECT_EQ(fold("Dịch vụ công trực tuyến"), "dich vu cong truc tuyen");
    EXPECT_EQ(fold("lừa đảo qua mạng"), "lua dao qua mang");
    EXPECT_EQ(fold("/THAM@Bench_Bot"), "/tham@bench_bot");
}

TEST(text_fold, decomposed_input_folds_like_composed_input) {
    // Some keyboards send the tone mark as a separate combining character.
    EXPECT_EQ(fold("ba\xCC\x81o ca\xCC\x81o"), "bao cao");
    EXPECT_EQ(fold("ho\xCC\x9B\xCC\x81ng"), "hong");
}

TEST(text_fold, other_scripts_and_symbols_are_kept) {
    EXPECT_EQ(fold("Straße"), "strasse");
    EXPECT_EQ(fold("ΑΒΓ"), "αβγ");
    EXPECT_EQ(fold("Привет"), "привет");
    EXPECT_EQ(fold("QR 👍 ✓"), "qr 👍 ✓");
}

// One cut for a list's long name and a message quoted back: by characters, never inside one.
TEST(text_fold, cut_after_chars_counts_characters_not_bytes) {
    EXPECT_EQ(cnscd::cut_after_chars("Tổ dân phố số 1", 15), "Tổ dân phố số 1");
    EXPECT_EQ(cnscd::cut_after_chars("Tổ dân phố số 1", 14), "Tổ dân phố số …");
    EXPECT_EQ(cnscd::cut_after_chars("Tổ dân phố số 1", 2), "Tổ…");
    EXPECT_EQ(cnscd::cut_after_chars("👍👍👍", 2), "👍👍…");
    EXPECT_EQ(cnscd::cut_after_chars("", 5), "");
    std::string long_text;
    for (int i = 0; i < 100; ++i)
        long_text += "ướ";
    auto cut = cnscd::cut_after_chars(long_text, 61);
    EXPECT_EQ(cnscd::utf8_length(cut), 62u);
    EXPECT_TRUE(cnscd::valid_utf8(cut));
}

TEST(text_fold, invalid_bytes_become_the_replacement_character) {
    EXPECT_EQ(fold("ab\xFF"
                   "c"),
              "ab\xEF\xBF\xBD"
              "c");
    EXPECT_EQ(fold("\xC3"), "\xEF\xBF\xBD");
}

// The per-character table must give what utf8proc gives for a whole string.
TEST(text_fold, agrees_with_utf8proc_on_random_text) {
    std::mt19937 rng(11);
    const char32_t ranges[][2] = {{0x20, 0x7E},   {0xC0, 0x24F},  {0x300, 0x36F},   {0x1EA0, 0x1EF9},
                                  {0x391, 0x3C9}, {0x410, 0x44F}, {0x2000, 0x2BFF}, {0x1F300, 0x1F5FF}};
    for (int round = 0; round < 2000; ++round) {
        std::string s;
        for (int k = 0; k < 12; ++k) {
            auto& r = ranges[rng() % std::size(ranges)];
            auto cp = static_cast<utf8proc_int32_t>(r[0] + rng() % (r[1] - r[0] + 1));
            utf8proc_uint8_t b[4];
            s.append(reinterpret_cast<char*>(b), static_cast<std::size_t>(utf8proc_encode_char(cp, b)));
        }
        utf8proc_uint8_t* mapped = nullptr;
        auto n = utf8proc_map(
            reinterpret_cast<const utf8proc_uint8_t*>(s.data()), static_cast<utf8proc_ssize_t>(s.size()),
            &mapped,
            static_cast<utf8proc_option_t>(UTF8PROC_DECOMPOSE | UTF8PROC_STRIPMARK | UTF8PROC_CASEFOLD));
        ASSERT_GE(n, 0);
        std::string expected(reinterpret_cast<char*>(mapped), static_cast<std::size_t>(n));
        std::free(mapped);
        for (std::size_t at; (at = expected.find("\xC4\x91")) != std::string::npos;)
            expected.replace(at, 2, "d");
        ASSERT_EQ(fold(s), expected) << "input: " << s;
    }
}
