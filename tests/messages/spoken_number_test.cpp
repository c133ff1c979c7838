// Head counts written in words, as members type them after a session.

#include "messages/spoken_number.hpp"
#include "messages/text_fold.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace cnscd {
namespace {

// The number at the start of `text` (folded, split on spaces), and how many words it took.
std::optional<spoken_number> read(std::string_view text) {
    auto folded = fold(text);
    std::vector<std::string> words;
    for (std::size_t i = 0; i < folded.size();) {
        auto j = folded.find(' ', i);
        if (j == std::string::npos)
            j = folded.size();
        if (j > i)
            words.push_back(folded.substr(i, j - i));
        i = j + 1;
    }
    std::vector<std::string_view> views(words.begin(), words.end());
    return read_spoken_number(views);
}

struct number_case {
    std::string text;
    long value;
    std::size_t words;
};

class spoken_numbers : public ::testing::TestWithParam<number_case> {};

TEST_P(spoken_numbers, are_read_as_said) {
    auto& c = GetParam();
    auto n = read(c.text);
    ASSERT_TRUE(n.has_value()) << c.text;
    EXPECT_EQ(n->value, c.value) << c.text;
    EXPECT_EQ(n->words, c.words) << c.text;
}

INSTANTIATE_TEST_SUITE_P(
    table, spoken_numbers,
    ::testing::Values(number_case{"hai người", 2, 1}, number_case{"1.000 người", 1000, 1},
                      number_case{"12.500 người", 12500, 1}, number_case{"mười người", 10, 1},
                      number_case{"mươi người", 10, 1}, number_case{"mười lăm người", 15, 2},
                      number_case{"ba mươi người", 30, 2}, number_case{"hai mươi lăm người", 25, 3},
                      number_case{"hai mươi mốt hộ", 21, 3}, number_case{"bốn mươi tư người", 44, 3},
                      number_case{"ba mươi nhăm người", 35, 3}, number_case{"một trăm người", 100, 2},
                      number_case{"một trăm linh năm người", 105, 4},
                      number_case{"một trăm lẻ ba người", 103, 4},
                      number_case{"một trăm hai mươi người", 120, 4}, number_case{"hai trăm người", 200, 2},
                      number_case{"hai nghìn ba trăm người", 2300, 4}, number_case{"1 trăm người", 100, 2},
                      number_case{"2 chục người", 20, 2}, number_case{"hai chục hộ", 20, 2},
                      number_case{"chục người", 10, 1}, number_case{"45 người", 45, 1},
                      number_case{"mot tram hai muoi nguoi", 120, 4},
                      number_case{"twenty-five people", 25, 1}, number_case{"twenty five people", 25, 2},
                      number_case{"thirty people", 30, 1}, number_case{"twelve people", 12, 1},
                      number_case{"ten people", 10, 1}, number_case{"one hundred and five people", 105, 4}));

TEST(spoken_numbers, stop_where_the_number_ends) {
    // "ba bà": three grandmothers; the second "ba" is not part of the number.
    EXPECT_EQ(read("ba bà")->words, 1u);
    EXPECT_EQ(read("ba bà")->value, 3);
    // "lăm" is five only after a ten: alone it is not a number.
    EXPECT_FALSE(read("lăm người").has_value());
    // A hundred's "linh" with nothing after it is given back.
    auto dangling = read("một trăm linh người");
    ASSERT_TRUE(dangling.has_value());
    EXPECT_EQ(dangling->value, 100);
    EXPECT_EQ(dangling->words, 2u);
    // Digits are a whole number: "30 mươi" is not three hundred.
    EXPECT_EQ(read("30 mươi")->words, 1u);
    EXPECT_FALSE(read("người").has_value());
    EXPECT_FALSE(read("").has_value());
}

TEST(spoken_numbers, written_with_tone_marks_carry_a_number_s_own) {
    EXPECT_FALSE(spelled_as_number("bà")); // grandmother, not three
    EXPECT_FALSE(spelled_as_number("Bà"));
    EXPECT_FALSE(spelled_as_number("sàu")); // a typo, not six
    EXPECT_FALSE(spelled_as_number("làm")); // to do, not the five of "hai mươi lăm"
    EXPECT_TRUE(spelled_as_number("ba"));
    EXPECT_TRUE(spelled_as_number("Bảy,"));
    EXPECT_TRUE(spelled_as_number("mười"));
    EXPECT_TRUE(spelled_as_number("mươi"));
    EXPECT_FALSE(spelled_as_number("ba\u0300y")); // "bày" typed with a combining mark
    EXPECT_TRUE(spelled_as_number("ba\u0309y"));  // "bảy" typed with a combining mark
    // Unaccented messages are read as before.
    EXPECT_TRUE(spelled_as_number("bay"));
    EXPECT_TRUE(spelled_as_number("sau"));
    EXPECT_TRUE(spelled_as_number("12"));
    // In a message written with tone marks, "sau" is "after"; "ba", "hai" have none to carry.
    EXPECT_FALSE(spelled_as_number("sau", true));
    EXPECT_FALSE(spelled_as_number("Nam", true));
    EXPECT_TRUE(spelled_as_number("ba", true));
    EXPECT_TRUE(spelled_as_number("hai", true));
    EXPECT_TRUE(spelled_as_number("12", true));
    EXPECT_TRUE(spelled_as_number("sáu", true));
}

} // namespace
} // namespace cnscd
