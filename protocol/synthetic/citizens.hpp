#pragma once
// The synthetic citizens of the development registry: SYNTHETIC people only (names start with
// 测试, addresses are 测试 streets, ID numbers are made up but carry valid check characters).
// The development office seeds their licences (central/registry/seed.hpp); the kiosk's
// simulator lays their ID cards on the emulated reader and shows their faces
// (protocol/synthetic/face.hpp) to the emulated camera, so that eligibility, face match and
// issuance find them. Birth dates are relative to `today`, so the same `today` always gives the
// same people and every scenario is in its intended state on that day.
// Development and test data only: no production path depends on it.

#include <string>
#include <vector>

#include "protocol/documents/card_data.hpp"

namespace kiosk::protocol::synthetic {

struct Citizen {
  std::string scenario;  // what the registry entry exercises, e.g. "due_for_renewal"
  Holder holder;         // photo_ref "photo:<id number>"
};

// One citizen per registry scenario (central/registry/seed.hpp lists them), always in the same
// order.
std::vector<Citizen> registry_citizens(const Date& today);

}  // namespace kiosk::protocol::synthetic
