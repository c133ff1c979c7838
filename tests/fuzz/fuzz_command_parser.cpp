// libFuzzer: chat text through the command parser. The first byte picks private/group chat and
// the day of the month ("hôm qua", "20/11" are read relative to it); the rest is the text.

#include "messages/command_parser.hpp"

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0)
        return 0;
    using namespace std::chrono;
    unsigned flags = data[0];
    std::string_view text(reinterpret_cast<const char*>(data + 1), size - 1);
    cnscd::parse_context ctx{"ToCNSBot",
                             year_month_day{year{2026}, month{flags % 12 + 1}, day{(flags / 12) % 28 + 1}},
                             (flags & 0x80) == 0};
    auto c = cnscd::parse_command(text, ctx);
    (void)cnscd::command_name(c);
    // Each word as a period too (cheap, and it reads user text on its own).
    (void)cnscd::parse_period(text.substr(0, text.find(' ')));
    return 0;
}
