#include "tests/support/emulated_devices.hpp"

namespace kiosk::testing {
namespace {
drivers::emu::RigOptions rig_options(const std::filesystem::path& artifact_dir) {
  drivers::emu::RigOptions o;
  o.artifact_dir = artifact_dir;
  return o;
}
}  // namespace

EmulatedDevices::EmulatedDevices(const std::filesystem::path& artifact_dir)
    : EmulatedRig(rig_options(artifact_dir)) {}

engine::Devices EmulatedDevices::devices() {
  return engine::Devices{&id_reader(), &card_printer(), &receipt_printer(), &camera(),
                         &payment_scanner()};
}

const drivers::emu::SyntheticCitizen& EmulatedDevices::place_citizen(const std::string& id_number) {
  if (const auto* c = place_synthetic_card(id_number)) return *c;
  return *place_synthetic_card({});
}

}  // namespace kiosk::testing
