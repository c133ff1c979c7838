#include "bot/metrics.hpp"
#include "bot/outbox_sender.hpp"
#include "messages/text_limit.hpp"
#include "storage/database.hpp"
#include "storage/outbox.hpp"
#include "storage/registry.hpp"
#include "storage/writer.hpp"

#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>

#include <gtest/gtest.h>
#include <spdlog/sinks/ostream_sink.h>
#include <spdlog/spdlog.h>

#include <filesystem>
#include <map>
#include <mutex>
#include <sstream>

namespace cnscd {
namespace {

namespace net = boost::asio;
using steady = std::chrono::steady_clock;

// A platform that answers from a script, after a short simulated network delay.
class scripted_client final : public platform_client {
public:
    explicit scripted_client(net::io_context& io, rate_limits limits, channel platform = channel::telegram)
        : io_(io), limits_(limits), platform_(platform) {
        quiet_.enabled = false;
    }

    channel platform() const override { return platform_; }
    const rate_limits& limits() const override { return limits_; }
    const quiet_hours& quiet() const override { return quiet_; }

    void deliver(const outgoing& m, const std::string& edit_ref,
                 std::function<void(delivery_result)> done) override {
        delivery_result r;
        {
            std::lock_guard lock(mutex_);
            sent_.push_back({m.to.chat_id, m.text, edit_ref, steady::now(), m.thread_id});
            auto& script = scripts_[m.to.chat_id];
            if (!script.empty()) {
                r = script.front();
                script.erase(script.begin());
            } else {
                r.message_ref = std::to_string(sent_.size());
            }
        }
        auto timer = std::make_shared<net::steady_timer>(io_, std::chrono::milliseconds(2));
        timer->async_wait([timer, r, done = std::move(done)](boost::system::error_code) { done(r); });
    }
    void stop() override {}

    struct call {
        std::string chat, text, edit_ref;
        steady::time_point at;
        std::string thread;
    };
    std::vector<call> sent() {
        std::lock_guard lock(mutex_);
        return sent_;
    }
    void script(const std::string& chat, delivery_result r) {
        std::lock_guard lock(mutex_);
        scripts_[chat].push_back(std::move(r));
    }

private:
    net::io_context& io_;
    rate_limits limits_;
    channel platform_;
    quiet_hours quiet_;
    std::mutex mutex_;
    std::vector<call> sent_;
    std::map<std::string, std::vector<delivery_result>> scripts_;
};

struct sender_fixture : ::testing::Test {
    std::string path = (std::filesystem::temp_directory_path() /
                        ("outbox_sender_test_" + std::to_string(::getpid()) + ".db"))
                           .string();
    config cfg;
    metrics stats;
    net::io_context io;
    // The real loop always has work (the HTTP acceptor); so does this one.
    net::executor_work_guard<net::io_context::executor_type> keep_running = net::make_work_guard(io);
    std::unique_ptr<writer> db_writer;
    database* db = nullptr;

    void SetUp() override {
        std::filesystem::remove(path);
        cfg.outbox.retry_base_ms = 50;
        cfg.outbox.retry_max_ms = 200;
        cfg.outbox.max_attempts = 3;
        cfg.outbox.give_up_after_seconds = 0;
        auto d = database::open(path);
        db = d.get();
        db_writer = std::make_unique<writer>(std::move(d), 64);
    }
    void TearDown() override {
        db_writer->stop();
        for (auto ext : {"", "-wal", "-shm"})
            std::filesystem::remove(path + ext);
    }

    std::int64_t add(const std::string& chat, const std::string& text, lane l = lane::interactive,
                     chat_kind kind = chat_kind::private_chat, const std::string& merge_key = "",
                     const std::string& thread = "") {
        std::int64_t id = 0;
        db_writer->run_sync([&](database& d) {
            outgoing m = text_to({channel::telegram, chat}, kind, text, l);
            m.merge_key = merge_key;
            m.thread_id = thread;
            id = outbox(d).add(m, 0);
        });
        return id;
    }

    std::optional<delivery_status> status(std::int64_t id) {
        std::optional<delivery_status> s;
        db_writer->run_sync([&](database& d) { s = outbox(d).status(id); });
        return s;
    }

    // Runs the loop until `pred` holds (checked every 10 ms) or `limit` passes.
    template <class Pred>
    bool run_until(Pred pred, std::chrono::milliseconds limit = std::chrono::seconds(10)) {
        auto deadline = steady::now() + limit;
        while (steady::now() < deadline) {
            io.run_for(std::chrono::milliseconds(10));
            if (pred())
                return true;
        }
        return false;
    }
};

rate_limits fast_limits() {
    return {true, 1000, 50, 1000};
}

TEST_F(sender_fixture, interactive_rows_leave_before_bulk_rows) {
    scripted_client client(io, {true, 5, 100, 1000});
    for (int i = 0; i < 6; ++i)
        add("-" + std::to_string(100 + i), "thông báo " + std::to_string(i), lane::bulk, chat_kind::group);
    add("42", "xác nhận", lane::interactive);
    outbox_sender sender(io, *db_writer, cfg, stats, nullptr);
    sender.add_client(client);
    sender.load_pending();
    ASSERT_TRUE(run_until([&] { return client.sent().size() == 7; }));
    auto sent = client.sent();
    EXPECT_EQ(sent.front().text, "xác nhận");
}

TEST_F(sender_fixture, a_chat_keeps_its_order_and_all_rows_are_recorded_sent) {
    scripted_client client(io, fast_limits());
    std::vector<std::int64_t> ids;
    for (int i = 0; i < 20; ++i)
        ids.push_back(add("7", "tin " + std::to_string(i)));
    outbox_sender sender(io, *db_writer, cfg, stats, nullptr);
    sender.add_client(client);
    sender.load_pending();
    ASSERT_TRUE(run_until([&] { return client.sent().size() == 20; }));
    auto sent = client.sent();
    for (int i = 0; i < 20; ++i)
        EXPECT_EQ(sent[i].text, "tin " + std::to_string(i));
    ASSERT_TRUE(run_until([&] { return status(ids.back())->state == delivery_state::sent; }));
    for (auto id : ids)
        EXPECT_EQ(status(id)->state, delivery_state::sent);
}

TEST_F(sender_fixture, rate_limit_answer_delays_only_that_chat) {
    scripted_client client(io, fast_limits());
    delivery_result flood;
    flood.what = delivery_result::outcome::rate_limited;
    flood.retry_after_seconds = 1;
    client.script("A", flood);
    add("A", "a1");
    add("A", "a2");
    add("B", "b1");
    add("B", "b2");
    outbox_sender sender(io, *db_writer, cfg, stats, nullptr);
    sender.add_client(client);
    auto start = steady::now();
    sender.load_pending();
    ASSERT_TRUE(run_until([&] { return client.sent().size() == 5; }));
    auto sent = client.sent();
    std::vector<std::string> a_texts;
    for (auto& c : sent) {
        if (c.chat == "B") {
            EXPECT_LT(c.at - start, std::chrono::milliseconds(900))
                << "B must not wait for A's flood control";
        }
        if (c.chat == "A")
            a_texts.push_back(c.text);
    }
    ASSERT_EQ(a_texts.size(), 3u);
    EXPECT_EQ(a_texts, (std::vector<std::string>{"a1", "a1", "a2"}));
    EXPECT_GE(sent.back().at - start, std::chrono::milliseconds(950));
    EXPECT_EQ(stats.of(channel::telegram).rate_limited.load(), 1u);
}

TEST_F(sender_fixture, transient_failures_are_retried_then_given_up) {
    scripted_client client(io, fast_limits());
    delivery_result down;
    down.what = delivery_result::outcome::retry;
    down.error = "connect: refused";
    client.script("A", down);
    client.script("B", down);
    client.script("B", down);
    client.script("B", down);
    auto a = add("A", "a");
    auto b = add("B", "b");
    outbox_sender sender(io, *db_writer, cfg, stats, nullptr);
    sender.add_client(client);
    sender.load_pending();
    ASSERT_TRUE(run_until([&] {
        auto sa = status(a), sb = status(b);
        return sa->state == delivery_state::sent && sb->state == delivery_state::failed;
    }));
    EXPECT_EQ(status(b)->attempts, 3);
    EXPECT_NE(status(b)->error.find("refused"), std::string::npos);
}

TEST_F(sender_fixture, an_outage_longer_than_max_attempts_loses_nothing_while_rows_are_young) {
    cfg.outbox.give_up_after_seconds = 3600;
    scripted_client client(io, fast_limits());
    delivery_result down;
    down.what = delivery_result::outcome::retry;
    down.error = "connect: refused";
    for (int i = 0; i < 6; ++i) // twice max_attempts
        client.script("C", down);
    auto add_now = [&](const std::string& text) { // created now: young rows
        std::int64_t id = 0;
        db_writer->run_sync([&](database& d) {
            id = outbox(d).add(
                text_to({channel::telegram, "C"}, chat_kind::private_chat, text, lane::interactive),
                std::time(nullptr));
        });
        return id;
    };
    auto first = add_now("first");
    auto second = add_now("second");
    outbox_sender sender(io, *db_writer, cfg, stats, nullptr);
    sender.add_client(client);
    sender.load_pending();
    ASSERT_TRUE(run_until([&] {
        return status(first)->state == delivery_state::sent && status(second)->state == delivery_state::sent;
    }));
    EXPECT_EQ(status(first)->attempts, 7); // six failures, then the send
    EXPECT_EQ(stats.of(channel::telegram).sends_failed.load(), 0u);
}

TEST_F(sender_fixture, chat_gone_fails_its_queue_and_marks_the_chat_inactive) {
    scripted_client client(io, fast_limits());
    delivery_result gone;
    gone.what = delivery_result::outcome::chat_gone;
    gone.error = "Forbidden: bot was kicked from the group chat";
    client.script("-5", gone);
    auto r1 = add("-5", "1", lane::bulk, chat_kind::group);
    auto r2 = add("-5", "2", lane::bulk, chat_kind::group);
    outbox_sender sender(io, *db_writer, cfg, stats, nullptr);
    sender.add_client(client);
    sender.load_pending();
    ASSERT_TRUE(run_until([&] { return status(r2)->state == delivery_state::failed; }));
    EXPECT_EQ(status(r1)->state, delivery_state::failed);
    EXPECT_EQ(client.sent().size(), 1u);
    bool inactive = false;
    db_writer->run_sync([&](database& d) { inactive = outbox(d).chat_inactive(channel::telegram, "-5"); });
    EXPECT_TRUE(inactive);
}

// "chat -5 is gone" alone left the operator searching the database for whose group it was.
TEST_F(sender_fixture, a_gone_group_is_logged_with_its_team) {
    db_writer->run_sync([](database& d) {
        auto ward = ward_store(d).ensure("Phường Hải Châu", 0);
        auto team = team_store(d).ensure(ward, "Tổ dân phố số 4", 0);
        group_store(d).bind({{channel::telegram, "-5"}, ward, team, "Tổ 4", true}, std::nullopt, 0);
    });
    std::ostringstream said;
    auto sink = std::make_shared<spdlog::sinks::ostream_sink_mt>(said);
    auto before = spdlog::default_logger();
    spdlog::set_default_logger(std::make_shared<spdlog::logger>("capture", sink));
    scripted_client client(io, fast_limits());
    delivery_result gone;
    gone.what = delivery_result::outcome::chat_gone;
    gone.error = "Forbidden: bot was kicked from the group chat";
    client.script("-5", gone);
    auto r1 = add("-5", "1", lane::bulk, chat_kind::group);
    outbox_sender sender(io, *db_writer, cfg, stats, nullptr);
    sender.add_client(client);
    sender.load_pending();
    bool failed = run_until([&] { return status(r1)->state == delivery_state::failed; });
    db_writer->run_sync([](database&) {}); // the log line is written with the inactive mark
    spdlog::set_default_logger(before);
    ASSERT_TRUE(failed);
    EXPECT_NE(said.str().find("chat -5 (the group of Tổ dân phố số 4) is gone (Forbidden: bot was kicked"),
              std::string::npos)
        << said.str();
}

TEST_F(sender_fixture, migrated_group_is_rekeyed_and_resent) {
    scripted_client client(io, fast_limits());
    delivery_result moved;
    moved.what = delivery_result::outcome::chat_migrated;
    moved.new_chat_id = "-100999";
    client.script("-5", moved);
    auto r1 = add("-5", "nhắc hạn", lane::bulk, chat_kind::group);
    auto r2 = add("-5", "nhắc lần 2", lane::bulk, chat_kind::group);
    outbox_sender sender(io, *db_writer, cfg, stats, nullptr);
    sender.add_client(client);
    sender.load_pending();
    ASSERT_TRUE(run_until([&] { return status(r2)->state == delivery_state::sent; }));
    EXPECT_EQ(status(r1)->state, delivery_state::sent);
    auto sent = client.sent();
    ASSERT_EQ(sent.size(), 3u);
    EXPECT_EQ(sent[1].chat, "-100999");
    EXPECT_EQ(sent[1].text, "nhắc hạn");
    EXPECT_EQ(sent[2].chat, "-100999");
}

TEST_F(sender_fixture, confirmations_held_by_the_group_limit_are_merged) {
    // One message per second in this chat: the first confirmation goes at once; the five
    // that arrive while the chat waits leave together as one message.
    scripted_client client(io, {true, 30, 1, 20});
    std::vector<std::int64_t> ids;
    ids.push_back(add("-7", "✅ Đã ghi lượt #0", lane::interactive, chat_kind::group, "visit"));
    outbox_sender sender(io, *db_writer, cfg, stats, nullptr);
    sender.add_client(client);
    sender.load_pending();
    ASSERT_TRUE(run_until([&] { return client.sent().size() == 1; }));
    for (int i = 1; i < 6; ++i) {
        auto id =
            add("-7", "✅ Đã ghi lượt #" + std::to_string(i), lane::interactive, chat_kind::group, "visit");
        ids.push_back(id);
        outbox_row row;
        db_writer->run_sync([&](database& d) { row = *outbox(d).find(id); });
        sender.enqueue(row);
    }
    ASSERT_TRUE(run_until([&] { return client.sent().size() == 2; }));
    run_until([&] { return false; }, std::chrono::milliseconds(300));
    auto sent = client.sent();
    ASSERT_EQ(sent.size(), 2u);
    EXPECT_EQ(sent[0].text, "✅ Đã ghi lượt #0");
    for (int i = 1; i < 6; ++i)
        EXPECT_NE(sent[1].text.find("#" + std::to_string(i)), std::string::npos);
    EXPECT_GE(sent[1].at - sent[0].at, std::chrono::milliseconds(900));
    ASSERT_TRUE(run_until([&] { return status(ids.back())->state != delivery_state::pending; }));
    EXPECT_EQ(status(ids[1])->state, delivery_state::sent);
    for (int i = 2; i < 6; ++i)
        EXPECT_EQ(status(ids[i])->state, delivery_state::merged);
    // /metrics: two messages went to Telegram, carrying six confirmations. sends_ok alone read as
    // four confirmations lost (docs/OPERATIONS.md, "Metrics to watch").
    EXPECT_EQ(stats.of(channel::telegram).sends_ok.load(), 2u);
    EXPECT_EQ(stats.of(channel::telegram).messages_delivered.load(), 6u);
    auto text = stats.render();
    EXPECT_NE(text.find("\ncnscd_sends_ok_total{channel=\"telegram\"} 2\n"), std::string::npos) << text;
    EXPECT_NE(text.find("\ncnscd_messages_delivered_total{channel=\"telegram\"} 6\n"), std::string::npos)
        << text;
}

// The merged message refused for good: its five confirmations are lost, not one. /metrics said
// cnscd_sends_failed_total 1 beside cnscd_messages_delivered_total counting each confirmation,
// so four lost replies did not show; cnscd_messages_failed_total counts the rows.
TEST_F(sender_fixture, a_refused_merged_message_counts_each_confirmation_it_carried_as_failed) {
    scripted_client client(io, {true, 30, 1, 20});
    client.script("-7", delivery_result{}); // #0 goes alone
    delivery_result refused;
    refused.what = delivery_result::outcome::permanent;
    refused.error = "Bad Request: message is too long";
    client.script("-7", refused);
    std::vector<std::int64_t> ids;
    ids.push_back(add("-7", "✅ Đã ghi lượt #0", lane::interactive, chat_kind::group, "visit"));
    outbox_sender sender(io, *db_writer, cfg, stats, nullptr);
    sender.add_client(client);
    sender.load_pending();
    ASSERT_TRUE(run_until([&] { return client.sent().size() == 1; }));
    for (int i = 1; i < 6; ++i) {
        auto id =
            add("-7", "✅ Đã ghi lượt #" + std::to_string(i), lane::interactive, chat_kind::group, "visit");
        ids.push_back(id);
        outbox_row row;
        db_writer->run_sync([&](database& d) { row = *outbox(d).find(id); });
        sender.enqueue(row);
    }
    ASSERT_TRUE(run_until([&] { return status(ids[1])->state == delivery_state::failed; }));
    ASSERT_EQ(client.sent().size(), 2u) << "the five left as one message";
    auto text = stats.render();
    EXPECT_NE(text.find("\ncnscd_sends_failed_total{channel=\"telegram\"} 1\n"), std::string::npos) << text;
    EXPECT_NE(text.find("\ncnscd_messages_delivered_total{channel=\"telegram\"} 1\n"), std::string::npos)
        << text;
    EXPECT_NE(text.find("\ncnscd_messages_failed_total{channel=\"telegram\"} 5\n"), std::string::npos)
        << text;
    // The rows that rode along are failed too, with the reason: an operator counting failed rows
    // in the outbox saw one where five confirmations were lost.
    ASSERT_TRUE(run_until([&] { return status(ids.back())->state != delivery_state::pending; }));
    for (int i = 2; i < 6; ++i) {
        auto s = status(ids[i]);
        EXPECT_EQ(s->state, delivery_state::failed) << i;
        EXPECT_NE(s->error.find("message is too long"), std::string::npos) << s->error;
    }
}

// A forum group: members of different topics all confirmed in one message would see it in one
// topic only. Waiting confirmations merge per topic, each into its own topic.
TEST_F(sender_fixture, confirmations_of_different_forum_topics_are_not_merged_together) {
    scripted_client client(io, {true, 30, 1, 20});
    add("-7", "✅ Đã ghi lượt #0", lane::interactive, chat_kind::group, "visit", "11");
    outbox_sender sender(io, *db_writer, cfg, stats, nullptr);
    sender.add_client(client);
    sender.load_pending();
    ASSERT_TRUE(run_until([&] { return client.sent().size() == 1; }));
    // While the chat waits its second: two in topic 11, then one in topic 22, then one in 11.
    for (auto [i, thread] :
         std::vector<std::pair<int, std::string>>{{1, "11"}, {2, "11"}, {3, "22"}, {4, "11"}}) {
        auto id = add("-7", "✅ Đã ghi lượt #" + std::to_string(i), lane::interactive, chat_kind::group,
                      "visit", thread);
        outbox_row row;
        db_writer->run_sync([&](database& d) { row = *outbox(d).find(id); });
        sender.enqueue(row);
    }
    ASSERT_TRUE(run_until([&] { return client.sent().size() == 4; }));
    run_until([&] { return false; }, std::chrono::milliseconds(300));
    auto sent = client.sent();
    ASSERT_EQ(sent.size(), 4u);
    EXPECT_EQ(sent[0].thread, "11");
    EXPECT_EQ(sent[1].thread, "11");
    EXPECT_NE(sent[1].text.find("#1"), std::string::npos);
    EXPECT_NE(sent[1].text.find("#2"), std::string::npos) << "the same topic's confirmations still merge";
    EXPECT_EQ(sent[2].thread, "22");
    EXPECT_EQ(sent[2].text, "✅ Đã ghi lượt #3");
    EXPECT_EQ(sent[3].thread, "11");
    EXPECT_EQ(sent[3].text, "✅ Đã ghi lượt #4");
}

// Thirty members logging visits that named no topic: each confirmation ends with the same
// twelve-topic question, and the merged messages repeated it thirty times (five messages).
TEST_F(sender_fixture, merged_confirmations_say_their_shared_question_once) {
    scripted_client client(io, {true, 30, 1, 20});
    const std::string question = "\nNội dung là gì? Trả lời tin này bằng số: 1 Dịch vụ công · 2 VNeID";
    add("-7", "✅ An: Đã ghi số 1", lane::interactive, chat_kind::group, "visit");
    outbox_sender sender(io, *db_writer, cfg, stats, nullptr);
    sender.add_client(client);
    sender.load_pending();
    ASSERT_TRUE(run_until([&] { return client.sent().size() == 1; }));
    for (auto& text : std::vector<std::string>{"✅ Bình: Đã ghi số 2, chưa rõ nội dung" + question,
                                               "✅ Cúc: Đã ghi số 3, chưa rõ nội dung" + question,
                                               "✅ Dũng: Đã ghi số 4\n📷 Đã lưu kèm ảnh minh chứng.",
                                               "✅ Hà: Đã ghi số 5, chưa rõ nội dung" + question}) {
        outbox_row row;
        auto id = add("-7", text, lane::interactive, chat_kind::group, "visit");
        db_writer->run_sync([&](database& d) { row = *outbox(d).find(id); });
        sender.enqueue(row);
    }
    ASSERT_TRUE(run_until([&] { return client.sent().size() == 2; }));
    EXPECT_EQ(client.sent()[1].text, "✅ Bình: Đã ghi số 2, chưa rõ nội dung\n"
                                     "✅ Cúc: Đã ghi số 3, chưa rõ nội dung" +
                                         question +
                                         "\n✅ Dũng: Đã ghi số 4\n📷 Đã lưu kèm ảnh minh chứng.\n"
                                         "✅ Hà: Đã ghi số 5, chưa rõ nội dung" +
                                         question);
}

// A burst of forty confirmations in a Zalo group: merged up to Telegram's size, each merged
// message was split by the Zalo client into two, the second starting mid-burst.
TEST_F(sender_fixture, merged_confirmations_fit_one_zalo_message) {
    scripted_client client(io, {true, 30, 1, 20}, channel::zalo_oa);
    auto add_zalo = [&](const std::string& text) {
        std::int64_t id = 0;
        db_writer->run_sync([&](database& d) {
            outgoing m = text_to({channel::zalo_oa, "4a9bada229cec09099df"}, chat_kind::group, text);
            m.merge_key = "visit";
            id = outbox(d).add(m, 0);
        });
        return id;
    };
    auto line = [](int i) {
        return "✅ Nguyễn Thị Thanh Hương: Đã ghi lượt thăm số " + std::to_string(100 + i) + ": số " +
               std::to_string(i) + " đường Nguyễn Văn Linh — Định danh điện tử VNeID, 2 người.";
    };
    add_zalo(line(0));
    outbox_sender sender(io, *db_writer, cfg, stats, nullptr);
    sender.add_client(client);
    sender.load_pending();
    ASSERT_TRUE(run_until([&] { return client.sent().size() == 1; }));
    std::vector<std::int64_t> ids;
    for (int i = 1; i <= 40; ++i) {
        ids.push_back(add_zalo(line(i)));
        outbox_row row;
        db_writer->run_sync([&](database& d) { row = *outbox(d).find(ids.back()); });
        sender.enqueue(row);
    }
    ASSERT_TRUE(run_until([&] { return status(ids.back())->state != delivery_state::pending; }));
    std::string all;
    for (auto& c : client.sent()) {
        EXPECT_LE(text_length(c.text), 2000u) << c.text;
        all += c.text + "\n";
    }
    EXPECT_LE(client.sent().size(), 4u); // merged, not one by one
    for (int i = 0; i <= 40; ++i)
        EXPECT_NE(all.find(line(i)), std::string::npos) << i;
}

// Members logging one after another in a busy group: the first twenty confirmations went out
// one by one in the first half-minute, and the next members waited up to a minute, not knowing
// whether their visit was recorded. Once half the minute's messages are used, the rest are spread
// over the minute, so everyone waits seconds and the waiting confirmations leave merged.
TEST_F(sender_fixture, a_busy_group_spreads_its_minute_instead_of_spending_it_at_once) {
    scripted_client client(io, {true, 1000, 1000, 4});
    outbox_sender sender(io, *db_writer, cfg, stats, nullptr);
    sender.add_client(client);
    sender.load_pending();
    for (int i = 0; i < 6; ++i) {
        outbox_row row;
        auto id = add("-7", "✅ lượt " + std::to_string(i), lane::interactive, chat_kind::group, "visit");
        db_writer->run_sync([&](database& d) { row = *outbox(d).find(id); });
        sender.enqueue(row);
        run_until([&] { return false; }, std::chrono::milliseconds(100));
    }
    run_until([&] { return false; }, std::chrono::milliseconds(300));
    EXPECT_EQ(client.sent().size(), 2u) << "two of the minute's four messages are left for the next members";
}

TEST_F(sender_fixture, group_window_is_respected) {
    scripted_client client(io, {true, 1000, 1000, 3});
    for (int i = 0; i < 5; ++i)
        add("-9", "thông báo " + std::to_string(i), lane::bulk, chat_kind::group);
    outbox_sender sender(io, *db_writer, cfg, stats, nullptr);
    sender.add_client(client);
    sender.load_pending();
    run_until([&] { return false; }, std::chrono::milliseconds(700));
    EXPECT_EQ(client.sent().size(), 3u) << "only 3 per minute in this group";
}

// A restart forgot what the group had received: after 20 confirmations in a minute, the next
// run sent the rest at once and Telegram's 20-a-minute limit for the group was exceeded.
TEST_F(sender_fixture, group_window_survives_a_restart) {
    scripted_client client(io, {true, 1000, 1000, 3});
    for (int i = 0; i < 3; ++i)
        add("-9", "✅ lượt " + std::to_string(i), lane::interactive, chat_kind::group);
    {
        outbox_sender sender(io, *db_writer, cfg, stats, nullptr);
        sender.add_client(client);
        sender.load_pending();
        ASSERT_TRUE(run_until([&] { return client.sent().size() == 3; }));
        bool stopped = false;
        sender.stop(std::chrono::seconds(2), [&] { stopped = true; });
        ASSERT_TRUE(run_until([&] { return stopped; }));
    }
    auto later = add("-9", "✅ lượt 3", lane::interactive, chat_kind::group);
    add("-8", "✅ nhóm khác", lane::interactive, chat_kind::group);
    outbox_sender sender(io, *db_writer, cfg, stats, nullptr);
    sender.add_client(client);
    sender.load_pending();
    ASSERT_TRUE(run_until([&] { return client.sent().size() == 4; }));
    run_until([&] { return false; }, std::chrono::milliseconds(500));
    EXPECT_EQ(client.sent().size(), 4u) << "only 3 per minute in this group, restart or not";
    EXPECT_EQ(client.sent().back().chat, "-8");
    EXPECT_EQ(status(later)->state, delivery_state::pending);
}

TEST_F(sender_fixture, rows_not_sent_before_stop_stay_pending_for_the_next_run) {
    scripted_client client(io, {true, 2, 1000, 1000});
    std::vector<std::int64_t> ids;
    for (int i = 0; i < 10; ++i)
        ids.push_back(add(std::to_string(i), "x"));
    {
        outbox_sender sender(io, *db_writer, cfg, stats, nullptr);
        sender.add_client(client);
        sender.load_pending();
        run_until([&] { return client.sent().size() >= 2; });
        bool stopped = false;
        sender.stop(std::chrono::seconds(2), [&] { stopped = true; });
        ASSERT_TRUE(run_until([&] { return stopped; }));
    }
    int pending = 0;
    for (auto id : ids)
        pending += status(id)->state == delivery_state::pending;
    EXPECT_EQ(static_cast<std::size_t>(pending), ids.size() - client.sent().size());
    EXPECT_GT(pending, 0);
}

// A cancelled broadcast's rows were already in the sender's queues and went out at their time.
TEST_F(sender_fixture, withdrawn_rows_are_not_sent) {
    scripted_client client(io, fast_limits());
    outbox_sender sender(io, *db_writer, cfg, stats, nullptr);
    sender.add_client(client);
    std::vector<std::int64_t> ids;
    db_writer->run_sync([&](database& d) {
        d.set_outbox_listener([&](const outbox_row& row) { sender.enqueue(row); });
        d.set_withdrawn_listener([&](const std::vector<std::int64_t>& w) { sender.withdraw(w); });
    });
    // 1 to 2 s away (whole seconds): "+ 1" fell due at once when the clock was near the next
    // second, and a loaded machine then sent the rows before the withdrawal. The wait below
    // still covers the latest due time, so rows not withdrawn would be sent.
    auto soon =
        std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch())
            .count() +
        2;
    db_writer->run_sync([&](database& d) {
        for (auto chat : {"-1", "-2"}) {
            outgoing m = text_to({channel::telegram, chat}, chat_kind::group, "Họp tổ", lane::bulk);
            m.campaign_id = 5;
            m.not_before = soon;
            ids.push_back(outbox(d).add(m, 0));
        }
    });
    io.run_for(std::chrono::milliseconds(50)); // the sender holds them, waiting for their time
    db_writer->run_sync([&](database& d) { outbox(d).withdraw_campaign(5, 0); });
    add("42", "xác nhận");
    run_until([&] { return false; }, std::chrono::milliseconds(2500));
    auto sent = client.sent();
    ASSERT_EQ(sent.size(), 1u);
    EXPECT_EQ(sent[0].text, "xác nhận");
    EXPECT_EQ(sender.depth(), 0);
    for (auto id : ids)
        EXPECT_EQ(status(id)->state, delivery_state::cancelled);
}

TEST_F(sender_fixture, edits_wait_for_the_message_they_edit) {
    scripted_client client(io, fast_limits());
    auto original = add("5", "Đã gửi 0/3 nhóm");
    std::int64_t edit_id = 0;
    db_writer->run_sync([&](database& d) {
        outgoing e = text_to({channel::telegram, "5"}, chat_kind::private_chat, "Đã gửi 3/3 nhóm");
        e.kind = outgoing_kind::edit;
        e.edit_outbox_id = original;
        edit_id = outbox(d).add(e, 0);
    });
    outbox_sender sender(io, *db_writer, cfg, stats, nullptr);
    sender.add_client(client);
    sender.load_pending();
    ASSERT_TRUE(run_until([&] { return client.sent().size() == 2; }));
    auto sent = client.sent();
    EXPECT_EQ(sent[1].edit_ref, "1") << "the edit names the platform id of the first message";
    ASSERT_TRUE(run_until([&] { return status(edit_id)->state == delivery_state::sent; }));
}

} // namespace
} // namespace cnscd
