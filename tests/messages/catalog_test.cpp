// Every sentence exists in both languages with the same placeholders, so an English
// reader never sees a raw "{name}" and a Vietnamese one never an empty message.

#include "messages/broadcast_texts.hpp"
#include "messages/catalog.hpp"
#include "messages/choice_texts.hpp"
#include "messages/console_texts.hpp"
#include "messages/registry_texts.hpp"
#include "messages/report_texts.hpp"
#include "messages/visit_texts.hpp"

#include <gtest/gtest.h>

#include <regex>
#include <set>
#include <type_traits>

namespace cnscd {
namespace {

std::set<std::string> placeholders(std::string_view tpl) {
    std::set<std::string> out;
    std::string s(tpl);
    std::regex re("\\{([a-z_]+)\\}");
    for (auto it = std::sregex_iterator(s.begin(), s.end(), re); it != std::sregex_iterator(); ++it)
        out.insert((*it)[1].str());
    return out;
}

template <class Key> void check_catalog(const char* name) {
    for (int i = 0; i < static_cast<int>(Key::count_); ++i) {
        auto key = static_cast<Key>(i);
        auto vi = template_of(language::vi, key);
        auto en = template_of(language::en, key);
        EXPECT_FALSE(vi.empty()) << name << " key " << i << " has no Vietnamese text";
        EXPECT_FALSE(en.empty()) << name << " key " << i << " has no English text";
        // Period names differ by design: "tháng 11/2026" against "November 2026".
        bool period_name =
            std::is_same_v<Key, report_text> && (i == static_cast<int>(report_text::period_month) ||
                                                 i == static_cast<int>(report_text::period_quarter));
        if (!period_name) {
            EXPECT_EQ(placeholders(vi), placeholders(en))
                << name << " key " << i << ": " << vi << " / " << en;
        }
        // An English reader is shown the English name of a command that has one.
        static const std::regex vi_name(
            "/(tham|buoi|huy|sua|anh|toi|thongke|xephang|giup|lienket|thanhvien|thanhvien_them|moi|xoa|doivaitro|ngonngu|"
            "thongbao|"
            "thongbao_ds|tailieu|tailieu_them|hannop|hannop_them|baocao|xuat|thoat)([^a-z_]|$)");
        EXPECT_FALSE(std::regex_search(std::string(en), vi_name)) << name << " key " << i << ": " << en;
    }
}

TEST(catalog, every_key_has_both_languages_with_the_same_placeholders) {
    check_catalog<text>("text");
    check_catalog<registry_text>("registry_text");
    check_catalog<visit_text>("visit_text");
    check_catalog<stats_text>("stats_text");
    check_catalog<broadcast_text>("broadcast_text");
    check_catalog<guide_text>("guide_text");
    check_catalog<report_text>("report_text");
    check_catalog<choice_text>("choice_text");
    check_catalog<console_text>("console_text");
}

// These placeholders are filled with a whole moment, "Thứ Ba, 24/11/2026 lúc 09:00": a "lúc"
// (or "at") before one makes the sentence say it twice.
template <class Key> void check_no_time_word_before_a_moment(const char* name) {
    std::regex twice("(lúc|Lúc|at|At) \\{(at|time|lock|due|now)\\}");
    for (int i = 0; i < static_cast<int>(Key::count_); ++i)
        for (auto lang : {language::vi, language::en}) {
            std::string tpl(template_of(lang, static_cast<Key>(i)));
            EXPECT_FALSE(std::regex_search(tpl, twice)) << name << " key " << i << ": " << tpl;
        }
}

TEST(catalog, a_moment_is_not_introduced_twice) {
    check_no_time_word_before_a_moment<text>("text");
    check_no_time_word_before_a_moment<visit_text>("visit_text");
    check_no_time_word_before_a_moment<stats_text>("stats_text");
    check_no_time_word_before_a_moment<registry_text>("registry_text");
    check_no_time_word_before_a_moment<report_text>("report_text");
    check_no_time_word_before_a_moment<broadcast_text>("broadcast_text");
}

TEST(catalog, english_counts_of_one_are_singular) {
    EXPECT_EQ(say(language::en, stats_text::line_topic, {{"topic", "VNeID"}, {"records", 1}, {"people", 1}}),
              "• VNeID: 1 record, 1 person");
    EXPECT_EQ(
        say(language::en, stats_text::line_topic, {{"topic", "VNeID"}, {"records", 11}, {"people", 21}}),
        "• VNeID: 11 records, 21 people");
    EXPECT_EQ(
        say(language::en, stats_text::line_topic, {{"topic", "QR"}, {"records", "1,001"}, {"people", 0}}),
        "• QR: 1,001 records, 0 people");
    // The reports' and exports' nouns too ("1 times" was shown).
    EXPECT_EQ(
        say(language::en, report_text::figure_topic, {{"topic", "VNeID"}, {"records", 1}, {"people", 1}}),
        "  • VNeID: 1 time, 1 person");
    EXPECT_EQ(say(language::en, report_text::export_caption,
                  {{"ward", "W"}, {"period", "Q4"}, {"teams", 1}, {"members", 2}, {"records", 1}}),
              "📎 W — Q4: 1 team, 2 members, 1 activity.");
    // The noun right after the count, so it can be made singular ("Resend to 1 failed groups").
    EXPECT_EQ(say(language::en, broadcast_text::button_retry, {{"count", 1}}),
              "🔁 Resend to 1 group that failed");
    EXPECT_EQ(say(language::en, broadcast_text::retry_queued, {{"id", 7}, {"count", 1}}),
              "🔁 Announcement no. 7: resending to 1 group that failed.");
    // Only the template's nouns: what a member or staff wrote is shown as written.
    EXPECT_EQ(
        say(language::en, stats_text::line_topic, {{"topic", "1 people"}, {"records", 2}, {"people", 3}}),
        "• 1 people: 2 records, 3 people");
    // Vietnamese nouns have no plural: the text is left as it is.
    EXPECT_EQ(say(language::vi, stats_text::line_topic, {{"topic", "VNeID"}, {"records", 1}, {"people", 1}}),
              "• VNeID: 1 lượt, 1 người");
}

// Vietnamese left in an English sentence ("Write it like 20/11, yesterday (hôm qua) or hôm
// kia."): an English reader cannot read it. Only the names of people, teams and places in
// examples, the roster's own column and role titles, and the way back to Vietnamese keep it.
template <class Key> void check_english_is_english(const char* name) {
    static const std::string_view kept[] = {
        "Nguyễn Văn Mới", "Nguyễn Văn An", "Lê Văn Tư", "Tổ dân phố số 2", "«Tổ 1»", "Tổ 3", "Ngõ 7",
        "Tiếng Việt",
        // The roster file's own words (import-roster's messages to the operator).
        "Tổ trưởng, Tổ phó, Thành viên", "Tổ / Tổ dân phố / Thôn / Xóm", "«Họ tên»", "Chức vụ Tổ CNSCĐ",
        "«Tổ trưởng»", "Tổ phó", "Thành viên",
        // The Vietnamese period words the CLI's --period accepts, quoted as such.
        "\"tháng 11\"", "\"quý 3\"", "\"năm 2026\""};
    // Compared letter by letter (UTF-8 sequences), not as a byte class.
    static const std::string_view letters =
        "ăâđêôơưĂÂĐÊÔƠƯàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ";
    for (int i = 0; i < static_cast<int>(Key::count_); ++i) {
        std::string en(template_of(language::en, static_cast<Key>(i)));
        for (auto k : kept)
            for (auto at = en.find(k); at != std::string::npos; at = en.find(k))
                en.erase(at, k.size());
        for (std::size_t at = 0; at < letters.size();) {
            auto len = std::size_t{1};
            while (at + len < letters.size() &&
                   (static_cast<unsigned char>(letters[at + len]) & 0xC0) == 0x80)
                ++len;
            auto letter = letters.substr(at, len);
            EXPECT_EQ(en.find(letter), std::string::npos)
                << name << " key " << i << " has " << letter << ": " << en;
            at += len;
        }
        // The ward's word after a command, typed without diacritics: "/stats phuong".
        EXPECT_FALSE(std::regex_search(en, std::regex("\\bphuong\\b"))) << name << " key " << i << ": " << en;
    }
}

TEST(catalog, english_sentences_have_no_vietnamese_words) {
    check_english_is_english<text>("text");
    check_english_is_english<registry_text>("registry_text");
    check_english_is_english<visit_text>("visit_text");
    check_english_is_english<stats_text>("stats_text");
    check_english_is_english<broadcast_text>("broadcast_text");
    check_english_is_english<guide_text>("guide_text");
    check_english_is_english<report_text>("report_text");
    check_english_is_english<choice_text>("choice_text");
    check_english_is_english<console_text>("console_text");
}

TEST(catalog, filling_escapes_user_text_but_not_markup_arguments) {
    auto s = fill("{a} {b}", {{"a", "<b>x</b>"}, arg::markup("b", "<i>y</i>")});
    EXPECT_EQ(s, "&lt;b&gt;x&lt;/b&gt; <i>y</i>");
}

} // namespace
} // namespace cnscd
