#include <unistd.h>

#include <filesystem>
#include <random>

#include <catch2/catch.hpp>

#include "central/face/face.hpp"
#include "central/registry/seed.hpp"

using namespace kiosk::central;
using namespace kiosk::central::face;
namespace fs = std::filesystem;

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

TEST_CASE("traits are a deterministic function of the seed", "[face][render]") {
  const auto a = traits_from_seed("110101199001011234");
  const auto b = traits_from_seed("110101199001011234");
  CHECK(a.face_width == b.face_width);
  CHECK(a.hair_style == b.hair_style);
  CHECK(std::equal(a.skin, a.skin + 3, b.skin));
  const auto c = traits_from_seed("110101199001011242");
  CHECK((a.face_width != c.face_width || a.eye_spacing != c.eye_spacing));
  // An even sex digit (female) never gets a beard.
  for (int i = 0; i < 50; ++i) {
    const std::string id = "1101011990010112" + std::to_string(i % 5 * 2) + "X";
    CHECK_FALSE(traits_from_seed(id).beard);
  }
}

TEST_CASE("the registry photo is deterministic with a white background", "[face][render]") {
  const auto t = traits_from_seed("440305200002290012");
  const Image a = render_synthetic_face(t, 260, 358, 0);
  const Image b = render_synthetic_face(t, 260, 358, 0);
  REQUIRE(a.valid());
  CHECK(a.width == 260);
  CHECK(a.height == 358);
  CHECK(a.pixels == b.pixels);
  for (std::size_t corner : {std::size_t{0}, std::size_t{259 * 3}}) {
    CHECK(a.pixels[corner] == 255);
    CHECK(a.pixels[corner + 1] == 255);
    CHECK(a.pixels[corner + 2] == 255);
  }
  const Image v = render_synthetic_face(t, 260, 358, 1);
  CHECK(v.pixels != a.pixels);
  CHECK(render_synthetic_face(t, 260, 358, 1).pixels == v.pixels);
  CHECK(render_synthetic_face(t, 4, 4, 0).width == 16);  // clamped to the minimum size
}

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

TEST_CASE("images round-trip through PNG", "[face][png]") {
  const Image a = render_synthetic_face(traits_from_seed("png"), 65, 90, 2);
  auto bytes = encode_png(a);
  REQUIRE(bytes.ok());
  auto back = decode_png(*bytes);
  REQUIRE(back.ok());
  CHECK(back->width == a.width);
  CHECK(back->pixels == a.pixels);

  const fs::path path =
      fs::temp_directory_path() / ("kiosk_face_" + std::to_string(::getpid()) + ".png");
  REQUIRE(write_png(path, a).ok());
  auto read = read_png(path);
  REQUIRE(read.ok());
  CHECK(read->pixels == a.pixels);
  fs::remove(path);
  CHECK(read_png(path).error().code == Errc::io);
}

TEST_CASE("garbage and truncated PNGs are refused with bad_png", "[face][png]") {
  CHECK(decode_png({}).error().code == Errc::bad_png);
  CHECK(decode_png({1, 2, 3}).error().code == Errc::bad_png);
  const auto bytes = encode_png(render_synthetic_face(traits_from_seed("t"), 32, 40, 0)).value();
  std::vector<std::uint8_t> truncated(bytes.begin(),
                                      bytes.begin() + static_cast<long>(bytes.size() / 2));
  CHECK(decode_png(truncated).error().code == Errc::bad_png);
  std::mt19937 rng(11);
  for (int i = 0; i < 200; ++i) {
    auto mutated = bytes;
    mutated[8 + rng() % (mutated.size() - 8)] ^= static_cast<std::uint8_t>(1 + rng() % 255);
    (void)decode_png(mutated);  // must not crash; may or may not decode
  }
  CHECK(encode_png(Image{}).error().code == Errc::invalid_image);
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
