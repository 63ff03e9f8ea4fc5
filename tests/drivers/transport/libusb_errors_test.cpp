#include "drivers/transport/libusb_errors.hpp"

#include <catch2/catch.hpp>

#include <libusb.h>

using namespace kiosk;
using hal::CompletionCode;

TEST_CASE("libusb error codes map to the transport error reasons", "[usb]") {
  struct Row {
    int code;
    CompletionCode expected_code;
    const char* reason;
  };
  const Row rows[] = {
      {LIBUSB_ERROR_TIMEOUT, CompletionCode::timeout, "timeout"},
      {LIBUSB_ERROR_NO_DEVICE, CompletionCode::deviceNotReady, "disconnected"},
      {LIBUSB_ERROR_NOT_FOUND, CompletionCode::deviceNotReady, "disconnected"},
      {LIBUSB_ERROR_BUSY, CompletionCode::deviceNotReady, "io"},
      {LIBUSB_ERROR_ACCESS, CompletionCode::deviceNotReady, "permission"},
      {LIBUSB_ERROR_PIPE, CompletionCode::hardwareError, "stall"},
      {LIBUSB_ERROR_IO, CompletionCode::hardwareError, "io"},
      {LIBUSB_ERROR_OVERFLOW, CompletionCode::hardwareError, "io"},
      {LIBUSB_ERROR_INTERRUPTED, CompletionCode::hardwareError, "io"},
      {LIBUSB_ERROR_OTHER, CompletionCode::hardwareError, "io"},
      {-12345, CompletionCode::hardwareError, "io"},
  };
  for (const auto& row : rows) {
    const auto e = drivers::libusb_error(row.code, "claim interface");
    INFO(row.code);
    CHECK(e.code == row.expected_code);
    CHECK(e.reason == row.reason);
    CHECK(e.message.rfind("claim interface: ", 0) == 0);
  }
}

TEST_CASE("libusb transfer statuses map to the transport error reasons", "[usb]") {
  struct Row {
    int status;
    CompletionCode expected_code;
    const char* reason;
  };
  const Row rows[] = {
      {LIBUSB_TRANSFER_TIMED_OUT, CompletionCode::timeout, "timeout"},
      {LIBUSB_TRANSFER_CANCELLED, CompletionCode::canceled, "canceled"},
      {LIBUSB_TRANSFER_NO_DEVICE, CompletionCode::deviceNotReady, "disconnected"},
      {LIBUSB_TRANSFER_STALL, CompletionCode::hardwareError, "stall"},
      {LIBUSB_TRANSFER_OVERFLOW, CompletionCode::hardwareError, "io"},
      {LIBUSB_TRANSFER_ERROR, CompletionCode::hardwareError, "io"},
  };
  for (const auto& row : rows) {
    const auto e = drivers::libusb_transfer_error(row.status, "bulk in");
    INFO(row.status);
    CHECK(e.code == row.expected_code);
    CHECK(e.reason == row.reason);
  }
}
