#include "bot/telegram/telegram_adapter.hpp"
#include "bot/telegram/telegram_plain_message.hpp"
#include "tests/support/fixtures.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <random>

namespace cnscd {
namespace {

using test::fixture;
using json = nlohmann::json;

TEST(telegram_adapter, group_command_addressed_to_us) {
    auto in = telegram::parse_update(fixture("telegram/group_command.json"), "ToCNSBot");
    ASSERT_TRUE(in) << in.error();
    EXPECT_EQ(in->kind, incoming_kind::message);
    EXPECT_EQ(in->update_key, "830001201");
    EXPECT_EQ(in->chat.chat_id, "-1001987654321");
    EXPECT_EQ(in->chat_type, chat_kind::group);
    EXPECT_EQ(in->user_id, "5012345678");
    EXPECT_EQ(in->user_name, "Hoa Nguyễn");
    EXPECT_EQ(in->message_ref, "512");
    EXPECT_FALSE(in->addressed_elsewhere);
    EXPECT_TRUE(in->text.starts_with("/tham@ToCNSBot số 12"));
}

TEST(telegram_adapter, a_photo_of_an_album_carries_its_caption_largest_size_and_album) {
    // Telegram sends each photo of an album as its own message; only the first has a caption.
    json u{{"update_id", 2},
           {"message",
            {{"message_id", 7},
             {"from", {{"id", 1}, {"is_bot", false}, {"first_name", "A"}}},
             {"chat", {{"id", -5}, {"type", "supergroup"}, {"title", "T"}}},
             {"date", 1},
             {"media_group_id", "13579"},
             {"photo", json::array({{{"file_id", "SMALL"}, {"width", 90}, {"height", 90}},
                                    {{"file_id", "LARGE"}, {"width", 1280}, {"height", 960}}})},
             {"caption", "/tham số 12 ngõ 5, VNeID"}}}};
    auto in = telegram::parse_update(u.dump(), "ToCNSBot");
    ASSERT_TRUE(in) << in.error();
    ASSERT_TRUE(in->file);
    EXPECT_EQ(in->file->kind, "photo");
    EXPECT_EQ(in->file->file_ref, "LARGE");
    EXPECT_EQ(in->album, "13579");
    EXPECT_EQ(in->text, "/tham số 12 ngõ 5, VNeID");
}

TEST(telegram_adapter, command_for_another_bot_is_marked) {
    auto in = telegram::parse_update(fixture("telegram/group_command.json"), "OtherBot");
    ASSERT_TRUE(in);
    EXPECT_TRUE(in->addressed_elsewhere);
}

TEST(telegram_adapter, entity_offsets_are_utf16_units) {
    // "/thăm@đội_bot x": the command is 11 UTF-16 units but 13 bytes.
    json u{{"update_id", 1},
           {"message",
            {{"message_id", 1},
             {"from", {{"id", 1}, {"is_bot", false}, {"first_name", "A"}}},
             {"chat", {{"id", -5}, {"type", "group"}, {"title", "T"}}},
             {"date", 1},
             {"text", "/thăm@other x"},
             {"entities", json::array({{{"offset", 0}, {"length", 11}, {"type", "bot_command"}}})}}}};
    auto in = telegram::parse_update(u.dump(), "ToCNSBot");
    ASSERT_TRUE(in);
    EXPECT_TRUE(in->addressed_elsewhere);
    EXPECT_EQ(in->text, "/thăm@other x");
}

TEST(telegram_adapter, private_start) {
    auto in = telegram::parse_update(fixture("telegram/private_start.json"), "ToCNSBot");
    ASSERT_TRUE(in);
    EXPECT_EQ(in->chat_type, chat_kind::private_chat);
    EXPECT_EQ(in->chat.chat_id, "5012345678");
    EXPECT_EQ(in->language, "vi");
    EXPECT_EQ(in->text, "/start");
}

TEST(telegram_adapter, a_voice_note_or_sticker_is_marked_unreadable_a_captioned_video_is_not) {
    auto message = [](const std::string& content) {
        return R"({"update_id":9,"message":{"message_id":4,"date":1795485600,"chat":{"id":5,"type":"private"},)"
               R"("from":{"id":5,"is_bot":false,"first_name":"Lan"},)" +
               content + "}}";
    };
    for (auto content :
         {R"("voice":{"file_id":"v1","duration":7})", R"("sticker":{"file_id":"s1"})",
          R"("video_note":{"file_id":"n1"})", R"("location":{"latitude":16.0,"longitude":108.2})"}) {
        auto in = telegram::parse_update(message(content), "ToCNSBot");
        ASSERT_TRUE(in) << content;
        EXPECT_TRUE(in->unreadable) << content;
    }
    auto captioned = telegram::parse_update(
        message(R"("video":{"file_id":"x"},"caption":"/tham số 3 kiệt 7")"), "ToCNSBot");
    ASSERT_TRUE(captioned);
    EXPECT_FALSE(captioned->unreadable);
    EXPECT_EQ(captioned->text, "/tham số 3 kiệt 7");
    auto text = telegram::parse_update(message(R"("text":"chào")"), "ToCNSBot");
    ASSERT_TRUE(text);
    EXPECT_FALSE(text->unreadable);
}

TEST(telegram_adapter, callback_query_becomes_a_choice) {
    auto in = telegram::parse_update(fixture("telegram/callback_query.json"), "ToCNSBot");
    ASSERT_TRUE(in);
    EXPECT_EQ(in->kind, incoming_kind::choice);
    EXPECT_EQ(in->choice_data, "t:123:vneid");
    EXPECT_EQ(in->choice_ref, "4382791231231231230");
    EXPECT_EQ(in->chat.chat_id, "-1001987654321");
    EXPECT_EQ(in->message_ref, "513");
}

TEST(telegram_adapter, contact_share) {
    auto in = telegram::parse_update(fixture("telegram/contact_share.json"), "ToCNSBot");
    ASSERT_TRUE(in);
    EXPECT_EQ(in->kind, incoming_kind::contact);
    EXPECT_EQ(in->contact_phone, "84901234567");
    EXPECT_EQ(in->contact_user_id, "5012345678");
}

TEST(telegram_adapter, bot_added_to_group) {
    auto in = telegram::parse_update(fixture("telegram/bot_added_to_group.json"), "ToCNSBot");
    ASSERT_TRUE(in);
    EXPECT_EQ(in->kind, incoming_kind::bot_added);
    EXPECT_EQ(in->chat.chat_id, "-4012345678");
}

TEST(telegram_adapter, bot_removed_from_group) {
    auto u = json::parse(fixture("telegram/bot_added_to_group.json"));
    u["my_chat_member"]["old_chat_member"]["status"] = "member";
    u["my_chat_member"]["new_chat_member"]["status"] = "kicked";
    auto in = telegram::parse_update(u.dump(), "ToCNSBot");
    ASSERT_TRUE(in);
    EXPECT_EQ(in->kind, incoming_kind::bot_removed);
}

// In a private chat my_chat_member means the user blocked the bot (member -> kicked) or
// unblocked it (kicked -> member): the first makes the chat gone, the second brings it back.
TEST(telegram_adapter, a_private_chat_blocked_and_unblocked) {
    auto unblocked = telegram::parse_update(fixture("telegram/bot_unblocked_in_private.json"), "ToCNSBot");
    ASSERT_TRUE(unblocked) << unblocked.error();
    EXPECT_EQ(unblocked->kind, incoming_kind::bot_added);
    EXPECT_EQ(unblocked->chat_type, chat_kind::private_chat);
    EXPECT_EQ(unblocked->chat.chat_id, "5012345678");
    EXPECT_EQ(unblocked->user_id, "5012345678");
    EXPECT_EQ(unblocked->update_key, "830001210");

    auto u = json::parse(fixture("telegram/bot_unblocked_in_private.json"));
    u["update_id"] = 830001209;
    std::swap(u["my_chat_member"]["old_chat_member"]["status"],
              u["my_chat_member"]["new_chat_member"]["status"]);
    auto blocked = telegram::parse_update(u.dump(), "ToCNSBot");
    ASSERT_TRUE(blocked) << blocked.error();
    EXPECT_EQ(blocked->kind, incoming_kind::bot_removed);
    EXPECT_EQ(blocked->chat_type, chat_kind::private_chat);
    EXPECT_EQ(blocked->chat.chat_id, "5012345678");
}

TEST(telegram_adapter, group_migration_both_directions) {
    auto in = telegram::parse_update(fixture("telegram/group_migrated.json"), "ToCNSBot");
    ASSERT_TRUE(in);
    EXPECT_EQ(in->kind, incoming_kind::chat_migrated);
    EXPECT_EQ(in->chat.chat_id, "-4012345678");
    EXPECT_EQ(in->migrated_to, "-1002223334445");
    json from{{"update_id", 2},
              {"message",
               {{"message_id", 1},
                {"chat", {{"id", -1002223334445}, {"type", "supergroup"}}},
                {"date", 1},
                {"migrate_from_chat_id", -4012345678}}}};
    auto in2 = telegram::parse_update(from.dump(), "ToCNSBot");
    ASSERT_TRUE(in2);
    EXPECT_EQ(in2->kind, incoming_kind::chat_migrated);
    EXPECT_EQ(in2->chat.chat_id, "-4012345678");
    EXPECT_EQ(in2->migrated_to, "-1002223334445");
}

TEST(telegram_adapter, edited_message_and_unknown_update_types) {
    auto u = json::parse(fixture("telegram/private_start.json"));
    u["edited_message"] = u["message"];
    u.erase("message");
    auto in = telegram::parse_update(u.dump(), "ToCNSBot");
    ASSERT_TRUE(in);
    EXPECT_EQ(in->kind, incoming_kind::edited_message);
    auto poll = telegram::parse_update(R"({"update_id": 9, "poll": {"id": "1"}})", "ToCNSBot");
    ASSERT_TRUE(poll);
    EXPECT_EQ(poll->kind, incoming_kind::other);
    EXPECT_EQ(poll->update_key, "9");
}

TEST(telegram_adapter, malformed_bodies_are_errors_not_crashes) {
    for (auto body : {"", "{", "[]", "null", R"({"update_id": "x"})", R"({"message": {}})",
                      R"({"update_id": 1, "message": {"chat": 5}})", "\xff\xfe"}) {
        auto in = telegram::parse_update(body, "ToCNSBot");
        EXPECT_FALSE(in) << body;
    }
    auto deep = std::string(100000, '[') + std::string(100000, ']');
    EXPECT_FALSE(telegram::parse_update(deep, "ToCNSBot"));
}

TEST(telegram_adapter, an_update_id_beyond_64_bits_signed_is_refused_not_wrapped_to_a_negative_key) {
    auto body = [](const std::string& id) {
        return R"({"update_id": )" + id +
               R"(, "message": {"message_id": 1, "chat": {"id": 5, "type": "private"}, "text": "/start"}})";
    };
    auto top = telegram::parse_update(body("9223372036854775807"), "ToCNSBot");
    ASSERT_TRUE(top);
    EXPECT_EQ(top->update_key, "9223372036854775807");
    for (auto id : {"9223372036854775808", "18446744073709551615"}) {
        auto in = telegram::parse_update(body(id), "ToCNSBot");
        EXPECT_FALSE(in) << id << " was read as update " << (in ? in->update_key : "");
    }
}

TEST(telegram_adapter, deeply_nested_json_inside_an_update_is_refused_before_it_is_copied) {
    // read_message copies "chat" with json::value(); 200,000 levels used to overflow the stack.
    std::string deep = std::string(200000, '[') + std::string(200000, ']');
    std::string body = R"({"update_id": 4, "message": {"message_id": 1, "chat": )" + deep + "}}";
    auto in = telegram::parse_update(body, "ToCNSBot");
    ASSERT_FALSE(in);
    EXPECT_NE(in.error().find("deeper than 64 levels"), std::string::npos) << in.error();
}

TEST(telegram_adapter, brackets_inside_text_do_not_count_as_nesting) {
    std::string text = std::string(500, '[') + R"(\"{{)";
    std::string body = R"({"update_id": 5, "message": {"message_id": 1, "chat": {"id": 1, "type": "private"},
        "from": {"id": 1, "first_name": "A"}, "date": 1, "text": ")" +
                       text + R"("}})";
    auto in = telegram::parse_update(body, "ToCNSBot");
    ASSERT_TRUE(in) << in.error();
    EXPECT_EQ(in->text, std::string(500, '[') + "\"{{");
}

TEST(telegram_adapter, numbers_out_of_range_are_ignored_not_cast) {
    // Found by fuzz_telegram_update: a float "date" was cast to int64 (undefined behaviour).
    std::string body = R"({"update_id": 6, "message": {"message_id": 1, "chat": {"id": 1, "type": "private"},
        "from": {"id": 1, "first_name": "A"}, "date": 1.7e134, "text": "/giup@x",
        "entities": [{"type": "bot_command", "offset": 1e300, "length": -1e300}]}})";
    auto in = telegram::parse_update(body, "ToCNSBot");
    ASSERT_TRUE(in) << in.error();
    EXPECT_EQ(in->sent_at, 0);
    EXPECT_FALSE(in->addressed_elsewhere);
    auto answer = telegram::read_answer(
        429, R"({"ok": false, "error_code": 4.2e12, "parameters": {"retry_after": 1e300}})");
    EXPECT_EQ(answer.error_code, 429);
    EXPECT_EQ(answer.retry_after, 0);
}

TEST(telegram_adapter, invalid_utf8_in_text_is_repaired) {
    std::string body = R"({"update_id": 3, "message": {"message_id": 1, "chat": {"id": 1, "type": "private"},
        "from": {"id": 1, "first_name": "A"}, "date": 1, "text": "abc"}})";
    auto in = telegram::parse_update(body, "ToCNSBot");
    ASSERT_TRUE(in);
    EXPECT_EQ(in->text, "abc");
}

TEST(telegram_adapter, send_message_with_buttons_and_reply) {
    outgoing m;
    m.to = {channel::telegram, "-1001987654321"};
    m.chat_type = chat_kind::group;
    m.text = "Chọn <b>chủ đề</b>";
    m.reply_to = "512";
    m.choices = {{{"VNeID", "t:1:vneid"}, {"Dịch vụ công", "t:1:dvc"}}};
    auto calls = telegram::api_calls_for(m, "");
    ASSERT_EQ(calls.size(), 1u);
    EXPECT_EQ(calls[0].method, "sendMessage");
    auto j = json::parse(calls[0].json_body);
    EXPECT_EQ(j["chat_id"], -1001987654321LL);
    EXPECT_EQ(j["parse_mode"], "HTML");
    EXPECT_EQ(j["reply_parameters"]["message_id"], 512);
    EXPECT_EQ(j["reply_markup"]["inline_keyboard"][0][1]["callback_data"], "t:1:dvc");
}

// Replies are written without building a json object; Telegram must get the same bytes the
// object would print, whatever the text holds.
TEST(telegram_adapter, a_reply_body_is_the_same_text_json_would_print) {
    auto printed = [](const outgoing& m, const std::string& text) {
        json chat = m.to.chat_id;
        try {
            chat = std::stoll(m.to.chat_id);
        } catch (...) {
        }
        json body{{"chat_id", chat},
                  {"text", text},
                  {"parse_mode", "HTML"},
                  {"link_preview_options", {{"is_disabled", true}}}};
        if (!m.reply_to.empty())
            body["reply_parameters"] = {{"message_id", std::stoll(m.reply_to)},
                                        {"allow_sending_without_reply", true}};
        if (!m.thread_id.empty())
            body["message_thread_id"] = std::stoll(m.thread_id);
        return body.dump(-1, ' ', false, json::error_handler_t::replace);
    };
    const std::vector<std::string> pieces{"Đã ghi nhận lượt thăm #",
                                          "12",
                                          " ",
                                          "\"",
                                          "\\",
                                          "\n",
                                          "\t",
                                          "\r",
                                          "\b",
                                          "\f",
                                          std::string(1, '\0'),
                                          "\x01",
                                          "\x1f",
                                          "\x7f",
                                          "<b>",
                                          "&amp;",
                                          "📱",
                                          "ngõ 5/7",
                                          "\u2028",
                                          "é",
                                          "ế"};
    std::mt19937 rng(7);
    for (int n = 0; n < 2000; ++n) {
        outgoing m;
        m.to = {channel::telegram, n % 3 == 0 ? "5" : n % 3 == 1 ? "-1001000000042" : "@kenh_phuong"};
        m.chat_type = chat_kind::group;
        if (n % 2)
            m.reply_to = std::to_string(rng() % 100000);
        if (n % 5 < 2)
            m.thread_id = std::to_string(rng() % 100000);
        std::string text;
        for (int k = static_cast<int>(rng() % 12); k >= 0; --k)
            text += pieces[rng() % pieces.size()];
        m.text = text;
        auto calls = telegram::api_calls_for(m, "");
        ASSERT_EQ(calls.size(), 1u);
        EXPECT_EQ(calls[0].json_body, printed(m, text)) << text;
    }
    // Text that is not UTF-8 still goes out, as valid JSON with a replacement character.
    outgoing bad;
    bad.to = {channel::telegram, "5"};
    bad.text = "a\xff\xfe"
               "b";
    auto text = json::parse(telegram::api_calls_for(bad, "")[0].json_body)["text"].get<std::string>();
    EXPECT_TRUE(text.starts_with("a\xEF\xBF\xBD")) << text;
    EXPECT_TRUE(text.ends_with("b")) << text;
}

// Forum groups ("Topics" on): a member who writes in a topic must read the answer there, not
// in "General".
TEST(telegram_adapter, a_message_in_a_forum_topic_carries_its_topic_through_either_reader) {
    auto body = fixture("telegram/topic_command.json");
    auto in = telegram::parse_update(body, "ToCNSBot");
    ASSERT_TRUE(in) << in.error();
    EXPECT_EQ(in->thread_id, "805");
    EXPECT_EQ(in->chat.chat_id, "-1001987654321");
    EXPECT_EQ(in->message_ref, "812");
    EXPECT_EQ(in->sender_chat, sender_chat_kind::none);
    auto fast = telegram::read_plain_message(body, "ToCNSBot");
    ASSERT_TRUE(fast) << "a topic message is an ordinary text message: the fast reader takes it";
    EXPECT_EQ(fast->thread_id, "805");
    auto full = telegram::parse_document(body, "ToCNSBot");
    ASSERT_TRUE(full);
    EXPECT_EQ(full->thread_id, "805");
}

// Bot API 9.3: a bot's private chat may have topics ("has_topics_enabled" in getMe); a message
// there has message_thread_id and is_topic_message like a forum group's, and sendMessage takes
// the thread for "private chats of bots with forum topic mode enabled".
TEST(telegram_adapter, a_message_in_a_private_topic_carries_its_topic_through_either_reader) {
    auto body = fixture("telegram/private_topic_command.json");
    auto fast = telegram::read_plain_message(body, "ToCNSBot");
    ASSERT_TRUE(fast);
    auto full = telegram::parse_document(body, "ToCNSBot");
    ASSERT_TRUE(full) << full.error();
    for (auto* in : {&*fast, &*full}) {
        EXPECT_EQ(in->thread_id, "7");
        EXPECT_EQ(in->chat.chat_id, "5012345678");
        EXPECT_EQ(in->chat_type, chat_kind::private_chat);
        EXPECT_EQ(in->text, "/tham số 12 ngõ 5 Lê Lợi, 2 người");
    }
}

TEST(telegram_adapter, a_reply_outside_a_forum_has_a_thread_id_but_no_topic_to_answer_in) {
    // Telegram gives replies in ordinary supergroups a message_thread_id as well; sending to it
    // fails with "message thread not found", so only is_topic_message counts.
    auto j = json::parse(fixture("telegram/topic_command.json"));
    j["message"].erase("is_topic_message");
    j["message"]["chat"].erase("is_forum");
    for (auto& in :
         {telegram::parse_update(j.dump(), "ToCNSBot"), telegram::parse_document(j.dump(), "ToCNSBot")}) {
        ASSERT_TRUE(in) << in.error();
        EXPECT_EQ(in->thread_id, "");
    }
    j["message"]["is_topic_message"] = false;
    EXPECT_EQ(telegram::parse_update(j.dump(), "ToCNSBot")->thread_id, "");
}

// An admin closes a forum topic: Telegram posts forum_topic_closed in it (a service message,
// which bots in privacy mode receive too). It names the topic the bot's open questions move from.
TEST(telegram_adapter, a_closed_forum_topic_is_read_with_its_topic) {
    auto body = fixture("telegram/topic_closed.json");
    EXPECT_FALSE(telegram::read_plain_message(body, "ToCNSBot")) << "no text: the full reader takes it";
    auto in = telegram::parse_update(body, "ToCNSBot");
    ASSERT_TRUE(in) << in.error();
    EXPECT_EQ(in->kind, incoming_kind::topic_closed);
    EXPECT_EQ(in->thread_id, "805");
    EXPECT_EQ(in->chat.chat_id, "-1001987654321");
    EXPECT_EQ(in->chat_type, chat_kind::group);
    EXPECT_EQ(in->update_key, "830001377");
    // Without is_topic_message the thread is still the closed topic's.
    auto j = json::parse(body);
    j["message"].erase("is_topic_message");
    auto bare = telegram::parse_update(j.dump(), "ToCNSBot");
    ASSERT_TRUE(bare) << bare.error();
    EXPECT_EQ(bare->kind, incoming_kind::topic_closed);
    EXPECT_EQ(bare->thread_id, "805");
}

TEST(telegram_adapter, a_button_under_a_message_in_a_topic_answers_in_that_topic) {
    auto in = telegram::parse_update(fixture("telegram/topic_callback_query.json"), "ToCNSBot");
    ASSERT_TRUE(in) << in.error();
    EXPECT_EQ(in->kind, incoming_kind::choice);
    EXPECT_EQ(in->thread_id, "805");
    EXPECT_EQ(in->user_id, "5012345678");
    EXPECT_EQ(in->sender_chat, sender_chat_kind::none) << "a button press always names the person";
}

TEST(telegram_adapter, anonymous_admins_and_channels_are_marked_as_no_person) {
    auto anon = telegram::parse_update(fixture("telegram/anonymous_admin_command.json"), "ToCNSBot");
    ASSERT_TRUE(anon) << anon.error();
    EXPECT_EQ(anon->sender_chat, sender_chat_kind::anonymous_admin);
    auto as_channel = telegram::parse_update(fixture("telegram/channel_sender_command.json"), "ToCNSBot");
    ASSERT_TRUE(as_channel) << as_channel.error();
    EXPECT_EQ(as_channel->sender_chat, sender_chat_kind::channel);
    auto linked = telegram::parse_update(fixture("telegram/linked_channel_post.json"), "ToCNSBot");
    ASSERT_TRUE(linked) << linked.error();
    EXPECT_EQ(linked->sender_chat, sender_chat_kind::linked_channel);
    // The stand-in account alone (no sender_chat) is never taken for a person either, and the
    // fast reader leaves it to the full one.
    auto j = json::parse(fixture("telegram/anonymous_admin_command.json"));
    j["message"].erase("sender_chat");
    j["message"].erase("author_signature");
    EXPECT_FALSE(telegram::read_plain_message(j.dump(), "ToCNSBot"));
    EXPECT_EQ(telegram::parse_update(j.dump(), "ToCNSBot")->sender_chat, sender_chat_kind::anonymous_admin);
    // A person's own message stays a person's.
    EXPECT_EQ(telegram::parse_update(fixture("telegram/group_command.json"), "ToCNSBot")->sender_chat,
              sender_chat_kind::none);
}

TEST(telegram_adapter, a_forward_of_someone_elses_message_is_marked_and_ones_own_is_not) {
    auto j = json::parse(fixture("telegram/group_command.json"));
    EXPECT_FALSE(telegram::parse_update(j.dump(), "ToCNSBot")->forwarded_from_other);
    auto origin = [&](json o) {
        j["message"]["forward_origin"] = std::move(o);
        auto in = telegram::parse_update(j.dump(), "ToCNSBot");
        EXPECT_TRUE(in) << in.error();
        return in->forwarded_from_other;
    };
    json other_user{{"type", "user"},
                    {"date", 1},
                    {"sender_user", {{"id", 5099999999}, {"is_bot", false}, {"first_name", "Lan"}}}};
    EXPECT_TRUE(origin(other_user));
    other_user["sender_user"]["id"] = 5012345678; // the sender's own message
    EXPECT_FALSE(origin(other_user));
    EXPECT_TRUE(origin({{"type", "hidden_user"}, {"date", 1}, {"sender_user_name", "Lan"}}));
    EXPECT_TRUE(origin({{"type", "channel"},
                        {"date", 1},
                        {"chat", {{"id", -100}, {"type", "channel"}}},
                        {"message_id", 3}}));
}

TEST(telegram_adapter, every_part_buttons_and_files_go_to_the_topic) {
    outgoing m;
    m.to = {channel::telegram, "-1001987654321"};
    m.chat_type = chat_kind::group;
    m.thread_id = "805";
    m.reply_to = "812";
    std::string line = "Dòng hướng dẫn khá dài để thử chia tin nhắn.\n";
    for (int i = 0; i < 200; ++i)
        m.text += line;
    m.choices = {{{"OK", "x:1"}}};
    auto calls = telegram::api_calls_for(m, "");
    ASSERT_GE(calls.size(), 3u);
    for (auto& c : calls)
        EXPECT_EQ(json::parse(c.json_body)["message_thread_id"], 805) << c.json_body;
    m.choices.clear(); // the plain writer
    for (auto& c : telegram::api_calls_for(m, ""))
        EXPECT_EQ(json::parse(c.json_body)["message_thread_id"], 805) << c.json_body;
    m.kind = outgoing_kind::document;
    m.text = "Báo cáo tháng 11";
    m.document = attachment{"document", "BQACAgIAAx", "bao_cao.xlsx"};
    auto doc = json::parse(telegram::api_calls_for(m, "")[0].json_body);
    EXPECT_EQ(doc["message_thread_id"], 805);
    // Edits and button acknowledgements name no topic (the Bot API takes none there).
    m.kind = outgoing_kind::edit;
    EXPECT_FALSE(json::parse(telegram::api_calls_for(m, "813")[0].json_body).contains("message_thread_id"));
    // Outside topics nothing changes.
    outgoing plain;
    plain.to = {channel::telegram, "-1001987654321"};
    plain.text = "Đã ghi";
    EXPECT_FALSE(json::parse(telegram::api_calls_for(plain, "")[0].json_body).contains("message_thread_id"));
}

TEST(telegram_adapter, long_text_is_split_with_buttons_on_the_last_part) {
    outgoing m;
    m.to = {channel::telegram, "5"};
    std::string line = "Dòng hướng dẫn khá dài để thử chia tin nhắn.\n";
    for (int i = 0; i < 200; ++i)
        m.text += line;
    m.choices = {{{"OK", "x:1"}}};
    auto calls = telegram::api_calls_for(m, "");
    ASSERT_GE(calls.size(), 3u);
    for (std::size_t i = 0; i < calls.size(); ++i) {
        auto j = json::parse(calls[i].json_body);
        EXPECT_LE(j["text"].get<std::string>().size(), 4096u * 3);
        EXPECT_EQ(j.contains("reply_markup"), i + 1 == calls.size());
    }
}

TEST(telegram_adapter, contact_request_keyboard_only_in_private_chats) {
    outgoing m;
    m.to = {channel::telegram, "5"};
    m.text = "Xin chào";
    m.contact_button = "📱 Chia sẻ số điện thoại";
    auto j = json::parse(telegram::api_calls_for(m, "")[0].json_body);
    EXPECT_TRUE(j["reply_markup"]["keyboard"][0][0]["request_contact"].get<bool>());
    m.chat_type = chat_kind::group;
    j = json::parse(telegram::api_calls_for(m, "")[0].json_body);
    EXPECT_FALSE(j.contains("reply_markup"));
}

TEST(telegram_adapter, edit_and_answer_callback) {
    outgoing e;
    e.kind = outgoing_kind::edit;
    e.to = {channel::telegram, "5"};
    e.text = "Đã gửi 120/300 nhóm";
    auto j = json::parse(telegram::api_calls_for(e, "77")[0].json_body);
    EXPECT_EQ(telegram::api_calls_for(e, "77")[0].method, "editMessageText");
    EXPECT_EQ(j["message_id"], 77);
    outgoing a;
    a.kind = outgoing_kind::answer_choice;
    a.choice_ref = "4382791231231231230";
    auto c = telegram::api_calls_for(a, "");
    EXPECT_EQ(c[0].method, "answerCallbackQuery");
    EXPECT_EQ(json::parse(c[0].json_body)["callback_query_id"], "4382791231231231230");
}

// A broken or forged API answer is read as a failure; it must not throw out of the sender.
TEST(telegram_adapter, answers_with_fields_of_another_type_are_failures_not_crashes) {
    telegram::api_answer a;
    ASSERT_NO_THROW(
        a = telegram::read_answer(200, R"({"ok":"true","description":5,"result":{"message_id":"x"}})"));
    EXPECT_FALSE(a.ok);
    EXPECT_EQ(a.error_code, 200);
    EXPECT_EQ(a.description, "");
    ASSERT_NO_THROW(a = telegram::read_answer(400, R"({"ok":false,"description":["a"],"error_code":"400"})"));
    EXPECT_FALSE(a.ok);
    EXPECT_EQ(a.error_code, 400);
}

TEST(telegram_adapter, error_answers) {
    auto a = telegram::read_answer(429, fixture("telegram/error_429.json"));
    EXPECT_FALSE(a.ok);
    EXPECT_EQ(a.error_code, 429);
    EXPECT_EQ(a.retry_after, 7);
    auto m = telegram::read_answer(400, fixture("telegram/error_400_migrated.json"));
    EXPECT_EQ(m.migrate_to_chat_id, "-1002223334445");
    auto b = telegram::read_answer(403, fixture("telegram/error_403_blocked.json"));
    EXPECT_EQ(b.error_code, 403);
    auto not_api = telegram::read_answer(500, R"({"message":"API method 'sendDocument' is not supported"})");
    EXPECT_FALSE(not_api.ok);
    EXPECT_EQ(not_api.error_code, 500);
}

} // namespace
} // namespace cnscd
