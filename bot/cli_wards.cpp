#include "bot/cli_wards.hpp"

#include "messages/markup.hpp"
#include "messages/registry_texts.hpp"
#include "storage/database.hpp"
#include "storage/registry.hpp"

#include <iostream>

namespace cnscd {

void print_unknown_ward(language l, database& db, const std::string& name, bool can_create) {
    // The CLI prints plain text: the catalog escapes for chat markup.
    auto print = [](const std::string& s) { std::cerr << markup::to_plain(s) << "\n"; };
    std::string wards;
    for (auto& w : ward_store(db).all())
        wards += (wards.empty() ? "" : ", ") + w.name;
    if (wards.empty())
        return print(say(l, registry_text::no_wards, {{"db", db.path()}, {"ward", name}}));
    auto near = ward_store(db).nearest(name);
    // Filled already (its ward name escaped), so passed as markup.
    auto nearest = near ? say(l, registry_text::ward_nearest, {{"ward", near->name}}) : std::string();
    print(say(l, can_create ? registry_text::ward_not_created : registry_text::ward_unknown,
              {{"ward", name}, {"wards", wards}, arg::markup("nearest", nearest)}));
}

} // namespace cnscd
