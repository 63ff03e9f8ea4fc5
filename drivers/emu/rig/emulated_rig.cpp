#include "drivers/emu/rig/emulated_rig.hpp"

#include "drivers/camera/camera.hpp"
#include "drivers/card_printer/card_printer.hpp"
#include "drivers/emu/common/time_scale.hpp"
#include "drivers/id_reader/id_reader.hpp"
#include "drivers/id_reader/wlt_decoder_unavailable.hpp"
#include "drivers/payment_scanner/payment_scanner.hpp"
#include "drivers/receipt_printer/receipt_printer.hpp"
#include "drivers/transport/emulated_link.hpp"

namespace kiosk::drivers::emu {
namespace {

// Starts the emulator and hands the driver its end of the link.
std::unique_ptr<Transport> wire(ByteEmulator& e) {
  e.start();
  return std::make_unique<EmulatedTransport>(e.link(), e.name());
}

}  // namespace

EmulatedRig::EmulatedRig(RigOptions options)
    : card_emu_(options.card_printer), camera_emu_(CameraEmulator::create()) {
  if (options.time_scale) set_time_scale(*options.time_scale);
  if (!options.artifact_dir.empty()) {
    card_emu_.set_output_dir(options.artifact_dir.string());
    receipt_emu_.set_output_dir(options.artifact_dir);
  }
  id_reader_ =
      std::make_unique<SamIdReader>(wire(id_emu_), std::make_shared<WltDecoderUnavailable>());
  card_printer_ = std::make_unique<card_printer::EvolisCardPrinter>(wire(card_emu_));
  receipt_printer_ = std::make_unique<EscPosReceiptPrinter>(wire(receipt_emu_));
  camera_ = std::make_unique<V4l2Camera>(camera_emu_->make_device());
  scanner_ = std::make_unique<SerialPaymentScanner>(wire(scanner_emu_));
  if (options.open_devices) {
    for (hal::Device* d : devices()) (void)d->open();
  }
}

EmulatedRig::~EmulatedRig() {
  // Drivers first: they may still be talking to the emulators.
  for (hal::Device* d : devices()) d->close();
  id_reader_.reset();
  card_printer_.reset();
  receipt_printer_.reset();
  camera_.reset();
  scanner_.reset();
  id_emu_.stop();
  card_emu_.stop();
  receipt_emu_.stop();
  scanner_emu_.stop();
}

std::vector<hal::Device*> EmulatedRig::devices() {
  return {id_reader_.get(), card_printer_.get(), receipt_printer_.get(), camera_.get(),
          scanner_.get()};
}

FaultInjector* EmulatedRig::faults(std::string_view device) {
  if (device == "id_reader") return &id_emu_.faults();
  if (device == "card_printer") return &card_emu_.faults();
  if (device == "receipt_printer") return &receipt_emu_.faults();
  if (device == "payment_scanner") return &scanner_emu_.faults();
  if (device == "camera") return &camera_emu_->faults();
  return nullptr;
}

const SyntheticCitizen* EmulatedRig::place_synthetic_card(std::string_view id_number) {
  const SyntheticCitizen* citizen =
      id_number.empty() ? &synthetic_citizens().front() : find_citizen(id_number);
  if (citizen != nullptr) id_emu_.place_card(*citizen);
  return citizen;
}

std::vector<std::filesystem::path> EmulatedRig::last_card_images() const {
  std::vector<std::filesystem::path> out;
  for (const auto& p : card_emu_.last_card_paths()) out.emplace_back(p);
  return out;
}

std::filesystem::path EmulatedRig::last_receipt_image() const {
  return receipt_emu_.last_receipt_path();
}

}  // namespace kiosk::drivers::emu
