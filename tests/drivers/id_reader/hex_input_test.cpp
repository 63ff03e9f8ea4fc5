#include "drivers/id_reader/hex_input.hpp"

#include <catch2/catch.hpp>

using namespace kiosk;
using drivers::id_reader::parse_hex_or_binary;
using Bytes = std::vector<std::uint8_t>;

TEST_CASE("binary contents are taken as they are", "[id_reader][hex]") {
  const std::string raw("\xAA\xAA\xAA\x96\x69\x00\x03\x11\xFF\xED", 10);
  auto r = parse_hex_or_binary(raw);
  REQUIRE(r.ok());
  CHECK(r.value() == Bytes{0xAA, 0xAA, 0xAA, 0x96, 0x69, 0x00, 0x03, 0x11, 0xFF, 0xED});
}

TEST_CASE("hex text is read with spaces, 0x prefixes, commas and newlines", "[id_reader][hex]") {
  const Bytes want{0xAA, 0xAA, 0xAA, 0x96, 0x69, 0x00, 0x03, 0x11, 0xFF, 0xED};
  CHECK(parse_hex_or_binary("AA AA AA 96 69 00 03 11 FF ED").value() == want);
  CHECK(parse_hex_or_binary("0xAA, 0xAA, 0xAA, 0x96, 0x69,\n0x00, 0x03, 0x11, 0xff, 0xed\n")
            .value() == want);
  CHECK(parse_hex_or_binary("aaaaaa9669000311ffed\r\n").value() == want);
  CHECK(parse_hex_or_binary("aaaaaa96 69000311 ffed").value() == want);
}

TEST_CASE("usbmon lines give the device's data and skip the host's", "[id_reader][hex]") {
  const char* capture =
      "ffff8a0c4e1a3c00 3575914555 S Bo:1:004:2 -115 10 = aaaaaa96 69000320 0122\n"
      "ffff8a0c4e1a3c00 3575914601 C Bo:1:004:2 0 10 >\n"
      "ffff8a0c4e1a3e40 3575914602 S Bi:1:004:1 -115 64 <\n"
      "ffff8a0c4e1a3e40 3575964611 C Bi:1:004:1 0 15 = aaaaaa96 69000800 009f0000 000097\n";
  auto r = parse_hex_or_binary(capture);
  REQUIRE(r.ok());
  CHECK(r.value() == Bytes{0xAA, 0xAA, 0xAA, 0x96, 0x69, 0x00, 0x08, 0x00, 0x00, 0x9F, 0x00, 0x00,
                           0x00, 0x00, 0x97});
}

TEST_CASE("text that is not hex, or no bytes at all, is invalidData", "[id_reader][hex]") {
  auto a = parse_hex_or_binary("AA ZZ 01");
  REQUIRE_FALSE(a.ok());
  CHECK(a.error().code == hal::CompletionCode::invalidData);
  CHECK(a.error().reason == "hex");
  CHECK(parse_hex_or_binary("AAA").error().reason == "hex");
  CHECK(parse_hex_or_binary("").error().reason == "empty");
  CHECK(parse_hex_or_binary("  \n ").error().reason == "empty");
}
