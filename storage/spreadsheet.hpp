#pragma once

// Tables written as an XLSX workbook (one sheet each) or as CSV (UTF-8 with a BOM, so
// Excel shows Vietnamese correctly). What goes in the cells is the caller's business.

#include <cstdint>
#include <string>
#include <vector>

namespace cnscd {

// Text or a whole number. (A plain struct: GCC 12 warns falsely about std::variant here.)
struct sheet_cell {
    sheet_cell(std::string t) : text(std::move(t)) {}
    sheet_cell(const char* t) : text(t) {}
    sheet_cell(std::int64_t n) : number(n), is_number(true) {}
    sheet_cell(int n) : number(n), is_number(true) {}

    std::string text;
    std::int64_t number = 0;
    bool is_number = false;
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
