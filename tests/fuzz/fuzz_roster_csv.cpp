// libFuzzer: bytes as a roster CSV upload. What reads must write back and read again to the same
// rows (an export re-imported changes nothing).

#include "storage/roster_csv.hpp"

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace {
bool same(const cnscd::roster_entry& a, const cnscd::roster_entry& b) {
    return a.full_name == b.full_name && a.position == b.position && a.role == b.role && a.phone == b.phone &&
           a.cccd == b.cccd && a.area == b.area && a.note == b.note && a.team == b.team;
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view bytes(reinterpret_cast<const char*>(data), size);
    std::optional<std::string> team;
    if (size > 0 && data[0] == 'T')
        team = "Tổ dân phố số 1"; // the --team form for a one-team file
    auto file = cnscd::read_roster(bytes, team);
    if (!file || file->entries.empty())
        return 0;
    auto again = cnscd::read_roster(cnscd::write_roster(file->entries), std::nullopt);
    if (!again || again->entries.size() != file->entries.size())
        __builtin_trap();
    for (std::size_t i = 0; i < file->entries.size(); ++i)
        if (!same(file->entries[i], again->entries[i]))
            __builtin_trap();
    return 0;
}
