#include "tests/support/emulated_kernel.hpp"

#include <map>
#include <stdexcept>

#include "tests/support/pty_serial_port.hpp"
#include "tests/support/umockdev_usb_device.hpp"
#include "tests/support/umockdev_v4l2_camera.hpp"

namespace kiosk::testing {
namespace emu = drivers::emu;

struct EmulatedKernel::Impl {
  std::filesystem::path dir;
  UmockdevUsbBus bus;  // first: outlives every device on it
  emu::IdReaderEmulator id_emu;
  emu::CardPrinterEmulator card_emu;
  emu::ReceiptPrinterEmulator receipt_emu;
  std::shared_ptr<emu::CameraEmulator> camera_emu = emu::CameraEmulator::create();
  emu::PaymentScannerEmulator scanner_emu;

  struct Usb {
    UsbDeviceSpec spec;
    emu::ByteEmulator* emulator = nullptr;
    std::shared_ptr<UmockdevUsbDevice> device;  // null while unplugged
  };
  std::map<std::string, Usb, std::less<>> usb;
  std::unique_ptr<PtySerialPort> scanner_port;
  std::unique_ptr<UmockdevV4l2Camera> camera_node;

  std::filesystem::path scanner_link() const {
    return dir / "serial" / "by-id" / "usb-Kiosk24_Emulated_Scanner_0001-if00";
  }

  Usb& usb_device(std::string_view name) {
    auto it = usb.find(name);
    if (it == usb.end()) throw std::invalid_argument("no emulated USB device " + std::string(name));
    return it->second;
  }
};

EmulatedKernel::EmulatedKernel(const std::filesystem::path& dir) : impl_(std::make_unique<Impl>()) {
  Impl& k = *impl_;
  k.dir = dir;
  std::filesystem::create_directories(dir / "artifacts");
  std::filesystem::create_directories(k.scanner_link().parent_path());
  k.card_emu.set_output_dir((dir / "artifacts").string());
  k.receipt_emu.set_output_dir(dir / "artifacts");

  const auto add_usb = [&k](std::string name, emu::ByteEmulator& e, std::uint16_t vid,
                            std::uint16_t pid, std::uint8_t port) {
    e.start();
    Impl::Usb u;
    u.spec.vid = vid;
    u.spec.pid = pid;
    u.spec.port = port;  // a fixed socket: replugged devices come back where they were
    u.emulator = &e;
    u.device = k.bus.plug(u.spec, e.link());
    k.usb.emplace(std::move(name), std::move(u));
  };
  add_usb("id_reader", k.id_emu, kEmulatedIdReaderVid, kEmulatedIdReaderPid, 1);
  add_usb("card_printer", k.card_emu, kEmulatedEvolisVid, kEmulatedEvolisPid, 2);
  add_usb("receipt_printer", k.receipt_emu, kEmulatedReceiptVid, kEmulatedReceiptPid, 3);

  k.scanner_emu.start();
  k.scanner_port = std::make_unique<PtySerialPort>(k.scanner_emu.link(), k.scanner_link().string());
  k.camera_node = std::make_unique<UmockdevV4l2Camera>(k.bus.testbed(), k.camera_emu);
}

EmulatedKernel::~EmulatedKernel() {
  Impl& k = *impl_;
  k.scanner_port.reset();
  k.camera_node.reset();
  for (auto& [name, u] : k.usb)
    if (u.device) u.device->unplug();
  k.id_emu.stop();
  k.card_emu.stop();
  k.receipt_emu.stop();
  k.scanner_emu.stop();
}

std::string EmulatedKernel::devices_config() const {
  char usb[256];
  std::snprintf(usb, sizeof usb,
                "[device.id_reader]\nusb = %04x:%04x\n[device.card_printer]\nusb = %04x:%04x\n"
                "[device.receipt_printer]\nusb = %04x:%04x\n",
                kEmulatedIdReaderVid, kEmulatedIdReaderPid, kEmulatedEvolisVid, kEmulatedEvolisPid,
                kEmulatedReceiptVid, kEmulatedReceiptPid);
  return std::string(usb) + "[device.payment_scanner]\nserial = " + impl_->scanner_link().string() +
         "\nbaud = 115200\nflow_control = none\n" +
         "[device.camera]\nv4l2 = " + impl_->camera_node->by_id_path() +
         "\n[devices]\nrescan_ms = 100\n";
}

void EmulatedKernel::unplug(std::string_view device) {
  if (device == "camera") {
    impl_->camera_node->unplug();
    return;
  }
  if (device == "payment_scanner") {
    impl_->scanner_port->unplug();
    return;
  }
  auto& u = impl_->usb_device(device);
  if (!u.device) return;
  u.device->unplug();
  u.device.reset();
}

void EmulatedKernel::replug(std::string_view device) {
  if (device == "camera") {
    impl_->camera_node->replug();
    return;
  }
  if (device == "payment_scanner") {
    impl_->scanner_port->replug();
    return;
  }
  auto& u = impl_->usb_device(device);
  if (u.device) return;
  u.spec.address = 0;  // the next free device number, as the kernel gives one
  u.device = impl_->bus.plug(u.spec, u.emulator->link());
}

bool EmulatedKernel::plugged(std::string_view device) const {
  if (device == "camera") return impl_->camera_node->plugged();
  if (device == "payment_scanner") return impl_->scanner_port->plugged();
  return impl_->usb_device(device).device != nullptr;
}

emu::IdReaderEmulator& EmulatedKernel::id_reader() {
  return impl_->id_emu;
}
emu::CardPrinterEmulator& EmulatedKernel::card_printer() {
  return impl_->card_emu;
}
emu::ReceiptPrinterEmulator& EmulatedKernel::receipt_printer() {
  return impl_->receipt_emu;
}
emu::CameraEmulator& EmulatedKernel::camera() {
  return *impl_->camera_emu;
}
emu::PaymentScannerEmulator& EmulatedKernel::payment_scanner() {
  return impl_->scanner_emu;
}
std::filesystem::path EmulatedKernel::artifact_dir() const {
  return impl_->dir / "artifacts";
}

}  // namespace kiosk::testing
