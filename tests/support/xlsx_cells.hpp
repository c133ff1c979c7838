#pragma once

// Reads an XLSX back the way a spreadsheet program would see it: the cells of one sheet by
// reference ("B2"), shared strings resolved, and the number format each cell is shown with.
// Enough for the export tests; not a general XLSX reader.

#include <map>
#include <minizip/unzip.h>
#include <regex>
#include <string>
#include <vector>

namespace cnscd::test {

// The text of one file inside a zip (an XLSX is a zip of XML files); "" if missing.
inline std::string zip_entry(const std::string& zip, const std::string& name) {
    unzFile f = unzOpen(zip.c_str());
    if (!f)
        return "";
    std::string out;
    if (unzLocateFile(f, name.c_str(), 1) == UNZ_OK && unzOpenCurrentFile(f) == UNZ_OK) {
        char buf[4096];
        int n = 0;
        while ((n = unzReadCurrentFile(f, buf, sizeof buf)) > 0)
            out.append(buf, static_cast<std::size_t>(n));
        unzCloseCurrentFile(f);
    }
    unzClose(f);
    return out;
}

inline std::string xml_unescape(std::string s) {
    for (auto [from, to] : {std::pair{"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&apos;", "'"}}) {
        for (auto at = s.find(from); at != std::string::npos; at = s.find(from, at + 1))
            s.replace(at, std::string(from).size(), to);
    }
    for (auto at = s.find("&amp;"); at != std::string::npos; at = s.find("&amp;", at + 1))
        s.replace(at, 5, "&");
    return s;
}

struct xlsx_cell {
    std::string value;       // the text, or the number as written
    bool is_number = false;  // a number cell (dates are numbers with a date format)
    std::string format_code; // its number format ("dd/mm/yyyy"), "" for the default
};

// Every cell of worksheet `sheet_no` (1-based), by reference.
inline std::map<std::string, xlsx_cell> xlsx_cells(const std::string& path, int sheet_no) {
    std::vector<std::string> strings;
    auto shared = zip_entry(path, "xl/sharedStrings.xml");
    static const std::regex si(R"(<si>([\s\S]*?)</si>)"), t(R"(<t[^>]*>([\s\S]*?)</t>)");
    for (std::sregex_iterator i(shared.begin(), shared.end(), si), end; i != end; ++i) {
        std::string text, inner = (*i)[1];
        for (std::sregex_iterator j(inner.begin(), inner.end(), t); j != end; ++j)
            text += xml_unescape((*j)[1]);
        strings.push_back(text);
    }
    // Styles: cellXfs[i] -> numFmtId -> formatCode (custom formats only; built-ins stay "").
    auto styles = zip_entry(path, "xl/styles.xml");
    std::map<std::string, std::string> formats;
    static const std::regex num_fmt(R"re(<numFmt numFmtId="(\d+)" formatCode="([^"]*)")re");
    for (std::sregex_iterator i(styles.begin(), styles.end(), num_fmt), end; i != end; ++i)
        formats[(*i)[1]] = xml_unescape((*i)[2]);
    std::vector<std::string> xf_formats;
    if (auto from = styles.find("<cellXfs"); from != std::string::npos) {
        auto xfs = styles.substr(from, styles.find("</cellXfs>", from) - from);
        static const std::regex xf(R"re(<xf numFmtId="(\d+)")re");
        for (std::sregex_iterator i(xfs.begin(), xfs.end(), xf), end; i != end; ++i)
            xf_formats.push_back(formats.contains((*i)[1]) ? formats[(*i)[1]] : "");
    }
    std::map<std::string, xlsx_cell> out;
    auto sheet = zip_entry(path, "xl/worksheets/sheet" + std::to_string(sheet_no) + ".xml");
    static const std::regex c(R"re(<c r="([A-Z]+\d+)"([^>]*?)(?:/>|>([\s\S]*?)</c>))re"),
        v(R"(<v>([\s\S]*?)</v>)"), s_attr(R"re(\bs="(\d+)")re");
    for (std::sregex_iterator i(sheet.begin(), sheet.end(), c), end; i != end; ++i) {
        std::string attrs = (*i)[2], body = (*i)[3];
        xlsx_cell cell;
        std::smatch m;
        if (std::regex_search(body, m, v))
            cell.value = xml_unescape(m[1]);
        if (attrs.find("t=\"s\"") != std::string::npos) {
            auto n = static_cast<std::size_t>(std::stoul(cell.value));
            cell.value = n < strings.size() ? strings[n] : "";
        } else if (attrs.find("t=\"") == std::string::npos && !cell.value.empty()) {
            cell.is_number = true;
        }
        if (std::regex_search(attrs, m, s_attr)) {
            auto n = static_cast<std::size_t>(std::stoul(m[1]));
            cell.format_code = n < xf_formats.size() ? xf_formats[n] : "";
        }
        out[(*i)[1]] = cell;
    }
    return out;
}

// The column letters ("A", "AF") of the header cell in row 1 whose text is `header`; "" if none.
inline std::string column_of(const std::map<std::string, xlsx_cell>& cells, const std::string& header) {
    for (auto& [ref, cell] : cells) {
        auto digits = ref.find_first_of("0123456789");
        if (ref.substr(digits) == "1" && cell.value == header)
            return ref.substr(0, digits);
    }
    return "";
}

} // namespace cnscd::test
