#pragma once
// ID-1 card printer (Evolis command set). PROTOCOLS.md has the wire facts.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "hal/device.hpp"
#include "hal/image.hpp"

namespace kiosk::hal {

// 300 dpi, ID-1 card: the size every card side must have.
inline constexpr int kCardWidthDots = 1016;
inline constexpr int kCardHeightDots = 648;

enum class RibbonType { ymcko, k };

struct CardSide {
  RgbImage image;  // kCardWidthDots x kCardHeightDots
  // Pixels printed with resin black (text, barcodes); if empty the driver derives it from
  // pure-black pixels of `image`.
  std::vector<Rect> black_regions;
  // Areas left without overlay varnish (the photo window), if any.
  std::vector<Rect> overlay_cutouts;
};

struct CardJob {
  CardSide front;
  std::optional<CardSide> back;  // printed after flipping, when the printer can
  std::string job_id;            // for logs and counters; no personal data
};

struct CardPrinterCapabilities {
  bool duplex = false;
  std::vector<RibbonType> ribbons;
  int dpi = 300;
};

struct PrintedCard {
  std::uint64_t card_counter = 0;  // the printer's total printed-card counter after this card
};

// Status detail codes: "ribbon" -> "ok" | "low" | "out"; "feeder" -> "ok" | "low" | "empty";
// "cover" -> "closed" | "open"; "card" -> "none" | "held" (inside: printing, or left by an
// aborted job and waiting for reject_card) | "in_mouth" | "jammed".
// Statistics: SuccessfulCommandCount, FailedCommandCount, CommunicationErrorCount,
// "CardsPrintedCount", "CardsRejectedCount", "RibbonRemainingPanels".
class CardPrinter : public Device {
 public:
  virtual CardPrinterCapabilities capabilities() const = 0;

  // Loads a blank card, prints the job and ejects the card to the mouth. Takes seconds.
  // Errors: userError ("cover_open", "feeder_empty"), hardwareError ("ribbon_out", "jam",
  // "mechanical"), invalidData ("image_size"), timeout, deviceNotReady, canceled. After a
  // jam or ribbon-out mid-job the card is spoiled and must be rejected before the next job.
  virtual RequestId print_card(CardJob job, Completion<PrintedCard> done) = 0;

  // Moves a spoiled or forgotten card to the reject bin.
  virtual RequestId reject_card(Completion<Done> done) = 0;
};

}  // namespace kiosk::hal
