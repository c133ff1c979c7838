#include "bot/zalo/zalo_oa_client.hpp"

#include "bot/http/http_client.hpp"
#include "bot/sent_parts.hpp"
#include "bot/zalo/zalo_oa_adapter.hpp"
#include "bot/zalo/zalo_oa_tokens.hpp"

#include <algorithm>
#include <chrono>
#include <fstream>
#include <optional>
#include <random>
#include <sstream>
#include <vector>

namespace cnscd {
namespace {

std::int64_t unix_now() {
    return std::chrono::duration_cast<std::chrono::seconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

class client_impl final : public platform_client {
public:
    client_impl(boost::asio::io_context& io, const zalo_oa_config& cfg, int utc_offset_minutes,
                zalo_oa_tokens& tokens)
        : cfg_(cfg), offset_(utc_offset_minutes), tokens_(tokens),
          http_(make_http_client(io, cfg.api_base, 4, 1)) {
        prefix_ = base_path(cfg.api_base); // comes before /v3.0/...
    }

    channel platform() const override { return channel::zalo_oa; }
    const rate_limits& limits() const override { return cfg_.limits; }
    const quiet_hours& quiet() const override { return cfg_.quiet; }

    void deliver(const outgoing& m, const std::string&, std::function<void(delivery_result)> done) override {
        auto j = std::make_shared<job>();
        j->message = m;
        j->calls = zalo_oa::api_calls_for(m);
        j->upload = zalo_oa::upload_for(m);
        j->fail_after = zalo_oa::undeliverable_file(m);
        if (j->calls.empty() && !j->upload && !j->fail_after)
            return done(delivery_result{}); // nothing Zalo can show (a button acknowledgement)
        // A retry of a long text resumes after the parts Zalo already showed.
        for (auto& c : j->calls)
            j->key += c.path + '\n' + c.json_body + '\n';
        j->done = [this, key = j->key, done = std::move(done)](delivery_result d) {
            sent_parts_.settle(key, d.what);
            done(std::move(d));
        };
        run(j, std::min(sent_parts_.already_sent(j->key), j->calls.size()));
    }

    void stop() override { http_->stop(); }

private:
    // One delivery: its text calls, then (for a local file) the upload and the attachment.
    struct job {
        outgoing message;
        std::vector<zalo_oa::api_call> calls;
        std::optional<zalo_oa::upload_plan> upload;
        bool uploaded = false;
        std::optional<std::string> fail_after; // the caption went; the file could not
        std::string key;                       // the text calls, for sent_parts
        std::function<void(delivery_result)> done;
    };

    void run(std::shared_ptr<job> j, std::size_t i) {
        if (i < j->calls.size()) {
            auto& api = j->calls[i];
            return call_oa(
                [this, path = api.path, body = api.json_body] {
                    http_call c;
                    c.target = prefix_ + path;
                    c.body = body;
                    return c;
                },
                false,
                [this, j, i](delivery_result d) {
                    if (d.what != delivery_result::outcome::sent ||
                        (i + 1 == j->calls.size() && !pending_upload(*j) && !j->fail_after))
                        return j->done(std::move(d));
                    sent_parts_.note(j->key, i + 1);
                    run(j, i + 1);
                });
        }
        if (j->fail_after) {
            delivery_result d;
            d.what = delivery_result::outcome::permanent;
            d.error = *j->fail_after;
            return j->done(std::move(d));
        }
        if (!pending_upload(*j))
            return j->done(delivery_result{});
        auto form = multipart(*j->upload);
        if (!form) {
            delivery_result d;
            d.what = delivery_result::outcome::permanent;
            d.error = "cannot read the file to upload: " + j->upload->file_name;
            return j->done(std::move(d));
        }
        call_oa(
            [this, j, form] {
                http_call c;
                c.target = prefix_ + j->upload->path;
                c.content_type = form->first;
                c.body = form->second;
                c.timeout = std::chrono::seconds(120);
                return c;
            },
            false,
            [this, j, i](delivery_result d) {
                if (d.what != delivery_result::outcome::sent)
                    return j->done(std::move(d));
                auto attach = zalo_oa::attachment_call(j->message, *j->upload, d.message_ref);
                if (!attach) {
                    d.what = delivery_result::outcome::permanent;
                    d.error = attach.error();
                    return j->done(std::move(d));
                }
                j->uploaded = true;
                j->calls.push_back(std::move(*attach));
                run(j, i);
            },
            true);
    }

    static bool pending_upload(const job& j) { return j.upload && !j.uploaded; }

    // multipart/form-data with the file as field "file": content type and body.
    static std::optional<std::pair<std::string, std::string>> multipart(const zalo_oa::upload_plan& plan) {
        std::ifstream in(plan.local_path, std::ios::binary);
        if (!in)
            return std::nullopt;
        std::stringstream file;
        file << in.rdbuf();
        std::mt19937_64 rng(std::random_device{}());
        auto boundary = "cnscd" + std::to_string(rng());
        std::string body = "--" + boundary +
                           "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + plan.file_name +
                           "\"\r\nContent-Type: application/octet-stream\r\n\r\n" + file.str() + "\r\n--" +
                           boundary + "--\r\n";
        return std::pair{"multipart/form-data; boundary=" + boundary, std::move(body)};
    }

    // One OA call with the current access token. A token error refreshes the token once (or
    // just resends when another refresh already replaced it). `raw_answer`: hand the whole
    // answer body to `done` in message_ref (uploads need it).
    void call_oa(std::function<http_call()> make, bool refreshed, std::function<void(delivery_result)> done,
                 bool raw_answer = false) {
        if (tokens_.access_token().empty()) {
            delivery_result d;
            d.what = delivery_result::outcome::retry;
            d.error = "no Zalo OA access token. " + std::string(tokens_.missing_token_hint());
            return done(std::move(d));
        }
        auto c = make();
        auto used = tokens_.access_token();
        c.headers.emplace_back("access_token", used);
        http_->request(std::move(c), [this, make = std::move(make), refreshed, used, raw_answer,
                                      done = std::move(done)](http_result r) mutable {
            zalo_oa::api_answer a;
            if (!r.ok()) {
                a.kind = zalo_oa::answer_kind::retry;
                a.message = r.error;
            } else {
                a = zalo_oa::read_answer(r.status, r.body);
            }
            if (a.kind == zalo_oa::answer_kind::token && !refreshed && tokens_.access_token() != used)
                return call_oa(std::move(make), true, std::move(done), raw_answer); // refreshed meanwhile
            if (a.kind == zalo_oa::answer_kind::token && !refreshed) {
                // Refresh once (shared with other senders), then resend.
                return tokens_.refresh(
                    [this, make = std::move(make), done = std::move(done), a, raw_answer](bool ok) mutable {
                        if (ok)
                            return call_oa(std::move(make), true, std::move(done), raw_answer);
                        auto d = zalo_oa::to_delivery(a, unix_now(), offset_);
                        d.error += ". " + std::string(zalo_oa::reauthorise_hint);
                        done(std::move(d));
                    });
            }
            auto d = zalo_oa::to_delivery(a, unix_now(), offset_);
            if (!r.ok())
                d.error = r.error;
            if (raw_answer && d.what == delivery_result::outcome::sent)
                d.message_ref = r.body;
            done(std::move(d));
        });
    }

    zalo_oa_config cfg_;
    int offset_;
    zalo_oa_tokens& tokens_;
    std::shared_ptr<http_client> http_;
    std::string prefix_;
    sent_parts sent_parts_;
};

} // namespace

std::unique_ptr<platform_client> make_zalo_oa_client(boost::asio::io_context& io, const zalo_oa_config& cfg,
                                                     int utc_offset_minutes, zalo_oa_tokens& tokens) {
    return std::make_unique<client_impl>(io, cfg, utc_offset_minutes, tokens);
}

} // namespace cnscd
