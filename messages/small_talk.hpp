#pragma once

// Words people write to a bot before they know its commands: a greeting ("xin chào", "alo",
// "chao chau") or a question of how to use it ("làm sao để dùng", "giúp tôi với").

#include <string_view>

namespace cnscd {

// True when `text` greets the bot or asks how to use it, with or without tone marks; such a
// message deserves the welcome and the way to start, not "I did not understand".
bool greets_or_asks_how(std::string_view text);

// True when `text` asks when or where ("Thông báo họp lúc mấy giờ?", "khi nào nộp báo cáo"): the
// bot cannot answer it, and should say whom to ask rather than "I did not understand".
bool asks_a_question(std::string_view text);

} // namespace cnscd
