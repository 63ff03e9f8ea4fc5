#include "drivers/receipt_printer/receipt_layout.hpp"

#include <algorithm>
#include <utility>

namespace kiosk::drivers::receipt_printer {

hal::ReceiptText text(std::string s, hal::Align align, bool bold) {
  hal::ReceiptText t;
  t.text = std::move(s);
  t.align = align;
  t.bold = bold;
  return t;
}

hal::ReceiptText big(std::string s, int scale) {
  hal::ReceiptText t = text(std::move(s), hal::Align::center, true);
  t.width_scale = scale;
  t.height_scale = scale;
  return t;
}

hal::ReceiptText rule(char c) {
  return text(std::string(kColumns, c));
}

int columns(const std::string& s) {
  int n = 0;
  for (std::size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    const std::size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    n += len == 1 ? 1 : 2;
    i += len;
  }
  return n;
}

hal::ReceiptText pair(const std::string& label, const std::string& value) {
  const int gap = std::max(1, kColumns - columns(label) - columns(value));
  return text(label + std::string(static_cast<std::size_t>(gap), ' ') + value);
}

}  // namespace kiosk::drivers::receipt_printer
