#include "handlers/report_format.hpp"

#include "messages/command_names.hpp"
#include "messages/dates.hpp"
#include "messages/report_texts.hpp"

namespace cnscd {

std::string calendar_period_label(language lang, period_kind kind, std::chrono::year_month_day day) {
    auto y = static_cast<int>(day.year());
    auto m = static_cast<int>(static_cast<unsigned>(day.month()));
    switch (kind) {
    case period_kind::month:
        return say(lang, report_text::period_month,
                   {{"month", m}, {"year", y}, {"month_name", std::string(english_month(m))}});
    case period_kind::quarter: {
        int q = (m - 1) / 3 + 1;
        return say(lang, report_text::period_quarter,
                   {{"quarter", q}, {"year", y}, {"roman", std::string(roman_quarter(q))}});
    }
    case period_kind::year:
        return say(lang, report_text::period_year, {{"year", y}});
    case period_kind::week:
        break;
    }
    return "";
}

const std::string& configured_name(language lang, const std::string& name, const std::string& name_en) {
    return lang == language::en && !name_en.empty() ? name_en : name;
}

const std::string& deadline_name(language lang, const deadline_instance& d) {
    return configured_name(lang, d.rule.name, d.rule.name_en);
}

std::string period_label(language lang, const deadline_instance& d) {
    using namespace std::chrono;
    auto& p = d.period;
    std::string label;
    if (d.rule.kind == "monthly") {
        label = calendar_period_label(lang, period_kind::month, p.last);
    } else if (d.rule.kind == "quarterly") {
        // The key says which quarter ("2026-Q4"); cut-off periods start in the month before.
        int q = p.key.back() - '0';
        auto y = year{std::stoi(p.key.substr(0, 4))};
        label =
            calendar_period_label(lang, period_kind::quarter, y / month{static_cast<unsigned>(q * 3)} / 1);
    } else if (d.rule.kind == "yearly") {
        label = calendar_period_label(lang, period_kind::year, year{std::stoi(p.key.substr(0, 4))} / 1 / 1);
    } else {
        return say(lang, report_text::period_until, {{"date", format_date(p.last)}});
    }
    if (d.rule.period == "cutoff")
        return say(lang, report_text::period_range,
                   {{"label", label}, {"from", format_date(p.first)}, {"to", format_date(p.last)}});
    return label;
}

std::string instant_label(language lang, std::int64_t unix_seconds, int utc_offset_minutes) {
    return format_instant(lang, unix_seconds, utc_offset_minutes);
}

std::string submit_command(language lang, const deadline_config& rule) {
    auto period = rule.kind == "monthly"     ? text::period_month
                  : rule.kind == "quarterly" ? text::period_quarter
                  : rule.kind == "yearly"    ? text::period_year
                                             : text::count_;
    // A one-off deadline has no period word: /baocao alone may open another report due first.
    if (period == text::count_)
        return "";
    return "/" + std::string(command_word("baocao", lang == language::en)) + " " + say(lang, period);
}

std::string report_button_data(report_button kind, std::int64_t team_id, const deadline_instance& d) {
    return std::string("rp:") + static_cast<char>(kind) + ":" + std::to_string(team_id) + ":" + d.rule.code +
           ":" + d.period.key;
}

} // namespace cnscd
