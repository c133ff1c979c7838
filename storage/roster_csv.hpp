#pragma once

// The roster table wards already keep (TT, Họ tên, Chức vụ tổ/xóm/đơn vị công tác,
// Chức vụ Tổ CNSCĐ, SĐT, CCCD, Khu vực phụ trách, Ghi chú, and a team column headed Tổ,
// Tổ dân phố, Thôn or Xóm), read from CSV: UTF-8 with or without BOM, comma or semicolon,
// quoted cells, title rows above the header. Pure: no database.

#include "messages/role_title.hpp" // role_from_title, for the role column

#include <expected>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cnscd {

struct roster_entry {
    std::string row_label; // the TT value as written, else "" (use `line`)
    std::size_t line = 0;  // 1-based line of the file
    std::string full_name;
    std::string position;   // Chức vụ tổ/xóm/đơn vị công tác
    std::string role_title; // Chức vụ Tổ CNSCĐ as written
    std::string role;       // member | deputy | leader
    std::string phone;      // +84..., or empty
    std::string cccd;       // 12 digits, or empty
    std::string area;
    std::string note;
    std::string team;
};

enum class roster_issue {
    missing_name,
    bad_phone,
    bad_cccd,
    unknown_role,
    missing_team,
    duplicate_phone, // detail: the row that has it first
    duplicate_cccd,  // detail: the row that has it first
    // The phone is already someone's in the database and the row names someone else
    // (detail: their name; other_row, other_team: where they are on the roster).
    phone_of_other_person,
    // The file names another leader for the same team (detail: their name; other_row: their TT):
    // a team has one leader, and which of them it is now is for the ward to say.
    two_leaders,
};

struct roster_problem {
    std::string row_label;
    std::size_t line = 0;
    roster_issue issue;
    std::string detail; // what was written (never a full CCCD)
    std::string other_row = {};
    std::string other_team = {};
    std::size_t other_line = 0; // the other row's line, for one without a TT
};

struct roster_file {
    std::vector<roster_entry> entries;
    std::vector<roster_problem> rejected; // every problem of each refused row, in file order
    char delimiter = ',';
};

// How many rows `problems` refuse (a row may have several problems).
std::size_t rejected_rows(const std::vector<roster_problem>& problems);

enum class roster_file_error { empty, no_header, missing_columns, not_utf8 };

struct roster_read_error {
    roster_file_error error;
    std::string detail; // e.g. the missing column names
};

// `team_override`: the --team NAME for a file that holds one team.
std::expected<roster_file, roster_read_error> read_roster(std::string_view bytes,
                                                          const std::optional<std::string>& team_override);

// The same layout back (UTF-8 with BOM, comma-separated, quoted where needed, Tổ column last).
std::string write_roster(const std::vector<roster_entry>& entries);

} // namespace cnscd
