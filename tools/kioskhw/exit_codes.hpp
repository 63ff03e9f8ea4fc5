#pragma once
// kioskhw's exit codes, so that a script (or a technician reading `echo $?`) can tell a cable
// to plug from udev rules to install.
#include "hal/device.hpp"

namespace kiosk::tools {

inline constexpr int kExitOk = 0;
inline constexpr int kExitFailed = 1;        // the device answered with an error
inline constexpr int kExitUsage = 2;         // bad command line
inline constexpr int kExitNoDevice = 3;      // no such device found (plugged in? powered?)
inline constexpr int kExitNoPermission = 4;  // found, but this user may not open it

inline int exit_code_for(const hal::DeviceError& e) {
  if (e.reason == "no_device") return kExitNoDevice;
  if (e.reason == "permission") return kExitNoPermission;
  return kExitFailed;
}

}  // namespace kiosk::tools
