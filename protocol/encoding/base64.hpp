#pragma once
// Standard base64 (RFC 4648 §4, with padding): signatures, images and credentials in JSON.
// Decoding is strict so that one value has one spelling: no whitespace, no missing or extra
// padding, no non-zero trailing bits.
#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include "protocol/error.hpp"

namespace kiosk::protocol {

std::string base64_encode(std::string_view bytes);
std::string base64_encode(std::span<const std::uint8_t> bytes);
// Errors: invalid_base64.
Result<std::string> base64_decode(std::string_view text);

}  // namespace kiosk::protocol
