#include "messages/command_names.hpp"

#include "config/edit_distance.hpp"

#include <algorithm>
#include <array>
#include <vector>

namespace cnscd {
namespace {

constexpr std::array<command_spec, 28> specs{{
    {"start", "batdau", "start"},
    {"giup", "help huongdan trogiup", "help"},
    {"tham", "visit thamho ghi", "visit"},
    {"buoi", "session buoihuongdan", "session"},
    {"huy", "undo", "undo"},
    {"sua", "edit", "edit"},
    {"anh", "photo minhchung hinhanh", "photo"},
    {"toi", "me cuatoi", "me"},
    {"thongke", "stats tk", "stats"},
    {"xephang", "top rank bxh", "top"},
    {"nhacnho", "nudge nhac", "nudge"},
    {"lienket", "bind link", "bind"},
    {"thanhvien", "members", "members"},
    {"moi", "invite", "invite"},
    {"thanhvien_them", "addmember thanhvienthem themtv", "addmember"},
    {"ma", "code join", "code"},
    {"xoa", "remove", "remove"},
    {"doivaitro", "role setrole", "role"},
    {"ngonngu", "lang language", "lang"},
    {"thongbao", "broadcast announce", "broadcast"},
    {"thongbao_ds", "broadcasts thongbaods", "broadcasts"},
    {"tailieu", "guide guides docs", "guide"},
    {"tailieu_them", "addguide tailieuthem", "addguide"},
    {"hannop", "deadlines", "deadlines"},
    {"hannop_them", "adddeadline hannopthem", "adddeadline"},
    {"baocao", "report", "report"},
    {"xuat", "export", "export"},
    {"thoat", "cancel", "cancel"},
}};

bool in_list(std::string_view list, std::string_view word) {
    while (!list.empty()) {
        auto sp = list.find(' ');
        if (list.substr(0, sp) == word)
            return true;
        if (sp == std::string_view::npos)
            break;
        list.remove_prefix(sp + 1);
    }
    return false;
}

} // namespace

std::string_view command_word(std::string_view canonical, bool english) {
    if (english)
        for (auto& s : specs)
            if (s.name == canonical)
                return s.english;
    return canonical;
}

std::string_view ward_word(bool english) {
    return english ? "ward" : "phuong";
}

std::span<const command_spec> command_specs() {
    return specs;
}

std::optional<std::string_view> canonical_command(std::string_view word) {
    for (auto& s : specs)
        if (s.name == word || in_list(s.aliases, word))
            return s.name;
    return std::nullopt;
}

std::string nearest_command(std::string_view word) {
    std::string best;
    std::size_t best_d = word.size() <= 3 ? 2 : 3; // short words need a closer match
    for (auto& s : specs) {
        auto consider = [&](std::string_view candidate) {
            // The length difference is a lower bound of the distance: skipping on it keeps a
            // 4,096-character "/aaaa..." from costing the writer thread tens of milliseconds.
            auto gap = word.size() > candidate.size() ? word.size() - candidate.size()
                                                      : candidate.size() - word.size();
            if (gap >= best_d)
                return;
            auto d = edit_distance(word, candidate);
            if (d < best_d) {
                best_d = d;
                best = std::string(s.name);
            }
        };
        consider(s.name);
        std::string_view list = s.aliases;
        while (!list.empty()) {
            auto sp = list.find(' ');
            consider(list.substr(0, sp));
            if (sp == std::string_view::npos)
                break;
            list.remove_prefix(sp + 1);
        }
    }
    return best;
}

} // namespace cnscd
