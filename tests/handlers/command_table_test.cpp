#include "handlers/command_table.hpp"
#include "messages/command_menu.hpp"
#include "messages/command_names.hpp"

#include <gtest/gtest.h>

#include <regex>
#include <set>

namespace cnscd {
namespace {

TEST(command_table, every_command_has_exactly_one_rule_and_every_rule_a_command) {
    std::set<std::string_view> names, ruled;
    for (auto& spec : command_specs())
        names.insert(spec.name);
    for (auto& rule : command_table()) {
        EXPECT_FALSE(rule.name.empty()) << "an empty row in the command table";
        EXPECT_TRUE(ruled.insert(rule.name).second) << rule.name << " has two rules";
    }
    EXPECT_EQ(names, ruled);
}

// The menu a chat app shows must only offer what works where it is shown, in that language.
TEST(command_table, every_menu_entry_is_a_command_usable_where_the_menu_offers_it) {
    static const std::regex telegram_name("[a-z0-9_]{1,32}");
    for (auto lang : {language::vi, language::en})
        for (bool group : {false, true}) {
            auto menu = command_menu(lang, group);
            EXPECT_GE(menu.size(), 5u);
            std::set<std::string_view> seen;
            for (auto& e : menu) {
                std::string name(e.command);
                EXPECT_TRUE(std::regex_match(name, telegram_name)) << name;
                EXPECT_TRUE(seen.insert(e.command).second) << name << " twice";
                EXPECT_FALSE(e.description.empty());
                EXPECT_LE(e.description.size(), 256u);
                auto canonical = canonical_command(e.command);
                ASSERT_TRUE(canonical) << name << " is not a command";
                // Vietnamese menus show the Vietnamese name, English ones the English alias.
                EXPECT_EQ(lang == language::vi, *canonical == e.command) << name;
                auto* rule = find_rule(*canonical);
                ASSERT_TRUE(rule) << name;
                EXPECT_NE(rule->where, group ? chat_rule::private_only : chat_rule::group_only) << name;
            }
        }
}

} // namespace
} // namespace cnscd
