#include "firmware/kioskd/sd_notify.hpp"

#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <cstdlib>
#include <cstring>

namespace kiosk::kioskd {

SystemdNotifier SystemdNotifier::from_environment() {
  const char* sock = std::getenv("NOTIFY_SOCKET");
  std::optional<std::chrono::microseconds> wd;
  if (const char* usec = std::getenv("WATCHDOG_USEC")) {
    const char* pid = std::getenv("WATCHDOG_PID");
    const bool for_us = pid == nullptr || std::strtoll(pid, nullptr, 10) == ::getpid();
    const long long v = std::strtoll(usec, nullptr, 10);
    if (for_us && v > 0) wd = std::chrono::microseconds(v);
  }
  return SystemdNotifier(sock ? sock : "", wd);
}

SystemdNotifier::SystemdNotifier(std::string socket_path,
                                 std::optional<std::chrono::microseconds> watchdog)
    : socket_path_(std::move(socket_path)), watchdog_(watchdog) {}

std::optional<std::chrono::microseconds> SystemdNotifier::watchdog_interval() const {
  if (!watchdog_) return std::nullopt;
  return *watchdog_ / 2;
}

bool SystemdNotifier::notify(const std::string& state) const {
  if (socket_path_.empty() || socket_path_.size() >= sizeof(sockaddr_un::sun_path)) return false;
  const int fd = ::socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
  if (fd < 0) return false;
  sockaddr_un addr{};
  addr.sun_family = AF_UNIX;
  std::memcpy(addr.sun_path, socket_path_.data(), socket_path_.size());
  if (addr.sun_path[0] == '@') addr.sun_path[0] = '\0';  // abstract namespace
  const auto len = static_cast<socklen_t>(offsetof(sockaddr_un, sun_path) + socket_path_.size());
  const ssize_t n = ::sendto(fd, state.data(), state.size(), MSG_NOSIGNAL,
                             reinterpret_cast<const sockaddr*>(&addr), len);
  ::close(fd);
  return n == static_cast<ssize_t>(state.size());
}

}  // namespace kiosk::kioskd
