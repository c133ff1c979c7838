#pragma once

// Counters and latency histograms, rendered in the Prometheus text format at /metrics.
// Updated from any thread (relaxed atomics).

#include "messages/incoming.hpp"

#include <array>
#include <atomic>
#include <cstdint>
#include <functional>
#include <string>
#include <utility>
#include <vector>

namespace cnscd {

class histogram {
public:
    static constexpr std::array<double, 14> bounds{0.0005, 0.001, 0.002, 0.005, 0.01, 0.025, 0.05,
                                                   0.1,    0.25,  0.5,   1,     2.5,  5,     10};
    void observe(double seconds);
    void render(std::string& out, const std::string& name, const std::string& labels) const;

private:
    std::array<std::atomic<std::uint64_t>, bounds.size() + 1> buckets_{};
    std::atomic<std::uint64_t> count_{0};
    std::atomic<std::uint64_t> sum_micros_{0};
};

using counter = std::atomic<std::uint64_t>;

class metrics {
public:
    static constexpr std::size_t channels = 4;

    struct per_channel {
        counter updates{0};            // accepted and committed
        counter duplicates{0};         // redeliveries recognised
        counter unauthorized{0};       // bad secret or signature
        counter bad_requests{0};       // malformed bodies
        counter ignored_events{0};     // unknown event types
        counter sends_ok{0};           // API calls that delivered (merged messages count once)
        counter messages_delivered{0}; // outbox rows delivered, each merged one too
        counter sends_failed{0};       // messages given up (a merged message counts once)
        counter messages_failed{0};    // outbox rows given up, each merged one too
        counter send_retries{0};       // transient failures retried
        counter rate_limited{0};       // 429 / flood answers
        counter poll_failures{0};      // getUpdates calls that failed (polling mode)
        histogram ack_latency;         // webhook receipt -> 200 sent
        histogram send_latency;        // API call duration
    };

    per_channel& of(channel c) { return by_channel_[static_cast<std::size_t>(c)]; }

    counter handler_errors{0};
    counter storage_errors{0}; // commits that failed (the update was refused with 503)
    counter http_rejected_connections{0};
    counter http_evicted_connections{0}; // waiting connections closed to admit a new one
    counter http_bad_requests{0};        // oversize, unparsable HTTP
    counter http_timeouts{0};            // requests begun and not finished within the read timeout
    histogram commit_latency;            // submit -> commit done

    // Live values read at render time.
    std::function<std::int64_t()> outbox_depth;
    std::function<std::int64_t()> open_connections;
    std::function<std::int64_t()> writer_queue;
    std::function<std::int64_t()> storage_ok; // 1 while the last commit succeeded, else 0
    // Failed commits by kind of fault ("disk_full", "locked", ...).
    std::function<std::vector<std::pair<std::string, std::uint64_t>>()> storage_failures;

    std::string render() const;

private:
    std::array<per_channel, channels> by_channel_{};
};

} // namespace cnscd
