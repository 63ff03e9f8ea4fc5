#include "drivers/payment_scanner/scanner_link_state.hpp"

#include <utility>

namespace kiosk::drivers {

hal::DeviceStatus scanner_status(ScannerLinkState state, std::string message) {
  hal::DeviceStatus s;
  switch (state) {
    case ScannerLinkState::closed:
      s.state = hal::DeviceState::offline;
      break;
    case ScannerLinkState::ready:
      s.state = hal::DeviceState::online;
      break;
    case ScannerLinkState::scanning:
      s.state = hal::DeviceState::busy;
      break;
    case ScannerLinkState::disconnected:
      s.state = hal::DeviceState::noDevice;
      break;
  }
  s.detail["scanner"] = state == ScannerLinkState::scanning ? "scanning" : "ready";
  s.message = std::move(message);
  return s;
}

}  // namespace kiosk::drivers
