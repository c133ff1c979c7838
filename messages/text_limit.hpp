#pragma once

// How much one message may hold on each platform, measured as the platforms count it.

#include "messages/incoming.hpp"
#include "messages/text_fold.hpp"

#include <cstddef>
#include <string_view>

namespace cnscd {

// UTF-16 units per message: Telegram 4,096, Zalo (OA and Bot) 2,000. The console has no
// limit; it gets Telegram's.
constexpr std::size_t text_limit(channel c) {
    return c == channel::zalo_oa || c == channel::zalo_bot ? 2000 : 4096;
}

// The length markup::split measures: UTF-16 units, tags and escapes included. A text no
// longer than a platform's limit by this measure goes out as one message there.
inline std::size_t text_length(std::string_view html_lite) {
    return utf16_length(html_lite);
}

} // namespace cnscd
