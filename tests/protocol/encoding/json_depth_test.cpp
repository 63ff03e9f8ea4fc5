#include <catch2/catch.hpp>

#include <string>

#include "protocol/encoding/json_depth.hpp"

using namespace kiosk::protocol;

TEST_CASE("JSON nesting is measured without parsing, strings skipped", "[protocol][encoding]") {
  CHECK(json_nesting_depth("") == 0);
  CHECK(json_nesting_depth("42") == 0);
  CHECK(json_nesting_depth(R"({"a":[1,{"b":[]}]})") == 4);
  CHECK(json_nesting_depth(R"({"a":"[[[[[[\"[[["})") == 1);  // brackets inside a string
  CHECK(json_nesting_depth(R"(["\\", [[]]])") == 3);         // an escaped backslash ends
  CHECK(json_nesting_depth("]]]][") == 1);                   // stray closers do not go below 0
}

TEST_CASE("JSON nesting stops counting once over the limit", "[protocol][encoding]") {
  const std::string deep(200000, '[');
  CHECK(json_nesting_depth(deep, 64) == 65);
  CHECK(json_nesting_depth(deep) == 200000);
}
