#pragma once
// Keeps the real devices of a kiosk in service open while they are there: opens each one
// that is present and closed, closes each one that went away, and reopens one whose driver
// lost it (state noDevice) while it is present again. Presence is asked of each device's own
// check (a USB device in the enumeration, a device node on disk) every rescan interval, and
// at once when wake() is called (USB hotplug).
//
// Nothing here blocks a caller: open() and close() of the drivers run on the supervisor's
// own thread, so a device that hangs on open delays only the other devices' rescans.
#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "hal/device.hpp"

namespace kiosk::kioskd {

struct SupervisedDevice {
  hal::Device* device = nullptr;
  std::string id;                 // "card_printer"
  std::function<bool()> present;  // cheap, thread-safe
};

class DeviceSupervisor {
 public:
  // `changed` is called (on the supervisor thread) after a device was opened or closed.
  DeviceSupervisor(std::vector<SupervisedDevice> devices, std::chrono::milliseconds rescan,
                   std::function<void()> changed);
  ~DeviceSupervisor();  // stops; leaves the devices as they are (their owner closes them)
  DeviceSupervisor(const DeviceSupervisor&) = delete;
  DeviceSupervisor& operator=(const DeviceSupervisor&) = delete;

  // One pass before returning (kioskd's start: the engine wants what is there open before it
  // recovers; the devices open side by side), then the watching thread.
  void start();
  void stop();

  // Something changed (a USB device arrived or left): rescan now. `gone`: the id of a device
  // that was seen leaving, closed even if an identical one is already back (a replug between
  // two scans leaves the driver with a dead handle otherwise). Thread-safe, never blocks.
  void wake(const std::string& gone = {});

  // How many times each device was opened and closed by the supervisor (for tests, bench).
  struct Counts {
    unsigned opened = 0;
    unsigned closed = 0;
  };
  Counts counts(const std::string& id) const;

  // Whether the device was there at the last scan (false for an unknown id).
  bool present(const std::string& id) const;

 private:
  struct Slot {
    SupervisedDevice d;
    bool open = false;
    bool gone = false;
    bool present = false;      // at the last scan
    std::string last_failure;  // the reason of the last failed open, logged once
    Counts counts;
  };
  void loop();
  bool scan();              // true if a device was opened or closed
  bool scan_all_at_once();  // scan() with every device's open on its own thread
  bool scan_slot(std::size_t i);

  std::vector<Slot> slots_;
  std::chrono::milliseconds rescan_;
  std::function<void()> changed_;

  mutable std::mutex m_;
  std::condition_variable cv_;
  bool stop_ = false;
  bool woken_ = false;
  std::thread thread_;
};

}  // namespace kiosk::kioskd
