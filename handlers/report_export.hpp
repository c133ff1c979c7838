#pragma once

// The ward's report as a spreadsheet: a sheet of teams (figures, submitted at, on time), a
// sheet of members, and the raw visits and sessions of the period, with Vietnamese headers.
// Used by /xuat in chat and `cnscd-bot export` on the command line.

#include "config/config.hpp"
#include "handlers/reporting_calendar.hpp"
#include "messages/catalog.hpp"
#include "storage/registry.hpp"
#include "storage/spreadsheet.hpp"

#include <optional>
#include <string>
#include <vector>

namespace cnscd {

class database;

struct ward_export {
    std::vector<sheet> sheets; // teams, members, visits
    std::size_t teams = 0, members = 0, records = 0;
};

ward_export build_ward_export(database& db, const config& cfg, language lang, const ward_record& ward,
                              const deadline_instance& d);

// The occurrence of the ward's team deadline whose period key is `key` ("2026-11",
// "2026-Q3", "2026"); a plain calendar period when the ward has no such deadline (nullopt
// without `calendar_fallback`).
// nullopt when the key is not a period.
std::optional<deadline_instance> instance_for_key(database& db, const config& cfg, const ward_record& ward,
                                                  const std::string& key, bool calendar_fallback = true);

// "bao-cao-phuong-hoa-xuan-2026-Q3": a file name without accents or spaces.
std::string export_file_stem(const ward_record& ward, const deadline_instance& d);

} // namespace cnscd
