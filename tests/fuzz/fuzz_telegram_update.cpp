// libFuzzer: a webhook body (or one getUpdates element) through the Telegram adapter, then its
// text through the command parser, as the bot does. Anything but a clean "no" is a bug.

#include "bot/telegram/telegram_adapter.hpp"
#include "bot/telegram/telegram_plain_message.hpp"
#include "messages/command_parser.hpp"

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view body(reinterpret_cast<const char*>(data), size);
    // Bot API answers are read by the same adapter; the body bytes double as one.
    (void)cnscd::telegram::read_answer(200, body);
    (void)cnscd::telegram::read_answer(429, body);
    // An answer the fast reader takes must read the same as a document.
    if (auto fast = cnscd::telegram::read_sent_answer(body)) {
        auto full = cnscd::telegram::read_answer_document(200, body);
        if (!full.ok || full.error_code != 0 || !full.description.empty() || full.retry_after != 0 ||
            !full.migrate_to_chat_id.empty() || full.message_id != fast->message_id || !fast->ok)
            __builtin_trap();
    }
    auto update = cnscd::telegram::parse_update(body, "ToCNSBot");
    // A text message read by the fast reader must read the same through a JSON document.
    if (auto fast = cnscd::telegram::read_plain_message(body, "ToCNSBot")) {
        auto full = cnscd::telegram::parse_document(body, "ToCNSBot");
        if (!full || full->update_key != fast->update_key || full->chat != fast->chat ||
            full->chat_type != fast->chat_type || full->chat_title != fast->chat_title ||
            full->user_id != fast->user_id || full->user_name != fast->user_name ||
            full->language != fast->language || full->sent_at != fast->sent_at ||
            full->message_ref != fast->message_ref || full->text != fast->text || full->kind != fast->kind ||
            full->addressed_elsewhere != fast->addressed_elsewhere || full->file.has_value() ||
            !full->contact_phone.empty() || !full->migrated_to.empty())
            __builtin_trap();
    }
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
    return 0;
}
