#include "handlers/numbered_choices.hpp"

#include "storage/conversation_store.hpp"

#include <nlohmann/json.hpp>

namespace cnscd {

bool shows_buttons(channel c) {
    return c == channel::telegram;
}

std::string write_numbered_list(const numbered_list& l) {
    return nlohmann::json{{"data", l.data}, {"labels", l.labels}}.dump(
        -1, ' ', false, nlohmann::json::error_handler_t::replace);
}

numbered_list read_numbered_list(std::string_view state) {
    numbered_list l;
    auto j = nlohmann::json::parse(state, nullptr, false);
    auto strings = [](const nlohmann::json& a) {
        std::vector<std::string> out;
        if (a.is_array())
            for (auto& e : a)
                out.push_back(e.is_string() ? e.get<std::string>() : std::string());
        return out;
    };
    if (j.is_array()) {
        l.data = strings(j); // stored before the labels were
    } else if (j.is_object()) {
        l.data = strings(j.value("data", nlohmann::json::array()));
        l.labels = strings(j.value("labels", nlohmann::json::array()));
        if (l.labels.size() != l.data.size())
            l.labels.clear();
    }
    return l;
}

void remember_choices(database& db, const outgoing& o, const std::string& thread_id,
                      const std::string& user_id, std::int64_t expires_at) {
    // The numbers count across rows, as the list shows them.
    numbered_list l;
    for (auto& row : o.choices)
        for (auto& b : row) {
            l.data.push_back(b.data);
            l.labels.push_back(b.label);
        }
    conversation_store(db).put({o.to, thread_id, user_id, "choice", write_numbered_list(l), expires_at});
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
