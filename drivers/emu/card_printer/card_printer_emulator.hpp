#pragma once
// CardPrinterEmulator: the printer side of the Evolis command set (card_printer_codec.hpp has
// the bytes). It parses what the host sends as the printer would, answers each command, takes
// realistic time (scaled by KIOSK_EMU_TIME_SCALE: card load 1.5 s, a download 0.1 s, turn 1 s;
// Se prints what was downloaded, y/m/c 2.5 s each, k 2 s, overlay 1 s, then ejects in 1 s; a
// one-sided YMCKO card is about 13 s), answers the status queries as field printers do
// (Rlr;p, Rse;b|o|f|n voltages, Rrt;count|qty, Rco;c), takes settings (P..., M...), counts
// ribbon panels, blank cards and printed cards, and composes each printed card from the panels
// it actually received, writing it as PNG when an output directory is set.
//
// Faults (faults()): jam (the next panel jams: "ERR MECHANICAL", Rlr;p "ERR CARD" until the
// fault is cleared and Ser rejects it), ribbonOut (the next panel fails with "ERR RIBBON",
// card held), feederEmpty (Sr fails with "ERR FEEDER EMPTY"), coverOpen (sequence commands
// fail with "ERR COVER OPEN"), plus ByteEmulator's link faults on every reply.

#include <atomic>
#include <chrono>
#include <cstdint>
#include <mutex>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "drivers/card_printer/card_printer_codec.hpp"
#include "drivers/emu/common/byte_emulator.hpp"
#include "hal/card_printer.hpp"

namespace kiosk::drivers::emu {

struct CardPrinterEmulatorConfig {
  hal::RibbonType ribbon = hal::RibbonType::ymcko;
  std::uint64_t ribbon_panels = 1000;  // 200 YMCKO sides
  std::uint64_t feeder_cards = 100;
  std::uint64_t card_counter = 0;  // total printed before this session
  std::uint64_t ribbon_low_panels = 50;
  std::uint64_t feeder_low_cards = 10;
  std::string firmware = "EMU-EVL-1.0";
  std::string serial_number = "EMU-000001";
};

class CardPrinterEmulator final : public ByteEmulator {
 public:
  explicit CardPrinterEmulator(CardPrinterEmulatorConfig config = {});
  ~CardPrinterEmulator() override;

  void on_host_bytes(std::span<const std::uint8_t> bytes) override;

  // Each printed card is written as <dir>/card-<n>-front.png (and -back.png when the card was
  // turned), n being the printer's card counter. Empty: no files.
  void set_output_dir(std::string path);
  // Paths written for the last printed card (empty if none, or no output dir).
  std::vector<std::string> last_card_paths() const;
  // The last printed card, as composed from the received panels.
  std::optional<hal::RgbImage> last_front() const;
  std::optional<hal::RgbImage> last_back() const;

  std::uint64_t ribbon_panels() const;
  std::uint64_t feeder_cards() const;
  std::uint64_t card_counter() const;
  std::uint64_t rejected_cards() const;
  void set_ribbon_panels(std::uint64_t n);
  void set_feeder_cards(std::uint64_t n);
  // "none", "held", "in_mouth" or "jammed".
  std::string card_position() const;
  // The citizen takes the printed card from the mouth.
  void take_card();

  // Pulls the cable like ByteEmulator::unplug(), and also drops a partly received command (a
  // printer's receive buffer does not survive a USB disconnect).
  void unplug() override;
  // Plugs the cable back once the emulator thread has dropped what the host sent before the
  // disconnect (waits up to about a second), so no stale byte is read as a new command.
  void replug() override;

 private:
  enum class CardAt { none, held, in_mouth, jammed };
  enum class Side { none, front, back };
  struct SidePanels {
    std::optional<drivers::card_printer::Panel> y, m, c, k;
    bool used = false;
    hal::RgbImage image() const;
  };

  void execute(drivers::card_printer::Command& cmd);
  void answer(std::string_view text);
  void fail(char code);
  void finish_card();

  const CardPrinterEmulatorConfig config_;
  std::vector<std::uint8_t> rx_;  // emulator thread only
  std::atomic<bool> link_dropped_{false};

  mutable std::mutex m_;
  std::uint64_t ribbon_panels_;
  std::uint64_t feeder_cards_;
  std::uint64_t card_counter_;
  std::uint64_t rejected_ = 0;
  bool in_sequence_ = false;
  std::chrono::milliseconds print_time_{0};  // of the panels received since Ss
  CardAt card_ = CardAt::none;
  Side side_ = Side::none;
  SidePanels front_;
  SidePanels back_;
  std::string last_result_ = "OK";
  std::string output_dir_;
  std::vector<std::string> last_paths_;
  std::optional<hal::RgbImage> last_front_;
  std::optional<hal::RgbImage> last_back_;
};

}  // namespace kiosk::drivers::emu
