#pragma once
// Draws an ESC/POS stream the way an 80 mm thermal printer would print it: the 576-dot printable
// strip (203 dpi) centred on 80 mm (640-dot) paper, so a receipt has its real side margins; 1-bit
// black on off-white paper, Font A 12 x 24 dots (Noto Sans Mono CJK, so Chinese is 24 x 24), QR
// codes from the stored data, cuts marked by a dashed line. Used by the receipt printer emulator
// and the bench/kioskhw tools.

#include <cstdint>
#include <span>
#include <vector>

#include "drivers/receipt_printer/receipt_printer_codec.hpp"
#include "hal/image.hpp"
#include "hal/result.hpp"

namespace kiosk::drivers::emu {

// The printable line; the image is the whole paper, with the line centred on it.
inline constexpr int kReceiptWidthDots = drivers::receipt_printer::kDotsPerLine;
inline constexpr int kPaperWidthDots = 640;  // 80 mm at 203 dpi
inline constexpr int kPaperMarginDots = (kPaperWidthDots - kReceiptWidthDots) / 2;

// Errors: the parser's invalidData errors for a malformed stream; invalidData/"empty_receipt"
// when the stream prints nothing; invalidData/"qr" when a stored QR cannot be encoded.
hal::Result<hal::RgbImage> render_escpos(std::span<const std::uint8_t> stream);

// The same from already parsed operations (the emulator parses as bytes arrive).
hal::Result<hal::RgbImage> render_operations(
    const std::vector<drivers::receipt_printer::Operation>& ops);

}  // namespace kiosk::drivers::emu
