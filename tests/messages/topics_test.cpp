#include "messages/text_fold.hpp"
#include "messages/topic_targets.hpp"
#include "messages/topics.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <random>
#include <set>
#include <tuple>

namespace cnscd {
namespace {

std::vector<std::string> topics_in(std::string_view text) {
    return find_topics(fold(text));
}

TEST(topics, named_topics_come_in_order_of_first_mention) {
    EXPECT_EQ(topics_in("số 12 ngõ 5, hướng dẫn 2 người cài VNeID và thanh toán QR"),
              (std::vector<std::string>{"vneid", "thanhtoan"}));
    EXPECT_EQ(topics_in("Chuyển khoản tiền điện, rồi cảnh báo lừa đảo, kích hoạt định danh"),
              (std::vector<std::string>{"thanhtoan", "luadao", "vneid"}));
    EXPECT_EQ(topics_in("nộp hồ sơ trực tuyến, dvc, DỊCH VỤ CÔNG"), (std::vector<std::string>{"dvc"}));
    // Scams are mostly told as impersonation: "calls pretending to be the police".
    EXPECT_EQ(topics_in("nhắc cảnh giác cuộc gọi giả danh công an"), (std::vector<std::string>{"luadao"}));
    EXPECT_EQ(topics_in("kẻ mạo danh nhân viên điện lực"), (std::vector<std::string>{"luadao"}));
}

// What volunteers really help with, as they write it.
TEST(topics, are_found_in_the_help_members_give) {
    EXPECT_EQ(topics_in("hd nộp phạt vi phạm giao thông online"), (std::vector<std::string>{"dvc"}));
    EXPECT_EQ(topics_in("tra cứu phạt nguội"), (std::vector<std::string>{"dvc"}));
    EXPECT_EQ(topics_in("cài app học tập cho con"), (std::vector<std::string>{"giaoduc"}));
    EXPECT_EQ(topics_in("cài sổ liên lạc điện tử"), (std::vector<std::string>{"giaoduc"}));
    EXPECT_EQ(topics_in("đổi sdt trên vneid"), (std::vector<std::string>{"vneid"}));
    // No topic of the table is about installing Zalo or Facebook: «Khác», without a question.
    EXPECT_EQ(topics_in("cài zalo, facebook"), (std::vector<std::string>{"khac"}));
    EXPECT_EQ(topics_in("xác thực sinh trắc học"), (std::vector<std::string>{"vneid"}));
    // The chip ID card, got or renewed through VNeID or Dịch vụ công: a public service.
    EXPECT_EQ(topics_in("lam cccd"), (std::vector<std::string>{"dvc"}));
    EXPECT_EQ(topics_in("cap lai cccd"), (std::vector<std::string>{"dvc"}));
    EXPECT_EQ(topics_in("làm lại CCCD cho bà"), (std::vector<std::string>{"dvc"}));
}

// "căn cước" was VNeID while "CCCD" was a public service (or nothing): the same card, read
// alike now. Getting or renewing it is a procedure (dvc); the card and the e-ID in VNeID
// ("căn cước điện tử") are VNeID, whichever way it is spelled.
TEST(topics, the_id_card_reads_alike_in_both_spellings) {
    struct {
        std::string_view text;
        std::string_view topic;
    } cases[] = {
        {"làm căn cước cho bà Lan", "dvc"},
        {"làm CCCD cho bà Lan", "dvc"},
        {"cấp lại căn cước bị mất", "dvc"},
        {"cấp lại CCCD bị mất", "dvc"},
        {"cấp đổi căn cước", "dvc"},
        {"cấp đổi CCCD", "dvc"},
        {"đổi căn cước", "dvc"},
        {"đổi cccd", "dvc"},
        {"làm lại căn cước", "dvc"},
        {"làm lại CCCD", "dvc"},
        {"cài căn cước điện tử", "vneid"},
        {"cài CCCD điện tử", "vneid"},
        {"hướng dẫn dùng căn cước trên điện thoại", "vneid"},
        {"hướng dẫn dùng CCCD trên điện thoại", "vneid"},
        {"quét căn cước gắn chip", "vneid"},
        {"quét CCCD gắn chip", "vneid"},
    };
    for (auto& c : cases)
        EXPECT_EQ(topics_in(c.text), (std::vector<std::string>{std::string(c.topic)})) << c.text;
}

TEST(topics, keywords_match_whole_words_only) {
    EXPECT_TRUE(topics_in("mã qrcode").empty()); // "qr" inside a longer word
    EXPECT_TRUE(topics_in("bảo hiểm xe máy").empty());
    EXPECT_EQ(topics_in("cài e-ID cho bác"), (std::vector<std::string>{"vneid"}));
    EXPECT_EQ(topics_in("qr"), (std::vector<std::string>{"thanhtoan"}));
}

TEST(topics, other_counts_only_when_nothing_else_is_named) {
    EXPECT_EQ(topics_in("việc khác"), (std::vector<std::string>{"khac"}));
    EXPECT_EQ(topics_in("việc khác: cài VNeID"), (std::vector<std::string>{"vneid"}));
}

// The definition the index must keep: each phrase searched for on its own, at word boundaries.
bool word_char(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || (static_cast<unsigned char>(c) & 0x80);
}
std::vector<std::size_t> phrase_positions(std::string_view text, std::string_view phrase) {
    std::vector<std::size_t> out;
    for (std::size_t from = 0; from < text.size();) {
        auto pos = text.find(phrase, from);
        while (pos != std::string_view::npos &&
               !((pos == 0 || !word_char(text[pos - 1])) &&
                 (pos + phrase.size() >= text.size() || !word_char(text[pos + phrase.size()]))))
            pos = text.find(phrase, pos + 1);
        if (pos == std::string_view::npos)
            break;
        out.push_back(pos);
        from = pos + phrase.size();
    }
    return out;
}
std::vector<std::string_view> phrases_of(const topic& t) {
    std::vector<std::string_view> out;
    std::string_view list = t.keywords;
    for (auto bar = list.find('|');; bar = list.find('|')) {
        out.push_back(list.substr(0, bar));
        if (bar == std::string_view::npos)
            break;
        list.remove_prefix(bar + 1);
    }
    return out;
}

TEST(topics, the_keyword_index_finds_what_a_search_per_phrase_finds) {
    std::vector<std::string_view> pieces{"12",  "ngo", "5",     ",",   " ",   "  ",  "-", "huong dan", "cai",
                                         "cho", "2",   "nguoi", "bac", "qrx", "xqr", "e", "id"};
    for (auto& t : all_topics())
        for (auto p : phrases_of(t)) {
            pieces.push_back(p);
            pieces.push_back(p.substr(0, p.size() / 2)); // a phrase cut short must not match
        }
    std::mt19937 rng(7);
    for (int round = 0; round < 3000; ++round) {
        std::string text;
        int n = 1 + static_cast<int>(rng() % 12);
        for (int i = 0; i < n; ++i) {
            text += pieces[rng() % pieces.size()];
            if (rng() % 4)
                text += ' ';
        }
        std::set<std::pair<std::size_t, std::size_t>> want_spans;
        std::map<std::string, std::size_t> first_of;
        bool other = false; // a phrase of "khac": counted when no other topic is
        auto biometric = std::string_view::npos;
        bool vneid_named = false;
        // A phrase inside a longer one of another topic counts for that one only.
        std::vector<std::tuple<std::size_t, std::size_t, std::string_view>> found;
        for (auto& t : all_topics())
            for (auto p : phrases_of(t))
                for (auto pos : phrase_positions(text, p))
                    found.emplace_back(pos, pos + p.size(), t.code);
        auto inside_another = [&](std::size_t pos, std::size_t end, std::string_view code) {
            for (auto& [b, e, c] : found)
                if (c != code && b <= pos && end <= e && e - b > end - pos)
                    return true;
            return false;
        };
        for (auto& t : all_topics()) {
            std::size_t first = std::string_view::npos;
            for (auto p : phrases_of(t))
                for (auto pos : phrase_positions(text, p)) {
                    want_spans.emplace(pos, pos + p.size());
                    if (inside_another(pos, pos + p.size(), t.code))
                        continue;
                    first = std::min(first, pos);
                    bool bio = p == "sinh trac" || p == "biometric" || p == "biometrics";
                    if (t.code == "vneid" && bio)
                        biometric = std::min(biometric, pos);
                    vneid_named = vneid_named || (t.code == "vneid" && !bio);
                }
            if (t.code != "khac" && first != std::string_view::npos)
                first_of[std::string(t.code)] = first;
            other = other || (t.code == "khac" && first != std::string_view::npos);
        }
        // Biometric authentication for a bank, with VNeID named nowhere, is the bank app's.
        if (biometric != std::string_view::npos && !vneid_named && about_a_bank(text)) {
            first_of.erase("vneid");
            auto payment = first_of.try_emplace("thanhtoan", biometric).first;
            payment->second = std::min(payment->second, biometric);
        }
        std::vector<std::pair<std::size_t, std::string>> firsts;
        for (auto& [code, first] : first_of)
            firsts.emplace_back(first, code);
        std::sort(firsts.begin(), firsts.end());
        std::vector<std::string> want_topics;
        for (auto& f : firsts)
            want_topics.push_back(f.second);
        if (want_topics.empty() && other)
            want_topics.push_back("khac");

        auto spans = topic_phrase_spans(text);
        EXPECT_EQ(std::set(spans.begin(), spans.end()), want_spans) << text;
        EXPECT_EQ(find_topics(text), want_topics) << text;
    }
}

// A target counting a topic the bot does not have read 0% all year without a word.
TEST(topic_targets, a_target_of_a_topic_the_bot_does_not_have_is_named_with_the_nearest) {
    config c;
    c.source = "bot.json";
    ward_config w;
    w.name = "Phường Hòa Xuân";
    w.targets.push_back({"households", "Hộ", "households", 100, "year", ""});
    w.targets.push_back({"vneid", "VNeID", "topic:vneid", 100, "year", ""});
    c.wards.push_back(w);
    EXPECT_EQ(unknown_target_topic(c), std::nullopt);
    c.wards[0].targets.push_back({"scam", "Lừa đảo", "topic:luadoa", 10, "year", ""});
    auto wrong = unknown_target_topic(c);
    ASSERT_TRUE(wrong);
    EXPECT_NE(wrong->find("bot.json: key \"wards[0].targets[2].metric\": the bot has no topic \"luadoa\""),
              std::string::npos)
        << *wrong;
    EXPECT_NE(wrong->find("did you mean topic:luadao?"), std::string::npos) << *wrong;
    EXPECT_NE(wrong->find("vneid, "), std::string::npos) << "lists the topics: " << *wrong;
    // Nothing like any topic: no guess, only the list.
    c.wards[0].targets.back().metric = "topic:zzzzzzzz";
    EXPECT_EQ(unknown_target_topic(c)->find("did you mean"), std::string::npos);
}

} // namespace
} // namespace cnscd
