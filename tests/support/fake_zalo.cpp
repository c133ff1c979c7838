#include "tests/support/fake_zalo.hpp"

#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include <nlohmann/json.hpp>

#include <atomic>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>

namespace cnscd::test {

namespace net = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = net::ip::tcp;
using json = nlohmann::json;

namespace {

std::string form_value(const std::string& form, const std::string& key) {
    std::size_t at = 0;
    while (at < form.size()) {
        auto end = form.find('&', at);
        auto item = form.substr(at, end == std::string::npos ? std::string::npos : end - at);
        if (item.starts_with(key + "="))
            return item.substr(key.size() + 1);
        if (end == std::string::npos)
            break;
        at = end + 1;
    }
    return {};
}

} // namespace

struct fake_zalo::impl {
    net::io_context io;
    tcp::acceptor acceptor{io};
    std::uint16_t port = 0;
    std::thread accept_thread;
    std::atomic<bool> stopping{false};
    mutable std::mutex mutex;
    mutable std::condition_variable changed;
    std::vector<zalo_call> log;
    struct script_entry {
        std::string key;
        zalo_reply reply;
        int times;
        std::string to; // empty: any recipient
    };
    std::deque<script_entry> scripts;
    std::string access = "oa-access-1", refresh = "oa-refresh-1";
    int issued = 1;
    bool drop_refresh = false;
    std::deque<std::string> bot_updates;
    std::int64_t next_id = 0x5000;
    std::vector<std::thread> workers;

    // Workers keep the server state alive (they may outlive the fake, blocked on a keep-alive
    // connection) and own their socket only inside their body, so nothing they touch is freed
    // under them.
    void accept_loop(const std::shared_ptr<impl>& self) {
        while (!stopping) {
            beast::error_code ec;
            tcp::socket socket(io);
            acceptor.accept(socket, ec);
            if (ec || stopping)
                continue;
            std::lock_guard lock(mutex);
            beast::error_code release_ec;
            auto fd = socket.release(release_ec);
            if (release_ec)
                continue;
            workers.emplace_back([self, fd] {
                tcp::socket s(self->io);
                beast::error_code assign_ec;
                s.assign(tcp::v4(), fd, assign_ec);
                if (!assign_ec)
                    self->serve(std::move(s));
            });
        }
    }

    void serve(tcp::socket socket) {
        beast::flat_buffer buffer;
        for (;;) {
            http::request<http::string_body> req;
            beast::error_code ec;
            http::read(socket, buffer, req, ec);
            if (ec || stopping)
                return;
            bool drop = false;
            auto reply = answer(req, drop);
            if (drop)
                return; // the answer is lost on the way back
            http::response<http::string_body> res{static_cast<http::status>(reply.status), req.version()};
            res.set(http::field::content_type, "application/json");
            res.keep_alive(req.keep_alive());
            res.body() = reply.body;
            res.prepare_payload();
            http::write(socket, res, ec);
            if (ec || !req.keep_alive())
                return;
        }
    }

    zalo_reply answer(const http::request<http::string_body>& req, bool& drop) {
        zalo_call call;
        call.path = std::string(req.target().substr(0, req.target().find('?')));
        call.body = req.body();
        call.access_token = std::string(req["access_token"]);
        call.secret_key = std::string(req["secret_key"]);
        bool bot = call.path.starts_with("/bot");
        if (bot) {
            auto slash = call.path.find('/', 4);
            call.access_token = call.path.substr(4, slash - 4);
            call.method = slash == std::string::npos ? "" : call.path.substr(slash + 1);
        }
        auto j = json::parse(call.body, nullptr, false);
        if (j.is_object()) {
            if (auto r = j.find("recipient"); r != j.end() && r->is_object())
                call.to = r->value("user_id", r->value("group_id", ""));
            if (j.contains("chat_id") && j["chat_id"].is_string())
                call.to = j["chat_id"];
            if (auto m = j.find("message"); m != j.end() && m->is_object())
                call.text = m->value("text", "");
            if (j.contains("text") && j["text"].is_string())
                call.text = j["text"];
        }
        std::unique_lock lock(mutex);
        zalo_reply reply;
        bool scripted = false;
        for (auto it = scripts.begin(); it != scripts.end(); ++it)
            if ((it->key == call.path || (!call.method.empty() && it->key == call.method)) &&
                (it->to.empty() || it->to == call.to)) {
                reply = it->reply;
                if (--it->times <= 0)
                    scripts.erase(it);
                scripted = true;
                break;
            }
        if (!scripted) {
            if (bot)
                reply = bot_answer(call);
            else if (call.path == "/v4/oa/access_token")
                reply = oauth_answer(call, drop);
            else if (call.path.starts_with("/v2.0/oa/upload/"))
                reply = upload_answer(call);
            else if (call.path.starts_with("/v3.0/oa/"))
                reply = oa_answer(call);
            else
                reply = {404, R"({"error":404,"message":"not found"})"};
        }
        call.reply = reply.body;
        log.push_back(std::move(call));
        changed.notify_all();
        return reply;
    }

    std::string fresh_id() {
        char buf[32];
        std::snprintf(buf, sizeof buf, "%020llx", static_cast<unsigned long long>(++next_id));
        return buf;
    }

    zalo_reply oa_answer(const zalo_call& call) {
        if (call.access_token != access)
            return {200, R"({"error":-216,"message":"Access token is invalid"})"};
        return {200, json{{"error", 0},
                          {"message", "Success"},
                          {"data", {{"message_id", fresh_id()}, {"user_id", call.to}}}}
                         .dump()};
    }

    // Uploads: a multipart body with a "file" part; images get an attachment_id, files a token.
    zalo_reply upload_answer(const zalo_call& call) {
        if (call.access_token != access)
            return {200, R"({"error":-216,"message":"Access token is invalid"})"};
        if (call.body.find("name=\"file\"") == std::string::npos)
            return {200, R"({"error":-201,"message":"file is missing"})"};
        if (call.path == "/v2.0/oa/upload/image")
            return {200,
                    R"({"error":0,"message":"Success","data":{"attachment_id":"img-)" + fresh_id() + "\"}}"};
        return {200, R"({"error":0,"message":"Success","data":{"token":"file-)" + fresh_id() + "\"}}"};
    }

    zalo_reply oauth_answer(const zalo_call& call, bool& drop) {
        if (call.secret_key != "test-app-secret")
            return {200, R"({"error":-14014,"error_name":"Invalid secret key"})"};
        auto grant = form_value(call.body, "grant_type");
        bool valid = (grant == "refresh_token" && form_value(call.body, "refresh_token") == refresh) ||
                     (grant == "authorization_code" && form_value(call.body, "code") == "test-code");
        if (!valid)
            return {
                200,
                R"({"error":-14020,"error_name":"Invalid refresh token","error_description":"The refresh token is invalid or has been used"})"};
        ++issued;
        access = "oa-access-" + std::to_string(issued);
        refresh = "oa-refresh-" + std::to_string(issued); // the old one is spent
        drop = drop_refresh;
        return {200,
                json{{"access_token", access}, {"refresh_token", refresh}, {"expires_in", "90000"}}.dump()};
    }

    zalo_reply bot_answer(const zalo_call& call) {
        if (call.method == "getUpdates") {
            if (bot_updates.empty()) {
                // A long poll that timed out: Zalo answers with error 408.
                mutex.unlock();
                std::this_thread::sleep_for(std::chrono::milliseconds(100));
                mutex.lock();
                if (bot_updates.empty())
                    return {200, R"({"ok":false,"error_code":408,"description":"Request timeout"})"};
            }
            auto u = bot_updates.front();
            bot_updates.pop_front();
            return {200, R"({"ok":true,"result":)" + u + "}"};
        }
        if (call.method == "sendMessage" || call.method == "sendPhoto")
            return {
                200,
                json{{"ok", true}, {"result", {{"message_id", fresh_id()}, {"date", 1767225600000}}}}.dump()};
        return {200, R"({"ok":true,"result":true})"};
    }
};

fake_zalo::fake_zalo() : impl_(std::make_shared<impl>()) {
    tcp::endpoint ep{net::ip::make_address("127.0.0.1"), 0};
    impl_->acceptor.open(ep.protocol());
    impl_->acceptor.set_option(net::socket_base::reuse_address(true));
    impl_->acceptor.bind(ep);
    impl_->acceptor.listen();
    impl_->port = impl_->acceptor.local_endpoint().port();
    impl_->accept_thread = std::thread([i = impl_] { i->accept_loop(i); });
}

fake_zalo::~fake_zalo() {
    impl_->stopping = true;
    beast::error_code ec;
    tcp::socket s(impl_->io);
    s.connect({net::ip::make_address("127.0.0.1"), impl_->port}, ec);
    impl_->acceptor.close(ec);
    if (impl_->accept_thread.joinable())
        impl_->accept_thread.join();
    std::lock_guard lock(impl_->mutex);
    for (auto& w : impl_->workers)
        w.detach(); // blocked on the bot's keep-alive connections; they end with the process
}

std::string fake_zalo::base_url() const {
    return "http://127.0.0.1:" + std::to_string(impl_->port);
}

std::vector<zalo_call> fake_zalo::calls() const {
    std::lock_guard lock(impl_->mutex);
    return impl_->log;
}

std::vector<zalo_call> fake_zalo::calls(const std::string& key) const {
    std::vector<zalo_call> out;
    for (auto& c : calls())
        if (c.path == key || c.method == key)
            out.push_back(c);
    return out;
}

bool fake_zalo::wait_for(const std::function<bool(const std::vector<zalo_call>&)>& pred,
                         std::chrono::milliseconds timeout) const {
    std::unique_lock lock(impl_->mutex);
    return impl_->changed.wait_for(lock, timeout, [&] { return pred(impl_->log); });
}

void fake_zalo::script(const std::string& key, zalo_reply reply, int times) {
    std::lock_guard lock(impl_->mutex);
    impl_->scripts.push_back({key, std::move(reply), times, ""});
}

void fake_zalo::script_to(const std::string& key, const std::string& to, zalo_reply reply, int times) {
    std::lock_guard lock(impl_->mutex);
    impl_->scripts.push_back({key, std::move(reply), times, to});
}

void fake_zalo::set_oa_tokens(const std::string& access, const std::string& refresh) {
    std::lock_guard lock(impl_->mutex);
    impl_->access = access;
    impl_->refresh = refresh;
}

std::string fake_zalo::oa_access_token() const {
    std::lock_guard lock(impl_->mutex);
    return impl_->access;
}

std::string fake_zalo::oa_refresh_token() const {
    std::lock_guard lock(impl_->mutex);
    return impl_->refresh;
}

void fake_zalo::drop_refresh_answers(bool on) {
    std::lock_guard lock(impl_->mutex);
    impl_->drop_refresh = on;
}

void fake_zalo::push_bot_update(const std::string& update_json) {
    std::lock_guard lock(impl_->mutex);
    impl_->bot_updates.push_back(update_json);
    impl_->changed.notify_all();
}

} // namespace cnscd::test
