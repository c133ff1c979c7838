#include "bot/http/http_server.hpp"

#include "bot/http/log_throttle.hpp"
#include "bot/metrics.hpp"

#include <boost/asio/dispatch.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include <spdlog/spdlog.h>

#include <array>
#include <atomic>
#include <functional>
#include <map>
#include <string_view>

namespace cnscd {

namespace net = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = net::ip::tcp;

struct http_server::impl : std::enable_shared_from_this<http_server::impl> {
    net::io_context& io;
    http_config cfg;
    metrics& stats;
    tcp::acceptor acceptor;
    struct route_entry {
        http_handler handler;
        http_header_check check;
        std::size_t max_body_bytes = 0; // 0: cfg.max_body_bytes
    };
    std::map<std::pair<std::string, std::string>, route_entry> routes;
    std::atomic<std::size_t> connections{0};
    bool stopped = false;
    // Connections waiting for (the rest of) a request, oldest first. At the connection limit the
    // oldest is closed to admit the new one: idle or slow clients would otherwise hold every slot
    // for read_timeout_seconds and lock out the platform's webhooks.
    std::uint64_t last_waiter = 0;
    // A session removes itself before it goes away, so the pointers here are always live.
    std::map<std::uint64_t, class server_session*> waiting;
    // What clients can repeat at will is logged once a minute per kind, with a count.
    log_throttle slow_log, malformed_log, oversize_log, evicted_log, rejected_log;

    bool evict_oldest_waiting();

    impl(net::io_context& io_, const http_config& c, metrics& m) : io(io_), cfg(c), stats(m), acceptor(io_) {}

    void do_accept();
    // The route for a request's headers, looked up once per request (routes are fixed before
    // start); null when there is none.
    const route_entry* find(const http_request& head) const {
        auto it = routes.find({head.method, std::string(head.path())});
        return it == routes.end() ? nullptr : &it->second;
    }
    // A route's own body limit when it is below the server's, else 0.
    std::size_t body_cap(const route_entry& r) const {
        return r.max_body_bytes != 0 && r.max_body_bytes < cfg.max_body_bytes ? r.max_body_bytes : 0;
    }
    http_reply no_route(std::string_view path) const {
        for (auto& [key, _] : routes)
            if (key.second == path)
                return {405, "text/plain; charset=utf-8", "method not allowed\n"};
        return {404, "text/plain; charset=utf-8", "not found\n"};
    }
};

// Most webhook updates fit in this; larger ones take more reads.
constexpr std::size_t initial_read_bytes = 4096;

// One client connection: read a request, hand it to the routes, write the answer, repeat.
class server_session : public std::enable_shared_from_this<server_session> {
public:
    server_session(tcp::socket&& socket, std::shared_ptr<http_server::impl> server)
        : stream_(std::move(socket)), server_(std::move(server)) {
        ++server_->connections;
        // Room for a whole webhook update in one read, instead of 512-byte slices.
        buffer_.reserve(initial_read_bytes);
    }
    ~server_session() {
        server_->waiting.erase(wait_id_);
        --server_->connections;
    }

    void start() {
        // Once per connection, not per request: it is only for log lines.
        beast::error_code ec;
        auto ep = stream_.socket().remote_endpoint(ec);
        remote_ = ec ? std::string("?") : ep.address().to_string();
        net::dispatch(stream_.get_executor(),
                      beast::bind_front_handler(&server_session::do_read, shared_from_this()));
    }

private:
    void do_read() {
        parser_.emplace();
        // Apply limits to what a client may send, to prevent abuse.
        parser_->body_limit(server_->cfg.max_body_bytes);
        parser_->header_limit(static_cast<std::uint32_t>(server_->cfg.max_header_bytes));
        // A slow client (slowloris) gets this long for a whole request.
        stream_.expires_after(std::chrono::seconds(server_->cfg.read_timeout_seconds));
        wait_id_ = ++server_->last_waiter;
        server_->waiting.emplace(wait_id_, this);
        route_ = nullptr;
        // The headers first: a request refused on them is answered without reading its body.
        http::async_read_header(stream_, buffer_, *parser_,
                                beast::bind_front_handler(&server_session::on_header, shared_from_this()));
    }

    void on_header(beast::error_code ec, std::size_t) {
        if (ec)
            return on_error(ec);
        auto& head = parser_->get();
        keep_alive_ = head.keep_alive();
        version_ = head.version();
        req_ = {};
        req_.method = std::string(head.method_string());
        req_.target = std::string(head.target());
        for (auto& field : head)
            req_.headers.emplace_back(std::string(field.name_string()), std::string(field.value()));
        req_.remote = remote_;
        // Refused on the headers alone (no such route, or the route's own check, e.g. a wrong
        // secret): the body is never read.
        route_ = server_->find(req_);
        auto refusal = route_ ? (route_->check ? route_->check(req_) : std::nullopt)
                              : std::optional(server_->no_route(req_.path()));
        if (refusal) {
            server_->waiting.erase(wait_id_);
            // A body left unread would be taken for the next request.
            keep_alive_ = keep_alive_ && parser_->is_done();
            return write(std::move(*refusal));
        }
        if (auto cap = server_->body_cap(*route_)) {
            // The announced length now; a chunked body as it arrives.
            if (auto length = parser_->content_length(); length && *length > cap)
                return refuse_body(cap);
            parser_->body_limit(cap);
        }
        // Without a length, the body that follows would be read as the next request.
        if (req_.method == "POST" && parser_->is_done() &&
            head.find(http::field::content_length) == head.end()) {
            server_->waiting.erase(wait_id_);
            ++server_->stats.http_bad_requests;
            if (auto skipped = server_->malformed_log.admit())
                spdlog::warn("http: refused a POST from {} without Content-Length or chunked body with 411{}",
                             remote_, log_throttle::more(*skipped));
            return refuse(411, "Content-Length required\n");
        }
        if (version_ == 11 && !parser_->is_done() &&
            beast::iequals(head[http::field::expect], "100-continue")) {
            // The client waits for this before it sends the body (curl: a whole second).
            static constexpr std::string_view go_on = "HTTP/1.1 100 Continue\r\n\r\n";
            return net::async_write(stream_, net::buffer(go_on.data(), go_on.size()),
                                    [self = shared_from_this()](beast::error_code ec, std::size_t) {
                                        if (ec)
                                            return self->close();
                                        self->read_body();
                                    });
        }
        read_body();
    }

    void read_body() {
        http::async_read(stream_, buffer_, *parser_,
                         beast::bind_front_handler(&server_session::on_read, shared_from_this()));
    }

    void on_read(beast::error_code ec, std::size_t) {
        if (ec)
            return on_error(ec);
        server_->waiting.erase(wait_id_);
        req_.body = std::move(parser_->get().body());

        // The route may answer later, from another thread (after a commit): hop back here. It
        // usually answers on this thread already (commits complete on the loop), and then
        // dispatch writes at once instead of queueing the write behind other work.
        stream_.expires_after(std::chrono::seconds(60));
        auto self = shared_from_this();
        route_->handler(std::move(req_), [self](http_reply reply) {
            net::dispatch(self->stream_.get_executor(),
                          [self, reply = std::move(reply)]() mutable { self->write(std::move(reply)); });
        });
    }

    void on_error(beast::error_code ec) {
        server_->waiting.erase(wait_id_);
        if (ec == net::error::operation_aborted)
            return; // evicted, or the server is stopping
        if (ec == http::error::end_of_stream || ec == net::error::connection_reset || ec == net::error::eof)
            return close();
        if (ec == beast::error::timeout) {
            // An idle keep-alive connection is closed quietly; a request begun and not finished is
            // a slow or broken client, or a slowloris.
            if (buffer_.size() == 0 && !parser_->got_some())
                return close();
            ++server_->stats.http_timeouts;
            if (auto skipped = server_->slow_log.admit())
                spdlog::warn("http: closed a connection from {} that had not sent a whole request after "
                             "http.read_timeout_seconds ({} s){}",
                             remote_, server_->cfg.read_timeout_seconds, log_throttle::more(*skipped));
            return close();
        }
        if (ec == http::error::body_limit) {
            auto cap = route_ ? server_->body_cap(*route_) : 0;
            return refuse_body(cap ? cap : server_->cfg.max_body_bytes);
        }
        if (ec == http::error::header_limit) {
            ++server_->stats.http_bad_requests;
            // The request line alone over the limit (Beast had not parsed it): the target is what
            // is too long.
            if (parser_->get().target().empty()) {
                if (auto skipped = server_->oversize_log.admit())
                    spdlog::warn("http: refused a request line from {} over http.max_header_bytes ({} bytes) "
                                 "with 414{}",
                                 remote_, server_->cfg.max_header_bytes, log_throttle::more(*skipped));
                return refuse(414, "request target too long\n");
            }
            if (auto skipped = server_->oversize_log.admit())
                spdlog::warn(
                    "http: refused request headers from {} over http.max_header_bytes ({} bytes) with "
                    "431{}",
                    remote_, server_->cfg.max_header_bytes, log_throttle::more(*skipped));
            return refuse(431, "request headers too large\n");
        }
        ++server_->stats.http_bad_requests;
        if (ec.category() != http::make_error_code(http::error::bad_target).category())
            return close();
        if (auto skipped = server_->malformed_log.admit())
            spdlog::warn("http: refused a malformed request from {} with 400: {}{}", remote_,
                         what_went_wrong(ec), log_throttle::more(*skipped));
        refuse(400, "malformed HTTP request\n");
    }

    // The parser's error in words an operator can act on.
    static std::string what_went_wrong(beast::error_code ec) {
        using e = http::error;
        if (ec == e::partial_message || ec == e::short_read)
            return "the client closed the connection before the request was complete";
        if (ec == e::bad_content_length || ec == e::multiple_content_length)
            return "an invalid or repeated Content-Length";
        if (ec == e::bad_transfer_encoding)
            return "an invalid Transfer-Encoding, or both Content-Length and chunked";
        if (ec == e::bad_chunk || ec == e::bad_chunk_extension)
            return "a malformed chunk in a chunked body";
        if (ec == e::bad_method || ec == e::bad_target || ec == e::bad_version || ec == e::bad_line_ending)
            return "not an HTTP/1.x request line (" + ec.message() + ")";
        return ec.message();
    }

    void refuse_body(std::size_t limit) {
        server_->waiting.erase(wait_id_);
        ++server_->stats.http_bad_requests;
        if (auto skipped = server_->oversize_log.admit()) {
            if (limit == server_->cfg.max_body_bytes)
                spdlog::warn(
                    "http: refused a request body from {} over http.max_body_bytes ({} bytes) with 413{}",
                    remote_, limit, log_throttle::more(*skipped));
            else
                spdlog::warn(
                    "http: refused a request body from {} over {} bytes, the most {} takes, with 413{}",
                    remote_, limit, req_.path(), log_throttle::more(*skipped));
        }
        refuse(413, "request body too large\n");
    }

    void refuse(int status, const char* text) {
        keep_alive_ = false;
        write({status, "text/plain; charset=utf-8", text});
    }

    void write(http_reply reply) {
        // Rendered by hand into one reused buffer: the answers are tiny and their headers fixed,
        // and Beast's serializer costs more than the bytes it writes on this hot path.
        keep_alive_ = keep_alive_ && !server_->stopped;
        auto status = static_cast<http::status>(reply.status);
        out_.clear();
        out_ += version_ == 10 ? "HTTP/1.0 " : "HTTP/1.1 ";
        out_ += std::to_string(reply.status);
        out_ += ' ';
        out_ += http::obsolete_reason(status);
        out_ += "\r\nServer: cnscd-bot\r\nContent-Type: ";
        out_ += reply.content_type;
        out_ += "\r\nContent-Length: ";
        out_ += std::to_string(reply.body.size());
        if (!keep_alive_)
            out_ += "\r\nConnection: close";
        else if (version_ == 10)
            out_ += "\r\nConnection: keep-alive";
        out_ += "\r\n\r\n";
        out_ += reply.body;
        stream_.expires_after(std::chrono::seconds(server_->cfg.read_timeout_seconds));
        net::async_write(stream_, net::buffer(out_),
                         beast::bind_front_handler(&server_session::on_write, shared_from_this()));
    }

    void on_write(beast::error_code ec, std::size_t) {
        if (ec)
            return close();
        if (!keep_alive_)
            return linger();
        do_read();
    }

    // Closing with unread bytes (the body of a refused request) resets the connection, and the
    // client may lose the answer before reading it: say we are done, then drop what still comes
    // for a moment.
    void linger() {
        beast::error_code ec;
        stream_.socket().shutdown(tcp::socket::shutdown_send, ec);
        stream_.expires_after(std::chrono::seconds(2));
        // Evictable meanwhile: clients that keep sending must not hold the slots at the limit.
        wait_id_ = ++server_->last_waiter;
        server_->waiting.emplace(wait_id_, this);
        drain();
    }
    void drain() {
        // One thread runs the loop, so every lingering connection may drop its bytes here.
        static std::array<char, 4096> discard;
        stream_.async_read_some(net::buffer(discard),
                                [self = shared_from_this()](beast::error_code ec, std::size_t) {
                                    if (ec)
                                        return self->close();
                                    self->drain();
                                });
    }

public:
    void evict() {
        ++server_->stats.http_evicted_connections;
        if (auto skipped = server_->evicted_log.admit())
            spdlog::warn(
                "http: at http.max_connections ({}), closed the connection from {} that waited longest "
                "for a request, to admit a new one{}",
                server_->cfg.max_connections, remote_, log_throttle::more(*skipped));
        close();
    }

private:
    void close() {
        beast::error_code ec;
        stream_.socket().shutdown(tcp::socket::shutdown_send, ec);
        stream_.socket().close(ec);
    }

    beast::tcp_stream stream_;
    beast::flat_buffer buffer_{8192};
    std::optional<http::request_parser<http::string_body>> parser_;
    http_request req_;                                      // filled from the headers, then given the body
    const http_server::impl::route_entry* route_ = nullptr; // the request's, found on its headers
    std::string out_;
    std::uint64_t wait_id_ = 0;
    bool keep_alive_ = true;
    unsigned version_ = 11;
    std::string remote_;
    std::shared_ptr<http_server::impl> server_;
};

bool http_server::impl::evict_oldest_waiting() {
    if (waiting.empty())
        return false;
    auto* oldest = waiting.begin()->second;
    waiting.erase(waiting.begin());
    oldest->evict();
    return true;
}

void http_server::impl::do_accept() {
    // One thread runs the loop, so sessions need no strands.
    acceptor.async_accept(io, [self = shared_from_this()](beast::error_code ec, tcp::socket socket) {
        if (ec == net::error::operation_aborted || self->stopped)
            return;
        if (!ec) {
            if (self->connections.load() >= static_cast<std::size_t>(self->cfg.max_connections) &&
                !self->evict_oldest_waiting()) {
                ++self->stats.http_rejected_connections;
                if (auto skipped = self->rejected_log.admit())
                    spdlog::warn("http: refused a connection: all http.max_connections ({}) are busy with "
                                 "requests{}",
                                 self->cfg.max_connections, log_throttle::more(*skipped));
                beast::error_code ignored;
                socket.close(ignored);
            } else {
                socket.set_option(tcp::no_delay(true), ec);
                std::make_shared<server_session>(std::move(socket), self)->start();
            }
        } else {
            spdlog::warn("http: accept: {}", ec.message());
        }
        self->do_accept();
    });
}

http_server::http_server(net::io_context& io, const http_config& cfg, metrics& m)
    : impl_(std::make_shared<impl>(io, cfg, m)) {}

http_server::~http_server() {
    stop();
}

void http_server::route(std::string method, std::string path, http_handler handler, http_header_check check,
                        std::size_t max_body_bytes) {
    impl_->routes[{std::move(method), std::move(path)}] = {std::move(handler), std::move(check),
                                                           max_body_bytes};
}

namespace {

// Only a taken port is fixed by stopping something: the other refusals each have their own cure,
// and "stop what uses that port" sent people looking for a process that was not there.
std::string listen_fix(const beast::error_code& ec, const std::string& host) {
    const std::string where = " (CNSCD_LISTEN, or \"http.listen\" in the config file)";
    if (ec == boost::system::errc::permission_denied)
        return "ports below 1024 need root, and the bot runs unprivileged behind the reverse proxy: "
               "choose a port from 1024 up, such as 127.0.0.1:8080" +
               where;
    if (ec == boost::system::errc::address_not_available)
        return host +
               " is not an address of this machine (`ip -brief address` lists them): choose "
               "127.0.0.1 behind the reverse proxy, or 0.0.0.0 for every address" +
               where;
    return "stop what uses that port (`ss -ltnp` shows it) or choose another" + where;
}

} // namespace

void http_server::listen() {
    if (impl_->acceptor.is_open())
        return;
    beast::error_code ec;
    auto address = net::ip::make_address(impl_->cfg.host, ec);
    if (ec)
        throw std::runtime_error("cannot listen on \"" + impl_->cfg.host +
                                 "\": not an IP address. Fix: set "
                                 "CNSCD_LISTEN (or \"http.listen\" in the config file) like 127.0.0.1:8080");
    tcp::endpoint ep{address, impl_->cfg.port};
    auto& a = impl_->acceptor;
    a.open(ep.protocol(), ec);
    if (!ec)
        a.set_option(net::socket_base::reuse_address(true), ec);
    if (!ec)
        a.bind(ep, ec);
    if (!ec)
        a.listen(net::socket_base::max_listen_connections, ec);
    if (ec) {
        beast::error_code ignored;
        a.close(ignored);
        throw std::runtime_error("cannot listen on " + impl_->cfg.host + ":" +
                                 std::to_string(impl_->cfg.port) + ": " + ec.message() +
                                 ". Fix: " + listen_fix(ec, impl_->cfg.host));
    }
}

void http_server::start() {
    listen();
    impl_->do_accept();
}

void http_server::stop() {
    if (impl_->stopped)
        return;
    impl_->stopped = true;
    beast::error_code ec;
    impl_->acceptor.close(ec);
}

std::uint16_t http_server::port() const {
    beast::error_code ec;
    auto ep = impl_->acceptor.local_endpoint(ec);
    return ec ? 0 : ep.port();
}

std::size_t http_server::open_connections() const {
    return impl_->connections.load();
}

} // namespace cnscd
