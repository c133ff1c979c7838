#include "handlers/role.hpp"

namespace cnscd {

std::optional<role> role_from_code(std::string_view code) {
    for (auto r : {role::member, role::deputy, role::leader, role::ward_staff, role::admin})
        if (role_code(r) == code)
            return r;
    return std::nullopt;
}

std::string_view role_code(role r) {
    switch (r) {
    case role::member:
        return "member";
    case role::deputy:
        return "deputy";
    case role::leader:
        return "leader";
    case role::ward_staff:
        return "ward_staff";
    case role::admin:
        return "admin";
    }
    return "member";
}

text role_text(role r) {
    switch (r) {
    case role::member:
        return text::role_member;
    case role::deputy:
        return text::role_deputy;
    case role::leader:
        return text::role_leader;
    case role::ward_staff:
        return text::role_ward_staff;
    case role::admin:
        return text::role_admin;
    }
    return text::role_member;
}

bool is_staff(role r) {
    return r == role::ward_staff || r == role::admin;
}

} // namespace cnscd
