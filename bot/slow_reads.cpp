#include "bot/slow_reads.hpp"

#include "storage/database.hpp"
#include "storage/outbox.hpp"
#include "storage/writer.hpp"

#include <spdlog/spdlog.h>

#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>

namespace cnscd {

struct slow_reads::impl {
    std::unique_ptr<database> db;
    writer& db_writer;
    const clock& clk;
    std::mutex mutex;
    std::condition_variable wake;
    std::deque<slow_read> queue;
    bool stopping = false;
    std::thread thread;

    impl(const std::string& path, writer& w, const clock& c)
        : db(database::open(path, {.create = false, .run_migrations = false})), db_writer(w), clk(c) {}

    void run() {
        for (;;) {
            slow_read work;
            {
                std::unique_lock lock(mutex);
                wake.wait(lock, [&] { return stopping || !queue.empty(); });
                if (queue.empty())
                    return;
                work = std::move(queue.front());
                queue.pop_front();
            }
            std::vector<outgoing> messages;
            try {
                db->begin_read();
                messages = work(*db);
                db->commit();
            } catch (const std::exception& e) {
                db->rollback();
                spdlog::error("slow read failed: {}", e.what());
                continue;
            }
            if (messages.empty())
                continue;
            db_writer.submit(
                [&clock = clk, messages = std::move(messages)](database& w) {
                    outbox box(w);
                    for (auto& m : messages)
                        box.add(m, clock.now());
                },
                [](job_outcome outcome, const std::string& error) {
                    if (outcome != job_outcome::committed)
                        spdlog::error("the result of a slow read could not be queued: {}", error);
                });
        }
    }
};

slow_reads::slow_reads(const std::string& db_path, writer& w, const clock& clk)
    : impl_(std::make_unique<impl>(db_path, w, clk)) {
    impl_->thread = std::thread([this] { impl_->run(); });
}

slow_reads::~slow_reads() {
    stop();
}

void slow_reads::submit(slow_read work) {
    {
        std::lock_guard lock(impl_->mutex);
        impl_->queue.push_back(std::move(work));
    }
    impl_->wake.notify_one();
}

void slow_reads::stop() {
    {
        std::lock_guard lock(impl_->mutex);
        impl_->stopping = true;
    }
    impl_->wake.notify_one();
    if (impl_->thread.joinable())
        impl_->thread.join();
}

} // namespace cnscd
