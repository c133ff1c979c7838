#include "tests/support/bot_process.hpp"

#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include <csignal>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>
#include <vector>

namespace cnscd::test {

namespace net = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = net::ip::tcp;

namespace {

// A faked clock (tests/run_at_times.sh: libfaketime's LD_PRELOAD, FAKETIME* and the TZ its
// start is read in) reaches the bot too, so the binary runs at the moment the test process does.
// Without one the bot's environment stays as given.
void pass_faked_clock(std::map<std::string, std::string>& env) {
    if (!std::getenv("FAKETIME"))
        return;
    for (char** e = ::environ; e && *e; ++e) {
        const char* eq = std::strchr(*e, '=');
        if (!eq)
            continue;
        std::string name(*e, static_cast<std::size_t>(eq - *e));
        if (name == "LD_PRELOAD" || name == "TZ" || name.starts_with("FAKETIME"))
            env.emplace(std::move(name), eq + 1);
    }
}

} // namespace

http_answer http_request_to(std::uint16_t port, const std::string& method, const std::string& target,
                            const std::string& body, const std::map<std::string, std::string>& headers,
                            std::chrono::milliseconds timeout) {
    http_answer out;
    try {
        net::io_context io;
        beast::tcp_stream stream(io);
        stream.expires_after(timeout);
        stream.connect(tcp::endpoint(net::ip::make_address("127.0.0.1"), port));
        http::request<http::string_body> req{http::string_to_verb(method), target, 11};
        req.set(http::field::host, "127.0.0.1");
        req.set(http::field::content_type, "application/json");
        for (auto& [k, v] : headers)
            req.set(k, v);
        req.body() = body;
        req.prepare_payload();
        http::write(stream, req);
        beast::flat_buffer buffer;
        http::response_parser<http::string_body> parser;
        parser.body_limit(64 << 20);
        http::read(stream, buffer, parser);
        out.status = static_cast<int>(parser.get().result_int());
        out.body = parser.get().body();
        beast::error_code ec;
        stream.socket().shutdown(tcp::socket::shutdown_both, ec);
    } catch (const std::exception&) {
        out.status = 0;
    }
    return out;
}

std::uint16_t free_port() {
    net::io_context io;
    tcp::acceptor a(io, tcp::endpoint(net::ip::make_address("127.0.0.1"), 0));
    return a.local_endpoint().port();
}

std::string temp_dir(const std::string& name) {
    auto dir =
        std::filesystem::temp_directory_path() / ("cnscd-test-" + name + "-" + std::to_string(::getpid()));
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    return dir.string();
}

bot_process::bot_process(std::map<std::string, std::string> env, std::vector<std::string> args) {
    log_ = env.count("CNSCD_TEST_LOG") ? env["CNSCD_TEST_LOG"] : "/dev/null";
    env.erase("CNSCD_TEST_LOG");
    env.emplace("PATH", "/usr/bin:/bin");
    env.emplace("CNSCD_LOG_LEVEL", "info");
    pass_faked_clock(env);
    std::vector<std::string> env_strings;
    for (auto& [k, v] : env)
        env_strings.push_back(k + "=" + v);
    pid_ = ::fork();
    if (pid_ == 0) {
        std::vector<char*> argv{const_cast<char*>(CNSCD_BOT_BINARY)};
        for (auto& a : args)
            argv.push_back(a.data());
        argv.push_back(nullptr);
        std::vector<char*> envp;
        for (auto& e : env_strings)
            envp.push_back(e.data());
        envp.push_back(nullptr);
        auto fd = ::open(log_.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
        if (fd >= 0) {
            ::dup2(fd, 1);
            ::dup2(fd, 2);
        }
        ::execve(CNSCD_BOT_BINARY, argv.data(), envp.data());
        ::_exit(127);
    }
}

bot_process::~bot_process() {
    if (running())
        kill_hard();
}

bool bot_process::running() {
    if (pid_ <= 0)
        return false;
    int status = 0;
    auto r = ::waitpid(pid_, &status, WNOHANG);
    if (r == pid_) {
        pid_ = -1;
        exit_code_ = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
        return false;
    }
    return true;
}

bool bot_process::wait_ready(std::uint16_t port, std::chrono::milliseconds timeout) {
    auto deadline = std::chrono::steady_clock::now() + timeout;
    while (std::chrono::steady_clock::now() < deadline) {
        if (!running())
            return false;
        if (http_request_to(port, "GET", "/healthz", "", {}, std::chrono::milliseconds(500)).status == 200)
            return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return false;
}

void bot_process::kill_hard() {
    if (pid_ <= 0)
        return;
    ::kill(pid_, SIGKILL);
    int status = 0;
    ::waitpid(pid_, &status, 0);
    pid_ = -1;
}

std::optional<int> bot_process::terminate(std::chrono::milliseconds timeout) {
    if (pid_ <= 0)
        return std::nullopt;
    ::kill(pid_, SIGTERM);
    auto deadline = std::chrono::steady_clock::now() + timeout;
    while (std::chrono::steady_clock::now() < deadline) {
        int status = 0;
        if (::waitpid(pid_, &status, WNOHANG) == pid_) {
            pid_ = -1;
            return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    kill_hard();
    return std::nullopt;
}

std::optional<int> bot_process::wait_exit(std::chrono::milliseconds timeout) {
    auto deadline = std::chrono::steady_clock::now() + timeout;
    while (pid_ > 0 && std::chrono::steady_clock::now() < deadline) {
        int status = 0;
        if (::waitpid(pid_, &status, WNOHANG) == pid_) {
            pid_ = -1;
            return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    return std::nullopt;
}

} // namespace cnscd::test
