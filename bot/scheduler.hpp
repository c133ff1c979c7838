#pragma once

// Runs time-driven work (reminders, expiring questions, housekeeping) every half minute
// and once at start-up, through the writer.

#include <functional>
#include <memory>

namespace boost::asio {
class io_context;
}

namespace cnscd {

class writer;
struct dispatch_env;

class scheduler {
public:
    // `extra` runs on the io thread after each tick (e.g. platform token refresh checks).
    scheduler(boost::asio::io_context& io, writer& w, const dispatch_env& env,
              std::function<void()> extra = {});
    ~scheduler();
    void start();
    void stop();

private:
    struct impl;
    std::shared_ptr<impl> impl_;
};

} // namespace cnscd
