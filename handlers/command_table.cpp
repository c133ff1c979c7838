#include "handlers/command_table.hpp"

#include <array>

namespace cnscd {
namespace {

// clang-format off
// Changing roles is the leader's call, not the deputy's (registry_handlers.cpp says so too).
constexpr role_set leader_or_staff{role::leader, role::ward_staff, role::admin};

constexpr std::array<command_rule, 28> rules{{
    {"start",          everyone, chat_rule::anywhere,     false},
    {"giup",           everyone, chat_rule::anywhere,     false},
    {"ma",             everyone, chat_rule::private_only, false},
    {"thoat",          everyone, chat_rule::anywhere,     false},
    {"ngonngu",        everyone, chat_rule::anywhere,     true, true},
    {"tham",           everyone, chat_rule::anywhere,     true},
    {"buoi",           everyone, chat_rule::anywhere,     true},
    {"huy",            everyone, chat_rule::anywhere,     true},
    {"sua",            everyone, chat_rule::anywhere,     true},
    {"anh",            everyone, chat_rule::anywhere,     true},
    {"toi",            everyone, chat_rule::anywhere,     true},
    {"thongke",        everyone, chat_rule::anywhere,     true},
    {"xephang",        everyone, chat_rule::anywhere,     true},
    {"tailieu",        everyone, chat_rule::anywhere,     false},
    {"hannop",         everyone, chat_rule::anywhere,     true},
    {"lienket",        leaders,  chat_rule::group_only,   true},
    {"thanhvien",      leaders,  chat_rule::anywhere,     true},
    {"thanhvien_them", leaders,  chat_rule::anywhere,     true},
    {"nhacnho",        leaders,  chat_rule::anywhere,     true},
    {"moi",            leaders,  chat_rule::private_only, true}, // the code must not be seen by the group
    {"xoa",            leaders,  chat_rule::anywhere,     true},
    {"doivaitro",      leader_or_staff, chat_rule::anywhere, true},
    {"baocao",         leaders,  chat_rule::anywhere,     true},
    {"thongbao",       staff,    chat_rule::anywhere,     true},
    {"thongbao_ds",    staff,    chat_rule::anywhere,     true},
    {"tailieu_them",   staff,    chat_rule::anywhere,     true},
    {"hannop_them",    staff,    chat_rule::anywhere,     true},
    {"xuat",           staff,    chat_rule::private_only, true},
}};
// clang-format on

} // namespace

std::span<const command_rule> command_table() {
    return rules;
}

const command_rule* find_rule(std::string_view name) {
    for (auto& r : rules)
        if (r.name == name)
            return &r;
    return nullptr;
}

} // namespace cnscd
