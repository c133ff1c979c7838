#pragma once

// Turns an adapted update into a committed one: submits the dispatcher to the writer and
// reports when its transaction is durable, so the platform is answered only then.

#include "handlers/context.hpp"
#include "messages/incoming.hpp"
#include "storage/writer.hpp"

#include <atomic>
#include <functional>
#include <memory>

namespace cnscd {

class database;
class metrics;

enum class ingest_outcome { stored, duplicate, storage_failed };

class ingest {
public:
    ingest(writer& w, const dispatch_env& env, metrics& m);

    // Calls `done` on the writer's thread once the update is durable (or could not be
    // stored). `extra` runs in the same transaction after the dispatcher (e.g. saving the
    // polling offset).
    void submit(incoming in, std::function<void(ingest_outcome)> done,
                std::function<void(database&)> extra = nullptr);

    std::size_t in_flight() const { return in_flight_.load(); }

private:
    writer& writer_;
    const dispatch_env& env_;
    metrics& metrics_;
    std::atomic<std::size_t> in_flight_{0};
};

} // namespace cnscd
