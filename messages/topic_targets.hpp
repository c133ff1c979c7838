#pragma once

// A ward's target that counts a topic ("metric": "topic:<code>") must name a topic the bot has:
// one it does not counts nothing, and the target reads 0% all year. The configuration cannot
// check it itself (the topics live here), so the program does once the file is read.

#include "config/config.hpp"

#include <optional>
#include <string>

namespace cnscd {

// What is wrong with the first such target, with the fix, in the configuration errors' words
// (c.source + ": key \"wards[0].targets[1].metric\": ..."); nullopt when every target's topic exists.
std::optional<std::string> unknown_target_topic(const config& c);

} // namespace cnscd
