#pragma once

// The schema, as numbered migrations applied in order. A migration is never edited once
// released: change the schema by appending a new one.

#include <span>
#include <string_view>

namespace cnscd {

struct migration {
    int version;
    std::string_view name;
    std::string_view sql;
};

std::span<const migration> all_migrations();

} // namespace cnscd
