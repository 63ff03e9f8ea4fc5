#include "firmware/kioskd/simulated_devices.hpp"

#include "firmware/kioskd/local_api_emulator.hpp"

#include "drivers/emu/id_reader/synthetic_citizens.hpp"
#include "drivers/emu/rig/emulated_rig.hpp"
#include "drivers/emu/rig/office_citizens.hpp"

namespace kiosk::kioskd {
namespace emu = drivers::emu;
namespace {}  // namespace

struct SimulatedDevices::Impl {
  explicit Impl(const SimulationOptions& o) : rig(rig_options(o)) {}

  static emu::RigOptions rig_options(const SimulationOptions& o) {
    emu::RigOptions r;
    r.artifact_dir = o.artifact_dir;
    r.time_scale = o.time_scale;
    r.card_printer.feeder_cards = o.feeder_cards;
    r.card_printer.card_counter = o.printer_counter;
    r.open_devices = false;  // kioskd opens them when it composes the engine
    return r;
  }

  emu::EmulatedRig rig;
};

SimulatedDevices::SimulatedDevices(const SimulationOptions& options)
    : impl_(std::make_unique<Impl>(options)) {}

SimulatedDevices::~SimulatedDevices() = default;

hal::IdReader& SimulatedDevices::id_reader() {
  return impl_->rig.id_reader();
}
hal::CardPrinter& SimulatedDevices::card_printer() {
  return impl_->rig.card_printer();
}
hal::ReceiptPrinter& SimulatedDevices::receipt_printer() {
  return impl_->rig.receipt_printer();
}
hal::Camera& SimulatedDevices::camera() {
  return impl_->rig.camera();
}
hal::PaymentScanner& SimulatedDevices::payment_scanner() {
  return impl_->rig.payment_scanner();
}

std::vector<CitizenInfo> SimulatedDevices::citizens() const {
  std::vector<CitizenInfo> out;
  for (const auto& c : emu::registry_today()) out.push_back({c.holder.id_number, c.scenario});
  for (const auto& c : emu::synthetic_citizens()) out.push_back({c.card.id_number, c.label});
  return out;
}

std::string SimulatedDevices::place_id_card(const std::string& id_number) {
  std::optional<emu::SyntheticCitizen> from_registry;
  const emu::SyntheticCitizen* citizen = nullptr;
  if (!id_number.empty()) from_registry = emu::registry_card(id_number);
  if (from_registry)
    citizen = &*from_registry;
  else
    citizen = id_number.empty() ? &emu::synthetic_citizens().front() : emu::find_citizen(id_number);
  if (citizen == nullptr) return "unknown_citizen";
  impl_->rig.camera_emu().set_scene_renderer(emu::face_of(citizen->card.id_number));
  impl_->rig.camera_emu().set_scene(emu::CameraScene::face);
  impl_->rig.id_emu().place_card(*citizen);
  return "";
}

std::string SimulatedDevices::remove_id_card() {
  impl_->rig.id_emu().remove_card();
  return "";
}

std::string SimulatedDevices::present_payment_code(const std::string& code) {
  if (code.empty() || code.size() > 128) return "invalid_code";
  impl_->rig.scanner_emu().present_code(code);
  return "";
}

std::string SimulatedDevices::take_card() {
  if (impl_->rig.card_emu().card_position() != "in_mouth") return "no_card_in_mouth";
  impl_->rig.card_emu().take_card();
  // The citizen walks away with the card: nobody in front of the camera.
  impl_->rig.camera_emu().set_scene_renderer({});
  return "";
}

std::string SimulatedDevices::inject_fault(const std::string& device, const std::string& fault) {
  auto* f = impl_->rig.faults(device);
  if (f == nullptr) return "unknown_device";
  const auto parsed = emu::fault_from_string(fault);
  if (!parsed) return "unknown_fault";
  f->inject(*parsed);
  return "";
}

std::string SimulatedDevices::clear_faults(const std::string& device) {
  auto* f = impl_->rig.faults(device);
  if (f == nullptr) return "unknown_device";
  f->clear_all();
  return "";
}

std::string SimulatedDevices::refill_card_printer() {
  const drivers::emu::CardPrinterEmulatorConfig full;
  impl_->rig.card_emu().set_feeder_cards(full.feeder_cards);
  impl_->rig.card_emu().set_ribbon_panels(full.ribbon_panels);
  return "";
}

std::vector<std::filesystem::path> SimulatedDevices::last_card_images() const {
  return impl_->rig.last_card_images();
}

std::filesystem::path SimulatedDevices::last_receipt_image() const {
  return impl_->rig.last_receipt_image();
}

std::string SimulatedDevices::card_position() const {
  return impl_->rig.card_emu().card_position();
}

Simulation simulation() {
  Simulation s;
  s.make_devices = [](const SimulationConfig& config) -> std::unique_ptr<SimulatedDeviceSet> {
    SimulationOptions options;
    options.artifact_dir = config.artifact_dir;
    options.time_scale = config.time_scale;
    return std::make_unique<SimulatedDevices>(options);
  };
  s.bind_methods = bind_emulator_api;
  return s;
}

}  // namespace kiosk::kioskd
