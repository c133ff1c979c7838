#include "storage/roster_csv.hpp"

#include "messages/phone.hpp"
#include "messages/text_fold.hpp"
#include "storage/personal_data.hpp"
#include "storage/spreadsheet.hpp"

#include <algorithm>
#include <map>
#include <set>

namespace cnscd {
namespace {

struct csv_row {
    std::vector<std::string> cells;
    std::size_t line = 0;
};

char detect_delimiter(std::string_view text) {
    // Count both on the first lines, outside quotes.
    std::size_t commas = 0, semis = 0, lines = 0;
    bool quoted = false;
    for (char c : text) {
        if (c == '"')
            quoted = !quoted;
        else if (!quoted && c == ',')
            ++commas;
        else if (!quoted && c == ';')
            ++semis;
        else if (!quoted && c == '\n' && ++lines > 10)
            break;
    }
    return semis > commas ? ';' : ',';
}

std::vector<csv_row> parse_csv(std::string_view text, char delim) {
    std::vector<csv_row> rows;
    csv_row row;
    std::string cell;
    bool quoted = false;
    std::size_t line = 1;
    row.line = 1;
    for (std::size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        if (quoted) {
            if (c == '"') {
                if (i + 1 < text.size() && text[i + 1] == '"') {
                    cell += '"';
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                if (c == '\n')
                    ++line;
                cell += c;
            }
        } else if (c == '"' && trim(cell).empty()) {
            cell.clear();
            quoted = true;
        } else if (c == delim) {
            row.cells.emplace_back(trim(cell));
            cell.clear();
        } else if (c == '\n' || c == '\r') {
            if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n')
                ++i;
            row.cells.emplace_back(trim(cell));
            cell.clear();
            rows.push_back(std::move(row));
            row = {};
            row.line = ++line;
        } else {
            cell += c;
        }
    }
    if (!cell.empty() || !row.cells.empty()) {
        row.cells.emplace_back(trim(cell));
        rows.push_back(std::move(row));
    }
    return rows;
}

enum class column { row, name, position, role, phone, cccd, area, note, team };

std::optional<column> column_of(const std::string& header) {
    auto f = fold(header);
    std::string compact;
    for (char c : f)
        if (std::isalnum(static_cast<unsigned char>(c)))
            compact += c;
    if (compact == "tt" || compact == "stt" || compact == "sott")
        return column::row;
    if (compact == "hoten" || compact == "hovaten" || compact == "hotenthanhvien")
        return column::name;
    if (compact.find("cnscd") != std::string::npos ||
        compact.find("congnghesocongdong") != std::string::npos || compact == "vaitro" ||
        compact == "chucvutrongto")
        return column::role;
    if (compact.starts_with("chucvu") || compact.find("donvicongtac") != std::string::npos)
        return column::position;
    if (compact == "sdt" || compact == "sodienthoai" || compact == "dienthoai" || compact == "dt")
        return column::phone;
    if (compact == "cccd" || compact.find("cancuoc") != std::string::npos || compact == "socccd" ||
        compact == "cmnd" || compact == "cmndcccd")
        return column::cccd;
    if (compact.starts_with("khuvuc") || compact == "diaban" || compact == "phutrach")
        return column::area;
    if (compact == "ghichu")
        return column::note;
    if (compact == "to" || compact == "todanpho" || compact == "thon" || compact == "xom" ||
        compact == "todanphothon" || compact == "thonxom" || compact == "todanphothonxom" ||
        compact == "tothon")
        return column::team;
    return std::nullopt;
}

bool all_digits(std::string_view s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

} // namespace

std::size_t rejected_rows(const std::vector<roster_problem>& problems) {
    std::set<std::size_t> lines;
    for (auto& p : problems)
        lines.insert(p.line);
    return lines.size();
}

std::expected<roster_file, roster_read_error> read_roster(std::string_view bytes,
                                                          const std::optional<std::string>& team_override) {
    if (bytes.starts_with("\xEF\xBB\xBF"))
        bytes.remove_prefix(3);
    if (trim(bytes).empty())
        return std::unexpected(roster_read_error{roster_file_error::empty, ""});
    if (!valid_utf8(bytes))
        return std::unexpected(roster_read_error{roster_file_error::not_utf8, ""});
    roster_file file;
    file.delimiter = detect_delimiter(bytes);
    auto rows = parse_csv(bytes, file.delimiter);

    // The header is the first row naming the person's name column (title rows may come first).
    std::size_t header_index = rows.size();
    std::map<column, std::size_t> columns;
    for (std::size_t r = 0; r < rows.size() && header_index == rows.size(); ++r) {
        std::map<column, std::size_t> found;
        for (std::size_t c = 0; c < rows[r].cells.size(); ++c)
            if (auto col = column_of(rows[r].cells[c]); col && !found.count(*col))
                found[*col] = c;
        if (found.count(column::name)) {
            header_index = r;
            columns = std::move(found);
        }
    }
    if (header_index == rows.size())
        return std::unexpected(roster_read_error{roster_file_error::no_header, ""});
    if (!columns.count(column::team) && !team_override)
        return std::unexpected(
            roster_read_error{roster_file_error::missing_columns, "Tổ / Tổ dân phố / Thôn / Xóm"});

    auto cell = [&](const csv_row& row, column c) -> std::string {
        auto it = columns.find(c);
        if (it == columns.end() || it->second >= row.cells.size())
            return {};
        return row.cells[it->second];
    };
    std::string team_header =
        columns.count(column::team) ? rows[header_index].cells[columns[column::team]] : "";

    std::map<std::string, std::string> seen_phone, seen_cccd; // value -> row label
    for (std::size_t r = header_index + 1; r < rows.size(); ++r) {
        auto& row = rows[r];
        bool blank = std::all_of(row.cells.begin(), row.cells.end(), [](auto& c) { return c.empty(); });
        if (blank)
            continue;
        roster_entry e;
        e.line = row.line;
        e.row_label = cell(row, column::row);
        // How a later row with the same phone or CCCD names this one: "TT 1" (a bare "1" read as a
        // count: "trùng số điện thoại với 1"), or its line when it has no TT.
        auto label = e.row_label.empty() ? "dòng " + std::to_string(e.line) : "TT " + e.row_label;
        // Every problem of a row is reported at once, so one correction round fixes the row.
        bool bad = false;
        auto reject = [&](roster_issue issue, std::string detail) {
            file.rejected.push_back({e.row_label, e.line, issue, std::move(detail)});
            bad = true;
        };
        e.full_name = cell(row, column::name);
        e.position = cell(row, column::position);
        e.role_title = cell(row, column::role);
        e.area = cell(row, column::area);
        e.note = cell(row, column::note);
        e.team = team_override ? *team_override : cell(row, column::team);
        // A bare number under "Thôn" means "Thôn 3".
        if (!team_override && all_digits(e.team) && !team_header.empty())
            e.team = team_header + " " + e.team;
        if (e.full_name.empty())
            reject(roster_issue::missing_name, "");
        auto role = role_from_title(e.role_title);
        if (!role)
            reject(roster_issue::unknown_role, e.role_title);
        else
            e.role = *role;
        if (auto raw = cell(row, column::phone); !raw.empty()) {
            auto phone = normalize_phone(raw);
            if (!phone)
                reject(roster_issue::bad_phone, raw);
            else
                e.phone = *phone;
        }
        if (auto raw = cell(row, column::cccd); !raw.empty()) {
            std::string digits;
            for (char c : raw)
                if (c != ' ' && c != '.' && c != '-' && c != '\'')
                    digits += c;
            // The detail is how many digits the row has (the catalog words it); none when other
            // characters are mixed in, which a count would not explain.
            if (!valid_cccd(digits))
                reject(roster_issue::bad_cccd,
                       std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; })
                           ? std::to_string(digits.size())
                           : std::string());
            else
                e.cccd = digits;
        }
        if (e.team.empty())
            reject(roster_issue::missing_team, "");
        if (bad)
            continue;
        if (!e.phone.empty()) {
            if (auto it = seen_phone.find(e.phone); it != seen_phone.end()) {
                reject(roster_issue::duplicate_phone, it->second);
                continue;
            }
        }
        if (!e.cccd.empty()) {
            if (auto it = seen_cccd.find(e.cccd); it != seen_cccd.end()) {
                reject(roster_issue::duplicate_cccd, it->second);
                continue;
            }
        }
        if (!e.phone.empty())
            seen_phone[e.phone] = label;
        if (!e.cccd.empty())
            seen_cccd[e.cccd] = label;
        file.entries.push_back(std::move(e));
    }
    return file;
}

std::string write_roster(const std::vector<roster_entry>& entries) {
    std::string out = "\xEF\xBB\xBF";
    out +=
        "TT,Họ tên,Chức vụ tổ/xóm/đơn vị công tác,Chức vụ Tổ CNSCĐ,SĐT,CCCD,Khu vực phụ trách,Ghi chú,Tổ\r\n";
    for (auto& e : entries) {
        out += csv_field(e.row_label) + "," + csv_field(e.full_name) + "," + csv_field(e.position) + "," +
               csv_field(e.role_title) + "," + csv_field(as_dialled(e.phone)) + "," + csv_field(e.cccd) +
               "," + csv_field(e.area) + "," + csv_field(e.note) + "," + csv_field(e.team) + "\r\n";
    }
    return out;
}

} // namespace cnscd
