#include "bot/serve_lock.hpp"

#include <cerrno>
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

namespace cnscd {

// flock, not fcntl: SQLite's own POSIX locks on the file neither see it nor are dropped by it,
// and closing another descriptor of the file does not release it. The descriptor stays open
// until the database connections are closed (closing it earlier would drop SQLite's locks).
std::optional<serve_lock> serve_lock::take(const std::string& db_path, bool& held_elsewhere) {
    held_elsewhere = false;
    if (db_path == ":memory:" || db_path.starts_with("file:"))
        return std::nullopt; // no file to lock, and none another serve could share
    int fd = ::open(db_path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return std::nullopt;
    if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
        held_elsewhere = errno == EWOULDBLOCK;
        ::close(fd);
        return std::nullopt;
    }
    return serve_lock(fd);
}

std::string serve_lock::held_message(const std::string& db_path) {
    return "another `cnscd-bot serve` already runs on the database " + db_path +
           "; two would receive the same updates and send every reply twice. This one stopped and changed "
           "nothing. Fix: stop the other one (systemctl stop cnscd-bot; `fuser -v " +
           db_path +
           "` shows it), or give this one its own CNSCD_DB (or \"storage.path\" in its config file)";
}

serve_lock::serve_lock(serve_lock&& other) noexcept : fd_(other.fd_) {
    other.fd_ = -1;
}

serve_lock& serve_lock::operator=(serve_lock&& other) noexcept {
    if (this != &other) {
        if (fd_ >= 0)
            ::close(fd_);
        fd_ = other.fd_;
        other.fd_ = -1;
    }
    return *this;
}

serve_lock::~serve_lock() {
    if (fd_ >= 0)
        ::close(fd_);
}

} // namespace cnscd
