#pragma once

// Tables written as an XLSX workbook (one sheet each) or as CSV (UTF-8 with a BOM, so
// Excel shows Vietnamese correctly). What goes in the cells is the caller's business.

#include <cstdint>
#include <string>
#include <vector>

namespace cnscd {

// Text, a whole number, or a date (with or without its time). (A plain struct: GCC 12 warns
// falsely about std::variant here.)
struct sheet_cell {
    sheet_cell(std::string t) : text(std::move(t)) {}
    sheet_cell(const char* t) : text(t) {}
    sheet_cell(std::int64_t n) : number(n), is_number(true) {}
    sheet_cell(int n) : number(n), is_number(true) {}

    // A local calendar date, "dd/mm/yyyy": a date cell in XLSX, so it sorts and filters as one.
    static sheet_cell date(int year, unsigned month, unsigned day);
    // An instant shown in the zone `utc_offset_minutes` east of UTC, "dd/mm/yyyy hh:mm".
    static sheet_cell date_time(std::int64_t unix_seconds, int utc_offset_minutes);

    std::string text; // what CSV writes (for a date, as the sheet shows it)
    std::int64_t number = 0;
    bool is_number = false;
    enum class date_kind { none, date, date_time } dated = date_kind::none;
    std::int64_t local_seconds = 0; // a date's seconds since 1970-01-01 00:00 local time
};

struct sheet {
    std::string name; // at most 31 characters (Excel's limit)
    std::vector<std::string> headers;
    std::vector<std::vector<sheet_cell>> rows;
};

// Writes the workbook to `path`; returns an empty string, or what went wrong.
std::string write_xlsx(const std::string& path, const std::vector<sheet>& sheets);
// One sheet as CSV text.
std::string to_csv(const sheet& s);
// One CSV field: as it is, or quoted (with quotes doubled) when it holds a separator (, or ;),
// a quote or a line break.
std::string csv_field(const std::string& v);

} // namespace cnscd
