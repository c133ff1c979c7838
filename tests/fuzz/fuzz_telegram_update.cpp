// libFuzzer: a webhook body (or one getUpdates element) through the Telegram adapter, then its
// text through the command parser, as the bot does. Anything but a clean "no" is a bug.

#include "bot/telegram/telegram_adapter.hpp"
#include "messages/command_parser.hpp"

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view body(reinterpret_cast<const char*>(data), size);
    auto update = cnscd::telegram::parse_update(body, "ToCNSBot");
    if (!update) {
        if (update.error().empty())
            __builtin_trap(); // the error must say what is wrong
        return 0;
    }
    if (update->update_key.empty())
        __builtin_trap(); // dedupe needs a key
    cnscd::parse_context ctx{
        "ToCNSBot",
        std::chrono::year_month_day{std::chrono::year{2026}, std::chrono::November, std::chrono::day{24}},
        update->chat_type == cnscd::chat_kind::private_chat};
    if (!update->text.empty())
        (void)cnscd::command_name(cnscd::parse_command(update->text, ctx));
    // Bot API answers are read by the same adapter; the body bytes double as one.
    (void)cnscd::telegram::read_answer(200, body);
    (void)cnscd::telegram::read_answer(429, body);
    return 0;
}
