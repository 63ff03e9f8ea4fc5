#include <catch2/catch.hpp>

#include "central/wire/base64.hpp"

using namespace kiosk::central::wire;

TEST_CASE("base64 round-trips every length and matches RFC 4648 vectors", "[wire]") {
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

TEST_CASE("base64 decoding refuses malformed text", "[wire]") {
  for (const char* bad : {"Zg=", "Zg", "Z===", "Zh==", "Zm9v!A==", "Zg==Zg==", "Zm 9", "=Zg="}) {
    INFO(bad);
    auto r = base64_decode(bad);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == Errc::invalid_base64);
  }
}
