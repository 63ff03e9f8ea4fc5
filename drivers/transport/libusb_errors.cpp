#include "drivers/transport/libusb_errors.hpp"

#include <libusb.h>

#include <string>

namespace kiosk::drivers {
namespace {

std::string describe(std::string_view what, const char* name) {
  std::string m(what);
  m += ": ";
  m += name;
  return m;
}

}  // namespace

hal::DeviceError libusb_error(int code, std::string_view what) {
  using hal::CompletionCode;
  const char* name = libusb_error_name(code);
  switch (code) {
    case LIBUSB_ERROR_TIMEOUT:
      return hal::make_error(CompletionCode::timeout, "timeout", describe(what, name));
    case LIBUSB_ERROR_NO_DEVICE:
    case LIBUSB_ERROR_NOT_FOUND:
      return hal::make_error(CompletionCode::deviceNotReady, "disconnected", describe(what, name));
    case LIBUSB_ERROR_BUSY:
      return hal::make_error(CompletionCode::deviceNotReady, "io", describe(what, name));
    case LIBUSB_ERROR_ACCESS:
      // The node is there but this user may not open it: the udev rules are missing.
      return hal::make_error(CompletionCode::deviceNotReady, "permission", describe(what, name));
    case LIBUSB_ERROR_PIPE:
      return hal::make_error(CompletionCode::hardwareError, "stall", describe(what, name));
    default:
      return hal::make_error(CompletionCode::hardwareError, "io", describe(what, name));
  }
}

hal::DeviceError libusb_transfer_error(int status, std::string_view what) {
  using hal::CompletionCode;
  switch (status) {
    case LIBUSB_TRANSFER_TIMED_OUT:
      return hal::make_error(CompletionCode::timeout, "timeout",
                             describe(what, "transfer timed out"));
    case LIBUSB_TRANSFER_CANCELLED:
      return hal::make_error(CompletionCode::canceled, "canceled",
                             describe(what, "transfer canceled"));
    case LIBUSB_TRANSFER_NO_DEVICE:
      return hal::make_error(CompletionCode::deviceNotReady, "disconnected",
                             describe(what, "device gone"));
    case LIBUSB_TRANSFER_STALL:
      return hal::make_error(CompletionCode::hardwareError, "stall",
                             describe(what, "endpoint stalled"));
    case LIBUSB_TRANSFER_OVERFLOW:
      return hal::make_error(CompletionCode::hardwareError, "io",
                             describe(what, "transfer overflow"));
    default:
      return hal::make_error(CompletionCode::hardwareError, "io",
                             describe(what, "transfer failed"));
  }
}

}  // namespace kiosk::drivers
