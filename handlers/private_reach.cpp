#include "handlers/private_reach.hpp"

namespace cnscd {

namespace {

constexpr std::int64_t window_seconds = 7 * 24 * 3600;
// A reminder planned now is sent a little later; it must not arrive just after the edge.
constexpr std::int64_t margin_seconds = 3600;

} // namespace

bool has_private_window(channel platform) {
    return platform == channel::zalo_oa;
}

bool can_write_privately(const linked_account& account, std::int64_t now) {
    return !has_private_window(account.chat.platform) ||
           now < account.last_private_message_at + window_seconds - margin_seconds;
}

bool window_closing(const linked_account& account, std::int64_t now, int days) {
    return has_private_window(account.chat.platform) && can_write_privately(account, now) &&
           now + days * 24 * 3600LL >= account.last_private_message_at + window_seconds - margin_seconds;
}

std::vector<chat_address> private_routes(database& db, std::int64_t member_id, std::int64_t now) {
    std::vector<chat_address> out;
    for (auto& a : member_store(db).linked_accounts_of(member_id))
        if (can_write_privately(a, now))
            out.push_back(a.chat);
    return out;
}

bool linked_but_unreachable(database& db, std::int64_t member_id, std::int64_t now) {
    auto accounts = member_store(db).linked_accounts_of(member_id);
    if (accounts.empty())
        return false;
    for (auto& a : accounts)
        if (can_write_privately(a, now))
            return false;
    return true;
}

} // namespace cnscd
