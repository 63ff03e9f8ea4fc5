#pragma once
// The device side of an ESC/POS 80 mm thermal kiosk receipt printer with a presenter. Keeps
// the operations of the receipt being printed and, at each cut, renders it to
// `<output dir>/receipt-<n>.png`; the cut ticket then waits in the presenter's mouth until
// take_ticket(), a retract (GS e 2) or an eject (GS e 5).
//
// As a printer does, it answers real-time status requests (DLE EOT n) the moment they arrive,
// even mid-job, before the commands queued ahead of them are printed; everything else runs in
// order on a print engine thread: GS r 1 (paper sensors), GS I n (model "EMU-TM80", firmware
// "EMU-1.0"), GS e 6 (presenter status) are answered once what came before them is printed.
//
// Timing: paper moves at ~100 mm/s (8 dots/mm) and a cut takes ~150 ms, through
// emu::device_delay (KIOSK_EMU_TIME_SCALE). A stopped printer (paper out, cover open, cutter
// error) drops what it is sent, in-order requests included.
//
// Faults: paperOut (status paper out + paper end stop, printing is dropped), paperNearEnd
// (status bits only, prints), coverOpen (status cover open, printing is dropped), jam (the
// next cut fails: status reports a cutter error, no PNG, until the fault is cleared), and
// the ByteEmulator link faults on status replies.

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <filesystem>
#include <mutex>
#include <thread>
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

  // A ticket waits in the presenter's mouth.
  bool ticket_in_mouth() const;
  // The citizen takes the ticket.
  void take_ticket();
  // Tickets pulled back into the printer by GS e 2.
  std::uint64_t tickets_retracted() const;
  // Waits until the print engine has handled everything received so far (for callers that
  // feed on_host_bytes() directly). False on timeout.
  bool wait_idle(std::chrono::milliseconds timeout = std::chrono::seconds(10));

  void on_host_bytes(std::span<const std::uint8_t> bytes) override;

 private:
  void engine_loop();
  void in_order(const drivers::receipt_printer::Operation& o);
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
  bool ticket_in_mouth_ = false;
  std::uint64_t retracted_ = 0;
  std::string last_error_;

  // The print engine: operations in the order received.
  std::mutex qm_;
  std::condition_variable qcv_;
  std::deque<drivers::receipt_printer::Operation> queue_;
  bool engine_busy_ = false;
  bool engine_stop_ = false;
  std::thread engine_;  // started on the first queued operation
};

}  // namespace kiosk::drivers::emu
