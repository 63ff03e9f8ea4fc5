#pragma once
// Transport over a serial port (CDC-ACM readers and scanners, USB-serial adapters): termios
// raw mode, 8N1, hardware flow control (RTS/CTS) or none as configured, poll()-based reads
// and writes with timeouts. cancel() signals an eventfd that every wait also polls, so it
// interrupts a pending read at once.
//
// A port that vanishes (the USB device behind /dev/ttyACM0 or /dev/serial/by-id/... was
// pulled: hang-up, EIO, ENODEV, or the node is gone on reopen) is always
// deviceNotReady/"disconnected"; the driver closes and reopens it when the device returns.

#include <atomic>
#include <optional>
#include <string>
#include <string_view>

#include "drivers/transport/transport.hpp"

namespace kiosk::drivers {

// No flow control, or the RTS/CTS hardware handshake (CRTSCTS). Software flow control
// (XON/XOFF) is never used: it would eat 0x11/0x13 bytes of binary protocols.
enum class FlowControl { none, rtsCts };

// "none" / "rtscts" (config values); nullopt for anything else.
std::optional<FlowControl> parse_flow_control(std::string_view text);
std::string_view to_string(FlowControl flow);

class SerialTransport final : public Transport {
 public:
  // `baud`: 1200 ... 921600 (a standard rate); checked by open().
  explicit SerialTransport(std::string path, int baud = 115200,
                           FlowControl flow = FlowControl::none);
  ~SerialTransport() override;  // closes
  SerialTransport(const SerialTransport&) = delete;
  SerialTransport& operator=(const SerialTransport&) = delete;

  std::string describe() const override;  // "serial:/dev/ttyACM0"

  // Errors: deviceNotReady/"disconnected" (no such port), deviceNotReady/"io" (busy, no
  // access), hardwareError/"io" (not a tty, unsupported baud rate, termios failure).
  hal::Status open() override;
  void close() override;
  // A hang-up (POLLHUP, EIO: the USB device behind the port went away) is
  // deviceNotReady/"disconnected"; the port must be reopened.
  hal::Status write(std::span<const std::uint8_t> data, milliseconds timeout) override;
  hal::Result<Bytes> read(std::size_t max_bytes, milliseconds timeout) override;
  void cancel() override;
  void clear_cancel() override;
  void flush_input() override;  // tcflush(TCIFLUSH)

  int baud() const { return baud_; }
  FlowControl flow_control() const { return flow_; }

 private:
  // Waits for `events` on the port or the cancel eventfd. Returns the port's revents,
  // or an error (canceled, timeout, io).
  hal::Result<short> wait(short events, milliseconds timeout);

  std::string path_;
  int baud_;
  FlowControl flow_;
  int fd_ = -1;
  int cancel_fd_ = -1;  // eventfd: readable while canceled (sticky until clear_cancel)
};

}  // namespace kiosk::drivers
