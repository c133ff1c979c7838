#pragma once

// Everything the bot sends is first a row here, written in the same transaction as the
// work that caused it. The sender (bot/outbox_sender) delivers each row at least once and
// records the outcome; the row id is the delivery's idempotency key.

#include "messages/outgoing.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cnscd {

class database;

struct outbox_row {
    std::int64_t id = 0;
    outgoing message;
    int attempts = 0;
    std::int64_t created_at = 0;
};

enum class delivery_state { pending, sent, failed, merged, cancelled };

// The final outcome of one row, for features that follow their deliveries (broadcast
// progress, delivery reports).
struct delivery_report {
    outbox_row row;
    bool delivered = false;
    std::string message_ref;
    std::string error;      // why it failed: the platform's words
    bool chat_gone = false; // the bot was removed from the chat or blocked
    std::int64_t at = 0;
    bool outside_window = false; // the platform takes no message for that person now
};

// A message the platform accepted for a group chat, and when (for the group's rate window).
struct group_send {
    channel platform = channel::telegram;
    std::string chat_id;
    std::int64_t sent_at = 0;
};

struct delivery_status {
    delivery_state state = delivery_state::pending;
    std::string message_ref;
    std::string error;
    int attempts = 0;
};

// The reason an inactive chat is kept for when the platform refused a private message for its
// window (mark_window_closed), not because the chat is gone.
inline constexpr std::string_view window_closed_reason = "window";

class outbox {
public:
    explicit outbox(database& db) : db_(db) {}

    // Queues a message; the database's outbox listener hears of it after commit.
    std::int64_t add(const outgoing& message, std::int64_t now);

    // Rows still to deliver, oldest first (for a restart).
    std::vector<outbox_row> pending();
    std::optional<outbox_row> find(std::int64_t id);
    // Messages sent to group chats since `since`, oldest first: a restart keeps each group's
    // per-minute window.
    std::vector<group_send> group_sends_since(std::int64_t since);
    std::optional<delivery_status> status(std::int64_t id);

    void mark_sent(std::int64_t id, const std::string& message_ref, std::int64_t now);
    void mark_failed(std::int64_t id, const std::string& error, std::int64_t now);
    // Delivered as part of row `into` (several confirmations merged into one message).
    void mark_merged(std::int64_t id, std::int64_t into, std::int64_t now);
    void reschedule(std::int64_t id, std::int64_t not_before, int attempts, const std::string& error);
    // A cancelled broadcast: its rows not sent yet become 'cancelled' and the sender drops them
    // (one already on its way still goes). Returns how many were withdrawn.
    int withdraw_campaign(std::int64_t campaign_id, std::int64_t now);

    // A group became a supergroup: pending rows follow it to the new id.
    int rekey_chat(channel platform, const std::string& old_chat, const std::string& new_chat);

    // Chats where the platform said the bot is gone; sends there fail at once.
    void mark_chat_inactive(channel platform, const std::string& chat_id, const std::string& reason,
                            std::int64_t now);
    void mark_chat_active(channel platform, const std::string& chat_id);
    bool chat_inactive(channel platform, const std::string& chat_id);
    // The platform refused a private message because the person has not written recently (Zalo
    // OA's window): nothing more is planned there until they write (mark_chat_active). `since` is
    // when the refused message was queued; an earlier refusal, or a chat already gone, is kept.
    void mark_window_closed(channel platform, const std::string& chat_id, std::int64_t since);
    // Since when such a refusal stands for this chat, if one does.
    std::optional<std::int64_t> window_closed_at(channel platform, const std::string& chat_id);

    std::int64_t depth();
    // Removes delivered rows older than `before`; failed rows are kept for the reports.
    int prune(std::int64_t before);

private:
    database& db_;
};

// The stored form of a message (without its address, which has its own columns).
std::string encode_payload(const outgoing& message);
// The general encoder, through a json object. encode_payload writes the same bytes directly
// for rows without buttons or a file (tests compare the two).
std::string encode_payload_with_json(const outgoing& message);
outgoing decode_payload(const std::string& payload, channel platform, const std::string& chat_id,
                        lane priority);

std::string_view delivery_state_name(delivery_state s);

} // namespace cnscd
