#pragma once

// Applies a roster file to a ward: creates or updates its teams and members and reports
// what was added, changed, left unchanged and rejected. Importing the same file twice
// changes nothing the second time. A dry run reports the same without writing.
//
// A row is the person already known by its phone, else its CCCD, else its name in its team
// (with a phone: a namesake whose old number is on no row of the file, i.e. a new number). A row whose phone
// is known under another name is that person only when the names differ in accents, case or spacing alone, or
// the row keeps their TT and team (a name corrected in place), or carries their CCCD; otherwise it is
// rejected, not applied over them.

#include "storage/personal_data.hpp"
#include "storage/roster_csv.hpp"

#include <cstdint>
#include <expected>
#include <string>
#include <vector>

namespace cnscd {

class database;

struct roster_change {
    std::string row_label;
    std::size_t line = 0;
    std::string name;
    std::vector<std::string> fields; // which columns changed (Vietnamese column names)
    std::string previous_name = {};  // when the name was corrected
    bool reactivated = false;        // had been taken off the team in chat (/xoa) ...
    std::int64_t removed_at = 0;     // ... then
    std::string team = {};
    // Not on the file as their team's leader, and stepped down to deputy because the file names
    // this other person as the team's leader (one leader per team, as /doivaitro does).
    std::string stepped_down_for = {};
    // The file puts back the role someone had before a change made in chat (/doivaitro): the
    // file is likely older than that change. When, and the role chat had given them.
    std::int64_t chat_role_changed_at = 0;
    std::string chat_role = {};
};

// A row left out on purpose: its person was erased on request, or (keep_removed) taken off the
// team in chat.
struct roster_skip {
    std::string row_label;
    std::size_t line = 0;
    std::string team;
    std::string name;            // "" for an erased person: the file's name is not repeated
    std::int64_t removed_at = 0; // when removed in chat; 0 for an erased person
};

// On a team the file lists, but on none of its rows: kept as they are, and named.
struct roster_absent {
    std::string row_label; // their TT on the roster, or ""
    std::string name;
    std::string team;
};

struct roster_report {
    std::string ward;
    bool ward_created = false;
    std::vector<std::string> teams_created;
    std::vector<roster_entry> added;
    std::vector<roster_change> changed;
    std::size_t unchanged = 0;
    std::vector<roster_problem> rejected;
    std::vector<roster_skip> skipped;
    std::vector<roster_absent> absent;
    std::vector<std::string> leaderless; // teams left without a leader (of the file, or led before)
};

enum class roster_import_error {
    no_data_key,  // the file has CCCDs and there is no key to encrypt them
    unknown_ward, // no such ward, others exist, and `new_ward` was not given
    key_mismatch, // the file has CCCDs and the key does not open those already stored (a new key)
};

struct roster_import_options {
    std::string ward;
    bool dry_run = false;
    bool skip_cccd = false; // import without the CCCD column
    // Create the ward if it does not exist. Without it a ward is created only in a database that
    // has none yet: a misspelt name must not make a second ward with the same people.
    bool new_ward = false;
    // A row on the TT and team of a member erased on request (forget-member) is skipped unless
    // this is set: the ward's old file still lists them. Matched by position, as nothing personal
    // of them is kept.
    bool include_erased = false;
    // A member taken off their team in chat (/xoa) is put back when the file lists them (and the
    // change says so) unless this is set, which leaves them out.
    bool keep_removed = false;
};

std::expected<roster_report, roster_import_error> import_roster(database& db, const roster_file& file,
                                                                const roster_import_options& options,
                                                                const personal_data& crypto,
                                                                std::int64_t now);

// The ward's roster as entries, for export-roster. CCCDs are masked unless `full_cccd`
// (which needs the key; otherwise they stay masked).
std::vector<roster_entry> roster_of_ward(database& db, std::int64_t ward_id, const personal_data& crypto,
                                         bool full_cccd);

} // namespace cnscd
