#include "handlers/private_reach.hpp"

#include <algorithm>

namespace cnscd {

namespace {

// A reminder planned now is sent a little later; it must not arrive just after the edge.
constexpr std::int64_t margin_seconds = 3600;

// The last instant a message may be sent, for an account whose platform has a window.
std::int64_t window_edge(channel platform, std::int64_t last_message_at) {
    return last_message_at + private_window_seconds(platform) - margin_seconds;
}

std::int64_t window_edge(const linked_account& account) {
    return window_edge(account.chat.platform, account.last_private_message_at);
}

} // namespace

bool can_write_privately(const linked_account& account, std::int64_t now) {
    if (account.window_closed_at)
        return false; // the platform said so, whatever the estimate
    return private_window_seconds(account.chat.platform) == 0 || now < window_edge(account);
}

bool window_closing(const linked_account& account, std::int64_t now, int days) {
    return private_window_seconds(account.chat.platform) > 0 && can_write_privately(account, now) &&
           now + days * 24 * 3600LL >= window_edge(account);
}

std::optional<window_closure> window_closed_since(channel platform, std::optional<std::int64_t> previous,
                                                  std::optional<std::int64_t> refused_since,
                                                  std::int64_t now) {
    if (private_window_seconds(platform) == 0)
        return std::nullopt;
    if (!previous)
        return window_closure{0, window_cause::never_written, 0};
    std::optional<std::int64_t> since;
    if (auto edge = window_edge(platform, *previous); now >= edge)
        since = edge;
    // The refused message was planned a little before it was queued (a reminder at its slot): the
    // same margin back, so that it is among what they missed.
    if (refused_since)
        since = std::min(since.value_or(*refused_since), *refused_since - margin_seconds);
    if (!since)
        return std::nullopt;
    // Refused before the window's days had passed: saying they had would be false.
    bool early = refused_since && *refused_since < *previous + private_window_seconds(platform);
    return window_closure{*since, early ? window_cause::refused : window_cause::days_passed, *previous};
}

bool can_reach_privately(const linked_account& account, std::int64_t now) {
    return !account.blocked && can_write_privately(account, now);
}

std::vector<chat_address> private_routes(database& db, std::int64_t member_id, std::int64_t now) {
    std::vector<chat_address> out;
    for (auto& a : member_store(db).linked_accounts_of(member_id))
        if (can_reach_privately(a, now))
            out.push_back(a.chat);
    return out;
}

private_reach private_reach_of(database& db, std::int64_t member_id, std::int64_t now) {
    auto accounts = member_store(db).linked_accounts_of(member_id);
    if (accounts.empty())
        return private_reach::not_linked;
    bool open =
        std::any_of(accounts.begin(), accounts.end(), [&](auto& a) { return can_write_privately(a, now); });
    return open ? private_reach::open : private_reach::waiting;
}

} // namespace cnscd
