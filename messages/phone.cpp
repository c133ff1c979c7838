#include "messages/phone.hpp"

#include <cctype>

namespace cnscd {

std::optional<std::string> normalize_phone(std::string_view text) {
    std::string digits;
    bool plus = false;
    for (char c : text) {
        if (std::isdigit(static_cast<unsigned char>(c)))
            digits += c;
        else if (c == '+' && digits.empty())
            plus = true;
        else if (c != ' ' && c != '.' && c != '-' && c != '(' && c != ')')
            return std::nullopt;
    }
    std::string national; // without the leading 0 or 84
    if (digits.starts_with("84") && (plus || digits.size() == 11 || digits.size() == 12))
        national = digits.substr(2);
    else if (digits.starts_with("0") && !plus)
        national = digits.substr(1);
    else
        return std::nullopt;
    // Mobile numbers have 9 digits after the country code and start with 3, 5, 7, 8 or 9;
    // landlines have 10 and start with 2.
    if (national.size() == 9 && std::string_view("35789").find(national[0]) != std::string_view::npos)
        return "+84" + national;
    if (national.size() == 10 && national[0] == '2')
        return "+84" + national;
    return std::nullopt;
}

std::string mask_phone(std::string_view p) {
    if (!p.starts_with("+84") || p.size() < 9)
        return std::string(p.size(), '*');
    auto local = as_dialled(p);
    return local.substr(0, 3) + std::string(local.size() - 6, '*') + local.substr(local.size() - 3);
}

std::string as_dialled(std::string_view normalized) {
    if (normalized.starts_with("+84"))
        return "0" + std::string(normalized.substr(3));
    return std::string(normalized);
}

} // namespace cnscd
