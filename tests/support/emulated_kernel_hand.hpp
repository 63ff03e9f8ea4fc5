#pragma once
// The citizen's hand on an EmulatedKernel's devices: the ID card placed on the emulated
// reader (and the same face before the camera), the payment code shown to the scanner, the
// card taken from the printer's mouth. For a scripted citizen (firmware/citizen) driving
// kioskd in real-device mode, which has no emulator.* methods to do this through.
#include <map>
#include <string>

#include "firmware/citizen/citizen.hpp"
#include "tests/support/emulated_kernel.hpp"

namespace kiosk::testing {

// `kernel` must outlive the hand.
citizen::CitizenHand citizen_hand(EmulatedKernel& kernel);

// Where a renewal pulls each USB cable and plugs it back (screen -> device): each device
// between the steps that use it, so the renewal goes on once it is back.
inline const std::map<std::string, std::string>& renewal_replug_points() {
  static const std::map<std::string, std::string> points{
      {"consent", "id_reader"}, {"photo_review", "card_printer"}, {"payment", "receipt_printer"}};
  return points;
}

}  // namespace kiosk::testing
