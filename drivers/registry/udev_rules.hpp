#pragma once
// The udev rules that let kioskd (an unprivileged user) reach the kiosk's devices, generated
// from the drivers' id tables at build time (kiosk-udev-rules) so that a device the drivers
// know is never one the system refuses to open:
//   * every USB device of the USB table (device_registry.hpp) — usbdevfs node given to the
//     group, mode 0660;
//   * every scanner vendor (scanner_vendors.hpp) — its serial port (group, and
//     ID_MM_DEVICE_IGNORE so ModemManager does not send AT commands to it) and its keyboard
//     event node (group; kioskd grabs it exclusively).
// The camera needs no rule: V4L2 nodes belong to the "video" group, which the unit adds.
#include <string>
#include <string_view>
#include <vector>

#include "drivers/registry/device_registry.hpp"
#include "drivers/registry/scanner_vendors.hpp"

namespace kiosk::drivers {

// The rules file's text. `group`: the group kioskd runs with (the unit's Group=).
std::string make_udev_rules(const std::vector<UsbDeviceRule>& usb,
                            const std::vector<ScannerVendor>& scanners, std::string_view group);

// Where the rules are installed: before 77-mm-* (ModemManager reads ID_MM_DEVICE_IGNORE) and
// after 50-udev-default (whose GROUP these override).
inline constexpr std::string_view kUdevRulesFileName = "60-kiosk24.rules";

}  // namespace kiosk::drivers
