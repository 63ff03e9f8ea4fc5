#pragma once
// Simulation mode: the emulated rig (drivers/emu/rig: every device an in-process emulator
// behind its real driver, as kioskhw --emulate and the tests use it).
// The camera shows the face of the citizen whose ID card lies on the reader: the same
// synthetic face the development office's registry holds for that ID number
// (protocol/synthetic/face.hpp), seen with a small per-frame variation.
#include <filesystem>
#include <memory>

#include "firmware/kioskd/config.hpp"
#include "firmware/kioskd/devices.hpp"

namespace kiosk::kioskd {

struct SimulationOptions {
  std::filesystem::path artifact_dir;  // card and receipt PNGs
  double time_scale = 1.0;             // applied process-wide (drivers::emu::set_time_scale)
  std::uint64_t feeder_cards = 100;
  std::uint64_t printer_counter = 0;  // the printer's counter before this run
};

class SimulatedDevices final : public SimulatedDeviceSet {
 public:
  explicit SimulatedDevices(const SimulationOptions& options);
  ~SimulatedDevices() override;
  SimulatedDevices(const SimulatedDevices&) = delete;
  SimulatedDevices& operator=(const SimulatedDevices&) = delete;

  hal::IdReader& id_reader() override;
  hal::CardPrinter& card_printer() override;
  hal::ReceiptPrinter& receipt_printer() override;
  hal::Camera& camera() override;
  hal::PaymentScanner& payment_scanner() override;

  std::vector<CitizenInfo> citizens() const override;
  std::string place_id_card(const std::string& id_number) override;
  std::string remove_id_card() override;
  std::string present_payment_code(const std::string& code) override;
  std::string take_card() override;
  std::string inject_fault(const std::string& device, const std::string& fault) override;
  std::string clear_faults(const std::string& device) override;
  std::string refill_card_printer() override;
  std::vector<std::filesystem::path> last_card_images() const override;
  std::filesystem::path last_receipt_image() const override;
  std::string card_position() const override;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// The simulation of this build, to hand to Kioskd::create.
Simulation simulation();

}  // namespace kiosk::kioskd
