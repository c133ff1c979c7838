#include "bot/metrics.hpp"

#include <cstdio>

namespace cnscd {

void histogram::observe(double seconds) {
    std::size_t i = 0;
    while (i < bounds.size() && seconds > bounds[i])
        ++i;
    buckets_[i].fetch_add(1, std::memory_order_relaxed);
    count_.fetch_add(1, std::memory_order_relaxed);
    sum_micros_.fetch_add(static_cast<std::uint64_t>(seconds * 1e6), std::memory_order_relaxed);
}

void histogram::render(std::string& out, const std::string& name, const std::string& labels) const {
    std::uint64_t cumulative = 0;
    char buf[64];
    auto sep = labels.empty() ? "" : ",";
    for (std::size_t i = 0; i < bounds.size(); ++i) {
        cumulative += buckets_[i].load(std::memory_order_relaxed);
        std::snprintf(buf, sizeof buf, "%g", bounds[i]);
        out += name + "_bucket{" + labels + sep + "le=\"" + buf + "\"} " + std::to_string(cumulative) + "\n";
    }
    cumulative += buckets_[bounds.size()].load(std::memory_order_relaxed);
    out += name + "_bucket{" + labels + sep + "le=\"+Inf\"} " + std::to_string(cumulative) + "\n";
    std::snprintf(buf, sizeof buf, "%.6f",
                  static_cast<double>(sum_micros_.load(std::memory_order_relaxed)) / 1e6);
    // No empty braces: "x_sum 1.5", as Prometheus's own clients write an unlabelled series.
    auto series = labels.empty() ? std::string() : "{" + labels + "}";
    out += name + "_sum" + series + " " + buf + "\n";
    out += name + "_count" + series + " " + std::to_string(count_.load(std::memory_order_relaxed)) + "\n";
}

std::string metrics::render() const {
    std::string out;
    auto family = [&](const char* name, const char* type, const char* help) {
        out += std::string("# HELP ") + name + " " + help + "\n# TYPE " + name + " " + type + "\n";
    };
    auto per = [&](const char* name, const char* help, auto field) {
        family(name, "counter", help);
        for (std::size_t i = 0; i < channels; ++i)
            out += std::string(name) + "{channel=\"" + std::string(channel_name(static_cast<channel>(i))) +
                   "\"} " + std::to_string((by_channel_[i].*field).load(std::memory_order_relaxed)) + "\n";
    };
    per("cnscd_updates_total", "Updates received and durably recorded.", &per_channel::updates);
    per("cnscd_duplicate_updates_total", "Redelivered updates recognised and skipped.",
        &per_channel::duplicates);
    per("cnscd_unauthorized_requests_total", "Webhook requests with a wrong or missing secret or signature.",
        &per_channel::unauthorized);
    per("cnscd_bad_payloads_total", "Webhook bodies that were not valid JSON updates.",
        &per_channel::bad_requests);
    per("cnscd_ignored_events_total", "Platform events of types the bot does not use.",
        &per_channel::ignored_events);
    per("cnscd_sends_ok_total",
        "Platform API calls that delivered a message; confirmations merged into one message count once.",
        &per_channel::sends_ok);
    per("cnscd_messages_delivered_total",
        "Messages (outbox rows) delivered, each confirmation merged into another message included.",
        &per_channel::messages_delivered);
    per("cnscd_sends_failed_total", "Messages given up; a message carrying merged confirmations counts once.",
        &per_channel::sends_failed);
    per("cnscd_messages_failed_total",
        "Messages (outbox rows) given up, each confirmation merged into a failed message included.",
        &per_channel::messages_failed);
    per("cnscd_send_retries_total", "Transient send failures that were retried.", &per_channel::send_retries);
    per("cnscd_rate_limited_total", "429 (flood control) answers from the platform.",
        &per_channel::rate_limited);
    per("cnscd_poll_failures_total",
        "getUpdates calls that failed (network, wrong token, a webhook set); polling retries them.",
        &per_channel::poll_failures);

    family("cnscd_handler_errors_total", "counter",
           "Handlers that failed with a bug (the user got an apology).");
    out += "cnscd_handler_errors_total " + std::to_string(handler_errors.load()) + "\n";
    family("cnscd_storage_errors_total", "counter",
           "Commits that failed; the updates were refused for redelivery.");
    out += "cnscd_storage_errors_total " + std::to_string(storage_errors.load()) + "\n";
    family("cnscd_http_rejected_connections_total", "counter",
           "Connections refused over the connection limit.");
    out += "cnscd_http_rejected_connections_total " + std::to_string(http_rejected_connections.load()) + "\n";
    family("cnscd_http_evicted_connections_total", "counter",
           "Connections waiting for a request, closed at the connection limit to admit a new one.");
    out += "cnscd_http_evicted_connections_total " + std::to_string(http_evicted_connections.load()) + "\n";
    family("cnscd_http_bad_requests_total", "counter",
           "Requests refused before routing (too large, unparsable).");
    out += "cnscd_http_bad_requests_total " + std::to_string(http_bad_requests.load()) + "\n";
    family("cnscd_http_timeouts_total", "counter",
           "Connections closed with a request begun but not finished within http.read_timeout_seconds.");
    out += "cnscd_http_timeouts_total " + std::to_string(http_timeouts.load()) + "\n";

    auto gauge = [&](const char* name, const char* help, const std::function<std::int64_t()>& fn) {
        family(name, "gauge", help);
        out += std::string(name) + " " + std::to_string(fn ? fn() : 0) + "\n";
    };
    gauge("cnscd_outbox_depth", "Messages waiting to be sent.", outbox_depth);
    gauge("cnscd_http_open_connections", "Open HTTP connections.", open_connections);
    gauge("cnscd_writer_queue", "Jobs waiting for the database writer.", writer_queue);
    gauge("cnscd_storage_ok",
          "1 while the database accepts commits; 0 after a failed commit, until one succeeds.", storage_ok);
    family("cnscd_storage_failed_commits_total", "counter",
           "Commits the database refused, by fault: disk_full, locked, corrupt, read_only, io_error, other.");
    if (storage_failures)
        for (auto& [kind, n] : storage_failures())
            out += "cnscd_storage_failed_commits_total{kind=\"" + kind + "\"} " + std::to_string(n) + "\n";

    family("cnscd_ack_latency_seconds", "histogram", "Webhook receipt to acknowledgement (after commit).");
    for (std::size_t i = 0; i < channels; ++i)
        by_channel_[i].ack_latency.render(out, "cnscd_ack_latency_seconds",
                                          "channel=\"" + std::string(channel_name(static_cast<channel>(i))) +
                                              "\"");
    family("cnscd_send_latency_seconds", "histogram", "Duration of platform API calls.");
    for (std::size_t i = 0; i < channels; ++i)
        by_channel_[i].send_latency.render(out, "cnscd_send_latency_seconds",
                                           "channel=\"" + std::string(channel_name(static_cast<channel>(i))) +
                                               "\"");
    family("cnscd_commit_latency_seconds", "histogram", "Update submitted to the writer until its commit.");
    commit_latency.render(out, "cnscd_commit_latency_seconds", "");
    return out;
}

} // namespace cnscd
