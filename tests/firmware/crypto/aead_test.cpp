#include "firmware/crypto/aead.hpp"

#include <catch2/catch.hpp>

#include "firmware/crypto/wipe.hpp"

using namespace kiosk::crypto;

namespace {
DataKey key_of(std::uint8_t fill) {
  DataKey k{};
  k.fill(fill);
  return k;
}
}  // namespace

TEST_CASE("sealed data opens back to the same plaintext", "[crypto]") {
  const auto key = key_of(7);
  const std::string ad = step_associated_data("tx-1", "identified");
  for (const std::string& plain :
       {std::string(), std::string("Zhang San"), std::string(5000, 'x')}) {
    auto sealed = seal(key, plain, ad);
    REQUIRE(sealed);
    CHECK(sealed->size() == plain.size() + kNonceBytes + kTagBytes);
    auto opened = open(key, *sealed, ad);
    REQUIRE(opened);
    CHECK(*opened == plain);
  }
}

TEST_CASE("two seals of the same plaintext differ because each takes a fresh nonce", "[crypto]") {
  const auto key = key_of(1);
  auto a = seal(key, "same", "ad");
  auto b = seal(key, "same", "ad");
  REQUIRE(a);
  REQUIRE(b);
  CHECK(*a != *b);
  CHECK(a->find("same") == std::string::npos);
}

TEST_CASE("a flipped bit anywhere in the sealed bytes is detected", "[crypto]") {
  const auto key = key_of(2);
  auto sealed = seal(key, "Li Si 110101199001011234", "tx-2\nidentified");
  REQUIRE(sealed);
  for (std::size_t i = 0; i < sealed->size(); ++i) {
    std::string bad = *sealed;
    bad[i] = static_cast<char>(bad[i] ^ 0x01);
    auto opened = open(key, bad, "tx-2\nidentified");
    REQUIRE_FALSE(opened);
    CHECK(opened.error().code == Errc::authentication_failed);
  }
}

TEST_CASE("the wrong key or the wrong associated data cannot open sealed data", "[crypto]") {
  auto sealed = seal(key_of(3), "secret", step_associated_data("tx-3", "a"));
  REQUIRE(sealed);
  auto wrong_key = open(key_of(4), *sealed, step_associated_data("tx-3", "a"));
  REQUIRE_FALSE(wrong_key);
  CHECK(wrong_key.error().code == Errc::authentication_failed);
  auto moved = open(key_of(3), *sealed, step_associated_data("tx-4", "a"));
  REQUIRE_FALSE(moved);
  CHECK(moved.error().code == Errc::authentication_failed);
  auto other_step = open(key_of(3), *sealed, step_associated_data("tx-3", "b"));
  CHECK_FALSE(other_step);
}

TEST_CASE("truncated sealed data is rejected as malformed", "[crypto]") {
  const auto key = key_of(5);
  for (std::size_t n = 0; n < kNonceBytes + kTagBytes; ++n) {
    auto r = open(key, std::string(n, 'a'), "");
    REQUIRE_FALSE(r);
    CHECK(r.error().code == Errc::malformed);
  }
  auto sealed = seal(key, "abc", "");
  REQUIRE(sealed);
  auto cut = open(key, sealed->substr(0, sealed->size() - 1), "");
  REQUIRE_FALSE(cut);
  CHECK(cut.error().code == Errc::authentication_failed);
}

TEST_CASE("random bytes given to open never crash and never authenticate", "[crypto]") {
  const auto key = key_of(6);
  for (int i = 0; i < 200; ++i) {
    std::string junk(static_cast<std::size_t>(i), '\0');
    REQUIRE(random_bytes(reinterpret_cast<std::uint8_t*>(junk.data()), junk.size()));
    CHECK_FALSE(open(key, junk, "ad"));
  }
}

TEST_CASE("secure wipe zeroes the bytes and empties containers", "[crypto]") {
  std::string s = "Wang Wu";
  secure_wipe(s);
  CHECK(s.empty());
  DataKey k = key_of(9);
  secure_wipe(k);
  CHECK(k == DataKey{});
  std::vector<std::uint8_t> v(10, 0xAA);
  secure_wipe(v);
  CHECK(v.empty());
}
