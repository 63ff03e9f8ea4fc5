#include "protocol/encoding/hex.hpp"

namespace kiosk::protocol {
namespace {

int digit_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

std::string hex_encode(std::string_view bytes, HexCase letters) {
  const char* digits = letters == HexCase::lower ? "0123456789abcdef" : "0123456789ABCDEF";
  std::string out;
  out.reserve(bytes.size() * 2);
  for (const char c : bytes) {
    const auto b = static_cast<unsigned char>(c);
    out += digits[b >> 4];
    out += digits[b & 15];
  }
  return out;
}

std::string hex_encode(std::span<const std::uint8_t> bytes, HexCase letters) {
  return hex_encode(
      std::string_view(reinterpret_cast<const char*>(bytes.data()), bytes.size()),  // NOLINT
      letters);
}

Result<std::string> hex_decode(std::string_view text) {
  if (text.size() % 2 != 0) return make_error(Errc::invalid_hex, "hex text has an odd length");
  std::string out;
  out.reserve(text.size() / 2);
  for (std::size_t i = 0; i < text.size(); i += 2) {
    const int hi = digit_value(text[i]);
    const int lo = digit_value(text[i + 1]);
    if (hi < 0 || lo < 0) return make_error(Errc::invalid_hex, "not a hex digit");
    out += static_cast<char>((hi << 4) | lo);
  }
  return out;
}

}  // namespace kiosk::protocol
