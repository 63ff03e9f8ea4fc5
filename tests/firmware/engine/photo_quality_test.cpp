#include <catch2/catch.hpp>

#include <random>

#include "firmware/engine/photo_quality.hpp"
#include "firmware/engine/screen.hpp"

namespace kiosk::engine::test {

TEST_CASE("a licence photo with a face in it passes the quality check", "[photo]") {
  hal::RgbImage img(64, 48, 200);
  std::mt19937 rng(7);
  for (auto& p : img.pixels) p = static_cast<std::uint8_t>(60 + rng() % 150);
  const auto q = check_photo(img);
  CHECK(q.ok);
  CHECK(q.reason.empty());
}

TEST_CASE("empty, dark, overexposed and flat photos are rejected with a reason", "[photo]") {
  CHECK(check_photo(hal::RgbImage{}).reason == "empty");
  hal::RgbImage truncated(10, 10);
  truncated.pixels.resize(12);
  CHECK(check_photo(truncated).reason == "empty");
  CHECK(check_photo(hal::RgbImage(32, 32, 5)).reason == "too_dark");
  CHECK(check_photo(hal::RgbImage(32, 32, 250)).reason == "too_bright");
  CHECK(check_photo(hal::RgbImage(32, 32, 128)).reason == "low_contrast");
}

TEST_CASE("the screen model serialises every field the UI reads", "[screen]") {
  Screen s;
  s.session_id = "s-1";
  s.service = "renewal";
  s.step = Step::consent;
  s.screen = "consent";
  s.language = "en";
  s.prompt = "screen.consent";
  s.data = {{"purpose", "face_verification"}};
  s.progress_index = 2;
  s.progress_total = 12;
  s.actions = {"consent", "call_staff", "cancel"};
  s.idle_seconds_left = 12;
  s.idle_warning = true;
  auto j = to_json(s);
  CHECK(j.at("progress") == nlohmann::json{{"index", 2}, {"total", 12}});
  CHECK(j.at("error").is_null());
  CHECK(j.at("idle") == nlohmann::json{{"seconds_left", 12}, {"warning", true}});
  s.error = ScreenError{"not_eligible", "points_cycle", "error.not_eligible"};
  s.eta_seconds = 15;
  j = to_json(s);
  CHECK(j.at("error").at("reason") == "points_cycle");
  CHECK(j.at("progress").at("eta_seconds") == 15);
  CHECK(s.allows("call_staff"));
  CHECK_FALSE(s.allows("accept"));
}

}  // namespace kiosk::engine::test
