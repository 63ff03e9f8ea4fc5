#pragma once
// In-process emulator of a payment-code scanner in serial-trigger mode (commands and wire
// format: drivers/payment_scanner/payment_scanner_codec.hpp).
//
// Behaviour: SYN T CR enables scanning, SYN U CR disables it. A code presented while scanning
// is sent after a short decode delay, followed by the terminator; after one read the scanner
// stops (one read per trigger, as in Honeywell's serial trigger mode) until enabled again.
// A code presented while not scanning is kept, in order, until the next enable, like a
// citizen holding the phone up before the kiosk asks. Link faults come from ByteEmulator
// (garbage, short frame, unplug, ...) and apply to the next code sent.

#include <cstdint>
#include <deque>
#include <mutex>
#include <string>
#include <vector>

#include "drivers/emu/common/byte_emulator.hpp"
#include "hal/payment_scanner.hpp"

namespace kiosk::drivers::emu {

class PaymentScannerEmulator final : public ByteEmulator {
 public:
  enum class Terminator { cr, crlf, lf };

  explicit PaymentScannerEmulator(std::string name = "payment_scanner");
  ~PaymentScannerEmulator() override;

  void on_host_bytes(std::span<const std::uint8_t> bytes) override;

  // Thread-safe. The code is sent as given (tests present invalid ones too).
  void present_code(std::string code);
  void set_terminator(Terminator terminator);

  // Pulling the cable powers the scanner off: it forgets it was enabled. (An unplugMidCommand
  // fault closes the link directly from the base and keeps the state.)
  void unplug() override;
  void replug() override;

  bool scanning() const;
  std::size_t pending_codes() const;
  std::uint64_t enable_count() const;   // SYN T CR received
  std::uint64_t disable_count() const;  // SYN U CR received

 private:
  void deliver_locked();

  mutable std::mutex m_;
  std::vector<std::uint8_t> command_;  // partial host command
  std::deque<std::string> pending_;
  Terminator terminator_ = Terminator::cr;
  bool scanning_ = false;
  std::uint64_t enables_ = 0;
  std::uint64_t disables_ = 0;
};

// A code that passes classify_payment_code for `wallet`, different for each seed.
// WeChat 18 digits (10..15), Alipay 18 digits (25..30), UnionPay 19 digits (62).
std::string synthetic_payment_code(hal::Wallet wallet, int seed);

}  // namespace kiosk::drivers::emu
