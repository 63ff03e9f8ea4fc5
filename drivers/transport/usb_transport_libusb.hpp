#pragma once
// Transport over the bulk endpoints of a vendor-class USB device, through libusb. Transfers
// are asynchronous and completed by the UsbContext's event thread, so cancel() really stops
// a pending transfer (libusb_cancel_transfer) instead of waiting for its timeout.

#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <vector>

#include "drivers/transport/transport.hpp"
#include "drivers/transport/usb_context.hpp"

struct libusb_device_handle;
struct libusb_transfer;

namespace kiosk::drivers {

// Which device to open. The first device matching every given field is taken.
struct UsbMatch {
  std::uint16_t vid = 0;
  std::uint16_t pid = 0;
  std::optional<std::uint8_t> bus;      // any bus if empty
  std::vector<std::uint8_t> port_path;  // any port if empty
  // Interface to claim; -1: the first interface that has one bulk IN and one bulk OUT endpoint
  // (vendor class preferred).
  int interface_number = -1;
  // Ends a write whose length is a multiple of the packet size with a zero-length packet, so
  // the device sees where the transfer ends.
  bool zero_length_packet = true;

  static UsbMatch from(const UsbDeviceAddress& address);
};

class LibusbTransport final : public Transport {
 public:
  LibusbTransport(std::shared_ptr<UsbContext> context, UsbMatch match);
  ~LibusbTransport() override;  // closes
  LibusbTransport(const LibusbTransport&) = delete;
  LibusbTransport& operator=(const LibusbTransport&) = delete;

  // "usb:0400:c35a@1-1" once open (the real location), the match before.
  std::string describe() const override;

  // Finds the device, opens it, detaches a kernel driver if one is bound, claims the
  // interface and finds its bulk endpoints.
  // Errors: deviceNotReady/"disconnected" (no such device), deviceNotReady/"io" (busy or no
  // access), hardwareError/"io" (no bulk IN+OUT interface, other libusb failures).
  hal::Status open() override;
  void close() override;

  // Splits `data` into transfers of at most kMaxChunk bytes (a multiple of every bulk packet
  // size), adds a zero-length packet if configured and the length is a multiple of the
  // packet size. A stall is cleared once (clear_halt) and the rest retried; a second stall
  // or a failed clear is hardwareError/"stall".
  hal::Status write(std::span<const std::uint8_t> data, milliseconds timeout) override;
  // One bulk IN transfer of up to `max_bytes` (rounded up to the packet size; bytes beyond
  // `max_bytes` are kept for the next read). Zero-length packets are skipped.
  hal::Result<Bytes> read(std::size_t max_bytes, milliseconds timeout) override;
  void cancel() override;
  void clear_cancel() override;
  // Drops kept bytes and drains what the device has queued (short reads for up to ~50 ms).
  void flush_input() override;

  static constexpr std::size_t kMaxChunk = 16384;

  std::uint16_t max_packet_size() const { return max_packet_; }

 private:
  struct Pending;
  // Submits one transfer and waits for it; returns the bytes moved or the error.
  hal::Result<std::size_t> transfer(std::uint8_t endpoint, std::uint8_t* buffer, std::size_t length,
                                    milliseconds timeout, bool zlp);
  hal::Result<std::size_t> transfer_clearing_stall(std::uint8_t endpoint, std::uint8_t* buffer,
                                                   std::size_t length, milliseconds timeout,
                                                   bool zlp);
  hal::DeviceError not_open() const;

  std::shared_ptr<UsbContext> context_;
  UsbMatch match_;
  UsbDeviceAddress address_;
  libusb_device_handle* handle_ = nullptr;
  int interface_ = -1;
  std::uint8_t ep_in_ = 0;
  std::uint8_t ep_out_ = 0;
  std::uint16_t max_packet_ = 64;
  bool gone_ = false;  // the device disconnected: every call fails until reopened
  Bytes kept_;         // received beyond what the last read asked for

  std::mutex m_;  // guards canceled_ and current_ (cancel() comes from any thread)
  bool canceled_ = false;
  libusb_transfer* current_ = nullptr;
};

}  // namespace kiosk::drivers
