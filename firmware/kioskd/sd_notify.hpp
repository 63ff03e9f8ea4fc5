#pragma once
// systemd's notify protocol without libsystemd: datagrams on $NOTIFY_SOCKET ("READY=1",
// "WATCHDOG=1", "STOPPING=1", "STATUS=..."). Abstract sockets ("@name") are supported. Without
// $NOTIFY_SOCKET (not under systemd) every call is a no-op returning false.
#include <chrono>
#include <optional>
#include <string>

namespace kiosk::kioskd {

class SystemdNotifier {
 public:
  // Reads NOTIFY_SOCKET and WATCHDOG_USEC (honouring WATCHDOG_PID) from the environment.
  static SystemdNotifier from_environment();
  explicit SystemdNotifier(std::string socket_path,
                           std::optional<std::chrono::microseconds> watchdog = std::nullopt);

  bool enabled() const { return !socket_path_.empty(); }
  bool notify(const std::string& state) const;  // true when the datagram was sent
  bool ready() const { return notify("READY=1"); }
  bool stopping() const { return notify("STOPPING=1"); }
  bool watchdog() const { return notify("WATCHDOG=1"); }
  // Half of WATCHDOG_USEC (systemd's advice), or nullopt when the watchdog is off.
  std::optional<std::chrono::microseconds> watchdog_interval() const;

 private:
  std::string socket_path_;
  std::optional<std::chrono::microseconds> watchdog_;
};

}  // namespace kiosk::kioskd
