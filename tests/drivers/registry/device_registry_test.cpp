// DeviceRegistry: USB devices through the umockdev harness, serial ports on a pty, emulators.
#include "drivers/registry/device_registry.hpp"

#include <catch2/catch.hpp>

#include <pty.h>
#include <unistd.h>

#include <algorithm>

#include "tests/support/umockdev_usb_device.hpp"
#include "tests/support/usb_test_helpers.hpp"

using namespace kiosk;
using namespace std::chrono_literals;

namespace {

testing::UsbDeviceSpec spec(std::uint16_t vid, std::uint16_t pid) {
  testing::UsbDeviceSpec s;
  s.vid = vid;
  s.pid = pid;
  return s;
}

drivers::Bytes bytes_of(std::string_view s) {
  return drivers::Bytes(s.begin(), s.end());
}

// A driver stand-in: remembers which transport it was built on.
class FakeDevice final : public hal::Device {
 public:
  explicit FakeDevice(std::unique_ptr<drivers::Transport> t) : transport_(std::move(t)) {}
  hal::DeviceInfo info() const override {
    hal::DeviceInfo i;
    i.id = "fake";
    i.transport = transport_->describe();
    return i;
  }
  hal::Status open() override { return transport_->open(); }
  void close() override { transport_->close(); }
  hal::DeviceStatus status() const override { return {}; }
  hal::Result<hal::DeviceStatus> health_check() override { return hal::DeviceStatus{}; }
  hal::Statistics statistics() const override { return {}; }
  void set_event_handler(hal::EventHandler) override {}
  bool cancel(hal::RequestId) override { return false; }

 private:
  std::unique_ptr<drivers::Transport> transport_;
};

const drivers::DeviceCandidate* find(const std::vector<drivers::DeviceCandidate>& all,
                                     std::string_view location) {
  for (const auto& c : all) {
    if (c.location == location) return &c;
  }
  return nullptr;
}

using Change = std::pair<drivers::DeviceChange, std::string>;

}  // namespace

TEST_CASE("an emulated 0400:C35A USB device is discovered as an ID reader and its transport opens",
          "[registry][usb]") {
  testing::UmockdevUsbBus::require_active();
  testing::UmockdevUsbBus bus;
  testing::EchoEmulator echo;
  bus.plug(spec(0x0400, 0xC35A), echo.link());
  auto usb = drivers::UsbContext::create().value();
  drivers::DeviceRegistry registry(usb);

  const auto all = registry.discover();
  REQUIRE(all.size() == 1);
  const auto& c = all.front();
  CHECK(c.kind == drivers::DeviceKind::idReader);
  CHECK(c.source == drivers::DeviceSource::usb);
  CHECK(c.location == "usb:0400:c35a@1-1");
  CHECK_FALSE(c.model.empty());

  auto t = c.open_transport();
  REQUIRE(t.ok());
  REQUIRE(t.value()->open().ok());
  CHECK(t.value()->describe() == c.location);
  REQUIRE(t.value()->write(bytes_of("id?"), 1s).ok());
  auto r = t.value()->read(64, 2s);
  REQUIRE(r.ok());
  CHECK(r.value() == bytes_of("id?"));
}

TEST_CASE("a USB device with an unknown VID/PID is ignored", "[registry][usb]") {
  testing::UmockdevUsbBus::require_active();
  testing::UmockdevUsbBus bus;
  bus.plug(spec(0x1234, 0x5678), std::make_shared<drivers::EmulatedLink>());
  auto usb = drivers::UsbContext::create().value();
  drivers::DeviceRegistry registry(usb);
  CHECK(registry.discover().empty());
}

TEST_CASE("USB arrival and removal of a known device are reported, unknown devices are not",
          "[registry][usb]") {
  testing::UmockdevUsbBus::require_active();
  testing::UmockdevUsbBus bus;
  auto usb = drivers::UsbContext::create().value();
  drivers::DeviceRegistry registry(usb);
  testing::Inbox<Change> changes;
  registry.set_change_handler([&](drivers::DeviceChange change, const drivers::DeviceCandidate& c) {
    changes.push({change, c.location});
  });

  bus.plug(spec(0x1234, 0x5678), std::make_shared<drivers::EmulatedLink>());  // at 1-1
  auto printer = bus.plug(spec(0x0F49, 0x0003), std::make_shared<drivers::EmulatedLink>());
  const auto arrived = [](const Change& c) {
    return c.first == drivers::DeviceChange::arrived && c.second == "usb:0f49:0003@1-2";
  };
  REQUIRE(changes.wait_for(arrived, 10s));
  printer->unplug();
  const auto removed = [](const Change& c) {
    return c.first == drivers::DeviceChange::removed && c.second == "usb:0f49:0003@1-2";
  };
  REQUIRE(changes.wait_for(removed, 10s));
  for (const auto& c : changes.items()) CHECK(c.second.find("1234") == std::string::npos);
}

TEST_CASE("the USB table knows the ID reader and the card printer vendors", "[registry]") {
  drivers::DeviceRegistry registry(nullptr);
  CHECK(registry.classify_usb(0x0400, 0xC35A)->kind == drivers::DeviceKind::idReader);
  CHECK_FALSE(registry.classify_usb(0x0400, 0x0001).has_value());
  CHECK(registry.classify_usb(0x0F49, 0x1234)->kind == drivers::DeviceKind::cardPrinter);
  CHECK_FALSE(registry.classify_usb(0x0C1F, 0x0001).has_value());  // Magicard: no driver
  CHECK(registry.classify_usb(0x04B8, 0x0202)->kind == drivers::DeviceKind::receiptPrinter);
  CHECK_FALSE(registry.classify_usb(0x04B8, 0x0001).has_value());  // other Epson products
  CHECK(registry.classify_usb(0x0DD4, 0x015D)->kind == drivers::DeviceKind::receiptPrinter);

  SECTION("a product rule wins over a vendor-wide rule, a later rule over an earlier one") {
    registry.add_usb_rule({0x0F49, 0x9999, drivers::DeviceKind::receiptPrinter, "odd one"});
    CHECK(registry.classify_usb(0x0F49, 0x9999)->kind == drivers::DeviceKind::receiptPrinter);
    CHECK(registry.classify_usb(0x0F49, 0x0001)->kind == drivers::DeviceKind::cardPrinter);
    registry.add_usb_rule({0x0F49, std::nullopt, drivers::DeviceKind::camera, "override"});
    CHECK(registry.classify_usb(0x0F49, 0x0001)->kind == drivers::DeviceKind::camera);
  }
}

TEST_CASE("a USB table is parsed from text and malformed lines are rejected", "[registry]") {
  auto ok = drivers::parse_usb_rules(
      "# comment\n\n0400:C35A idReader  CVR-100 reader  # trailing\n1a86:* paymentScanner\n");
  REQUIRE(ok.ok());
  REQUIRE(ok.value().size() == 2);
  CHECK(ok.value()[0].vid == 0x0400);
  CHECK(ok.value()[0].pid == std::optional<std::uint16_t>(0xC35A));
  CHECK(ok.value()[0].model == "CVR-100 reader");
  CHECK_FALSE(ok.value()[1].pid.has_value());
  CHECK(ok.value()[1].kind == drivers::DeviceKind::paymentScanner);

  for (const char* bad : {"0400 idReader", "zz:1 idReader", "0400:c35a", "0400:c35a scanner",
                          "12345:1 idReader", "0400:-1 idReader", ":c35a idReader"}) {
    auto r = drivers::parse_usb_rules(std::string("# header\n") + bad + "\n");
    INFO(bad);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == hal::CompletionCode::invalidData);
    CHECK(r.error().reason == "usb_rule");
    CHECK(r.error().message.find("line 2") != std::string::npos);
  }
}

TEST_CASE("a configured serial port is a candidate while it exists", "[registry][serial]") {
  int master = -1;
  int slave = -1;
  char name[128] = {};
  REQUIRE(::openpty(&master, &slave, name, nullptr, nullptr) == 0);
  ::close(slave);
  drivers::DeviceRegistry registry(nullptr);
  registry.add_serial_port({name, 9600, drivers::DeviceKind::paymentScanner});
  registry.add_serial_port({"/dev/does-not-exist-kiosk", 115200, drivers::DeviceKind::idReader});

  const auto all = registry.discover();
  REQUIRE(all.size() == 1);
  CHECK(all[0].kind == drivers::DeviceKind::paymentScanner);
  CHECK(all[0].source == drivers::DeviceSource::serial);
  CHECK(all[0].location == std::string("serial:") + name);
  auto t = all[0].open_transport();
  REQUIRE(t.ok());
  REQUIRE(t.value()->open().ok());
  REQUIRE(::write(master, "6212", 4) == 4);
  auto r = t.value()->read(16, 2s);
  REQUIRE(r.ok());
  CHECK(r.value().front() == '6');
  t.value()->close();
  ::close(master);
}

TEST_CASE("an emulated link is a candidate and builds a device through its factory", "[registry]") {
  testing::EchoEmulator echo;
  drivers::DeviceRegistry registry(nullptr);
  registry.add_emulated("receipt", drivers::DeviceKind::receiptPrinter, echo.link());
  const auto all = registry.discover();
  const auto* c = find(all, "emulated:receipt");
  REQUIRE(c != nullptr);
  CHECK(c->kind == drivers::DeviceKind::receiptPrinter);
  CHECK(c->source == drivers::DeviceSource::emulated);

  SECTION("without a factory for its kind it cannot be created") {
    auto d = registry.create(*c);
    REQUIRE_FALSE(d.ok());
    CHECK(d.error().code == hal::CompletionCode::unsupported);
    CHECK(d.error().reason == "no_factory");
  }
  SECTION("the registered factory receives the candidate's transport") {
    registry.register_factory(
        drivers::DeviceKind::receiptPrinter,
        [](std::unique_ptr<drivers::Transport> t,
           const drivers::DeviceCandidate&) -> hal::Result<std::unique_ptr<hal::Device>> {
          return std::unique_ptr<hal::Device>(std::make_unique<FakeDevice>(std::move(t)));
        });
    auto d = registry.create(*c);
    REQUIRE(d.ok());
    CHECK(d.value()->info().transport == "emulated:receipt");
    REQUIRE(d.value()->open().ok());
  }
  SECTION("a removed emulator is no longer a candidate") {
    registry.remove_emulated("receipt");
    CHECK(find(registry.discover(), "emulated:receipt") == nullptr);
  }
}

TEST_CASE("device kinds have stable names", "[registry]") {
  for (auto k : {drivers::DeviceKind::idReader, drivers::DeviceKind::cardPrinter,
                 drivers::DeviceKind::receiptPrinter, drivers::DeviceKind::camera,
                 drivers::DeviceKind::paymentScanner}) {
    CHECK(drivers::device_kind_from_string(drivers::to_string(k)) == k);
  }
  CHECK_FALSE(drivers::device_kind_from_string("printer").has_value());
}
