#pragma once

// Runs slow reads (handlers' read_later: a ward's year export) on a thread of their own with
// a second, read-only use of the database file, so the writer keeps committing other updates
// meanwhile (WAL lets one writer and readers work at once). What a read returns goes into the
// outbox through the writer. A read whose update committed but that has not run when the
// process stops is lost: the user asks again (its command was answered by nothing but this).

#include "handlers/context.hpp"

#include <memory>
#include <string>

namespace cnscd {

class writer;

class slow_reads {
public:
    // Opens `db_path` (already migrated by the writer) for reading.
    slow_reads(const std::string& db_path, writer& w, const clock& clk);
    ~slow_reads();
    slow_reads(const slow_reads&) = delete;
    slow_reads& operator=(const slow_reads&) = delete;

    // Queues a read; returns at once. Any thread.
    void submit(slow_read work);
    // Finishes the reads already queued, then stops the thread. Call before stopping the writer.
    void stop();

private:
    struct impl;
    std::unique_ptr<impl> impl_;
};

} // namespace cnscd
