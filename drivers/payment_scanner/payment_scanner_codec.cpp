#include "drivers/payment_scanner/payment_scanner_codec.hpp"

#include <algorithm>

namespace kiosk::drivers {
namespace {

constexpr std::uint8_t kSyn = 0x16;
constexpr std::uint8_t kCr = 0x0D;
constexpr std::uint8_t kLf = 0x0A;

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

hal::DeviceError invalid(std::string reason, std::string message) {
  return hal::make_error(hal::CompletionCode::invalidData, std::move(reason), std::move(message));
}

}  // namespace

std::vector<std::uint8_t> scanner_enable_command() {
  return {kSyn, 'T', kCr};
}
std::vector<std::uint8_t> scanner_disable_command() {
  return {kSyn, 'U', kCr};
}

hal::Result<hal::PaymentCode> classify_payment_code(std::string_view code) {
  if (code.empty()) return invalid("non_digit", "empty payment code");
  for (char c : code) {
    if (!is_digit(c)) return invalid("non_digit", "payment code holds a non-digit byte");
  }
  if (code.size() < 2) return invalid("length", "payment code too short");
  const int prefix = (code[0] - '0') * 10 + (code[1] - '0');
  const std::size_t n = code.size();
  if (prefix >= 10 && prefix <= 15) {
    if (n != 18) return invalid("length", "wechat code must have 18 digits");
    return hal::PaymentCode{hal::Wallet::wechat, std::string(code)};
  }
  if (prefix >= 25 && prefix <= 30) {
    if (n < 16 || n > 24) return invalid("length", "alipay code must have 16 to 24 digits");
    return hal::PaymentCode{hal::Wallet::alipay, std::string(code)};
  }
  if (prefix == 62) {
    if (n != 19) return invalid("length", "unionpay code must have 19 digits");
    return hal::PaymentCode{hal::Wallet::unionpay, std::string(code)};
  }
  return invalid("prefix", "no wallet uses this payment-code prefix");
}

std::vector<hal::Result<std::string>> LineFramer::feed(std::span<const std::uint8_t> bytes) {
  std::vector<hal::Result<std::string>> out;
  for (std::uint8_t b : bytes) {
    if (b == kCr || b == kLf) {
      if (overflow_) {
        out.emplace_back(invalid("oversized", "scanned line longer than 64 bytes"));
      } else if (non_digit_) {
        out.emplace_back(invalid("non_digit", "scanned line holds a non-digit byte"));
      } else if (!line_.empty()) {
        out.emplace_back(std::move(line_));
      }
      reset();
      continue;
    }
    if (overflow_) continue;  // drop the rest of an oversized line
    if (line_.size() == kMaxScannedLine) {
      overflow_ = true;
      line_.clear();
      continue;
    }
    const char c = static_cast<char>(b);
    if (!is_digit(c)) non_digit_ = true;
    line_.push_back(c);
  }
  return out;
}

void LineFramer::reset() {
  // Wipe, not just clear: the buffer may hold part of a payment code.
  std::fill(line_.begin(), line_.end(), '\0');
  line_.clear();
  overflow_ = false;
  non_digit_ = false;
}

}  // namespace kiosk::drivers
