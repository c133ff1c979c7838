// The stored form of an outbox message: the direct writer gives json's bytes exactly, and every
// field comes back from what is stored (a restart resends from these rows).

#include "storage/database.hpp"
#include "storage/outbox.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <random>

namespace cnscd {
namespace {

const std::vector<std::string> pieces = {
    "Đã ghi nhận lượt thăm #", "12",   " ",    "\"",   "\\",  "/",     "\n", "\t",      "\r",     "\b", "\f",
    std::string(1, '\0'),      "\x01", "\x1f", "\x7f", "<b>", "&amp;", "📱",  "ngõ 5/7", "\u2028", "é",  "ế"};

std::string random_text(std::mt19937& rng, int most) {
    std::string s;
    for (int k = static_cast<int>(rng() % most); k > 0; --k)
        s += pieces[rng() % pieces.size()];
    return s;
}

outgoing random_message(std::mt19937& rng) {
    outgoing m;
    m.to = {channel::telegram, "-100123"};
    m.kind = static_cast<outgoing_kind>(rng() % 4);
    m.chat_type = rng() % 2 ? chat_kind::group : chat_kind::private_chat;
    m.priority = rng() % 2 ? lane::bulk : lane::interactive;
    m.text = random_text(rng, 10);
    auto some = [&](int n) { return rng() % 3 == 0 ? random_text(rng, n) : std::string(); };
    m.contact_button = some(3);
    m.reply_to = some(2);
    m.edit_message_ref = some(2);
    m.choice_ref = some(2);
    m.merge_key = some(2);
    m.edit_outbox_id = rng() % 3 == 0 ? static_cast<std::int64_t>(rng()) - (1LL << 31) : 0;
    m.campaign_id = rng() % 3 == 0 ? static_cast<std::int64_t>(rng()) * 4096 : 0;
    m.nudge_id = rng() % 3 == 0 ? static_cast<std::int64_t>(rng()) : 0;
    return m;
}

TEST(outbox_payload, the_direct_writer_gives_the_json_objects_bytes) {
    std::mt19937 rng(11);
    for (int n = 0; n < 3000; ++n) {
        auto m = random_message(rng);
        EXPECT_EQ(encode_payload(m), encode_payload_with_json(m)) << m.text;
    }
}

TEST(outbox_payload, every_field_comes_back_after_storing) {
    std::mt19937 rng(12);
    for (int n = 0; n < 500; ++n) {
        auto m = random_message(rng);
        if (n % 5 == 0)
            m.choices = {{{"Có", "y:" + std::to_string(n)}, {"Không \"x\"", "n"}}, {{"Hủy", "c"}}};
        if (n % 7 == 0)
            m.document = attachment{"document", "file:/tmp/a b.xlsx", "Báo cáo quý.xlsx"};
        auto back = decode_payload(encode_payload(m), m.to.platform, m.to.chat_id, m.priority);
        EXPECT_EQ(back.kind, m.kind);
        EXPECT_EQ(back.chat_type, m.chat_type);
        EXPECT_EQ(back.text, m.text);
        EXPECT_EQ(back.contact_button, m.contact_button);
        EXPECT_EQ(back.reply_to, m.reply_to);
        EXPECT_EQ(back.edit_message_ref, m.edit_message_ref);
        EXPECT_EQ(back.edit_outbox_id, m.edit_outbox_id);
        EXPECT_EQ(back.choice_ref, m.choice_ref);
        EXPECT_EQ(back.merge_key, m.merge_key);
        EXPECT_EQ(back.campaign_id, m.campaign_id);
        EXPECT_EQ(back.nudge_id, m.nudge_id);
        ASSERT_EQ(back.choices.size(), m.choices.size());
        for (std::size_t r = 0; r < m.choices.size(); ++r)
            for (std::size_t b = 0; b < m.choices[r].size(); ++b) {
                EXPECT_EQ(back.choices[r][b].label, m.choices[r][b].label);
                EXPECT_EQ(back.choices[r][b].data, m.choices[r][b].data);
            }
        ASSERT_EQ(back.document.has_value(), m.document.has_value());
        if (m.document) {
            EXPECT_EQ(back.document->file_ref, m.document->file_ref);
            EXPECT_EQ(back.document->file_name, m.document->file_name);
        }
    }
}

// A confirmation to a member who wrote in a forum topic, still waiting when the bot stops, must
// still go to that topic after the restart.
TEST(outbox_payload, a_pending_row_keeps_its_forum_topic_across_a_restart) {
    auto path = (std::filesystem::temp_directory_path() / "cnscd_outbox_topic.db").string();
    std::filesystem::remove(path);
    std::int64_t in_topic = 0, in_general = 0;
    {
        auto db = database::open(path);
        db->in_transaction([&] {
            outgoing m;
            m.to = {channel::telegram, "-1001987654321"};
            m.chat_type = chat_kind::group;
            m.text = "Đã ghi lượt thăm số 12";
            m.merge_key = "visit";
            m.thread_id = "805";
            in_topic = outbox(*db).add(m, 100);
            m.thread_id.clear();
            in_general = outbox(*db).add(m, 100);
        });
    }
    auto db = database::open(path);
    auto pending = outbox(*db).pending();
    ASSERT_EQ(pending.size(), 2u);
    EXPECT_EQ(pending[0].id, in_topic);
    EXPECT_EQ(pending[0].message.thread_id, "805");
    EXPECT_EQ(pending[1].message.thread_id, "");
    EXPECT_EQ(outbox(*db).find(in_topic)->message.thread_id, "805");
    EXPECT_EQ(outbox(*db).find(in_general)->message.thread_id, "");
    db.reset();
    std::filesystem::remove(path);
}

TEST(outbox_payload, text_that_is_not_utf8_is_refused_as_before) {
    outgoing m;
    m.to = {channel::telegram, "5"};
    m.text = "a\xff"
             "b";
    EXPECT_THROW(encode_payload(m), nlohmann::json::type_error);
}

} // namespace
} // namespace cnscd
