#pragma once
// A payment-code scanner that ships as a USB HID keyboard (most do), read through the kernel's
// evdev interface: /dev/input/by-id/usb-<vendor>_<model>_<serial>-event-kbd, or a configured
// path. The driver takes the exclusive grab (EVIOCGRAB) for as long as it is open, so the
// "typed" codes reach no desktop, console or other reader, and turns key events into text
// (US layout, as scanners type by default), one code per Enter.

#include <array>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "drivers/common/driver_base.hpp"
#include "drivers/payment_scanner/scanner_link_state.hpp"
#include "hal/payment_scanner.hpp"

namespace kiosk::drivers {

// Pure decoder of evdev key events into lines, US keyboard layout. feed() takes each
// input_event's (type, code, value); it returns a result when Enter (or keypad Enter) is
// pressed: the line typed since the last one, or an error for a line that cannot be a code:
//   invalidData/"unknown_key"  a key with no US-layout character (F-keys, arrows, ...)
//   invalidData/"oversized"    more than kMaxScannedLine characters
// Shift (left or right) gives upper case and the shifted symbols; key repeats (value 2),
// releases and non-key events (EV_SYN, EV_MSC scan codes) are ignored.
class KeyboardLineDecoder {
 public:
  std::optional<hal::Result<std::string>> feed(std::uint16_t type, std::uint16_t code,
                                               std::int32_t value);
  void reset();

 private:
  std::string line_;
  bool shift_left_ = false;
  bool shift_right_ = false;
  bool bad_key_ = false;
  bool oversized_ = false;
};

// Thread-safety and completion contract: hal::Device. open() opens the event node and grabs
// it; read_code():
//   1. drops events that arrived before the command (a code typed earlier must never be
//      charged),
//   2. waits for lines until a valid payment code or the deadline; lines that are no payment
//      code, or hold unknown keys, are counted (InvalidCodesCount) and the wait goes on,
//   3. keeps the grab (released by close()).
// A valid code raises EventKind::paymentCodeRead with detail = wallet name only.
// Errors: timeout/"no_code", canceled, deviceNotReady ("disconnected": the keyboard vanished
// or is absent; "busy": another process holds the grab; "permission"; "not_open"),
// hardwareError ("io", "not_input_device").
// A vanished keyboard is noDevice until a later read_code or health_check reopens it
// (deviceArrived).
class EvdevPaymentScanner final : public DriverBase<hal::PaymentScanner> {
 public:
  // `path`: "/dev/input/by-id/usb-...-event-kbd" (stable across replugs) or "/dev/input/eventN".
  explicit EvdevPaymentScanner(std::string path, std::string device_id = "payment_scanner");
  ~EvdevPaymentScanner() override;

  hal::DeviceInfo info() const override;
  hal::Status open() override;
  void close() override;
  hal::Result<hal::DeviceStatus> health_check() override;

  hal::RequestId read_code(int timeout_ms, hal::Completion<hal::PaymentCode> done) override;

 private:
  using LinkState = ScannerLinkState;

  hal::Status open_node();  // open + EVIOCGNAME + EVIOCGRAB; worker thread
  void close_node();
  hal::Status reconnect_if_needed();
  void drain();
  // Reads what is there (up to `timeout`): whole input_event records appended to events.
  hal::Status read_events(std::chrono::milliseconds timeout,
                          std::vector<std::array<std::int32_t, 3>>& events);
  hal::Result<hal::PaymentCode> run_read(int timeout_ms, hal::CancelToken& token);
  void note_link_error(const hal::DeviceError& error);
  LinkState link_state() const;
  // Moves the link and the published status it maps to; statusChanged when the link moved.
  void set_link_state(LinkState state, std::string message = {});

  std::string path_;
  // Worker thread only:
  int fd_ = -1;
  std::vector<std::uint8_t> partial_;  // bytes of an input_event not yet complete
  KeyboardLineDecoder decoder_;
  int cancel_fd_ = -1;  // eventfd, readable while canceled

  // Guarded by the state lock (lock_state()):
  LinkState state_ = LinkState::closed;
  std::string name_;  // EVIOCGNAME
};

}  // namespace kiosk::drivers
