#pragma once

#include "messages/catalog.hpp"

#include <cstdint>
#include <optional>
#include <string_view>

namespace cnscd {

enum class role : std::uint8_t { member, deputy, leader, ward_staff, admin };

std::optional<role> role_from_code(std::string_view code);
std::string_view role_code(role r);
text role_text(role r);
bool is_staff(role r); // ward staff or admin

// A set of roles, for the command table.
struct role_set {
    std::uint8_t bits = 0;
    constexpr role_set() = default;
    constexpr role_set(std::initializer_list<role> roles) {
        for (auto r : roles)
            bits |= static_cast<std::uint8_t>(1u << static_cast<unsigned>(r));
    }
    constexpr bool contains(role r) const { return bits & (1u << static_cast<unsigned>(r)); }
};

inline constexpr role_set everyone{role::member, role::deputy, role::leader, role::ward_staff, role::admin};
inline constexpr role_set leaders{role::deputy, role::leader, role::ward_staff, role::admin};
inline constexpr role_set staff{role::ward_staff, role::admin};

} // namespace cnscd
