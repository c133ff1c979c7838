#pragma once

// Whether the bot may write to someone privately now, on platforms that allow it only for a while
// after the person's last message (private_window_seconds: Zalo OA). Sending into a closed window
// fails, so reminders and notices go only where they can arrive, and leaders and ward staff are
// told who cannot be reached.

#include "messages/incoming.hpp"
#include "storage/registry.hpp"

#include <cstdint>
#include <optional>
#include <vector>

namespace cnscd {

class database;

// Whether a private message sent now can still arrive (an hour's margin before the edge, and no
// refusal for the window since the person last wrote).
bool can_write_privately(const linked_account& account, std::int64_t now);

// Whether the account's window closes within `days` of `now` (and is still open now): a message
// sent to it should say how to keep it open.
bool window_closing(const linked_account& account, std::int64_t now, int days);

// Why the bot could not write to someone privately, as they are told when they write again.
enum class window_cause {
    days_passed,   // the window's days passed since their last message
    refused,       // the platform refused a message before that (Zalo OA -230/-232 inside the 7 days)
    never_written, // they had not written privately before
};

struct window_closure {
    std::int64_t since = 0; // since when the bot could not write
    window_cause cause = window_cause::days_passed;
    std::int64_t last_message_at = 0; // their message before this one (0 for never_written)
};

// Someone writes privately on a platform with a window; `previous` is their message before this
// one, `refused_since` when the platform refused a message to them for the window since then
// (outbox::window_closed_at). If the bot could not write to them just before now (the window had
// closed by the estimate or by the platform's word, or they never wrote before), since when (the
// earlier of the two) and why; nullopt if it could, or the platform has no window.
std::optional<window_closure> window_closed_since(channel platform, std::optional<std::int64_t> previous,
                                                  std::optional<std::int64_t> refused_since,
                                                  std::int64_t now);

// Whether a private message sent now can arrive: the window is open and the person has not
// blocked the bot (or unfollowed the OA) since they last wrote.
bool can_reach_privately(const linked_account& account, std::int64_t now);

// The member's accounts the bot can reach privately now (can_reach_privately).
std::vector<chat_address> private_routes(database& db, std::int64_t member_id, std::int64_t now);

enum class private_reach {
    not_linked,
    open,    // at least one account can be written to now
    waiting, // linked, but every account waits for its owner's next message
};
private_reach private_reach_of(database& db, std::int64_t member_id, std::int64_t now);

} // namespace cnscd
