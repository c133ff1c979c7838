#pragma once

// The names of the built-in reporting calendar's deadlines (handlers/reporting_calendar.cpp),
// as each language reads them. A ward's own deadlines bring their names from the configuration.

#include "messages/catalog.hpp"

#include <string_view>

namespace cnscd {

enum class builtin_deadline { monthly, quarterly, yearly };

// "Báo cáo tháng", "Monthly report", ...
std::string_view builtin_deadline_name(language lang, builtin_deadline which);

} // namespace cnscd
