#pragma once
// Building blocks for receipts laid out on 80 mm paper (48 columns of Font A on 576 dots):
// used by the technician's test receipts and by the kiosk's transaction receipts.

#include <string>

#include "hal/receipt_printer.hpp"

namespace kiosk::drivers::receipt_printer {

inline constexpr int kColumns = 48;

hal::ReceiptText text(std::string s, hal::Align align = hal::Align::left, bool bold = false);
// Centred, bold, `scale` times wide and high.
hal::ReceiptText big(std::string s, int scale = 2);
// A full-width line of `c`.
hal::ReceiptText rule(char c = '-');
// "label .... value" on one line; Chinese characters take two columns.
hal::ReceiptText pair(const std::string& label, const std::string& value);
// Columns a UTF-8 string takes in Font A (two for every non-ASCII character).
int columns(const std::string& utf8);

}  // namespace kiosk::drivers::receipt_printer
