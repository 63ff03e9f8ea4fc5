#include <catch2/catch.hpp>

#include <algorithm>
#include <chrono>
#include <set>

#include "protocol/documents/id_number.hpp"
#include "protocol/synthetic/citizens.hpp"
#include "protocol/synthetic/face.hpp"

using namespace kiosk::protocol;
using namespace kiosk::protocol::synthetic;
using Image = RgbImage;

TEST_CASE("traits are a deterministic function of the seed", "[protocol][synthetic]") {
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

TEST_CASE("the registry photo is deterministic with a white background", "[protocol][synthetic]") {
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

TEST_CASE("the synthetic citizens are synthetic, valid, unique and stable for a day",
          "[protocol][synthetic]") {
  using namespace std::chrono;
  const Date today{year{2026}, month{11}, day{28}};
  const auto a = registry_citizens(today);
  const auto b = registry_citizens(today);
  REQUIRE(a.size() >= 18);
  std::set<std::string> ids, scenarios;
  for (std::size_t i = 0; i < a.size(); ++i) {
    const auto& h = a[i].holder;
    INFO(a[i].scenario);
    CHECK(h.id_number == b[i].holder.id_number);
    CHECK(h.name.rfind("测试", 0) == 0);
    CHECK(is_valid_id_number(h.id_number));
    CHECK(h.photo_ref == "photo:" + h.id_number);
    ids.insert(h.id_number);
    scenarios.insert(a[i].scenario);
  }
  CHECK(ids.size() == a.size());
  CHECK(scenarios.size() == a.size());
  CHECK(registry_citizens(Date{year{2027}, month{1}, day{1}}).front().holder.id_number !=
        a.front().holder.id_number);  // birth dates follow today
}
