#include "drivers/registry/scanner_vendors.hpp"

namespace kiosk::drivers {

std::vector<ScannerVendor> builtin_scanner_vendors() {
  // Vendor ids as the USB ID Repository (usb.ids) lists them.
  return {
      {0x0c2e, "Honeywell (Metrologic) scanner"},
      {0x05e0, "Zebra (Symbol) scanner"},
      {0x1eab, "Newland scanner"},
      {0x05f9, "Datalogic (PSC) scanner"},
  };
}

}  // namespace kiosk::drivers
