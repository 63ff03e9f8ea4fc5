#pragma once
// Base of the byte-protocol emulators: a thread that serves the device side of an
// EmulatedLink. Subclasses parse what the driver sent and answer as the device would.

#include <atomic>
#include <memory>
#include <span>
#include <string>
#include <thread>
#include <vector>

#include "drivers/emu/common/faults.hpp"
#include "drivers/transport/emulated_link.hpp"

namespace kiosk::drivers::emu {

class ByteEmulator {
 public:
  explicit ByteEmulator(std::string name);
  virtual ~ByteEmulator();  // subclasses must call stop() in their destructor
  ByteEmulator(const ByteEmulator&) = delete;
  ByteEmulator& operator=(const ByteEmulator&) = delete;

  // The link to hand to an EmulatedTransport. Created with the emulator, plugged in.
  std::shared_ptr<drivers::EmulatedLink> link() const { return link_; }

  void start();
  void stop();

  FaultInjector& faults() { return faults_; }
  const std::string& name() const { return name_; }

  // Simulates pulling the cable (both directions fail) and plugging it back. Emulators that
  // lose state on power loss override these and call the base.
  virtual void unplug();
  virtual void replug();

  // Handles bytes the host wrote. Called on the emulator thread, or directly (no thread) by
  // the libusb/umockdev bridge and by offline decoders; answers go out through reply().
  virtual void on_host_bytes(std::span<const std::uint8_t> bytes) = 0;

 protected:
  // Sends device->host bytes, applying the one-shot link faults (no answer, garbage, short,
  // oversized) and unplug-mid-command. Returns false if the link is down.
  bool reply(std::vector<std::uint8_t> bytes);
  // Sends bytes bypassing faults (unsolicited status, events).
  bool send_raw(std::span<const std::uint8_t> bytes);
  bool stopping() const { return stopping_.load(); }
  const bool* stop_flag() const { return &stop_plain_; }

 private:
  void loop();

  std::string name_;
  std::shared_ptr<drivers::EmulatedLink> link_;
  FaultInjector faults_;
  std::atomic<bool> stopping_{false};
  bool stop_plain_ = false;  // mirrored for device_delay(); written only by stop()
  std::thread thread_;
};

}  // namespace kiosk::drivers::emu
