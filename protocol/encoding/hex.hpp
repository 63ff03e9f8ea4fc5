#pragma once
// Hexadecimal text of bytes: hashes and ids (lower case, what the protocol documents specify)
// and device traffic for people (upper case).
#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include "protocol/error.hpp"

namespace kiosk::protocol {

enum class HexCase { lower, upper };

std::string hex_encode(std::string_view bytes, HexCase letters = HexCase::lower);
std::string hex_encode(std::span<const std::uint8_t> bytes, HexCase letters = HexCase::lower);
// Two digits per byte, either case, nothing else. Errors: invalid_hex.
Result<std::string> hex_decode(std::string_view text);

}  // namespace kiosk::protocol
