// The payment scanner driver against the emulator over an in-process link.
#include "drivers/payment_scanner/payment_scanner.hpp"

#include <catch2/catch.hpp>

#include <future>
#include <thread>

#include "drivers/emu/payment_scanner/payment_scanner_emulator.hpp"
#include "drivers/payment_scanner/payment_scanner_codec.hpp"
#include "drivers/transport/emulated_link.hpp"

using namespace kiosk;
namespace emu = kiosk::drivers::emu;
using namespace std::chrono_literals;

namespace {

struct Rig {
  emu::PaymentScannerEmulator emulator;
  drivers::SerialPaymentScanner scanner;
  std::mutex m;
  std::vector<hal::DeviceEvent> events;

  Rig()
      : scanner(std::make_unique<drivers::EmulatedTransport>(emulator.link(), "payment_scanner")) {
    emulator.start();
    scanner.set_event_handler([this](const hal::DeviceEvent& e) {
      std::lock_guard lock(m);
      events.push_back(e);
    });
    REQUIRE(scanner.open().ok());
  }
  ~Rig() { scanner.close(); }

  std::future<hal::Result<hal::PaymentCode>> read(int timeout_ms, hal::RequestId* id = nullptr) {
    auto promise = std::make_shared<std::promise<hal::Result<hal::PaymentCode>>>();
    auto future = promise->get_future();
    auto rid =
        scanner.read_code(timeout_ms, [promise](hal::RequestId, hal::Result<hal::PaymentCode> r) {
          promise->set_value(std::move(r));
        });
    if (id != nullptr) *id = rid;
    return future;
  }

  std::vector<hal::DeviceEvent> events_of(hal::EventKind kind) {
    std::lock_guard lock(m);
    std::vector<hal::DeviceEvent> out;
    for (auto& e : events) {
      if (e.kind == kind) out.push_back(e);
    }
    return out;
  }

  // The emulator handles the driver's bytes on its own thread: wait (bounded) for them.
  template <typename Pred>
  static bool eventually(Pred pred) {
    for (int i = 0; i < 5000 && !pred(); ++i) std::this_thread::sleep_for(1ms);
    return pred();
  }
  void wait_enabled(std::uint64_t n) {
    REQUIRE(eventually([&] { return emulator.enable_count() >= n; }));
  }
};

}  // namespace

TEST_CASE("a presented wechat code is read, validated and the scanner is disabled again",
          "[payment][driver]") {
  Rig rig;
  const auto code = emu::synthetic_payment_code(hal::Wallet::wechat, 7);
  auto f = rig.read(5000);
  rig.wait_enabled(1);
  rig.emulator.present_code(code);
  auto r = f.get();
  REQUIRE(r.ok());
  CHECK(r.value().wallet == hal::Wallet::wechat);
  CHECK(r.value().code == code);

  auto events = rig.events_of(hal::EventKind::paymentCodeRead);
  REQUIRE(events.size() == 1);
  CHECK(events[0].detail == "wechat");  // the wallet, never the code
  auto stats = rig.scanner.statistics();
  CHECK(stats["CodesReadCount"] == 1);
  CHECK(stats["SuccessfulCommandCount"] == 1);
  CHECK(rig.scanner.status().detail["scanner"] == "ready");
  // Disabled at open and again after the read.
  CHECK(Rig::eventually([&] { return rig.emulator.disable_count() >= 2; }));
  CHECK_FALSE(rig.emulator.scanning());
}

TEST_CASE("a code held up before the read is sent once scanning is enabled", "[payment][driver]") {
  Rig rig;
  rig.emulator.set_terminator(emu::PaymentScannerEmulator::Terminator::crlf);
  const auto code = emu::synthetic_payment_code(hal::Wallet::alipay, 3);
  rig.emulator.present_code(code);
  CHECK(rig.emulator.pending_codes() == 1);
  auto r = rig.read(5000).get();
  REQUIRE(r.ok());
  CHECK(r.value().wallet == hal::Wallet::alipay);
  CHECK(r.value().code == code);
}

TEST_CASE("an invalid code is counted and ignored and the following valid code is returned",
          "[payment][driver]") {
  Rig rig;
  rig.emulator.present_code("9912345678901234");  // a barcode that is no payment code
  const auto code = emu::synthetic_payment_code(hal::Wallet::unionpay, 11);
  rig.emulator.present_code(code);
  auto r = rig.read(5000).get();
  REQUIRE(r.ok());
  CHECK(r.value().wallet == hal::Wallet::unionpay);
  CHECK(r.value().code == code);
  CHECK(rig.scanner.statistics()["InvalidCodesCount"] == 1);
  CHECK(rig.emulator.enable_count() == 2);  // re-enabled after the invalid read
}

TEST_CASE("garbage on the line never yields a code and the next read starts clean",
          "[payment][driver]") {
  Rig rig;
  rig.emulator.faults().inject(emu::Fault::garbage);
  rig.emulator.present_code(emu::synthetic_payment_code(hal::Wallet::wechat, 1));
  auto r = rig.read(50).get();
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().code == hal::CompletionCode::timeout);

  const auto code = emu::synthetic_payment_code(hal::Wallet::wechat, 2);
  rig.emulator.present_code(code);
  auto next = rig.read(5000).get();
  REQUIRE(next.ok());
  CHECK(next.value().code == code);
}

TEST_CASE("no code within the timeout completes with timeout no_code", "[payment][driver]") {
  Rig rig;
  auto r = rig.read(30).get();
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().code == hal::CompletionCode::timeout);
  CHECK(r.error().reason == "no_code");
  CHECK(Rig::eventually([&] { return rig.emulator.disable_count() >= 2; }));
  CHECK_FALSE(rig.emulator.scanning());
  CHECK(rig.scanner.statistics()["FailedCommandCount"] == 1);
}

TEST_CASE("a stale code received before the read is never returned", "[payment][driver]") {
  Rig rig;
  // A continuous-mode scanner pushed a code while nobody asked.
  const auto stale = emu::synthetic_payment_code(hal::Wallet::wechat, 5);
  std::vector<std::uint8_t> wire(stale.begin(), stale.end());
  wire.push_back(0x0D);
  REQUIRE(rig.emulator.link()->device_to_host.push(wire).ok());
  auto r = rig.read(30).get();
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().code == hal::CompletionCode::timeout);
}

TEST_CASE("a read is canceled while it waits and scanning is disabled", "[payment][driver]") {
  Rig rig;
  hal::RequestId id = 0;
  auto f = rig.read(60000, &id);
  rig.wait_enabled(1);
  CHECK(rig.scanner.cancel(id));
  auto r = f.get();
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().code == hal::CompletionCode::canceled);
  CHECK(Rig::eventually([&] { return rig.emulator.disable_count() >= 2; }));
  CHECK_FALSE(rig.emulator.scanning());
  CHECK_FALSE(rig.scanner.cancel(id));

  // The next read works.
  const auto code = emu::synthetic_payment_code(hal::Wallet::wechat, 9);
  rig.emulator.present_code(code);
  auto next = rig.read(5000).get();
  REQUIRE(next.ok());
  CHECK(next.value().code == code);
}

TEST_CASE("unplugging the scanner mid-read fails with disconnected and replug recovers",
          "[payment][driver]") {
  Rig rig;
  auto f = rig.read(60000);
  rig.wait_enabled(1);
  rig.emulator.unplug();
  auto r = f.get();
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().code == hal::CompletionCode::deviceNotReady);
  CHECK(r.error().reason == "disconnected");
  CHECK(rig.scanner.status().state == hal::DeviceState::noDevice);
  CHECK(rig.events_of(hal::EventKind::deviceRemoved).size() == 1);

  auto again = rig.read(50).get();
  REQUIRE_FALSE(again.ok());
  CHECK(again.error().code == hal::CompletionCode::deviceNotReady);

  rig.emulator.replug();
  const auto code = emu::synthetic_payment_code(hal::Wallet::alipay, 4);
  rig.emulator.present_code(code);
  auto ok = rig.read(5000).get();
  REQUIRE(ok.ok());
  CHECK(ok.value().code == code);
  CHECK(rig.scanner.status().state == hal::DeviceState::online);
  CHECK(rig.events_of(hal::EventKind::deviceArrived).size() == 1);
}

TEST_CASE("a read before open fails with not_open", "[payment][driver]") {
  emu::PaymentScannerEmulator emulator;
  emulator.start();
  drivers::SerialPaymentScanner scanner(
      std::make_unique<drivers::EmulatedTransport>(emulator.link(), "payment_scanner"));
  std::promise<hal::Result<hal::PaymentCode>> p;
  scanner.read_code(
      10, [&p](hal::RequestId, hal::Result<hal::PaymentCode> r) { p.set_value(std::move(r)); });
  auto r = p.get_future().get();
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().reason == "not_open");
  CHECK(scanner.status().state == hal::DeviceState::offline);
}

TEST_CASE("health check succeeds on a live link and reports a lost one", "[payment][driver]") {
  Rig rig;
  auto h = rig.scanner.health_check();
  REQUIRE(h.ok());
  CHECK(h.value().state == hal::DeviceState::online);
  rig.emulator.unplug();
  auto lost = rig.scanner.health_check();
  REQUIRE_FALSE(lost.ok());
  CHECK(lost.error().code == hal::CompletionCode::deviceNotReady);
  rig.emulator.replug();
  CHECK(rig.scanner.health_check().ok());
}
