#pragma once
// The 256-byte text block of a resident ID card (and of a foreign permanent-residence card),
// in UCS-2 little-endian, space padded. Pure functions, no I/O. PROTOCOLS.md has the layouts.

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include "hal/id_reader.hpp"
#include "hal/result.hpp"

namespace kiosk::drivers::id_reader {

inline constexpr std::size_t kTextBlockSize = 256;
inline constexpr std::size_t kPhotoSize = 1024;
using TextBlock = std::array<std::uint8_t, kTextBlockSize>;

// UTF-16LE (the card stores UCS-2; surrogate pairs are accepted too) to UTF-8. An odd
// trailing byte is ignored; an unpaired surrogate becomes U+FFFD. Never fails.
std::string utf16le_to_utf8(std::span<const std::uint8_t> bytes);

// UTF-8 to UTF-16LE. Errors: invalidData/"utf8" for malformed UTF-8.
hal::Result<std::u16string> utf8_to_utf16(std::string_view utf8);

// The card's text with trailing padding (spaces, NULs, ideographic spaces) and leading
// spaces removed.
std::string decode_field(std::span<const std::uint8_t> block, std::size_t offset,
                         std::size_t length);

// The check character of an 18-character ID number (GB 11643): weights
// 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2 over the first 17 digits, sum mod 11 indexes
// "10X98765432". Returns '\0' if the first 17 characters are not all digits.
char id_check_character(std::string_view first17);

// True if `id` is 17 digits followed by its correct check character ('x' accepted for 'X').
bool id_number_valid(std::string_view id);

// "YYYYMMDD" -> "YYYY-MM-DD"; "长期" (long-term) -> "long-term".
// Errors: invalidData/"date_format".
hal::Result<std::string> card_date_to_iso(std::string_view card_date);
// The reverse, for encoders: "YYYY-MM-DD" or "YYYYMMDD" -> "YYYYMMDD"; "long-term" -> "长期".
hal::Result<std::string> iso_date_to_card(std::string_view iso);

// Decodes a text block. The card type comes from bytes 248-249: "I" (49 00) is a foreign
// permanent-residence card, "J" the residence permit of Hong Kong, Macau and Taiwan residents
// (resident layout; permit number at 220/18, issue count at 238/4), "Y" the 2023 foreign
// permanent-residence card (Chinese name 0/30, sex 30/2, renewals 32/4, birth 36/16, English
// name 52/70 + 220/22, number 122/36, valid from 188/16, to 204/16, nationality 242/6);
// spaces or NULs there mean a resident card; anything else is
// invalidData/"unknown_card_type". docs/devices.md cites the layouts. Errors also:
// invalidData/"id_check_character" (an ID number that fails its check), invalidData/"date_format",
// invalidData/"sex". Photo and fingerprint are left empty.
hal::Result<hal::IdCard> decode_id_text_block(std::span<const std::uint8_t, kTextBlockSize> block);

// Builds the text block for `card` (used by the emulator and tests). Fields too long for the
// layout fail with invalidData/"field_too_long"; bad dates with invalidData/"date_format".
// No check-character validation here, so tests can build cards with a wrong one.
hal::Result<TextBlock> encode_id_text_block(const hal::IdCard& card);

}  // namespace kiosk::drivers::id_reader
