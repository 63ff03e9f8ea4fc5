#pragma once
// Standard base64 (RFC 4648 §4, with padding). Decoding is strict: no whitespace, no missing or
// extra padding, no non-zero trailing bits.
#include <string>
#include <string_view>

#include "central/wire/expected.hpp"

namespace kiosk::central::wire {

std::string base64_encode(std::string_view bytes);
Expected<std::string> base64_decode(std::string_view text);

}  // namespace kiosk::central::wire
