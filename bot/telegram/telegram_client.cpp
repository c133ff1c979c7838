#include "bot/telegram/telegram_client.hpp"

#include "bot/sent_parts.hpp"
#include "bot/telegram/telegram_adapter.hpp"

#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>

#include <nlohmann/json.hpp>

#include <fstream>
#include <random>
#include <sstream>

namespace cnscd {
namespace {

delivery_result interpret(const http_result& r, const outgoing& m) {
    delivery_result d;
    if (!r.ok()) {
        d.what = delivery_result::outcome::retry;
        d.error = r.error;
        return d;
    }
    // The common answer, read without building a JSON document.
    if (r.status == 200 && r.body.starts_with(R"({"ok":true)")) {
        d.what = delivery_result::outcome::sent;
        if (auto at = r.body.find(R"("message_id":)"); at != std::string::npos) {
            auto start = at + 13;
            auto end = r.body.find_first_not_of("0123456789", start);
            d.message_ref = r.body.substr(start, end - start);
        }
        return d;
    }
    auto a = telegram::read_answer(r.status, r.body);
    if (a.ok) {
        d.what = delivery_result::outcome::sent;
        d.message_ref = a.message_id;
        return d;
    }
    d.error = a.description;
    if (a.error_code == 429 || r.status == 429) {
        d.what = delivery_result::outcome::rate_limited;
        d.retry_after_seconds = a.retry_after > 0 ? a.retry_after : 1;
    } else if (!a.migrate_to_chat_id.empty()) {
        d.what = delivery_result::outcome::chat_migrated;
        d.new_chat_id = a.migrate_to_chat_id;
    } else if (a.error_code == 403) {
        d.what = delivery_result::outcome::chat_gone;
    } else if (a.error_code == 400 && a.description.find("chat not found") != std::string::npos) {
        d.what = delivery_result::outcome::chat_gone;
    } else if (a.error_code == 400 && m.kind == outgoing_kind::edit &&
               a.description.find("not modified") != std::string::npos) {
        d.what = delivery_result::outcome::sent; // the text was already what we wanted
    } else if (a.error_code == 400) {
        d.what = delivery_result::outcome::permanent;
    } else {
        // 401/404 (token revoked or wrong), 5xx, or an answer that is not the Bot API's:
        // keep the message and try again later.
        d.what = delivery_result::outcome::retry;
    }
    return d;
}

// Telegram's 400 for a forum topic that is gone or closed to the bot.
bool topic_refused(const std::string& description) {
    return description.find("thread not found") != std::string::npos ||
           description.find("TOPIC_DELETED") != std::string::npos ||
           description.find("TOPIC_CLOSED") != std::string::npos;
}

class client_impl final : public telegram_client {
public:
    client_impl(boost::asio::io_context& io, const telegram_config& cfg)
        : io_(io), cfg_(cfg),
          http_(make_http_client(io, cfg.api_base, static_cast<std::size_t>(cfg.connections),
                                 static_cast<std::size_t>(cfg.pipeline_depth))) {
        prefix_ = base_path(cfg.api_base); // comes before /bot<token>/
    }

    channel platform() const override { return channel::telegram; }
    const rate_limits& limits() const override { return cfg_.limits; }
    const quiet_hours& quiet() const override { return cfg_.quiet; }

    void call(const std::string& method, std::string json_body, std::chrono::milliseconds timeout,
              std::function<void(http_result)> done) override {
        http_call c;
        c.target = prefix_ + "/bot" + cfg_.token + "/" + method;
        c.body = std::move(json_body);
        c.timeout = timeout;
        http_->request(std::move(c), std::move(done));
    }

    void deliver(const outgoing& m, const std::string& edit_ref,
                 std::function<void(delivery_result)> done) override {
        if (!m.thread_id.empty())
            // The topic was deleted or closed while the message waited: the group still reads
            // it in "General", where it is not lost.
            done = [this, m, edit_ref, done = std::move(done)](delivery_result d) mutable {
                if (d.what != delivery_result::outcome::permanent || !topic_refused(d.error))
                    return done(std::move(d));
                auto general = m;
                general.thread_id.clear();
                deliver(general, edit_ref, std::move(done));
            };
        auto calls = std::make_shared<std::vector<telegram::api_call>>(telegram::api_calls_for(m, edit_ref));
        if (calls->size() < 2)
            return send_parts(calls, 0, m, std::move(done), 0);
        // A retry of a long text resumes after the parts Telegram already showed.
        std::string key;
        for (auto& c : *calls)
            key += c.method + '\n' + c.json_body + '\n';
        auto first = std::min(sent_parts_.already_sent(key), calls->size() - 1);
        send_parts(
            calls, first, m,
            [this, key, done = std::move(done)](delivery_result d) {
                sent_parts_.settle(key, d.what);
                done(std::move(d));
            },
            0, key);
    }

    void stop() override { http_->stop(); }

private:
    // The parts of a long message go one by one. Later parts keep the chat's pace themselves
    // (the sender paces whole messages) and wait out a 429 here: retrying the whole message
    // would repeat the parts already delivered.
    void send_parts(std::shared_ptr<std::vector<telegram::api_call>> calls, std::size_t i, const outgoing& m,
                    std::function<void(delivery_result)> done, int waits, std::string key = {}) {
        auto& api = (*calls)[i];
        http_call c;
        c.target = prefix_ + "/bot" + cfg_.token + "/" + api.method;
        c.timeout = std::chrono::seconds(api.upload_path.empty() ? cfg_.send_timeout_seconds : 300);
        if (api.upload_path.empty()) {
            c.body = api.json_body;
        } else if (!multipart(api, c)) {
            delivery_result d;
            d.what = delivery_result::outcome::permanent;
            d.error = "cannot read the file to upload";
            return done(std::move(d));
        }
        http_->request(std::move(c), [this, calls, i, m, done = std::move(done), waits,
                                      key = std::move(key)](http_result r) mutable {
            auto d = interpret(r, m);
            if (i > 0 && d.what == delivery_result::outcome::rate_limited && waits < 3)
                return after(std::chrono::seconds(d.retry_after_seconds),
                             [this, calls, i, m, done = std::move(done), waits, key]() mutable {
                                 send_parts(calls, i, m, std::move(done), waits + 1, key);
                             });
            if (d.what != delivery_result::outcome::sent || calls->size() == 1)
                return done(std::move(d));
            if (i + 1 < calls->size())
                sent_parts_.note(key, i + 1);
            if (i + 1 == calls->size()) // the sender paced the first part; keep the pace after the last
                return after(part_gap(m),
                             [d = std::move(d), done = std::move(done)]() mutable { done(std::move(d)); });
            after(part_gap(m), [this, calls, i, m, done = std::move(done), key]() mutable {
                send_parts(calls, i + 1, m, std::move(done), 0, key);
            });
        });
    }

    std::chrono::milliseconds part_gap(const outgoing& m) const {
        if (!cfg_.limits.enabled)
            return std::chrono::milliseconds(0);
        double per_second =
            m.chat_type == chat_kind::group
                ? std::min(cfg_.limits.per_chat_per_second, cfg_.limits.per_group_per_minute / 60.0)
                : cfg_.limits.per_chat_per_second;
        return std::chrono::milliseconds(per_second > 0 ? static_cast<long>(1000 / per_second) : 0);
    }

    template <class F> void after(std::chrono::milliseconds delay, F fn) {
        if (delay.count() <= 0)
            return fn();
        auto timer = std::make_shared<boost::asio::steady_timer>(io_, delay);
        timer->async_wait([timer, fn = std::move(fn)](boost::system::error_code) mutable { fn(); });
    }

    // multipart/form-data: the JSON fields as form fields plus the file.
    static bool multipart(const telegram::api_call& api, http_call& c) {
        std::ifstream in(api.upload_path, std::ios::binary);
        if (!in)
            return false;
        std::stringstream file;
        file << in.rdbuf();
        std::mt19937_64 rng(std::random_device{}());
        auto boundary = "cnscd" + std::to_string(rng());
        std::string body;
        auto fields = nlohmann_fields(api.json_body);
        for (auto& [k, v] : fields)
            body += "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + k + "\"\r\n\r\n" + v +
                    "\r\n";
        auto name = api.upload_path.substr(api.upload_path.find_last_of('/') + 1);
        body += "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + api.upload_field +
                "\"; filename=\"" + name + "\"\r\nContent-Type: application/octet-stream\r\n\r\n";
        body += file.str();
        body += "\r\n--" + boundary + "--\r\n";
        c.content_type = "multipart/form-data; boundary=" + boundary;
        c.body = std::move(body);
        return true;
    }

    static std::vector<std::pair<std::string, std::string>> nlohmann_fields(const std::string& json_body) {
        std::vector<std::pair<std::string, std::string>> out;
        auto j = nlohmann::json::parse(json_body);
        for (auto& [k, v] : j.items())
            out.emplace_back(k, v.is_string() ? v.get<std::string>() : v.dump());
        return out;
    }

    boost::asio::io_context& io_;
    telegram_config cfg_;
    std::shared_ptr<http_client> http_;
    std::string prefix_;
    sent_parts sent_parts_;
};

} // namespace

std::unique_ptr<telegram_client> make_telegram_client(boost::asio::io_context& io,
                                                      const telegram_config& cfg) {
    return std::make_unique<client_impl>(io, cfg);
}

} // namespace cnscd
