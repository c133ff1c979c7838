#include "messages/command_examples.hpp"

#include <array>
#include <utility>

namespace cnscd {

namespace {

// clang-format off
constexpr std::array<std::pair<std::string_view, std::string_view>, 10> english{{
    {"tham",         "/visit 12 Lane 5, helped 2 people install VNeID"},
    {"buoi",         "/session community hall, 30 people, scam awareness"},
    {"sua",          "/edit {no} 8 Lane 3, VNeID"},
    {"moi",          "/invite Nguyễn Văn An or /invite 3"},
    {"ma",           "/code ABC123"},
    {"xoa",          "/remove Nguyễn Văn An"},
    {"doivaitro",    "/role Nguyễn Văn An deputy"},
    {"ngonngu",      "/lang en or /lang vi"},
    {"tailieu_them", "/addguide How to install VNeID (with the file attached)"},
    {"thanhvien_them", "/addmember Nguyễn Văn Mới, 0905 123 456"},
}};
// clang-format on

} // namespace

std::string command_example(language lang, std::string_view command, std::string_view vietnamese) {
    if (lang == language::vi)
        return std::string(vietnamese);
    for (auto& [name, text] : english) {
        if (name != command)
            continue;
        std::string out(text);
        if (auto at = out.find("{no}"); at != std::string::npos) {
            // "/sua 7 số 8 ngõ 3, ..." keeps the record number the member typed.
            auto first_space = vietnamese.find(' ');
            auto second_space = vietnamese.find(' ', first_space + 1);
            auto no = first_space == std::string_view::npos
                          ? std::string_view("12")
                          : vietnamese.substr(first_space + 1, second_space - first_space - 1);
            out.replace(at, 4, no);
        }
        return out;
    }
    return std::string(vietnamese);
}

} // namespace cnscd
