#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "protocol/crypto/sha256.hpp"
#include "protocol/encoding/canonical_json.hpp"

using namespace kiosk::protocol;

TEST_CASE("canonical JSON sorts keys, drops whitespace and refuses floats",
          "[protocol][encoding]") {
  const auto doc = nlohmann::json::parse(R"({ "b": [1, 2], "a": {"z": "测试", "y": null} })");
  CHECK(canonical_json(doc).value() == R"({"a":{"y":null,"z":"测试"},"b":[1,2]})");
  CHECK(canonical_json(nlohmann::json{{"x", 1.5}}).error().code == Errc::invalid_argument);
  CHECK(canonical_json(nlohmann::json{{"x", {{"y", {0.0}}}}}).error().code ==
        Errc::invalid_argument);
  CHECK(canonical_json(nlohmann::json(std::string("\xff\xfe"))).error().code ==
        Errc::invalid_argument);
}

TEST_CASE("canonical JSON escapes only what JSON requires", "[protocol][encoding]") {
  const nlohmann::json doc{{"s", "a\"b\\c/d\n\x01 中文"}, {"n", -12}};
  CHECK(canonical_json(doc).value() == R"({"n":-12,"s":"a\"b\\c/d\n\u0001 中文"})");
}

TEST_CASE("sha256 matches the FIPS 180-2 vectors", "[protocol][encoding]") {
  CHECK(sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  CHECK(sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  CHECK(sha256("abc").size() == 32);
}
