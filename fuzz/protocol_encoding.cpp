// The protocol's text encodings (protocol/encoding/): strict base64 and hex as signatures, hashes
// and images travel, the JSON nesting bound every untrusted JSON passes first, and canonical
// JSON, the bytes every office and kiosk signature covers.
//
// Checks:
//  * base64 and hex have one spelling: what decodes re-encodes to the same text (hex in lower
//    case); failures are invalid_base64 / invalid_hex;
//  * json_nesting_depth bounds the depth of the parsed value (the bound every caller relies on);
//  * canonical_json is stable: its text parses to the same value and canonicalises to itself;
//    it fails only with invalid_argument (floats).
#include <algorithm>
#include <cctype>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "fuzz/fuzz_check.hpp"
#include "protocol/encoding/base64.hpp"
#include "protocol/encoding/canonical_json.hpp"
#include "protocol/encoding/hex.hpp"
#include "protocol/encoding/json_depth.hpp"

namespace {

using kiosk::fuzz::require;
using nlohmann::json;
namespace protocol = kiosk::protocol;

// Nesting as json_nesting_depth counts it: a scalar 0, each array or object one level more.
std::size_t depth(const json& j) {
  if (!j.is_structured()) return 0;
  std::size_t inner = 0;
  for (const auto& item : j) inner = std::max(inner, depth(item));
  return inner + 1;
}

void base64(std::string_view text) {
  auto decoded = protocol::base64_decode(text);
  if (!decoded) {
    require(decoded.error().code == protocol::Errc::invalid_base64, "base64 error code");
    return;
  }
  require(protocol::base64_encode(decoded.value()) == text, "base64 has two spellings");
}

void hex(std::string_view text) {
  auto decoded = protocol::hex_decode(text);
  if (!decoded) {
    require(decoded.error().code == protocol::Errc::invalid_hex, "hex error code");
    return;
  }
  std::string lower(text);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  require(protocol::hex_encode(decoded.value()) == lower, "hex round trip");
}

void json_text(std::string_view text) {
  // nlohmann's parser ends its input at a NUL byte; the callers refuse such text
  // (protocol/wire/record.cpp), so compare what the parser actually reads.
  text = text.substr(0, text.find('\0'));
  // Deeper text than this is refused by every caller before parsing (and would cost the parser
  // its stack, which is what the bound is for).
  const std::size_t nesting = protocol::json_nesting_depth(text, 256);
  if (nesting > 256) return;
  const json parsed = json::parse(text.begin(), text.end(), nullptr, false);
  if (parsed.is_discarded()) return;
  // An upper bound, not always equal: of duplicate keys the parser keeps the last value only.
  require(depth(parsed) <= nesting, "json_nesting_depth is below the parsed depth");
  require(protocol::json_nesting_depth(text, nesting) == nesting, "early stop changes the depth");

  auto canonical = protocol::canonical_json(parsed);
  if (!canonical) {
    require(canonical.error().code == protocol::Errc::invalid_argument,
            "canonical_json error code");
    return;
  }
  const json again = json::parse(canonical.value(), nullptr, false);
  require(!again.is_discarded() && again == parsed, "canonical JSON parses to another value");
  auto twice = protocol::canonical_json(again);
  require(twice && twice.value() == canonical.value(), "canonical JSON is not stable");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  base64(text);
  hex(text);
  json_text(text);
  return 0;
}
