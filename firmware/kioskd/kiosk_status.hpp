#pragma once
// What the maintenance dashboard watches: each device's last error, and a watcher that sends
// `kiosk.changed` when the kiosk's state changes (out of service, maintenance session, device
// state, stock, session running) — whether a method, the engine or a device changed it.
#include <chrono>
#include <condition_variable>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <thread>

#include <nlohmann/json.hpp>

#include "hal/device.hpp"

namespace kiosk::kioskd {

// "2026-11-28T18:20:00Z"
std::string iso_utc(std::chrono::system_clock::time_point at);

// The last error of each device: a failed command kioskd ran (self-test, test print, preview)
// or an error state the device entered (hardwareError, userError, offline, noDevice,
// powerOff). Thread-safe. Errors hold codes only, never personal data.
class DeviceErrors {
 public:
  // Records an error state when the device enters it (or its detail changes while in it).
  void observe(const std::string& device, const hal::DeviceStatus& status,
               std::chrono::system_clock::time_point now);
  void note(const std::string& device, const std::string& code, const std::string& reason,
            std::chrono::system_clock::time_point now);
  // {"code", "reason", "at"} or null.
  nlohmann::json last_error(const std::string& device) const;

 private:
  mutable std::mutex m_;
  std::map<std::string, nlohmann::json> last_;
  std::map<std::string, std::string> seen_;  // device -> state + detail last observed
};

// Calls `changed` when `fingerprint()` differs from the last value: checked every `interval`
// and at once after poke(). `changed` runs on the watcher's thread.
class StatusWatch {
 public:
  StatusWatch(std::function<nlohmann::json()> fingerprint, std::function<void()> changed,
              std::chrono::milliseconds interval);
  ~StatusWatch();
  StatusWatch(const StatusWatch&) = delete;
  StatusWatch& operator=(const StatusWatch&) = delete;
  void start();
  void stop();
  void poke();

 private:
  void loop();
  std::function<nlohmann::json()> fingerprint_;
  std::function<void()> changed_;
  const std::chrono::milliseconds interval_;
  std::mutex m_;
  std::condition_variable cv_;
  bool stop_ = false;
  bool poked_ = false;
  std::thread thread_;
};

}  // namespace kiosk::kioskd
