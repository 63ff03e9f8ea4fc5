#pragma once
// Which devices this kiosk has and how to reach them. USB devices are recognised from a
// data-driven VID/PID table, serial ports come from configuration, emulated devices are
// registered by the simulator or a test; all of them come out of discover() as the same
// DeviceCandidate. Drivers are plugged in per DeviceKind with register_factory(), so the
// registry knows no concrete driver class.

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "drivers/transport/emulated_link.hpp"
#include "drivers/transport/transport.hpp"
#include "drivers/transport/usb_context.hpp"
#include "hal/device.hpp"

namespace kiosk::drivers {

enum class DeviceKind { idReader, cardPrinter, receiptPrinter, camera, paymentScanner };
std::string_view to_string(DeviceKind kind);  // "idReader", "cardPrinter", ...
std::optional<DeviceKind> device_kind_from_string(std::string_view name);

enum class DeviceSource { usb, serial, emulated };
std::string_view to_string(DeviceSource source);

// Creates the transport of one device. The transport is NOT opened: the driver opens it in
// Device::open() (every Transport::open() is idempotent). Errors are those of the transport.
using TransportFactory = std::function<hal::Result<std::unique_ptr<Transport>>()>;

struct DeviceCandidate {
  DeviceKind kind = DeviceKind::idReader;
  // Unique and stable while the device stays where it is: "usb:0400:c35a@1-1",
  // "serial:/dev/ttyACM0", "emulated:id_reader" (the Transport::describe() format).
  std::string location;
  TransportFactory open_transport;
  DeviceSource source = DeviceSource::emulated;
  std::string model;  // from the USB table ("Evolis card printer"), else empty
};

// One line of the USB table: a VID and a PID (or any PID of that vendor) mean a kind.
struct UsbDeviceRule {
  std::uint16_t vid = 0;
  std::optional<std::uint16_t> pid;  // empty: every product of the vendor
  DeviceKind kind = DeviceKind::idReader;
  std::string model;
};

// 0400:c35a idReader (CVR-100 compatible reader), 0f49:* cardPrinter (Evolis), receipt
// printers: Epson 04b8:0202 and 04b8:0e03, Custom 0dd4:*, Star 0519:* (docs/devices.md cites
// each id).
std::vector<UsbDeviceRule> builtin_usb_rules();

// Parses a USB table, one rule a line: `<vid>:<pid|*> <kind> [model words]`, hex ids,
// '#' starts a comment, blank lines are skipped. Example: "0400:c35a idReader CVR-100".
// Errors: invalidData/"usb_rule" naming the line number.
hal::Result<std::vector<UsbDeviceRule>> parse_usb_rules(std::string_view text);

struct SerialPortConfig {
  std::string path;  // "/dev/ttyACM0", "/dev/serial/by-id/..."
  int baud = 115200;
  DeviceKind kind = DeviceKind::paymentScanner;
};

// Builds the driver of one kind over the candidate's (unopened) transport.
using DriverFactory = std::function<hal::Result<std::unique_ptr<hal::Device>>(
    std::unique_ptr<Transport> transport, const DeviceCandidate& candidate)>;

enum class DeviceChange { arrived, removed };
// Called on the USB event thread: must not block (post the work to another thread).
using DeviceChangeHandler = std::function<void(DeviceChange, const DeviceCandidate&)>;

// Thread-safe.
class DeviceRegistry {
 public:
  // `usb` may be null: no USB discovery and no change notifications (emulated-only kiosk).
  explicit DeviceRegistry(std::shared_ptr<UsbContext> usb,
                          std::vector<UsbDeviceRule> rules = builtin_usb_rules());
  ~DeviceRegistry();  // stops the change notifications
  DeviceRegistry(const DeviceRegistry&) = delete;
  DeviceRegistry& operator=(const DeviceRegistry&) = delete;

  // A rule added later wins over an earlier one of the same precision; a rule with a PID
  // always wins over a vendor-wide one.
  void add_usb_rule(UsbDeviceRule rule);
  // A configured port is a candidate while its path exists.
  void add_serial_port(SerialPortConfig port);
  // An emulated device is a candidate until removed; `name` is unique (re-adding replaces).
  void add_emulated(std::string name, DeviceKind kind, std::shared_ptr<EmulatedLink> link);
  void remove_emulated(const std::string& name);

  void register_factory(DeviceKind kind, DriverFactory factory);

  std::optional<UsbDeviceRule> classify_usb(std::uint16_t vid, std::uint16_t pid) const;

  // Every device present now: recognised USB devices (unknown VID/PID are ignored), serial
  // ports that exist, emulated devices. Blocks briefly (USB enumeration).
  std::vector<DeviceCandidate> discover() const;

  // Creates the candidate's transport and hands it to the factory of its kind.
  // Errors: unsupported/"no_factory" if no factory is registered for the kind, the
  // transport factory's errors, the driver factory's errors.
  hal::Result<std::unique_ptr<hal::Device>> create(const DeviceCandidate& candidate) const;

  // Arrival and removal of recognised USB devices (by hotplug or polling, see UsbContext).
  // Serial and emulated devices are not watched. Replaces any previous handler.
  void set_change_handler(DeviceChangeHandler handler);

 private:
  DeviceCandidate usb_candidate(const UsbDeviceAddress& address, const UsbDeviceRule& rule) const;
  void on_usb_change(UsbChange change, const UsbDeviceAddress& address);

  struct Emulated {
    DeviceKind kind;
    std::shared_ptr<EmulatedLink> link;
  };

  std::shared_ptr<UsbContext> usb_;
  UsbContext::SubscriptionId subscription_ = 0;

  mutable std::mutex m_;
  std::vector<UsbDeviceRule> rules_;
  std::vector<SerialPortConfig> serial_;
  std::map<std::string, Emulated> emulated_;
  std::map<DeviceKind, DriverFactory> factories_;
  DeviceChangeHandler on_change_;
};

}  // namespace kiosk::drivers
