#pragma once
// Where a payment scanner's link is, serial or evdev alike, and the hal status it shows.

#include <string>

#include "hal/device.hpp"

namespace kiosk::drivers {

enum class ScannerLinkState { closed, ready, scanning, disconnected };

// closed -> offline, ready -> online, scanning -> busy, disconnected -> noDevice; detail
// "scanner" = "scanning" | "ready".
hal::DeviceStatus scanner_status(ScannerLinkState state, std::string message);

}  // namespace kiosk::drivers
