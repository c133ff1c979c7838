#include "messages/calendar_names.hpp"

namespace cnscd {

std::string_view builtin_deadline_name(language lang, builtin_deadline which) {
    bool en = lang == language::en;
    switch (which) {
    case builtin_deadline::monthly:
        return en ? "Monthly report" : "Báo cáo tháng";
    case builtin_deadline::quarterly:
        return en ? "Quarterly report" : "Báo cáo quý";
    case builtin_deadline::yearly:
        return en ? "Year-end report" : "Báo cáo tổng kết năm";
    }
    return "";
}

} // namespace cnscd
