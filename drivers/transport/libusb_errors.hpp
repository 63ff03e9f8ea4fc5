#pragma once
// The one place where libusb error codes and transfer statuses become hal::DeviceError, with
// the (code, reason) pairs listed in transport.hpp. Messages carry libusb's name for the
// error and what was being done, never payload bytes.

#include <string_view>

#include "hal/result.hpp"

namespace kiosk::drivers {

// `code` is a libusb_error (negative). `what` names the operation ("claim interface").
//   LIBUSB_ERROR_TIMEOUT                   -> timeout/"timeout"
//   LIBUSB_ERROR_NO_DEVICE, NOT_FOUND      -> deviceNotReady/"disconnected"
//   LIBUSB_ERROR_BUSY, ACCESS              -> deviceNotReady/"io" (busy elsewhere, no rights)
//   LIBUSB_ERROR_PIPE                      -> hardwareError/"stall"
//   LIBUSB_ERROR_INTERRUPTED, everything else -> hardwareError/"io"
hal::DeviceError libusb_error(int code, std::string_view what);

// `status` is a libusb_transfer_status of a completed transfer that did not succeed.
//   TIMED_OUT -> timeout, CANCELLED -> canceled, NO_DEVICE -> disconnected, STALL -> stall,
//   ERROR, OVERFLOW -> io
hal::DeviceError libusb_transfer_error(int status, std::string_view what);

}  // namespace kiosk::drivers
