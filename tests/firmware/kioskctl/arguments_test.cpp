#include "firmware/kioskctl/arguments.hpp"

#include <catch2/catch.hpp>

using namespace kiosk::kioskctl;

TEST_CASE("flags take values in both spellings and switches take none", "[kioskctl]") {
  auto p = parse_arguments({"--count", "5", "--first=A1", "x", "--password-stdin"},
                           {"--count", "--first"}, {"--password-stdin"}, 0, 1);
  REQUIRE(p.arguments);
  CHECK(p.arguments->value("--count") == "5");
  CHECK(p.arguments->value("--first") == "A1");
  CHECK(p.arguments->has("--password-stdin"));
  CHECK(p.arguments->positional == std::vector<std::string>{"x"});
}

TEST_CASE("unknown flags, missing values and wrong positional counts are errors", "[kioskctl]") {
  CHECK(!parse_arguments({"--nope"}, {}, {}, 0, 0).arguments);
  CHECK(!parse_arguments({"--count"}, {"--count"}, {}, 0, 0).arguments);
  CHECK(!parse_arguments({}, {}, {}, 1, 1).arguments);
  CHECK(!parse_arguments({"a", "b"}, {}, {}, 1, 1).arguments);
  CHECK(!parse_arguments({"--switch=1"}, {}, {"--switch"}, 0, 0).arguments);
}

TEST_CASE("counts are plain non-negative decimals", "[kioskctl]") {
  CHECK(parse_count("500") == 500u);
  CHECK(!parse_count(""));
  CHECK(!parse_count("-1"));
  CHECK(!parse_count("5x"));
  CHECK(!parse_count("9999999999999999"));
}
