#include "messages/choice_words.hpp"

#include <gtest/gtest.h>

namespace cnscd {
namespace {

using o = words_pick::outcome;

const std::vector<std::string> report = {"📤 Nộp báo cáo", "✍️ Thêm ghi chú rồi nộp"};

TEST(choice_words, words_of_one_label_name_it_whatever_the_accents_and_courtesy) {
    EXPECT_EQ(choice_named(report, "ghi chú").index, 1u);
    EXPECT_EQ(choice_named(report, "GHI CHU").what, o::one);
    auto pick = choice_named(report, "dạ nộp ạ");
    EXPECT_EQ(pick.what, o::one);
    EXPECT_EQ(pick.index, 0u) << "the shorter label wins: «nộp» is submitting";
    EXPECT_EQ(choice_named({"📤 Send", "✖️ Cancel"}, "cancel").index, 1u);
}

TEST(choice_words, words_in_no_label_or_a_sentence_name_nothing) {
    EXPECT_EQ(choice_named(report, "ok").what, o::none);
    EXPECT_EQ(choice_named(report, "👍").what, o::none);
    EXPECT_EQ(choice_named(report, "nộp báo cáo tháng").what, o::none);
    EXPECT_EQ(choice_named(report, "hôm nay nộp báo cáo được không mọi người ơi").what, o::none);
}

TEST(choice_words, words_that_fit_labels_of_the_same_length_are_several) {
    auto pick = choice_named({"📋 Báo cáo tháng (tháng 11/2026)", "📋 Báo cáo quý (quý 4/2026)"}, "báo cáo");
    EXPECT_EQ(pick.what, o::several);
    EXPECT_EQ(pick.candidates, (std::vector<std::size_t>{0, 1}));
    EXPECT_EQ(choice_named({"📋 Báo cáo tháng (tháng 11/2026)", "📋 Báo cáo quý (quý 4/2026)"}, "quý").index,
              1u);
}

TEST(choice_words, a_label_reads_without_its_emoji) {
    EXPECT_EQ(label_words("📤 Nộp báo cáo"), "Nộp báo cáo");
    EXPECT_EQ(label_words("✖️ Hủy"), "Hủy");
    EXPECT_EQ(label_words("Dịch vụ công"), "Dịch vụ công");
}

} // namespace
} // namespace cnscd
