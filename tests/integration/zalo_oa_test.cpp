// The real binary on loopback against the in-process fake Zalo: signed OA webhooks, replies
// through /v3.0/oa/message/cs, each error code's handling, and the token pair's life.

#include "bot/zalo/zalo_oa_adapter.hpp"
#include "storage/database.hpp"
#include "storage/outbox.hpp"
#include "storage/registry.hpp"
#include "storage/update_log.hpp"
#include "storage/zalo_token_store.hpp"
#include "tests/support/bot_process.hpp"
#include "tests/support/fake_zalo.hpp"
#include "tests/support/raw_client.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <fstream>
#include <sstream>
#include <thread>
#include <tuple>

namespace cnscd {
namespace {

using namespace std::chrono_literals;
using json = nlohmann::json;
using test::fake_zalo;
using test::http_request_to;

const std::string app_id = "2553928453557884079";
const std::string oa_key = "test-oa-secret-key";
const std::string cs_path = "/v3.0/oa/message/cs";

std::int64_t now_ms() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

std::int64_t now_s() {
    return now_ms() / 1000;
}

// A user_send_text event as Zalo would sign it now (or `age_ms` ago).
std::string text_event(const std::string& user, const std::string& msg_id, const std::string& text,
                       std::int64_t age_ms = 0) {
    return json{{"event_name", "user_send_text"},
                {"app_id", app_id},
                {"sender", {{"id", user}}},
                {"recipient", {{"id", "3662729599332560487"}}},
                {"message", {{"text", text}, {"msg_id", msg_id}}},
                {"timestamp", std::to_string(now_ms() - age_ms)},
                {"user_id_by_app", "979122185046046317"}}
        .dump();
}

std::string sign(const std::string& body) {
    auto j = json::parse(body);
    return "mac=" + zalo_oa::compute_mac(j["app_id"].get<std::string>(), body,
                                         j["timestamp"].get<std::string>(), oa_key);
}

std::string read_file(const std::string& path) {
    std::ifstream in(path);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

struct zalo_oa_fixture : ::testing::Test {
    fake_zalo zalo;
    std::string dir = test::temp_dir(::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::string db_path = dir + "/bot.db";
    std::uint16_t port = test::free_port();
    std::unique_ptr<test::bot_process> bot;
    std::string extra_config =
        R"({"zalo_oa": {"limits": {"enabled": false}}, "outbox": {"retry_base_ms": 100, "retry_max_ms": 400}})";

    std::map<std::string, std::string> env() {
        std::ofstream(dir + "/bot.json") << extra_config;
        return {{"CNSCD_DB", db_path},
                {"CNSCD_LISTEN", "127.0.0.1:" + std::to_string(port)},
                {"CNSCD_CONFIG", dir + "/bot.json"},
                {"ZALO_OA_APP_ID", app_id},
                {"ZALO_OA_SECRET_KEY", oa_key},
                {"ZALO_APP_SECRET", "test-app-secret"},
                {"ZALO_OA_ACCESS_TOKEN", "oa-access-1"},
                {"ZALO_OA_REFRESH_TOKEN", "oa-refresh-1"},
                {"ZALO_OA_API_BASE", zalo.base_url()},
                {"ZALO_OAUTH_BASE", zalo.base_url()},
                {"CNSCD_TEST_LOG", dir + "/bot.log"}};
    }

    // By default the database already holds a pair valid for 20 h, so no refresh races the
    // test; tests of the first start clear this.
    bool seed_tokens = true;

    void start() {
        if (seed_tokens) {
            auto db = database::open(db_path, {true, true});
            if (!zalo_token_store(*db).get())
                zalo_token_store(*db).put("oa-access-1", "oa-refresh-1", now_s() + 20 * 3600, now_s());
        }
        bot = std::make_unique<test::bot_process>(env());
        ASSERT_TRUE(bot->wait_ready(port)) << "bot did not start; see " << dir << "/bot.log";
    }

    test::http_answer post(const std::string& body, std::optional<std::string> signature = std::nullopt) {
        std::map<std::string, std::string> headers;
        auto sig = signature.value_or(sign(body));
        if (!sig.empty())
            headers["X-ZEvent-Signature"] = sig;
        return http_request_to(port, "POST", "/zalo/webhook", body, headers);
    }

    std::size_t sends_to(const std::string& user) {
        std::size_t n = 0;
        for (auto& c : zalo.calls(cs_path))
            n += c.to == user;
        return n;
    }

    bool wait_sends(const std::string& user, std::size_t n, std::chrono::milliseconds t = 10s) {
        return zalo.wait_for(
            [&](const std::vector<test::zalo_call>& calls) {
                std::size_t k = 0;
                for (auto& c : calls)
                    k += c.path == cs_path && c.to == user;
                return k >= n;
            },
            t);
    }

    bool recorded(const std::string& msg_id) {
        auto db = database::open(db_path, {false, false});
        return update_log(*db).contains(channel::zalo_oa, msg_id);
    }

    // The final state of the only outbox row to `user` (waits until it is not pending, or 5 s).
    std::optional<outbox_row> row_to(const std::string& user) {
        auto db = database::open(db_path, {false, false});
        outbox box(*db);
        for (auto& r : box.pending())
            if (r.message.to.chat_id == user)
                return r;
        return std::nullopt;
    }

    std::optional<delivery_status> status_of_first_row() {
        auto db = database::open(db_path, {false, false});
        return outbox(*db).status(1);
    }

    void TearDown() override {
        if (bot)
            bot->terminate();
    }
};

TEST_F(zalo_oa_fixture, signed_message_is_stored_then_answered_through_the_cs_endpoint) {
    start();
    auto r = post(text_event("6142494823123456789", "cb31dff1c39642cc1b83", "/start"));
    EXPECT_EQ(r.status, 200);
    EXPECT_TRUE(recorded("cb31dff1c39642cc1b83")) << "acknowledged means committed";
    ASSERT_TRUE(wait_sends("6142494823123456789", 1));
    auto call = zalo.calls(cs_path).back();
    EXPECT_EQ(call.access_token, "oa-access-1");
    EXPECT_NE(call.text.find("Xin chào"), std::string::npos) << call.text;
    EXPECT_EQ(json::parse(call.body)["recipient"]["user_id"], "6142494823123456789");
    // The message opened Zalo's 7-day window for writing to this person privately.
    SQLite::Database db(db_path, SQLite::OPEN_READONLY);
    SQLite::Statement st(db,
                         "SELECT last_at FROM private_messages_seen WHERE channel = 'zalo_oa' AND user_id = "
                         "'6142494823123456789'");
    ASSERT_TRUE(st.executeStep());
    EXPECT_NEAR(static_cast<double>(st.getColumn(0).getInt64()), static_cast<double>(std::time(nullptr)),
                60.0);
}

TEST_F(zalo_oa_fixture, bad_missing_or_replayed_signatures_are_refused_and_nothing_is_stored) {
    start();
    auto body = text_event("111", "aaaaaaaaaaaaaaaaaaa1", "/start");
    EXPECT_EQ(post(body, "").status, 401);
    auto sig = sign(body);
    sig.back() = sig.back() == '0' ? '1' : '0';
    EXPECT_EQ(post(body, sig).status, 401);
    auto old = text_event("111", "aaaaaaaaaaaaaaaaaaa2", "/start", 10 * 60 * 1000);
    EXPECT_EQ(post(old).status, 401) << "older than the 300 s replay window";
    EXPECT_FALSE(recorded("aaaaaaaaaaaaaaaaaaa1"));
    EXPECT_FALSE(recorded("aaaaaaaaaaaaaaaaaaa2"));
    std::this_thread::sleep_for(300ms);
    EXPECT_EQ(sends_to("111"), 0u);
    auto metrics = http_request_to(port, "GET", "/metrics");
    EXPECT_NE(metrics.body.find("cnscd_unauthorized_requests_total{channel=\"zalo_oa\"} 3"),
              std::string::npos);
}

TEST_F(zalo_oa_fixture, a_signature_header_sent_twice_is_refused_whichever_copy_is_right) {
    start();
    // A proxy or a check further on might read the other copy: neither is taken.
    int n = 0;
    for (bool right_first : {true, false}) {
        auto id = "aaaaaaaaaaaaaaaaaab" + std::to_string(++n);
        auto body = text_event("112", id, "/start");
        auto right = sign(body);
        auto wrong = right;
        wrong.back() = wrong.back() == '0' ? '1' : '0';
        test::raw_client client(port);
        ASSERT_TRUE(client.send_all(
            "POST /zalo/webhook HTTP/1.1\r\nHost: 127.0.0.1\r\nX-ZEvent-Signature: " +
            (right_first ? right : wrong) + "\r\nX-ZEvent-Signature: " + (right_first ? wrong : right) +
            "\r\nContent-Type: application/json\r\nContent-Length: " + std::to_string(body.size()) +
            "\r\n\r\n" + body));
        EXPECT_TRUE(client.read_answer(3000ms).starts_with("HTTP/1.1 401 Unauthorized\r\n")) << right_first;
        EXPECT_FALSE(recorded(id));
    }
    auto body = text_event("112", "aaaaaaaaaaaaaaaaaab9", "/start");
    EXPECT_EQ(post(body).status, 200) << "one right copy is still taken";
    EXPECT_TRUE(wait_sends("112", 1));
    EXPECT_EQ(sends_to("112"), 1u) << "only the accepted event is answered";
    EXPECT_NE(read_file(dir + "/bot.log").find("sent more than once"), std::string::npos);
}

TEST_F(zalo_oa_fixture, a_body_larger_than_any_zalo_event_is_refused_before_it_is_read) {
    start();
    // A forged event of 1 MB: refused on its Content-Length, not read and then checked.
    std::string forged =
        R"({"app_id":")" + app_id + R"(","timestamp":"1","pad":")" + std::string(1000000, 'a') + "\"}";
    auto t0 = std::chrono::steady_clock::now();
    EXPECT_EQ(post(forged, "mac=00").status, 413);
    EXPECT_LT(std::chrono::steady_clock::now() - t0, 2s);
    // The longest real text (2,000 characters, accented) is far below the limit.
    std::string longest;
    while (longest.size() < 2000 * 3)
        longest += "Hướng dẫn cài VNeID ";
    EXPECT_EQ(post(text_event("112", "aaaaaaaaaaaaaaaaaab1", "/start " + longest)).status, 200);
    EXPECT_TRUE(wait_sends("112", 1));
}

TEST_F(zalo_oa_fixture, redelivered_event_is_answered_once_and_unknown_events_are_ignored) {
    start();
    auto body = text_event("222", "bbbbbbbbbbbbbbbbbbb1", "/start");
    for (int i = 0; i < 3; ++i)
        EXPECT_EQ(post(body).status, 200);
    auto seen =
        json{{"event_name", "user_seen_message"}, {"app_id", app_id}, {"timestamp", std::to_string(now_ms())}}
            .dump();
    EXPECT_EQ(post(seen).status, 200);
    ASSERT_TRUE(wait_sends("222", 1));
    std::this_thread::sleep_for(500ms);
    EXPECT_EQ(sends_to("222"), 1u);
    auto metrics = http_request_to(port, "GET", "/metrics");
    EXPECT_NE(metrics.body.find("cnscd_ignored_events_total{channel=\"zalo_oa\"} 1"), std::string::npos);
}

TEST_F(zalo_oa_fixture, transient_error_is_retried) {
    start();
    zalo.script(cs_path, {200, R"({"error":-32,"message":"Exceed rate limit"})"});
    EXPECT_EQ(post(text_event("333", "ccccccccccccccccccc1", "/start")).status, 200);
    ASSERT_TRUE(wait_sends("333", 2));
    std::this_thread::sleep_for(300ms);
    auto s = status_of_first_row();
    ASSERT_TRUE(s);
    EXPECT_EQ(s->state, delivery_state::sent);
}

TEST_F(zalo_oa_fixture, night_curfew_reschedules_to_six_in_the_morning) {
    start();
    zalo.script(cs_path, {200, R"({"error":-234,"message":"Cannot send message at night"})"});
    EXPECT_EQ(post(text_event("444", "ddddddddddddddddddd1", "/start")).status, 200);
    ASSERT_TRUE(wait_sends("444", 1));
    std::optional<outbox_row> row;
    for (int i = 0; i < 50; ++i) {
        std::this_thread::sleep_for(50ms);
        row = row_to("444");
        if (row && row->message.not_before > 0)
            break;
    }
    ASSERT_TRUE(row) << "the message is still waiting, not dropped";
    // In the night it waits for 06:00; by day the clocks disagree: a few minutes.
    auto local_hour = (now_s() + 7 * 3600) % 86400 / 3600;
    if (local_hour >= 6 && local_hour < 22)
        EXPECT_NEAR(row->message.not_before, now_s() + zalo_oa::curfew_skew_seconds, 5);
    else
        EXPECT_EQ(row->message.not_before, zalo_oa::next_morning(now_s(), 7 * 60));
    std::this_thread::sleep_for(500ms);
    EXPECT_EQ(sends_to("444"), 1u) << "nothing more is tried before then";
}

TEST_F(zalo_oa_fixture, outside_the_interaction_window_fails_for_good_and_visibly) {
    start();
    zalo.script(cs_path,
                {200, R"({"error":-230,"message":"User has not interacted with the OA in 7 days"})"});
    EXPECT_EQ(post(text_event("555", "eeeeeeeeeeeeeeeeeee1", "/start")).status, 200);
    ASSERT_TRUE(wait_sends("555", 1));
    std::optional<delivery_status> s;
    for (int i = 0; i < 50 && !(s && s->state == delivery_state::failed); ++i) {
        std::this_thread::sleep_for(50ms);
        s = status_of_first_row();
    }
    ASSERT_TRUE(s);
    EXPECT_EQ(s->state, delivery_state::failed);
    EXPECT_NE(s->error.find("-230"), std::string::npos) << s->error;
    std::this_thread::sleep_for(500ms);
    EXPECT_EQ(sends_to("555"), 1u) << "not retried";
}

// A team without a group chat: the leader's /nhacnho reminds each idle member privately. Zalo
// refuses two of the reminders at delivery (one member unfollowed the OA, one has been silent for
// 7 days although the bot's estimate said otherwise); the leader then hears who was not reached.
TEST_F(zalo_oa_fixture, private_nudges_zalo_refuses_are_reported_to_the_leader_who_asked) {
    {
        auto db = database::open(db_path);
        auto ward = ward_store(*db).ensure("Phường Hòa Xuân", 0);
        auto team = team_store(*db).ensure(ward, "Tổ dân phố số 3", 0);
        member_store members(*db);
        for (auto [name, role, user] :
             {std::tuple{"Trần Văn Bình", "leader", "z1"}, std::tuple{"Lê Thị Cúc", "member", "z2"},
              std::tuple{"Phạm Thị Dung", "member", "z3"}, std::tuple{"Hoàng Văn Em", "member", "z4"}}) {
            member_record m;
            m.ward_id = ward;
            m.team_id = team;
            m.full_name = name;
            m.role = role;
            members.link_account(channel::zalo_oa, user, members.insert(m, 0), "contact", now_s());
        }
    }
    zalo.script_to(cs_path, "z2", {200, R"({"error":-213,"message":"User has not followed OA"})"});
    zalo.script_to(cs_path, "z4",
                   {200, R"({"error":-230,"message":"User has not interacted with the OA in 7 days"})"});
    start();
    EXPECT_EQ(post(text_event("z1", "fffffffffffffffffff1", "/nhacnho")).status, 200);
    // The leader's first message also brings the deadline reminders he missed (not asserted here).
    auto notes = [](const std::vector<test::zalo_call>& calls) {
        std::vector<std::string> out;
        for (auto& c : calls)
            if (c.path == cs_path && c.to == "z1" && c.text.find("Lời nhắc riêng") != std::string::npos)
                out.push_back(c.text);
        return out;
    };
    ASSERT_TRUE(zalo.wait_for([&](auto& calls) { return !notes(calls).empty(); }, 10s));
    ASSERT_TRUE(wait_sends("z3", 1));
    bool answered = false;
    for (auto& c : zalo.calls(cs_path))
        answered = answered ||
                   (c.to == "z1" && c.text.find("bot đã nhắc riêng 3 người chưa ghi") != std::string::npos);
    EXPECT_TRUE(answered);
    auto note = notes(zalo.calls())[0];
    EXPECT_NE(note.find("Lời nhắc riêng (Tổ dân phố số 3) chưa đến được 2 trong 3 người"), std::string::npos)
        << note;
    EXPECT_NE(note.find("Lê Thị Cúc: đã chặn bot hoặc bỏ quan tâm OA"), std::string::npos) << note;
    EXPECT_NE(
        note.find("Hoàng Văn Em: quá 7 ngày chưa nhắn cho OA Zalo nên Zalo chặn tin; họ cần nhắn cho OA "
                  "trước"),
        std::string::npos)
        << note;
    EXPECT_EQ(note.find("Phạm Thị Dung"), std::string::npos) << "she got it: " << note;
    std::this_thread::sleep_for(300ms);
    EXPECT_EQ(notes(zalo.calls()).size(), 1u) << "one note only";
    EXPECT_EQ(sends_to("z2"), 1u) << "not retried";

    // Zalo's -230 closed Em's window, whatever the bot estimated: the members' list marks him as
    // waiting for his next message, until he writes to the OA.
    auto members_list = [&](const std::string& msg_id) {
        auto before = zalo.calls(cs_path).size();
        EXPECT_EQ(post(text_event("z1", msg_id, "/thanhvien")).status, 200);
        std::string list;
        zalo.wait_for(
            [&](const std::vector<test::zalo_call>& calls) {
                std::size_t seen = 0;
                for (auto& c : calls)
                    if (c.path == cs_path && seen++ >= before && c.to == "z1" &&
                        c.text.find("Hoàng Văn Em") != std::string::npos)
                        list = c.text;
                return !list.empty();
            },
            10s);
        return list;
    };
    auto list = members_list("fffffffffffffffffff2");
    EXPECT_NE(list.find("Hoàng Văn Em — thành viên ✅ 💤"), std::string::npos) << list;
    EXPECT_EQ(list.find("Phạm Thị Dung — thành viên ✅ 💤"), std::string::npos) << list;
    EXPECT_EQ(post(text_event("z4", "fffffffffffffffffff3", "/toi")).status, 200);
    ASSERT_TRUE(wait_sends("z4", 2));
    list = members_list("fffffffffffffffffff4");
    EXPECT_NE(list.find("Hoàng Văn Em — thành viên ✅"), std::string::npos) << list;
    EXPECT_EQ(list.find("💤"), std::string::npos) << list;
}

TEST_F(zalo_oa_fixture, token_pair_is_refreshed_stored_and_used_and_never_logged) {
    seed_tokens = false;
    start();
    // The pair from the environment has an unknown age: it is refreshed at start.
    ASSERT_TRUE(zalo.wait_for(
        [](auto& calls) {
            for (auto& c : calls)
                if (c.path == "/v4/oa/access_token")
                    return true;
            return false;
        },
        5s));
    auto refresh = zalo.calls("/v4/oa/access_token").front();
    EXPECT_EQ(refresh.secret_key, "test-app-secret");
    EXPECT_NE(refresh.body.find("refresh_token=oa-refresh-1"), std::string::npos);
    EXPECT_NE(refresh.body.find("grant_type=refresh_token"), std::string::npos);
    std::optional<zalo_token_pair> stored;
    for (int i = 0; i < 50 && !(stored && stored->refresh_token == "oa-refresh-2"); ++i) {
        std::this_thread::sleep_for(50ms);
        stored = zalo_token_store(*database::open(db_path, {false, false})).get();
    }
    ASSERT_TRUE(stored);
    EXPECT_EQ(stored->access_token, "oa-access-2");
    EXPECT_EQ(stored->refresh_token, "oa-refresh-2");
    EXPECT_EQ(stored->refresh_started_at, 0);
    EXPECT_NEAR(static_cast<double>(stored->expires_at), static_cast<double>(now_s() + 90000), 60);

    EXPECT_EQ(post(text_event("666", "fffffffffffffffffff1", "/start")).status, 200);
    ASSERT_TRUE(wait_sends("666", 1));
    EXPECT_EQ(zalo.calls(cs_path).back().access_token, "oa-access-2");

    // Zalo revokes the access token: the bot refreshes once and resends.
    zalo.set_oa_tokens("oa-access-revoked", "oa-refresh-2");
    EXPECT_EQ(post(text_event("667", "fffffffffffffffffff2", "/start")).status, 200);
    ASSERT_TRUE(wait_sends("667", 2));
    auto last = zalo.calls(cs_path).back();
    EXPECT_EQ(last.access_token, "oa-access-3");
    EXPECT_EQ(zalo_token_store(*database::open(db_path, {false, false})).get()->refresh_token,
              "oa-refresh-3");

    bot->terminate();
    bot.reset();
    auto log = read_file(dir + "/bot.log");
    EXPECT_EQ(log.find("oa-access-"), std::string::npos) << "a token was logged";
    EXPECT_EQ(log.find("oa-refresh-"), std::string::npos) << "a token was logged";
}

TEST_F(zalo_oa_fixture, stored_pair_wins_over_the_environment_after_the_first_start) {
    {
        auto db = database::open(db_path, {true, true});
        zalo_token_store(*db).put("oa-access-1", "oa-refresh-1", now_s() + 20 * 3600, now_s());
    }
    start();
    EXPECT_EQ(post(text_event("777", "ggggggggggggggggggg1", "/start")).status, 200);
    ASSERT_TRUE(wait_sends("777", 1));
    EXPECT_EQ(zalo.calls(cs_path).back().access_token, "oa-access-1");
    EXPECT_TRUE(zalo.calls("/v4/oa/access_token").empty()) << "20 h left: no refresh yet";
}

// A first start with only the app's settings (no token pair given, none stored) used to say
// the OA "must be re-authorised", as if a working authorisation had been lost. It says the OA has
// not been authorised yet and how to do it once; the bot keeps serving.
TEST_F(zalo_oa_fixture, a_first_start_without_tokens_says_how_to_authorise_the_oa_once) {
    seed_tokens = false;
    auto e = env();
    e.erase("ZALO_OA_ACCESS_TOKEN");
    e.erase("ZALO_OA_REFRESH_TOKEN");
    bot = std::make_unique<test::bot_process>(e);
    ASSERT_TRUE(bot->wait_ready(port)) << "bot did not start; see " << dir << "/bot.log";
    // A member writes: the reply waits for the token, and the log says why.
    EXPECT_EQ(post(text_event("901", "kkkkkkkkkkkkkkkkkkk1", "/start")).status, 200);
    std::string log;
    for (int i = 0; i < 100 && log.find("send failed (no Zalo OA access token") == std::string::npos; ++i) {
        std::this_thread::sleep_for(50ms);
        log = read_file(dir + "/bot.log");
    }
    EXPECT_NE(log.find("send failed (no Zalo OA access token"), std::string::npos) << log;
    EXPECT_NE(log.find("has not been authorised yet"), std::string::npos) << log;
    EXPECT_NE(log.find("cnscd-bot zalo-auth --redirect-uri"), std::string::npos) << log;
    EXPECT_NE(log.find("cnscd-bot zalo-auth --code"), std::string::npos) << log;
    EXPECT_EQ(log.find("re-authorised"), std::string::npos) << log;
    EXPECT_EQ(http_request_to(port, "GET", "/healthz").status, 200);
}

TEST_F(zalo_oa_fixture, refresh_interrupted_by_a_crash_is_reported_clearly) {
    // The previous run spent oa-refresh-1 at Zalo, then died before storing the answer.
    zalo.set_oa_tokens("oa-access-9", "oa-refresh-9");
    {
        auto db = database::open(db_path, {true, true});
        zalo_token_store store(*db);
        store.put("oa-access-1", "oa-refresh-1", now_s() + 3600, now_s() - 90000);
        store.mark_refresh_started(now_s() - 60);
    }
    start();
    auto log_says = [&](const std::string& what) {
        for (int i = 0; i < 100; ++i) {
            if (read_file(dir + "/bot.log").find(what) != std::string::npos)
                return true;
            std::this_thread::sleep_for(50ms);
        }
        return false;
    };
    EXPECT_TRUE(log_says("a token refresh was interrupted"));
    EXPECT_TRUE(log_says("must be re-authorised: run `cnscd-bot zalo-auth`"));
    // Still serving: members' messages are stored; replies wait for the operator.
    EXPECT_EQ(post(text_event("888", "hhhhhhhhhhhhhhhhhhh1", "/start")).status, 200);
    EXPECT_TRUE(recorded("hhhhhhhhhhhhhhhhhhh1"));
    EXPECT_EQ(http_request_to(port, "GET", "/healthz").status, 200);
}

TEST_F(zalo_oa_fixture, refresh_interrupted_before_zalo_spent_the_token_recovers) {
    // The previous run died before its refresh call reached Zalo: the stored token still works.
    {
        auto db = database::open(db_path, {true, true});
        zalo_token_store store(*db);
        store.put("oa-access-1", "oa-refresh-1", now_s() + 3600, now_s() - 90000);
        store.mark_refresh_started(now_s() - 60);
    }
    start();
    std::optional<zalo_token_pair> stored;
    for (int i = 0; i < 100 && !(stored && stored->refresh_token == "oa-refresh-2"); ++i) {
        std::this_thread::sleep_for(50ms);
        stored = zalo_token_store(*database::open(db_path, {false, false})).get();
    }
    ASSERT_TRUE(stored);
    EXPECT_EQ(stored->refresh_token, "oa-refresh-2");
    EXPECT_EQ(stored->refresh_started_at, 0) << "the mark is cleared with the new pair";
    EXPECT_EQ(post(text_event("889", "hhhhhhhhhhhhhhhhhhh2", "/start")).status, 200);
    ASSERT_TRUE(wait_sends("889", 1));
    EXPECT_EQ(zalo.calls(cs_path).back().access_token, "oa-access-2");
}

TEST_F(zalo_oa_fixture, a_local_file_is_uploaded_then_sent_as_an_attachment_after_its_caption) {
    std::ofstream(dir + "/bao_cao.pdf") << "%PDF-1.4 test";
    {
        auto db = database::open(db_path, {true, true});
        outgoing m;
        m.kind = outgoing_kind::document;
        m.to = {channel::zalo_oa, "999"};
        m.text = "Báo cáo tháng 11";
        m.document = attachment{"document", "file:" + dir + "/bao_cao.pdf", "bao_cao.pdf"};
        outbox(*db).add(m, now_s());
    }
    start();
    ASSERT_TRUE(wait_sends("999", 2));
    auto upload = zalo.calls("/v2.0/oa/upload/file");
    ASSERT_EQ(upload.size(), 1u);
    EXPECT_NE(upload[0].body.find("filename=\"bao_cao.pdf\""), std::string::npos);
    EXPECT_NE(upload[0].body.find("%PDF-1.4 test"), std::string::npos);
    auto sends = zalo.calls(cs_path);
    EXPECT_EQ(sends[0].text, "Báo cáo tháng 11");
    auto attachment = json::parse(sends[1].body)["message"]["attachment"];
    EXPECT_EQ(attachment["type"], "file");
    EXPECT_TRUE(attachment["payload"]["token"].get<std::string>().starts_with("file-"));
}

TEST_F(zalo_oa_fixture, a_telegram_file_id_is_not_sent_as_text_the_row_fails_with_the_reason) {
    {
        auto db = database::open(db_path, {true, true});
        outgoing m;
        m.kind = outgoing_kind::document;
        m.to = {channel::zalo_oa, "998"};
        m.text = "Tài liệu tập huấn";
        m.document = attachment{"document", "BQACAgUAAxkBAAIBZ2VfakeTelegramFileId", "tap_huan.pdf"};
        outbox(*db).add(m, now_s());
    }
    start();
    ASSERT_TRUE(wait_sends("998", 1));
    EXPECT_EQ(zalo.calls(cs_path).back().text, "Tài liệu tập huấn");
    std::optional<delivery_status> s;
    for (int i = 0; i < 100 && !(s && s->state == delivery_state::failed); ++i) {
        std::this_thread::sleep_for(50ms);
        s = status_of_first_row();
    }
    ASSERT_TRUE(s);
    EXPECT_EQ(s->state, delivery_state::failed);
    EXPECT_NE(s->error.find("another platform"), std::string::npos) << s->error;
}

// Runs `cnscd-bot zalo-auth <args>` to completion; returns what it printed.
std::string run_zalo_auth(zalo_oa_fixture& f, std::vector<std::string> args) {
    args.insert(args.begin(), "zalo-auth");
    auto e = f.env();
    e.erase("ZALO_OA_ACCESS_TOKEN");
    e.erase("ZALO_OA_REFRESH_TOKEN");
    test::bot_process p(e, args);
    for (int i = 0; i < 200 && p.running(); ++i)
        std::this_thread::sleep_for(50ms);
    return read_file(f.dir + "/bot.log");
}

TEST_F(zalo_oa_fixture, zalo_auth_prints_the_link_then_stores_the_pair_from_the_code) {
    auto steps = run_zalo_auth(*this, {"--redirect-uri", "https://bot.example.vn/zalo/callback"});
    EXPECT_NE(steps.find(zalo.base_url() + "/v4/oa/permission?app_id=" + app_id +
                         "&redirect_uri=https%3A%2F%2Fbot.example.vn%2Fzalo%2Fcallback"),
              std::string::npos)
        << steps;

    auto refused = run_zalo_auth(*this, {"--code", "expired-code"});
    EXPECT_NE(refused.find("Zalo refused the code"), std::string::npos) << refused;

    auto done = run_zalo_auth(*this, {"--code", "test-code"});
    EXPECT_NE(done.find("token pair is stored"), std::string::npos) << done;
    EXPECT_EQ(done.find("oa-access-"), std::string::npos) << "tokens are not printed";
    auto pair = zalo_token_store(*database::open(db_path, {false, false})).get();
    ASSERT_TRUE(pair);
    EXPECT_EQ(pair->access_token, zalo.oa_access_token());
    EXPECT_EQ(pair->refresh_token, zalo.oa_refresh_token());
}

} // namespace
} // namespace cnscd
