#pragma once

// The environment variables the bot reads, to point out ones it does not.

#include <string>
#include <string_view>
#include <vector>

namespace cnscd {

// One warning per variable named like the bot's (CNSCD_, TELEGRAM_, ZALO_) that it does not
// read, with the nearest it does: a misspelt CNSCD_DB would otherwise leave the bot on a new,
// empty database under ./data without a word.
std::vector<std::string> unread_env_warnings(const std::vector<std::string>& names);

// The names it knows: load_config's own list (config_env_names()), and the few the test
// harness and the bench scripts set beside them.
std::vector<std::string_view> known_env_names();

} // namespace cnscd
