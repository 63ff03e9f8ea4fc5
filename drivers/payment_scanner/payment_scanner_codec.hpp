#pragma once
// Pure codec of a payment-code scanner in serial / USB-CDC mode: line framing of the byte
// stream, validation of wallet payment codes, and the trigger commands. No I/O.
//
// Wire format (scanner -> host): the decoded barcode as ASCII, terminated by CR; some models
// and settings send CR LF or LF. We accept all three (an empty line is skipped).
//
// Trigger commands (host -> scanner): vendors differ. We use the Honeywell "serial trigger"
// pair, also understood by many compatible OEM engines:
//   enable  (start scan) = SYN 'T' CR = 16 54 0D
//   disable (stop scan)  = SYN 'U' CR = 16 55 0D
// Scanners set to presentation (continuous) mode ignore them and scan all the time; the
// driver copes with both (it flushes input before a read and ignores codes it did not ask for).
// A Newland or Zebra engine needs its own pair: change only these two functions.

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "hal/payment_scanner.hpp"
#include "hal/result.hpp"

namespace kiosk::drivers {

inline constexpr std::size_t kMaxScannedLine = 64;

std::vector<std::uint8_t> scanner_enable_command();   // 16 54 0D
std::vector<std::uint8_t> scanner_disable_command();  // 16 55 0D

// Validates a scanned code against the wallet rules (PROTOCOLS.md "Payment"):
//   WeChat   18 digits, first two digits 10..15
//   Alipay   16..24 digits, first two digits 25..30
//   UnionPay 19 digits, first two digits 62
// Errors (all invalidData): "non_digit" (empty or any byte not 0-9), "prefix" (no wallet
// starts so), "length" (the wallet is known but the length is wrong, or fewer than 2 digits).
// Messages never contain the code.
hal::Result<hal::PaymentCode> classify_payment_code(std::string_view code);

// Splits the scanner's byte stream into lines. Feed it whatever the transport returned;
// complete lines come out in order. Each result is either a line of digits or an error:
//   invalidData/"oversized"  more than kMaxScannedLine bytes before a terminator (the rest of
//                            that line is dropped: framing resyncs at the next CR/LF)
//   invalidData/"non_digit"  the line holds a byte that is not 0-9
// Not thread-safe; one per driver.
class LineFramer {
 public:
  std::vector<hal::Result<std::string>> feed(std::span<const std::uint8_t> bytes);
  // Drops a partial line (start of a new read).
  void reset();
  std::size_t pending() const { return line_.size(); }

 private:
  std::string line_;
  bool overflow_ = false;
  bool non_digit_ = false;
};

}  // namespace kiosk::drivers
