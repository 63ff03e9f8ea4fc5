// SerialTransport over a pseudo-terminal: the test holds the master side (the "device").
#include "drivers/transport/serial_transport_termios.hpp"

#include <catch2/catch.hpp>

#include <pty.h>
#include <unistd.h>

#include <thread>

using namespace kiosk;
using namespace std::chrono_literals;

namespace {

struct Pty {
  int master = -1;
  std::string slave_path;

  Pty() {
    int slave = -1;
    char name[128] = {};
    REQUIRE(::openpty(&master, &slave, name, nullptr, nullptr) == 0);
    slave_path = name;
    ::close(slave);  // the transport opens it by path
  }
  ~Pty() { hang_up(); }
  void hang_up() {
    if (master >= 0) ::close(master);
    master = -1;
  }
  void send(std::string_view s) const {
    REQUIRE(::write(master, s.data(), s.size()) == static_cast<ssize_t>(s.size()));
  }
  std::string receive(std::size_t n) const {
    std::string out;
    while (out.size() < n) {
      char buf[256];
      const ssize_t got = ::read(master, buf, std::min(sizeof buf, n - out.size()));
      if (got <= 0) break;
      out.append(buf, static_cast<std::size_t>(got));
    }
    return out;
  }
};

drivers::Bytes bytes_of(std::string_view s) {
  return drivers::Bytes(s.begin(), s.end());
}

}  // namespace

TEST_CASE("a serial port carries bytes both ways in raw mode", "[serial]") {
  Pty pty;
  drivers::SerialTransport t(pty.slave_path, 9600);
  REQUIRE(t.open().ok());
  CHECK(t.describe() == "serial:" + pty.slave_path);
  // Raw mode: CR, LF and control bytes pass unchanged.
  const std::string frame("\x02\r\nAB\x03\x00\xff", 8);
  REQUIRE(t.write(bytes_of(frame), 1s).ok());
  CHECK(pty.receive(frame.size()) == frame);
  pty.send(frame);
  drivers::Bytes got;
  while (got.size() < frame.size()) {
    auto r = t.read(64, 2s);
    REQUIRE(r.ok());
    got.insert(got.end(), r.value().begin(), r.value().end());
  }
  CHECK(got == bytes_of(frame));
}

TEST_CASE("a serial read with nothing to receive times out", "[serial]") {
  Pty pty;
  drivers::SerialTransport t(pty.slave_path);
  REQUIRE(t.open().ok());
  auto r = t.read(16, 20ms);
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().code == hal::CompletionCode::timeout);
}

TEST_CASE("cancel ends a pending serial read and stays until cleared", "[serial]") {
  Pty pty;
  drivers::SerialTransport t(pty.slave_path);
  REQUIRE(t.open().ok());
  std::thread canceller([&] {
    std::this_thread::sleep_for(30ms);
    t.cancel();
  });
  auto r = t.read(16, 20s);  // would time out after 20 s if cancel did not work
  canceller.join();
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().code == hal::CompletionCode::canceled);
  auto again = t.read(16, 20s);
  REQUIRE_FALSE(again.ok());
  CHECK(again.error().code == hal::CompletionCode::canceled);
  t.clear_cancel();
  pty.send("ok");
  auto ok = t.read(16, 2s);
  REQUIRE(ok.ok());
}

TEST_CASE("a hang-up fails the pending serial read as disconnected", "[serial]") {
  Pty pty;
  drivers::SerialTransport t(pty.slave_path);
  REQUIRE(t.open().ok());
  std::thread unplug([&] {
    std::this_thread::sleep_for(30ms);
    pty.hang_up();
  });
  auto r = t.read(16, 20s);
  unplug.join();
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().code == hal::CompletionCode::deviceNotReady);
  CHECK(r.error().reason == "disconnected");
  auto w = t.write(bytes_of("late"), 1s);
  REQUIRE_FALSE(w.ok());
  CHECK(w.error().reason == "disconnected");
}

TEST_CASE("flush_input drops bytes not yet read", "[serial]") {
  Pty pty;
  drivers::SerialTransport t(pty.slave_path);
  REQUIRE(t.open().ok());
  pty.send("stale");
  std::this_thread::sleep_for(10ms);  // let the line discipline take the bytes in
  t.flush_input();
  auto r = t.read(16, 20ms);
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().code == hal::CompletionCode::timeout);
}

TEST_CASE("opening a missing port or an unsupported baud rate fails with a typed error",
          "[serial]") {
  drivers::SerialTransport missing("/dev/does-not-exist-kiosk", 115200);
  auto a = missing.open();
  REQUIRE_FALSE(a.ok());
  CHECK(a.error().reason == "disconnected");
  Pty pty;
  drivers::SerialTransport odd(pty.slave_path, 12345);
  auto b = odd.open();
  REQUIRE_FALSE(b.ok());
  CHECK(b.error().code == hal::CompletionCode::hardwareError);
  auto w = odd.write(bytes_of("x"), 10ms);
  REQUIRE_FALSE(w.ok());
  CHECK(w.error().reason == "not_open");
}
