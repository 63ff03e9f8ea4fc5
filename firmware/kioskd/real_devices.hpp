#pragma once
// The kiosk in service: its five devices driven through the kernel, each found by what the
// configuration says identifies it ([device.<id>] sections: USB VID/PID and port, a serial
// or evdev node, a V4L2 node). The drivers exist from the start, whether or not their device
// is plugged in; a DeviceSupervisor opens each device when it appears (at start, on USB
// hotplug, or when its node shows up) and closes it when it goes. A missing device reads as
// state noDevice, so the engine refuses the services that need it with that reason.
//
// This composition names no emulator: the same binary runs against real devices or against
// the emulated kernel devices of the tests (tests/support/umockdev_*), which it cannot tell
// apart.
#include <memory>
#include <string>

#include "firmware/kioskd/config.hpp"
#include "firmware/kioskd/device_supervisor.hpp"
#include "firmware/kioskd/devices.hpp"

namespace kiosk::kioskd {

class RealDevices final : public DeviceSet {
 public:
  // Fails (with a message for the technician) only when the USB stack cannot start; a device
  // that is absent is not an error.
  static std::unique_ptr<RealDevices> create(const DevicesConfig& config, std::string* error);
  ~RealDevices() override;  // stops watching, closes every device
  RealDevices(const RealDevices&) = delete;
  RealDevices& operator=(const RealDevices&) = delete;

  hal::IdReader& id_reader() override;
  hal::CardPrinter& card_printer() override;
  hal::ReceiptPrinter& receipt_printer() override;
  hal::Camera& camera() override;
  hal::PaymentScanner& payment_scanner() override;
  hal::DeviceStatus status_of(hal::Device& device) override;

  // Opens what is present now (blocking), then watches. `changed` runs on the watcher's
  // thread after a device came or went.
  void start(std::function<void()> changed);
  void stop();

  const DeviceSupervisor* supervisor() const;

 private:
  RealDevices();
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace kiosk::kioskd
