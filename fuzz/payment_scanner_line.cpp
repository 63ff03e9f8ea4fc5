// The payment-code scanner's serial / USB-CDC stream (drivers/payment_scanner/
// payment_scanner_codec.hpp): lines of scanned text and the wallet rules a code must meet.
//
// Input: one byte of split seed, then the stream. Checks:
//  * LineFramer gives the same lines and errors fed whole or in chunks;
//  * a line is 1..kMaxScannedLine digits, an error is invalidData "oversized" or "non_digit";
//  * classify_payment_code accepts only digit strings, keeps the code unchanged, and fails only
//    with "non_digit", "prefix" or "length".
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "drivers/payment_scanner/payment_scanner_codec.hpp"
#include "fuzz/fuzz_check.hpp"

namespace {

using kiosk::fuzz::require;
using kiosk::fuzz::require_reason;

bool all_digits(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

void classify(std::string_view code) {
  auto r = kiosk::drivers::classify_payment_code(code);
  if (!r.ok()) {
    require(r.error().code == kiosk::hal::CompletionCode::invalidData, "classify error code");
    require_reason(r.error().reason, {"non_digit", "prefix", "length"}, "classify_payment_code");
    // A would-be payment code (six digits or more) must not reach logs through the message.
    if (code.size() >= 6 && all_digits(code)) {
      require(r.error().message.find(code) == std::string::npos, "an error message holds the code");
    }
    return;
  }
  require(r.value().code == code && !code.empty() && all_digits(code), "classified code");
}

// Lines and errors as text: "L<digits>" or "E<reason>".
std::vector<std::string> frame(kiosk::drivers::LineFramer& framer,
                               std::span<const std::uint8_t> bytes) {
  std::vector<std::string> out;
  for (auto& r : framer.feed(bytes)) {
    if (r.ok()) {
      const std::string& line = r.value();
      require(!line.empty() && line.size() <= kiosk::drivers::kMaxScannedLine && all_digits(line),
              "a framed line is not 1..64 digits");
      out.push_back("L" + line);
    } else {
      require_reason(r.error().reason, {"oversized", "non_digit"}, "LineFramer");
      out.push_back("E" + r.error().reason);
    }
  }
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::span<const std::uint8_t> stream(data + 1, size - 1);

  kiosk::drivers::LineFramer whole;
  const auto expected = frame(whole, stream);

  kiosk::drivers::LineFramer chunked;
  std::vector<std::string> got;
  std::size_t chunk = static_cast<std::size_t>(data[0] % 13) + 1;
  for (std::size_t at = 0; at < stream.size();) {
    const std::size_t n = std::min(chunk, stream.size() - at);
    for (auto& item : frame(chunked, stream.subspan(at, n))) got.push_back(std::move(item));
    at += n;
    chunk = chunk * 3 % 13 + 1;
  }
  require(got == expected && chunked.pending() == whole.pending(), "chunked framing differs");

  for (const auto& item : expected) {
    if (item[0] == 'L') classify(std::string_view(item).substr(1));
  }
  classify(std::string_view(reinterpret_cast<const char*>(stream.data()), stream.size()));
  return 0;
}
