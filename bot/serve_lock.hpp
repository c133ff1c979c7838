#pragma once

// One `serve` per database: a second one would poll the same updates and send every queued
// message a second time.

#include <optional>
#include <string>

namespace cnscd {

class serve_lock {
public:
    // Takes the lock on the existing database file. Without it, `held_elsewhere` says whether
    // another serve has it (false: an in-memory database, or the file cannot be opened; opening
    // the database says why).
    static std::optional<serve_lock> take(const std::string& db_path, bool& held_elsewhere);

    // What the operator reads when another serve holds the lock.
    static std::string held_message(const std::string& db_path);

    serve_lock(serve_lock&& other) noexcept;
    serve_lock& operator=(serve_lock&& other) noexcept;
    ~serve_lock();

private:
    explicit serve_lock(int fd) : fd_(fd) {}
    int fd_ = -1;
};

} // namespace cnscd
