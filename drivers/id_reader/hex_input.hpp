#pragma once
// Reads frame bytes from a file's contents for offline tools (the bench, kioskhw decode):
// raw binary, or hex text as people paste it. Pure, no I/O.

#include <cstdint>
#include <string_view>
#include <vector>

#include "hal/result.hpp"

namespace kiosk::drivers::id_reader {

// If the contents hold any byte that is neither printable ASCII nor whitespace, they are
// taken as raw binary. Otherwise they are hex text: whitespace, commas, semicolons, "0x"
// prefixes and "h" suffixes are tolerated, and groups of an even number of hex digits
// ("aaaaaa96") are split into bytes. usbmon text lines ("... C Bi:1:003:1 0 1295 = aaaaaa96
// 69050800 ...") contribute only the words after " = ", and host-to-device lines (Bo, Co,
// Io, Zo) are skipped so a capture yields the device's replies.
// Errors: invalidData/"empty" (no bytes), invalidData/"hex" (a word that is not hex).
hal::Result<std::vector<std::uint8_t>> parse_hex_or_binary(std::string_view file_contents);

}  // namespace kiosk::drivers::id_reader
