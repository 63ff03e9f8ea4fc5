#pragma once
// The development office's synthetic citizens (protocol/synthetic: test data, documented as
// such) as the emulators show them: their ID cards for the reader and their faces for the
// camera, so that eligibility, face match and issuance at the development office find them.
// Used by kioskd's simulation and by the tests that drive kioskd through emulated kernel
// devices.
#include <optional>
#include <string>
#include <vector>

#include "drivers/emu/camera/camera_emulator.hpp"
#include "drivers/emu/id_reader/synthetic_citizens.hpp"
#include "protocol/synthetic/citizens.hpp"

namespace kiosk::drivers::emu {

// The citizen's registry face as the camera sees it: variation 1..3 moves with the frames.
CameraEmulator::SceneRenderer face_of(const std::string& id_number);

// The registry's citizens as seeded for today (Asia/Shanghai, as kiosk-central seeds it).
std::vector<protocol::synthetic::Citizen> registry_today();

// An ID card for a registry citizen: the emulator's first resident card (WLT photo blob etc.)
// with the registry holder's fields. Empty for an ID number the registry does not hold.
std::optional<SyntheticCitizen> registry_card(const std::string& id_number);

// The ID number of today's first registry citizen of a scenario ("due_for_renewal", ...), or
// empty.
std::string registry_citizen(const std::string& scenario);

}  // namespace kiosk::drivers::emu
