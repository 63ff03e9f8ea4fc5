#pragma once
// The citizen's hand on an EmulatedKernel's devices: the ID card placed on the emulated
// reader (and the same face before the camera), the payment code shown to the scanner, the
// card taken from the printer's mouth. For a scripted citizen (firmware/citizen) driving
// kioskd in real-device mode, which has no emulator.* methods to do this through.
#include "firmware/citizen/citizen.hpp"
#include "tests/support/emulated_kernel.hpp"

namespace kiosk::testing {

// `kernel` must outlive the hand.
citizen::CitizenHand citizen_hand(EmulatedKernel& kernel);

}  // namespace kiosk::testing
