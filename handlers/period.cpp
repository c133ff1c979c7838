#include "handlers/period.hpp"

#include <cstdio>

namespace cnscd {

using namespace std::chrono;

std::string iso_day(year_month_day d) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(d.year()),
                  static_cast<unsigned>(d.month()), static_cast<unsigned>(d.day()));
    return buf;
}

std::optional<year_month_day> parse_iso_day(const std::string& text) {
    int y = 0;
    unsigned m = 0, d = 0;
    char tail = 0;
    if (std::sscanf(text.c_str(), "%d-%u-%u%c", &y, &m, &d, &tail) != 3)
        return std::nullopt;
    year_month_day ymd{year{y}, month{m}, day{d}};
    return ymd.ok() ? std::optional(ymd) : std::nullopt;
}

namespace {
year_month_day last_day(year y, month m) {
    return year_month_day{year_month_day_last{y, month_day_last{m}}};
}
} // namespace

stats_period period_containing(period_kind kind, year_month_day day) {
    stats_period p;
    p.kind = kind;
    auto y = day.year();
    auto m = static_cast<unsigned>(day.month());
    switch (kind) {
    case period_kind::week: {
        auto wd = weekday{sys_days{day}}.iso_encoding(); // Monday = 1
        p.start = year_month_day{sys_days{day} - days{wd - 1}};
        p.end = year_month_day{sys_days{p.start} + days{6}};
        break;
    }
    case period_kind::month:
        p.start = y / day.month() / 1;
        p.end = last_day(y, day.month());
        break;
    case period_kind::quarter: {
        unsigned first = (m - 1) / 3 * 3 + 1;
        p.start = y / month{first} / 1;
        p.end = last_day(y, month{first + 2});
        break;
    }
    case period_kind::year:
        p.start = y / January / 1;
        p.end = y / December / 31;
        break;
    }
    p.through = sys_days{day} < sys_days{p.end} ? day : p.end;
    return p;
}

stats_period period_asked(period_kind kind, bool previous, named_period named, year_month_day today) {
    auto p = period_containing(kind, today);
    if (named) {
        auto asked = period_containing(kind, *named);
        if (sys_days{asked.start} >= sys_days{p.start})
            return p; // the current period, named: so far, as without a name
        asked.through = asked.end;
        asked.previous = true;
        asked.named = true;
        return asked;
    }
    if (!previous)
        return p;
    p = period_containing(kind, year_month_day{sys_days{p.start} - days{1}});
    p.previous = true;
    return p;
}

std::string period_key(period_kind kind, year_month_day day) {
    char key[32] = "";
    auto y = static_cast<int>(day.year());
    auto m = static_cast<unsigned>(day.month());
    if (kind == period_kind::month)
        std::snprintf(key, sizeof key, "%04d-%02u", y, m);
    else if (kind == period_kind::quarter)
        std::snprintf(key, sizeof key, "%04d-Q%u", y, (m - 1) / 3 + 1);
    else if (kind == period_kind::year)
        std::snprintf(key, sizeof key, "%04d", y);
    return key;
}

stats_period same_span_before(const stats_period& p) {
    auto before = period_containing(p.kind, year_month_day{sys_days{p.start} - days{1}});
    // A whole period against the whole one before: a 30-day November against all 31 days of October.
    if (sys_days{p.through} >= sys_days{p.end})
        return before;
    auto span = sys_days{p.through} - sys_days{p.start};
    auto cut = sys_days{before.start} + span;
    before.through = cut < sys_days{before.end} ? year_month_day{cut} : before.end;
    return before;
}

} // namespace cnscd
