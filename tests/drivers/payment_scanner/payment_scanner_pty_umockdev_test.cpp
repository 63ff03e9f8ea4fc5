// The serial scanner found as a process under a umockdev testbed finds it: the by-id link in
// the testbed's /dev, so "/dev/serial/by-id/..." opens the pty that PtySerialPort serves.
#include <catch2/catch.hpp>

#include <umockdev.h>

#include <cstdlib>
#include <future>
#include <thread>

#include "drivers/emu/payment_scanner/payment_scanner_emulator.hpp"
#include "drivers/payment_scanner/payment_scanner.hpp"
#include "drivers/transport/serial_transport_termios.hpp"
#include "tests/support/pty_serial_port.hpp"

using namespace kiosk;
using namespace std::chrono_literals;
namespace emu = kiosk::drivers::emu;

TEST_CASE("the serial scanner opens /dev/serial/by-id/... inside a umockdev testbed",
          "[payment][pty][umockdev]") {
  const char* preload = std::getenv("LD_PRELOAD");
  REQUIRE(preload != nullptr);
  UMockdevTestbed* tb = umockdev_testbed_new();
  REQUIRE(umockdev_in_mock_environment());
  gchar* root = umockdev_testbed_get_root_dir(tb);
  const std::string by_id = "/dev/serial/by-id/usb-Kiosk24_Emulated_Scanner_0001-if00";
  {
    emu::PaymentScannerEmulator emulator;
    emulator.start();
    testing::PtySerialPort port(emulator.link(), std::string(root) + by_id);
    drivers::SerialPaymentScanner scanner(
        std::make_unique<drivers::SerialTransport>(by_id, 9600, drivers::FlowControl::rtsCts));
    REQUIRE(scanner.open().ok());
    CHECK(scanner.info().transport == "serial:" + by_id);
    const auto code = emu::synthetic_payment_code(hal::Wallet::wechat, 21);
    auto promise = std::make_shared<std::promise<hal::Result<hal::PaymentCode>>>();
    auto f = promise->get_future();
    scanner.read_code(5000, [promise](hal::RequestId, hal::Result<hal::PaymentCode> r) {
      promise->set_value(std::move(r));
    });
    for (int i = 0; i < 5000 && emulator.enable_count() < 1; ++i) std::this_thread::sleep_for(1ms);
    REQUIRE(emulator.enable_count() >= 1);
    emulator.present_code(code);
    auto r = f.get();
    REQUIRE(r.ok());
    CHECK(r.value().code == code);

    port.unplug();
    emulator.unplug();
    scanner.close();
    auto reopen = drivers::SerialTransport(by_id).open();
    REQUIRE_FALSE(reopen.ok());
    CHECK(reopen.error().reason == "disconnected");
    emulator.stop();
  }
  g_free(root);
  g_object_unref(tb);
}
