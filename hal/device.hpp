#pragma once
// The common device model (XFS4IoT CommonStatus, UnifiedPOS statistics): every device class
// in hal/ derives from Device and shares its status, events, statistics and request ids.

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <string_view>

#include "hal/result.hpp"

namespace kiosk::hal {

enum class DeviceState { online, busy, offline, noDevice, powerOff, hardwareError, userError };
std::string_view to_string(DeviceState state);

// Common status plus the class-specific detail as short codes ("ribbon_low", "feeder_empty",
// "card_jammed", "paper_out", "cover_open"): the interface header of each class lists its codes.
struct DeviceStatus {
  DeviceState state = DeviceState::noDevice;
  std::map<std::string, std::string> detail;  // code -> value, e.g. {"ribbon", "low"}
  std::string message;                        // for the technician; never personal data
};

// Identity read when the device is opened.
struct DeviceInfo {
  std::string id;             // stable name in this kiosk, e.g. "id_reader"
  std::string model;          // "CVR-100 compatible SAM reader"
  std::string transport;      // "usb:0400:c35a@1-1", "serial:/dev/ttyACM0", "emulated"
  std::string firmware;       // as reported by the device, or empty
  std::string serial_number;  // as reported by the device, or empty
};

// Identifies one command; unique per device instance, never reused while it runs.
using RequestId = std::uint64_t;

enum class EventKind {
  statusChanged,
  cardPlaced,  // ID card on the reader, or card inserted in a slot
  cardTaken,   // ID card lifted, or printed card taken from the mouth
  mediaJammed,
  mediaLow,  // ribbon, card stock or paper running low
  paymentCodeRead,
  deviceRemoved,
  deviceArrived,
};
std::string_view to_string(EventKind kind);

// Called exactly once per command, on the device's worker thread; must not block.
template <typename T>
using Completion = std::function<void(RequestId, Result<T>)>;

// Unsolicited events. `detail` carries codes, never personal data (a payment code is handed
// over through PaymentScanner's own callback, not in this string).
struct DeviceEvent {
  EventKind kind = EventKind::statusChanged;
  std::string device_id;
  std::string detail;
};

// Called on the device's own thread; must not block and must not call back into the device
// synchronously except for cancel() and status().
using EventHandler = std::function<void(const DeviceEvent&)>;

// UnifiedPOS statistics names, plus class-specific ones (the class headers list theirs).
namespace stat {
inline constexpr std::string_view kCommunicationErrorCount = "CommunicationErrorCount";
inline constexpr std::string_view kHoursPoweredCount = "HoursPoweredCount";
inline constexpr std::string_view kFailedCommandCount = "FailedCommandCount";
inline constexpr std::string_view kSuccessfulCommandCount = "SuccessfulCommandCount";
}  // namespace stat
using Statistics = std::map<std::string, std::uint64_t, std::less<>>;

// Base of every device class.
//
// Threading: every method is thread-safe. Commands (in the class interfaces) return a
// RequestId at once and run on the device's own worker thread, one at a time in submission
// order; each completion callback is called exactly once, on that worker thread, and must
// not block. Event handlers are called on the same thread.
class Device {
 public:
  virtual ~Device() = default;

  virtual DeviceInfo info() const = 0;

  // Opens the transport and reads capabilities. Blocks up to a few seconds.
  // Errors: deviceNotReady (absent, busy elsewhere), hardwareError, invalidData.
  virtual Status open() = 0;
  // Cancels pending commands (they complete with `canceled`) and releases the transport.
  virtual void close() = 0;

  // Non-blocking: the last known status.
  virtual DeviceStatus status() const = 0;

  // Asks the device for its state now (a health check); blocks up to a few seconds.
  virtual Result<DeviceStatus> health_check() = 0;

  virtual Statistics statistics() const = 0;

  virtual void set_event_handler(EventHandler handler) = 0;

  // Cancels one command: if it has not completed yet it completes with `canceled`, as soon
  // as the transport can stop. Returns false if the id is unknown or already completed.
  virtual bool cancel(RequestId id) = 0;
};

}  // namespace kiosk::hal
