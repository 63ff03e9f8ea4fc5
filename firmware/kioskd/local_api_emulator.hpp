#pragma once
// emulator.citizens, emulator.place_id_card, emulator.remove_id_card,
// emulator.present_payment_code, emulator.take_card, emulator.inject_fault,
// emulator.clear_faults, emulator.artifacts (docs/local-api.md): bound by kioskd in
// simulation mode only, compiled only into builds with KIOSK_SIMULATION.
#include "firmware/kioskd/devices.hpp"
#include "firmware/rpc/server.hpp"

namespace kiosk::kioskd {

void bind_emulator_api(rpc::Server& server, EmulatorControl& emulator);

}  // namespace kiosk::kioskd
