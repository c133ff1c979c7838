#include "storage/writer.hpp"

#include "storage/database.hpp"
#include "storage/rescue.hpp"
#include "storage/storage_fault.hpp"

#include <SQLiteCpp/Exception.h>

#include <condition_variable>
#include <deque>
#include <future>
#include <mutex>
#include <optional>
#include <sqlite3.h>
#include <thread>
#include <vector>

namespace cnscd {

// failed_by_kind has a counter for each storage_fault, the last one included.
static_assert(std::tuple_size_v<decltype(writer_stats::failed_by_kind)> ==
              static_cast<std::size_t>(storage_fault::moved) + 1);

struct writer::impl {
    struct entry {
        job work;
        completion done;
        bool direct = false; // complete on the writer's thread even with a sink (run_sync)
    };

    // Declared first, so destroyed last: its descriptor must outlive the connection (see there).
    file_identity file;
    std::unique_ptr<database> db;
    std::size_t max_batch;
    mutable std::mutex mutex;
    std::condition_variable wake;
    std::deque<entry> queue;
    bool stopping = false;
    bool idle = false; // the thread is waiting for work: only then does a submit need to wake it
    std::function<void(std::function<void()>)> sink;
    writer_stats counters;
    std::function<void(storage_fault, const std::string&)> fault_listener;
    std::function<std::int64_t()> rescue_now;
    std::function<void(const std::string&, const std::string&)> rescue_listener;
    std::string rescued_to;                      // writer's thread only
    std::optional<std::int64_t> last_rescue_try; // writer's thread only
    std::thread thread;

    // The file deleted under the open connection, which now holds the only copy of its data:
    // save it next to the path, once. After a failure (the folder gone or not writable) again
    // at most every 10 s, since copying a large file is not free. True when it tried.
    bool rescue_if_deleted() {
        if (!rescue_now || !rescued_to.empty() || !file.unlinked())
            return false;
        auto now = rescue_now();
        if (last_rescue_try && now < *last_rescue_try + 10)
            return false;
        last_rescue_try = now;
        auto copy = rescue_database(*db, now);
        std::lock_guard lock(mutex);
        if (copy) {
            rescued_to = *copy;
            counters.rescued_to = *copy;
            counters.rescue_error.clear();
        } else {
            counters.rescue_error = copy.error();
        }
        return true;
    }

    void run() {
        std::vector<entry> batch;
        batch.reserve(max_batch);
        for (;;) {
            {
                std::unique_lock lock(mutex);
                idle = true;
                wake.wait(lock, [&] { return stopping || !queue.empty(); });
                idle = false;
                if (queue.empty() && stopping)
                    return;
                while (!queue.empty() && batch.size() < max_batch) {
                    batch.push_back(std::move(queue.front()));
                    queue.pop_front();
                }
            }
            commit_batch(batch);
            batch.clear();
        }
    }

    writer_stats stats_copy() const {
        std::lock_guard lock(mutex);
        return counters;
    }

    // After rescue_if_deleted() tried: the copy's path, or why there is none.
    void tell_rescue() {
        if (!rescue_listener)
            return;
        auto ws = stats_copy();
        rescue_listener(ws.rescued_to, ws.rescued_to.empty() ? ws.rescue_error : "");
    }

    void commit_batch(std::vector<entry>& batch) {
        std::vector<job_outcome> outcomes(batch.size(), job_outcome::committed);
        std::vector<std::string> errors(batch.size());
        std::string batch_error;
        auto fault = storage_fault::none;
        bool rescue_tried = false;
        try {
            db->begin();
            for (std::size_t i = 0; i < batch.size(); ++i) {
                auto mark = db->after_commit_mark();
                db->savepoint("job");
                try {
                    batch[i].work(*db);
                    db->release("job");
                } catch (const SQLite::Exception& e) {
                    // A full disk or I/O error dooms the whole transaction, not just this job.
                    int code = e.getErrorCode() & 0xff;
                    // So does losing the write lock: undoing only this job would acknowledge an
                    // update whose writes were dropped.
                    if (code == SQLITE_FULL || code == SQLITE_IOERR || code == SQLITE_CORRUPT ||
                        code == SQLITE_NOTADB || code == SQLITE_READONLY || code == SQLITE_CANTOPEN ||
                        code == SQLITE_BUSY || code == SQLITE_LOCKED)
                        throw;
                    db->rollback_to("job");
                    db->drop_after_commit_from(mark);
                    outcomes[i] = job_outcome::job_failed;
                    errors[i] = e.what();
                } catch (const std::exception& e) {
                    db->rollback_to("job");
                    db->drop_after_commit_from(mark);
                    outcomes[i] = job_outcome::job_failed;
                    errors[i] = e.what();
                }
            }
            // In WAL mode SQLite commits into a deleted or replaced file without complaint; one
            // stat(2) a commit keeps such updates unacknowledged, so the platforms redeliver them.
            if (!file.still_at_path())
                throw SQLite::Exception("the database file is no longer at " + db->path(),
                                        SQLITE_READONLY_DBMOVED);
            db->commit();
        } catch (const SQLite::Exception& e) {
            // Read the OS error before ROLLBACK can replace it.
            fault =
                classify_sqlite_error(e.getErrorCode(), e.getExtendedErrorCode(), db->last_system_errno());
            if (fault == storage_fault::io_error && storage_looks_full(db->path()))
                fault = storage_fault::disk_full;
            db->rollback();
            batch_error = e.what();
            if (fault == storage_fault::moved) {
                rescue_tried = rescue_if_deleted();
                if (!rescued_to.empty())
                    batch_error += " (deleted; what was stored before is saved in " + rescued_to + ")";
            }
        } catch (const std::exception& e) {
            fault = storage_fault::other;
            db->rollback();
            batch_error = e.what();
        }
        auto after = db->take_after_commit();
        bool changed = false;
        {
            std::lock_guard lock(mutex);
            counters.jobs += batch.size();
            if (batch_error.empty()) {
                ++counters.commits;
            } else {
                ++counters.failed_commits;
                ++counters.failed_by_kind[static_cast<std::size_t>(fault)];
            }
            changed = counters.fault != fault;
            counters.fault = fault;
            counters.fault_error = batch_error;
        }
        if (changed && fault_listener)
            fault_listener(fault, batch_error);
        if (rescue_tried)
            tell_rescue();
        if (!batch_error.empty())
            after.clear();
        std::vector<std::function<void()>> finish;
        finish.reserve(batch.size());
        for (std::size_t i = 0; i < batch.size(); ++i) {
            if (!batch[i].done)
                continue;
            auto outcome = batch_error.empty() ? outcomes[i] : job_outcome::storage_failed;
            auto error = batch_error.empty() ? std::move(errors[i]) : batch_error;
            if (batch[i].direct || !sink) {
                batch[i].done(outcome, error);
                continue;
            }
            finish.push_back([done = std::move(batch[i].done), outcome, error = std::move(error)] {
                done(outcome, error);
            });
        }
        if (!sink) {
            for (auto& fn : after)
                fn();
            return;
        }
        if (after.empty() && finish.empty())
            return;
        sink([after = std::move(after), finish = std::move(finish)] {
            for (auto& fn : after)
                fn();
            for (auto& fn : finish)
                fn();
        });
    }
};

writer::writer(std::unique_ptr<database> db, std::size_t max_batch) : impl_(std::make_unique<impl>()) {
    impl_->db = std::move(db);
    impl_->file = file_identity(impl_->db->path());
    impl_->max_batch = max_batch ? max_batch : 1;
    impl_->thread = std::thread([this] { impl_->run(); });
}

writer::~writer() {
    stop();
}

void writer::set_completion_sink(std::function<void(std::function<void()>)> sink) {
    std::lock_guard lock(impl_->mutex);
    impl_->sink = std::move(sink);
}

void writer::set_fault_listener(std::function<void(storage_fault, const std::string&)> listener) {
    std::lock_guard lock(impl_->mutex);
    impl_->fault_listener = std::move(listener);
}

void writer::set_rescue(std::function<std::int64_t()> now,
                        std::function<void(const std::string&, const std::string&)> listener) {
    std::lock_guard lock(impl_->mutex);
    impl_->rescue_now = std::move(now);
    impl_->rescue_listener = std::move(listener);
}

void writer::submit(job work, completion done) {
    {
        std::lock_guard lock(impl_->mutex);
        if (!impl_->stopping) {
            impl_->queue.push_back({std::move(work), std::move(done)});
            if (impl_->idle)
                impl_->wake.notify_one();
            return;
        }
    }
    if (done)
        done(job_outcome::stopped, "the writer has stopped");
}

void writer::submit_direct(job work, completion done) {
    {
        std::lock_guard lock(impl_->mutex);
        if (!impl_->stopping) {
            impl_->queue.push_back({std::move(work), std::move(done), true});
            if (impl_->idle)
                impl_->wake.notify_one();
            return;
        }
    }
    if (done)
        done(job_outcome::stopped, "the writer has stopped");
}

void writer::run_sync(const std::function<void(database&)>& work) {
    std::promise<void> finished;
    std::exception_ptr failure;
    std::string error;
    // Completes on the writer's thread: the caller may be the event loop's own thread.
    submit_direct(
        [&](database& db) {
            try {
                work(db);
            } catch (...) {
                failure = std::current_exception();
                throw;
            }
        },
        [&](job_outcome outcome, const std::string& e) {
            error = outcome == job_outcome::stopped ? "the writer has stopped" : e;
            finished.set_value();
        });
    finished.get_future().wait();
    if (failure)
        std::rethrow_exception(failure);
    if (!error.empty())
        throw std::runtime_error(error);
}

void writer::stop() {
    {
        std::lock_guard lock(impl_->mutex);
        impl_->stopping = true;
        impl_->wake.notify_one();
    }
    if (impl_->thread.joinable())
        impl_->thread.join();
    // Deleted with no commit since (`rm` and a restart at a quiet hour): closing now would drop
    // the last copy of the data, so save it first. The thread is gone; the database is ours.
    if (impl_->rescue_if_deleted())
        impl_->tell_rescue();
}

bool writer::file_still_at_path() const {
    return impl_->file.still_at_path(); // set once before the thread starts, so safe to read here
}

writer_stats writer::stats() const {
    std::lock_guard lock(impl_->mutex);
    auto s = impl_->counters;
    s.queued = impl_->queue.size();
    return s;
}

} // namespace cnscd
