#pragma once
// The five devices of a kiosk for engine tests: the emulated rig (drivers/emu/rig, emulators
// behind their REAL drivers), opened and ready, seen through the engine's Devices port. The
// emulators stay reachable for the test to play the citizen and inject faults. Timings follow
// KIOSK_EMU_TIME_SCALE.

#include <filesystem>
#include <string>

#include "drivers/emu/rig/emulated_rig.hpp"
#include "firmware/engine/ports.hpp"

namespace kiosk::testing {

class EmulatedDevices : public drivers::emu::EmulatedRig {
 public:
  // `artifact_dir` empty: no PNGs are written.
  explicit EmulatedDevices(const std::filesystem::path& artifact_dir = {});

  engine::Devices devices();

  // Places the synthetic citizen with this ID number (the first one when empty or unknown).
  const drivers::emu::SyntheticCitizen& place_citizen(const std::string& id_number = {});
};

}  // namespace kiosk::testing
