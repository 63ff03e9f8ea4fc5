// --emulate: every device is an in-process emulator behind its real driver, over the
// emulated transport (the camera over its emulated V4L2 device).
#include <memory>

#include "drivers/camera/camera.hpp"
#include "drivers/card_printer/card_printer.hpp"
#include "drivers/emu/camera/camera_emulator.hpp"
#include "drivers/emu/card_printer/card_printer_emulator.hpp"
#include "drivers/emu/id_reader/id_reader_emulator.hpp"
#include "drivers/emu/id_reader/synthetic_citizens.hpp"
#include "drivers/emu/payment_scanner/payment_scanner_emulator.hpp"
#include "drivers/emu/receipt_printer/receipt_printer_emulator.hpp"
#include "drivers/id_reader/id_reader.hpp"
#include "drivers/id_reader/wlt_decoder_unavailable.hpp"
#include "drivers/payment_scanner/payment_scanner.hpp"
#include "drivers/receipt_printer/receipt_printer.hpp"
#include "tools/kioskhw/bench_devices.hpp"

namespace kiosk::tools {
namespace {

std::unique_ptr<drivers::Transport> wire(drivers::emu::ByteEmulator& e) {
  e.start();
  return std::make_unique<drivers::EmulatedTransport>(e.link(), e.name());
}

class EmulatedBench final : public BenchDevices {
 public:
  explicit EmulatedBench(const BenchOptions& options) {
    card_emu_.set_output_dir(options.artifact_dir.string());
    receipt_emu_.set_output_dir(options.artifact_dir);
    id_reader_ = std::make_unique<drivers::SamIdReader>(
        wire(id_emu_), std::make_shared<drivers::WltDecoderUnavailable>());
    card_printer_ = std::make_unique<drivers::card_printer::EvolisCardPrinter>(wire(card_emu_));
    receipt_printer_ = std::make_unique<drivers::EscPosReceiptPrinter>(wire(receipt_emu_));
    camera_ = std::make_unique<drivers::V4l2Camera>(camera_emu_->make_device());
    scanner_ = std::make_unique<drivers::SerialPaymentScanner>(wire(scanner_emu_));
    for (hal::Device* d : all()) (void)d->open();  // a failed open shows in status/selftest
  }

  ~EmulatedBench() override {
    // Drivers first: they may still be talking to the emulators.
    for (hal::Device* d : all()) d->close();
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

  hal::IdReader* id_reader() override { return id_reader_.get(); }
  hal::CardPrinter* card_printer() override { return card_printer_.get(); }
  hal::ReceiptPrinter* receipt_printer() override { return receipt_printer_.get(); }
  hal::Camera* camera() override { return camera_.get(); }
  hal::PaymentTerminal* payment_terminal() override { return scanner_.get(); }

  bool place_synthetic_card(const std::string& id_number) override {
    const drivers::emu::SyntheticCitizen* citizen =
        id_number.empty() ? &drivers::emu::synthetic_citizens().front()
                          : drivers::emu::find_citizen(id_number);
    if (citizen == nullptr) return false;
    id_emu_.place_card(*citizen);
    return true;
  }

  std::vector<std::filesystem::path> last_card_images() override {
    std::vector<std::filesystem::path> out;
    for (const auto& p : card_emu_.last_card_paths()) out.emplace_back(p);
    return out;
  }
  std::filesystem::path last_receipt_image() override { return receipt_emu_.last_receipt_path(); }

 private:
  drivers::emu::IdReaderEmulator id_emu_;
  drivers::emu::CardPrinterEmulator card_emu_;
  drivers::emu::ReceiptPrinterEmulator receipt_emu_;
  std::shared_ptr<drivers::emu::CameraEmulator> camera_emu_ =
      drivers::emu::CameraEmulator::create();
  drivers::emu::PaymentScannerEmulator scanner_emu_;

  std::unique_ptr<hal::IdReader> id_reader_;
  std::unique_ptr<hal::CardPrinter> card_printer_;
  std::unique_ptr<hal::ReceiptPrinter> receipt_printer_;
  std::unique_ptr<hal::Camera> camera_;
  std::unique_ptr<hal::PaymentTerminal> scanner_;
};

}  // namespace

std::unique_ptr<BenchDevices> open_emulated_bench(const BenchOptions& options) {
  return std::make_unique<EmulatedBench>(options);
}

}  // namespace kiosk::tools
