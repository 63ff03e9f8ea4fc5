#pragma once
// Payment-code scanner: reads the citizen's wallet payment code. Charging is done later by
// central; this device only reads and validates the code.

#include <string>
#include <string_view>

#include "hal/device.hpp"

namespace kiosk::hal {

enum class Wallet { wechat, alipay, unionpay };
std::string_view to_string(Wallet wallet);

// A validated payment code. Treat `code` like a card number: never log it.
struct PaymentCode {
  Wallet wallet = Wallet::wechat;
  std::string code;  // digits only
};

// Status detail codes: "scanner" -> "ready" | "scanning".
// Statistics: SuccessfulCommandCount, FailedCommandCount, "CodesReadCount",
// "InvalidCodesCount".
class PaymentScanner : public Device {
 public:
  // Enables the scanner and waits up to timeout_ms for a code. Codes that fail validation are
  // counted and ignored (the scanner beeps an error) and the wait goes on.
  // Errors: timeout ("no_code"), hardwareError, deviceNotReady, canceled.
  virtual RequestId read_code(int timeout_ms, Completion<PaymentCode> done) = 0;
};

}  // namespace kiosk::hal
