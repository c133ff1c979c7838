#pragma once

// Wards, teams, members, linked chat accounts and bound group chats: the records every
// handler needs to know who is writing and for which team.

#include "messages/incoming.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace cnscd {

class database;

struct ward_record {
    std::int64_t id = 0;
    std::string name;
    std::string join_policy = "roster"; // roster | open
};

struct team_record {
    std::int64_t id = 0;
    std::int64_t ward_id = 0;
    std::string name;
    std::string code;
    std::string area;
    std::optional<std::int64_t> households;
    bool active = true;
    std::int64_t created_at = 0; // came into the bot's records (a roster import, /themto...)
};

// A member's chat account and the last time its owner wrote to the bot privately (at least
// when it was linked).
struct linked_account {
    chat_address chat;
    std::int64_t last_private_message_at = 0;
    // The platform said this private chat is gone (blocked the bot, unfollowed the OA) and the
    // person has not written since: nothing sent there arrives.
    bool blocked = false;
    // The platform refused a message here for its window (Zalo OA: not written for too long)
    // since this instant, and the person has not written since: the window is closed whatever
    // last_private_message_at suggests.
    std::optional<std::int64_t> window_closed_at;
};

struct member_record {
    std::int64_t id = 0;
    std::int64_t ward_id = 0;
    std::optional<std::int64_t> team_id; // none for ward staff
    std::string full_name;
    std::string position;   // Chức vụ tổ/xóm/đơn vị công tác
    std::string role;       // member | deputy | leader | ward_staff | admin
    std::string role_title; // as the ward wrote it
    std::string phone;      // +84..., normalised
    std::string cccd_hint;  // last 3 digits, for masked display
    std::string area;
    std::string note;
    std::string roster_row;
    std::string language; // "" = the configured default
    std::string source = "roster";
    bool active = true;
    std::optional<std::int64_t> removed_at; // made inactive (/xoa, or erased); none while active
    std::optional<std::int64_t> erased_at;  // personal data erased on request (forget-member)
    // Put on their current team (added later, moved, taken back); none: on it from the team's start.
    std::optional<std::int64_t> team_since;
    std::int64_t created_at = 0; // came into the ward's records
};

// A group chat bound to a team, or to the whole ward when team_id is empty.
struct group_binding {
    chat_address chat;
    std::int64_t ward_id = 0;
    std::optional<std::int64_t> team_id;
    std::string title;
    bool active = true;
};

class ward_store {
public:
    explicit ward_store(database& db) : db_(db) {}
    std::optional<ward_record> by_id(std::int64_t id);
    std::optional<ward_record> by_name(const std::string& name);
    // Creates the ward if missing; returns its id.
    std::int64_t ensure(const std::string& name, std::int64_t now);
    void set_join_policy(std::int64_t id, const std::string& policy);
    std::vector<ward_record> all();
    // The ward whose name is closest to `name`, when one is close: "Hải Châu" or "Phuong Hai Chau"
    // for "Phường Hải Châu". For "did you mean" when a name matches no ward.
    std::optional<ward_record> nearest(const std::string& name);

private:
    database& db_;
};

class team_store {
public:
    explicit team_store(database& db) : db_(db) {}
    std::optional<team_record> by_id(std::int64_t id);
    std::optional<team_record> by_name(std::int64_t ward_id, const std::string& name);
    std::optional<team_record> by_code(std::int64_t ward_id, const std::string& code);
    std::vector<team_record> in_ward(std::int64_t ward_id, bool active_only = true);
    // Creates the team if missing (code derived from the name); returns its id.
    std::int64_t ensure(std::int64_t ward_id, const std::string& name, std::int64_t now);
    // Creates a team the caller knows is new (no accent-insensitive look-up first).
    std::int64_t insert(std::int64_t ward_id, const std::string& name, std::int64_t now);
    void update(const team_record& team);

private:
    database& db_;
};

class member_store {
public:
    explicit member_store(database& db) : db_(db) {}
    std::optional<member_record> by_id(std::int64_t id);
    std::optional<member_record> by_account(channel platform, const std::string& user_id);
    std::optional<member_record> by_phone(std::int64_t ward_id, const std::string& phone);
    // Any ward: phones are unique within a ward; the first active match.
    std::optional<member_record> by_phone_any_ward(const std::string& phone);
    std::vector<member_record> in_team(std::int64_t team_id, bool active_only = true);
    std::vector<member_record> in_ward(std::int64_t ward_id, bool active_only = true);
    std::int64_t insert(const member_record& m, std::int64_t now);
    void update(const member_record& m, std::int64_t now);
    // Inactive from `now` (removed_at), or active again.
    void set_active(std::int64_t id, bool active, std::int64_t now);
    // Also sets the roster title (Chức vụ Tổ CNSCĐ) to the role's standard one: the ward's wording
    // was for the old role, and an exported roster must carry the new one or re-importing it
    // would undo the change.
    void set_role(std::int64_t id, const std::string& role, std::int64_t now);
    void set_language(std::int64_t id, const std::string& language);
    // Encrypted citizen id (see personal_data.hpp); the hint is its last 3 digits.
    void set_cccd(std::int64_t id, const std::string& sealed, const std::string& hint,
                  const std::string& digest);
    std::optional<std::string> sealed_cccd(std::int64_t id);
    std::optional<std::int64_t> by_cccd_digest(std::int64_t ward_id, const std::string& digest);

    void link_account(channel platform, const std::string& user_id, std::int64_t member_id,
                      const std::string& how, std::int64_t now);
    void unlink_account(channel platform, const std::string& user_id);
    // Chat accounts of a member (private chat ids equal user ids on our platforms).
    std::vector<chat_address> accounts_of(std::int64_t member_id);
    // The accounts the bot can write to privately: not a console login (`chat --as`), which
    // nothing reaches outside its session.
    std::vector<linked_account> linked_accounts_of(std::int64_t member_id);
    // A member's right to erasure (Decree 13/2023): name replaced by `placeholder`, phone, CCCD,
    // position, area, note and language cleared, chat accounts unlinked with what was kept about
    // them (last private message, invites, open questions, held visits), the member made inactive,
    // and their name replaced in the audit log. Their visits stay, so the figures already
    // reported do not change; they are attributed to `placeholder`.
    void erase_personal_data(std::int64_t id, const std::string& placeholder, std::int64_t now);
    // Someone wrote to the bot privately (kept per minute: a burst writes once). Returns when they
    // had last written before, if ever.
    std::optional<std::int64_t> note_private_message(channel platform, const std::string& user_id,
                                                     std::int64_t now);

private:
    database& db_;
};

class group_store {
public:
    explicit group_store(database& db) : db_(db) {}
    std::optional<group_binding> find(const chat_address& chat);
    void bind(const group_binding& binding, std::optional<std::int64_t> bound_by, std::int64_t now);
    void set_active(const chat_address& chat, bool active);
    // The group upgraded to a supergroup: the binding follows it to its new id.
    bool migrate(const chat_address& from, const std::string& new_chat_id);
    std::vector<group_binding> of_team(std::int64_t team_id);
    std::vector<group_binding> of_ward(std::int64_t ward_id, bool team_groups_only);
    // Teams of the ward with a bound group the bot was removed from (the binding is kept).
    std::vector<std::int64_t> teams_with_bot_removed(std::int64_t ward_id);

private:
    database& db_;
};

// Who did what to whom: roles, bindings, memberships, broadcasts, exports.
class audit_log {
public:
    explicit audit_log(database& db) : db_(db) {}
    void record(std::optional<std::int64_t> actor_id, const std::string& actor, const std::string& action,
                const std::string& subject, const std::string& detail, std::int64_t now);

    struct entry {
        std::int64_t at = 0;
        std::string actor, action, subject, detail;
    };
    std::vector<entry> recent(std::size_t limit);
    // A role change's detail ("leader -> deputy"), as /doivaitro records it and import-roster reads it.
    static std::string role_change(const std::string& from, const std::string& to) {
        return from + " -> " + to;
    }
    // The newest entry of `action` about `subject`, if any.
    std::optional<entry> latest(const std::string& action, const std::string& subject);

private:
    database& db_;
};

// "Lê  Thị Cuc!" -> "le thi cuc": a name as compared, without accents, case, punctuation or
// extra spaces.
std::string name_key(std::string_view name);

// "Tổ dân phố số 1" -> "to1"; "Thôn Đông" -> "thondong": short handles for commands.
std::string team_code_from_name(const std::string& name);

} // namespace cnscd
