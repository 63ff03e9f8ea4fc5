#pragma once
// A byte transport between a driver and its device: USB bulk endpoints (libusb), a serial
// port (termios) or an in-process emulator. Drivers speak their protocol over this and never
// know which one they have.

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "hal/result.hpp"

namespace kiosk::drivers {

using Bytes = std::vector<std::uint8_t>;
using std::chrono::milliseconds;

// Threading: one thread reads and writes (the device's worker); cancel() may be called from
// any thread. Errors are hal::DeviceError with these (code, reason) pairs:
//   timeout/"timeout"            nothing moved within the timeout
//   canceled/"canceled"          cancel() was called
//   deviceNotReady/"disconnected" the device went away (unplugged, port closed)
//   deviceNotReady/"not_open"    open() was not called or failed
//   hardwareError/"stall"        the endpoint stalled (USB) and could not be cleared
//   hardwareError/"io"           any other I/O failure; message has the OS/libusb text
class Transport {
 public:
  virtual ~Transport() = default;

  // "usb:0400:c35a@1-1", "serial:/dev/ttyACM0", "emulated:id_reader"
  virtual std::string describe() const = 0;

  virtual hal::Status open() = 0;
  virtual void close() = 0;

  // Writes every byte or fails; blocks up to `timeout`.
  virtual hal::Status write(std::span<const std::uint8_t> data, milliseconds timeout) = 0;

  // Returns between 1 and `max_bytes` bytes (USB: at most one transfer); waits up to
  // `timeout` for the first byte.
  virtual hal::Result<Bytes> read(std::size_t max_bytes, milliseconds timeout) = 0;

  // Makes the pending read/write, or the next one if none is pending, return `canceled`.
  // Sticky until clear_cancel(), which drivers call when they start a new command.
  virtual void cancel() = 0;
  virtual void clear_cancel() = 0;

  // Discards bytes already received and not yet read (resynchronise after a bad frame).
  virtual void flush_input() = 0;
};

}  // namespace kiosk::drivers
