#include "messages/topic_targets.hpp"

#include "config/edit_distance.hpp"
#include "messages/topics.hpp"

namespace cnscd {

std::optional<std::string> unknown_target_topic(const config& c) {
    for (std::size_t w = 0; w < c.wards.size(); ++w) {
        auto& targets = c.wards[w].targets;
        for (std::size_t t = 0; t < targets.size(); ++t) {
            auto& metric = targets[t].metric;
            if (!metric.starts_with("topic:"))
                continue;
            auto code = std::string_view(metric).substr(6);
            if (find_topic(code))
                continue;
            std::string codes;
            std::string_view nearest;
            std::size_t best = 3; // farther than two edits is no typo
            for (auto& topic : all_topics()) {
                codes += (codes.empty() ? "" : ", ") + std::string(topic.code);
                if (auto d = edit_distance(code, topic.code); d < best) {
                    best = d;
                    nearest = topic.code;
                }
            }
            return c.source + ": key \"wards[" + std::to_string(w) + "].targets[" + std::to_string(t) +
                   "].metric\": the bot has no topic \"" + std::string(code) +
                   "\", so this target would count nothing. Fix: " +
                   (nearest.empty() ? std::string() : "did you mean topic:" + std::string(nearest) + "? ") +
                   "The topics are " + codes + ".";
        }
    }
    return std::nullopt;
}

} // namespace cnscd
