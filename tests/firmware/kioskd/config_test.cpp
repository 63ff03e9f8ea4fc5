#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include "firmware/kioskd/config.hpp"

using namespace kiosk::kioskd;

namespace {
const std::string kMinimal = "[kiosk]\nid = K-0001\n";
}

TEST_CASE("the example config file parses and sets every documented key", "[kioskd][config]") {
  auto r = load_config(std::string(KIOSK_SOURCE_DIR) + "/firmware/kioskd/kioskd.conf.example");
  if (auto* e = std::get_if<ConfigError>(&r)) FAIL("line " << e->line << ": " << e->message);
  const auto& c = std::get<KioskdConfig>(r);
  CHECK(c.kiosk_id == "kiosk-0001");
  CHECK(c.socket_path == "/run/kioskd/kioskd.sock");
  CHECK(c.central.url == "https://central.example.org:8443");
  CHECK(c.central.request_timeout == std::chrono::milliseconds(5000));
  CHECK(c.signing_key_file == c.central.key_file);  // defaults to the TLS client key
  CHECK_FALSE(c.simulation.enabled);
  CHECK(c.retention == std::chrono::hours(720));
  CHECK(c.idle_timeout == std::chrono::seconds(60));
  CHECK(c.capture_countdown == std::chrono::seconds(3));
}

TEST_CASE("a minimal config takes the defaults", "[kioskd][config]") {
  auto r = parse_config(kMinimal + "# comment\n\n[simulation]\nenabled = yes\ntime_scale = 0.5\n");
  REQUIRE(std::holds_alternative<KioskdConfig>(r));
  const auto& c = std::get<KioskdConfig>(r);
  CHECK(c.kiosk_id == "K-0001");
  CHECK(c.simulation.enabled);
  CHECK(c.simulation.time_scale == 0.5);
  CHECK(c.journal_path == "/var/lib/kioskd/journal.db");
  CHECK(c.central.url.empty());
  CHECK(c.capture_countdown == std::chrono::seconds(3));
  auto zero = parse_config(kMinimal + "[timeouts]\ncapture_countdown_seconds = 0\n");
  REQUIRE(std::holds_alternative<KioskdConfig>(zero));
  CHECK(std::get<KioskdConfig>(zero).capture_countdown == std::chrono::seconds(0));
}

TEST_CASE("config errors name the line and never pass silently", "[kioskd][config]") {
  struct Case {
    std::string text;
    int line;
    std::string contains;
  };
  const Case cases[] = {
      {kMinimal + "[kiosk]\nsocket_pth = /x\n", 4, "unknown key kiosk.socket_pth"},
      {kMinimal + "[simulation]\nenabled = maybe\n", 4, "true or false"},
      {kMinimal + "[simulation]\ntime_scale = -1\n", 4, ">= 0"},
      {kMinimal + "[timeouts]\nidle_seconds = 1x\n", 4, "integer"},
      {kMinimal + "[central]\nurl = http://plain\n", 4, "https"},
      {kMinimal + "[broken\n", 3, "malformed section"},
      {kMinimal + "just words\n", 3, "key = value"},
      {"[kiosk]\nsocket = /x\n", 0, "kiosk.id is required"},
      {kMinimal + "[central]\nurl = https://c:1\n", 0, "ca_file"},
  };
  for (const auto& c : cases) {
    auto r = parse_config(c.text);
    INFO(c.text);
    REQUIRE(std::holds_alternative<ConfigError>(r));
    CHECK(std::get<ConfigError>(r).line == c.line);
    CHECK_THAT(std::get<ConfigError>(r).message, Catch::Contains(c.contains));
  }
}

TEST_CASE("random bytes as a config file are an error, never a crash", "[kioskd][config]") {
  std::uint32_t x = 12345;
  for (int i = 0; i < 200; ++i) {
    std::string text;
    for (int k = 0; k < 200; ++k) {
      x = x * 1664525u + 1013904223u;
      text.push_back(static_cast<char>(x >> 24));
    }
    auto r = parse_config(text);
    CHECK(std::holds_alternative<ConfigError>(r));
  }
}
