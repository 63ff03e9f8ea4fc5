// kioskd's configuration file (firmware/kioskd/config.hpp, parse_config): INI sections of
// `key = value` lines, written by whoever installs the kiosk and read as root at start-up.
//
// Checks: parse_config never throws and answers a configuration or a ConfigError whose line
// number is 0 (not tied to a line) or one of the text's lines, with a message.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <variant>

#include "firmware/kioskd/config.hpp"
#include "fuzz/fuzz_check.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  const auto result = kiosk::kioskd::parse_config(text);
  if (const auto* error = std::get_if<kiosk::kioskd::ConfigError>(&result)) {
    const auto lines = std::count(text.begin(), text.end(), '\n') + 1;
    kiosk::fuzz::require(error->line >= 0 && error->line <= lines, "error line out of range");
    kiosk::fuzz::require(!error->message.empty(), "error without a message");
  }
  return 0;
}
