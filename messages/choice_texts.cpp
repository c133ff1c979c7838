#include "messages/choice_texts.hpp"

namespace cnscd {
namespace {

std::string_view vi(choice_text key) {
    using t = choice_text;
    switch (key) {
    case t::unmatched:
        return "«{answer}» không khớp mục nào trong danh sách. Gõ số từ 1 đến {max}, hoặc tên mục, ví "
               "dụ «{example}».\nMuốn làm việc khác thì gõ lệnh, ví dụ /giup.";
    case t::several:
        return "«{answer}» có trong nhiều mục ({numbers}). Gõ số của mục bạn chọn.";
    case t::count_:
        break;
    }
    return "";
}

std::string_view en(choice_text key) {
    using t = choice_text;
    switch (key) {
    case t::unmatched:
        return "«{answer}» matches none of the choices. Type a number from 1 to {max}, or the name of "
               "the choice, e.g. «{example}».\nTo do something else, type a command, e.g. /help.";
    case t::several:
        return "«{answer}» is in more than one choice ({numbers}). Type the number of the one you mean.";
    case t::count_:
        break;
    }
    return "";
}

} // namespace

std::string_view template_of(language lang, choice_text key) {
    return lang == language::vi ? vi(key) : en(key);
}

} // namespace cnscd
