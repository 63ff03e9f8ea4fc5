// UsbContext: enumeration and arrival/removal notifications, by libusb hotplug and by polling.
#include "drivers/transport/usb_context.hpp"

#include <catch2/catch.hpp>

#include "tests/support/umockdev_usb_device.hpp"
#include "tests/support/usb_test_helpers.hpp"

using namespace kiosk;
using namespace std::chrono_literals;

namespace {

using Change = std::pair<drivers::UsbChange, drivers::UsbDeviceAddress>;

testing::UsbDeviceSpec spec(std::uint16_t vid, std::uint16_t pid) {
  testing::UsbDeviceSpec s;
  s.vid = vid;
  s.pid = pid;
  return s;
}

auto is(drivers::UsbChange change, std::uint16_t vid, std::uint16_t pid) {
  return [=](const Change& c) {
    return c.first == change && c.second.vid == vid && c.second.pid == pid;
  };
}

void check_arrival_and_removal(drivers::UsbContext::Options options) {
  testing::UmockdevUsbBus::require_active();
  testing::UmockdevUsbBus bus;
  auto link = std::make_shared<drivers::EmulatedLink>();
  auto context = drivers::UsbContext::create(options);
  REQUIRE(context.ok());
  testing::Inbox<Change> changes;
  context.value()->subscribe([&](drivers::UsbChange c, const drivers::UsbDeviceAddress& a) {
    changes.push({c, a});
  });

  auto device = bus.plug(spec(0x0400, 0xC35A), link);
  REQUIRE(changes.wait_for(is(drivers::UsbChange::arrived, 0x0400, 0xC35A), 10s));
  const auto arrived = changes.items().front().second;
  CHECK(arrived.bus == 1);
  CHECK(arrived.port_path == std::vector<std::uint8_t>{1});
  CHECK(arrived.location() == "1-1");

  device->unplug();
  REQUIRE(changes.wait_for(is(drivers::UsbChange::removed, 0x0400, 0xC35A), 10s));
}

}  // namespace

TEST_CASE("enumeration lists every emulated device with its location", "[usb]") {
  testing::UmockdevUsbBus::require_active();
  testing::UmockdevUsbBus bus;
  auto link = std::make_shared<drivers::EmulatedLink>();
  bus.plug(spec(0x0400, 0xC35A), link);
  bus.plug(spec(0x0F49, 0x0001), std::make_shared<drivers::EmulatedLink>());
  auto context = drivers::UsbContext::create();
  REQUIRE(context.ok());
  const auto devices = context.value()->enumerate();
  REQUIRE(devices.size() == 2);
  bool reader = false;
  bool printer = false;
  for (const auto& d : devices) {
    if (d.vid == 0x0400 && d.pid == 0xC35A) reader = d.describe() == "usb:0400:c35a@1-1";
    if (d.vid == 0x0F49) printer = d.location() == "1-2";
  }
  CHECK(reader);
  CHECK(printer);
}

TEST_CASE("libusb hotplug reports a device plugged in and pulled out", "[usb]") {
  drivers::UsbContext::Options options;
  options.detection = drivers::UsbContext::Detection::hotplug;
  check_arrival_and_removal(options);
}

TEST_CASE("polling enumeration reports a device plugged in and pulled out", "[usb]") {
  drivers::UsbContext::Options options;
  options.detection = drivers::UsbContext::Detection::polling;
  options.poll_interval = 20ms;
  check_arrival_and_removal(options);
}

TEST_CASE("a handler that throws does not stop the notifications", "[usb]") {
  testing::UmockdevUsbBus::require_active();
  testing::UmockdevUsbBus bus;
  auto context = drivers::UsbContext::create();
  REQUIRE(context.ok());
  context.value()->subscribe([](drivers::UsbChange, const drivers::UsbDeviceAddress&) {
    throw std::runtime_error("subscriber bug");
  });
  testing::Inbox<Change> changes;
  context.value()->subscribe([&](drivers::UsbChange c, const drivers::UsbDeviceAddress& a) {
    changes.push({c, a});
  });
  bus.plug(spec(0x0400, 0xC35A), std::make_shared<drivers::EmulatedLink>());
  CHECK(changes.wait_for(is(drivers::UsbChange::arrived, 0x0400, 0xC35A), 10s));
}
