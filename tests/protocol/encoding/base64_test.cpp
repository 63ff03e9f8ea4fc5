#include <catch2/catch.hpp>

#include <cstdint>
#include <vector>

#include "protocol/encoding/base64.hpp"

using namespace kiosk::protocol;

TEST_CASE("base64 round-trips every length and matches RFC 4648 vectors", "[protocol][encoding]") {
  CHECK(base64_encode("") == "");
  CHECK(base64_encode("f") == "Zg==");
  CHECK(base64_encode("fo") == "Zm8=");
  CHECK(base64_encode("foo") == "Zm9v");
  CHECK(base64_encode("foobar") == "Zm9vYmFy");
  std::string bytes;
  for (int i = 0; i < 300; ++i) {
    bytes += static_cast<char>(i * 7);
    auto back = base64_decode(base64_encode(bytes));
    REQUIRE(back.ok());
    CHECK(*back == bytes);
  }
}

TEST_CASE("base64 decoding refuses malformed text", "[protocol][encoding]") {
  for (const char* bad : {"Zg=", "Zg", "Z===", "Zh==", "Zm9v!A==", "Zg==Zg==", "Zm 9", "=Zg="}) {
    INFO(bad);
    auto r = base64_decode(bad);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == Errc::invalid_base64);
  }
}

TEST_CASE("base64 of bytes equals base64 of the same octets as text", "[protocol][encoding]") {
  const std::vector<std::uint8_t> bytes{0x00, 0xff, 0x10, 0x80, 0x7f};
  CHECK(base64_encode(bytes) == base64_encode(std::string("\x00\xff\x10\x80\x7f", 5)));
  CHECK(base64_encode(std::vector<std::uint8_t>{}) == "");
  CHECK(base64_decode(base64_encode(bytes)).value() == std::string("\x00\xff\x10\x80\x7f", 5));
}

TEST_CASE("base64 decoding refuses the padding and alphabet of other dialects",
          "[protocol][encoding]") {
  // base64url, missing padding, padding inside, a line break: all one spelling only.
  for (const char* bad : {"Zm9v-_==", "Zm8", "Zm=9", "Zm9v\nYmFy", "Zg==\n", "===="}) {
    INFO(bad);
    auto r = base64_decode(bad);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == Errc::invalid_base64);
  }
  CHECK(base64_decode("").value().empty());
}
