#include "bot/http/http_client.hpp"

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>

#include <deque>
#include <vector>

namespace cnscd {

namespace net = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
namespace ssl = net::ssl;
using tcp = net::ip::tcp;

std::string url_encode(std::string_view s) {
    static const char hex[] = "0123456789ABCDEF";
    std::string out;
    out.reserve(s.size() * 3);
    for (unsigned char c : s) {
        if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
            out += static_cast<char>(c);
        } else {
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 15];
        }
    }
    return out;
}

namespace {

struct origin {
    bool tls = false;
    std::string host;
    std::string port;
};

origin parse_origin(const std::string& url) {
    origin o;
    std::string_view rest = url;
    if (rest.starts_with("https://")) {
        o.tls = true;
        rest.remove_prefix(8);
    } else if (rest.starts_with("http://")) {
        rest.remove_prefix(7);
    } else {
        throw std::invalid_argument("URL \"" + url + "\" must start with https:// or http://");
    }
    rest = rest.substr(0, rest.find('/'));
    auto colon = rest.rfind(':');
    if (colon != std::string_view::npos && rest.find(']') == std::string_view::npos) {
        o.host = std::string(rest.substr(0, colon));
        o.port = std::string(rest.substr(colon + 1));
    } else {
        o.host = std::string(rest);
        o.port = o.tls ? "443" : "80";
    }
    if (o.host.empty())
        throw std::invalid_argument("URL \"" + url + "\" has no host");
    return o;
}

class pool;

struct pending_call {
    http_call call;
    std::function<void(http_result)> done;
    std::chrono::steady_clock::time_point started;
    bool retried = false;
};

// One keep-alive connection. Stream is beast::tcp_stream or ssl_stream<tcp_stream>.
class connection_base {
public:
    virtual ~connection_base() = default;
    virtual void run(pending_call&& call) = 0;
    virtual void close() = 0;
    bool busy = false;
};

class pool : public http_client, public std::enable_shared_from_this<pool> {
public:
    pool(net::io_context& io, origin o, std::size_t max)
        : io_(io), origin_(std::move(o)), max_(max ? max : 1), resolver_(io), ssl_(ssl::context::tls_client) {
        if (origin_.tls) {
            ssl_.set_default_verify_paths();
            ssl_.set_verify_mode(ssl::verify_peer);
        }
    }

    void request(http_call call, std::function<void(http_result)> done) override {
        if (stopped_) {
            http_result r;
            r.error = "client stopped";
            done(std::move(r));
            return;
        }
        queue_.push_back({std::move(call), std::move(done), std::chrono::steady_clock::now()});
        ++in_flight_;
        pump();
    }

    void stop() override {
        stopped_ = true;
        for (auto& c : connections_)
            if (!c->busy)
                c->close();
        auto q = std::move(queue_);
        queue_.clear();
        for (auto& p : q) {
            --in_flight_;
            http_result r;
            r.error = "client stopped";
            p.done(std::move(r));
        }
    }

    std::size_t in_flight() const override { return in_flight_; }

    // A connection finished a call (or failed): give it the next one.
    void finished(connection_base* c, pending_call&& call, http_result&& result, bool connection_reused) {
        c->busy = false;
        // A kept-alive connection the server had already closed fails before any answer:
        // try once more on a fresh connection.
        if (!result.ok() && connection_reused && !call.retried && !stopped_) {
            call.retried = true;
            drop(c);
            queue_.push_front(std::move(call));
            pump();
            return;
        }
        if (!result.ok())
            drop(c);
        --in_flight_;
        result.seconds =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - call.started).count();
        auto done = std::move(call.done);
        done(std::move(result));
        pump();
    }

    net::io_context& io_;
    origin origin_;
    std::size_t max_;
    tcp::resolver resolver_;
    ssl::context ssl_;
    std::vector<tcp::endpoint> endpoints_; // resolved once, refreshed on connect failure

private:
    void pump();
    void drop(connection_base* c) {
        c->close();
        std::erase_if(connections_, [c](auto& p) { return p.get() == c; });
    }

    std::deque<pending_call> queue_;
    std::vector<std::shared_ptr<connection_base>> connections_;
    std::size_t in_flight_ = 0;
    bool stopped_ = false;
};

template <class Stream>
class connection : public connection_base, public std::enable_shared_from_this<connection<Stream>> {
public:
    connection(std::shared_ptr<pool> owner, Stream&& stream)
        : owner_(std::move(owner)), stream_(std::move(stream)) {}

    void run(pending_call&& call) override {
        busy = true;
        call_ = std::move(call);
        reused_ = connected_;
        if (!connected_)
            connect();
        else
            write();
    }

    void close() override {
        beast::error_code ec;
        lowest().socket().close(ec);
        connected_ = false;
    }

private:
    beast::tcp_stream& lowest() { return beast::get_lowest_layer(stream_); }

    void connect() {
        auto self = this->shared_from_this();
        auto with_endpoints = [self](const std::vector<tcp::endpoint>& eps) {
            self->lowest().expires_after(std::chrono::seconds(10));
            self->lowest().async_connect(eps, [self](beast::error_code ec, const tcp::endpoint&) {
                if (ec) {
                    self->owner_->endpoints_.clear(); // resolve again next time
                    return self->fail("connect: " + ec.message());
                }
                self->lowest().socket().set_option(tcp::no_delay(true), ec);
                self->handshake();
            });
        };
        if (!owner_->endpoints_.empty())
            return with_endpoints(owner_->endpoints_);
        owner_->resolver_.async_resolve(
            owner_->origin_.host, owner_->origin_.port,
            [self, with_endpoints](beast::error_code ec, tcp::resolver::results_type r) {
                if (ec)
                    return self->fail("resolve " + self->owner_->origin_.host + ": " + ec.message());
                std::vector<tcp::endpoint> eps(r.begin(), r.end());
                self->owner_->endpoints_ = eps;
                with_endpoints(eps);
            });
    }

    void handshake() {
        if constexpr (std::is_same_v<Stream, beast::tcp_stream>) {
            connected_ = true;
            write();
        } else {
            auto& host = owner_->origin_.host;
            // Set SNI and check the certificate is for this host.
            if (!SSL_set_tlsext_host_name(stream_.native_handle(), host.c_str()))
                return fail("TLS: cannot set SNI");
            stream_.set_verify_callback(ssl::host_name_verification(host));
            auto self = this->shared_from_this();
            stream_.async_handshake(ssl::stream_base::client, [self](beast::error_code ec) {
                if (ec)
                    return self->fail("TLS handshake: " + ec.message());
                self->connected_ = true;
                self->write();
            });
        }
    }

    void write() {
        request_ = {};
        request_.version(11);
        request_.method_string(call_.call.method);
        request_.target(call_.call.target);
        request_.set(http::field::host, owner_->origin_.host);
        request_.set(http::field::user_agent, "cnscd-bot");
        request_.keep_alive(true);
        for (auto& [k, v] : call_.call.headers)
            request_.set(k, v);
        if (!call_.call.body.empty() || call_.call.method == "POST") {
            request_.set(http::field::content_type, call_.call.content_type);
            request_.body() = std::move(call_.call.body);
        }
        request_.prepare_payload();
        lowest().expires_after(call_.call.timeout);
        auto self = this->shared_from_this();
        http::async_write(stream_, request_, [self](beast::error_code ec, std::size_t) {
            if (ec)
                return self->fail("write: " + ec.message());
            self->read();
        });
    }

    void read() {
        response_.emplace();
        response_->body_limit(64 << 20);
        auto self = this->shared_from_this();
        http::async_read(stream_, buffer_, *response_, [self](beast::error_code ec, std::size_t) {
            if (ec)
                return self->fail("read: " + ec.message());
            auto msg = self->response_->release();
            http_result r;
            r.status = static_cast<int>(msg.result_int());
            r.body = std::move(msg.body());
            if (!msg.keep_alive())
                self->close();
            self->complete(std::move(r));
        });
    }

    void fail(std::string what) {
        close();
        http_result r;
        r.error = std::move(what);
        complete(std::move(r));
    }

    void complete(http_result&& r) {
        auto reused = reused_;
        owner_->finished(this, std::move(call_), std::move(r), reused);
    }

    std::shared_ptr<pool> owner_;
    Stream stream_;
    beast::flat_buffer buffer_;
    http::request<http::string_body> request_;
    std::optional<http::response_parser<http::string_body>> response_;
    pending_call call_;
    bool connected_ = false;
    bool reused_ = false;
};

void pool::pump() {
    while (!queue_.empty() && !stopped_) {
        std::shared_ptr<connection_base> idle;
        for (auto& c : connections_)
            if (!c->busy) {
                idle = c;
                break;
            }
        if (!idle) {
            if (connections_.size() >= max_)
                return;
            if (origin_.tls)
                idle = std::make_shared<connection<beast::ssl_stream<beast::tcp_stream>>>(
                    shared_from_this(), beast::ssl_stream<beast::tcp_stream>(io_, ssl_));
            else
                idle = std::make_shared<connection<beast::tcp_stream>>(shared_from_this(),
                                                                       beast::tcp_stream(io_));
            connections_.push_back(idle);
        }
        auto call = std::move(queue_.front());
        queue_.pop_front();
        idle->run(std::move(call));
    }
}

} // namespace

std::shared_ptr<http_client> make_http_client(net::io_context& io, const std::string& base_url,
                                              std::size_t max_connections) {
    return std::make_shared<pool>(io, parse_origin(base_url), max_connections);
}

} // namespace cnscd
