// /sua's text: the words that announce a correction, then the record's new details.

#include "messages/activity_parser.hpp"
#include "messages/activity_reading.hpp"
#include "messages/spoken_number.hpp"
#include "messages/text_fold.hpp"

namespace cnscd {
namespace {

using namespace activity_detail;

// What the words at the start of a /sua announce.
enum class edit_label { none, people, description, date, address };

struct edit_lead {
    std::size_t words = 0; // the words taken, punctuation between them included
    edit_label label = edit_label::none;
    bool adds = false;
};

// How many words of `phrase` (as written, tone marks and all) start at token k; 0 when it does not.
std::size_t phrase_at(const std::vector<token>& toks, std::size_t k, std::string_view phrase) {
    std::size_t n = 0;
    for (; !phrase.empty(); ++n) {
        auto word = phrase.substr(0, phrase.find(' '));
        phrase.remove_prefix(std::min(phrase.size(), word.size() + 1));
        if (k + n >= toks.size() || !written_as(toks[k + n], fold(word), word))
            return 0;
    }
    return n;
}

// The correction word or label that starts at token k, if any.
std::optional<edit_lead> correction_word_at(const std::vector<token>& toks, std::size_t k) {
    // Longer phrases first: "sửa lại" before "sửa".
    static const std::string_view fillers[] = {
        "đúng ra là", "sửa lại",  "chỉnh lại", "đổi thành", "đổi lại",   "ghi nhầm",   "bị nhầm",
        "ghi lại",    "cập nhật", "đúng ra",   "đúng là",   "should be", "sửa",        "chỉnh",
        "lại",        "là",       "thành",     "đổi",       "nhầm",      "correction", "actually"};
    static const std::pair<std::string_view, edit_label> labels[] = {{"số người", edit_label::people},
                                                                     {"số lượng", edit_label::people},
                                                                     {"nội dung", edit_label::description},
                                                                     {"chủ đề", edit_label::description},
                                                                     {"địa chỉ", edit_label::address},
                                                                     {"địa điểm", edit_label::address},
                                                                     {"ngày", edit_label::date}};
    static const std::string_view additions[] = {"bổ sung", "thêm", "add"};
    for (auto p : fillers)
        if (auto n = phrase_at(toks, k, p))
            return edit_lead{n, edit_label::none, false};
    for (auto [p, label] : labels)
        if (auto n = phrase_at(toks, k, p))
            return edit_lead{n, label, false};
    for (auto p : additions)
        if (auto n = phrase_at(toks, k, p))
            return edit_lead{n, edit_label::none, true};
    return std::nullopt;
}

// The words at the start of a /sua that only announce a correction: "sửa lại là", "nhầm,",
// "ghi nhầm ngày,", "số người là", "nội dung", "thêm". "thanh toán QR" is a topic, not
// "thành"; "ngày 20/11" a date, while "ngày," or "ngày là" only names what is corrected.
edit_lead correction_lead(const std::vector<token>& toks) {
    edit_lead lead;
    while (lead.words < toks.size()) {
        auto k = lead.words;
        if (!has_letter_or_digit(toks[k].raw)) { // ",", ":", "-", "→"
            ++lead.words;
            continue;
        }
        auto w = starts_topic(toks, k) ? std::nullopt : correction_word_at(toks, k);
        if (!w)
            break;
        auto last = toks[k + w->words - 1].raw;
        bool names_a_field = last.ends_with(',') || last.ends_with(':') || k + w->words == toks.size() ||
                             correction_word_at(toks, k + w->words) ||
                             !has_letter_or_digit(toks[k + w->words].raw);
        if (w->label == edit_label::date && !names_a_field)
            break;
        lead.words += w->words;
        lead.label = w->label == edit_label::none ? lead.label : w->label;
        lead.adds = lead.adds || w->adds;
    }
    return lead;
}

// Connecting words that describe nothing themselves.
bool connecting_word(std::string_view w) {
    static const std::string_view words[] = {"cho", "va",  "voi", "la",    "cua",  "o",   "tai", "them",
                                             "nua", "nhe", "a",   "ca",    "cac",  "for", "and", "with",
                                             "to",  "the", "of",  "nhung", "luon", "ah"};
    return std::find(std::begin(words), std::end(words), w) != std::end(words);
}

// Does the description (the text from byte `from`) say something of its own, beyond counts,
// dates, topic names, verbs of helping and connecting words? Then it is a new note for the record.
bool describes_anew(const reading& r, std::size_t from) {
    auto marks = r.used;
    mark_topic_words(r.toks, marks);
    for (std::size_t k = 0; k < r.toks.size(); ++k) {
        if (auto v = verb_words(r.toks, k))
            for (std::size_t j = k; j < k + v; ++j)
                marks[j] = true;
        auto at = static_cast<std::size_t>(r.toks[k].raw.data() - r.text.data());
        if (!marks[k] && at >= from && has_letter_or_digit(r.toks[k].raw) &&
            !connecting_word(r.toks[k].folded))
            return true;
    }
    return false;
}

// "chứ không phải", "ko phải" at token k: how many words the negation takes, 0 when none.
// ("kp" is no "không phải" here: it is "khu phố".)
std::size_t negation_at(const std::vector<token>& toks, std::size_t k) {
    auto no = [&](std::size_t i) {
        return i < toks.size() &&
               (written_as(toks[i], "khong", "không") || toks[i].folded == "ko" || toks[i].folded == "k");
    };
    auto phai = [&](std::size_t i) { return i < toks.size() && written_as(toks[i], "phai", "phải"); };
    std::size_t chu = written_as(toks[k], "chu", "chứ") ? 1 : 0;
    return no(k + chu) && phai(k + chu + 1) ? chu + 2 : 0;
}

// "2 người chứ không phải 3", "hôm qua, ko phải hôm nay": what comes after the negation is the
// wrong value the member corrects, not a new address or count. "không phải số 5 mà là số 7":
// the right value follows "mà (là)". Returns the part of `text` that states the correction.
std::string_view without_the_wrong_value(std::string_view text) {
    auto toks = tokenize(text);
    for (std::size_t k = 0; k < toks.size(); ++k) {
        auto n = negation_at(toks, k);
        if (n == 0)
            continue;
        // "chứ ko phải" or ", ko phải" sets the wrong value apart; "cài VNeID không phải ra
        // phường" is a description, kept whole.
        bool apart = written_as(toks[k], "chu", "chứ") || toks[k - (k > 0)].raw.ends_with(',');
        if (k > 0 && apart)
            return text.substr(0, static_cast<std::size_t>(toks[k].raw.data() - text.data()));
        if (k > 0)
            continue;
        for (auto j = n; j < toks.size(); ++j)
            if (written_as(toks[j], "ma", "mà")) {
                auto from = j + (j + 1 < toks.size() && written_as(toks[j + 1], "la", "là") ? 2 : 1);
                return from < toks.size()
                           ? text.substr(static_cast<std::size_t>(toks[from].raw.data() - text.data()))
                           : std::string_view();
            }
        return text;
    }
    return text;
}

} // namespace

std::expected<edit_request, command_error> parse_edit(std::string_view args,
                                                      std::chrono::year_month_day today, bool explain) {
    auto toks = tokenize(args);
    auto lead = correction_lead(toks);
    auto rest = lead.words < toks.size()
                    ? args.substr(static_cast<std::size_t>(toks[lead.words].raw.data() - args.data()))
                    : std::string_view();
    rest = without_the_wrong_value(rest);
    auto r = read_activity(rest, today, explain);
    if (!r)
        return std::unexpected(r.error());
    edit_request e;
    e.adds = lead.adds;
    auto& d = r->d;
    // "số người là 4": the number after the label is the count.
    if (lead.label == edit_label::people && !d.people && !r->toks.empty()) {
        std::vector<std::string_view> words;
        for (auto& t : r->toks)
            words.push_back(t.folded);
        if (auto n = read_spoken_number(words)) {
            if (n->value <= 0 || n->value > 100000)
                return std::unexpected(command_error{"", "error_bad_number", std::string(r->toks[0].raw)});
            d.people = static_cast<int>(n->value);
            std::fill_n(r->used.begin(), n->words, true);
        }
    }
    // After a label only that field changes: "nội dung dịch vụ công" names no address, and all
    // that follows "nội dung" is the description.
    bool field = lead.label != edit_label::none && lead.label != edit_label::address;
    if (field)
        d.place.clear();
    e.new_note = !acknowledgement(r->toks) && describes_anew(*r, field ? 0 : r->description_from);
    e.details = std::move(d);
    return e;
}

} // namespace cnscd
