// The ID card's contents as the reader returns them (drivers/id_reader/id_text_block.hpp,
// id_reader_codec.hpp, hex_input.hpp): the 256-byte UCS-2 text block, a read reply's body, the
// appended address, and the hex or binary captures kioskhw decodes.
//
// Checks: a text block that decodes re-encodes and decodes to the same card; UTF-16LE -> UTF-8
// gives valid UTF-8 that converts back to the same text; the appended address round-trips;
// every error is invalidData with one of the documented reasons.
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include "drivers/id_reader/hex_input.hpp"
#include "drivers/id_reader/id_reader_codec.hpp"
#include "drivers/id_reader/id_text_block.hpp"
#include "fuzz/fuzz_check.hpp"

namespace {

using namespace kiosk::drivers::id_reader;
using kiosk::fuzz::require;
using kiosk::fuzz::require_reason;

bool same_card(const kiosk::hal::IdCard& a, const kiosk::hal::IdCard& b) {
  return a.type == b.type && a.name == b.name && a.chinese_name == b.chinese_name &&
         a.sex == b.sex && a.nation_code == b.nation_code && a.nationality == b.nationality &&
         a.birth_date == b.birth_date && a.address == b.address && a.id_number == b.id_number &&
         a.issuing_authority == b.issuing_authority && a.valid_from == b.valid_from &&
         a.valid_to == b.valid_to && a.card_version == b.card_version &&
         a.pass_number == b.pass_number && a.issue_count == b.issue_count;
}

void text_block(std::span<const std::uint8_t, kTextBlockSize> block) {
  auto card = decode_id_text_block(block);
  if (!card.ok()) {
    require_reason(card.error().reason,
                   {"unknown_card_type", "id_check_character", "date_format", "sex"},
                   "decode_id_text_block");
    return;
  }
  auto encoded = encode_id_text_block(card.value());
  require(encoded.ok(), "a decoded card does not encode");
  auto again = decode_id_text_block(encoded.value());
  require(again.ok() && same_card(card.value(), again.value()), "text block round trip");
}

void utf16(std::span<const std::uint8_t> bytes) {
  const std::string utf8 = utf16le_to_utf8(bytes);
  auto wide = utf8_to_utf16(utf8);
  require(wide.ok(), "utf16le_to_utf8 produced invalid UTF-8");
  std::string le;
  for (char16_t c : wide.value()) {
    le.push_back(static_cast<char>(c & 0xFF));
    le.push_back(static_cast<char>(c >> 8));
  }
  const std::span<const std::uint8_t> le_bytes(reinterpret_cast<const std::uint8_t*>(le.data()),
                                               le.size());
  require(utf16le_to_utf8(le_bytes) == utf8, "UTF-16 round trip");
}

void appended_address(std::span<const std::uint8_t> bytes) {
  const std::string address = decode_appended_address(bytes);
  auto encoded = encode_appended_address(address);
  if (encoded.ok()) {
    require(decode_appended_address(encoded.value()) == address, "appended address round trip");
  }
}

void dates(std::string_view text) {
  auto iso = card_date_to_iso(text);
  if (!iso.ok()) {
    require_reason(iso.error().reason, {"date_format"}, "card_date_to_iso");
    return;
  }
  auto card = iso_date_to_card(iso.value());
  require(card.ok() && card.value() == text, "card date round trip");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::span<const std::uint8_t> bytes(data, size);
  const std::string_view text(reinterpret_cast<const char*>(data), size);

  if (size >= kTextBlockSize) text_block(bytes.first<kTextBlockSize>());
  utf16(bytes);
  appended_address(bytes);
  dates(text);
  (void)id_number_valid(text);

  auto reply = decode_read_reply(bytes);
  if (!reply.ok()) {
    require_reason(
        reply.error().reason,
        {"truncated", "length", "unknown_card_type", "id_check_character", "date_format", "sex"},
        "decode_read_reply");
  }
  auto capture = parse_hex_or_binary(text);
  if (!capture.ok()) require_reason(capture.error().reason, {"empty", "hex"}, "hex input");
  return 0;
}
