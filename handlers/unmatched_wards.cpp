#include "handlers/unmatched_wards.hpp"

#include "storage/database.hpp"
#include "storage/registry.hpp"

#include <algorithm>

namespace cnscd {

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
        auto& name = cfg.wards[i].name;
        // Exactly, as config::find_ward compares: "phuong hoa xuan" finds no settings.
        if (std::any_of(existing.begin(), existing.end(), [&](auto& w) { return w.name == name; }))
            continue;
        auto near = wards.by_name(name); // the same but for accents, case or spacing
        if (!near)
            near = wards.nearest(name);
        auto key = "\"wards[" + std::to_string(i) + "].name\"";
        out.push_back(
            "config: " + key + " in " + cfg.source + " is \"" + name +
            "\", which is no ward in the database, so the deadlines, targets and join_policy set there "
            "apply to no ward (the wards there get the defaults). Wards in the database: " +
            names + "." + (near ? " Nearest: \"" + near->name + "\"." : "") + " Fix: write " + key +
            " exactly as the ward is named in the database" +
            (near ? " (accents and case matter here)" : "") +
            ", or add that ward with `cnscd-bot import-roster ROSTER.csv --ward \"" + name +
            "\" --new-ward`");
    }
    return out;
}

} // namespace cnscd
