#include "handlers/visit_rules.hpp"

#include "messages/dates.hpp"
#include "messages/visit_texts.hpp"

namespace cnscd {

using namespace std::chrono;

bool day_accepted(handler_context& ctx, year_month_day day) {
    auto today = ctx.today();
    if (sys_days{day} > sys_days{today}) {
        ctx.reply(visit_text::refused_future, {{"date", format_date(day)}, {"today", format_date(today)}});
        return false;
    }
    if (sys_days{day} < sys_days{today} - days{oldest_loggable_days}) {
        ctx.reply(visit_text::refused_too_old, {{"date", format_date(day)}, {"days", oldest_loggable_days}});
        return false;
    }
    return true;
}

} // namespace cnscd
