#include "bot/outbox_sender.hpp"

#include "bot/metrics.hpp"
#include "messages/text_limit.hpp"
#include "storage/database.hpp"
#include "storage/outbox.hpp"
#include "storage/registry.hpp"
#include "storage/writer.hpp"

#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>

#include <spdlog/spdlog.h>

#include <algorithm>
#include <cmath>
#include <deque>
#include <map>
#include <random>
#include <set>
#include <unordered_map>

namespace cnscd {

namespace net = boost::asio;
using steady = std::chrono::steady_clock;
using ms = std::chrono::milliseconds;

namespace {

// Telegram counts messages over any one-second window, so sends are spread evenly (a bucket
// of one): a bucket holding a second's worth let up to twice the limit through in a window.
double global_burst(const rate_limits& limits) {
    return std::min(1.0, limits.global_per_second);
}

// A plain confirmation that may be joined with others for the same chat.
bool mergeable(const outgoing& m) {
    return !m.merge_key.empty() && m.kind == outgoing_kind::text && m.choices.empty();
}

// The last line of a text, with the line break before it; empty for a single line.
std::string_view last_line(std::string_view text) {
    auto nl = text.rfind('\n');
    return nl == std::string_view::npos ? std::string_view() : text.substr(nl);
}

// Adds confirmation `next` to `merged`, which ends with `previous`, unless that would make it
// longer than `limit` (the platform's, in its units: a merge the client then split in two
// showed a burst's confirmations in pieces). A last line both end with (the topic question in
// each confirmation of a burst) is said once, after the last that has it: thirty copies of the
// twelve-topic list buried the confirmations and took five messages.
bool merge_into(std::string& merged, std::size_t& merged_length, std::string_view previous,
                std::string_view next, std::size_t limit) {
    auto tail = last_line(previous);
    bool shared = !tail.empty() && last_line(next) == tail;
    auto tail_length = shared ? text_length(tail) : 0;
    auto length = merged_length - tail_length + 1 + text_length(next);
    if (length > limit)
        return false;
    merged.resize(merged.size() - (shared ? tail.size() : 0));
    merged_length = length;
    merged += '\n';
    merged += next;
    return true;
}

} // namespace

namespace {

std::int64_t unix_now() {
    return std::chrono::duration_cast<std::chrono::seconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

struct chat_state {
    chat_address address;
    bool group = false;
    std::deque<outbox_row> lanes[2]; // interactive, bulk
    bool busy = false;
    int busy_lane = 0; // the lane whose front is in flight while busy
    steady::time_point next_allowed{};
    std::deque<steady::time_point> window; // sends in the last minute (groups)
    steady::time_point last_activity{};
    // Where the scheduler holds it.
    enum class slot { none, ready, sleeping } where = slot::none;
    std::pair<std::int64_t, chat_state*> ready_key{};
    int ready_lane = 0;
    std::multimap<steady::time_point, chat_state*>::iterator sleep_it;

    bool empty() const { return lanes[0].empty() && lanes[1].empty(); }
    int head_lane() const { return lanes[0].empty() ? 1 : 0; }
    outbox_row& head() { return lanes[head_lane()].front(); }
};

struct platform_state {
    platform_client* client = nullptr;
    double tokens = 0;
    steady::time_point refilled{};
    std::unordered_map<std::string, std::unique_ptr<chat_state>> chats;
    std::set<std::pair<std::int64_t, chat_state*>> ready[2];
    std::multimap<steady::time_point, chat_state*> sleeping;
};

} // namespace

struct outbox_sender::impl : std::enable_shared_from_this<outbox_sender::impl> {
    net::io_context& io;
    writer& db_writer;
    const config& cfg;
    metrics& stats;
    delivery_hook hook;
    net::steady_timer timer;
    std::array<std::unique_ptr<platform_state>, 4> platforms{};
    std::atomic<std::int64_t> queued{0};
    std::size_t in_flight = 0;
    bool stopping = false;
    std::function<void()> on_stopped;
    std::unique_ptr<net::steady_timer> grace_timer;
    std::map<std::int64_t, std::string> sent_refs; // recent outbox id -> platform message id
    std::vector<std::function<void(database&)>> pending_records;
    bool flush_posted = false;
    steady::time_point armed_for = steady::time_point::max();
    steady::time_point last_sweep = steady::now();
    std::mt19937 rng{std::random_device{}()};

    impl(net::io_context& io_, writer& w, const config& c, metrics& m, delivery_hook h)
        : io(io_), db_writer(w), cfg(c), stats(m), hook(std::move(h)), timer(io_) {}

    platform_state* state_of(channel c) { return platforms[static_cast<std::size_t>(c)].get(); }

    // ------------------------------------------------------------ scheduling

    void unslot(platform_state& p, chat_state& c) {
        if (c.where == chat_state::slot::ready)
            p.ready[c.ready_lane].erase(c.ready_key);
        else if (c.where == chat_state::slot::sleeping)
            p.sleeping.erase(c.sleep_it);
        c.where = chat_state::slot::none;
    }

    // Local hour of day in the configured zone.
    int local_hour() const {
        auto t = unix_now() + cfg.utc_offset_minutes * 60LL;
        return static_cast<int>((t % 86400 + 86400) % 86400 / 3600);
    }

    bool in_quiet_hours(const quiet_hours& q) const { return q.contains(local_hour()); }

    // When may this chat send its head row?
    steady::time_point earliest(platform_state& p, chat_state& c, steady::time_point now) {
        auto t = c.next_allowed;
        auto& head = c.head();
        if (head.message.not_before > 0) {
            auto wait = head.message.not_before - unix_now();
            if (wait > 0)
                t = std::max(t, now + std::chrono::seconds(wait));
        }
        auto& limits = p.client->limits();
        if (c.group && limits.enabled) {
            while (!c.window.empty() && c.window.front() <= now - std::chrono::seconds(60))
                c.window.pop_front();
            auto limit = static_cast<std::size_t>(limits.per_group_per_minute);
            if (c.window.size() >= limit) {
                t = std::max(t, c.window.front() + std::chrono::seconds(60));
            } else if (c.window.size() * 2 >= limit && c.head_lane() == 0 && mergeable(head.message)) {
                // Half the minute's messages used: the rest are spread over what is left of it,
                // so confirmations wait seconds and leave merged, not a minute behind a full window.
                auto left = static_cast<steady::rep>(limit - c.window.size());
                auto spacing = (c.window.front() + std::chrono::seconds(60) - now) / left;
                t = std::max(t, c.window.back() + spacing);
            }
        }
        if (c.head_lane() == 1 && in_quiet_hours(p.client->quiet()))
            t = std::max(t, now + std::chrono::minutes(5)); // look again later
        return t;
    }

    void reschedule(platform_state& p, chat_state& c) {
        unslot(p, c);
        if (c.busy || c.empty())
            return;
        auto now = steady::now();
        auto t = earliest(p, c, now);
        if (t <= now) {
            c.ready_lane = c.head_lane();
            c.ready_key = {c.head().id, &c};
            p.ready[c.ready_lane].insert(c.ready_key);
            c.where = chat_state::slot::ready;
        } else {
            c.sleep_it = p.sleeping.emplace(t, &c);
            c.where = chat_state::slot::sleeping;
        }
    }

    void pump() {
        if (stopping)
            return;
        auto now = steady::now();
        auto next_wake = steady::time_point::max();
        for (auto& ps : platforms) {
            if (!ps)
                continue;
            auto& p = *ps;
            while (!p.sleeping.empty() && p.sleeping.begin()->first <= now) {
                auto* c = p.sleeping.begin()->second;
                p.sleeping.erase(p.sleeping.begin());
                c->where = chat_state::slot::none;
                reschedule(p, *c);
            }
            auto& limits = p.client->limits();
            if (limits.enabled) {
                double burst = global_burst(limits);
                double elapsed = std::chrono::duration<double>(now - p.refilled).count();
                p.tokens = std::min(burst, p.tokens + elapsed * limits.global_per_second);
                p.refilled = now;
            }
            while (!p.ready[0].empty() || !p.ready[1].empty()) {
                if (limits.enabled && p.tokens < 1) {
                    auto wait = std::chrono::duration<double>((1 - p.tokens) / limits.global_per_second);
                    next_wake = std::min(next_wake, now + std::chrono::duration_cast<steady::duration>(wait));
                    break;
                }
                auto& lane = p.ready[0].empty() ? p.ready[1] : p.ready[0];
                auto* c = lane.begin()->second;
                lane.erase(lane.begin());
                c->where = chat_state::slot::none;
                if (limits.enabled)
                    p.tokens -= 1;
                launch(p, *c, now);
            }
            if (!p.sleeping.empty())
                next_wake = std::min(next_wake, p.sleeping.begin()->first);
        }
        if (now - last_sweep > std::chrono::seconds(30))
            sweep(now);
        arm(next_wake);
    }

    void arm(steady::time_point when) {
        if (when == steady::time_point::max() || when >= armed_for)
            return;
        armed_for = when;
        timer.expires_at(when);
        timer.async_wait([self = shared_from_this()](boost::system::error_code ec) {
            if (ec)
                return;
            self->armed_for = steady::time_point::max();
            self->pump();
        });
    }

    // Forgets idle chats so a 10,000-group broadcast does not keep 10,000 entries forever.
    void sweep(steady::time_point now) {
        last_sweep = now;
        for (auto& ps : platforms) {
            if (!ps)
                continue;
            std::erase_if(ps->chats, [&](auto& kv) {
                auto& c = *kv.second;
                return c.empty() && !c.busy && c.where == chat_state::slot::none &&
                       now - c.last_activity > std::chrono::seconds(90);
            });
        }
    }

    // ------------------------------------------------------------ sending

    void launch(platform_state& p, chat_state& c, steady::time_point now) {
        c.busy = true;
        c.last_activity = now;
        int lane = c.head_lane();
        c.busy_lane = lane;
        auto& q = c.lanes[lane];
        // Join confirmations that queued up behind this chat's limit into one message.
        std::vector<std::int64_t> merged;
        outgoing message = q.front().message;
        if (lane == 0 && mergeable(message)) {
            auto length = text_length(message.text);
            for (std::size_t i = 1; i < q.size(); ++i) {
                auto& next = q[i].message;
                // Not across forum topics: the joined message can show in one topic only, and
                // members reading another would never see their confirmation.
                if (next.merge_key != message.merge_key || next.thread_id != message.thread_id ||
                    !mergeable(next) ||
                    !merge_into(message.text, length, q[i - 1].message.text, next.text,
                                text_limit(p.client->platform())))
                    break;
                merged.push_back(q[i].id);
            }
        }
        auto& limits = p.client->limits();
        if (limits.enabled) {
            c.next_allowed = now + std::chrono::duration_cast<steady::duration>(
                                       std::chrono::duration<double>(1.0 / limits.per_chat_per_second));
            if (c.group)
                c.window.push_back(now);
        }
        std::string edit_ref = message.edit_message_ref;
        if (message.kind == outgoing_kind::edit && edit_ref.empty() && message.edit_outbox_id) {
            auto it = sent_refs.find(message.edit_outbox_id);
            if (it == sent_refs.end()) {
                lookup_edit_target(p, c, message.edit_outbox_id);
                return;
            }
            edit_ref = it->second;
        }
        ++in_flight;
        auto started = steady::now();
        auto platform = p.client->platform();
        auto chat_id = c.address.chat_id;
        auto head_id = q.front().id;
        p.client->deliver(message, edit_ref,
                          [self = shared_from_this(), platform, chat_id, head_id, lane,
                           merged = std::move(merged), started](delivery_result r) mutable {
                              self->on_result(platform, chat_id, head_id, lane, merged, started,
                                              std::move(r));
                          });
    }

    // The message to edit was sent by a row we no longer remember (e.g. after a restart).
    void lookup_edit_target(platform_state& p, chat_state& c, std::int64_t target) {
        auto self = shared_from_this();
        auto platform = p.client->platform();
        auto chat_id = c.address.chat_id;
        auto status = std::make_shared<std::optional<delivery_status>>();
        db_writer.submit(
            [status, target](database& db) { *status = outbox(db).status(target); },
            [self, status, platform, chat_id, target](job_outcome, const std::string&) {
                net::post(self->io, [self, status, platform, chat_id, target] {
                    auto* p = self->state_of(platform);
                    auto it = p->chats.find(chat_id);
                    if (it == p->chats.end())
                        return;
                    auto& c = *it->second;
                    c.busy = false;
                    auto& s = *status;
                    if (s && (s->state == delivery_state::sent || s->state == delivery_state::merged) &&
                        !s->message_ref.empty()) {
                        self->sent_refs[target] = s->message_ref;
                    } else if (!s || s->state == delivery_state::failed ||
                               s->state == delivery_state::cancelled) {
                        // Nothing to edit: the original never arrived.
                        delivery_result r;
                        r.what = delivery_result::outcome::permanent;
                        r.error = "the message to edit was never delivered";
                        self->finish_head(*p, c, c.head_lane(), {}, r);
                    } else {
                        c.next_allowed = steady::now() + std::chrono::seconds(1);
                    }
                    self->reschedule(*p, c);
                    self->pump();
                });
            });
    }

    std::int64_t backoff_ms(int attempts) {
        double base = cfg.outbox.retry_base_ms * std::pow(2.0, std::min(attempts - 1, 20));
        base = std::min(base, static_cast<double>(cfg.outbox.retry_max_ms));
        std::uniform_real_distribution<double> jitter(0.8, 1.2);
        return static_cast<std::int64_t>(base * jitter(rng));
    }

    void on_result(channel platform, const std::string& chat_id, std::int64_t head_id, int lane,
                   const std::vector<std::int64_t>& merged, steady::time_point started, delivery_result r) {
        --in_flight;
        auto& per = stats.of(platform);
        per.send_latency.observe(std::chrono::duration<double>(steady::now() - started).count());
        auto* p = state_of(platform);
        auto it = p->chats.find(chat_id);
        if (it == p->chats.end() || it->second->lanes[lane].empty() ||
            it->second->lanes[lane].front().id != head_id) {
            maybe_stopped();
            return;
        }
        auto& c = *it->second;
        c.busy = false;
        auto now = steady::now();
        using o = delivery_result::outcome;
        switch (r.what) {
        case o::sent:
            ++per.sends_ok;
            per.messages_delivered += 1 + merged.size();
            spdlog::debug("{}: outbox row {} sent to chat {}", channel_name(platform), head_id, chat_id);
            finish_head(*p, c, lane, merged, r);
            break;
        case o::rate_limited: {
            ++per.rate_limited;
            c.next_allowed = now + std::chrono::seconds(r.retry_after_seconds);
            spdlog::warn("{}: 429 for chat {}, waiting {} s", channel_name(platform), chat_id,
                         r.retry_after_seconds);
            // Recorded on the row, so a restart meanwhile waits too: sending early earns another
            // 429 and, repeated, a longer wait.
            auto& row = c.lanes[lane].front();
            // Whole seconds: one more, so that the wait is never shorter than asked.
            row.message.not_before = unix_now() + r.retry_after_seconds + 1;
            record([id = row.id, nb = row.message.not_before, attempts = row.attempts](database& db) {
                outbox(db).reschedule(id, nb, attempts, "429 Too Many Requests");
            });
            break;
        }
        case o::retry: {
            auto& row = c.lanes[lane].front();
            ++row.attempts;
            // The platform unreachable for a while (network, 5xx) is not the message's fault: keep
            // trying until it is both tried enough and old, so an outage of hours loses nothing.
            // A refused token is no fault of the message either: it waits for the fix.
            if (!r.bot_refused && row.attempts >= cfg.outbox.max_attempts &&
                unix_now() - row.created_at >= cfg.outbox.give_up_after_seconds) {
                ++per.sends_failed;
                ++per.messages_failed;
                spdlog::error("{}: giving up on outbox row {} after {} attempts in {} s: {}",
                              channel_name(platform), row.id, row.attempts, unix_now() - row.created_at,
                              r.error);
                r.what = o::permanent;
                finish_head(*p, c, lane, {}, r);
            } else {
                ++per.send_retries;
                auto wait = backoff_ms(row.attempts);
                c.next_allowed = now + ms(wait);
                spdlog::log(r.bot_refused ? spdlog::level::debug : spdlog::level::warn,
                            "{}: send failed ({}), retry {} in {} ms", channel_name(platform), r.error,
                            row.attempts, wait);
                record([id = row.id, attempts = row.attempts, err = r.error](database& db) {
                    outbox(db).reschedule(id, 0, attempts, err);
                });
            }
            break;
        }
        case o::reschedule: {
            auto& row = c.lanes[lane].front();
            row.message.not_before = r.not_before;
            record([id = row.id, nb = r.not_before, attempts = row.attempts, err = r.error](database& db) {
                outbox(db).reschedule(id, nb, attempts, err);
            });
            break;
        }
        case o::chat_gone: {
            // Logged where the group's team can be read, so the operator knows whose group it was.
            record([platform, chat_id, err = r.error, at = unix_now(),
                    queued = c.lanes[0].size() + c.lanes[1].size()](database& db) {
                outbox(db).mark_chat_inactive(platform, chat_id, err, at);
                std::string whose;
                if (auto g = group_store(db).find({platform, chat_id}); g && g->team_id)
                    if (auto t = team_store(db).by_id(*g->team_id))
                        whose = " (the group of " + t->name + ")";
                spdlog::warn("{}: chat {}{} is gone ({}); dropping its {} queued message(s)",
                             channel_name(platform), chat_id, whose, err, queued);
            });
            for (int l : {0, 1})
                while (!c.lanes[l].empty()) {
                    ++per.sends_failed;
                    ++per.messages_failed;
                    finish_head(*p, c, l, {}, r);
                }
            break;
        }
        case o::chat_migrated:
            migrate(*p, c, r.new_chat_id);
            maybe_stopped();
            pump();
            return;
        case o::permanent:
            ++per.sends_failed;
            per.messages_failed += 1 + merged.size();
            spdlog::warn("{}: outbox row {} refused: {}", channel_name(platform), head_id, r.error);
            finish_head(*p, c, lane, merged, r);
            break;
        }
        reschedule(*p, c);
        maybe_stopped();
        pump();
    }

    // Removes the head row (and rows merged into it) and records the final outcome.
    void finish_head(platform_state&, chat_state& c, int lane, const std::vector<std::int64_t>& merged,
                     const delivery_result& r) {
        auto row = std::move(c.lanes[lane].front());
        c.lanes[lane].pop_front();
        --queued;
        std::vector<outbox_row> merged_rows;
        for (auto id : merged) {
            if (!c.lanes[lane].empty() && c.lanes[lane].front().id == id) {
                merged_rows.push_back(std::move(c.lanes[lane].front()));
                c.lanes[lane].pop_front();
                --queued;
            }
        }
        bool sent = r.what == delivery_result::outcome::sent;
        if (sent && !r.message_ref.empty()) {
            // Only recent messages get edited; older ones are looked up in the database.
            sent_refs[row.id] = r.message_ref;
            if (sent_refs.size() > 4096)
                sent_refs.erase(sent_refs.begin());
        }
        auto at = unix_now();
        record([this, row = std::move(row), merged_rows = std::move(merged_rows), r, sent, at](database& db) {
            outbox box(db);
            if (sent)
                box.mark_sent(row.id, r.message_ref, at);
            else
                box.mark_failed(row.id, r.error.empty() ? "failed" : r.error, at);
            // A row merged into a message that failed did not arrive either: it is failed, with
            // the reason, so an operator's count of failed rows matches what users missed.
            for (auto& m : merged_rows) {
                if (sent)
                    box.mark_merged(m.id, row.id, at);
                else
                    box.mark_failed(m.id,
                                    "merged into #" + std::to_string(row.id) + ": " +
                                        (r.error.empty() ? "failed" : r.error),
                                    at);
            }
            if (hook) {
                bool gone = r.what == delivery_result::outcome::chat_gone;
                hook(db, {row, sent, r.message_ref, r.error, gone, at, r.outside_window});
                for (auto& m : merged_rows)
                    hook(db, {m, sent, r.message_ref, r.error, gone, at, r.outside_window});
            }
        });
    }

    void migrate(platform_state& p, chat_state& c, const std::string& new_id) {
        spdlog::info("{}: chat {} became {}; resending there", channel_name(c.address.platform),
                     c.address.chat_id, new_id);
        auto old_id = c.address.chat_id;
        auto platform = c.address.platform;
        record([platform, old_id, new_id](database& db) {
            outbox(db).rekey_chat(platform, old_id, new_id);
            group_store(db).migrate({platform, old_id}, new_id);
        });
        unslot(p, c);
        auto node = p.chats.extract(old_id);
        auto& target = p.chats[new_id];
        if (!target) {
            target = std::move(node.mapped());
            target->address.chat_id = new_id;
            target->busy = false;
            for (auto& lane : target->lanes)
                for (auto& row : lane)
                    row.message.to.chat_id = new_id;
        } else {
            for (int l : {0, 1}) {
                for (auto& row : node.mapped()->lanes[l]) {
                    row.message.to.chat_id = new_id;
                    target->lanes[l].push_back(std::move(row));
                }
                std::sort(target->lanes[l].begin(), target->lanes[l].end(),
                          [](auto& a, auto& b) { return a.id < b.id; });
            }
        }
        reschedule(p, *target);
    }

    // ------------------------------------------------------------ recording

    void record(std::function<void(database&)> fn) {
        pending_records.push_back(std::move(fn));
        if (flush_posted)
            return;
        flush_posted = true;
        // Outcomes that arrive in the same loop turn share one writer job.
        net::post(io, [self = shared_from_this()] { self->flush(); });
    }

    void flush() {
        flush_posted = false;
        if (pending_records.empty())
            return;
        auto batch =
            std::make_shared<std::vector<std::function<void(database&)>>>(std::move(pending_records));
        pending_records.clear();
        db_writer.submit(
            [batch](database& db) {
                for (auto& fn : *batch)
                    fn(db);
            },
            [self = shared_from_this(), batch](job_outcome outcome, const std::string& error) {
                if (outcome == job_outcome::committed)
                    return;
                spdlog::error("outbox: recording {} delivery outcome(s) failed: {}", batch->size(), error);
                if (outcome != job_outcome::storage_failed)
                    return;
                // The database refused the commit (disk full, locked): nothing of it was written, so
                // the same records are tried again, or the sent rows would be sent again after a restart.
                // They wait with the records that come meanwhile (a stop flushes them all).
                net::post(self->io, [self, batch] {
                    self->pending_records.insert(self->pending_records.begin(), batch->begin(), batch->end());
                    if (self->flush_posted)
                        return;
                    self->flush_posted = true;
                    auto wait = std::make_shared<net::steady_timer>(self->io, std::chrono::seconds(1));
                    wait->async_wait([self, wait](boost::system::error_code) { self->flush(); });
                });
            });
    }

    void maybe_stopped() {
        if (stopping && in_flight == 0 && on_stopped) {
            flush();
            auto done = std::move(on_stopped);
            on_stopped = nullptr;
            if (grace_timer)
                grace_timer->cancel();
            done();
        }
    }

    // A group's sends from the previous run still count in its one-minute window. The database
    // keeps whole seconds, so each is taken as late as it may have been.
    void seed_window(const group_send& sent) {
        auto* p = state_of(sent.platform);
        if (!p)
            return;
        auto& slot = p->chats[sent.chat_id];
        if (!slot) {
            slot = std::make_unique<chat_state>();
            slot->address = {sent.platform, sent.chat_id};
        }
        auto& c = *slot;
        c.group = true;
        auto now = steady::now();
        auto age = std::chrono::system_clock::now() -
                   std::chrono::system_clock::time_point(std::chrono::seconds(sent.sent_at + 1));
        auto at = now - std::chrono::duration_cast<steady::duration>(std::max(age, decltype(age)::zero()));
        c.window.insert(std::upper_bound(c.window.begin(), c.window.end(), at), at);
        c.last_activity = now;
    }

    void add(const outbox_row& row) {
        auto* p = state_of(row.message.to.platform);
        if (!p) {
            // The console's rows are the `chat` session's to show, not an error of the server's.
            if (row.message.to.platform == channel::console)
                spdlog::debug("outbox: row {} is for the console; left to `cnscd-bot chat`", row.id);
            else
                spdlog::error("outbox: row {} is for {}, which is not configured; it stays queued", row.id,
                              channel_name(row.message.to.platform));
            return;
        }
        auto& slot = p->chats[row.message.to.chat_id];
        if (!slot) {
            slot = std::make_unique<chat_state>();
            slot->address = row.message.to;
        }
        auto& c = *slot;
        c.group = c.group || row.message.chat_type == chat_kind::group;
        auto& lane = c.lanes[row.message.priority == lane::interactive ? 0 : 1];
        if (!lane.empty() && lane.back().id > row.id) {
            // Loaded rows and fresh rows can interleave at start-up: keep id order.
            auto pos = std::upper_bound(lane.begin(), lane.end(), row.id,
                                        [](std::int64_t id, const outbox_row& r) { return id < r.id; });
            if (pos != lane.end() && pos != lane.begin() && std::prev(pos)->id == row.id)
                return;
            lane.insert(pos, row);
        } else if (!lane.empty() && lane.back().id == row.id) {
            return; // already queued
        } else {
            lane.push_back(row);
        }
        ++queued;
        c.last_activity = steady::now();
        reschedule(*p, c);
    }
};

outbox_sender::outbox_sender(net::io_context& io, writer& w, const config& cfg, metrics& m,
                             delivery_hook hook)
    : impl_(std::make_shared<impl>(io, w, cfg, m, std::move(hook))) {}

outbox_sender::~outbox_sender() {
    impl_->timer.cancel();
}

void outbox_sender::add_client(platform_client& client) {
    auto p = std::make_unique<platform_state>();
    p->client = &client;
    p->tokens = global_burst(client.limits());
    p->refilled = steady::now();
    impl_->platforms[static_cast<std::size_t>(client.platform())] = std::move(p);
}

void outbox_sender::enqueue(const outbox_row& row) {
    net::post(impl_->io, [self = impl_, row] {
        self->add(row);
        self->pump();
    });
}

void outbox_sender::withdraw(const std::vector<std::int64_t>& row_ids) {
    net::post(impl_->io, [self = impl_, ids = std::set<std::int64_t>(row_ids.begin(), row_ids.end())] {
        for (auto& ps : self->platforms) {
            if (!ps)
                continue;
            for (auto& [id, slot] : ps->chats) {
                auto& c = *slot;
                std::size_t removed = 0;
                for (int l : {0, 1}) {
                    auto& lane = c.lanes[l];
                    auto first = lane.begin() + (c.busy && c.busy_lane == l && !lane.empty() ? 1 : 0);
                    auto kept =
                        std::remove_if(first, lane.end(), [&](auto& r) { return ids.contains(r.id); });
                    removed += static_cast<std::size_t>(lane.end() - kept);
                    lane.erase(kept, lane.end());
                }
                if (removed == 0)
                    continue;
                self->queued -= static_cast<std::int64_t>(removed);
                self->reschedule(*ps, c);
            }
        }
        self->pump();
    });
}

void outbox_sender::load_pending() {
    std::vector<outbox_row> rows;
    std::vector<group_send> recent;
    impl_->db_writer.run_sync([&](database& db) {
        outbox box(db);
        rows = box.pending();
        recent = box.group_sends_since(unix_now() - 61);
    });
    if (!rows.empty())
        spdlog::info("outbox: {} message(s) left from the previous run will be sent", rows.size());
    net::post(impl_->io, [self = impl_, rows = std::move(rows), recent = std::move(recent)] {
        for (auto& s : recent)
            self->seed_window(s);
        for (auto& r : rows)
            self->add(r);
        self->pump();
    });
}

void outbox_sender::stop(std::chrono::milliseconds grace, std::function<void()> done) {
    net::post(impl_->io, [self = impl_, grace, done = std::move(done)]() mutable {
        self->stopping = true;
        self->timer.cancel();
        self->on_stopped = std::move(done);
        if (self->in_flight == 0) {
            self->maybe_stopped();
            return;
        }
        spdlog::info("outbox: waiting up to {} ms for {} send(s) in flight", grace.count(), self->in_flight);
        self->grace_timer = std::make_unique<net::steady_timer>(self->io, grace);
        self->grace_timer->async_wait([self](boost::system::error_code ec) {
            if (ec || !self->on_stopped)
                return;
            spdlog::warn("outbox: {} send(s) still in flight at shutdown; they will be retried on start",
                         self->in_flight);
            self->flush();
            auto d = std::move(self->on_stopped);
            self->on_stopped = nullptr;
            d();
        });
    });
}

std::int64_t outbox_sender::depth() const {
    return impl_->queued.load();
}

} // namespace cnscd
