#pragma once
// Driver of a payment-code scanner on a serial / USB-CDC link (or the emulator's link).
// Protocol and trigger commands: payment_scanner_codec.hpp.

#include <atomic>
#include <memory>
#include <string>

#include "drivers/common/driver_base.hpp"
#include "drivers/payment_scanner/payment_scanner_codec.hpp"
#include "drivers/payment_scanner/scanner_link_state.hpp"
#include "drivers/transport/transport.hpp"
#include "hal/payment_scanner.hpp"

namespace kiosk::drivers {

// Thread-safety and completion contract: hal::Device. read_code():
//   1. drops bytes received before the command (a code scanned earlier, perhaps by the
//      previous citizen, must never be charged),
//   2. sends "enable", waits for lines until a valid code or the deadline; invalid lines are
//      counted (InvalidCodesCount) and the scanner is re-enabled (one read per trigger),
//   3. always sends "disable" at the end (success, timeout, cancel, error).
// A valid code raises EventKind::paymentCodeRead with detail = wallet name only.
// Errors: timeout/"no_code", canceled, deviceNotReady ("disconnected", "not_open"),
// hardwareError ("io").
class SerialPaymentScanner final : public DriverBase<hal::PaymentScanner> {
 public:
  explicit SerialPaymentScanner(std::unique_ptr<Transport> transport,
                                std::string device_id = "payment_scanner");
  ~SerialPaymentScanner() override;

  hal::DeviceInfo info() const override;
  hal::Status open() override;
  void close() override;
  hal::Result<hal::DeviceStatus> health_check() override;

  hal::RequestId read_code(int timeout_ms, hal::Completion<hal::PaymentCode> done) override;

 private:
  using LinkState = ScannerLinkState;

  hal::Result<hal::PaymentCode> run_read(int timeout_ms, hal::CancelToken& token);
  hal::Status send(const std::vector<std::uint8_t>& command);
  // Counts a communication error; a lost link moves to `disconnected` (deviceRemoved).
  void note_link_error(const hal::DeviceError& error);
  LinkState link_state() const;
  hal::Status reconnect_if_needed();
  // Moves the link and the published status it maps to; statusChanged when the link moved.
  void set_link_state(LinkState state, std::string message = {});

  std::unique_ptr<Transport> transport_;
  LineFramer framer_;  // worker thread only

  LinkState state_ = LinkState::closed;  // guarded by the state lock (lock_state())
};

}  // namespace kiosk::drivers
