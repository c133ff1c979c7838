// Photo evidence for visits: a /tham sent as a photo's caption, /anh for a record, a photo sent
// privately right after logging, who may see the photos again, and the export's count.

#include "handlers/report_export.hpp"
#include "handlers/scheduled_work.hpp"
#include "storage/database.hpp"
#include "storage/registry.hpp"
#include "storage/report_store.hpp"
#include "storage/sqlite_connection.hpp"
#include "storage/visit_photo_store.hpp"
#include "storage/visit_store.hpp"
#include "tests/support/team_one_roster.hpp"
#include "tests/support/test_bot.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <unistd.h>

namespace cnscd {
namespace {

using test::has;
using test::test_bot;

// Beside team 1's leader and member: another member of team 1, team 2's leader, a ward staff member.
struct photo_fixture : ::testing::Test, test::team_one_roster {
    std::int64_t other = bot.member(ward, team1, "Hoàng Văn Em", "member", "103");
    std::int64_t leader2 = bot.member(ward, team2, "Võ Thị Giang", "leader", "200");
    std::int64_t staff = bot.member(ward, 0, "Ngô Thị Hạnh", "ward_staff", "900");

    photo_fixture() { bot.bind_group("-1001", ward, team1); }

    // A photo with `caption`, privately or in the team's group.
    std::vector<outgoing> photo(const std::string& user, const std::string& caption,
                                const std::string& file_id, bool in_group = false,
                                const std::string& album = "") {
        incoming in;
        in.kind = incoming_kind::message;
        in.chat = {channel::telegram, in_group ? "-1001" : user};
        in.chat_type = in_group ? chat_kind::group : chat_kind::private_chat;
        in.user_id = user;
        in.user_name = "User " + user;
        in.message_ref = std::to_string(bot.next_update + 5000);
        in.text = caption;
        in.file = attachment{"photo", file_id, ""};
        in.album = album;
        return bot.deliver(std::move(in));
    }
    std::int64_t last_record() { return visit_store(*bot.db).last_of_member(member)->id; }
    std::vector<visit_photo> photos_of(std::int64_t id) { return visit_photo_store(*bot.db).of_visit(id); }
    static std::vector<const outgoing*> documents(const std::vector<outgoing>& out) {
        std::vector<const outgoing*> docs;
        for (auto& o : out)
            if (o.kind == outgoing_kind::document)
                docs.push_back(&o);
        return docs;
    }
};

TEST_F(photo_fixture, a_visit_sent_as_a_photos_caption_keeps_the_photo) {
    auto out = photo("102", "/tham số 12 ngõ 5, cài VNeID cho 2 người", "PHOTO-A", true);
    EXPECT_TRUE(has(out, "Đã lưu kèm ảnh minh chứng")) << test_bot::joined(out);
    auto kept = photos_of(last_record());
    ASSERT_EQ(kept.size(), 1u);
    EXPECT_EQ(kept[0].file.file_ref, "PHOTO-A");
    EXPECT_EQ(kept[0].added_by, member);
    // A visit without a photo says nothing about one.
    EXPECT_FALSE(has(bot.say("102", "/tham số 14 ngõ 5, cài VNeID"), "ảnh"));
}

TEST_F(photo_fixture, anh_attaches_to_the_latest_or_a_numbered_own_record) {
    bot.say("102", "/tham số 12 ngõ 5, cài VNeID");
    auto first = last_record();
    bot.say("102", "/tham số 14 ngõ 5, QR");
    auto second = last_record();
    EXPECT_TRUE(has(photo("102", "/anh", "P1"), "lượt số " + std::to_string(second)));
    auto out = photo("102", "/anh " + std::to_string(first), "P2");
    EXPECT_TRUE(has(out, "lượt số " + std::to_string(first) + " (số 12 ngõ 5); lượt này có 1 ảnh"))
        << test_bot::joined(out);
    EXPECT_EQ(photos_of(first).size(), 1u);
    EXPECT_EQ(photos_of(second).size(), 1u);
    // Someone else's record, an unknown one, a cancelled one: nothing is kept.
    EXPECT_TRUE(has(photo("103", "/anh " + std::to_string(first), "P3"), "không phải do bạn ghi"));
    EXPECT_TRUE(has(photo("102", "/anh 99999", "P4"), "Không tìm thấy số 99999"));
    bot.say("102", "/huy " + std::to_string(second));
    EXPECT_TRUE(has(photo("102", "/anh " + std::to_string(second), "P5"), "đã được hủy"));
    EXPECT_EQ(photos_of(first).size(), 1u);
    EXPECT_EQ(photos_of(second).size(), 1u);
    EXPECT_TRUE(has(photo("103", "/anh", "P6"), "chưa có lượt nào")) << "nothing logged yet";
}

TEST_F(photo_fixture, a_photo_sent_privately_within_the_hour_belongs_to_the_latest_record) {
    bot.say("102", "/tham số 12 ngõ 5, cài VNeID");
    EXPECT_TRUE(has(photo("102", "", "LOOSE-1"), "Đã lưu ảnh minh chứng"));
    EXPECT_EQ(photos_of(last_record()).size(), 1u);
    bot.clk.advance(2 * 3600);
    auto late = photo("102", "", "LOOSE-2");
    EXPECT_TRUE(has(late, "gửi ảnh kèm chú thích /anh")) << test_bot::joined(late);
    EXPECT_EQ(photos_of(last_record()).size(), 1u);
    // In the group, photos are shared for many reasons: nothing is attached and nothing said.
    bot.say("102", "/tham số 20 ngõ 5, QR");
    EXPECT_TRUE(photo("102", "", "GROUP-1", true).empty());
    EXPECT_EQ(photos_of(last_record()).size(), 0u);
}

TEST_F(photo_fixture, the_rest_of_an_album_follows_its_first_photo_without_a_reply_each) {
    // In the group: the first photo carries the /tham, the others nothing.
    auto first = photo("102", "/tham số 12 ngõ 5, cài VNeID", "AL-1", true, "album-1");
    EXPECT_TRUE(has(first, "Đã lưu kèm ảnh minh chứng"));
    EXPECT_TRUE(photo("102", "", "AL-2", true, "album-1").empty());
    EXPECT_TRUE(photo("102", "", "AL-3", true, "album-1").empty());
    auto record = last_record();
    EXPECT_EQ(photos_of(record).size(), 3u);
    // Another member's album, or an album with no record, adds nothing in the group.
    EXPECT_TRUE(photo("103", "", "OTHER-1", true, "album-1").empty());
    EXPECT_TRUE(photo("102", "", "NEW-1", true, "album-2").empty());
    EXPECT_EQ(photos_of(record).size(), 3u);
    // Privately after a /tham: the first photo is answered once, the others follow silently.
    bot.say("102", "/tham số 14 ngõ 5, QR");
    auto next = last_record();
    EXPECT_TRUE(has(photo("102", "", "PR-1", false, "album-3"), "Đã lưu ảnh minh chứng cho lượt số"));
    EXPECT_TRUE(photo("102", "", "PR-2", false, "album-3").empty());
    EXPECT_EQ(photos_of(next).size(), 2u);
}

TEST_F(photo_fixture, the_members_latest_records_show_how_many_photos_each_has) {
    photo("102", "/tham số 12 ngõ 5, cài VNeID", "T1");
    photo("102", "/anh", "T2");
    auto with = last_record();
    bot.say("102", "/tham số 14 ngõ 5, QR");
    auto without = last_record();
    auto out = bot.say("102", "/toi");
    EXPECT_TRUE(has(out, "Số " + std::to_string(with) + ", ")) << test_bot::joined(out);
    EXPECT_TRUE(has(out, "VNeID 📷2")) << test_bot::joined(out);
    EXPECT_TRUE(has(out, "Số " + std::to_string(without) + ", "));
    EXPECT_FALSE(has(out, "QR 📷"));
}

TEST_F(photo_fixture, a_newcomers_photo_sent_before_linking_goes_with_the_held_visit) {
    auto newcomer = bot.member(ward, team1, "Lý Văn Sáu", "member", "", "+84905100009");
    auto held = photo("556", "/tham số 30 ngõ 9, cài VNeID", "HELD-1");
    EXPECT_TRUE(has(held, "giữ lại")) << test_bot::joined(held);
    incoming in;
    in.kind = incoming_kind::contact;
    in.chat = {channel::telegram, "556"};
    in.user_id = "556";
    in.contact_phone = "84905100009";
    in.contact_user_id = "556";
    auto linked = bot.deliver(in);
    EXPECT_TRUE(has(linked, "Đã liên kết"));
    EXPECT_TRUE(has(linked, "Đã lưu kèm ảnh minh chứng")) << test_bot::joined(linked);
    auto record = visit_store(*bot.db).last_of_member(newcomer);
    ASSERT_TRUE(record);
    auto kept = photos_of(record->id);
    ASSERT_EQ(kept.size(), 1u);
    EXPECT_EQ(kept[0].file.file_ref, "HELD-1");
}

TEST_F(photo_fixture, a_record_holds_at_most_ten_photos) {
    bot.say("102", "/tham số 12 ngõ 5, cài VNeID");
    for (int i = 0; i < 10; ++i)
        photo("102", "/anh", "P" + std::to_string(i));
    EXPECT_TRUE(has(photo("102", "/anh", "P10"), "đã có 10 ảnh/tệp"));
    EXPECT_EQ(photos_of(last_record()).size(), 10u);
}

TEST_F(photo_fixture, photos_are_shown_privately_to_the_owner_their_leaders_and_ward_staff_only) {
    photo("102", "/tham số 12 ngõ 5, cài VNeID", "SEEN-1");
    photo("102", "/anh", "SEEN-2");
    auto no = std::to_string(last_record());
    for (auto who : {"102", "100", "900"}) {
        auto out = bot.say(who, "/anh " + no);
        auto docs = documents(out);
        ASSERT_EQ(docs.size(), 2u) << who << ": " << test_bot::joined(out);
        EXPECT_EQ(docs[0]->document->file_ref, "SEEN-1");
        EXPECT_EQ(docs[1]->document->file_ref, "SEEN-2");
        EXPECT_TRUE(has(out, "(2/2)"));
    }
    EXPECT_TRUE(documents(bot.say("103", "/anh " + no)).empty()) << "another member";
    EXPECT_TRUE(has(bot.say("200", "/anh " + no), "không xem được")) << "another team's leader";
    auto in_group = bot.say_in_group("-1001", "100", "/anh " + no);
    EXPECT_TRUE(documents(in_group).empty());
    EXPECT_TRUE(has(in_group, "chỉ xem trong tin nhắn riêng"));
    EXPECT_TRUE(has(bot.say("102", "/anh"), "gõ /anh 125")) << "without a photo or number: how to use it";
    auto bad = bot.say("102", "/anh abc");
    EXPECT_TRUE(has(bad, "«abc» không phải số của một lượt đã ghi. Gõ /anh 125")) << test_bot::joined(bad);
}

TEST_F(photo_fixture, a_telegram_photo_is_not_sent_to_a_zalo_chat_but_a_zalo_url_goes_anywhere) {
    photo("102", "/tham số 12 ngõ 5, cài VNeID", "TG-FILE-ID");
    auto id = last_record();
    visit_photo z;
    z.visit_id = id;
    z.platform = channel::zalo_oa;
    z.file = {"image", "https://zalo.example/photo.jpg", ""};
    z.added_by = member;
    visit_photo_store(*bot.db).add(z);
    // Ward staff linked on Zalo OA.
    member_store(*bot.db).link_account(channel::zalo_oa, "zstaff", staff, "contact", bot.clk.now());
    bot.platform = channel::zalo_oa;
    auto out = bot.say("zstaff", "/anh " + std::to_string(id));
    auto docs = documents(out);
    ASSERT_EQ(docs.size(), 1u) << test_bot::joined(out);
    EXPECT_EQ(docs[0]->document->file_ref, "https://zalo.example/photo.jpg");
    EXPECT_TRUE(has(out, "được gửi qua Telegram, chỉ xem được trên Telegram"));
}

TEST_F(photo_fixture, the_export_counts_each_records_photos) {
    photo("102", "/tham số 12 ngõ 5, cài VNeID", "E1");
    photo("102", "/anh", "E2");
    bot.say("102", "/tham số 14 ngõ 5, QR");
    auto w = *ward_store(*bot.db).by_id(ward);
    auto d = instance_for_key(*bot.db, bot.cfg, w, "2026-11");
    ASSERT_TRUE(d);
    auto ex = build_ward_export(*bot.db, bot.cfg, language::vi, w, *d);
    auto& visits = ex.sheets.at(2);
    ASSERT_EQ(visits.headers.back(), "Ảnh minh chứng");
    ASSERT_EQ(visits.rows.size(), 2u);
    EXPECT_EQ(visits.rows[0].back().number, 2);
    EXPECT_EQ(visits.rows[1].back().number, 0);
}

TEST_F(photo_fixture, english_speakers_use_photo) {
    bot.say("102", "/ngonngu en");
    bot.say("102", "/visit house 12 lane 5, VNeID");
    EXPECT_TRUE(has(photo("102", "/photo", "EN-1"), "Photo kept as evidence"));
    EXPECT_TRUE(has(bot.say("102", "/photo"), "/photo 125"));
}

} // namespace
} // namespace cnscd

namespace cnscd {
namespace {

// Records with photos, counted in the running totals: the team's and the ward's stats, /toi and
// the report card say how many of the period's records have evidence; a second photo on the same
// record, cancelling and moving a record keep the count right.
// Webhook deliveries can overtake each other: an album's captioned part may come after the rest.
TEST_F(photo_fixture, album_parts_that_come_before_their_captioned_part_join_its_record) {
    EXPECT_TRUE(photo("102", "", "B-2", true, "album-b").empty());
    EXPECT_TRUE(photo("102", "", "B-3", true, "album-b").empty());
    EXPECT_TRUE(photo("103", "", "OTHER-2", true, "album-b").empty()); // another member's
    auto out = photo("102", "/tham số 30 ngõ 2, cài VNeID", "B-1", true, "album-b");
    EXPECT_TRUE(has(out, "Đã lưu kèm ảnh minh chứng")) << test_bot::joined(out);
    auto record = last_record();
    auto kept = photos_of(record);
    ASSERT_EQ(kept.size(), 3u);
    EXPECT_EQ(kept[0].file.file_ref, "B-1");
    EXPECT_EQ(kept[1].file.file_ref, "B-2");
    EXPECT_EQ(kept[2].file.file_ref, "B-3");
    EXPECT_TRUE(photo("102", "", "B-4", true, "album-b").empty());
    EXPECT_EQ(photos_of(record).size(), 4u);
    EXPECT_EQ(visit_store(*bot.db).team_totals_in(team1, {"2026-11-01", "2026-11-30"}).with_evidence, 1);
    // A part that waited longer than an album takes to arrive is not taken.
    photo("102", "", "C-2", true, "album-c");
    bot.clk.advance(11 * 60);
    photo("102", "/tham số 32 ngõ 2, cài VNeID", "C-1", true, "album-c");
    EXPECT_EQ(photos_of(last_record()).size(), 1u);
    // The other member's part, never claimed, is dropped by the scheduler's housekeeping.
    run_scheduled_work(*bot.db, bot.env);
    SQLite::Statement waiting(bot.db->native().db, "SELECT count(*) FROM album_parts_waiting");
    ASSERT_TRUE(waiting.executeStep());
    EXPECT_EQ(waiting.getColumn(0).getInt(), 0);
}

TEST_F(photo_fixture, privately_a_part_put_on_the_previous_record_moves_to_its_albums_record) {
    bot.say("102", "/tham số 12 ngõ 5, cài VNeID");
    auto previous = last_record();
    // The first part to arrive has no caption: within the hour, it goes to the latest record...
    EXPECT_TRUE(has(photo("102", "", "D-2", false, "album-d"), "lượt số " + std::to_string(previous)));
    // ...until its captioned part says it belongs to a new one.
    photo("102", "/tham số 40 ngõ 9, thanh toán QR", "D-1", false, "album-d");
    auto record = last_record();
    EXPECT_EQ(photos_of(previous).size(), 0u);
    EXPECT_EQ(photos_of(record).size(), 2u);
    EXPECT_EQ(visit_store(*bot.db).team_totals_in(team1, {"2026-11-01", "2026-11-30"}).with_evidence, 1)
        << "only the new record has evidence now";
    // With no recent record, the parts wait (one hint for the album) for the captioned part.
    bot.clk.advance(2 * 3600);
    EXPECT_TRUE(has(photo("102", "", "E-2", false, "album-e"), "gửi ảnh kèm chú thích /anh"));
    EXPECT_TRUE(photo("102", "", "E-3", false, "album-e").empty());
    photo("102", "/tham số 44 ngõ 9, chống lừa đảo", "E-1", false, "album-e");
    EXPECT_EQ(photos_of(last_record()).size(), 3u);
}

TEST_F(photo_fixture, several_photos_in_one_zalo_message_are_all_kept_up_to_the_limit) {
    incoming in;
    in.kind = incoming_kind::message;
    in.chat = {channel::telegram, "102"}; // the test bot's accounts are Telegram ones
    in.chat_type = chat_kind::private_chat;
    in.user_id = "102";
    in.text = "/tham số 50 ngõ 1, cài VNeID";
    in.file = attachment{"image", "https://zalo.example/1.jpg", ""};
    for (int i = 2; i <= 12; ++i)
        in.more_files.push_back({"image", "https://zalo.example/" + std::to_string(i) + ".jpg", ""});
    EXPECT_TRUE(has(bot.deliver(in), "Đã lưu kèm ảnh minh chứng"));
    auto kept = photos_of(last_record());
    ASSERT_EQ(kept.size(), 10u);
    EXPECT_EQ(kept[9].file.file_ref, "https://zalo.example/10.jpg");
    EXPECT_EQ(visit_store(*bot.db).team_totals_in(team1, {"2026-11-01", "2026-11-30"}).with_evidence, 1);
}

TEST_F(photo_fixture, a_photo_captioned_with_a_visit_but_no_command_is_offered_with_its_photo) {
    bot.say("102", "/tham số 12 ngõ 5, cài VNeID");
    auto previous = last_record();
    // Not the previous record's evidence: its caption describes another visit.
    auto offer = photo("102", "số 20 ngõ 7, hướng dẫn thanh toán QR", "CAPTIONED-1");
    EXPECT_TRUE(has(offer, "Bạn có muốn ghi lại việc này không?")) << test_bot::joined(offer);
    EXPECT_TRUE(photos_of(previous).empty());
    auto logged = bot.press("102", "sl:tham");
    EXPECT_TRUE(has(logged, "Đã lưu kèm ảnh minh chứng")) << test_bot::joined(logged);
    auto kept = photos_of(last_record());
    ASSERT_EQ(kept.size(), 1u);
    EXPECT_EQ(kept[0].file.file_ref, "CAPTIONED-1");
    // A caption that is not a visit still makes the photo evidence of the latest record.
    EXPECT_TRUE(has(photo("102", "ảnh đây", "PLAIN-1"), "Đã lưu ảnh minh chứng"));
}

TEST_F(photo_fixture, stats_count_the_records_that_have_photo_evidence) {
    auto evidence = [&](const std::string& from, const std::string& to) {
        return visit_store(*bot.db).team_totals_in(team1, {from, to}).with_evidence;
    };
    photo("102", "/tham số 12 ngõ 5, cài VNeID", "P1");
    auto first = last_record();
    photo("102", "/anh", "P2"); // a second photo of the same record counts once
    bot.say("102", "/tham số 14 ngõ 5, thanh toán QR");
    auto second = last_record();
    EXPECT_EQ(evidence("2026-11-01", "2026-11-30"), 1);
    EXPECT_TRUE(has(bot.say("100", "/thongke"), "📷 Có ảnh minh chứng: 1/2 lượt"));
    EXPECT_TRUE(has(bot.say("900", "/thongke"), "📷 Có ảnh minh chứng: 1/2 lượt")) << "the ward's stats";
    EXPECT_TRUE(has(bot.say("102", "/toi"), "📷 Có ảnh minh chứng: 1/2 lượt"));
    EXPECT_TRUE(has(bot.say("100", "/baocao tháng"), "📷 Có ảnh minh chứng: 1/2 lượt"));
    photo("102", "/anh " + std::to_string(second), "P3");
    EXPECT_EQ(evidence("2026-11-01", "2026-11-30"), 2);
    // Moved to another day, the record's evidence moves with it; cancelled, it goes.
    bot.say("102", "/sua " + std::to_string(first) + " ngày 20/11");
    EXPECT_EQ(evidence("2026-11-20", "2026-11-20"), 1);
    EXPECT_EQ(evidence("2026-11-24", "2026-11-24"), 1);
    bot.say("102", "/huy " + std::to_string(second));
    EXPECT_EQ(evidence("2026-11-24", "2026-11-24"), 0);
    EXPECT_EQ(evidence("2026-11-01", "2026-11-30"), 1);
    bot.say("102", "/huy " + std::to_string(first));
    EXPECT_FALSE(has(bot.say("100", "/thongke"), "📷 Có ảnh")) << "nothing with evidence: no line";
    // The pseudo-topic never shows as a topic.
    EXPECT_EQ(
        visit_store(*bot.db).team_totals_in(team1, {"2026-11-01", "2026-11-30"}).topics.count("~evidence"),
        0u);
    EXPECT_EQ(
        visit_store(*bot.db).ward_totals_in(ward, {"2026-11-01", "2026-11-30"}).topics.count("~evidence"),
        0u);
}

} // namespace
} // namespace cnscd

namespace cnscd {
namespace {

// Upgrading a database whose visits already have photos (kept before evidence was counted):
// migration 13 counts them into the totals.
TEST(evidence_migration, photos_kept_before_the_upgrade_are_counted) {
    auto path =
        (std::filesystem::temp_directory_path() / ("cnscd-evidence-" + std::to_string(::getpid()) + ".db"))
            .string();
    std::filesystem::remove(path);
    std::int64_t team = 0;
    {
        auto db = database::open(path);
        auto ward = ward_store(*db).ensure("Phường Hòa Xuân", 0);
        team = team_store(*db).ensure(ward, "Tổ dân phố số 1", 0);
        member_record m;
        m.ward_id = ward;
        m.team_id = team;
        m.full_name = "Phạm Thị Dung";
        m.role = "member";
        auto member = member_store(*db).insert(m, 0);
        for (auto day : {"2026-10-05", "2026-11-02", "2026-11-03"}) {
            visit_record v;
            v.ward_id = ward;
            v.team_id = team;
            v.member_id = member;
            v.day = day;
            visit_store(*db).add(v);
        }
    }
    {
        // As an older version left it: photo rows, no evidence totals, schema 12.
        SQLite::Database raw(path, SQLite::OPEN_READWRITE);
        raw.exec("INSERT INTO visit_photos (visit_id, channel, kind, file_ref, added_by, added_at) VALUES "
                 "(1, 'telegram', 'photo', 'A', 1, 0), (1, 'telegram', 'photo', 'B', 1, 0), "
                 "(2, 'telegram', 'photo', 'C', 1, 0)");
        raw.exec("DROP TABLE album_parts_waiting");             // migration 14 came later
        raw.exec("ALTER TABLE members DROP COLUMN removed_at"); // and 15
        raw.exec("ALTER TABLE members DROP COLUMN erased_at");
        raw.exec("ALTER TABLE members DROP COLUMN team_since"); // and 16
        raw.exec("ALTER TABLE outbox DROP COLUMN thread_id");   // and 17
        raw.exec("DROP TABLE nudge_messages");                  // and 18
        raw.exec("DROP TABLE nudges");
        raw.exec("DROP TABLE chat_migrations");                    // and 20
        raw.exec("ALTER TABLE campaigns DROP COLUMN owed_report"); // nor the owed report of 22
        raw.exec("ALTER TABLE campaigns DROP COLUMN owed_period");
        raw.exec("PRAGMA user_version = 12");
    }
    auto db = database::open(path);
    visit_store visits(*db);
    EXPECT_EQ(visits.team_totals_in(team, {"2026-10-01", "2026-10-31"}).with_evidence, 1);
    EXPECT_EQ(visits.team_totals_in(team, {"2026-11-01", "2026-11-30"}).with_evidence, 1);
    EXPECT_EQ(visits.team_totals_in(team, {"2026-11-02", "2026-11-02"}).with_evidence, 1);
    EXPECT_EQ(visits.team_totals_in(team, {"2026-11-03", "2026-11-03"}).with_evidence, 0);
    db.reset();
    std::filesystem::remove(path);
}

} // namespace
} // namespace cnscd
