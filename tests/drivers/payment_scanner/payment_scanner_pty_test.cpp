// The serial payment-scanner driver over a real tty: SerialTransport on the slave side of a
// pseudo-terminal whose master is served by the PaymentScannerEmulator (PtySerialPort), found
// through a stable by-id symlink as udev would make it.
#include <catch2/catch.hpp>

#include <stdlib.h>
#include <termios.h>
#include <unistd.h>

#include <filesystem>
#include <future>
#include <mutex>
#include <thread>

#include "drivers/emu/payment_scanner/payment_scanner_emulator.hpp"
#include "drivers/payment_scanner/payment_scanner.hpp"
#include "drivers/transport/serial_transport_termios.hpp"
#include "tests/support/pty_serial_port.hpp"

using namespace kiosk;
namespace emu = kiosk::drivers::emu;
using namespace std::chrono_literals;

namespace {

struct TempDir {
  std::string path;
  TempDir() {
    char name[] = "/tmp/kiosk-by-id.XXXXXX";
    REQUIRE(::mkdtemp(name) != nullptr);
    path = name;
  }
  ~TempDir() { std::filesystem::remove_all(path); }
};

template <typename Pred>
bool eventually(Pred pred) {
  for (int i = 0; i < 5000 && !pred(); ++i) std::this_thread::sleep_for(1ms);
  return pred();
}

struct Rig {
  TempDir dir;
  emu::PaymentScannerEmulator emulator;
  testing::PtySerialPort port;
  drivers::SerialPaymentScanner scanner;
  std::mutex m;
  std::vector<hal::DeviceEvent> events;

  explicit Rig(drivers::FlowControl flow = drivers::FlowControl::none)
      : port(emulator.link(), dir.path + "/usb-Kiosk24_Emulated_Scanner_0001-if00"),
        scanner(std::make_unique<drivers::SerialTransport>(port.path(), 115200, flow)) {
    emulator.start();
    scanner.set_event_handler([this](const hal::DeviceEvent& e) {
      std::lock_guard lock(m);
      events.push_back(e);
    });
    REQUIRE(scanner.open().ok());
  }
  ~Rig() {
    scanner.close();
    emulator.stop();
  }

  std::future<hal::Result<hal::PaymentCode>> read(int timeout_ms) {
    auto promise = std::make_shared<std::promise<hal::Result<hal::PaymentCode>>>();
    auto future = promise->get_future();
    scanner.read_code(timeout_ms, [promise](hal::RequestId, hal::Result<hal::PaymentCode> r) {
      promise->set_value(std::move(r));
    });
    return future;
  }
  std::size_t count_of(hal::EventKind kind) {
    std::lock_guard lock(m);
    std::size_t n = 0;
    for (auto& e : events) n += e.kind == kind ? 1 : 0;
    return n;
  }
};

}  // namespace

TEST_CASE("the serial scanner driver reads a code through a pty and its by-id symlink",
          "[payment][pty]") {
  Rig rig;
  CHECK(std::filesystem::is_symlink(rig.port.path()));
  CHECK(std::filesystem::read_symlink(rig.port.path()).string() == rig.port.slave_path());
  const auto code = emu::synthetic_payment_code(hal::Wallet::alipay, 3);
  auto f = rig.read(5000);
  REQUIRE(eventually([&] { return rig.emulator.enable_count() >= 1; }));
  rig.emulator.present_code(code);
  auto r = f.get();
  REQUIRE(r.ok());
  CHECK(r.value().wallet == hal::Wallet::alipay);
  CHECK(r.value().code == code);
  // The driver disabled the scanner again: the command crossed the pty.
  CHECK(eventually([&] { return rig.emulator.disable_count() >= 2; }));
  CHECK(rig.port.bytes_from_host() > 0);
  CHECK(rig.port.bytes_to_host() >= code.size());
  // 8N1 and no hardware handshake unless configured.
  const unsigned cflag = rig.port.slave_cflag();
  CHECK((cflag & CSIZE) == CS8);
  CHECK((cflag & (PARENB | CSTOPB)) == 0);
  CHECK((cflag & CRTSCTS) == 0);
}

TEST_CASE("RTS/CTS flow control is set on the port when configured", "[payment][pty]") {
  Rig rig(drivers::FlowControl::rtsCts);
  CHECK((rig.port.slave_cflag() & CRTSCTS) != 0);
  CHECK(drivers::parse_flow_control("rtscts") == drivers::FlowControl::rtsCts);
  CHECK(drivers::parse_flow_control("none") == drivers::FlowControl::none);
  CHECK_FALSE(drivers::parse_flow_control("xonxoff").has_value());
}

TEST_CASE("unplugging the port mid-read is a typed disconnect and replug brings the scanner back",
          "[payment][pty]") {
  Rig rig;
  auto f = rig.read(5000);
  REQUIRE(eventually([&] { return rig.emulator.enable_count() >= 1; }));
  rig.emulator.unplug();
  rig.port.unplug();
  CHECK_FALSE(std::filesystem::exists(rig.port.path()));
  auto r = f.get();
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().code == hal::CompletionCode::deviceNotReady);
  CHECK(r.error().reason == "disconnected");
  CHECK(rig.scanner.status().state == hal::DeviceState::noDevice);
  CHECK(rig.count_of(hal::EventKind::deviceRemoved) == 1);

  // Still gone: the next read fails at once with the same typed error, nothing hangs.
  auto again = rig.read(1000).get();
  REQUIRE_FALSE(again.ok());
  CHECK(again.error().reason == "disconnected");

  rig.emulator.replug();
  rig.port.replug();
  const auto code = emu::synthetic_payment_code(hal::Wallet::wechat, 11);
  auto f2 = rig.read(5000);
  REQUIRE(eventually([&] { return rig.emulator.enable_count() >= 2; }));
  rig.emulator.present_code(code);
  auto r2 = f2.get();
  REQUIRE(r2.ok());
  CHECK(r2.value().code == code);
  CHECK(rig.count_of(hal::EventKind::deviceArrived) == 1);
  CHECK(rig.scanner.status().state == hal::DeviceState::online);
}

TEST_CASE("an emulator that drops its link hangs the port up by itself", "[payment][pty]") {
  Rig rig;
  rig.emulator.faults().inject(emu::Fault::unplugMidCommand);
  auto f = rig.read(5000);
  REQUIRE(eventually([&] { return rig.emulator.enable_count() >= 1; }));
  rig.emulator.present_code(emu::synthetic_payment_code(hal::Wallet::wechat, 2));
  auto r = f.get();
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().reason == "disconnected");
  CHECK(eventually([&] { return !rig.port.plugged(); }));
}
