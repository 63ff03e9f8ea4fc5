#pragma once
// The five devices of a kiosk as in-process emulators behind their REAL drivers over the
// emulated transport (as tools/kioskhw/bench_devices_emulated.cpp wires them), opened and
// ready; the emulators stay reachable for the test to play the citizen and inject faults.
// Timings follow KIOSK_EMU_TIME_SCALE.

#include <filesystem>
#include <memory>
#include <string>

#include "drivers/emu/camera/camera_emulator.hpp"
#include "drivers/emu/card_printer/card_printer_emulator.hpp"
#include "drivers/emu/id_reader/id_reader_emulator.hpp"
#include "drivers/emu/payment_scanner/payment_scanner_emulator.hpp"
#include "drivers/emu/receipt_printer/receipt_printer_emulator.hpp"
#include "firmware/engine/ports.hpp"

namespace kiosk::engine::testing {

class EmulatedDevices {
 public:
  // `artifact_dir` empty: no PNGs are written.
  explicit EmulatedDevices(const std::filesystem::path& artifact_dir = {});
  ~EmulatedDevices();
  EmulatedDevices(const EmulatedDevices&) = delete;
  EmulatedDevices& operator=(const EmulatedDevices&) = delete;

  Devices devices();

  drivers::emu::IdReaderEmulator& id_emu() { return id_emu_; }
  drivers::emu::CardPrinterEmulator& card_emu() { return card_emu_; }
  drivers::emu::ReceiptPrinterEmulator& receipt_emu() { return receipt_emu_; }
  drivers::emu::CameraEmulator& camera_emu() { return *camera_emu_; }
  drivers::emu::PaymentScannerEmulator& scanner_emu() { return scanner_emu_; }

  hal::IdReader& id_reader() { return *id_reader_; }
  hal::CardPrinter& card_printer() { return *card_printer_; }

  // Places the synthetic citizen with this ID number (or the first one when empty).
  const drivers::emu::SyntheticCitizen& place_citizen(const std::string& id_number = {});

 private:
  drivers::emu::IdReaderEmulator id_emu_;
  drivers::emu::CardPrinterEmulator card_emu_;
  drivers::emu::ReceiptPrinterEmulator receipt_emu_;
  std::shared_ptr<drivers::emu::CameraEmulator> camera_emu_;
  drivers::emu::PaymentScannerEmulator scanner_emu_;
  std::unique_ptr<hal::IdReader> id_reader_;
  std::unique_ptr<hal::CardPrinter> card_printer_;
  std::unique_ptr<hal::ReceiptPrinter> receipt_printer_;
  std::unique_ptr<hal::Camera> camera_;
  std::unique_ptr<hal::PaymentTerminal> scanner_;
};

}  // namespace kiosk::engine::testing
