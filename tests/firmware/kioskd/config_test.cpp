#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include "firmware/kioskd/config.hpp"

using namespace kiosk::kioskd;

namespace {
const std::string kMinimal = "[kiosk]\nid = K-0001\n";
const std::string kSimulated = kMinimal + "[simulation]\nenabled = true\n";
// A kiosk in service: every device said, each the way its kind is reached.
const std::string kRealDevices = kMinimal +
                                 "[device.id_reader]\nusb = 0400:c35a\n"
                                 "[device.card_printer]\nusb = 0f49:0001\nusb_port = 1-1.2\n"
                                 "[device.receipt_printer]\nusb = 0dd4:0195\n"
                                 "[device.camera]\nv4l2 = /dev/v4l/by-id/usb-cam-video-index0\n"
                                 "[device.payment_scanner]\nserial = /dev/serial/by-id/usb-scan\n"
                                 "baud = 115200\nflow_control = rtscts\n";
}  // namespace

TEST_CASE("the example config file parses and sets every documented key", "[kioskd][config]") {
  auto r = load_config(std::string(KIOSK_SOURCE_DIR) + "/firmware/kioskd/kioskd.conf.example");
  if (auto* e = std::get_if<ConfigError>(&r)) FAIL("line " << e->line << ": " << e->message);
  const auto& c = std::get<KioskdConfig>(r);
  CHECK(c.kiosk_id == "kiosk-0001");
  CHECK(c.socket_path == "/run/kioskd/kioskd.sock");
  CHECK(c.central.url == "https://central.example.org:8443");
  CHECK(c.central.request_timeout == std::chrono::milliseconds(5000));
  CHECK(c.signing_key_file == c.central.key_file);  // defaults to the TLS client key
  CHECK_FALSE(c.simulation.enabled);
  REQUIRE(c.devices.id_reader.usb.has_value());
  CHECK(c.devices.id_reader.usb->vid == 0x0400);
  CHECK(c.devices.camera.v4l2.string().rfind("/dev/v4l/by-id/", 0) == 0);
  CHECK(c.devices.payment_scanner.configured());
  CHECK(c.retention == std::chrono::hours(720));
  CHECK(c.idle_timeout == std::chrono::seconds(60));
  CHECK(c.capture_countdown == std::chrono::seconds(3));
  CHECK(c.settle_interval == std::chrono::seconds(10));
  CHECK(c.unsettled_payment_limit == std::chrono::minutes(15));
}

TEST_CASE("a minimal config takes the defaults", "[kioskd][config]") {
  auto r = parse_config(kMinimal + "# comment\n\n[simulation]\nenabled = yes\ntime_scale = 0.5\n");
  REQUIRE(std::holds_alternative<KioskdConfig>(r));
  const auto& c = std::get<KioskdConfig>(r);
  CHECK(c.kiosk_id == "K-0001");
  CHECK(c.simulation.enabled);
  CHECK(c.simulation.time_scale == 0.5);
  CHECK(c.journal_path == "/var/lib/kioskd/journal.db");
  CHECK(c.central.url.empty());
  CHECK(c.capture_countdown == std::chrono::seconds(3));
  auto zero = parse_config(kSimulated + "[timeouts]\ncapture_countdown_seconds = 0\n");
  REQUIRE(std::holds_alternative<KioskdConfig>(zero));
  CHECK(std::get<KioskdConfig>(zero).capture_countdown == std::chrono::seconds(0));
}

TEST_CASE("real-device mode reads what identifies each device", "[kioskd][config]") {
  auto r = parse_config(kRealDevices);
  if (auto* e = std::get_if<ConfigError>(&r)) FAIL("line " << e->line << ": " << e->message);
  const auto& d = std::get<KioskdConfig>(r).devices;
  REQUIRE(d.card_printer.usb.has_value());
  CHECK(d.card_printer.usb->vid == 0x0f49);
  CHECK(d.card_printer.usb->pid == 0x0001);
  REQUIRE(d.card_printer.usb_bus.has_value());
  CHECK(*d.card_printer.usb_bus == 1);
  CHECK(d.card_printer.usb_port == std::vector<std::uint8_t>{1, 2});
  CHECK(d.id_reader.usb_port.empty());  // any port
  CHECK(d.payment_scanner.serial == "/dev/serial/by-id/usb-scan");
  CHECK(d.payment_scanner.baud == 115200);
  CHECK(d.payment_scanner.rts_cts);
  CHECK(d.payment_scanner.evdev.empty());

  // The keyboard scanner is read through evdev instead.
  std::string keyboard = kRealDevices;
  keyboard.replace(keyboard.find("serial = "), std::string("serial = ").size(), "evdev = ");
  auto k = parse_config(keyboard);
  if (auto* e = std::get_if<ConfigError>(&k)) FAIL("line " << e->line << ": " << e->message);
  CHECK(std::get<KioskdConfig>(k).devices.payment_scanner.evdev == "/dev/serial/by-id/usb-scan");
}

TEST_CASE("the camera's and the ID reader's own settings are read", "[kioskd][config]") {
  auto r = parse_config(kRealDevices +
                        "[device.camera]\nformat = mjpeg\npower_line_hz = 60\nframe_rate = 15\n"
                        "lock_exposure = false\n"
                        "[device.id_reader]\nwlt_library = /usr/lib/kiosk/libwlt.so\n");
  if (auto* e = std::get_if<ConfigError>(&r)) FAIL("line " << e->line << ": " << e->message);
  const auto& d = std::get<KioskdConfig>(r).devices;
  CHECK(d.camera.format == kiosk::hal::PixelFormat::mjpeg);
  CHECK(d.camera.power_line_hz == 60);
  CHECK(d.camera.frame_rate == 15);
  CHECK(d.camera.lock_exposure == false);
  CHECK(d.id_reader.wlt_library == "/usr/lib/kiosk/libwlt.so");
  // Unsaid, they are the driver's defaults.
  const auto parsed = parse_config(kRealDevices);
  const auto& plain = std::get<KioskdConfig>(parsed).devices;
  CHECK_FALSE(plain.camera.format.has_value());
  CHECK_FALSE(plain.camera.power_line_hz.has_value());
  CHECK(plain.id_reader.wlt_library.empty());
}

TEST_CASE("real-device mode refuses a device it cannot reach", "[kioskd][config]") {
  struct Case {
    std::string text;
    int line;
    std::string contains;
  };
  const Case cases[] = {
      {kMinimal, 0, "[device.id_reader] needs usb"},
      {kRealDevices + "[device.camera]\nusb = 046d:0825\n", 0, "[device.camera] needs v4l2"},
      {kRealDevices + "[device.payment_scanner]\nevdev = /dev/input/event3\n", 0,
       "[device.payment_scanner] needs serial or evdev"},
      {kMinimal + "[device.id_reader]\nusb = 0400\n", 4, "<vid>:<pid>"},
      {kMinimal + "[device.id_reader]\nusb = 0400:c35a5\n", 4, "<vid>:<pid>"},
      {kMinimal + "[device.card_printer]\nusb_port = 1-\n", 4, "1-1.2"},
      {kMinimal + "[device.card_printer]\nusb_port = 0-1\n", 4, "1-1.2"},
      {kMinimal + "[device.payment_scanner]\nbaud = 1000\n", 4, "standard rate"},
      {kMinimal + "[device.payment_scanner]\nflow_control = xon\n", 4, "rtscts or none"},
      {kMinimal + "[device.payment_scanner]\nserial = ttyS0\n", 4, "absolute path"},
      {kMinimal + "[device.printer]\nusb = 0dd4:0195\n", 4, "unknown key device.printer.usb"},
      {kMinimal + "[device.camera]\nformat = h264\n", 4, "expects yuyv or mjpeg"},
      {kMinimal + "[device.camera]\npower_line_hz = 55\n", 4, "50, 60 or 0"},
      {kMinimal + "[device.camera]\nframe_rate = 120\n", 4, "0..60"},
      {kMinimal + "[device.id_reader]\nwlt_library = libwlt.so\n", 4, "absolute path"},
      {kRealDevices + "[device.card_printer]\nformat = mjpeg\n", 0, "belong in [device.camera]"},
      {kRealDevices + "[device.payment_scanner]\nlock_exposure = false\n", 0,
       "belong in [device.camera]"},
      {kRealDevices + "[device.camera]\nwlt_library = /usr/lib/libwlt.so\n", 0,
       "wlt_library belongs in [device.id_reader]"},
  };
  for (const auto& c : cases) {
    auto r = parse_config(c.text);
    INFO(c.text);
    REQUIRE(std::holds_alternative<ConfigError>(r));
    CHECK(std::get<ConfigError>(r).line == c.line);
    CHECK_THAT(std::get<ConfigError>(r).message, Catch::Contains(c.contains));
  }
}

TEST_CASE("config errors name the line and never pass silently", "[kioskd][config]") {
  struct Case {
    std::string text;
    int line;
    std::string contains;
  };
  const Case cases[] = {
      {kMinimal + "[kiosk]\nsocket_pth = /x\n", 4, "unknown key kiosk.socket_pth"},
      {kMinimal + "[simulation]\nenabled = maybe\n", 4, "true or false"},
      {kMinimal + "[simulation]\ntime_scale = -1\n", 4, ">= 0"},
      {kMinimal + "[timeouts]\nidle_seconds = 1x\n", 4, "integer"},
      {kMinimal + "[central]\nurl = http://plain\n", 4, "https"},
      {kMinimal + "[central]\npinned_public_key = AAAA\n", 4, "sha256//"},
      {kMinimal + "[broken\n", 3, "malformed section"},
      {kMinimal + "just words\n", 3, "key = value"},
      {"[kiosk]\nsocket = /x\n", 0, "kiosk.id is required"},
      {kMinimal + "[central]\nurl = https://c:1\n", 0, "ca_file"},
  };
  for (const auto& c : cases) {
    auto r = parse_config(c.text);
    INFO(c.text);
    REQUIRE(std::holds_alternative<ConfigError>(r));
    CHECK(std::get<ConfigError>(r).line == c.line);
    CHECK_THAT(std::get<ConfigError>(r).message, Catch::Contains(c.contains));
  }
}

TEST_CASE("random bytes as a config file are an error, never a crash", "[kioskd][config]") {
  std::uint32_t x = 12345;
  for (int i = 0; i < 200; ++i) {
    std::string text;
    for (int k = 0; k < 200; ++k) {
      x = x * 1664525u + 1013904223u;
      text.push_back(static_cast<char>(x >> 24));
    }
    auto r = parse_config(text);
    CHECK(std::holds_alternative<ConfigError>(r));
  }
}
