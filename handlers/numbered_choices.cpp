#include "handlers/numbered_choices.hpp"

#include "storage/conversation_store.hpp"

#include <nlohmann/json.hpp>

namespace cnscd {

bool shows_buttons(channel c) {
    return c == channel::telegram;
}

void remember_choices(database& db, const outgoing& o, const std::string& thread_id,
                      const std::string& user_id, std::int64_t expires_at) {
    // The numbers count across rows, as the list shows them.
    nlohmann::json data = nlohmann::json::array();
    for (auto& row : o.choices)
        for (auto& b : row)
            data.push_back(b.data);
    conversation_store(db).put({o.to, thread_id, user_id, "choice", data.dump(), expires_at});
}

void ask_unprompted(database& db, outgoing& o, const std::string& user_id, language lang, std::int64_t now,
                    std::int64_t ttl_seconds) {
    if (o.choices.empty() || shows_buttons(o.to.platform) || user_id.empty())
        return;
    auto open = conversation_store(db).find(o.to, o.thread_id, user_id);
    if (open && open->kind != "choice" && open->expires_at >= now)
        return;
    o.text += say(lang, text::choose_by_number);
    remember_choices(db, o, o.thread_id, user_id, now + ttl_seconds);
}

} // namespace cnscd
