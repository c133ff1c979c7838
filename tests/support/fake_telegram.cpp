#include "tests/support/fake_telegram.hpp"

#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include <nlohmann/json.hpp>

#include <atomic>
#include <condition_variable>
#include <deque>
#include <map>
#include <thread>

namespace cnscd::test {

namespace net = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = net::ip::tcp;
using json = nlohmann::json;
using steady = std::chrono::steady_clock;

struct fake_telegram::impl : std::enable_shared_from_this<fake_telegram::impl> {
    net::io_context io;
    tcp::acceptor acceptor{io};
    std::uint16_t port = 0;
    std::thread accept_thread;
    std::atomic<bool> stopping{false};
    std::atomic<bool> offline{false};

    mutable std::mutex mutex;
    mutable std::condition_variable changed;
    std::vector<recorded_call> log;
    struct script_entry {
        std::string method, chat_id;
        canned_reply reply;
        int times;
    };
    std::deque<script_entry> scripts;
    std::chrono::milliseconds delay{0};
    bool limits = false;
    double global_rate = 30, chat_rate = 1;
    int group_per_minute = 20;
    std::deque<steady::time_point> global_window;
    std::map<std::string, steady::time_point> last_by_chat;
    std::map<std::string, std::deque<steady::time_point>> group_windows;
    std::size_t limited = 0;
    std::deque<std::string> updates;
    bool confirmations_lost = false;

    // Whether a getUpdates body's offset is above an update still held (mutex held).
    bool confirms_any(const std::string& body) const {
        auto asked = json::parse(body, nullptr, false);
        auto offset = asked.is_object() ? asked.value("offset", std::int64_t{0}) : 0;
        for (auto& u : updates)
            if (offset > 0 && json::parse(u).value("update_id", std::int64_t{0}) < offset)
                return true;
        return false;
    }
    std::int64_t next_message_id = 1000;
    std::vector<std::thread> workers;

    void open(std::uint16_t wanted) {
        tcp::endpoint ep{net::ip::make_address("127.0.0.1"), wanted};
        acceptor.open(ep.protocol());
        acceptor.set_option(net::socket_base::reuse_address(true));
        acceptor.bind(ep);
        acceptor.listen();
        port = acceptor.local_endpoint().port();
    }

    // Workers keep the server state alive (they may outlive the fake, blocked on a keep-alive
    // connection) and own their socket only inside their body, so nothing they touch is freed
    // under them.
    void accept_loop(const std::shared_ptr<impl>& self) {
        while (!stopping) {
            beast::error_code ec;
            tcp::socket socket(io);
            acceptor.accept(socket, ec);
            if (ec) {
                if (stopping)
                    return;
                if (offline) {
                    std::this_thread::sleep_for(std::chrono::milliseconds(20));
                    continue;
                }
                continue;
            }
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
            if (ec || offline)
                return;
            auto reply = answer(req);
            if (reply.lost)
                return; // the connection closes without an answer
            if (reply.delay.count() > 0)
                std::this_thread::sleep_for(reply.delay);
            if (offline)
                return;
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

    canned_reply answer(const http::request<http::string_body>& req) {
        std::string target(req.target());
        // /bot<token>/<method>
        recorded_call call;
        call.at = steady::now();
        call.body = req.body();
        if (target.starts_with("/bot")) {
            auto slash = target.find('/', 4);
            call.token = target.substr(4, slash == std::string::npos ? std::string::npos : slash - 4);
            if (slash != std::string::npos)
                call.method = target.substr(slash + 1, target.find('?') - slash - 1);
        }
        auto j = json::parse(call.body, nullptr, false);
        if (j.is_object()) {
            if (j.contains("chat_id"))
                call.chat_id =
                    j["chat_id"].is_string() ? j["chat_id"].get<std::string>() : j["chat_id"].dump();
            if (j.contains("text") && j["text"].is_string())
                call.text = j["text"].get<std::string>();
        }
        std::unique_lock lock(mutex);
        canned_reply reply;
        reply.delay = delay;
        if (confirmations_lost && call.method == "getUpdates" && confirms_any(call.body)) {
            // Lost on the way: Telegram never sees the call, so its offset confirms nothing.
            call.status = 0;
            log.push_back(std::move(call));
            changed.notify_all();
            reply.lost = true;
            return reply;
        }
        bool scripted = false;
        for (auto it = scripts.begin(); it != scripts.end(); ++it) {
            if (it->method == call.method && (it->chat_id.empty() || it->chat_id == call.chat_id)) {
                reply = it->reply;
                if (reply.delay.count() == 0)
                    reply.delay = delay;
                if (--it->times <= 0)
                    scripts.erase(it);
                scripted = true;
                break;
            }
        }
        if (!scripted) {
            if (call.method == "getMe") {
                reply.body =
                    R"({"ok":true,"result":{"id":7000000001,"is_bot":true,"first_name":"To CNS Bot","username":"ToCNSBot"}})";
            } else if (call.method == "setWebhook" || call.method == "deleteWebhook" ||
                       call.method == "setMyCommands") {
                reply.body = R"({"ok":true,"result":true})";
            } else if (call.method == "getWebhookInfo") {
                reply.body = R"({"ok":true,"result":{"url":"https://bot.example.vn/telegram/webhook"}})";
            } else if (call.method == "getUpdates") {
                // As Telegram: an offset confirms, and drops unseen, every update below it; the
                // others stay and are offered again until a later call's offset confirms them.
                auto asked = json::parse(call.body, nullptr, false);
                auto offset = asked.is_object() ? asked.value("offset", std::int64_t{0}) : 0;
                std::erase_if(updates, [&](const std::string& u) {
                    return offset > 0 && json::parse(u).value("update_id", std::int64_t{0}) < offset;
                });
                json result = json::array();
                for (auto& u : updates)
                    if (result.size() < 100) // Telegram's default limit
                        result.push_back(json::parse(u));
                reply.body = json{{"ok", true}, {"result", result}}.dump();
                if (result.empty())
                    reply.delay = std::max(reply.delay, std::chrono::milliseconds(50));
            } else if (limits && !call.chat_id.empty() && over_limit(call.chat_id, call.at)) {
                ++limited;
                reply.status = 429;
                reply.body =
                    R"({"ok":false,"error_code":429,"description":"Too Many Requests: retry after 2","parameters":{"retry_after":2}})";
            } else if (call.method == "answerCallbackQuery") {
                reply.body = R"({"ok":true,"result":true})";
            } else {
                json result{{"message_id", ++next_message_id}, {"date", 1767225600}};
                if (!call.chat_id.empty())
                    result["chat"] = {{"id", call.chat_id}, {"type", "private"}};
                reply.body = json{{"ok", true}, {"result", result}}.dump();
            }
        }
        call.status = reply.status;
        log.push_back(std::move(call));
        changed.notify_all();
        return reply;
    }

    // Telegram's published limits, with 10% tolerance for network jitter.
    bool over_limit(const std::string& chat, steady::time_point now) {
        while (!global_window.empty() && global_window.front() <= now - std::chrono::seconds(1))
            global_window.pop_front();
        if (global_window.size() >= static_cast<std::size_t>(global_rate * 1.1))
            return true;
        auto last = last_by_chat.find(chat);
        auto min_gap = std::chrono::duration<double>(0.9 / chat_rate);
        if (last != last_by_chat.end() && now - last->second < min_gap)
            return true;
        bool group = !chat.empty() && chat[0] == '-';
        if (group) {
            auto& w = group_windows[chat];
            while (!w.empty() && w.front() <= now - std::chrono::seconds(60))
                w.pop_front();
            if (w.size() >= static_cast<std::size_t>(group_per_minute))
                return true;
            w.push_back(now);
        }
        global_window.push_back(now);
        last_by_chat[chat] = now;
        return false;
    }
};

fake_telegram::fake_telegram() : impl_(std::make_shared<impl>()) {
    impl_->open(0);
    impl_->accept_thread = std::thread([i = impl_] { i->accept_loop(i); });
}

fake_telegram::~fake_telegram() {
    impl_->stopping = true;
    beast::error_code ec;
    // Wake the blocking accept with a connection of our own.
    tcp::socket s(impl_->io);
    s.connect({net::ip::make_address("127.0.0.1"), impl_->port}, ec);
    impl_->acceptor.close(ec);
    if (impl_->accept_thread.joinable())
        impl_->accept_thread.join();
    std::vector<std::thread> workers;
    {
        std::lock_guard lock(impl_->mutex);
        workers = std::move(impl_->workers);
    }
    impl_->offline = true;
    for (auto& w : workers)
        w.detach(); // blocked in read on the bot's keep-alive connections; they end with the process
}

std::uint16_t fake_telegram::port() const {
    return impl_->port;
}
std::string fake_telegram::base_url() const {
    return "http://127.0.0.1:" + std::to_string(impl_->port);
}

std::vector<recorded_call> fake_telegram::calls() const {
    std::lock_guard lock(impl_->mutex);
    return impl_->log;
}

std::vector<recorded_call> fake_telegram::calls(const std::string& method) const {
    std::vector<recorded_call> out;
    for (auto& c : calls())
        if (c.method == method)
            out.push_back(c);
    return out;
}

std::size_t fake_telegram::count(const std::string& method) const {
    return calls(method).size();
}

bool fake_telegram::wait_for(const std::function<bool(const std::vector<recorded_call>&)>& pred,
                             std::chrono::milliseconds timeout) const {
    std::unique_lock lock(impl_->mutex);
    return impl_->changed.wait_for(lock, timeout, [&] { return pred(impl_->log); });
}

void fake_telegram::script(const std::string& method, const std::string& chat_id, canned_reply reply,
                           int times) {
    std::lock_guard lock(impl_->mutex);
    impl_->scripts.push_back({method, chat_id, std::move(reply), times});
}

void fake_telegram::set_delay(std::chrono::milliseconds delay) {
    std::lock_guard lock(impl_->mutex);
    impl_->delay = delay;
}

void fake_telegram::enforce_limits(bool on, double global_per_second, int per_group_per_minute,
                                   double per_chat_per_second) {
    std::lock_guard lock(impl_->mutex);
    impl_->limits = on;
    impl_->global_rate = global_per_second;
    impl_->group_per_minute = per_group_per_minute;
    impl_->chat_rate = per_chat_per_second;
}

std::size_t fake_telegram::rate_limited() const {
    std::lock_guard lock(impl_->mutex);
    return impl_->limited;
}

void fake_telegram::push_update(const std::string& update_json) {
    std::lock_guard lock(impl_->mutex);
    impl_->updates.push_back(update_json);
}

void fake_telegram::lose_confirmations(bool on) {
    std::lock_guard lock(impl_->mutex);
    impl_->confirmations_lost = on;
}

std::size_t fake_telegram::held_updates() const {
    std::lock_guard lock(impl_->mutex);
    return impl_->updates.size();
}

void fake_telegram::go_offline() {
    impl_->offline = true;
}
void fake_telegram::resume() {
    impl_->offline = false;
}

std::string private_update(std::int64_t update_id, std::int64_t chat, const std::string& text) {
    return nlohmann::json{
        {"update_id", update_id},
        {"message",
         {{"message_id", update_id},
          {"from", {{"id", chat}, {"is_bot", false}, {"first_name", "Lan"}, {"language_code", "vi"}}},
          {"chat", {{"id", chat}, {"type", "private"}, {"first_name", "Lan"}}},
          {"date", 1767225600},
          {"text", text}}}}
        .dump();
}

} // namespace cnscd::test
