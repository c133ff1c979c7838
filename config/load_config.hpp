#pragma once

#include "config/config.hpp"

#include <expected>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cnscd {

// What went wrong, written for the operator: it names the file, the key and the fix.
struct config_error {
    std::string message;
};

// Looks up an environment variable; tests pass a map instead of the real environment.
using env_lookup = std::function<std::optional<std::string>(std::string_view)>;

// The process environment.
env_lookup process_env();

// Every environment variable load_config reads (README.md, "Configuration").
std::vector<std::string_view> config_env_names();

// Builds the configuration: built-in defaults, then the JSON file (`path`, else
// $CNSCD_CONFIG, else none), then environment overrides, then validation.
// Never touches the database or the network.
std::expected<config, config_error> load_config(const std::optional<std::string>& path,
                                                const env_lookup& env);

// Same, from JSON text (for tests and `--config -`); `source` names it in messages.
std::expected<config, config_error> load_config_text(std::string_view json_text, std::string source,
                                                     const env_lookup& env);

// Parses "+07:00", "-05:30", "UTC", "Asia/Ho_Chi_Minh" into minutes east of UTC.
std::optional<int> parse_utc_offset(std::string_view text);

} // namespace cnscd
