#pragma once
// EvolisCardPrinter: hal::CardPrinter over any Transport, speaking the Evolis command set
// (card_printer_codec.hpp documents the bytes). Each command is sent on its own and waits for
// its text reply. open() sends Pem;2 (the host handles errors); a status read is the seven
// queries of kStatusQueries (card position, sensors, ribbon, counter).
//
// A print is a state machine: checkStatus -> selectRibbon -> startSequence -> loadCard ->
// printFront -> [turnCard -> printBack] -> endSequence -> done. Cleanup always runs: it re-reads
// the printer status, updates counters and events, and if the job failed after the card was
// loaded, marks the card spoiled; print_card() then refuses (deviceNotReady/"reject_required")
// until reject_card() has moved it to the reject bin.

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "drivers/card_printer/card_printer_codec.hpp"
#include "drivers/common/driver_base.hpp"
#include "drivers/transport/transport.hpp"
#include "hal/card_printer.hpp"

namespace kiosk::drivers::card_printer {

struct EvolisConfig {
  std::string device_id = "card_printer";
  std::string model = "Evolis-compatible ID-1 card printer";
  hal::RibbonType ribbon = hal::RibbonType::ymcko;  // the ribbon loaded in this kiosk
  bool duplex = true;
  // Reply timeout of quick commands (status, parameters) and of mechanical steps (loading a
  // card, printing a panel, turning, ejecting), at real device speed.
  std::chrono::milliseconds command_timeout{3000};
  std::chrono::milliseconds mechanical_timeout{20000};
  // Se prints and ejects the card: the guide asks to allow it 60 s or more.
  std::chrono::milliseconds end_timeout{90000};
  RawSize raw_size = RawSize::exact;
  // Rrt;count below this is reported as a low ribbon.
  std::uint64_t ribbon_low = 50;
};

class EvolisCardPrinter final : public DriverBase<hal::CardPrinter> {
 public:
  explicit EvolisCardPrinter(std::unique_ptr<Transport> transport, EvolisConfig config = {});
  ~EvolisCardPrinter() override;
  EvolisCardPrinter(const EvolisCardPrinter&) = delete;
  EvolisCardPrinter& operator=(const EvolisCardPrinter&) = delete;

  hal::DeviceInfo info() const override;
  hal::Status open() override;
  void close() override;
  hal::Result<hal::DeviceStatus> health_check() override;

  hal::CardPrinterCapabilities capabilities() const override;
  hal::RequestId print_card(hal::CardJob job, hal::Completion<hal::PrintedCard> done) override;
  hal::RequestId reject_card(hal::Completion<hal::Done> done) override;

  // True while a spoiled card waits to be rejected.
  bool card_spoiled() const;

 private:
  enum class JobStep {
    checkStatus,
    selectRibbon,
    startSequence,
    loadCard,
    printFront,
    turnCard,
    printBack,
    endSequence,
    done
  };

  hal::Result<hal::PrintedCard> run_job(const hal::CardJob& job, hal::CancelToken& token);
  hal::Status run_step(JobStep step, const JobCommands& cmds, hal::CancelToken& token);
  static JobStep next_step(JobStep step, bool has_back);
  hal::Result<hal::Done> run_reject(hal::CancelToken& token);

  // Sends one command and reads its reply. Printer ERR replies become DeviceErrors.
  hal::Result<Reply> exchange(const Bytes& frame, std::chrono::milliseconds timeout);
  hal::Result<std::string> read_reply(std::chrono::milliseconds timeout);
  hal::Result<StatusReport> query_status();
  void apply_status(const StatusReport& report);
  void note_failure(const hal::DeviceError& error);

  std::unique_ptr<Transport> transport_;
  EvolisConfig config_;
  bool opened_ = false;  // worker thread only

  // Guarded by the state lock (lock_state()): they change together with the status.
  hal::DeviceInfo info_;
  std::optional<StatusReport> last_report_;
  bool spoiled_ = false;
};

std::unique_ptr<hal::CardPrinter> make_evolis_card_printer(std::unique_ptr<Transport> transport,
                                                           EvolisConfig config = {});

}  // namespace kiosk::drivers::card_printer
