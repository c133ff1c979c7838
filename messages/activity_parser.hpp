#pragma once

// Reads the free text of /tham and /buoi: place, topics, number of people, date.

#include "messages/command.hpp"

#include <chrono>
#include <expected>
#include <string_view>

namespace cnscd {

// `args` is the text after the command. Errors name the reason (a catalog key) and the
// words that could not be read. `explain` also fills `unparsed` (for `cnscd-bot parse`; the
// chat does not need it).
std::expected<activity_details, command_error>
parse_activity(std::string_view args, std::chrono::year_month_day today, bool explain = false);

// Words after which a number is part of an address, folded: "số 12", "hẻm 45/7", "tổ 3",
// "khu phố 2", "nhà 12 ông Sáu" (not twelve men).
bool address_word(std::string_view folded_word);

// /sua's text after the record's number. Words that only announce a correction are no address:
// "sửa lại là 2 người" and "nhầm, 3 người" change the count, as "số người là 4" does; "nội dung
// dịch vụ công" and "chủ đề lừa đảo" the topics; "ghi nhầm ngày, hôm qua" the date.
struct edit_request {
    activity_details details;
    bool adds = false; // "thêm 1 người", "thêm chủ đề lừa đảo": added to what the record has
    bool new_note = false; // the text describes the visit anew and replaces the record's note
};
std::expected<edit_request, command_error>
parse_edit(std::string_view args, std::chrono::year_month_day today, bool explain = false);

// Whether a message without a command reads like a visit or session logged without one: it
// starts with an address ("số 12 ngõ 5 ...", "nhà bà Tư ...") or names a topic. A question
// ("cài VNeID thế nào?") does not.
bool reads_as_activity(std::string_view text);

} // namespace cnscd
