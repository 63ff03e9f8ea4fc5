// LibusbTransport against an emulated kernel: real libusb, usbdevfs emulated by umockdev,
// an echo emulator behind the bulk endpoints.
#include "drivers/transport/usb_transport_libusb.hpp"

#include <catch2/catch.hpp>

#include <numeric>
#include <thread>

#include "tests/support/umockdev_usb_device.hpp"
#include "tests/support/usb_test_helpers.hpp"

using namespace kiosk;
namespace emu = kiosk::drivers::emu;
using namespace std::chrono_literals;

namespace {

struct RequireUmockdev {
  RequireUmockdev() { testing::UmockdevUsbBus::require_active(); }
};

testing::UsbDeviceSpec id_reader_spec() {
  testing::UsbDeviceSpec s;
  s.vid = 0x0400;
  s.pid = 0xC35A;
  return s;
}

// Declaration order is destruction order reversed: the libusb context goes before the bus.
struct UsbFixture : RequireUmockdev {
  testing::UmockdevUsbBus bus;
  testing::EchoEmulator echo;
  std::shared_ptr<testing::UmockdevUsbDevice> device = bus.plug(id_reader_spec(), echo.link());
  std::shared_ptr<drivers::UsbContext> context = drivers::UsbContext::create().value();

  std::unique_ptr<drivers::LibusbTransport> open_reader() {
    drivers::UsbMatch match;
    match.vid = 0x0400;
    match.pid = 0xC35A;
    auto t = std::make_unique<drivers::LibusbTransport>(context, match);
    const auto r = t->open();
    INFO((r.ok() ? std::string() : r.error().message));
    REQUIRE(r.ok());
    return t;
  }
};

drivers::Bytes bytes_of(std::string_view s) {
  return drivers::Bytes(s.begin(), s.end());
}

// Reads until `n` bytes arrived or a read fails.
drivers::Bytes read_exactly(drivers::Transport& t, std::size_t n) {
  drivers::Bytes all;
  while (all.size() < n) {
    auto r = t.read(n - all.size(), 2s);
    if (!r.ok()) break;
    all.insert(all.end(), r.value().begin(), r.value().end());
  }
  return all;
}

}  // namespace

TEST_CASE_METHOD(UsbFixture,
                 "an emulated device is opened by VID and PID and echoes through libusb", "[usb]") {
  auto t = open_reader();
  CHECK(t->describe() == "usb:0400:c35a@1-1");
  CHECK(t->max_packet_size() == 64);
  REQUIRE(t->write(bytes_of("hello"), 1s).ok());
  auto r = t->read(64, 2s);
  REQUIRE(r.ok());
  CHECK(r.value() == bytes_of("hello"));
  CHECK(device->traffic().claims == 1);
}

TEST_CASE_METHOD(UsbFixture, "a read returns at most the bytes asked for and keeps the rest",
                 "[usb]") {
  auto t = open_reader();
  REQUIRE(t->write(bytes_of("0123456789"), 1s).ok());
  auto a = t->read(4, 2s);
  REQUIRE(a.ok());
  CHECK(a.value() == bytes_of("0123"));
  auto b = t->read(64, 2s);
  REQUIRE(b.ok());
  CHECK(b.value() == bytes_of("456789"));
}

TEST_CASE_METHOD(UsbFixture, "a read with nothing to receive times out", "[usb]") {
  auto t = open_reader();
  auto r = t->read(64, 30ms);
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().code == hal::CompletionCode::timeout);
  CHECK(r.error().reason == "timeout");
}

TEST_CASE_METHOD(UsbFixture, "cancel from another thread ends a pending read with canceled",
                 "[usb]") {
  auto t = open_reader();
  std::thread canceller([&] {
    std::this_thread::sleep_for(50ms);
    t->cancel();
  });
  // Without a working cancel this read would end with timeout after 20 s.
  auto r = t->read(64, 20s);
  canceller.join();
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().code == hal::CompletionCode::canceled);
  CHECK(device->traffic().discarded_urbs == 1);

  SECTION("the cancel is sticky until clear_cancel") {
    auto again = t->read(64, 20s);
    REQUIRE_FALSE(again.ok());
    CHECK(again.error().code == hal::CompletionCode::canceled);
    t->clear_cancel();
    REQUIRE(t->write(bytes_of("after"), 1s).ok());
    auto ok = t->read(64, 2s);
    REQUIRE(ok.ok());
    CHECK(ok.value() == bytes_of("after"));
  }
}

TEST_CASE_METHOD(UsbFixture, "unplugging mid-transfer fails the pending read as disconnected",
                 "[usb]") {
  auto t = open_reader();
  std::thread unplugger([&] {
    std::this_thread::sleep_for(50ms);
    device->unplug();
  });
  auto r = t->read(64, 20s);
  unplugger.join();
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().code == hal::CompletionCode::deviceNotReady);
  CHECK(r.error().reason == "disconnected");

  auto w = t->write(bytes_of("x"), 1s);
  REQUIRE_FALSE(w.ok());
  CHECK(w.error().reason == "disconnected");
  t->close();
  auto reopened =
      drivers::LibusbTransport(context, drivers::UsbMatch::from({0x0400, 0xC35A, 1, 0, {1}}));
  auto o = reopened.open();
  REQUIRE_FALSE(o.ok());
  CHECK(o.error().reason == "disconnected");
}

TEST_CASE_METHOD(UsbFixture, "an emulator that drops the link mid-command looks unplugged",
                 "[usb]") {
  auto t = open_reader();
  echo.faults().inject(emu::Fault::unplugMidCommand);
  REQUIRE(t->write(bytes_of("ping"), 1s).ok());
  auto r = t->read(64, 20s);
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().reason == "disconnected");
}

TEST_CASE_METHOD(UsbFixture, "a stall that clear_halt cannot clear fails with stall", "[usb]") {
  auto t = open_reader();
  device->stall(0x02, /*clearable=*/false);
  auto w = t->write(bytes_of("x"), 1s);
  REQUIRE_FALSE(w.ok());
  CHECK(w.error().code == hal::CompletionCode::hardwareError);
  CHECK(w.error().reason == "stall");
  CHECK(device->traffic().clear_halts == 1);
}

TEST_CASE_METHOD(UsbFixture, "a stall that clear_halt clears is retried once and succeeds",
                 "[usb]") {
  auto t = open_reader();
  device->stall(0x81, /*clearable=*/true);
  REQUIRE(t->write(bytes_of("again"), 1s).ok());
  auto r = t->read(64, 2s);
  REQUIRE(r.ok());
  CHECK(r.value() == bytes_of("again"));
  CHECK(device->traffic().clear_halts == 1);
}

TEST_CASE_METHOD(UsbFixture, "a large write is split into packet multiples and arrives whole",
                 "[usb]") {
  auto t = open_reader();
  drivers::Bytes big(40001);
  std::iota(big.begin(), big.end(), std::uint8_t{0});
  REQUIRE(t->write(big, 5s).ok());
  const auto traffic = device->traffic();
  REQUIRE(traffic.out_urb_lengths.size() == 3);
  CHECK(traffic.out_urb_lengths[0] == drivers::LibusbTransport::kMaxChunk);
  CHECK(traffic.out_urb_lengths[1] == drivers::LibusbTransport::kMaxChunk);
  CHECK(traffic.out_urb_lengths[2] == 40001 - 2 * drivers::LibusbTransport::kMaxChunk);
  CHECK(traffic.zero_length_packets == 0);  // 40001 is not a multiple of 64
  CHECK(read_exactly(*t, big.size()) == big);
}

TEST_CASE_METHOD(UsbFixture, "a write of whole packets ends with a zero-length packet", "[usb]") {
  auto t = open_reader();
  drivers::Bytes two_packets(128, 0x5A);
  REQUIRE(t->write(two_packets, 1s).ok());
  CHECK(device->traffic().zero_length_packets == 1);
  CHECK(read_exactly(*t, 128) == two_packets);
}

TEST_CASE_METHOD(UsbFixture, "flush_input drops what the device already sent", "[usb]") {
  auto t = open_reader();
  REQUIRE(t->write(bytes_of("stale"), 1s).ok());
  auto first = t->read(2, 2s);  // the rest of the echo is now kept or still queued
  REQUIRE(first.ok());
  t->flush_input();
  auto r = t->read(64, 30ms);
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().code == hal::CompletionCode::timeout);
}

TEST_CASE_METHOD(UsbFixture, "opening a device that is not there fails as disconnected", "[usb]") {
  drivers::UsbMatch match;
  match.vid = 0x1234;
  match.pid = 0x5678;
  drivers::LibusbTransport t(context, match);
  auto r = t.open();
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().code == hal::CompletionCode::deviceNotReady);
  CHECK(r.error().reason == "disconnected");
  auto read = t.read(1, 10ms);
  REQUIRE_FALSE(read.ok());
  CHECK(read.error().reason == "not_open");
}

TEST_CASE("a kernel driver bound to the interface is detached before the claim", "[usb]") {
  testing::UmockdevUsbBus::require_active();
  testing::UmockdevUsbBus bus;
  testing::EchoEmulator echo;
  auto s = id_reader_spec();
  s.kernel_driver_bound = true;
  auto device = bus.plug(s, echo.link());
  auto context = drivers::UsbContext::create().value();
  drivers::LibusbTransport t(context, drivers::UsbMatch::from({0x0400, 0xC35A, 1, 0, {1}}));
  REQUIRE(t.open().ok());
  CHECK(device->traffic().kernel_driver_detaches == 1);
  CHECK(device->traffic().claims == 1);
  REQUIRE(t.write(bytes_of("k"), 1s).ok());
  CHECK(t.read(8, 2s).ok());
}

TEST_CASE("a device plugged back into the same port opens again at the same location", "[usb]") {
  testing::UmockdevUsbBus::require_active();
  testing::UmockdevUsbBus bus;
  testing::EchoEmulator echo;
  auto device = bus.plug(id_reader_spec(), echo.link());
  auto context = drivers::UsbContext::create().value();
  const auto match = drivers::UsbMatch::from({0x0400, 0xC35A, 1, 0, {1}});
  drivers::LibusbTransport t(context, match);
  REQUIRE(t.open().ok());
  device->unplug();
  auto lost = t.write(bytes_of("x"), 1s);
  REQUIRE_FALSE(lost.ok());
  CHECK(lost.error().reason == "disconnected");
  t.close();

  testing::Inbox<drivers::UsbChange> changes;
  context->subscribe(
      [&](drivers::UsbChange c, const drivers::UsbDeviceAddress&) { changes.push(c); });
  auto spec = device->spec();  // same port, a new device number (as the kernel does)
  spec.address = 0;
  auto again = bus.plug(spec, echo.link());
  // libusb knows the device once its uevent is processed.
  REQUIRE(
      changes.wait_for([](drivers::UsbChange c) { return c == drivers::UsbChange::arrived; }, 10s));
  const auto opened = t.open();
  INFO((opened.ok() ? std::string() : opened.error().message));
  REQUIRE(opened.ok());
  CHECK(t.describe() == "usb:0400:c35a@1-1");
  REQUIRE(t.write(bytes_of("back"), 1s).ok());
  auto r = t.read(64, 2s);
  REQUIRE(r.ok());
  CHECK(r.value() == bytes_of("back"));
}
