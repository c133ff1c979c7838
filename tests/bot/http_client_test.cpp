// The HTTP client when the platform's API cannot be reached.

#include "bot/http/http_client.hpp"

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>

#include <gtest/gtest.h>

namespace cnscd {
namespace {

// A port that refuses connections: bound once to learn a free one, then closed.
std::string refusing_base() {
    boost::asio::io_context io;
    boost::asio::ip::tcp::acceptor a(io, {boost::asio::ip::make_address("127.0.0.1"), 0});
    return "http://127.0.0.1:" + std::to_string(a.local_endpoint().port());
}

// A refused connection used to put the call back in the queue for another connection, forever:
// no answer, no log line, a busy loop, and the sender never backed off.
TEST(http_client, a_refused_connection_fails_the_call) {
    boost::asio::io_context io;
    auto client = make_http_client(io, refusing_base(), 2);
    int answers = 0;
    http_result got;
    for (int i = 0; i < 3; ++i)
        client->request({"POST", "/bot1:x/getMe", "application/json", "{}", {}, std::chrono::seconds(5)},
                        [&](http_result r) {
                            ++answers;
                            got = std::move(r);
                        });
    io.run_for(std::chrono::seconds(3));
    EXPECT_EQ(answers, 3);
    EXPECT_NE(got.error.find("connect"), std::string::npos) << got.error;
    EXPECT_EQ(client->in_flight(), 0u);
}

} // namespace
} // namespace cnscd
