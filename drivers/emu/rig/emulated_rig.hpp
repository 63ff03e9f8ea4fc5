#pragma once
// EmulatedRig: a kiosk's five devices as in-process emulators behind their REAL drivers,
// each driver over the emulated transport of its emulator (the camera over its emulated V4L2
// device). It is the one place that wires the emulators to the drivers: kioskd's simulated
// composition, kioskhw --emulate and the tests all use it.
//
// The rig owns emulators and drivers. Destruction closes the drivers first (they may still be
// talking to the emulators), then stops the emulators. Thread-safety: as the drivers
// (hal::Device) and the emulators; the rig itself holds no state after construction.

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "drivers/emu/camera/camera_emulator.hpp"
#include "drivers/emu/card_printer/card_printer_emulator.hpp"
#include "drivers/emu/common/faults.hpp"
#include "drivers/emu/id_reader/id_reader_emulator.hpp"
#include "drivers/emu/id_reader/synthetic_citizens.hpp"
#include "drivers/emu/payment_scanner/payment_scanner_emulator.hpp"
#include "drivers/emu/receipt_printer/receipt_printer_emulator.hpp"
#include "hal/camera.hpp"
#include "hal/card_printer.hpp"
#include "hal/id_reader.hpp"
#include "hal/payment_scanner.hpp"
#include "hal/receipt_printer.hpp"

namespace kiosk::drivers::emu {

struct RigOptions {
  // Where the printers write what they print (card sides, receipts) as PNG. Empty: nothing
  // is written.
  std::filesystem::path artifact_dir;
  // Applied process-wide (set_time_scale) when given; otherwise KIOSK_EMU_TIME_SCALE holds.
  std::optional<double> time_scale;
  CardPrinterEmulatorConfig card_printer;  // supplies and counters the printer starts with
  // Opens every driver before the constructor returns; a failed open shows in the driver's
  // status. Off: the caller opens them.
  bool open_devices = true;
};

class EmulatedRig {
 public:
  explicit EmulatedRig(RigOptions options = {});
  ~EmulatedRig();
  EmulatedRig(const EmulatedRig&) = delete;
  EmulatedRig& operator=(const EmulatedRig&) = delete;

  // ---- the drivers, as the kiosk sees them
  hal::IdReader& id_reader() { return *id_reader_; }
  hal::CardPrinter& card_printer() { return *card_printer_; }
  hal::ReceiptPrinter& receipt_printer() { return *receipt_printer_; }
  hal::Camera& camera() { return *camera_; }
  hal::PaymentScanner& payment_scanner() { return *scanner_; }
  // The five, in the order above.
  std::vector<hal::Device*> devices();

  // ---- the emulators, the device side
  IdReaderEmulator& id_emu() { return id_emu_; }
  CardPrinterEmulator& card_emu() { return card_emu_; }
  ReceiptPrinterEmulator& receipt_emu() { return receipt_emu_; }
  CameraEmulator& camera_emu() { return *camera_emu_; }
  PaymentScannerEmulator& scanner_emu() { return scanner_emu_; }

  // The fault switches of a device by its id: "id_reader", "card_printer", "receipt_printer",
  // "camera", "payment_scanner". Null for any other name.
  FaultInjector* faults(std::string_view device);

  // Lays the synthetic citizen with this ID number on the reader (the first one when
  // `id_number` is empty). Null, and nothing placed, for an unknown ID number.
  const SyntheticCitizen* place_synthetic_card(std::string_view id_number);

  // What the printers wrote last (empty without an artifact directory or before a print).
  std::vector<std::filesystem::path> last_card_images() const;
  std::filesystem::path last_receipt_image() const;

 private:
  IdReaderEmulator id_emu_;
  CardPrinterEmulator card_emu_;
  ReceiptPrinterEmulator receipt_emu_;
  std::shared_ptr<CameraEmulator> camera_emu_;
  PaymentScannerEmulator scanner_emu_;

  std::unique_ptr<hal::IdReader> id_reader_;
  std::unique_ptr<hal::CardPrinter> card_printer_;
  std::unique_ptr<hal::ReceiptPrinter> receipt_printer_;
  std::unique_ptr<hal::Camera> camera_;
  std::unique_ptr<hal::PaymentScanner> scanner_;
};

}  // namespace kiosk::drivers::emu
