#pragma once

// Runs the real cnscd-bot binary as a child process on loopback, for integration tests.

#include <chrono>
#include <map>
#include <optional>
#include <string>
#include <sys/types.h>
#include <vector>

namespace cnscd::test {

struct http_answer {
    int status = 0; // 0 = no answer (connection failed)
    std::string body;
};

// One HTTP request over a fresh connection.
http_answer http_request_to(std::uint16_t port, const std::string& method, const std::string& target,
                            const std::string& body = "",
                            const std::map<std::string, std::string>& headers = {},
                            std::chrono::milliseconds timeout = std::chrono::seconds(10));

// A free TCP port on 127.0.0.1 (bound then released).
std::uint16_t free_port();

class bot_process {
public:
    // Starts `cnscd-bot <args>` with the given environment (added to a minimal base).
    bot_process(std::map<std::string, std::string> env, std::vector<std::string> args = {"serve"});
    ~bot_process();

    // Waits until GET /healthz answers 200.
    bool wait_ready(std::uint16_t port, std::chrono::milliseconds timeout = std::chrono::seconds(20));
    void kill_hard(); // SIGKILL
    std::optional<int>
    terminate(std::chrono::milliseconds timeout = std::chrono::seconds(20)); // SIGTERM, exit code
    bool running();
    // Waits for a process that exits by itself (a subcommand); its exit code, or nullopt.
    std::optional<int> wait_exit(std::chrono::milliseconds timeout = std::chrono::seconds(60));
    pid_t pid() const { return pid_; }
    // The exit code, once running() has seen the process end.
    std::optional<int> exit_code() const { return exit_code_; }
    std::string log_path() const { return log_; }

private:
    pid_t pid_ = -1;
    std::string log_;
    std::optional<int> exit_code_;
};

// A fresh temporary directory for one test.
std::string temp_dir(const std::string& name);

} // namespace cnscd::test
