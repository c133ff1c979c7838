#pragma once

// What an adapter makes of one platform update: who wrote, in which chat, and what.
// Handlers only ever see this, never a Telegram or Zalo type.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace cnscd {

enum class channel { telegram, zalo_oa, zalo_bot, console };

// Short stable names, used in the database and in callback/dedupe keys.
std::string_view channel_name(channel c);
// How users know the platform: "Telegram", "Zalo OA", "Zalo Bot", "console".
std::string_view channel_display_name(channel c);
std::optional<channel> channel_from_name(std::string_view name);
// Whether the platform has a "share my phone number" button (only Telegram's keyboards do;
// elsewhere members link with an invite code).
bool has_contact_button(channel c);
// How long after a person's last message the platform lets a bot write to them privately; 0 for
// no limit. Zalo OA: 7 days (error -230 after); Telegram and the Zalo Bot platform: none.
std::int64_t private_window_seconds(channel c);

enum class chat_kind { private_chat, group };

// A chat on one platform. Ids are kept as text: Zalo ids do not fit a double and
// Telegram's fit int64, so text is the common form.
struct chat_address {
    channel platform = channel::console;
    std::string chat_id;

    bool operator==(const chat_address&) const = default;
    auto operator<=>(const chat_address&) const = default;
};

// Who a message is from when it is not a person's own account.
enum class sender_chat_kind {
    none,            // a person (user_id is theirs)
    anonymous_admin, // an admin with "Remain anonymous" on: the group posts for them
    channel,         // someone posting as a channel
    linked_channel,  // a linked channel's post, forwarded into its discussion group by Telegram
};

enum class incoming_kind {
    message,        // text or caption (a command, a number answering a choice, or chatter)
    edited_message, // an edit of an earlier message
    choice,         // a button press (callback) carrying `choice_data`
    contact,        // a shared phone contact
    bot_added,      // the bot was added to a group or unblocked in private
    bot_removed,    // the bot was removed from a group or blocked in private
    chat_migrated,  // the group became a supergroup with id `migrated_to`
    follow,         // Zalo OA follow
    unfollow,       // Zalo OA unfollow
    topic_closed,   // a forum topic (`thread_id`) was closed: members can no longer write there
    other,          // anything else; recorded for dedupe, otherwise ignored
};

struct attachment {
    std::string kind;     // document | photo | file | image
    std::string file_ref; // platform file id or URL
    std::string file_name;
};

struct incoming {
    incoming_kind kind = incoming_kind::message;
    std::string update_key; // unique per platform update; duplicates carry the same key
    chat_address chat;
    chat_kind chat_type = chat_kind::private_chat;
    std::string chat_title;
    std::string user_id;         // the sender's id on this platform
    std::string user_name;       // display name, for greetings only
    std::string language;        // platform language code, e.g. "vi"
    std::int64_t sent_at = 0;    // unix seconds (platform time)
    std::string message_ref;     // platform message id, for quoting and edits
    std::string text;            // message text or caption, command prefix included
    std::string choice_data;     // incoming_kind::choice
    std::string choice_ref;      // platform id of the button press, to acknowledge it
    std::string contact_phone;   // incoming_kind::contact
    std::string contact_user_id; // whose contact it is (must be the sender's own)
    std::string migrated_to;     // incoming_kind::chat_migrated: the new chat id
    std::optional<attachment> file;
    std::string album; // photos sent together share it (Telegram's media_group_id); only one has a caption
    // Further images of the same message (Zalo OA sends several in one event).
    std::vector<attachment> more_files;
    bool addressed_elsewhere = false; // "/cmd@otherbot": not for us
    // The forum topic the message was written in (Telegram's message_thread_id of a topic
    // message); empty outside topics and in "General". Replies go back to it.
    std::string thread_id;
    // Written in the name of a chat, not a person: an admin posting anonymously (the sender is
    // the group itself) or someone posting as a channel. `user_id` then names no one.
    sender_chat_kind sender_chat = sender_chat_kind::none;
    // Forwarded from someone else's message (or from a hidden or unknown author): their words,
    // not the sender's, so not the sender's visit either.
    bool forwarded_from_other = false;
    // Content the bot cannot read (a voice note, a sticker, a video...): a member who dictated a
    // visit privately must hear that nothing was recorded.
    bool unreadable = false;
};

} // namespace cnscd
