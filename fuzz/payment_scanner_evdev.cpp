// The keyboard-wedge payment scanner's key events (drivers/payment_scanner/
// evdev_keyboard_scanner.hpp): KeyboardLineDecoder turns what the kernel's evdev node delivers
// into lines. The driver's own read loop (open, grab, read(2)) needs a real input device and is
// not reached here.
//
// Input: 8-byte records (type u16, code u16, value i32, host order: the tail of a struct
// input_event). Checks: a decoded line is at most kMaxScannedLine printable ASCII characters;
// errors are invalidData "unknown_key" or "oversized"; lines that pass go through the wallet
// rules (classify_payment_code) and fail only with their reasons.
#include <cstddef>
#include <cstdint>
#include <cstring>

#include "drivers/payment_scanner/evdev_keyboard_scanner.hpp"
#include "drivers/payment_scanner/payment_scanner_codec.hpp"
#include "fuzz/fuzz_check.hpp"

namespace {

using kiosk::fuzz::require;
using kiosk::fuzz::require_reason;

void check_line(const std::string& line) {
  require(line.size() <= kiosk::drivers::kMaxScannedLine, "decoded line over the limit");
  for (char c : line) require(c >= 0x20 && c < 0x7F, "decoded line holds a non-printable");
  auto code = kiosk::drivers::classify_payment_code(line);
  if (!code.ok()) {
    require_reason(code.error().reason, {"non_digit", "prefix", "length"}, "classify_payment_code");
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  kiosk::drivers::KeyboardLineDecoder decoder;
  for (std::size_t at = 0; at + 8 <= size; at += 8) {
    std::uint16_t type = 0;
    std::uint16_t code = 0;
    std::int32_t value = 0;
    std::memcpy(&type, data + at, 2);
    std::memcpy(&code, data + at + 2, 2);
    std::memcpy(&value, data + at + 4, 4);
    auto out = decoder.feed(type, code, value);
    if (!out) continue;
    if (out->ok()) {
      check_line(out->value());
    } else {
      require(out->error().code == kiosk::hal::CompletionCode::invalidData, "decoder error code");
      require_reason(out->error().reason, {"unknown_key", "oversized"}, "KeyboardLineDecoder");
    }
  }
  return 0;
}
