// Hostile HTTP clients against the real binary: slow senders, idle connection floods, invalid
// UTF-8, deeply nested JSON. Each test checks that a valid update is still answered meanwhile.

#include "tests/support/bot_process.hpp"
#include "tests/support/fake_telegram.hpp"
#include "tests/support/raw_client.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <arpa/inet.h>
#include <fstream>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>

namespace cnscd {
namespace {

using namespace std::chrono_literals;
using json = nlohmann::json;
using test::http_request_to;
using test::private_update;

const std::string secret = "abuse-secret";

using test::raw_client;

struct http_abuse : ::testing::Test {
    test::fake_telegram telegram;
    std::string dir = test::temp_dir(::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::uint16_t port = test::free_port();
    std::unique_ptr<test::bot_process> bot;
    std::int64_t next_update = 1;

    void start(const std::string& http_config) {
        std::ofstream(dir + "/bot.json")
            << R"({"telegram": {"limits": {"enabled": false}}, "http": )" << http_config << "}";
        bot = std::make_unique<test::bot_process>(
            std::map<std::string, std::string>{{"CNSCD_DB", dir + "/bot.db"},
                                               {"CNSCD_LISTEN", "127.0.0.1:" + std::to_string(port)},
                                               {"CNSCD_CONFIG", dir + "/bot.json"},
                                               {"TELEGRAM_BOT_TOKEN", "123456:TEST"},
                                               {"TELEGRAM_API_BASE", telegram.base_url()},
                                               {"TELEGRAM_WEBHOOK_SECRET", secret},
                                               {"CNSCD_TEST_LOG", dir + "/bot.log"}});
        ASSERT_TRUE(bot->wait_ready(port)) << "bot did not start; see " << dir << "/bot.log";
    }

    test::http_answer post(const std::string& body, std::chrono::milliseconds timeout = 10s) {
        return http_request_to(port, "POST", "/telegram/webhook", body,
                               {{"X-Telegram-Bot-Api-Secret-Token", secret}}, timeout);
    }

    // A valid update is acknowledged quickly and answered in its chat.
    void valid_update_is_answered(std::int64_t chat) {
        auto t0 = std::chrono::steady_clock::now();
        EXPECT_EQ(post(private_update(next_update++, chat, "/start"), 5s).status, 200);
        EXPECT_LT(std::chrono::steady_clock::now() - t0, 2s);
        EXPECT_TRUE(telegram.wait_for(
            [&](const std::vector<test::recorded_call>& calls) {
                for (auto& c : calls)
                    if (c.method == "sendMessage" && c.chat_id == std::to_string(chat))
                        return true;
                return false;
            },
            10s))
            << "no reply in chat " << chat;
    }

    void TearDown() override {
        if (bot) {
            EXPECT_EQ(bot->terminate(), 0) << "the bot must still stop cleanly; see " << dir << "/bot.log";
        }
    }
};

TEST_F(http_abuse, slowloris_headers_at_one_byte_a_second_are_cut_off_by_the_read_timeout) {
    start(R"({"read_timeout_seconds": 2})");
    raw_client slow(port);
    ASSERT_GE(slow.fd, 0);
    const std::string request =
        "POST /telegram/webhook HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Padding: " + std::string(40, 'a') +
        "\r\n\r\n";
    auto t0 = std::chrono::steady_clock::now();
    bool cut = false;
    std::size_t sent = 0;
    std::thread valid([&] { valid_update_is_answered(301); });
    for (; sent < request.size() && !cut; ++sent) {
        if (!slow.send_all(request.substr(sent, 1)))
            cut = true;
        else
            cut = slow.closed_by_server(1000ms);
    }
    valid.join();
    auto took = std::chrono::steady_clock::now() - t0;
    EXPECT_TRUE(cut) << "the server kept a connection that sent one byte a second";
    EXPECT_LT(sent, 6u) << "cut off after about read_timeout_seconds";
    EXPECT_GE(took, 1500ms);
    EXPECT_LT(took, 5s);
}

TEST_F(http_abuse, many_idle_connections_do_not_lock_out_valid_traffic) {
    start(R"({"max_connections": 32, "read_timeout_seconds": 30})");
    std::vector<std::unique_ptr<raw_client>> idle;
    for (int i = 0; i < 200; ++i) {
        idle.push_back(std::make_unique<raw_client>(port));
        if (i % 2)
            idle.back()->send_all("POST /telegram/webhook HTTP/1.1\r\nHo"); // and some half a request
    }
    std::this_thread::sleep_for(300ms); // let the server accept them all
    valid_update_is_answered(302);
    valid_update_is_answered(303);
    EXPECT_EQ(http_request_to(port, "GET", "/healthz", "", {}, 3s).status, 200);
    auto metrics = http_request_to(port, "GET", "/metrics", "", {}, 3s);
    EXPECT_NE(metrics.body.find("cnscd_http_evicted_connections_total"), std::string::npos);
}

TEST_F(http_abuse, invalid_utf8_is_refused_with_400_and_the_bot_keeps_serving) {
    start("{}");
    auto body = private_update(next_update++, 304, "/tham nhà bà Hoa PLACEHOLDER");
    auto at = body.find("PLACEHOLDER");
    for (std::string bad :
         {"\xff\xfe", "\xc0\xaf", "\xed\xa0\x80", "\xe1\xba"}) { // stray, overlong, surrogate, cut
        auto b = body;
        b.replace(at, 11, bad);
        EXPECT_EQ(post(b).status, 400)
            << "bytes " << json(std::vector<unsigned char>(bad.begin(), bad.end()));
    }
    // A lone surrogate written as a JSON escape is not text either.
    auto escaped = body;
    escaped.replace(at, 11, "\\ud800");
    EXPECT_EQ(post(escaped).status, 400);
    // Valid but unusual text (zero-width joiners, combining marks piled up, a noncharacter) is answered.
    auto odd = body;
    odd.replace(at, 11, "a\u200d\u200d" + std::string(200, 'x') + "\xcc\x81\xcc\x81\xcc\x81\xef\xbf\xbf");
    EXPECT_EQ(post(odd).status, 200);
    valid_update_is_answered(305);
}

TEST_F(http_abuse, deeply_nested_json_is_refused_with_400_without_a_crash) {
    start("{}");
    const int depth = 300000; // under the 1 MiB body limit
    EXPECT_EQ(post(std::string(depth, '[') + std::string(depth, ']')).status, 400);
    EXPECT_EQ(post(std::string(depth, '[')).status, 400);
    // Inside an otherwise valid update, where the adapter would copy it.
    auto update = json::parse(private_update(next_update++, 306, "/start"));
    update["message"]["chat"] = json::object();
    auto text = update.dump();
    auto chat = text.find("\"chat\":{}");
    ASSERT_NE(chat, std::string::npos);
    std::string deep = "\"chat\":" + std::string(depth / 2, '[') + std::string(depth / 2, ']');
    EXPECT_EQ(post(text.replace(chat, 9, deep)).status, 400);
    EXPECT_TRUE(bot->running());
    valid_update_is_answered(307);
}

TEST_F(http_abuse, connections_are_kept_or_closed_as_the_client_asked) {
    start("{}");
    const std::string get = "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
    {
        raw_client keep(port);
        ASSERT_GE(keep.fd, 0);
        for (int i = 0; i < 3; ++i) {
            ASSERT_TRUE(keep.send_all(get));
            auto answer = keep.read_answer(5000ms);
            EXPECT_TRUE(answer.starts_with("HTTP/1.1 200 OK\r\n")) << answer;
            EXPECT_EQ(answer.find("Connection: close"), std::string::npos) << answer;
        }
        EXPECT_FALSE(keep.closed_by_server(200ms)) << "a keep-alive connection was closed";
    }
    {
        raw_client close_it(port);
        ASSERT_TRUE(
            close_it.send_all("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"));
        auto answer = close_it.read_answer(5000ms);
        EXPECT_TRUE(answer.starts_with("HTTP/1.1 200 OK\r\n")) << answer;
        EXPECT_NE(answer.find("Connection: close\r\n"), std::string::npos) << answer;
        EXPECT_TRUE(close_it.closed_by_server(5000ms));
    }
    {
        raw_client old(port);
        ASSERT_TRUE(old.send_all("GET /healthz HTTP/1.0\r\n\r\n"));
        auto answer = old.read_answer(5000ms);
        EXPECT_TRUE(answer.starts_with("HTTP/1.0 200 OK\r\n")) << answer;
        EXPECT_TRUE(old.closed_by_server(5000ms)) << "HTTP/1.0 without keep-alive is closed after one answer";
    }
    {
        raw_client unknown(port);
        ASSERT_TRUE(unknown.send_all("GET /nowhere HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"));
        auto answer = unknown.read_answer(5000ms);
        EXPECT_TRUE(answer.starts_with("HTTP/1.1 404 Not Found\r\n")) << answer;
        EXPECT_TRUE(answer.ends_with("\r\n\r\nnot found\n")) << answer;
    }
}

TEST_F(http_abuse, an_update_larger_than_one_read_is_stored_and_answered) {
    start("{}");
    std::string long_text = "/start";
    while (long_text.size() < 12000)
        long_text += " ăn uống";
    EXPECT_EQ(post(private_update(next_update++, 401, long_text)).status, 200);
    EXPECT_TRUE(telegram.wait_for(
        [&](const std::vector<test::recorded_call>& calls) {
            for (auto& c : calls)
                if (c.method == "sendMessage" && c.chat_id == "401")
                    return true;
            return false;
        },
        10s));
}

// VmHWM (peak resident memory) of a process, in kB.
long peak_memory_kb(pid_t pid) {
    std::ifstream status("/proc/" + std::to_string(pid) + "/status");
    std::string line;
    while (std::getline(status, line))
        if (line.starts_with("VmHWM:"))
            return std::stol(line.substr(6));
    return -1;
}

TEST_F(http_abuse, a_wrong_secret_or_path_is_refused_before_the_body_is_read) {
    start("{}");
    // Headers that announce a large body, and no body: the answer must not wait for it.
    for (auto [target, secret_header, status] :
         {std::tuple{"/telegram/webhook", "X-Telegram-Bot-Api-Secret-Token: wrong-secret-same-len", "401"},
          std::tuple{"/telegram/webhook", "X-Other: x", "401"}, std::tuple{"/nowhere", "X-Other: x", "404"},
          std::tuple{"/healthz", "X-Other: x", "405"}}) {
        raw_client client(port);
        ASSERT_TRUE(client.send_all(std::string("POST ") + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" +
                                    secret_header + "\r\nContent-Length: 1000000\r\n\r\n{\"update_id\":"));
        auto answer = client.read_answer(2000ms);
        EXPECT_TRUE(answer.starts_with(std::string("HTTP/1.1 ") + status)) << target << ": " << answer;
        EXPECT_NE(answer.find("Connection: close\r\n"), std::string::npos) << answer;
        EXPECT_TRUE(client.closed_by_server(3000ms)) << "the unread body must not be taken for a request";
    }
    // A whole refused request sent at once still gets its answer, not a reset connection.
    raw_client whole(port);
    std::string body(64 * 1024, 'x');
    ASSERT_TRUE(whole.send_all("POST /telegram/webhook HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                               "X-Telegram-Bot-Api-Secret-Token: wrong\r\nContent-Length: " +
                               std::to_string(body.size()) + "\r\n\r\n" + body));
    EXPECT_TRUE(whole.read_answer(3000ms).starts_with("HTTP/1.1 401 Unauthorized\r\n"));
    valid_update_is_answered(402);
}

TEST_F(http_abuse, a_webhook_with_the_secret_header_twice_is_refused_whichever_comes_first) {
    start("{}");
    // One right and one wrong value, in both orders, and the right value twice: a proxy or a
    // check that reads the other copy would disagree with the bot, so none is taken.
    for (auto [first, second] : {std::pair{secret, std::string("wrong")},
                                 std::pair{std::string("wrong"), secret}, std::pair{secret, secret}}) {
        raw_client client(port);
        auto body = private_update(next_update++, 403, "/start");
        ASSERT_TRUE(client.send_all("POST /telegram/webhook HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                                    "X-Telegram-Bot-Api-Secret-Token: " +
                                    first + "\r\nX-Telegram-Bot-Api-Secret-Token: " + second +
                                    "\r\nContent-Type: application/json\r\nContent-Length: " +
                                    std::to_string(body.size()) + "\r\n\r\n" + body));
        EXPECT_TRUE(client.read_answer(3000ms).starts_with("HTTP/1.1 401 Unauthorized\r\n"))
            << first << " then " << second;
    }
    std::this_thread::sleep_for(300ms);
    EXPECT_EQ(telegram.calls("sendMessage").size(), 0u) << "no refused update may be answered";
    valid_update_is_answered(404);
}

TEST_F(http_abuse, large_bodies_without_the_secret_do_not_raise_memory) {
    start("{}");
    auto before = peak_memory_kb(bot->pid());
    ASSERT_GT(before, 0);
    // 150 callers, each announcing and sending a body just under http.max_body_bytes (1 MiB).
    const std::string body(1000000, 'a');
    std::vector<std::unique_ptr<raw_client>> callers;
    for (int i = 0; i < 150; ++i) {
        callers.push_back(std::make_unique<raw_client>(port));
        callers.back()->send_all("POST /telegram/webhook HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                                 "X-Telegram-Bot-Api-Secret-Token: wrong\r\nContent-Length: 1000000\r\n\r\n");
        timeval limit{5, 0}; // never hang the test on a server that stopped reading
        ::setsockopt(callers.back()->fd, SOL_SOCKET, SO_SNDTIMEO, &limit, sizeof limit);
        callers.back()->send_all(body);
    }
    std::this_thread::sleep_for(500ms);
    valid_update_is_answered(403);
    auto after = peak_memory_kb(bot->pid());
    EXPECT_LT(after - before, 50 * 1024) << "peak memory grew from " << before << " kB to " << after << " kB";
}

std::size_t count_of(const std::string& text, const std::string& what) {
    std::size_t n = 0;
    for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1))
        ++n;
    return n;
}

TEST_F(http_abuse, refused_and_unfinished_requests_are_counted_and_logged_once_with_the_reason) {
    start(R"({"read_timeout_seconds": 1})");
    for (int i = 0; i < 20; ++i) {
        raw_client bad(port);
        ASSERT_TRUE(bad.send_all("POST /telegram/webhook HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                                 "X-Telegram-Bot-Api-Secret-Token: " +
                                 secret + "\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nabc\r\n0\r\n\r\n"));
        EXPECT_TRUE(bad.read_answer(2000ms).starts_with("HTTP/1.1 400 Bad Request\r\n"));
        EXPECT_EQ(http_request_to(port, "POST", "/telegram/webhook", private_update(9000 + i, 405, "/start"),
                                  {{"X-Telegram-Bot-Api-Secret-Token", "forged-" + std::to_string(i)}}, 3s)
                      .status,
                  401);
    }
    raw_client unfinished(port);
    ASSERT_TRUE(unfinished.send_all("POST /telegram/webhook HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Le"));
    raw_client idle(port); // a keep-alive connection between requests: closed without a word
    EXPECT_TRUE(unfinished.closed_by_server(3000ms));
    EXPECT_TRUE(idle.closed_by_server(3000ms));
    valid_update_is_answered(406);

    std::ifstream in(dir + "/bot.log");
    std::string log((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    EXPECT_EQ(count_of(log, "http: refused a malformed request from 127.0.0.1 with 400: a malformed chunk in "
                            "a chunked body"),
              1u)
        << log;
    EXPECT_EQ(count_of(log, "telegram: webhook from 127.0.0.1 with a wrong or missing secret token"), 1u)
        << log;
    EXPECT_EQ(
        count_of(log,
                 "it holds another secret than TELEGRAM_WEBHOOK_SECRET: run `cnscd-bot set-webhook --url"),
        1u)
        << log;
    EXPECT_EQ(count_of(log,
                       "http: closed a connection from 127.0.0.1 that had not sent a whole request after "
                       "http.read_timeout_seconds (1 s)"),
              1u)
        << log;
    EXPECT_EQ(log.find(secret), std::string::npos) << "the secret leaked into the log";
    auto metrics = http_request_to(port, "GET", "/metrics", "", {}, 3s).body;
    EXPECT_NE(metrics.find("\ncnscd_http_bad_requests_total 20\n"), std::string::npos) << metrics;
    EXPECT_NE(metrics.find("\ncnscd_http_timeouts_total 1\n"), std::string::npos) << metrics;
    EXPECT_NE(metrics.find("cnscd_unauthorized_requests_total{channel=\"telegram\"} 20\n"),
              std::string::npos);
}

TEST_F(http_abuse, expect_100_continue_is_answered_before_the_body_is_sent) {
    start("{}");
    auto body = private_update(next_update++, 407, "/start");
    raw_client waiting(port);
    ASSERT_TRUE(waiting.send_all(
        "POST /telegram/webhook HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        "X-Telegram-Bot-Api-Secret-Token: " +
        secret + "\r\nExpect: 100-continue\r\nContent-Length: " + std::to_string(body.size()) + "\r\n\r\n"));
    // Not read_answer: an interim answer has no Content-Length.
    pollfd p{waiting.fd, POLLIN, 0};
    ASSERT_EQ(::poll(&p, 1, 500), 1) << "no 100 Continue: the client waits a second before sending the body";
    char buf[256];
    auto n = ::recv(waiting.fd, buf, sizeof buf, 0);
    ASSERT_GT(n, 0);
    EXPECT_EQ(std::string(buf, static_cast<std::size_t>(n)), "HTTP/1.1 100 Continue\r\n\r\n");
    ASSERT_TRUE(waiting.send_all(body));
    EXPECT_TRUE(waiting.read_answer(5000ms).starts_with("HTTP/1.1 200 OK\r\n"));
    valid_update_is_answered(409);
}

TEST_F(http_abuse, a_post_without_a_length_gets_411_and_its_body_is_not_read_as_a_request) {
    start("{}");
    raw_client no_length(port);
    ASSERT_TRUE(no_length.send_all("POST /telegram/webhook HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                                   "X-Telegram-Bot-Api-Secret-Token: " +
                                   secret + "\r\n\r\n" + private_update(next_update++, 408, "/start")));
    auto answer = no_length.read_answer(3000ms);
    EXPECT_TRUE(answer.starts_with("HTTP/1.1 411 Length Required\r\n")) << answer;
    EXPECT_EQ(answer.find("400 Bad Request"), std::string::npos)
        << "the body was read as a request: " << answer;
    EXPECT_TRUE(no_length.closed_by_server(3000ms));
    valid_update_is_answered(410);
}

TEST_F(http_abuse, a_webhook_sent_with_an_absolute_target_is_accepted_like_its_path) {
    // What a forwarding proxy may send; servers must accept it (RFC 9112, 3.2.2).
    start("{}");
    raw_client via_proxy(port);
    auto body = private_update(next_update++, 420, "/start");
    ASSERT_TRUE(via_proxy.send_all("POST http://127.0.0.1:" + std::to_string(port) +
                                   "/telegram/webhook HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                                   "X-Telegram-Bot-Api-Secret-Token: " +
                                   secret + "\r\nContent-Length: " + std::to_string(body.size()) +
                                   "\r\n\r\n" + body));
    auto answer = via_proxy.read_answer(3000ms);
    EXPECT_TRUE(answer.starts_with("HTTP/1.1 200 OK\r\n")) << answer;
    EXPECT_TRUE(telegram.wait_for(
        [](const std::vector<test::recorded_call>& calls) {
            for (auto& c : calls)
                if (c.method == "sendMessage" && c.chat_id == "420")
                    return true;
            return false;
        },
        10s));
    // The secret still guards the route in that form.
    raw_client forged(port);
    ASSERT_TRUE(forged.send_all("POST HTTP://127.0.0.1/telegram/webhook HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                                "Content-Length: " +
                                std::to_string(body.size()) + "\r\n\r\n" + body));
    EXPECT_TRUE(forged.read_answer(3000ms).starts_with("HTTP/1.1 401 ")) << "a forged absolute-form post";
}

TEST_F(http_abuse, a_target_longer_than_the_header_limit_gets_414_and_long_headers_431) {
    start(R"({"max_header_bytes": 4096})");
    raw_client long_target(port);
    ASSERT_TRUE(
        long_target.send_all("GET /healthz?" + std::string(20000, 'a') + " HTTP/1.1\r\nHost: x\r\n\r\n"));
    auto answer = long_target.read_answer(3000ms);
    EXPECT_TRUE(answer.starts_with("HTTP/1.1 414 URI Too Long\r\n")) << answer.substr(0, 200);
    raw_client long_headers(port);
    ASSERT_TRUE(long_headers.send_all(
        "GET /healthz HTTP/1.1\r\nHost: x\r\nX-Padding: " + std::string(20000, 'a') + "\r\n\r\n"));
    answer = long_headers.read_answer(3000ms);
    EXPECT_TRUE(answer.starts_with("HTTP/1.1 431 ")) << answer.substr(0, 200);
    valid_update_is_answered(421);
}

TEST_F(http_abuse, refused_clients_that_keep_sending_do_not_hold_the_connection_slots) {
    start(R"({"max_connections": 8})");
    // Each is refused on its headers, then keeps sending the body it announced.
    std::vector<std::unique_ptr<raw_client>> pushy;
    for (int i = 0; i < 8; ++i) {
        pushy.push_back(std::make_unique<raw_client>(port));
        ASSERT_TRUE(pushy.back()->send_all("POST /telegram/webhook HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                                           "X-Telegram-Bot-Api-Secret-Token: wrong\r\n"
                                           "Content-Length: 1000000\r\n\r\n"));
    }
    std::this_thread::sleep_for(200ms);
    for (auto& c : pushy)
        c->send_all(std::string(1000, 'a'));
    auto t0 = std::chrono::steady_clock::now();
    EXPECT_EQ(post(private_update(next_update++, 411, "/start"), 5s).status, 200);
    EXPECT_LT(std::chrono::steady_clock::now() - t0, 1s);
}

} // namespace
} // namespace cnscd
