#pragma once

// A plain TCP client for integration tests, to misbehave in ways an HTTP library will not
// (repeated headers, half-sent requests, slow senders).

#include <arpa/inet.h>
#include <chrono>
#include <cstdint>
#include <netinet/in.h>
#include <poll.h>
#include <string>
#include <string_view>
#include <sys/socket.h>
#include <unistd.h>

namespace cnscd::test {

struct raw_client {
    int fd = -1;
    explicit raw_client(std::uint16_t port) {
        fd = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in addr{};
        addr.sin_family = AF_INET;
        addr.sin_port = htons(port);
        addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        if (::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
            ::close(fd);
            fd = -1;
        }
    }
    ~raw_client() {
        if (fd >= 0)
            ::close(fd);
    }
    raw_client(const raw_client&) = delete;
    bool send_all(std::string_view bytes) const {
        return fd >= 0 &&
               ::send(fd, bytes.data(), bytes.size(), MSG_NOSIGNAL) == static_cast<ssize_t>(bytes.size());
    }
    // True when the server closed the connection (EOF or reset) within `wait`.
    bool closed_by_server(std::chrono::milliseconds wait) const {
        pollfd p{fd, POLLIN, 0};
        if (::poll(&p, 1, static_cast<int>(wait.count())) <= 0)
            return false;
        char buf[4096];
        auto n = ::recv(fd, buf, sizeof buf, MSG_DONTWAIT);
        return n <= 0;
    }
    // One whole answer (headers and Content-Length body), or what came before `wait` ran out.
    std::string read_answer(std::chrono::milliseconds wait) const {
        std::string got;
        auto deadline = std::chrono::steady_clock::now() + wait;
        while (std::chrono::steady_clock::now() < deadline) {
            if (auto head_end = got.find("\r\n\r\n"); head_end != std::string::npos) {
                auto at = got.find("Content-Length: ");
                if (at != std::string::npos && at < head_end &&
                    got.size() >= head_end + 4 + std::stoul(got.substr(at + 16)))
                    return got;
            }
            pollfd p{fd, POLLIN, 0};
            if (::poll(&p, 1, 100) <= 0)
                continue;
            char buf[4096];
            auto n = ::recv(fd, buf, sizeof buf, 0);
            if (n <= 0)
                break;
            got.append(buf, static_cast<std::size_t>(n));
        }
        return got;
    }
};

} // namespace cnscd::test
