#include "bot/scheduler.hpp"

#include "handlers/scheduled_work.hpp"
#include "storage/writer.hpp"

#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>

#include <spdlog/spdlog.h>

namespace cnscd {

namespace net = boost::asio;

struct scheduler::impl : std::enable_shared_from_this<scheduler::impl> {
    net::io_context& io;
    writer& db_writer;
    const dispatch_env& env;
    std::function<void()> extra;
    net::steady_timer timer;
    bool stopped = false;

    impl(net::io_context& io_, writer& w, const dispatch_env& e, std::function<void()> x)
        : io(io_), db_writer(w), env(e), extra(std::move(x)), timer(io_) {}

    void tick() {
        if (stopped)
            return;
        auto lines = std::make_shared<scheduled_log>();
        db_writer.submit([this, lines](database& db) { *lines = run_scheduled_work(db, env); },
                         [self = shared_from_this(), lines](job_outcome outcome, const std::string& error) {
                             if (outcome != job_outcome::committed)
                                 spdlog::error("scheduler: scheduled work failed: {}", error);
                             for (auto& l : lines->info)
                                 spdlog::info("scheduler: {}", l);
                             for (auto& l : lines->warnings)
                                 spdlog::warn("scheduler: {}", l);
                             net::post(self->io, [self] {
                                 if (self->extra)
                                     self->extra();
                                 self->arm();
                             });
                         });
    }

    void arm() {
        if (stopped)
            return;
        timer.expires_after(std::chrono::seconds(30));
        timer.async_wait([self = shared_from_this()](boost::system::error_code ec) {
            if (!ec)
                self->tick();
        });
    }
};

scheduler::scheduler(net::io_context& io, writer& w, const dispatch_env& env, std::function<void()> extra)
    : impl_(std::make_shared<impl>(io, w, env, std::move(extra))) {}

scheduler::~scheduler() {
    stop();
}

void scheduler::start() {
    net::post(impl_->io, [self = impl_] { self->tick(); });
}

void scheduler::stop() {
    impl_->stopped = true;
    impl_->timer.cancel();
}

} // namespace cnscd
