#include <random>

#include <catch2/catch.hpp>

#include "central/face/face.hpp"
#include "central/registry/seed.hpp"
#include "protocol/synthetic/face.hpp"

using namespace kiosk::central;
using namespace kiosk::central::face;
using kiosk::protocol::synthetic::render_synthetic_face;
using kiosk::protocol::synthetic::traits_from_seed;

namespace {

// Half of a 260x358 licence photo keeps the whole-population cases fast.
constexpr int kW = 130;
constexpr int kH = 179;

std::vector<std::string> seeded_ids() {
  using namespace std::chrono;
  std::vector<std::string> ids;
  for (const auto& c : registry::seed_registry(year_month_day{year{2026}, month{11}, day{28}})) {
    ids.push_back(c.licence.holder.id_number);
  }
  return ids;
}

}  // namespace

TEST_CASE("every seeded citizen matches their own registry photo under variations",
          "[face][match]") {
  const ReferenceFaceMatcher matcher;
  for (const auto& id : seeded_ids()) {
    const auto traits = traits_from_seed(id);
    const Image reference = render_synthetic_face(traits, kW, kH, 0);
    for (int variation = 1; variation <= 3; ++variation) {
      INFO("variation " << variation);
      auto r = matcher.match(render_synthetic_face(traits, kW, kH, variation), reference);
      REQUIRE(r.ok());
      CHECK(r->is_match);
      CHECK(r->score >= 0.82);
    }
  }
}

TEST_CASE("no seeded citizen matches another citizen's registry photo", "[face][match]") {
  const ReferenceFaceMatcher matcher;
  const auto ids = seeded_ids();
  std::vector<Image> references;
  std::vector<Image> captures;
  for (const auto& id : ids) {
    const auto traits = traits_from_seed(id);
    references.push_back(render_synthetic_face(traits, kW, kH, 0));
    captures.push_back(render_synthetic_face(traits, kW, kH, 1));
  }
  double worst = 0;
  for (std::size_t i = 0; i < ids.size(); ++i) {
    for (std::size_t j = 0; j < ids.size(); ++j) {
      if (i == j) continue;
      auto r = matcher.match(captures[j], references[i]);
      REQUIRE(r.ok());
      CHECK_FALSE(r->is_match);
      worst = std::max(worst, r->score);
    }
  }
  CHECK(worst < 0.75);
}

TEST_CASE("the match score is symmetric enough and identical images score 1", "[face][match]") {
  const ReferenceFaceMatcher matcher;
  const Image a = render_synthetic_face(traits_from_seed("x"), kW, kH, 0);
  auto same = matcher.match(a, a);
  REQUIRE(same.ok());
  CHECK(same->score == Approx(1.0).margin(1e-9));
  const ReferenceFaceMatcher strict(1.01);
  CHECK_FALSE(strict.match(a, a)->is_match);
}

TEST_CASE("bad images are typed errors, not crashes", "[face][match]") {
  const ReferenceFaceMatcher matcher;
  const Image good = render_synthetic_face(traits_from_seed("x"), kW, kH, 0);
  Image broken(10, 10);
  broken.pixels.resize(7);
  CHECK(matcher.match(broken, good).error().code == Errc::invalid_image);
  CHECK(matcher.match(Image{}, good).error().code == Errc::invalid_image);
  CHECK(matcher.match(Image(8, 8), good).error().code == Errc::invalid_image);
  CHECK(matcher.match(Image(64, 64), good).error().code == Errc::no_face);     // blank white
  CHECK(matcher.match(good, Image(64, 64, 0)).error().code == Errc::no_face);  // blank black
  std::mt19937 rng(3);
  Image noise(64, 64);
  for (auto& p : noise.pixels) p = static_cast<std::uint8_t>(rng());
  CHECK_NOTHROW(matcher.match(noise, good));
}

TEST_CASE("an office's own matcher plugs in behind the interface", "[face]") {
  struct AlwaysNo final : FaceMatcher {
    Result<MatchResult> match(const Image&, const Image&) const override {
      return MatchResult{0.0, false};
    }
  };
  const AlwaysNo custom;
  const FaceMatcher& matcher = custom;
  const Image a = render_synthetic_face(traits_from_seed("x"), kW, kH, 0);
  CHECK_FALSE(matcher.match(a, a)->is_match);
}
