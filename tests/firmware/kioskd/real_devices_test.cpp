// kioskd in real-device mode, unmodified, as a child process against emulated KERNEL devices:
// the ID reader, card printer and receipt printer behind usbdevfs (umockdev), the payment
// scanner on a serial pty, the camera behind V4L2 ioctls. The emulators sit where the
// hardware would; kioskd finds each device by its configured identity, opens it through
// libusb/termios/V4L2 and follows its cable being pulled and plugged back.
#include <signal.h>
#include <sys/wait.h>
#include <catch2/catch.hpp>

#include <cstdio>
#include <cstdlib>
#include <functional>
#include <thread>

#include "firmware/citizen/citizen.hpp"
#include "firmware/rpc/client.hpp"
#include "tests/firmware/kioskd/fixtures.hpp"
#include "tests/support/emulated_kernel.hpp"
#include "tests/support/emulated_kernel_hand.hpp"
#include "tests/support/umockdev_usb_device.hpp"

using namespace kiosk;
using nlohmann::json;

namespace {

struct Kiosk {
  testing::TempDir dir;
  testing::InProcessCentral central{dir.path / "central"};
  testing::EmulatedKernel kernel{dir.path / "devices"};
  std::filesystem::path socket = dir.path / "kioskd.sock";  // kioskd_config's
  std::filesystem::path log = dir.path / "kioskd.log";
  pid_t pid = -1;

  // `edit` may change the [device.*] sections kioskd is given (a wrong product id).
  explicit Kiosk(const std::function<std::string(std::string)>& edit = {}) {
    auto config = testing::kioskd_config(dir.path, &central);
    config.simulation.enabled = false;
    config.capture_countdown = std::chrono::seconds(0);
    const std::string devices = kernel.devices_config();
    testing::write_kioskd_conf(config, dir.path / "kioskd.conf", edit ? edit(devices) : devices);
  }
  ~Kiosk() {
    kill();
    // KIOSK_TEST_SHOW_LOG=1: kioskd's own log, for reading a failure.
    if (std::getenv("KIOSK_TEST_SHOW_LOG") != nullptr)
      std::fprintf(stderr, "%s", log_text().c_str());
  }

  // Inherits LD_PRELOAD and UMOCKDEV_DIR: the same emulated kernel as this process.
  void start() { pid = testing::spawn_kioskd(KIOSKD_BINARY, dir.path / "kioskd.conf", log); }
  void kill() {
    if (pid > 0) {
      ::kill(pid, SIGTERM);
      ::waitpid(pid, nullptr, 0);
      pid = -1;
    }
  }
  std::string log_text() const { return testing::file_text(log); }
};

}  // namespace

TEST_CASE("kioskd in real-device mode finds every device through the kernel and follows replugs",
          "[kioskd][real_devices]") {
  testing::UmockdevUsbBus::require_active();
  Kiosk k;
  k.start();
  auto c = testing::connect_when_ready(k.socket);
  INFO(k.log_text());
  REQUIRE(c);
  for (const char* id :
       {"id_reader", "card_printer", "receipt_printer", "camera", "payment_scanner"})
    CHECK(testing::await_device_state(*c, id, "online") == "online");
  auto status = c->call("kiosk.status");
  REQUIRE(status);
  CHECK_FALSE(status.value()["simulation"].get<bool>());
  // A build with simulation still answers no emulator.* method in real-device mode.
  auto emu_call = c->call("emulator.citizens");
  REQUIRE_FALSE(emu_call);

  for (const char* id :
       {"id_reader", "card_printer", "receipt_printer", "camera", "payment_scanner"}) {
    INFO(id);
    k.kernel.unplug(id);
    CHECK(testing::await_device_state(*c, id, "noDevice") == "noDevice");
    // The services that need the device say so, and a session is refused with the reason.
    if (std::string(id) != "receipt_printer") {
      auto s = c->call("kiosk.status");
      REQUIRE(s);
      CHECK_FALSE(s.value()["services"]["renewal"]["available"].get<bool>());
      CHECK(s.value()["services"]["renewal"]["missing_device"] == id);
      auto refused = c->call("session.start", json{{"service", "renewal"}});
      REQUIRE_FALSE(refused);
      CHECK(refused.error().reason() == "device_unavailable");
    }
    k.kernel.replug(id);
    CHECK(testing::await_device_state(*c, id, "online") == "online");
  }
  c.reset();
  k.kill();
}

TEST_CASE(
    "a licence is renewed by kioskd in real-device mode, each USB device replugged on the way",
    "[kioskd][real_devices][renewal]") {
  testing::UmockdevUsbBus::require_active();
  Kiosk k;
  k.start();
  auto c = testing::connect_when_ready(k.socket);
  INFO(k.log_text());
  REQUIRE(c);
  const std::string token = testing::technician_token(*c);
  REQUIRE_FALSE(token.empty());
  REQUIRE(c->call("stock.load", testing::blank_cards(token, 5)));
  for (const char* id :
       {"id_reader", "card_printer", "receipt_printer", "camera", "payment_scanner"})
    REQUIRE(testing::await_device_state(*c, id, "noDevice", false) != "noDevice");

  // Each USB cable is pulled and plugged back while the citizen is in the middle of the
  // renewal, between the steps that use that device.
  const auto& pull_at = testing::renewal_replug_points();
  std::vector<std::string> replugged;
  citizen::CitizenOptions co;
  co.socket = k.socket;
  co.timeout = std::chrono::seconds(120);
  co.hand = testing::citizen_hand(k.kernel);
  std::vector<std::string> lines;
  co.log = [&lines](const std::string& l) { lines.push_back(l); };
  co.on_screen = [&](const std::string& screen) {
    auto it = pull_at.find(screen);
    if (it == pull_at.end()) return;
    k.kernel.unplug(it->second);
    const auto gone = testing::await_device_state(*c, it->second, "noDevice");
    k.kernel.replug(it->second);
    const auto back = testing::await_device_state(*c, it->second, "online");
    if (gone == "noDevice" && back == "online") replugged.push_back(it->second);
  };
  const auto report = citizen::run_citizen(co);
  std::string transcript;
  for (const auto& l : lines) transcript += l + "\n";
  INFO(transcript);
  REQUIRE(report.completed);
  CHECK(replugged == std::vector<std::string>{"id_reader", "card_printer", "receipt_printer"});
  REQUIRE(report.card_images.size() == 2);  // front and back, as the emulator printed them
  for (const auto& p : report.card_images) CHECK(std::filesystem::exists(p));
  CHECK(std::filesystem::exists(report.receipt_image));

  auto stock = c->call("stock.status", json{{"token", token}});
  REQUIRE(stock);
  CHECK(stock.value()["issued"] == 1);
  CHECK(stock.value()["reserved"] == 0);
  c.reset();
  k.kill();
}

TEST_CASE("a configured USB device missing while another model of its vendor is plugged is named",
          "[kioskd][real_devices]") {
  testing::UmockdevUsbBus::require_active();
  // kioskd is told of an Evolis with product id 7fff; the bus has the emulated Evolis.
  std::string plugged;
  Kiosk k([&plugged](std::string devices) {
    const std::string key = "[device.card_printer]\nusb = ";
    const auto at = devices.find(key);
    REQUIRE(at != std::string::npos);
    plugged = devices.substr(at + key.size(), 9);  // "0f49:pppp"
    devices.replace(at + key.size() + 5, 4, "7fff");
    return devices;
  });
  REQUIRE(plugged.rfind("0f49:", 0) == 0);
  k.start();
  auto c = testing::connect_when_ready(k.socket);
  INFO(k.log_text());
  REQUIRE(c);
  CHECK(testing::await_device_state(*c, "id_reader", "online") == "online");
  CHECK(testing::await_device_state(*c, "card_printer", "noDevice") == "noDevice");
  const json printer = testing::device_entry(*c, "card_printer");
  CHECK(printer["detail"]["connection"] == "different_model");
  CHECK(printer["detail"]["found"] == plugged);
  auto s = c->call("kiosk.status");
  REQUIRE(s);
  CHECK_FALSE(s.value()["services"]["renewal"]["available"].get<bool>());
  CHECK(s.value()["services"]["renewal"]["missing_device"] == "card_printer");

  // The other model unplugged: now simply not connected.
  k.kernel.unplug("card_printer");
  std::string connection;
  for (int i = 0; i < 400 && connection != "not_connected"; ++i) {
    connection = testing::device_entry(*c, "card_printer")["detail"].value("connection", "");
    std::this_thread::sleep_for(std::chrono::milliseconds(25));
  }
  CHECK(connection == "not_connected");
  c.reset();
  k.kill();
}

TEST_CASE("the card printer pulled out mid-print: the paid renewal settles and service returns",
          "[kioskd][real_devices][money]") {
  testing::UmockdevUsbBus::require_active();
  Kiosk k;
  k.start();
  auto c = testing::connect_when_ready(k.socket);
  INFO(k.log_text());
  REQUIRE(c);
  const std::string token = testing::technician_token(*c);
  REQUIRE(c->call("stock.load", testing::blank_cards(token, 5)));
  REQUIRE(testing::await_device_state(*c, "card_printer", "online") == "online");

  citizen::CitizenOptions co;
  co.socket = k.socket;
  co.timeout = std::chrono::seconds(120);
  co.hand = testing::citizen_hand(k.kernel);
  bool pulled = false;
  co.on_screen = [&](const std::string& screen) {
    if (screen != "printing" || pulled) return;
    // The cable goes while the card is inside the printer, being printed.
    for (int i = 0; i < 400 && k.kernel.card_printer().card_position() != "held"; ++i)
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    k.kernel.unplug("card_printer");
    pulled = true;
  };
  const auto report = citizen::run_citizen(co);
  REQUIRE(pulled);
  CHECK_FALSE(report.completed);
  INFO("final screen " << report.final_screen << " " << report.error);
  CHECK((report.final_screen == "ended" || report.final_screen == "call_staff"));

  // The citizen paid: the money is given back (or its refund is on its way, with a reference),
  // never left charged for a card that was not issued.
  auto screen = c->call("session.get");
  REQUIRE(screen);
  INFO(screen.value().dump());
  const std::string money = screen.value()["data"]["money"].value("state", "");
  CHECK((money == "refunded" || money == "refund_pending"));
  auto stock = c->call("stock.status", json{{"token", token}});
  REQUIRE(stock);
  CHECK(stock.value()["issued"] == 0);
  CHECK(stock.value()["reserved"] == 0);

  // No printer: renewal is unavailable with its reason; the printer back: in service again.
  CHECK(testing::await_device_state(*c, "card_printer", "noDevice") == "noDevice");
  k.kernel.replug("card_printer");
  CHECK(testing::await_device_state(*c, "card_printer", "online") == "online");
  bool available = false;
  for (int i = 0; i < 400 && !available; ++i) {
    auto s = c->call("kiosk.status");
    available = s && s.value()["services"]["renewal"]["available"].get<bool>();
    if (!available) std::this_thread::sleep_for(std::chrono::milliseconds(25));
  }
  CHECK(available);
  c.reset();
  k.kill();
}
