#include "handlers/command_table.hpp"
#include "messages/command_names.hpp"

#include <gtest/gtest.h>

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

} // namespace
} // namespace cnscd
