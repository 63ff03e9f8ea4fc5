#pragma once
// The wire between a driver and an in-process emulator: two byte pipes and a plug. The
// driver holds an EmulatedTransport (host side); the emulator holds the DeviceSide.

#include <memory>
#include <string>

#include "drivers/transport/byte_pipe.hpp"
#include "drivers/transport/transport.hpp"

namespace kiosk::drivers {

class EmulatedLink {
 public:
  BytePipe host_to_device;
  BytePipe device_to_host;

  // Unplugging closes both directions: pending reads on either side fail with "disconnected".
  void unplug() {
    host_to_device.close();
    device_to_host.close();
  }
  void plug() {
    host_to_device.reopen();
    device_to_host.reopen();
  }
  bool plugged() const { return !host_to_device.closed(); }
};

// Host side of an EmulatedLink, for drivers.
class EmulatedTransport final : public Transport {
 public:
  EmulatedTransport(std::shared_ptr<EmulatedLink> link, std::string name);

  std::string describe() const override;
  hal::Status open() override;
  void close() override;
  hal::Status write(std::span<const std::uint8_t> data, milliseconds timeout) override;
  hal::Result<Bytes> read(std::size_t max_bytes, milliseconds timeout) override;
  void cancel() override;
  void clear_cancel() override;
  void flush_input() override;

 private:
  std::shared_ptr<EmulatedLink> link_;
  std::string name_;
  bool open_ = false;
};

}  // namespace kiosk::drivers
