// Text messages are read by a fast reader (telegram_plain_message.cpp) and everything else
// through a JSON document (parse_document). A member must get the same treatment either way:
// every update, however odd, reads the same through parse_update as through the document.

#include "bot/telegram/telegram_adapter.hpp"
#include "bot/telegram/telegram_plain_message.hpp"
#include "tests/support/fixtures.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <random>

namespace cnscd {
namespace {

using json = nlohmann::json;
using test::fixture;

std::string describe(const incoming& in) {
    return json{{"kind", static_cast<int>(in.kind)},
                {"update_key", in.update_key},
                {"chat", {static_cast<int>(in.chat.platform), in.chat.chat_id}},
                {"chat_type", static_cast<int>(in.chat_type)},
                {"chat_title", in.chat_title},
                {"user_id", in.user_id},
                {"user_name", in.user_name},
                {"language", in.language},
                {"sent_at", in.sent_at},
                {"message_ref", in.message_ref},
                {"text", in.text},
                {"choice", {in.choice_data, in.choice_ref}},
                {"contact", {in.contact_phone, in.contact_user_id}},
                {"migrated_to", in.migrated_to},
                {"file", in.file ? json{in.file->kind, in.file->file_ref, in.file->file_name} : json()},
                {"addressed_elsewhere", in.addressed_elsewhere},
                {"thread_id", in.thread_id},
                {"sender_chat", static_cast<int>(in.sender_chat)},
                {"forwarded_from_other", in.forwarded_from_other}}
        .dump(-1, ' ', false, json::error_handler_t::replace);
}

std::string outcome(const std::expected<incoming, std::string>& r) {
    return r ? describe(*r) : "error: " + r.error();
}

// The shared benchmark's update (../shared/peer-bench/load/update.lua).
const char* bench_update =
    R"({"update_id":1000123,"message":{"message_id":4567,"from":{"id":700000123,"is_bot":false,)"
    R"("first_name":"Nguyễn","last_name":"Văn An","language_code":"vi"},"chat":{"id":-1001000000042,)"
    R"("title":"Tổ dân phố số 42","type":"supergroup"},"date":1767225600,)"
    R"("text":"/tham@bench_bot số 12 ngõ 5 Lê Lợi, hướng dẫn VNeID 2 người",)"
    R"("entities":[{"offset":0,"length":16,"type":"bot_command"}]}})";

TEST(telegram_plain_message, text_messages_take_the_fast_reader_and_read_the_same) {
    for (std::string body : {fixture("telegram/group_command.json"), fixture("telegram/private_start.json"),
                             fixture("telegram/topic_command.json"), std::string(bench_update)}) {
        for (auto bot : {"ToCNSBot", "bench_bot", "OtherBot", ""}) {
            auto fast = telegram::read_plain_message(body, bot);
            ASSERT_TRUE(fast.has_value()) << body;
            EXPECT_EQ(describe(*fast), outcome(telegram::parse_document(body, bot))) << bot;
        }
    }
}

TEST(telegram_plain_message, other_updates_are_left_to_the_document_reader) {
    for (auto name :
         {"bot_added_to_group.json", "bot_unblocked_in_private.json", "callback_query.json",
          "contact_share.json", "group_migrated.json", "anonymous_admin_command.json",
          "channel_sender_command.json", "linked_channel_post.json", "topic_callback_query.json"}) {
        auto body = fixture(std::string("telegram/") + name);
        EXPECT_FALSE(telegram::read_plain_message(body, "ToCNSBot").has_value()) << name;
        EXPECT_EQ(outcome(telegram::parse_update(body, "ToCNSBot")),
                  outcome(telegram::parse_document(body, "ToCNSBot")))
            << name;
    }
}

// Odd shapes of a text message: missing fields, other types, unknown and repeated keys,
// commands for other bots. Whichever reader takes them, the result is the document's.
TEST(telegram_plain_message, every_variant_of_a_message_reads_as_the_document_reads_it) {
    const json base = json::parse(fixture("telegram/group_command.json"));
    const std::vector<std::string> paths{"/update_id",
                                         "/message",
                                         "/message/message_id",
                                         "/message/from",
                                         "/message/from/id",
                                         "/message/from/first_name",
                                         "/message/from/last_name",
                                         "/message/from/is_bot",
                                         "/message/from/language_code",
                                         "/message/chat",
                                         "/message/chat/id",
                                         "/message/chat/type",
                                         "/message/chat/title",
                                         "/message/date",
                                         "/message/message_thread_id",
                                         "/message/is_topic_message",
                                         "/message/chat/is_forum",
                                         "/message/text",
                                         "/message/entities",
                                         "/message/entities/0",
                                         "/message/entities/0/offset",
                                         "/message/entities/0/length",
                                         "/message/entities/0/type"};
    const std::vector<json> values{nullptr,
                                   true,
                                   0,
                                   -1,
                                   5,
                                   1.5,
                                   1e300,
                                   "",
                                   "x",
                                   "-100",
                                   json::array(),
                                   json::object(),
                                   18446744073709551615ULL,
                                   -9223372036854775807LL - 1,
                                   "/tham@OtherBot số 1",
                                   "/THAM@tocnsbot",
                                   "/tham",
                                   "chào cả tổ"};
    const std::vector<std::string> extra_keys{"reply_to_message",
                                              "caption",
                                              "contact",
                                              "photo",
                                              "is_topic_message",
                                              "username",
                                              "callback_query",
                                              "edited_message",
                                              "url",
                                              "message_thread_id",
                                              "sender_chat",
                                              "is_automatic_forward",
                                              "forward_origin"};
    std::mt19937 rng(11);
    int fast = 0;
    for (int n = 0; n < 4000; ++n) {
        json j = base;
        for (int k = static_cast<int>(rng() % 3); k >= 0; --k) {
            json::json_pointer p(paths[rng() % paths.size()]);
            switch (rng() % 3) {
            case 0:
                if (j.contains(p) && j[p.parent_pointer()].is_object())
                    j[p.parent_pointer()].erase(p.back());
                break;
            case 1:
                try {
                    j[p] = values[rng() % values.size()];
                } catch (const json::exception&) {
                }
                break;
            default:
                if (j.contains(p) && j[p].is_object())
                    j[p][extra_keys[rng() % extra_keys.size()]] = values[rng() % values.size()];
            }
        }
        auto body = j.dump();
        if (rng() % 10 == 0 && body.size() > 2) // a repeated key: the document keeps the last
            body.insert(1, R"("update_id":1,)");
        auto bot = rng() % 4 == 0 ? "" : "ToCNSBot";
        fast += telegram::read_plain_message(body, bot).has_value();
        ASSERT_EQ(outcome(telegram::parse_update(body, bot)), outcome(telegram::parse_document(body, bot)))
            << body;
    }
    // The variants must exercise both readers, or the comparison says little.
    EXPECT_GT(fast, 400);
    EXPECT_LT(fast, 3600);
}

TEST(telegram_plain_message, only_a_command_at_the_start_can_be_for_another_bot) {
    auto with = [](const std::string& text, int offset) {
        json j = json::parse(fixture("telegram/group_command.json"));
        j["message"]["text"] = text;
        j["message"]["entities"] =
            json::array({{{"offset", offset}, {"length", 14}, {"type", "bot_command"}}});
        return j.dump();
    };
    EXPECT_TRUE(telegram::parse_update(with("/tham@OtherBot số 1", 0), "ToCNSBot")->addressed_elsewhere);
    EXPECT_FALSE(telegram::parse_update(with("/tham@tocnsbot số 1", 0), "ToCNSBot")->addressed_elsewhere);
    EXPECT_FALSE(telegram::parse_update(with("xem /tham@OtherBot", 4), "ToCNSBot")->addressed_elsewhere);
    EXPECT_FALSE(telegram::parse_document(with("xem /tham@OtherBot", 4), "ToCNSBot")->addressed_elsewhere);
}

TEST(telegram_plain_message, bodies_that_are_not_updates_are_errors_from_either_reader) {
    for (std::string body : {"", "{", "[]", "null", R"({"update_id":1.5})", R"({"update_id":"7"})",
                             R"({"update_id":7,"message":{"chat":{"id":1},"text":"a"}} x)",
                             R"({"update_id":7,"message":{"chat":{},"text":"a"}})"}) {
        EXPECT_FALSE(telegram::parse_update(body, "b").has_value()) << body;
        EXPECT_EQ(outcome(telegram::parse_update(body, "b")), outcome(telegram::parse_document(body, "b")));
    }
}

} // namespace
} // namespace cnscd
