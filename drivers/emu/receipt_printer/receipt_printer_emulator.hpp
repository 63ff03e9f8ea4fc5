#pragma once
// The device side of an ESC/POS 80 mm thermal receipt printer. Answers real-time status
// requests (DLE EOT n) from its fault state, keeps the operations of the receipt being
// printed and, at each cut, renders it to `<output dir>/receipt-<n>.png`.
//
// Timing: paper moves at ~100 mm/s (8 dots/mm) and a cut takes ~150 ms, through
// emu::device_delay (KIOSK_EMU_TIME_SCALE). Commands are handled in order, so a status
// request sent after a cut is answered once the receipt is printed and cut.
//
// Faults: paperOut (status paper out + paper end stop, printing is dropped), paperNearEnd
// (status bits only, prints), coverOpen (status cover open, printing is dropped), jam (the
// next cut fails: status reports a cutter error, no PNG, until the fault is cleared), and
// the ByteEmulator link faults on status replies.

#include <cstdint>
#include <filesystem>
#include <mutex>
#include <vector>

#include "drivers/emu/common/byte_emulator.hpp"
#include "drivers/receipt_printer/receipt_printer_codec.hpp"

namespace kiosk::drivers::emu {

class ReceiptPrinterEmulator final : public ByteEmulator {
 public:
  ReceiptPrinterEmulator();
  ~ReceiptPrinterEmulator() override;

  // Where receipts are written (created if missing). Without one, receipts are only counted.
  void set_output_dir(std::filesystem::path dir);
  // The PNG of the last cut receipt; empty until one was written.
  std::filesystem::path last_receipt_path() const;
  // Receipts printed and cut (with or without an output dir).
  std::uint64_t receipts_cut() const;
  // Byte runs that were not valid ESC/POS (the parser resynchronises after each).
  std::uint64_t parse_errors() const;
  // Last render or write failure ("" if none), for tests and the technician.
  std::string last_error() const;

  void on_host_bytes(std::span<const std::uint8_t> bytes) override;

 private:
  drivers::receipt_printer::RealtimeStatus current_status();
  void handle(const drivers::receipt_printer::Operation& o);
  void finish_receipt(const drivers::receipt_printer::op::Cut& cut);
  void delay_for(const drivers::receipt_printer::Operation& o);

  // Emulator thread only.
  drivers::receipt_printer::StreamParser parser_;
  std::vector<drivers::receipt_printer::Operation> receipt_;
  int line_height_scale_ = 1;
  std::size_t stored_qr_bytes_ = 0;

  mutable std::mutex m_;  // guards the members below
  std::filesystem::path out_dir_;
  std::filesystem::path last_path_;
  std::uint64_t receipts_ = 0;
  std::uint64_t parse_errors_ = 0;
  bool cutter_failed_ = false;
  std::string last_error_;
};

}  // namespace kiosk::drivers::emu
