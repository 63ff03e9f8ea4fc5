// kioskhw on a real bench: the devices found through the kernel (usbdevfs emulated by umockdev),
// nothing linked in. What a technician sees with nothing plugged in, and with an ID reader.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <cstdlib>
#include <sstream>

#include "drivers/emu/id_reader/id_reader_emulator.hpp"
#include "tests/support/temp_dir.hpp"
#include "tests/support/umockdev_usb_device.hpp"
#include "tests/tools/kioskhw/run_kioskhw.hpp"
#include "tools/kioskhw/exit_codes.hpp"

using namespace kiosk;
using kiosk::testing::kioskhw;
namespace emu = kiosk::drivers::emu;

namespace {}  // namespace

TEST_CASE("with nothing plugged in kioskhw says each device is not found, exit 3",
          "[kioskhw][usb]") {
  testing::UmockdevUsbBus::require_active();
  testing::UmockdevUsbBus bus;
  testing::TempDir dir("kioskhw-real");
  ::setenv("KIOSKHW_CAMERA", (dir.path / "no-camera").c_str(), 1);

  const auto read = kioskhw({"read-id", "--out", dir.path.string()});
  CHECK(read.code == tools::kExitNoDevice);
  CHECK(read.err.find("no_device") != std::string::npos);
  CHECK(read.err.find("id_reader not found") != std::string::npos);

  const auto list = kioskhw({"list", "--json", "--out", dir.path.string()});
  CHECK(list.code == tools::kExitNoDevice);
  const auto j = nlohmann::json::parse(list.out);
  CHECK(j["devices"].empty());
  REQUIRE(j["absent"].size() == 5);
  for (const auto& a : j["absent"]) CHECK(a["error"]["reason"] == "no_device");
}

TEST_CASE("kioskhw finds the ID reader on the USB bus and reads a card through libusb",
          "[kioskhw][usb]") {
  testing::UmockdevUsbBus::require_active();
  testing::UmockdevUsbBus bus;
  testing::TempDir dir("kioskhw-real");
  ::setenv("KIOSKHW_CAMERA", (dir.path / "no-camera").c_str(), 1);
  emu::IdReaderEmulator reader;
  reader.start();
  testing::UsbDeviceSpec spec;
  spec.vid = 0x0400;
  spec.pid = 0xc35a;
  auto device = bus.plug(spec, reader.link());
  const auto& citizen = emu::synthetic_citizens().front();
  reader.place_card(citizen);

  const auto list = kioskhw({"list", "--out", dir.path.string()});
  CHECK(list.code == tools::kExitOk);
  CHECK(list.out.find("id_reader\t") == 0);
  CHECK(list.out.find("usb:0400:c35a") != std::string::npos);
  CHECK(list.out.find("card_printer\t-\tnot found") != std::string::npos);

  const auto read = kioskhw({"read-id", "--json", "--out", dir.path.string()});
  INFO(read.err);
  REQUIRE(read.code == tools::kExitOk);
  CHECK(nlohmann::json::parse(read.out)["id_number"] == citizen.card.id_number);

  // The printers are still absent: a print is refused as "not found", not as a failure.
  const auto print = kioskhw({"print-test-receipt", "--out", dir.path.string()});
  CHECK(print.code == tools::kExitNoDevice);
  device->unplug();
  reader.stop();
}

TEST_CASE("exit codes tell a missing device from a missing permission", "[kioskhw]") {
  CHECK(tools::exit_code_for(hal::make_error(hal::CompletionCode::deviceNotReady, "no_device",
                                             "")) == tools::kExitNoDevice);
  CHECK(tools::exit_code_for(hal::make_error(hal::CompletionCode::deviceNotReady, "permission",
                                             "")) == tools::kExitNoPermission);
  CHECK(tools::exit_code_for(hal::make_error(hal::CompletionCode::hardwareError, "io", "")) ==
        tools::kExitFailed);
}
