#include "messages/role_title.hpp"

#include "messages/text_fold.hpp"

#include <cctype>

namespace cnscd {

namespace {

// "Tổ phó (thường trực)" -> "tophothuongtruc": letters only, folded.
std::string compact(std::string_view title) {
    std::string out;
    for (char c : fold(title))
        if (std::isalpha(static_cast<unsigned char>(c)))
            out += c;
    return out;
}

} // namespace

bool is_staff_title(std::string_view title) {
    auto c = compact(title);
    return c == "canbophuong" || c == "canbo" || c == "admin" || c == "quantri" || c == "quantrivien" ||
           c == "wardstaff" || c == "staff";
}

std::string standard_title(std::string_view role) {
    return role == "leader" ? "Tổ trưởng" : role == "deputy" ? "Tổ phó" : "Thành viên";
}

std::optional<std::string> role_from_title(std::string_view title) {
    auto compact = cnscd::compact(title);
    if (compact.empty() || compact == "thanhvien" || compact == "tovien" || compact == "tv" ||
        compact == "member")
        return "member";
    // Deputies first: "Phó tổ trưởng" contains "tổ trưởng".
    if (compact.starts_with("topho") || compact.starts_with("phototruong") || compact == "pho" ||
        compact == "phonhom" || compact == "nhompho" || compact == "phothuongtruc" || compact == "tp" ||
        compact == "deputy")
        return "deputy";
    // "Tổ trưởng", "Tổ trưởng Tổ CNSCĐ", "Tổ trưởng tổ công nghệ số cộng đồng", "Trưởng nhóm".
    if (compact.starts_with("totruong") || compact == "truong" || compact == "tt" || compact == "leader" ||
        compact == "truongnhom" || compact == "nhomtruong")
        return "leader";
    return std::nullopt;
}

} // namespace cnscd
