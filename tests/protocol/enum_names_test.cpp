#include <catch2/catch.hpp>

#include <cstring>
#include <string>

#include "protocol/enum_names.hpp"

namespace {

enum class Light { red, amber_blinking, green, offLine };

constexpr auto kLightNames = KIOSK_ENUM_NAMES(Light, red, amber_blinking,
                                              green,  // a line break in the list
                                              offLine);

constexpr kiosk::protocol::EnumNames<Light, 2> kLabels{
    {{Light::red, "stop"}, {Light::green, "go"}}};

}  // namespace

using kiosk::protocol::name_of;
using kiosk::protocol::value_of;

TEST_CASE("a listed enumerator is named by its own spelling", "[protocol][enum_names]") {
  STATIC_REQUIRE(kLightNames.size() == 4);
  CHECK(name_of(kLightNames, Light::red) == "red");
  CHECK(name_of(kLightNames, Light::amber_blinking) == "amber_blinking");
  CHECK(name_of(kLightNames, Light::green) == "green");
  CHECK(name_of(kLightNames, Light::offLine) == "offLine");
}

TEST_CASE("every name ends in a NUL, so it serves as a C string", "[protocol][enum_names]") {
  for (const auto& entry : kLightNames) {
    CHECK(std::strlen(entry.name.data()) == entry.name.size());
  }
}

TEST_CASE("a name parses back to its value and nothing else does", "[protocol][enum_names]") {
  CHECK(value_of(kLightNames, "offLine") == Light::offLine);
  CHECK(value_of(kLightNames, "green") == Light::green);
  CHECK_FALSE(value_of(kLightNames, "gree").has_value());
  CHECK_FALSE(value_of(kLightNames, "Green").has_value());
  CHECK_FALSE(value_of(kLightNames, "").has_value());
  CHECK_FALSE(value_of(kLightNames, "red, amber_blinking").has_value());
}

TEST_CASE("a value the table does not list gets the fallback name", "[protocol][enum_names]") {
  CHECK(name_of(kLightNames, static_cast<Light>(42)) == "unknown");
  CHECK(name_of(kLightNames, static_cast<Light>(42), "invalid") == "invalid");
  CHECK(name_of(kLabels, Light::amber_blinking) == "unknown");
}

TEST_CASE("written pairs name values apart from their spelling", "[protocol][enum_names]") {
  CHECK(name_of(kLabels, Light::red) == "stop");
  CHECK(name_of(kLabels, Light::green) == "go");
  CHECK(value_of(kLabels, "go") == Light::green);
  CHECK_FALSE(value_of(kLabels, "green").has_value());
}
