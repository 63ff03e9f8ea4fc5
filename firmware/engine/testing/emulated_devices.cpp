#include "firmware/engine/testing/emulated_devices.hpp"

#include "drivers/camera/camera.hpp"
#include "drivers/card_printer/card_printer.hpp"
#include "drivers/emu/id_reader/synthetic_citizens.hpp"
#include "drivers/id_reader/id_reader.hpp"
#include "drivers/id_reader/wlt_decoder_unavailable.hpp"
#include "drivers/payment_scanner/payment_scanner.hpp"
#include "drivers/receipt_printer/receipt_printer.hpp"
#include "drivers/transport/emulated_link.hpp"

namespace kiosk::engine::testing {
namespace {
std::unique_ptr<drivers::Transport> wire(drivers::emu::ByteEmulator& e) {
  e.start();
  return std::make_unique<drivers::EmulatedTransport>(e.link(), e.name());
}
}  // namespace

EmulatedDevices::EmulatedDevices(const std::filesystem::path& artifact_dir)
    : camera_emu_(drivers::emu::CameraEmulator::create()) {
  if (!artifact_dir.empty()) {
    card_emu_.set_output_dir(artifact_dir.string());
    receipt_emu_.set_output_dir(artifact_dir);
  }
  id_reader_ = std::make_unique<drivers::SamIdReader>(
      wire(id_emu_), std::make_shared<drivers::WltDecoderUnavailable>());
  card_printer_ = std::make_unique<drivers::card_printer::EvolisCardPrinter>(wire(card_emu_));
  receipt_printer_ = std::make_unique<drivers::EscPosReceiptPrinter>(wire(receipt_emu_));
  camera_ = std::make_unique<drivers::V4l2Camera>(camera_emu_->make_device());
  scanner_ = std::make_unique<drivers::SerialPaymentScanner>(wire(scanner_emu_));
  for (hal::Device* d :
       std::initializer_list<hal::Device*>{id_reader_.get(), card_printer_.get(),
                                           receipt_printer_.get(), camera_.get(), scanner_.get()}) {
    (void)d->open();
  }
}

EmulatedDevices::~EmulatedDevices() {
  for (hal::Device* d :
       std::initializer_list<hal::Device*>{id_reader_.get(), card_printer_.get(),
                                           receipt_printer_.get(), camera_.get(), scanner_.get()}) {
    d->close();
  }
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

Devices EmulatedDevices::devices() {
  return Devices{id_reader_.get(), card_printer_.get(), receipt_printer_.get(), camera_.get(),
                 scanner_.get()};
}

const drivers::emu::SyntheticCitizen& EmulatedDevices::place_citizen(const std::string& id_number) {
  const drivers::emu::SyntheticCitizen* c = id_number.empty()
                                                ? &drivers::emu::synthetic_citizens().front()
                                                : drivers::emu::find_citizen(id_number);
  if (c == nullptr) c = &drivers::emu::synthetic_citizens().front();
  id_emu_.place_card(*c);
  return *c;
}

}  // namespace kiosk::engine::testing
