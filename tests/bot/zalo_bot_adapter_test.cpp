#include "bot/zalo/zalo_bot_adapter.hpp"
#include "messages/text_fold.hpp"
#include "tests/support/fixtures.hpp"
#include "tests/support/long_list_split.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>

namespace cnscd {
namespace {

using test::fixture;
using json = nlohmann::json;

TEST(zalo_bot_adapter, group_message_unwrapped_and_wrapped_read_the_same) {
    for (auto name : {"zalo_bot/message_text_group.json", "zalo_bot/message_text_wrapped.json"}) {
        auto u = zalo_bot::parse_update(fixture(name));
        ASSERT_TRUE(u) << name << ": " << u.error();
        ASSERT_TRUE(u->in) << name;
        auto& in = *u->in;
        EXPECT_EQ(in.kind, incoming_kind::message);
        EXPECT_EQ(in.chat.platform, channel::zalo_bot);
        EXPECT_EQ(in.chat.chat_id, "7aa1b2c3d4e5f6a7b8c9");
        EXPECT_EQ(in.chat_type, chat_kind::group);
        EXPECT_EQ(in.user_id, "6ede9afa66b88fe6d6a9");
        EXPECT_EQ(in.user_name, "Lan");
        EXPECT_EQ(in.update_key, "2d758cb5e222177a4e35") << "message_id is the dedupe key";
        EXPECT_EQ(in.sent_at, 1767225600) << "milliseconds become seconds";
        EXPECT_EQ(in.text, "/thongke thang");
    }
}

TEST(zalo_bot_adapter, private_chat_image_and_seconds_dates) {
    json u{{"event_name", "message.image.received"},
           {"message",
            {{"message_id", "aa"},
             {"date", 1767225600},
             {"from", {{"id", "u1"}, {"display_name", "Hoa"}}},
             {"chat", {{"id", "u1"}, {"chat_type", "PRIVATE"}}},
             {"photo_url", "https://zalo.example/p.jpg"},
             {"caption", "buổi hướng dẫn"}}}};
    auto p = zalo_bot::parse_update(u.dump());
    ASSERT_TRUE(p && p->in);
    EXPECT_EQ(p->in->chat_type, chat_kind::private_chat);
    EXPECT_EQ(p->in->sent_at, 1767225600);
    ASSERT_TRUE(p->in->file);
    EXPECT_EQ(p->in->file->file_ref, "https://zalo.example/p.jpg");
    EXPECT_EQ(p->in->text, "buổi hướng dẫn");
}

TEST(zalo_bot_adapter, a_date_that_is_not_a_whole_number_is_ignored_and_the_message_kept) {
    // Found by the fuzzer: 1.7e22 as a date was converted to an integer (undefined behaviour).
    for (const char* date : {"17671111111111122560060", "1.5", "\"yesterday\""}) {
        auto body =
            std::string(R"({"event_name":"message.text.received","message":{"message_id":"m1","date":)") +
            date + R"(,"from":{"id":"u1"},"chat":{"id":"u1","chat_type":"PRIVATE"},"text":"/giup"}})";
        auto p = zalo_bot::parse_update(body);
        ASSERT_TRUE(p && p->in) << date;
        EXPECT_EQ(p->in->sent_at, 0) << date;
        EXPECT_EQ(p->in->text, "/giup");
    }
}

TEST(zalo_bot_adapter, a_sticker_or_voice_note_in_private_is_kept_to_be_answered_in_a_group_ignored) {
    auto event = [](const char* name, const char* chat_type) {
        return json{{"event_name", name},
                    {"message",
                     {{"message_id", "s1"},
                      {"from", {{"id", "u1"}}},
                      {"chat", {{"id", "c1"}, {"chat_type", chat_type}}},
                      {"sticker", "abc"}}}}
            .dump();
    };
    for (auto name : {"message.sticker.received", "message.unsupported.received"}) {
        auto p = zalo_bot::parse_update(event(name, "PRIVATE"));
        ASSERT_TRUE(p && p->in) << name;
        EXPECT_TRUE(p->in->unreadable) << name;
        EXPECT_TRUE(p->in->text.empty()) << name;
        auto g = zalo_bot::parse_update(event(name, "GROUP"));
        ASSERT_TRUE(g) << name;
        EXPECT_FALSE(g->in) << name;
    }
}

TEST(zalo_bot_adapter, stickers_and_unknown_events_are_ignored_bad_bodies_explained) {
    for (auto name : {"message.sticker.received", "message.unsupported.received", "something.new"}) {
        auto p = zalo_bot::parse_update(json{{"event_name", name}, {"message", json::object()}}.dump());
        ASSERT_TRUE(p) << name;
        EXPECT_FALSE(p->in) << name;
    }
    EXPECT_EQ(zalo_bot::parse_update("[]").error(), "the body is not a JSON object");
    EXPECT_EQ(zalo_bot::parse_update(R"({"ok":true,"result":{}})").error(), "the update has no event_name");
    EXPECT_EQ(
        zalo_bot::parse_update(R"({"event_name":"message.text.received","message":{"text":"x"}})").error(),
        "the message.text.received update has no message.message_id");
}

// Found by the fuzzer: "ok" that is not a boolean threw out of the reader and stopped the bot.
TEST(zalo_bot_adapter, fields_of_another_type_are_refused_with_a_reason_not_a_crash) {
    std::expected<zalo_bot::update, std::string> u = std::unexpected("not run");
    ASSERT_NO_THROW(u = zalo_bot::parse_update(R"({"ok":"er&ro$ts"})"));
    ASSERT_FALSE(u.has_value());
    EXPECT_NE(u.error().find("event_name"), std::string::npos) << u.error();
    zalo_bot::api_answer a;
    ASSERT_NO_THROW(a = zalo_bot::read_answer(200, R"({"ok":1,"description":[]})"));
    EXPECT_FALSE(a.ok);
}

TEST(zalo_bot_adapter, long_text_is_split_at_2000_and_choices_are_numbered) {
    outgoing m;
    m.to = {channel::zalo_bot, "7aa1b2c3d4e5f6a7b8c9"};
    m.chat_type = chat_kind::group;
    for (int i = 0; i < 45; ++i)
        m.text += std::string(99, 'x') + "\n"; // 4,500 characters
    m.choices = {{{"Có", "y"}, {"Không", "n"}}};
    auto calls = zalo_bot::api_calls_for(m);
    ASSERT_EQ(calls.size(), 3u);
    for (auto& c : calls) {
        EXPECT_EQ(c.method, "sendMessage");
        auto body = json::parse(c.json_body);
        EXPECT_EQ(body["chat_id"], "7aa1b2c3d4e5f6a7b8c9");
        EXPECT_LE(body["text"].get<std::string>().size(), zalo_bot::max_text_chars);
    }
    auto last = json::parse(calls.back().json_body)["text"].get<std::string>();
    EXPECT_TRUE(last.ends_with("\n\n1. Có\n2. Không")) << last;
}

TEST(zalo_bot_adapter, photos_by_url_links_as_text_other_files_are_refused) {
    outgoing m;
    m.kind = outgoing_kind::document;
    m.to = {channel::zalo_bot, "c1"};
    m.text = "Ảnh buổi tập huấn";
    m.document = attachment{"photo", "https://example.vn/a.jpg", ""};
    auto calls = zalo_bot::api_calls_for(m);
    ASSERT_EQ(calls.size(), 1u);
    EXPECT_EQ(calls[0].method, "sendPhoto");
    EXPECT_EQ(json::parse(calls[0].json_body)["caption"], "Ảnh buổi tập huấn");
    EXPECT_FALSE(zalo_bot::undeliverable_file(m));

    m.document = attachment{"document", "file:/srv/bao_cao.xlsx", "bao_cao.xlsx"};
    ASSERT_TRUE(zalo_bot::undeliverable_file(m));
    calls = zalo_bot::api_calls_for(m);
    ASSERT_EQ(calls.size(), 1u);
    EXPECT_EQ(json::parse(calls[0].json_body)["text"], "Ảnh buổi tập huấn") << "the caption still goes";
    m.document = attachment{"document", "BQACAgUAAxkBAAIBZ2V", "x.pdf"};
    EXPECT_NE(zalo_bot::undeliverable_file(m)->find("another platform"), std::string::npos);
}

TEST(zalo_bot_adapter, a_photo_with_a_long_text_and_choices_loses_neither) {
    // A guide's photo with its 2,600-character text and a question: the caption holds 2,000.
    outgoing m;
    m.kind = outgoing_kind::document;
    m.to = {channel::zalo_bot, "c1"};
    m.document = attachment{"photo", "https://example.vn/huong-dan.jpg", ""};
    for (int i = 0; i < 26; ++i)
        m.text += "Bước " + std::to_string(i + 1) + std::string(90, '.') + "\n";
    m.choices = {{{"Đã làm theo", "d"}, {"Cần hỗ trợ", "h"}}};
    auto calls = zalo_bot::api_calls_for(m);
    ASSERT_EQ(calls.size(), 2u);
    EXPECT_EQ(calls[0].method, "sendPhoto");
    auto caption = json::parse(calls[0].json_body)["caption"].get<std::string>();
    auto chars = std::ranges::count_if(caption, [](unsigned char c) { return (c & 0xC0) != 0x80; });
    EXPECT_LE(static_cast<std::size_t>(chars), zalo_bot::max_text_chars);
    EXPECT_TRUE(caption.starts_with("Bước 1.")) << caption;
    EXPECT_EQ(calls[1].method, "sendMessage");
    auto rest = json::parse(calls[1].json_body)["text"].get<std::string>();
    EXPECT_NE((caption + rest).find("Bước 26."), std::string::npos) << "the text's end is sent";
    EXPECT_TRUE(rest.ends_with("\n\n1. Đã làm theo\n2. Cần hỗ trợ")) << rest;

    // A short caption keeps its choices in the caption, one call as before.
    m.text = "Ảnh buổi tập huấn";
    calls = zalo_bot::api_calls_for(m);
    ASSERT_EQ(calls.size(), 1u);
    EXPECT_EQ(json::parse(calls[0].json_body)["caption"],
              "Ảnh buổi tập huấn\n\n1. Đã làm theo\n2. Cần hỗ trợ");
}

TEST(zalo_bot_adapter, typing_and_answers) {
    auto t = zalo_bot::typing("c1");
    EXPECT_EQ(t.method, "sendChatAction");
    EXPECT_EQ(json::parse(t.json_body)["action"], "typing");
    using o = delivery_result::outcome;
    auto sent = zalo_bot::to_delivery(
        zalo_bot::read_answer(200, R"({"ok":true,"result":{"message_id":"m9","date":1}})"), "");
    EXPECT_EQ(sent.what, o::sent);
    EXPECT_EQ(sent.message_ref, "m9");
    EXPECT_EQ(zalo_bot::to_delivery(zalo_bot::read_answer(200, R"({"ok":false,"error_code":429})"), "").what,
              o::rate_limited);
    EXPECT_EQ(zalo_bot::to_delivery(zalo_bot::read_answer(200, R"({"ok":false,"error_code":403})"), "").what,
              o::chat_gone);
    EXPECT_EQ(zalo_bot::to_delivery(zalo_bot::read_answer(400, R"({"ok":false,"error_code":400})"), "").what,
              o::permanent);
    EXPECT_EQ(zalo_bot::to_delivery(zalo_bot::read_answer(502, "<html>"), "").what, o::retry);
    EXPECT_EQ(zalo_bot::to_delivery({}, "connection refused").what, o::retry);
}

// Vietnamese figures with a numbered list: parts within Zalo's 2,000 UTF-16 units, no line cut.
TEST(zalo_bot_adapter, a_long_vietnamese_list_is_split_between_lines_only) {
    auto list = test::long_vietnamese_list(channel::zalo_bot);
    std::vector<std::string> parts;
    for (auto& c : zalo_bot::api_calls_for(list.message))
        parts.push_back(json::parse(c.json_body)["text"].get<std::string>());
    test::expect_split_between_lines(list, parts, zalo_bot::max_text_chars);
}

} // namespace
} // namespace cnscd
