#pragma once
// The kiosk's five devices as the kernel shows them, each one an emulator behind the kernel
// interface its real device uses, so that kioskd runs UNMODIFIED in real-device mode against
// them (as a child process under the same umockdev testbed):
//   ID reader, card printer, receipt printer  usbdevfs (umockdev_usb_device.hpp)
//   camera                                    V4L2 ioctls (umockdev_v4l2_camera.hpp)
//   payment scanner                           a serial port on a pty, by-id symlink
//                                             (pty_serial_port.hpp)
// The process must run under LD_PRELOAD=libumockdev-preload.so.0; a child started from it
// inherits the preload and UMOCKDEV_DIR and so sees the same devices.
//
// devices_config() is the [device.*] part of kioskd.conf that finds them. unplug()/replug()
// pull a device's cable and plug it back in the same socket (a USB device gets a new device
// number, the serial port a new pty behind the same by-id path), as a technician would.
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

#include "drivers/emu/camera/camera_emulator.hpp"
#include "drivers/emu/card_printer/card_printer_emulator.hpp"
#include "drivers/emu/id_reader/id_reader_emulator.hpp"
#include "drivers/emu/payment_scanner/payment_scanner_emulator.hpp"
#include "drivers/emu/receipt_printer/receipt_printer_emulator.hpp"

namespace kiosk::testing {

// The USB ids the emulated devices enumerate with (a SAM reader, an Evolis Primacy, a Custom
// kiosk printer), as the kiosk's configuration names them.
inline constexpr std::uint16_t kEmulatedIdReaderVid = 0x0400, kEmulatedIdReaderPid = 0xC35A;
inline constexpr std::uint16_t kEmulatedEvolisVid = 0x0F49, kEmulatedEvolisPid = 0x0001;
inline constexpr std::uint16_t kEmulatedReceiptVid = 0x0DD4, kEmulatedReceiptPid = 0x0195;

class EmulatedKernel {
 public:
  // `dir` holds the by-id symlinks and the printers' PNGs (artifacts/). Throws
  // std::runtime_error if umockdev's preload is not active.
  explicit EmulatedKernel(const std::filesystem::path& dir);
  ~EmulatedKernel();
  EmulatedKernel(const EmulatedKernel&) = delete;
  EmulatedKernel& operator=(const EmulatedKernel&) = delete;

  std::string devices_config() const;

  // "id_reader", "card_printer", "receipt_printer", "camera", "payment_scanner".
  // Unknown names throw std::invalid_argument.
  void unplug(std::string_view device);
  void replug(std::string_view device);
  bool plugged(std::string_view device) const;

  // The device side, for the citizen's hand and for assertions.
  drivers::emu::IdReaderEmulator& id_reader();
  drivers::emu::CardPrinterEmulator& card_printer();
  drivers::emu::ReceiptPrinterEmulator& receipt_printer();
  drivers::emu::CameraEmulator& camera();
  drivers::emu::PaymentScannerEmulator& payment_scanner();

  std::filesystem::path artifact_dir() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace kiosk::testing
