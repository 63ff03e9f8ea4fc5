#include <catch2/catch.hpp>

#include <cstdint>
#include <vector>

#include "protocol/encoding/hex.hpp"

using namespace kiosk::protocol;

TEST_CASE("hex is lower case unless upper case is asked for", "[protocol][encoding]") {
  CHECK(hex_encode("") == "");
  CHECK(hex_encode(std::string("\x00\x01\xab\xff", 4)) == "0001abff");
  CHECK(hex_encode(std::string("\x00\x01\xab\xff", 4), HexCase::upper) == "0001ABFF");
  const std::vector<std::uint8_t> bytes{0xde, 0xad, 0xbe, 0xef};
  CHECK(hex_encode(bytes) == "deadbeef");
  CHECK(hex_encode(bytes, HexCase::upper) == "DEADBEEF");
}

TEST_CASE("hex round-trips every byte and decodes either case", "[protocol][encoding]") {
  std::string all;
  for (int i = 0; i < 256; ++i) all += static_cast<char>(i);
  CHECK(hex_decode(hex_encode(all)).value() == all);
  CHECK(hex_decode(hex_encode(all, HexCase::upper)).value() == all);
  CHECK(hex_decode("DeAdBeEf").value() == "\xde\xad\xbe\xef");
  CHECK(hex_decode("").value().empty());
}

TEST_CASE("hex decoding refuses odd lengths and non-digits", "[protocol][encoding]") {
  for (const char* bad : {"a", "abc", "0g", "0x00", " 00", "00 ", "zz"}) {
    INFO(bad);
    auto r = hex_decode(bad);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == Errc::invalid_hex);
  }
}
