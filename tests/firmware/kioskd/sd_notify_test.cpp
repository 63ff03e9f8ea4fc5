#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>
#include <catch2/catch.hpp>

#include <cstring>
#include <string>

#include "firmware/kioskd/sd_notify.hpp"

using kiosk::kioskd::SystemdNotifier;

namespace {
// A datagram socket standing in for systemd's notify socket (abstract namespace).
struct FakeSystemd {
  int fd = -1;
  std::string name;
  FakeSystemd() {
    name = "@kioskd-test-" + std::to_string(::getpid());
    fd = ::socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    sockaddr_un addr{};
    addr.sun_family = AF_UNIX;
    std::memcpy(addr.sun_path + 1, name.data() + 1, name.size() - 1);
    const auto len = static_cast<socklen_t>(offsetof(sockaddr_un, sun_path) + name.size());
    REQUIRE(::bind(fd, reinterpret_cast<const sockaddr*>(&addr), len) == 0);
  }
  ~FakeSystemd() { ::close(fd); }
  std::string receive() {
    char buf[256];
    const ssize_t n = ::recv(fd, buf, sizeof buf, MSG_DONTWAIT);
    return n > 0 ? std::string(buf, static_cast<std::size_t>(n)) : std::string();
  }
};
}  // namespace

TEST_CASE("ready, watchdog and stopping reach the notify socket", "[kioskd][systemd]") {
  FakeSystemd systemd;
  SystemdNotifier n(systemd.name, std::chrono::microseconds(10'000'000));
  REQUIRE(n.enabled());
  CHECK(n.ready());
  CHECK(systemd.receive() == "READY=1");
  CHECK(n.watchdog());
  CHECK(systemd.receive() == "WATCHDOG=1");
  CHECK(n.stopping());
  CHECK(systemd.receive() == "STOPPING=1");
  CHECK(n.watchdog_interval() == std::chrono::microseconds(5'000'000));
}

TEST_CASE("without NOTIFY_SOCKET notifying is a no-op", "[kioskd][systemd]") {
  SystemdNotifier n("");
  CHECK_FALSE(n.enabled());
  CHECK_FALSE(n.ready());
  CHECK_FALSE(n.watchdog_interval().has_value());
}

TEST_CASE("the environment gives the socket and the watchdog period for this process",
          "[kioskd][systemd]") {
  ::setenv("NOTIFY_SOCKET", "@x", 1);
  ::setenv("WATCHDOG_USEC", "4000000", 1);
  ::setenv("WATCHDOG_PID", std::to_string(::getpid()).c_str(), 1);
  auto n = SystemdNotifier::from_environment();
  CHECK(n.enabled());
  CHECK(n.watchdog_interval() == std::chrono::microseconds(2'000'000));
  ::setenv("WATCHDOG_PID", "1", 1);  // meant for another process
  CHECK_FALSE(SystemdNotifier::from_environment().watchdog_interval().has_value());
  ::unsetenv("NOTIFY_SOCKET");
  ::unsetenv("WATCHDOG_USEC");
  ::unsetenv("WATCHDOG_PID");
}
