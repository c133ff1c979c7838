#include "bot/zalo/zalo_oa_adapter.hpp"
#include "bot/zalo/zalo_oa_tokens.hpp"
#include "messages/text_fold.hpp"
#include "tests/support/fixtures.hpp"
#include "tests/support/long_list_split.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace cnscd {
namespace {

using test::fixture;
using json = nlohmann::json;

using zalo_oa::signature_verdict;

const std::string app_id = "2553928453557884079";
const std::string oa_key = "fixture-oa-secret-key";
constexpr std::int64_t fixture_ms = 1767225600123; // the fixture's timestamp

std::string signature_line() {
    auto s = fixture("zalo_oa/user_send_text.signature");
    while (!s.empty() && (s.back() == '\n' || s.back() == '\r'))
        s.pop_back();
    return s;
}

zalo_oa::signature_check check_at(std::int64_t now_ms, std::int64_t window = 300) {
    return {app_id, oa_key, now_ms, window};
}

TEST(zalo_oa_signature, fixture_is_accepted) {
    auto body = fixture("zalo_oa/user_send_text.json");
    EXPECT_EQ(zalo_oa::verify(signature_line(), body, check_at(fixture_ms + 2000)), signature_verdict::ok);
    // Bare hex (no "mac=") and upper-case hex are the same signature.
    auto bare = signature_line().substr(4);
    EXPECT_EQ(zalo_oa::verify(bare, body, check_at(fixture_ms)), signature_verdict::ok);
    for (auto& c : bare)
        c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    EXPECT_EQ(zalo_oa::verify(bare, body, check_at(fixture_ms)), signature_verdict::ok);
}

TEST(zalo_oa_signature, is_sha256_of_app_id_body_timestamp_key) {
    auto body = fixture("zalo_oa/user_send_text.json");
    EXPECT_EQ("mac=" + zalo_oa::compute_mac(app_id, body, "1767225600123", oa_key), signature_line());
}

TEST(zalo_oa_signature, every_tampered_body_byte_is_rejected) {
    auto body = fixture("zalo_oa/user_send_text.json");
    auto sig = signature_line();
    for (std::size_t i = 0; i < body.size(); ++i) {
        auto tampered = body;
        tampered[i] = static_cast<char>(tampered[i] ^ 0x01);
        EXPECT_NE(zalo_oa::verify(sig, tampered, check_at(fixture_ms)), signature_verdict::ok)
            << "byte " << i << " changed and still accepted";
    }
}

TEST(zalo_oa_signature, every_tampered_signature_byte_is_rejected) {
    auto body = fixture("zalo_oa/user_send_text.json");
    auto sig = signature_line();
    for (std::size_t i = 4; i < sig.size(); ++i) {
        auto tampered = sig;
        tampered[i] = tampered[i] == '0' ? '1' : '0';
        EXPECT_EQ(zalo_oa::verify(tampered, body, check_at(fixture_ms)), signature_verdict::mismatch) << i;
    }
    EXPECT_EQ(zalo_oa::verify(sig.substr(0, sig.size() - 1), body, check_at(fixture_ms)),
              signature_verdict::mismatch);
    EXPECT_EQ(zalo_oa::verify(sig + "0", body, check_at(fixture_ms)), signature_verdict::mismatch);
}

TEST(zalo_oa_signature, missing_header_and_wrong_key_are_rejected) {
    auto body = fixture("zalo_oa/user_send_text.json");
    EXPECT_EQ(zalo_oa::verify("", body, check_at(fixture_ms)), signature_verdict::missing);
    zalo_oa::signature_check app_secret_by_mistake{app_id, "the-app-secret", fixture_ms, 300};
    EXPECT_EQ(zalo_oa::verify(signature_line(), body, app_secret_by_mistake), signature_verdict::mismatch);
    EXPECT_EQ(zalo_oa::verify(signature_line(), "not json", check_at(fixture_ms)),
              signature_verdict::bad_body);
}

TEST(zalo_oa_signature, event_for_another_app_is_rejected) {
    auto body = fixture("zalo_oa/user_send_text.json");
    zalo_oa::signature_check other{"1111111111111111111", oa_key, fixture_ms, 300};
    EXPECT_EQ(zalo_oa::verify(signature_line(), body, other), signature_verdict::wrong_app);
}

TEST(zalo_oa_signature, replay_outside_the_window_is_rejected) {
    auto body = fixture("zalo_oa/user_send_text.json");
    auto sig = signature_line();
    EXPECT_EQ(zalo_oa::verify(sig, body, check_at(fixture_ms + 299'000)), signature_verdict::ok);
    EXPECT_EQ(zalo_oa::verify(sig, body, check_at(fixture_ms + 301'000)), signature_verdict::stale);
    EXPECT_EQ(zalo_oa::verify(sig, body, check_at(fixture_ms - 301'000)), signature_verdict::stale)
        << "a timestamp far in the future is no more trustworthy";
    // The window is configurable.
    EXPECT_EQ(zalo_oa::verify(sig, body, check_at(fixture_ms + 3'600'000, 7200)), signature_verdict::ok);
}

// ------------------------------------------------------------------ events

json base_event(const std::string& name) {
    return json{{"event_name", name},
                {"app_id", app_id},
                {"sender", {{"id", "6142494823123456789"}}},
                {"recipient", {{"id", "3662729599332560487"}}},
                {"message", {{"msg_id", "aa31dff1c39642cc1b83"}}},
                {"timestamp", "1767225600123"},
                {"user_id_by_app", "979122185046046317"}};
}

TEST(zalo_oa_events, user_send_text_fixture) {
    auto ev = zalo_oa::parse_event(fixture("zalo_oa/user_send_text.json"));
    ASSERT_TRUE(ev) << ev.error();
    ASSERT_TRUE(ev->in);
    auto& in = *ev->in;
    EXPECT_EQ(in.kind, incoming_kind::message);
    EXPECT_EQ(in.chat.platform, channel::zalo_oa);
    EXPECT_EQ(in.chat.chat_id, "6142494823123456789") << "19-digit ids kept exactly, as text";
    EXPECT_EQ(in.user_id, "6142494823123456789");
    EXPECT_EQ(in.chat_type, chat_kind::private_chat);
    EXPECT_EQ(in.update_key, "cb31dff1c39642cc1b83");
    EXPECT_EQ(in.message_ref, "cb31dff1c39642cc1b83");
    EXPECT_EQ(in.sent_at, 1767225600);
    EXPECT_EQ(in.text, "/tham số 8 ngách 3, hướng dẫn thanh toán QR");
}

TEST(zalo_oa_events, image_file_and_location) {
    auto image = base_event("user_send_image");
    image["message"]["text"] = "ảnh buổi hướng dẫn";
    image["message"]["attachments"] = json::array(
        {{{"type", "image"}, {"payload", {{"url", "https://zalo.example/i.jpg"}, {"thumbnail", "t"}}}}});
    auto in = zalo_oa::parse_event(image.dump());
    ASSERT_TRUE(in && in->in);
    EXPECT_EQ(in->in->kind, incoming_kind::message);
    ASSERT_TRUE(in->in->file);
    EXPECT_EQ(in->in->file->kind, "image");
    EXPECT_EQ(in->in->file->file_ref, "https://zalo.example/i.jpg");
    EXPECT_EQ(in->in->text, "ảnh buổi hướng dẫn");
    EXPECT_TRUE(in->in->more_files.empty());

    // Several photos sent at once: one event, all of them kept in order.
    image["message"]["attachments"] =
        json::array({{{"type", "image"}, {"payload", {{"url", "https://zalo.example/1.jpg"}}}},
                     {{"type", "image"}, {"payload", {{"url", "https://zalo.example/2.jpg"}}}},
                     {{"type", "image"}, {"payload", json::object()}},
                     {{"type", "image"}, {"payload", {{"url", "https://zalo.example/3.jpg"}}}}});
    in = zalo_oa::parse_event(image.dump());
    ASSERT_TRUE(in && in->in && in->in->file);
    EXPECT_EQ(in->in->file->file_ref, "https://zalo.example/1.jpg");
    ASSERT_EQ(in->in->more_files.size(), 2u);
    EXPECT_EQ(in->in->more_files[0].file_ref, "https://zalo.example/2.jpg");
    EXPECT_EQ(in->in->more_files[1].file_ref, "https://zalo.example/3.jpg");

    auto file = base_event("user_send_file");
    file["message"]["attachments"] = json::array(
        {{{"type", "file"}, {"payload", {{"url", "https://zalo.example/f"}, {"name", "danh_sach.xlsx"}}}}});
    in = zalo_oa::parse_event(file.dump());
    ASSERT_TRUE(in && in->in && in->in->file);
    EXPECT_EQ(in->in->file->kind, "file");
    EXPECT_EQ(in->in->file->file_name, "danh_sach.xlsx");

    auto location = base_event("user_send_location");
    location["message"]["attachments"] =
        json::array({{{"type", "location"},
                      {"payload", {{"coordinates", {{"latitude", "16.0544"}, {"longitude", "108.2022"}}}}}}});
    in = zalo_oa::parse_event(location.dump());
    ASSERT_TRUE(in && in->in && in->in->file);
    EXPECT_EQ(in->in->file->kind, "location");
    EXPECT_EQ(in->in->file->file_ref, "16.0544,108.2022");
}

TEST(zalo_oa_events, submit_info_is_the_users_own_contact) {
    auto e = base_event("user_submit_info");
    e["info"] = {{"name", "Lê Thị Lan"}, {"phone", "84905123456"}, {"address", "x"}};
    auto in = zalo_oa::parse_event(e.dump());
    ASSERT_TRUE(in && in->in);
    EXPECT_EQ(in->in->kind, incoming_kind::contact);
    EXPECT_EQ(in->in->contact_phone, "84905123456");
    EXPECT_EQ(in->in->contact_user_id, in->in->user_id);
    EXPECT_EQ(in->in->user_name, "Lê Thị Lan");
}

TEST(zalo_oa_events, follow_and_unfollow) {
    json f{{"event_name", "follow"},         {"app_id", app_id},
           {"oa_id", "3662729599332560487"}, {"follower", {{"id", "6142494823123456789"}}},
           {"timestamp", "1767225600123"},   {"user_id_by_app", "979122185046046317"}};
    auto in = zalo_oa::parse_event(f.dump());
    ASSERT_TRUE(in && in->in);
    EXPECT_EQ(in->in->kind, incoming_kind::follow);
    EXPECT_EQ(in->in->chat.chat_id, "6142494823123456789");
    EXPECT_FALSE(in->in->update_key.empty());
    f["event_name"] = "unfollow";
    auto out = zalo_oa::parse_event(f.dump());
    ASSERT_TRUE(out && out->in);
    EXPECT_EQ(out->in->kind, incoming_kind::unfollow);
    EXPECT_NE(out->in->update_key, in->in->update_key);
}

TEST(zalo_oa_events, group_events_go_to_the_group) {
    auto g = base_event("user_send_group_text");
    g["recipient"] = {{"id", "4a9bada229cec09099df"}};
    g["message"]["text"] = "/thongke";
    auto in = zalo_oa::parse_event(g.dump());
    ASSERT_TRUE(in && in->in);
    EXPECT_EQ(in->in->chat_type, chat_kind::group);
    EXPECT_EQ(in->in->chat.chat_id, "4a9bada229cec09099df");
    EXPECT_EQ(in->in->user_id, "6142494823123456789");
    EXPECT_EQ(in->in->text, "/thongke");

    // An explicit group_id wins over recipient.id.
    g["recipient"]["group_id"] = "bb9bada229cec09099df";
    in = zalo_oa::parse_event(g.dump());
    ASSERT_TRUE(in && in->in);
    EXPECT_EQ(in->in->chat.chat_id, "bb9bada229cec09099df");

    for (std::string kind : {"image", "file", "location"}) {
        auto e = base_event("user_send_group_" + kind);
        auto ev = zalo_oa::parse_event(e.dump());
        ASSERT_TRUE(ev && ev->in) << kind;
        EXPECT_EQ(ev->in->chat_type, chat_kind::group) << kind;
    }
}

TEST(zalo_oa_events, a_sticker_or_voice_note_sent_privately_is_kept_to_be_answered) {
    for (std::string kind : {"sticker", "audio", "gif", "video"}) {
        auto ev = zalo_oa::parse_event(base_event("user_send_" + kind).dump());
        ASSERT_TRUE(ev && ev->in) << kind;
        EXPECT_EQ(ev->in->chat_type, chat_kind::private_chat) << kind;
        EXPECT_TRUE(ev->in->unreadable) << kind;
    }
    auto text = zalo_oa::parse_event(base_event("user_send_text").dump());
    ASSERT_TRUE(text && text->in);
    EXPECT_FALSE(text->in->unreadable);
}

TEST(zalo_oa_events, unknown_and_uninteresting_events_are_ignored_not_errors) {
    for (std::string name : {"user_send_link", "user_seen_message", "oa_send_text", "user_received_message",
                             "user_send_group_sticker", "something_new_from_zalo"}) {
        auto ev = zalo_oa::parse_event(base_event(name).dump());
        ASSERT_TRUE(ev) << name;
        EXPECT_FALSE(ev->in) << name;
        EXPECT_EQ(ev->name, name);
    }
}

TEST(zalo_oa_events, malformed_bodies_say_what_is_wrong) {
    EXPECT_EQ(zalo_oa::parse_event("[1]").error(), "the body is not a JSON object");
    EXPECT_EQ(zalo_oa::parse_event("{").error(), "the body is not valid JSON");
    EXPECT_EQ(zalo_oa::parse_event("{}").error(), "the event has no event_name");
    auto e = base_event("user_send_text");
    e["message"].erase("msg_id");
    EXPECT_EQ(zalo_oa::parse_event(e.dump()).error(), "the user_send_text event has no message.msg_id");
}

// ------------------------------------------------------------------ sending

TEST(zalo_oa_send, private_reply_quotes_and_choices_become_numbers) {
    outgoing m;
    m.to = {channel::zalo_oa, "6142494823123456789"};
    m.text = "Chọn <b>chủ đề</b> &amp; gửi số:";
    m.reply_to = "cb31dff1c39642cc1b83";
    m.choices = {{{"VNeID", "t:1:vneid"}, {"Thanh toán QR", "t:1:qr"}}, {{"Khác", "t:1:other"}}};
    auto calls = zalo_oa::api_calls_for(m);
    ASSERT_EQ(calls.size(), 1u);
    EXPECT_EQ(calls[0].path, "/v3.0/oa/message/cs");
    auto body = json::parse(calls[0].json_body);
    EXPECT_EQ(body["recipient"]["user_id"], "6142494823123456789");
    EXPECT_EQ(body["message"]["quote_message_id"], "cb31dff1c39642cc1b83");
    EXPECT_EQ(body["message"]["text"], "Chọn chủ đề & gửi số:\n\n1. VNeID\n2. Thanh toán QR\n3. Khác");
}

TEST(zalo_oa_send, group_message_and_long_text_split) {
    outgoing m;
    m.to = {channel::zalo_oa, "4a9bada229cec09099df"};
    m.chat_type = chat_kind::group;
    std::string line(99, 'a');
    for (int i = 0; i < 50; ++i)
        m.text += line + "\n";
    auto calls = zalo_oa::api_calls_for(m);
    ASSERT_EQ(calls.size(), 3u);
    for (auto& c : calls) {
        EXPECT_EQ(c.path, "/v3.0/oa/group/message");
        auto body = json::parse(c.json_body);
        EXPECT_EQ(body["recipient"]["group_id"], "4a9bada229cec09099df");
        EXPECT_LE(body["message"]["text"].get<std::string>().size(), zalo_oa::max_text_chars);
    }
}

TEST(zalo_oa_send, error_codes_map_to_what_the_sender_does) {
    using o = delivery_result::outcome;
    const std::int64_t ten_pm = 1795485600 + 13 * 3600; // 2026-11-24 22:00 +07:00
    auto at = [&](const std::string& body) {
        return zalo_oa::to_delivery(zalo_oa::read_answer(200, body), ten_pm, 420);
    };
    auto ok = at(R"({"error":0,"message":"Success","data":{"message_id":"m1","user_id":"u"}})");
    EXPECT_EQ(ok.what, o::sent);
    EXPECT_EQ(ok.message_ref, "m1");
    EXPECT_EQ(at(R"({"error":-32,"message":"x"})").what, o::retry);
    EXPECT_EQ(at(R"({"error":-100,"message":"unknown"})").what, o::retry);
    auto curfew = at(R"({"error":-234,"message":"night"})");
    EXPECT_EQ(curfew.what, o::reschedule);
    EXPECT_EQ(curfew.not_before, ten_pm + 8 * 3600) << "06:00 the next morning, local time";
    auto window = at(R"({"error":-230,"message":"no interaction"})");
    EXPECT_EQ(window.what, o::permanent);
    EXPECT_TRUE(window.outside_window) << "told apart from other refusals, for the delivery report";
    EXPECT_FALSE(at(R"({"error":-201,"message":"bad param"})").outside_window);
    EXPECT_EQ(at(R"({"error":-213,"message":"not follower"})").what, o::chat_gone);
    EXPECT_EQ(at(R"({"error":-201,"message":"bad param"})").what, o::permanent);
    EXPECT_EQ(zalo_oa::read_answer(200, R"({"error":-216,"message":"Access token is invalid"})").kind,
              zalo_oa::answer_kind::token);
    EXPECT_EQ(zalo_oa::read_answer(502, "<html>bad gateway</html>").kind, zalo_oa::answer_kind::retry);
}

TEST(zalo_oa_send, local_files_are_uploaded_images_as_media) {
    outgoing m;
    m.kind = outgoing_kind::document;
    m.to = {channel::zalo_oa, "4a9bada229cec09099df"};
    m.chat_type = chat_kind::group;
    m.document = attachment{"document", "file:/tmp/x/anh.PNG", ""};
    EXPECT_TRUE(zalo_oa::api_calls_for(m).empty()) << "no caption: nothing before the upload";
    auto plan = zalo_oa::upload_for(m);
    ASSERT_TRUE(plan);
    EXPECT_TRUE(plan->image);
    EXPECT_EQ(plan->path, "/v2.0/oa/upload/image");
    EXPECT_EQ(plan->file_name, "anh.PNG");
    auto call = zalo_oa::attachment_call(m, *plan, R"({"error":0,"data":{"attachment_id":"a1"}})");
    ASSERT_TRUE(call);
    EXPECT_EQ(call->path, "/v3.0/oa/group/message");
    auto body = json::parse(call->json_body);
    EXPECT_EQ(body["message"]["attachment"]["payload"]["elements"][0]["attachment_id"], "a1");
    EXPECT_FALSE(zalo_oa::attachment_call(m, *plan, R"({"error":0,"data":{}})"));

    m.document = attachment{"document", "https://example.vn/huong_dan.pdf", "huong_dan.pdf"};
    EXPECT_FALSE(zalo_oa::upload_for(m)) << "a link is sent as text";
    auto calls = zalo_oa::api_calls_for(m);
    ASSERT_EQ(calls.size(), 1u);
    EXPECT_EQ(json::parse(calls[0].json_body)["message"]["text"],
              "huong_dan.pdf\nhttps://example.vn/huong_dan.pdf");
}

TEST(zalo_oa_send, a_file_id_from_another_platform_sends_only_the_caption_and_says_why) {
    outgoing m;
    m.kind = outgoing_kind::document;
    m.to = {channel::zalo_oa, "4a9bada229cec09099df"};
    m.chat_type = chat_kind::group;
    m.text = "Hướng dẫn cài VNeID";
    m.document = attachment{"document", "BQACAgUAAxkBAAIBZ2VfakeTelegramFileId", "vneid.pdf"};
    auto why = zalo_oa::undeliverable_file(m);
    ASSERT_TRUE(why);
    EXPECT_NE(why->find("vneid.pdf"), std::string::npos);
    auto calls = zalo_oa::api_calls_for(m);
    ASSERT_EQ(calls.size(), 1u);
    EXPECT_EQ(json::parse(calls[0].json_body)["message"]["text"], "Hướng dẫn cài VNeID") << "no raw file id";
}

// Our clock a few seconds ahead of Zalo's: a message sent at 06:00:02 was refused as still in
// the night and held until 06:00 the next day.
TEST(zalo_oa_send, a_curfew_answer_after_six_is_tried_again_shortly_not_tomorrow) {
    const std::int64_t six_am = 1795485600 - 3 * 3600; // 2026-11-24 06:00 +07:00
    auto curfew = zalo_oa::read_answer(200, R"({"error":-234,"message":"night"})");
    auto just_after = zalo_oa::to_delivery(curfew, six_am + 2, 420);
    EXPECT_EQ(just_after.what, delivery_result::outcome::reschedule);
    EXPECT_GT(just_after.not_before, six_am + 2);
    EXPECT_LE(just_after.not_before, six_am + 15 * 60) << "minutes later, not 24 hours";
    // Just before 22:00 by our clock, already night by Zalo's: a try a few minutes later is
    // refused too, and then it waits for the morning.
    const std::int64_t ten_pm = six_am + 16 * 3600;
    auto just_before = zalo_oa::to_delivery(curfew, ten_pm - 3, 420);
    EXPECT_LE(just_before.not_before, ten_pm + 15 * 60);
    EXPECT_EQ(zalo_oa::to_delivery(curfew, ten_pm + 1, 420).not_before, six_am + 24 * 3600);
}

TEST(zalo_oa_send, next_morning_is_six_local) {
    // 2026-11-24 02:00 UTC = 09:00 +07:00 -> next 06:00 +07:00 is 2026-11-24 23:00 UTC.
    EXPECT_EQ(zalo_oa::next_morning(1795485600, 420), 1795485600 + 21 * 3600);
    // 05:59 local -> one minute later.
    EXPECT_EQ(zalo_oa::next_morning(1795485600 - 3 * 3600 - 60 + 0, 420), 1795485600 - 3 * 3600);
}

// A token answer with fields of another type is a failed refresh with Zalo's words, not a crash.
TEST(zalo_oa_tokens, an_answer_with_fields_of_another_type_is_a_failure_not_a_crash) {
    zalo_oa::oauth_answer a;
    ASSERT_NO_THROW(
        a = zalo_oa::read_oauth_answer(
            200,
            R"({"access_token":5,"refresh_token":"r","error":-14014,"error_description":7,"error_name":"Invalid refresh token"})"));
    EXPECT_FALSE(a.ok);
    EXPECT_EQ(a.description, "Zalo error -14014: Invalid refresh token");
    ASSERT_NO_THROW(a = zalo_oa::read_oauth_answer(
                        200, R"({"access_token":"a","refresh_token":"r","expires_in":"90000"})"));
    EXPECT_TRUE(a.ok);
    EXPECT_EQ(a.expires_in, 90000);
}

// Vietnamese figures with a numbered list: parts within Zalo's 2,000 UTF-16 units, no line cut.
TEST(zalo_oa_send, a_long_vietnamese_list_is_split_between_lines_only) {
    auto list = test::long_vietnamese_list(channel::zalo_oa);
    std::vector<std::string> parts;
    for (auto& c : zalo_oa::api_calls_for(list.message))
        parts.push_back(json::parse(c.json_body)["message"]["text"].get<std::string>());
    test::expect_split_between_lines(list, parts, zalo_oa::max_text_chars);
}

} // namespace
} // namespace cnscd
