#pragma once
// An emulated USB kernel for tests: a umockdev testbed with usbdevfs devices whose bulk
// endpoints are bridged to an EmulatedLink, so any emulator (ByteEmulator) can be driven
// through real libusb and the real LibusbTransport.
//
// The process must run under LD_PRELOAD=libumockdev-preload.so.0 (CTest sets it). One
// UmockdevUsbBus may exist at a time per process (umockdev points the process at one
// testbed). Create the bus before any libusb context and destroy it after the last one.
//
// Bridge: every bulk OUT URB's bytes are pushed into link->host_to_device (the emulator
// thread answers); every bulk IN URB is completed with up to its length from
// link->device_to_host. If the link is closed (the emulator unplugged it) the device behaves
// as disconnected: URBs fail with ENODEV.
//
// Use (CMake: LIBS kiosk_test_umockdev kiosk_transport_libusb ...,
//      ENVIRONMENT "LD_PRELOAD=libumockdev-preload.so.0", LABELS usb):
//
//   testing::UmockdevUsbBus::require_active();
//   testing::UmockdevUsbBus bus;                        // first: outlives libusb
//   MyEmulator emu;                                     // any drivers::emu::ByteEmulator, started
//   testing::UsbDeviceSpec spec;
//   spec.vid = 0x0400;
//   spec.pid = 0xC35A;
//   auto device = bus.plug(spec, emu.link());           // appears at "1-1"
//   auto usb = drivers::UsbContext::create().value();
//   drivers::UsbMatch match;
//   match.vid = 0x0400;
//   match.pid = 0xC35A;
//   auto transport = std::make_unique<drivers::LibusbTransport>(usb, match);
//   // hand `transport` to the driver; device->unplug() / device->stall(0x81, false) to fail it

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "drivers/transport/emulated_link.hpp"

typedef struct _UMockdevTestbed UMockdevTestbed;

namespace kiosk::testing {

struct UsbDeviceSpec {
  std::uint16_t vid = 0;
  std::uint16_t pid = 0;
  std::uint8_t bus = 1;
  std::uint8_t address = 0;  // device number; 0: the next free one (2, 3, ...)
  std::uint8_t port = 0;     // root port, the device is at "<bus>-<port>"; 0: next free
  std::uint8_t ep_in = 0x81;
  std::uint8_t ep_out = 0x02;
  std::uint16_t max_packet = 64;
  std::uint8_t interface_class = 0xFF;  // vendor specific
  bool kernel_driver_bound = false;     // a kernel driver holds the interface until detached
};

// What the host did, for assertions.
struct UsbTraffic {
  std::vector<std::size_t> out_urb_lengths;  // bulk OUT URBs in submission order
  std::size_t zero_length_packets = 0;       // OUT URBs flagged USBDEVFS_URB_ZERO_PACKET
  std::size_t in_urbs = 0;
  std::size_t discarded_urbs = 0;  // canceled by the host (DISCARDURB)
  std::size_t clear_halts = 0;
  std::size_t claims = 0;
  std::size_t kernel_driver_detaches = 0;
};

class UmockdevUsbDevice;

class UmockdevUsbBus {
 public:
  // True if a testbed can be created here (the umockdev preload library is active).
  static bool available();
  // Fails the test process with a clear message unless umockdev's preload is active: the
  // libusb path is always tested, never skipped.
  static void require_active();

  // Throws std::runtime_error if umockdev is not active.
  UmockdevUsbBus();
  ~UmockdevUsbBus();
  UmockdevUsbBus(const UmockdevUsbBus&) = delete;
  UmockdevUsbBus& operator=(const UmockdevUsbBus&) = delete;

  // Plugs in a device whose bulk endpoints talk to `link` (sends the "add" uevent).
  // Throws std::runtime_error if umockdev refuses the device.
  std::shared_ptr<UmockdevUsbDevice> plug(UsbDeviceSpec spec,
                                          std::shared_ptr<drivers::EmulatedLink> link);

  // The testbed, for devices of other kinds to join it (umockdev_v4l2_camera.hpp).
  UMockdevTestbed* testbed() const;

 private:
  friend class UmockdevUsbDevice;
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// One emulated device. Thread-safe: its state is shared with umockdev's ioctl thread.
class UmockdevUsbDevice {
 public:
  ~UmockdevUsbDevice();
  UmockdevUsbDevice(const UmockdevUsbDevice&) = delete;
  UmockdevUsbDevice& operator=(const UmockdevUsbDevice&) = delete;

  // Pulls the cable: pending URBs complete with ENODEV, every later ioctl fails with ENODEV,
  // and the device leaves the testbed (the "remove" uevent reaches libusb hotplug).
  void unplug();
  // Makes `endpoint` stall: its URBs fail with EPIPE. If `clearable`, CLEAR_HALT succeeds and
  // ends the stall; otherwise CLEAR_HALT fails too and the stall stays.
  void stall(std::uint8_t endpoint, bool clearable);

  UsbTraffic traffic() const;
  const UsbDeviceSpec& spec() const { return spec_; }
  std::string syspath() const;
  std::string devnode() const;  // "/dev/bus/usb/001/002"

  struct State;  // shared with the ioctl handler (public for the C callback only)

 private:
  friend class UmockdevUsbBus;
  UmockdevUsbDevice(UmockdevUsbBus::Impl* bus, UsbDeviceSpec spec,
                    std::shared_ptr<drivers::EmulatedLink> link);

  UmockdevUsbBus::Impl* bus_;
  UsbDeviceSpec spec_;
  std::unique_ptr<State> state_;
  bool removed_ = false;
};

}  // namespace kiosk::testing
