// Telegram's answer to a delivered reply is read without a JSON document (read_sent_answer);
// every other answer through one. The sender must see the same either way: whether the message
// went out, its id (kept for later edits), and for errors the code, the wait and the new chat id.

#include "bot/telegram/telegram_adapter.hpp"
#include "tests/support/fixtures.hpp"

#include <gtest/gtest.h>

#include <random>

namespace cnscd {
namespace {

using test::fixture;

// An answer to sendMessage in a supergroup, as the Bot API returns it.
const std::string sent =
    R"({"ok":true,"result":{"message_id":4821,"from":{"id":7000000001,"is_bot":true,"first_name":"Tổ CNS",)"
    R"("username":"ToCNSBot"},"chat":{"id":-1001234567890,"title":"Tổ CNSCĐ phường","type":"supergroup"},)"
    R"("date":1767225600,"reply_to_message":{"message_id":4820,"date":1767225599,"text":"/tham số 12"},)"
    R"("text":"Đã ghi nhận lượt thăm #12 \"ngõ 5\"","entities":[{"offset":0,"length":9,"type":"bold"}],)"
    R"("link_preview_options":{"is_disabled":true}}})";

std::string describe(const telegram::api_answer& a) {
    return std::to_string(a.ok) + "|" + std::to_string(a.error_code) + "|" + a.description + "|" +
           std::to_string(a.retry_after) + "|" + a.migrate_to_chat_id + "|" + a.message_id;
}

TEST(telegram_sent_answer, a_delivered_reply_is_read_without_a_document) {
    auto fast = telegram::read_sent_answer(sent);
    ASSERT_TRUE(fast.has_value());
    EXPECT_TRUE(fast->ok);
    EXPECT_EQ(fast->message_id, "4821"); // the reply's own id, not the quoted message's
    EXPECT_EQ(describe(*fast), describe(telegram::read_answer_document(200, sent)));
    // answerCallbackQuery and inline edits answer "result":true, with no message id.
    auto bare = telegram::read_sent_answer(R"({"ok":true,"result":true})");
    ASSERT_TRUE(bare.has_value());
    EXPECT_EQ(bare->message_id, "");
}

TEST(telegram_sent_answer, errors_and_odd_answers_go_to_the_document_reader) {
    for (auto body : {fixture("telegram/error_429.json"), fixture("telegram/error_400_migrated.json"),
                      fixture("telegram/error_403_blocked.json"), std::string(R"({"ok":"true","result":{}})"),
                      std::string(R"({"ok":true,"ok":true})"), std::string(R"([{"ok":true}])"),
                      std::string(R"({"result":{"message_id":1}})"),
                      std::string(R"({"ok":true,"result":{"message_id":1,"message_id":2}})"),
                      std::string(R"({"ok":true,"result":{"message_id":"1"}})"),
                      std::string(R"({"ok":true,"result":{"message_id":1.5}})"),
                      std::string(R"({"ok":true,"description":"x"})"), std::string(R"({"ok":true} x)"),
                      std::string(R"({"ok":true /* c */})"), std::string("<html>502 Bad Gateway</html>")})
        EXPECT_FALSE(telegram::read_sent_answer(body).has_value()) << body;
    // ... and read there as before: the wait of a 429, the new id of a migrated group.
    EXPECT_EQ(telegram::read_answer(429, fixture("telegram/error_429.json")).retry_after,
              telegram::read_answer_document(429, fixture("telegram/error_429.json")).retry_after);
    EXPECT_FALSE(
        telegram::read_answer(400, fixture("telegram/error_400_migrated.json")).migrate_to_chat_id.empty());
}

// Random edits of real answers (keys dropped, repeated, reordered, retyped; text cut short):
// read_answer must agree with the document reader on every one.
TEST(telegram_sent_answer, both_readers_agree_on_random_answers) {
    const std::vector<std::string> values = {"true",
                                             "false",
                                             "null",
                                             "1",
                                             "-1",
                                             "0",
                                             "18446744073709551615",
                                             "9223372036854775808",
                                             "1.0",
                                             "1e3",
                                             "\"1\"",
                                             "[]",
                                             "{}",
                                             "[1,{\"message_id\":3}]",
                                             "{\"message_id\":7}",
                                             "\"\\u00e9\""};
    const std::vector<std::string> keys = {"ok",         "result",     "message_id",  "description",
                                           "error_code", "parameters", "retry_after", "migrate_to_chat_id",
                                           "date"};
    std::mt19937 rng(5);
    auto member = [&](int depth) -> std::string {
        std::string k = keys[rng() % keys.size()];
        std::string v = values[rng() % values.size()];
        if (depth < 2 && rng() % 3 == 0) {
            v = "{";
            for (int i = static_cast<int>(rng() % 3); i >= 0; --i)
                v += (v.size() > 1 ? "," : "") + std::string("\"") + keys[rng() % keys.size()] +
                     "\":" + values[rng() % values.size()];
            v += "}";
        }
        return "\"" + k + "\":" + v;
    };
    int fast_taken = 0;
    for (int n = 0; n < 4000; ++n) {
        std::string body;
        if (n % 4 == 0) {
            body = sent;
            auto at = rng() % body.size();
            if (n % 8 == 0)
                body = body.substr(0, at); // cut short
            else
                body.insert(at, n % 3 ? " " : ",\"message_id\":9");
        } else {
            body = "{\"ok\":true,\"result\":{\"message_id\":" + std::to_string(rng() % 100000) + "}";
            for (int i = static_cast<int>(rng() % 3); i > 0; --i)
                body += "," + member(0);
            body += "}";
            if (n % 5 == 0)
                body = "{" + member(0) + "," + body.substr(1);
        }
        for (int status : {200, 400}) {
            auto fast = telegram::read_sent_answer(body);
            if (fast && status == 200)
                ++fast_taken;
            EXPECT_EQ(describe(telegram::read_answer(status, body)),
                      describe(telegram::read_answer_document(status, body)))
                << body;
        }
    }
    // Both paths are exercised: the fast one on most well-formed answers, not on every body.
    EXPECT_GT(fast_taken, 400);
    EXPECT_LT(fast_taken, 3600);
}

} // namespace
} // namespace cnscd
