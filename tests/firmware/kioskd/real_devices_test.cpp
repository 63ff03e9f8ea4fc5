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
#include <fstream>
#include <sstream>
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

  Kiosk() {
    auto config = testing::kioskd_config(dir.path, &central);
    config.simulation.enabled = false;
    config.capture_countdown = std::chrono::seconds(0);
    testing::write_kioskd_conf(config, dir.path / "kioskd.conf", kernel.devices_config());
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
  std::string log_text() const {
    std::ifstream f(log);
    std::ostringstream text;
    text << f.rdbuf();
    return text.str();
  }
};

std::unique_ptr<rpc::Client> connect(const std::filesystem::path& socket) {
  for (int i = 0; i < 400; ++i) {
    if (auto c = rpc::Client::connect(socket); c && c.value()->call("kiosk.status"))
      return std::move(c).value();
    std::this_thread::sleep_for(std::chrono::milliseconds(25));
  }
  return nullptr;
}

std::string device_state(rpc::Client& c, const std::string& id) {
  auto r = c.call("devices.list");
  if (!r) return "?";
  for (const auto& d : r.value()["devices"])
    if (d.value("id", "") == id) return d.value("state", "?");
  return "?";
}

// Waits until the device's state is (or is not) `state`; returns the last state seen.
std::string await_state(rpc::Client& c, const std::string& id, const std::string& state,
                        bool equal = true) {
  std::string now;
  for (int i = 0; i < 400; ++i) {
    now = device_state(c, id);
    if ((now == state) == equal) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(25));
  }
  return now;
}

}  // namespace

TEST_CASE("kioskd in real-device mode finds every device through the kernel and follows replugs",
          "[kioskd][real_devices]") {
  testing::UmockdevUsbBus::require_active();
  Kiosk k;
  k.start();
  auto c = connect(k.socket);
  INFO(k.log_text());
  REQUIRE(c);
  for (const char* id :
       {"id_reader", "card_printer", "receipt_printer", "camera", "payment_scanner"})
    CHECK(await_state(*c, id, "online") == "online");
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
    CHECK(await_state(*c, id, "noDevice") == "noDevice");
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
    CHECK(await_state(*c, id, "online") == "online");
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
  auto c = connect(k.socket);
  INFO(k.log_text());
  REQUIRE(c);
  const std::string token = testing::technician_token(*c);
  REQUIRE_FALSE(token.empty());
  REQUIRE(c->call("stock.load", testing::blank_cards(token, 5)));
  for (const char* id :
       {"id_reader", "card_printer", "receipt_printer", "camera", "payment_scanner"})
    REQUIRE(await_state(*c, id, "noDevice", false) != "noDevice");

  // Each USB cable is pulled and plugged back while the citizen is in the middle of the
  // renewal, between the steps that use that device.
  const std::map<std::string, std::string> pull_at{
      {"consent", "id_reader"}, {"photo_review", "card_printer"}, {"payment", "receipt_printer"}};
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
    const auto gone = await_state(*c, it->second, "noDevice");
    k.kernel.replug(it->second);
    const auto back = await_state(*c, it->second, "online");
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
