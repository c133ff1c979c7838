#pragma once

// The single writer: one thread owns the database and runs jobs in arrival order. Jobs
// queued while a commit is in progress are committed together in the next transaction
// (group commit), each inside its own savepoint so a failing job undoes only itself.

#include "storage/storage_fault.hpp"

#include <array>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>

namespace cnscd {

class database;

enum class job_outcome {
    committed,      // the job's writes are durable
    job_failed,     // the job threw; its writes were undone, the others committed
    storage_failed, // the commit failed (disk full, I/O error): nothing of the batch is stored
    stopped,        // the writer was stopped before the job ran
};

struct writer_stats {
    std::uint64_t jobs = 0;
    std::uint64_t commits = 0;
    std::uint64_t failed_commits = 0;
    std::uint64_t queued = 0;                      // jobs waiting right now
    std::array<std::uint64_t, 8> failed_by_kind{}; // failed commits, indexed by storage_fault
    storage_fault fault = storage_fault::none;     // how the last commit ended
    std::string fault_error;                       // its SQLite message, when it failed
    // The database file deleted under the writer (set_rescue): where its data was saved, or
    // why the last attempt to save it failed.
    std::string rescued_to;
    std::string rescue_error;
};

class writer {
public:
    using job = std::function<void(database&)>;
    // Called on the writer's thread after the outcome is known; must not block.
    using completion = std::function<void(job_outcome, const std::string& error)>;

    // Starts the thread. `max_batch` bounds how many jobs share one commit.
    writer(std::unique_ptr<database> db, std::size_t max_batch);
    ~writer();
    writer(const writer&) = delete;
    writer& operator=(const writer&) = delete;

    // Queues a job. May be called from any thread.
    void submit(job work, completion done);
    // Where completions (and after-commit work) run: without a sink, on the writer's thread;
    // with one, the writer hands each batch's completions to `sink` as one closure (e.g. a
    // post to the event loop), so a batch of 500 updates costs one hand-over, not 500.
    // Set before the first submit.
    void set_completion_sink(std::function<void(std::function<void()>)> sink);
    // Called on the writer's thread when a commit ends differently from the previous one:
    // the database failed (disk full, locked, corrupt...) or recovered (storage_fault::none).
    // Set before the first submit.
    void set_fault_listener(std::function<void(storage_fault, const std::string& error)> listener);
    // Rescues the data when the database file is deleted (no name left) under the writer: the
    // first refused commit writes a copy next to it (rescue.hpp); after a failure, a refused
    // commit tries again at most every 10 s. `now` gives the time for the copy's name (seconds
    // since the epoch); `listener` hears of each attempt on the writer's thread, after the fault
    // listener: the copy's path, or why it could not be written. stop() saves a copy too, when
    // no commit came after the deletion. Without this a deleted file is only refused
    // (storage_fault::moved). Set before the first submit.
    void set_rescue(std::function<std::int64_t()> now,
                    std::function<void(const std::string& copy, const std::string& error)> listener);
    // Runs `work` on the writer's thread and waits for it (start-up and tests).
    void run_sync(const std::function<void(database&)>& work);
    // Finishes queued jobs, then stops the thread. Later submissions get job_outcome::stopped.
    void stop();

    writer_stats stats() const;
    // False when the database's path no longer names the file the writer commits into (deleted,
    // renamed or replaced): one stat(2), callable from any thread. A commit would then fail as
    // storage_fault::moved; this lets a health check find out without traffic.
    bool file_still_at_path() const;

private:
    void submit_direct(job work, completion done);
    struct impl;
    std::unique_ptr<impl> impl_;
};

} // namespace cnscd
