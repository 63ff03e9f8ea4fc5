#pragma once
// A serial device on a pseudo-terminal, for tests and the real-device harness: the master
// side of a pty is served from an EmulatedLink (the device side of any ByteEmulator), the
// slave side is what a driver opens as its serial port (SerialTransport, termios).
//
//   drivers::emu::PaymentScannerEmulator emu;  // any ByteEmulator
//   emu.start();
//   testing::PtySerialPort port(emu.link(), dir + "/usb-Kiosk24_Scanner_0001-if00");
//   drivers::SerialTransport t(port.path(), 115200, drivers::FlowControl::rtsCts);
//
// Bytes go both ways unchanged (the pty is raw; the driver's termios settings apply to its
// side). Pulling the cable: unplug() hangs the port up (the driver's reads and writes fail
// with deviceNotReady/"disconnected") and removes the symlink, so a reopen finds nothing;
// replug() makes a new pty and points the symlink at it, as udev does for a re-enumerated
// USB-serial adapter (the /dev/pts number usually changes, the by-id path does not).
// If the emulator closes its link (an unplugMidCommand fault, emulator.unplug()), the port
// hangs up by itself; replug() after the emulator's replug() brings it back.
//
// No umockdev needed: a pty is a real tty. Under umockdev's preload a symlink can also sit in
// the testbed's /dev (umockdev_testbed_get_root_dir() + "/dev/serial/by-id/..."), so that a
// process under the testbed opens "/dev/serial/by-id/..." and lands on the pty.
//
// Thread-safe. One thread moves the bytes (poll on the master, 5 ms slices).

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "drivers/transport/emulated_link.hpp"

namespace kiosk::testing {

class PtySerialPort {
 public:
  // `symlink_path` empty: no symlink, path() is the slave's /dev/pts/N. Missing directories
  // of the symlink are made. Throws std::runtime_error if no pty or symlink can be made.
  explicit PtySerialPort(std::shared_ptr<drivers::EmulatedLink> link,
                         std::string symlink_path = {});
  ~PtySerialPort();
  PtySerialPort(const PtySerialPort&) = delete;
  PtySerialPort& operator=(const PtySerialPort&) = delete;

  // The path a driver opens: the symlink if one was asked for, else the slave path.
  std::string path() const;
  std::string slave_path() const;  // "/dev/pts/7"; empty while unplugged

  void unplug();
  void replug();  // no-op while plugged
  bool plugged() const;

  // What the driver set on its side (tcgetattr of the slave): c_cflag, for asserting flow
  // control (CRTSCTS) and 8N1. 0 while unplugged.
  unsigned int slave_cflag() const;
  std::uint64_t bytes_from_host() const;
  std::uint64_t bytes_to_host() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace kiosk::testing
