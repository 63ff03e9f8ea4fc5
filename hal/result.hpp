#pragma once
// The closed error type of the device layer and the Result every command completes with.

#include <string>
#include <string_view>
#include <utility>

#include "protocol/expected.hpp"

namespace kiosk::hal {

// How a device command ended. Mirrors XFS4IoT's completion codes; every command completes
// exactly once with one of these.
enum class CompletionCode {
  success,
  canceled,        // cancel() was called, or the device went away while the command waited
  timeout,         // the device did not answer in time
  deviceNotReady,  // the device is offline, busy elsewhere, or not opened
  hardwareError,   // the device reported a fault it cannot recover from by itself (jam, ...)
  userError,       // the citizen or technician must act (take the card, close the cover, ...)
  invalidData,     // a frame or an argument failed validation (checksum, length, format)
  unsupported,     // the device or its firmware cannot do this
};

std::string_view to_string(CompletionCode code);

// A typed error: the completion code says what the caller can do about it, `reason` is a
// short machine-readable cause ("ribbon_out", "checksum"), `message` is for the operator.
// Messages never carry personal data.
struct DeviceError {
  CompletionCode code = CompletionCode::hardwareError;
  std::string reason;
  std::string message;
};

// The project's one result type (protocol/expected.hpp) with this layer's error.
using Done = protocol::Done;
template <typename T>
using Result = protocol::Expected<T, DeviceError>;

using Status = Result<Done>;

inline DeviceError make_error(CompletionCode code, std::string reason, std::string message = {}) {
  return DeviceError{code, std::move(reason), std::move(message)};
}

}  // namespace kiosk::hal
