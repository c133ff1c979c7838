#include "messages/dates.hpp"

#include <cstdio>

namespace cnscd {

using namespace std::chrono;

std::string format_date(year_month_day d) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%02u/%02u/%04d", static_cast<unsigned>(d.day()),
                  static_cast<unsigned>(d.month()), static_cast<int>(d.year()));
    return buf;
}

std::string format_time(int minutes) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "%02d:%02d", (minutes / 60) % 24, minutes % 60);
    return buf;
}

std::string weekday_name(language lang, year_month_day d) {
    static const char* vi[] = {"Chủ nhật", "Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy"};
    static const char* en[] = {"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"};
    auto w = weekday{sys_days{d}}.c_encoding();
    return lang == language::vi ? vi[w] : en[w];
}

std::string format_day_of(std::int64_t unix_seconds, int utc_offset_minutes) {
    auto local = sys_seconds{seconds{unix_seconds + utc_offset_minutes * 60LL}};
    return format_date(year_month_day{floor<days>(local)});
}

std::string format_instant(language lang, std::int64_t unix_seconds, int utc_offset_minutes) {
    auto local = sys_seconds{seconds{unix_seconds + utc_offset_minutes * 60LL}};
    auto day = floor<days>(local);
    auto minutes = static_cast<int>(duration_cast<std::chrono::minutes>(local - day).count());
    auto d = year_month_day{day};
    return weekday_name(lang, d) + ", " + format_date(d) + (lang == language::vi ? " lúc " : " at ") +
           format_time(minutes);
}

} // namespace cnscd
