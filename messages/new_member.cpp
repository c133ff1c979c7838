#include "messages/new_member.hpp"

#include "messages/phone.hpp"
#include "messages/role_title.hpp"
#include "messages/text_fold.hpp"

#include <algorithm>
#include <cctype>
#include <string>
#include <vector>

namespace cnscd {
namespace {

constexpr std::string_view command = "thanhvien_them";
constexpr std::string_view example = "/thanhvien_them Nguyễn Văn Mới, 0905 123 456";

bool phone_char(char c) {
    return std::isdigit(static_cast<unsigned char>(c)) || c == ' ' || c == '+' || c == '.' || c == '-' ||
           c == '(' || c == ')';
}

std::size_t digits(std::string_view s) {
    return static_cast<std::size_t>(std::count_if(
        s.begin(), s.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); }));
}

// Written as a phone number (right or wrong): digits and separators only, enough digits.
bool looks_like_phone(std::string_view s) {
    return digits(s) >= 6 && std::all_of(s.begin(), s.end(), phone_char);
}

// A part written only with digits and separators is meant as a phone number, however short.
bool meant_as_phone(std::string_view s) {
    return digits(s) > 0 && std::all_of(s.begin(), s.end(), phone_char);
}

command_error error(std::string reason, std::string_view detail) {
    return command_error{std::string(command), std::move(reason), std::string(detail)};
}

} // namespace

std::variant<cmd_add_member, command_error> read_new_member(std::string_view args) {
    cmd_add_member out;
    args = trim(args);
    // "Tổ dân phố số 2: Nguyễn Văn Mới, ...": ward staff say which team.
    if (auto colon = args.find(':'); colon != std::string_view::npos) {
        out.team = std::string(trim(args.substr(0, colon)));
        args = trim(args.substr(colon + 1));
    }
    std::vector<std::string_view> parts;
    for (std::size_t from = 0; from <= args.size();) {
        auto cut = args.find_first_of(",;\n", from);
        auto part =
            trim(args.substr(from, cut == std::string_view::npos ? std::string_view::npos : cut - from));
        if (!part.empty())
            parts.push_back(part);
        if (cut == std::string_view::npos)
            break;
        from = cut + 1;
    }
    if (parts.empty())
        return error("error_missing_argument", example);
    // "Nguyễn Văn Mới 0905123456 tổ phó": without commas, the phone ends the name.
    auto first = parts.front();
    if (auto start = first.find_first_of("+0123456789"); start != std::string_view::npos && start > 0) {
        auto end = start;
        while (end < first.size() && phone_char(first[end]))
            ++end;
        if (looks_like_phone(trim(first.substr(start, end - start)))) {
            auto rest = trim(first.substr(end));
            parts.front() = trim(first.substr(0, start));
            parts.insert(parts.begin() + 1, trim(first.substr(start, end - start)));
            if (!rest.empty())
                parts.insert(parts.begin() + 2, rest);
        }
    }
    auto name = parts.front();
    if (name.empty() || looks_like_phone(name))
        return error("error_missing_argument", example);
    // A name has no digits: "số 12 ngõ 5" is an address, not a person.
    if (digits(name) > 0 || name.size() > 100)
        return error("error_bad_name", name);
    out.name = std::string(name);
    for (std::size_t i = 1; i < parts.size(); ++i) {
        auto part = parts[i];
        if (meant_as_phone(part)) {
            auto phone = normalize_phone(part);
            if (!phone)
                return error("error_bad_phone", part);
            out.phone = *phone;
        } else if (auto role = role_from_title(part); role && out.role.empty()) {
            out.role = *role;
        } else {
            out.area += (out.area.empty() ? "" : ", ") + std::string(part);
        }
    }
    if (out.role.empty())
        out.role = "member";
    return out;
}

} // namespace cnscd
