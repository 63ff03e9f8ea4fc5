#include "drivers/emu/payment_scanner/payment_scanner_emulator.hpp"

#include <catch2/catch.hpp>

#include <set>

#include "drivers/payment_scanner/payment_scanner_codec.hpp"

using namespace kiosk;
namespace emu = kiosk::drivers::emu;
using namespace std::chrono_literals;

TEST_CASE("synthetic codes are valid for their wallet and differ by seed", "[payment][emulator]") {
  for (auto wallet : {hal::Wallet::wechat, hal::Wallet::alipay, hal::Wallet::unionpay}) {
    std::set<std::string> seen;
    for (int seed = -20; seed < 80; ++seed) {
      const auto code = emu::synthetic_payment_code(wallet, seed);
      auto r = drivers::classify_payment_code(code);
      REQUIRE(r.ok());
      CHECK(r.value().wallet == wallet);
      seen.insert(code);
    }
    CHECK(seen.size() == 100);
  }
}

TEST_CASE("the emulator sends a code only while enabled, once per trigger", "[payment][emulator]") {
  emu::PaymentScannerEmulator e;
  auto& from_device = e.link()->device_to_host;
  e.present_code("1234");
  e.present_code("5678");
  CHECK(from_device.size() == 0);
  e.on_host_bytes(drivers::scanner_enable_command());
  auto got = from_device.pop(64, 100ms);
  REQUIRE(got.ok());
  CHECK(got.value() == std::vector<std::uint8_t>{'1', '2', '3', '4', 0x0D});
  CHECK_FALSE(e.scanning());
  CHECK(e.pending_codes() == 1);

  // Split command bytes and a disable in between.
  const auto enable = drivers::scanner_enable_command();
  e.on_host_bytes(std::span(enable).first(1));
  CHECK(from_device.size() == 0);
  e.on_host_bytes(std::span(enable).subspan(1));
  got = from_device.pop(64, 100ms);
  REQUIRE(got.ok());
  CHECK(got.value().size() == 5);

  e.on_host_bytes(drivers::scanner_enable_command());
  e.on_host_bytes(drivers::scanner_disable_command());
  e.present_code("9");
  CHECK(from_device.size() == 0);
  CHECK(e.enable_count() == 3);
  CHECK(e.disable_count() == 1);
}
