#pragma once

// Head counts in a /tham or /buoi: "2 người", "hai chục hộ", "2 vợ chồng và 1 cháu", "chị Sáu và
// chồng", "vài người". Internal to the activity parser.

#include "messages/activity_words.hpp"
#include "messages/spoken_number.hpp"

#include <optional>
#include <utility>

namespace cnscd::activity_detail {

// What a head count counts: anyone ("30 người", "60 bà con"), people of one kind ("2 cháu",
// "15 tiểu thương"), or households ("3 hộ", "2 gia đình").
enum class counted { anyone, kind, households };

struct unit_match {
    std::size_t words = 1;
    counted what = counted::kind;
    std::string kind; // folded: a kind named twice is one group of people
};

// The unit of a head count that starts at token k, if one does.
std::optional<unit_match> unit_at(const std::vector<token>& toks, std::size_t k);

struct head_count {
    long value = 0;
    counted what = counted::kind;
    std::string kind;
};

// One number from all the head counts of a message. "N người" says it outright ("1 gia đình 4
// người" is 4). Otherwise different kinds of people add up ("2 vợ chồng và 1 cháu" is 3) while a
// kind named twice is one group, and each household is at least one person ("3 hộ").
std::optional<int> people_from(const std::vector<head_count>& counts);

// Forms of address before a name: "chị Sáu", "ông Bảy", "anh Ba" are people, not counts.
// Unaccented, "co" may be "có" (there is) and "di" "đi" (to go): those only before a capital.
bool addresses_someone(const token& title, const token& name);

// "20-30": the lower end of a range of counts.
std::optional<long> digit_range(std::string_view w);

// A number that is all digits: "30", not "30/11" or "3người".
std::optional<int> plain_number(std::string_view w);

// "1 000 người", "2 500 người": thousands set apart with a space (the "000" alone used to be
// refused as no number).
std::optional<spoken_number> spaced_thousands(const std::vector<token>& toks, std::size_t k);

// "2ng", "3người", "5hộ": a head count written without the space.
std::optional<head_count> glued_count(const token& t);

// Words that lead into a head count: "cho 2 người", "khoảng 45 người", "hơn 50 người", "cả nhà
// 4 người".
bool leads_to_a_count(std::string_view w);

// "và"/"cùng" (and, with) at token k.
bool joined_by_and(const std::vector<token>& toks, std::size_t k);

struct family_count {
    long people = 0;
    std::size_t words = 0;
    std::string_view kind;
};

// Family named without a count before it, at token i: "bà cháu" (a grandparent and grandchild,
// two people; unaccented "ba chau" too, as "ba cu" is "bà cụ", while "ba cháu" with a mark is
// three children), or someone named with relatives ("chị Sáu và chồng"). Not after a count
// ("vợ chồng chú Hùng và 2 cháu", "hai bà cháu") nor a house ("nhà cô Hai và ...").
std::optional<family_count> family_at(const std::vector<token>& toks,
                                      std::span<const std::string_view> numbers,
                                      const std::vector<bool>& used, std::size_t i);

// Is the number at token i, counting `unit`, part of an address ("số 12", "tổ 3", "nhà 12 ông
// Sáu")? "cả nhà 4 người" (the whole family) and "nhà 5 khẩu" (a household of five) are head counts.
bool number_in_address(const std::vector<token>& toks, std::size_t i, const std::optional<unit_match>& unit);

// "vài người", "mấy hộ", "dăm người", "nhiều người", "một số người" at token k: how many words
// the vague count and its unit take. "vai" (shoulder), "máy" (machine) are no counts: in a
// message written with tone marks (`accented_text`), the word must carry its own.
std::optional<std::size_t> vague_count_at(const std::vector<token>& toks, std::size_t k, bool accented_text);

} // namespace cnscd::activity_detail
