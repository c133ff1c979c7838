// libFuzzer: a Zalo webhook body through both Zalo adapters (Official Account events and Zalo Bot
// updates), the OA signature check, the answer readers, and any text through the command parser,
// as the bot does. Anything but a clean "no" is a bug.

#include "bot/zalo/zalo_bot_adapter.hpp"
#include "bot/zalo/zalo_oa_adapter.hpp"
#include "messages/command_parser.hpp"

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace {

void parse_text(const cnscd::incoming& in) {
    cnscd::parse_context ctx{
        "", std::chrono::year_month_day{std::chrono::year{2026}, std::chrono::November, std::chrono::day{24}},
        in.chat_type == cnscd::chat_kind::private_chat};
    if (!in.text.empty())
        (void)cnscd::command_name(cnscd::parse_command(in.text, ctx));
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view body(reinterpret_cast<const char*>(data), size);

    auto event = cnscd::zalo_oa::parse_event(body);
    if (!event) {
        if (event.error().empty())
            __builtin_trap(); // the error must say what is wrong
    } else if (event->in) {
        if (event->in->update_key.empty())
            __builtin_trap(); // dedupe needs a key
        parse_text(*event->in);
    }
    cnscd::zalo_oa::signature_check check{"2553928453557884079", "fuzz-secret", 1767225600123, 300};
    (void)cnscd::zalo_oa::verify("mac=0123", body, check);
    (void)cnscd::zalo_oa::verify(
        cnscd::zalo_oa::compute_mac("2553928453557884079", body, "1767225600123", "fuzz-secret"), body,
        check);
    (void)cnscd::zalo_oa::read_answer(200, body);

    auto update = cnscd::zalo_bot::parse_update(body);
    if (!update) {
        if (update.error().empty())
            __builtin_trap();
    } else if (update->in) {
        if (update->in->update_key.empty())
            __builtin_trap();
        parse_text(*update->in);
    }
    (void)cnscd::zalo_bot::read_answer(200, body);
    (void)cnscd::zalo_bot::read_answer(429, body);
    return 0;
}
