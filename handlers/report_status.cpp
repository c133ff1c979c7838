#include "handlers/report_status.hpp"

#include "storage/registry.hpp"

namespace cnscd {

// Until report submissions are recorded (the reporting issue), no team has reported.
std::vector<std::int64_t> teams_not_reported(database& db, const config&, std::int64_t ward_id,
                                             std::int64_t) {
    std::vector<std::int64_t> out;
    for (auto& t : team_store(db).in_ward(ward_id))
        out.push_back(t.id);
    return out;
}

} // namespace cnscd
