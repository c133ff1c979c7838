#pragma once
// A ward's figures with a numbered list under them, in Vietnamese (two or three bytes a
// character), and the check that a platform's parts keep every line whole within its limit.

#include "messages/outgoing.hpp"
#include "messages/text_fold.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

namespace cnscd::test {

inline std::vector<std::string> split_lines(const std::string& text) {
    std::vector<std::string> out;
    std::size_t start = 0;
    for (auto at = text.find('\n');; at = text.find('\n', start)) {
        out.push_back(text.substr(start, at == std::string::npos ? std::string::npos : at - start));
        if (at == std::string::npos)
            return out;
        start = at + 1;
    }
}

struct long_list {
    outgoing message;
    std::vector<std::string> lines; // the figures' lines, each to arrive whole
};

inline long_list long_vietnamese_list(channel platform) {
    long_list l;
    l.message.to = {platform, "4a9bada229cec09099df"};
    l.message.chat_type = chat_kind::group;
    for (int i = 1; i <= 70; ++i)
        l.lines.push_back("Tổ dân phố số " + std::to_string(i) +
                          ": 14 lượt thăm hộ, 31 người được hướng dẫn VNeID");
    for (auto& line : l.lines)
        l.message.text += line + "\n";
    for (int i = 1; i <= 12; ++i)
        l.message.choices.push_back(
            {{"📋 Mở báo cáo của Tổ dân phố số " + std::to_string(i), "x" + std::to_string(i)}});
    return l;
}

// Every part within `max_units` UTF-16 units, no line cut in two, and all 12 choices numbered.
inline void expect_split_between_lines(const long_list& l, const std::vector<std::string>& parts,
                                       std::size_t max_units) {
    ASSERT_GE(parts.size(), 3u);
    std::size_t seen = 0;
    for (auto& text : parts) {
        EXPECT_LE(utf16_length(text), max_units);
        for (auto line : split_lines(text)) {
            if (line.empty())
                continue;
            bool whole = std::ranges::find(l.lines, line) != l.lines.end() ||
                         line.starts_with(std::to_string(seen + 1) + ". 📋 ");
            EXPECT_TRUE(whole) << "cut: " << line;
            if (line.find(". 📋 ") != std::string::npos)
                ++seen;
        }
    }
    EXPECT_EQ(seen, 12u);
}

} // namespace cnscd::test
