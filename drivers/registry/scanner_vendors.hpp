#pragma once
// USB vendors of the payment (barcode) scanners a kiosk is likely to carry. A scanner is not
// driven over libusb: it shows up as a serial port (CDC-ACM) or as a HID keyboard (evdev), so
// this table only feeds the udev rules (udev_rules.hpp): access for kioskd's group, and
// ModemManager told not to probe the scanner's serial port as a modem. docs/devices.md cites
// each id.
#include <cstdint>
#include <string>
#include <vector>

namespace kiosk::drivers {

struct ScannerVendor {
  std::uint16_t vid = 0;
  std::string name;
};

std::vector<ScannerVendor> builtin_scanner_vendors();

}  // namespace kiosk::drivers
