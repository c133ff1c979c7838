#include "storage/spreadsheet.hpp"

#include "messages/dates.hpp"

#include <xlsxwriter.h>

#include <algorithm>
#include <chrono>

namespace cnscd {

using namespace std::chrono;

namespace {

std::string two(unsigned n) {
    return std::string{static_cast<char>('0' + n / 10 % 10), static_cast<char>('0' + n % 10)};
}

} // namespace

sheet_cell sheet_cell::date(int y, unsigned m, unsigned d) {
    year_month_day day{year{y}, month{m}, std::chrono::day{d}};
    sheet_cell c(format_date(day));
    c.dated = date_kind::date;
    c.local_seconds = duration_cast<seconds>(sys_days{day}.time_since_epoch()).count();
    return c;
}

sheet_cell sheet_cell::date_time(std::int64_t unix_seconds, int utc_offset_minutes) {
    auto local = unix_seconds + utc_offset_minutes * 60LL;
    auto day = floor<days>(sys_seconds{seconds{local}});
    auto minutes = (local - duration_cast<seconds>(day.time_since_epoch()).count()) / 60;
    sheet_cell c(format_date(year_month_day{day}) + " " + two(static_cast<unsigned>(minutes / 60)) + ":" +
                 two(static_cast<unsigned>(minutes % 60)));
    c.dated = date_kind::date_time;
    c.local_seconds = local;
    return c;
}

std::string write_xlsx(const std::string& path, const std::vector<sheet>& sheets) {
    lxw_workbook* wb = workbook_new(path.c_str());
    if (!wb)
        return "cannot create " + path;
    lxw_format* bold = workbook_add_format(wb);
    format_set_bold(bold);
    format_set_text_wrap(bold);
    lxw_format* date = workbook_add_format(wb);
    format_set_num_format(date, "dd/mm/yyyy");
    lxw_format* date_time = workbook_add_format(wb);
    format_set_num_format(date_time, "dd/mm/yyyy hh:mm");
    for (auto& s : sheets) {
        lxw_worksheet* ws = workbook_add_worksheet(wb, s.name.c_str());
        if (!ws) {
            workbook_close(wb);
            return "cannot add the sheet " + s.name;
        }
        std::vector<std::size_t> widths(s.headers.size(), 8);
        for (std::size_t c = 0; c < s.headers.size(); ++c) {
            worksheet_write_string(ws, 0, static_cast<lxw_col_t>(c), s.headers[c].c_str(), bold);
            widths[c] = std::max(widths[c], std::min<std::size_t>(s.headers[c].size() / 2 + 2, 24));
        }
        for (std::size_t r = 0; r < s.rows.size(); ++r)
            for (std::size_t c = 0; c < s.rows[r].size(); ++c) {
                auto row = static_cast<lxw_row_t>(r + 1);
                auto col = static_cast<lxw_col_t>(c);
                auto& cell = s.rows[r][c];
                if (cell.is_number) {
                    worksheet_write_number(ws, row, col, static_cast<double>(cell.number), nullptr);
                } else if (cell.dated != sheet_cell::date_kind::none) {
                    // A spreadsheet's date is a number of days since 30/12/1899 (1970 is day 25569).
                    bool timed = cell.dated == sheet_cell::date_kind::date_time;
                    worksheet_write_number(ws, row, col,
                                           static_cast<double>(cell.local_seconds) / 86400.0 + 25569,
                                           timed ? date_time : date);
                    if (c < widths.size())
                        widths[c] = std::max<std::size_t>(widths[c], timed ? 17 : 11);
                } else {
                    worksheet_write_string(ws, row, col, cell.text.c_str(), nullptr);
                    if (c < widths.size())
                        widths[c] =
                            std::max(widths[c], std::min<std::size_t>(cell.text.size() * 2 / 3 + 2, 50));
                }
            }
        for (std::size_t c = 0; c < widths.size(); ++c)
            worksheet_set_column(ws, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c),
                                 static_cast<double>(widths[c]), nullptr);
        worksheet_freeze_panes(ws, 1, 0);
    }
    auto err = workbook_close(wb);
    if (err != LXW_NO_ERROR)
        return std::string("cannot write ") + path + ": " + lxw_strerror(err);
    return {};
}

std::string csv_field(const std::string& v) {
    if (v.find_first_of(",\"\n\r;") == std::string::npos)
        return v;
    std::string out = "\"";
    for (char c : v) {
        if (c == '"')
            out += '"';
        out += c;
    }
    return out + "\"";
}

std::string to_csv(const sheet& s) {
    std::string out = "\xEF\xBB\xBF";
    for (std::size_t c = 0; c < s.headers.size(); ++c)
        out += (c ? "," : "") + csv_field(s.headers[c]);
    out += "\r\n";
    for (auto& row : s.rows) {
        for (std::size_t c = 0; c < row.size(); ++c) {
            if (c)
                out += ",";
            out += row[c].is_number ? std::to_string(row[c].number) : csv_field(row[c].text);
        }
        out += "\r\n";
    }
    return out;
}

} // namespace cnscd
