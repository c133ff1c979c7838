#include "bot/sent_parts.hpp"

namespace cnscd {

namespace {

// A row is retried for hours at most (a night curfew ends at 06:00, the outbox gives up after
// six hours); an entry older than this belongs to a row that was given up.
constexpr auto keep_for = std::chrono::hours(24);
constexpr std::size_t max_entries = 1024;

} // namespace

std::size_t sent_parts::already_sent(const std::string& key) {
    if (key.empty())
        return 0;
    std::lock_guard lock(mutex_);
    prune(clock::now());
    auto it = sent_.find(key);
    return it == sent_.end() ? 0 : it->second.parts;
}

void sent_parts::note(const std::string& key, std::size_t parts) {
    if (key.empty())
        return;
    std::lock_guard lock(mutex_);
    auto now = clock::now();
    prune(now);
    if (sent_.size() >= max_entries)
        sent_.erase(sent_.begin());
    sent_[key] = {parts, now};
}

void sent_parts::settle(const std::string& key, delivery_result::outcome what) {
    using o = delivery_result::outcome;
    if (key.empty() || what == o::retry || what == o::rate_limited || what == o::reschedule)
        return;
    std::lock_guard lock(mutex_);
    sent_.erase(key);
}

void sent_parts::prune(clock::time_point now) {
    std::erase_if(sent_, [&](auto& kv) { return now - kv.second.at > keep_for; });
}

} // namespace cnscd
