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

std::string base_path(std::string_view base) {
    auto scheme = base.find("://");
    auto slash = base.find('/', scheme == std::string_view::npos ? 0 : scheme + 3);
    std::string path = slash == std::string_view::npos ? "" : std::string(base.substr(slash));
    while (!path.empty() && path.back() == '/')
        path.pop_back();
    return path;
}

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

struct pending_call {
    http_call call;
    std::function<void(http_result)> done;
    std::chrono::steady_clock::time_point started;
    bool retried = false;
};

// One keep-alive connection. Up to `depth` requests may be outstanding on it (HTTP/1.1
// pipelining): queued requests go out in one write and answers come back in order.
class connection_base {
public:
    virtual ~connection_base() = default;
    virtual void add(pending_call&& call) = 0;
    virtual void close() = 0;
    virtual std::size_t load() const = 0;
};

class pool : public http_client, public std::enable_shared_from_this<pool> {
public:
    pool(net::io_context& io, origin o, std::size_t max, std::size_t depth)
        : io_(io), origin_(std::move(o)), max_(max ? max : 1), depth_(depth ? depth : 1), resolver_(io) {
        // Only HTTPS needs OpenSSL set up (it costs memory and start-up time).
        if (origin_.tls) {
            ssl_.emplace(ssl::context::tls_client);
            ssl_->set_default_verify_paths();
            ssl_->set_verify_mode(ssl::verify_peer);
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
            if (c->load() == 0)
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

    // A call finished with an answer or a transport error.
    void finished(pending_call&& call, http_result&& result, bool connection_reused) {
        // A kept-alive connection the server had already closed fails before any answer:
        // try once more on a fresh connection.
        if (!result.ok() && connection_reused && !call.retried && !stopped_) {
            call.retried = true;
            queue_.push_front(std::move(call));
            net::post(io_, [self = shared_from_this()] { self->pump(); });
            return;
        }
        --in_flight_;
        result.seconds =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - call.started).count();
        auto done = std::move(call.done);
        done(std::move(result));
        pump();
    }

    // Calls that were queued on a connection but never sent (it closed): back to the pool.
    void requeue(std::deque<pending_call>&& calls) {
        for (auto it = calls.rbegin(); it != calls.rend(); ++it)
            queue_.push_front(std::move(*it));
        net::post(io_, [self = shared_from_this()] { self->pump(); });
    }

    // The last user let go: close every connection and drop them. Each connection holds the
    // pool (owner_), so without this the pair would keep each other alive past shutdown.
    void release() {
        stopped_ = true;
        for (auto& c : connections_)
            c->close();
        connections_.clear();
        queue_.clear();
    }

    void forget(connection_base* c) {
        std::erase_if(connections_, [c](auto& p) { return p.get() == c; });
    }

    void pump();

    net::io_context& io_;
    origin origin_;
    std::size_t max_;
    std::size_t depth_;
    tcp::resolver resolver_;
    std::optional<ssl::context> ssl_;
    std::vector<tcp::endpoint> endpoints_; // resolved once, refreshed on connect failure

private:
    std::deque<pending_call> queue_;
    std::vector<std::shared_ptr<connection_base>> connections_;
    std::size_t in_flight_ = 0;
    bool stopped_ = false;
};

template <class Stream>
class connection : public connection_base, public std::enable_shared_from_this<connection<Stream>> {
public:
    connection(std::shared_ptr<pool> owner, Stream&& stream)
        : owner_(std::move(owner)), stream_(std::move(stream)) {
        // Pipelined answers arrive together: read them in one go rather than 512-byte slices.
        buffer_.reserve(16384);
    }

    std::size_t load() const override { return waiting_.size() + sent_.size(); }

    void add(pending_call&& call) override {
        waiting_.push_back(std::move(call));
        if (!connected_) {
            if (!connecting_)
                connect();
            return;
        }
        // Write at the end of this turn of the loop, so requests queued together leave in
        // one write (with pipelining) instead of one system call each.
        if (!writing_ && !flush_posted_) {
            flush_posted_ = true;
            net::post(owner_->io_, [self = this->shared_from_this()] {
                self->flush_posted_ = false;
                self->write_more();
            });
        }
    }

    void close() override {
        beast::error_code ec;
        beast::get_lowest_layer(stream_).socket().close(ec);
        connected_ = false;
    }

private:
    beast::tcp_stream& lowest() { return beast::get_lowest_layer(stream_); }

    void connect() {
        connecting_ = true;
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
            connected();
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
                self->connected();
            });
        }
    }

    void connected() {
        connecting_ = false;
        connected_ = true;
        write_more();
    }

    // Serialises every waiting request (up to the pipeline depth) into one write.
    void write_more() {
        if (writing_ || waiting_.empty() || !connected_)
            return;
        out_.clear();
        auto& origin = owner_->origin_;
        while (!waiting_.empty() && sent_.size() < owner_->depth_) {
            auto& c = waiting_.front().call;
            out_ += c.method;
            out_ += ' ';
            out_ += c.target;
            out_ += " HTTP/1.1\r\nHost: ";
            out_ += origin.host;
            out_ += "\r\nUser-Agent: cnscd-bot\r\nConnection: keep-alive\r\n";
            for (auto& [k, v] : c.headers) {
                out_ += k;
                out_ += ": ";
                out_ += v;
                out_ += "\r\n";
            }
            if (!c.body.empty() || c.method == "POST") {
                out_ += "Content-Type: ";
                out_ += c.content_type;
                out_ += "\r\nContent-Length: ";
                out_ += std::to_string(c.body.size());
                out_ += "\r\n";
            }
            out_ += "\r\n";
            out_ += c.body;
            c.body.clear();
            c.body.shrink_to_fit();
            sent_.push_back(std::move(waiting_.front()));
            waiting_.pop_front();
        }
        if (out_.empty())
            return;
        writing_ = true;
        lowest().expires_after(sent_.back().call.timeout);
        auto self = this->shared_from_this();
        net::async_write(stream_, net::buffer(out_), [self](beast::error_code ec, std::size_t) {
            self->writing_ = false;
            if (ec)
                return self->fail("write: " + ec.message());
            self->write_more();
        });
        if (!reading_)
            read_next();
    }

    void read_next() {
        if (sent_.empty()) {
            reading_ = false;
            return;
        }
        reading_ = true;
        parser_.emplace();
        parser_->body_limit(64 << 20);
        lowest().expires_after(sent_.front().call.timeout);
        auto self = this->shared_from_this();
        http::async_read(stream_, buffer_, *parser_, [self](beast::error_code ec, std::size_t) {
            if (ec)
                return self->fail("read: " + ec.message());
            auto msg = self->parser_->release();
            http_result r;
            r.status = static_cast<int>(msg.result_int());
            r.body = std::move(msg.body());
            auto call = std::move(self->sent_.front());
            self->sent_.pop_front();
            bool reused = self->answered_++ > 0;
            if (!msg.keep_alive()) {
                // The server closes after this answer: what else was queued here was never
                // processed, so it goes back to the pool for another connection.
                self->close();
                self->owner_->forget(self.get());
                std::deque<pending_call> rest;
                for (auto& p : self->sent_)
                    rest.push_back(std::move(p));
                for (auto& p : self->waiting_)
                    rest.push_back(std::move(p));
                self->sent_.clear();
                self->waiting_.clear();
                self->reading_ = false;
                self->owner_->requeue(std::move(rest));
                self->owner_->finished(std::move(call), std::move(r), reused);
                return;
            }
            self->owner_->finished(std::move(call), std::move(r), reused);
            self->read_next();
        });
    }

    void fail(std::string what) {
        bool was_connected = connected_;
        close();
        owner_->forget(this);
        auto self = this->shared_from_this(); // keep alive while failing calls
        bool reused = answered_ > 0;
        reading_ = writing_ = connecting_ = false;
        auto sent = std::move(sent_);
        auto waiting = std::move(waiting_);
        sent_.clear();
        waiting_.clear();
        // Requests never written on a connection that broke: another connection takes them.
        // When it never came up (refused, unresolvable, TLS), the next would fail the same way
        // at once, forever: the callers get the error and retry with their own backoff.
        if (was_connected && !waiting.empty())
            owner_->requeue(std::move(waiting));
        else
            for (auto& call : waiting)
                sent.push_back(std::move(call));
        for (auto& call : sent) {
            http_result r;
            r.error = what;
            owner_->finished(std::move(call), std::move(r), reused);
        }
    }

    std::shared_ptr<pool> owner_;
    Stream stream_;
    beast::flat_buffer buffer_;
    std::string out_;
    std::optional<http::response_parser<http::string_body>> parser_;
    std::deque<pending_call> waiting_; // assigned here, not yet written
    std::deque<pending_call> sent_;    // written, answers pending (in order)
    bool connecting_ = false;
    bool connected_ = false;
    bool writing_ = false;
    bool reading_ = false;
    bool flush_posted_ = false;
    std::size_t answered_ = 0;
};

void pool::pump() {
    while (!queue_.empty() && !stopped_) {
        // Without pipelining: an idle connection, else a new one. With it: fill the busiest
        // connection that has room, so queued requests share writes and reads.
        connection_base* best = nullptr;
        for (auto& c : connections_) {
            if (c->load() >= depth_)
                continue;
            if (!best || (depth_ > 1 ? c->load() > best->load() : c->load() < best->load()))
                best = c.get();
        }
        if (!best || (depth_ == 1 && best->load() > 0 && connections_.size() < max_)) {
            if (connections_.size() < max_) {
                std::shared_ptr<connection_base> fresh;
                if (origin_.tls)
                    fresh = std::make_shared<connection<beast::ssl_stream<beast::tcp_stream>>>(
                        shared_from_this(), beast::ssl_stream<beast::tcp_stream>(io_, *ssl_));
                else
                    fresh = std::make_shared<connection<beast::tcp_stream>>(shared_from_this(),
                                                                            beast::tcp_stream(io_));
                connections_.push_back(fresh);
                best = fresh.get();
            }
        }
        if (!best)
            return;
        auto call = std::move(queue_.front());
        queue_.pop_front();
        best->add(std::move(call));
    }
}

// What callers hold: dropping it releases the pool (see pool::release).
class pool_handle final : public http_client {
public:
    explicit pool_handle(std::shared_ptr<pool> p) : pool_(std::move(p)) {}
    ~pool_handle() override { pool_->release(); }
    void request(http_call call, std::function<void(http_result)> done) override {
        pool_->request(std::move(call), std::move(done));
    }
    void stop() override { pool_->stop(); }
    std::size_t in_flight() const override { return pool_->in_flight(); }

private:
    std::shared_ptr<pool> pool_;
};

} // namespace

std::shared_ptr<http_client> make_http_client(net::io_context& io, const std::string& base_url,
                                              std::size_t max_connections, std::size_t pipeline_depth) {
    return std::make_shared<pool_handle>(
        std::make_shared<pool>(io, parse_origin(base_url), max_connections, pipeline_depth));
}

} // namespace cnscd
