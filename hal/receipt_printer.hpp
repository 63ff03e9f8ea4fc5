#pragma once
// Receipt printer (ESC/POS). PROTOCOLS.md has the wire facts.

#include <string>
#include <variant>
#include <vector>

#include "hal/device.hpp"

namespace kiosk::hal {

enum class Align { left, center, right };

struct ReceiptText {
  std::string text;  // UTF-8; Chinese is sent as GB18030 by the driver
  bool bold = false;
  bool underline = false;
  Align align = Align::left;
  int width_scale = 1;   // 1..8
  int height_scale = 1;  // 1..8
};
struct ReceiptQr {
  std::string data;  // up to ~700 bytes
  int module_size = 6;
  Align align = Align::center;
};
struct ReceiptFeed {
  int lines = 1;
};

using ReceiptElement = std::variant<ReceiptText, ReceiptQr, ReceiptFeed>;

struct Receipt {
  std::vector<ReceiptElement> elements;  // printed in order, then cut
};

struct ReceiptPrinterCapabilities {
  int dots_per_line = 576;  // 80 mm paper at 203 dpi
  bool cutter = true;
  bool qr = true;
};

// Status detail codes: "paper" -> "ok" | "near_end" | "out"; "cover" -> "closed" | "open";
// "cutter" -> "ok" | "error".
// Statistics: SuccessfulCommandCount, FailedCommandCount, CommunicationErrorCount,
// "ReceiptsPrintedCount", "LinesPrintedCount".
class ReceiptPrinter : public Device {
 public:
  virtual ReceiptPrinterCapabilities capabilities() const = 0;

  // Prints and cuts. Checks status first: a printer with no paper or an open cover is refused
  // before any byte is sent. Errors: userError ("paper_out", "cover_open"), hardwareError
  // ("cutter", "unrecoverable"), invalidData ("unencodable_text", "qr_too_long"), timeout,
  // deviceNotReady, canceled.
  virtual RequestId print(Receipt receipt, Completion<Done> done) = 0;
};

}  // namespace kiosk::hal
