#pragma once
// hal::ReceiptPrinter for ESC/POS thermal printers over any drivers::Transport (USB printer
// class bulk endpoints, a serial port, or the in-process emulator).

#include <chrono>
#include <cstddef>
#include <memory>
#include <optional>
#include <string>

#include "drivers/common/driver_base.hpp"
#include "drivers/receipt_printer/receipt_printer_codec.hpp"
#include "drivers/transport/transport.hpp"
#include "hal/receipt_printer.hpp"

namespace kiosk::drivers {

struct EscPosReceiptPrinterOptions {
  std::string id = "receipt_printer";
  // Each real-time status reply; printers answer within a few ms.
  std::chrono::milliseconds status_timeout{1000};
  // After the cut the driver sends GS r 1, which the printer executes in order: its reply
  // says the receipt is printed. It may take this long.
  std::chrono::milliseconds after_print_timeout{15000};
  // While waiting for that reply, a real-time DLE EOT 2 every so often tells a printer that
  // stopped (paper out, cover open, cutter) from one still printing.
  std::chrono::milliseconds poll_interval{200};
  // GS I 67 / GS I 65 at open (model name, firmware); printers without them stay silent.
  std::chrono::milliseconds model_timeout{300};
  // The printer has a presenter (Custom GS e): status detail "presenter" = "empty" | "ticket",
  // and retract_ticket() works.
  bool presenter = false;
  std::chrono::milliseconds write_timeout{5000};
  // Bytes per write; whole commands are never split across writes unless one command alone is
  // larger (a QR store), so a cancel between writes leaves the printer between commands.
  std::size_t chunk_size = 256;
};

// Threading and contract: see hal::Device and hal::ReceiptPrinter. All transport traffic
// happens on the command queue's worker thread; open(), close() and health_check() run there
// too and block the caller until done (they run inline when called from a completion or an
// event handler). The destructor closes the device and raises no events.
//
// A print: encode (invalid data fails here, before the printer is touched) -> real-time
// status n=1..4 (paper out / cover open / cutter / unrecoverable refuse before any byte is
// sent) -> the receipt in chunks of whole commands (cancel is honoured between chunks) ->
// feed and cut -> GS r 1, executed in order: its reply confirms the receipt is printed (DLE
// EOT is real-time, answered at once even mid-job, so it cannot) -> status again (a cutter
// error or paper run out during the print fails the command). A receipt stopped after some
// bytes were sent is cut off so the next one starts clean. Events: statusChanged, mediaLow
// ("paper_near_end", once per episode), deviceRemoved / deviceArrived.
class EscPosReceiptPrinter final : public DriverBase<hal::ReceiptPrinter> {
 public:
  explicit EscPosReceiptPrinter(std::unique_ptr<Transport> transport,
                                EscPosReceiptPrinterOptions options = {});
  ~EscPosReceiptPrinter() override;
  EscPosReceiptPrinter(const EscPosReceiptPrinter&) = delete;
  EscPosReceiptPrinter& operator=(const EscPosReceiptPrinter&) = delete;

  hal::DeviceInfo info() const override;
  // Opens the transport and asks for the real-time status. Errors: deviceNotReady
  // ("disconnected", "not_open", "no_answer"), invalidData ("bad_status").
  hal::Status open() override;
  void close() override;
  hal::Result<hal::DeviceStatus> health_check() override;

  hal::ReceiptPrinterCapabilities capabilities() const override;
  hal::RequestId print(hal::Receipt receipt, hal::Completion<hal::Done> done) override;

  // Presenter (options.presenter): pulls a ticket left in the mouth back into the printer
  // (GS e 2), then reads the presenter status. Not part of hal::ReceiptPrinter.
  // Errors: unsupported/"no_presenter", the transport's.
  hal::RequestId retract_ticket(hal::Completion<hal::Done> done);

 private:
  // The steps of one print; cleanup (cut after a partial send) always runs.
  enum class Step { encode, checkBefore, send, cut, checkAfter, cleanup, finished };
  struct Job;

  hal::Status run_print(const hal::Receipt& receipt, hal::CancelToken& token);
  Step advance(Step step, Job& job, hal::CancelToken& token);

  // Queries n=1..4 and updates the published status (events on changes). Worker thread only.
  hal::Result<receipt_printer::RealtimeStatus> query_status(
      std::chrono::milliseconds first_timeout);
  hal::Status write_all(std::span<const std::uint8_t> bytes);
  // Sends GS r 1 and waits for its in-order reply, polling DLE EOT 2 meanwhile.
  hal::Status confirm_printed();
  // GS I n at open; nullopt when the printer does not answer.
  std::optional<std::string> printer_info(std::uint8_t n);
  // GS e 6 into status detail "presenter".
  hal::Status read_presenter();
  void publish(const receipt_printer::RealtimeStatus& rt);
  void note_failure(const hal::DeviceError& error);

  std::unique_ptr<Transport> transport_;
  EscPosReceiptPrinterOptions options_;

  // Guarded by the state lock (lock_state()): they change together with the status.
  hal::DeviceInfo info_extra_;  // model / firmware read with GS I
  bool open_ = false;
  bool paper_near_end_ = false;
  bool removed_ = false;  // reported deviceRemoved; deviceArrived when it answers again
};

}  // namespace kiosk::drivers
