#include "handlers/ward_settings.hpp"

#include "storage/database.hpp"
#include "storage/registry.hpp"

#include <algorithm>

namespace cnscd {

const ward_config* ward_settings(const config& cfg, std::string_view ward_name) {
    for (auto& w : cfg.wards)
        if (w.name == ward_name)
            return &w;
    // "phuong hoa xuan" or "Phường Hoà Xuân" in the file: the operator means the ward, as
    // import-roster's --ward does.
    auto wanted = name_key(ward_name);
    for (auto& w : cfg.wards)
        if (name_key(w.name) == wanted)
            return &w;
    return nullptr;
}

std::vector<std::string> unmatched_config_wards(database& db, const config& cfg) {
    std::vector<std::string> out;
    ward_store wards(db);
    auto existing = wards.all();
    if (existing.empty())
        return out;
    std::string names;
    for (auto& w : existing)
        names += (names.empty() ? "\"" : ", \"") + w.name + "\"";
    for (std::size_t i = 0; i < cfg.wards.size(); ++i) {
        auto* entry = &cfg.wards[i];
        if (std::any_of(existing.begin(), existing.end(),
                        [&](auto& w) { return ward_settings(cfg, w.name) == entry; }))
            continue;
        auto key = "\"wards[" + std::to_string(i) + "].name\"";
        auto said = "config: " + key + " in " + cfg.source + " is \"" + entry->name + "\", ";
        // The same ward as an earlier entry (or one written exactly): that one's settings win.
        auto same = std::find_if(existing.begin(), existing.end(),
                                 [&](auto& w) { return name_key(w.name) == name_key(entry->name); });
        if (same != existing.end()) {
            auto* used = ward_settings(cfg, same->name);
            auto used_key = "\"wards[" + std::to_string(used - cfg.wards.data()) + "].name\"";
            out.push_back(said + "the same ward (\"" + same->name + "\") as " + used_key + " (\"" +
                          used->name +
                          "\"), whose settings apply to it, so the deadlines, targets and "
                          "join_policy set here apply to no ward. Fix: merge the two entries into one");
            continue;
        }
        auto near = wards.nearest(entry->name);
        out.push_back(said +
                      "which is no ward in the database, so the deadlines, targets and join_policy set there "
                      "apply to no ward (the wards there get the defaults). Wards in the database: " +
                      names + "." + (near ? " Nearest: \"" + near->name + "\"." : "") + " Fix: write " + key +
                      " as the ward is named in the database (accents and case do not matter), or add that "
                      "ward with `cnscd-bot import-roster ROSTER.csv --ward \"" +
                      entry->name + "\" --new-ward`");
    }
    return out;
}

} // namespace cnscd
