#include "drivers/emu/payment_scanner/payment_scanner_emulator.hpp"

#include <chrono>

#include "drivers/emu/common/time_scale.hpp"

namespace kiosk::drivers::emu {
namespace {

constexpr std::uint8_t kSyn = 0x16;
constexpr std::uint8_t kCr = 0x0D;
constexpr std::uint8_t kLf = 0x0A;
constexpr std::size_t kMaxCommand = 64;
// Time a scan engine takes to find and decode a phone-screen QR code.
constexpr std::chrono::milliseconds kDecodeDelay{120};

}  // namespace

PaymentScannerEmulator::PaymentScannerEmulator(std::string name) : ByteEmulator(std::move(name)) {}

PaymentScannerEmulator::~PaymentScannerEmulator() {
  stop();
}

void PaymentScannerEmulator::on_host_bytes(std::span<const std::uint8_t> bytes) {
  std::lock_guard lock(m_);
  for (std::uint8_t b : bytes) {
    if (b != kCr) {
      if (command_.size() < kMaxCommand) command_.push_back(b);
      continue;
    }
    // Unknown commands are ignored, as real engines do.
    if (command_.size() == 2 && command_[0] == kSyn && command_[1] == 'T') {
      ++enables_;
      scanning_ = true;
      deliver_locked();
    } else if (command_.size() == 2 && command_[0] == kSyn && command_[1] == 'U') {
      ++disables_;
      scanning_ = false;
    }
    command_.clear();
  }
}

void PaymentScannerEmulator::present_code(std::string code) {
  std::lock_guard lock(m_);
  pending_.push_back(std::move(code));
  deliver_locked();
}

void PaymentScannerEmulator::deliver_locked() {
  if (!scanning_ || pending_.empty()) return;
  std::string code = std::move(pending_.front());
  pending_.pop_front();
  scanning_ = false;  // one read per trigger
  (void)device_delay(kDecodeDelay, stop_flag());
  std::vector<std::uint8_t> wire(code.begin(), code.end());
  if (terminator_ != Terminator::lf) wire.push_back(kCr);
  if (terminator_ != Terminator::cr) wire.push_back(kLf);
  if (!reply(std::move(wire))) pending_.push_front(std::move(code));  // held up again later
}

void PaymentScannerEmulator::unplug() {
  {
    std::lock_guard lock(m_);
    scanning_ = false;
    command_.clear();
  }
  ByteEmulator::unplug();
}

void PaymentScannerEmulator::replug() {
  {
    std::lock_guard lock(m_);
    scanning_ = false;
    command_.clear();
  }
  ByteEmulator::replug();
}

void PaymentScannerEmulator::set_terminator(Terminator terminator) {
  std::lock_guard lock(m_);
  terminator_ = terminator;
}

bool PaymentScannerEmulator::scanning() const {
  std::lock_guard lock(m_);
  return scanning_;
}

std::size_t PaymentScannerEmulator::pending_codes() const {
  std::lock_guard lock(m_);
  return pending_.size();
}

std::uint64_t PaymentScannerEmulator::enable_count() const {
  std::lock_guard lock(m_);
  return enables_;
}

std::uint64_t PaymentScannerEmulator::disable_count() const {
  std::lock_guard lock(m_);
  return disables_;
}

std::string synthetic_payment_code(hal::Wallet wallet, int seed) {
  // A small LCG: deterministic digits per seed, no std::random distribution differences.
  std::uint32_t state = static_cast<std::uint32_t>(seed) * 2654435761U + 12345U;
  auto next_digit = [&state] {
    state = state * 1664525U + 1013904223U;
    return static_cast<char>('0' + (state >> 16) % 10);
  };
  const auto pick = static_cast<unsigned>(seed) % 6;
  std::string code;
  std::size_t length = 0;
  switch (wallet) {
    case hal::Wallet::wechat:
      code = std::to_string(10 + pick);
      length = 18;
      break;
    case hal::Wallet::alipay:
      code = std::to_string(25 + pick);
      length = 18;
      break;
    case hal::Wallet::unionpay:
      code = "62";
      length = 19;
      break;
  }
  while (code.size() < length) code.push_back(next_digit());
  return code;
}

}  // namespace kiosk::drivers::emu
