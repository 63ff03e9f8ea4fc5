#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>

#include "drivers/card_printer/card_printer_codec.hpp"
#include "drivers/emu/common/png_writer.hpp"
#include "drivers/id_reader/id_text_block.hpp"
#include "firmware/card_layout/specimen.hpp"

// fontconfig (loaded by pango) keeps its configuration and font caches for the life of the
// process; LeakSanitizer would report them at exit. They are not ours.
extern "C" const char* __lsan_default_suppressions() {
  return "leak:libfontconfig.so\n";
}

namespace cl = kiosk::card_layout;
namespace cp = kiosk::drivers::card_printer;
namespace hal = kiosk::hal;

namespace {

// Set KIOSK_CARD_PNG_DIR to look at the rendered cards.
void maybe_write(const hal::RgbImage& img, const std::string& name) {
  const char* dir = std::getenv("KIOSK_CARD_PNG_DIR");
  if (dir == nullptr || *dir == '\0') return;
  std::filesystem::create_directories(dir);
  REQUIRE(kiosk::drivers::emu::write_png(img, std::string(dir) + "/" + name).ok());
}

int dark_pixels(const hal::RgbImage& img, hal::Rect r) {
  int n = 0;
  for (int y = r.y; y < r.y + r.height; ++y) {
    for (int x = r.x; x < r.x + r.width; ++x) {
      const auto o = img.offset(x, y);
      if (img.pixels[o] + img.pixels[o + 1] + img.pixels[o + 2] < 300) ++n;
    }
  }
  return n;
}

// Pixels whose red clearly exceeds green and blue: the specimen watermark and seal.
int reddish_pixels(const hal::RgbImage& img, hal::Rect r) {
  int n = 0;
  for (int y = r.y; y < r.y + r.height; ++y) {
    for (int x = r.x; x < r.x + r.width; ++x) {
      const auto o = img.offset(x, y);
      if (img.pixels[o] > img.pixels[o + 1] + 12 && img.pixels[o] > img.pixels[o + 2] + 12) ++n;
    }
  }
  return n;
}

const cl::Placement& placement(const std::vector<cl::Placement>& ps, const std::string& field) {
  for (const auto& p : ps)
    if (p.field == field) return p;
  FAIL("no placement for " << field);
  return ps.front();
}

}  // namespace

TEST_CASE("the specimen's holder is synthetic and its ID number is well formed",
          "[card_layout][specimen]") {
  const auto d = cl::specimen_licence_data();
  CHECK(d.holder_name == "测试样例");
  REQUIRE(d.licence_number.size() == 18);
  CHECK(kiosk::drivers::id_reader::id_check_character(d.licence_number.substr(0, 17)) ==
        d.licence_number.back());
  CHECK(d.address.find("样例") != std::string::npos);
}

TEST_CASE("the specimen licence renders both sides with resin text and a photo cutout",
          "[card_layout][specimen]") {
  const auto specimen = cl::specimen_licence_job();
  REQUIRE(specimen.ok());
  const auto& job = specimen.value();
  CHECK(job.job_id == "sample-licence");
  REQUIRE(job.front.image.width == hal::kCardWidthDots);
  REQUIRE(job.front.image.height == hal::kCardHeightDots);
  REQUIRE(job.back);
  CHECK(job.front.black_regions.size() >= 9);  // every data field on the front
  REQUIRE(job.front.overlay_cutouts.size() == 1);
  CHECK(job.front.overlay_cutouts[0].x == cl::kPhotoWindow.x);
  CHECK_FALSE(job.back->black_regions.empty());
  // The Chinese title rendered: dark ink in the title band.
  CHECK(dark_pixels(job.front.image, {100, 10, 800, 70}) > 2000);
  // The photo is inside its window: the drawn face is not white.
  CHECK(dark_pixels(job.front.image, job.front.overlay_cutouts[0]) > 1000);
  for (const auto& r : job.front.black_regions) {
    CHECK(r.x >= 0);
    CHECK(r.x + r.width <= hal::kCardWidthDots);
    CHECK(r.y + r.height <= hal::kCardHeightDots);
  }
  maybe_write(job.front.image, "specimen-front.png");
  maybe_write(job.back->image, "specimen-back.png");

  // What the printer would make of it.
  auto built = cp::build_job(job);
  REQUIRE(built.ok());
  auto decoded = cp::decode_card_job(cp::flatten(built.value()));
  REQUIRE(decoded.ok());
  maybe_write(decoded.value().front, "specimen-printed-front.png");
  maybe_write(*decoded.value().back, "specimen-printed-back.png");
}

TEST_CASE("the specimen is marked as one on both sides; an issued licence is not",
          "[card_layout][specimen]") {
  const auto d = cl::specimen_licence_data();
  const auto photo = cl::specimen_photo();
  auto specimen = cl::render_specimen_licence(d, photo, "s");
  auto licence = cl::render_licence(d, photo, "l");
  REQUIRE(specimen.ok());
  REQUIRE(licence.ok());
  // The slanted watermark crosses the lower left of each side.
  const hal::Rect mark{260, 400, 420, 180};
  const auto& s = specimen.value().job;
  const auto& l = licence.value().job;
  CHECK(reddish_pixels(s.front.image, mark) > reddish_pixels(l.front.image, mark) + 2000);
  CHECK(reddish_pixels(s.back->image, mark) > reddish_pixels(l.back->image, mark) + 2000);
  // Same data, same boxes: the marking does not move a field.
  REQUIRE(specimen.value().front_placements.size() == licence.value().front_placements.size());
  for (std::size_t i = 0; i < licence.value().front_placements.size(); ++i)
    CHECK(specimen.value().front_placements[i].fit.font_px ==
          licence.value().front_placements[i].fit.font_px);
}

TEST_CASE("the specimen's long address wraps inside its box instead of being clipped",
          "[card_layout][specimen]") {
  auto r = cl::render_specimen_licence(cl::specimen_licence_data(), cl::specimen_photo(), "s");
  REQUIRE(r.ok());
  const auto& p = placement(r.value().front_placements, "address");
  CHECK(p.fit.lines >= 2);
  CHECK(p.fit.ink.y + p.fit.ink.height <= p.box.y + p.box.height);
  CHECK(p.fit.ink.x + p.fit.ink.width <= cl::kPhotoWindow.x);
}

TEST_CASE("a plain test card shows the caller's title, lines and photo",
          "[card_layout][specimen]") {
  cl::TestCard c;
  c.title = "打印测试 Print test";
  c.lines = {"第一行 中文文字", "YMCKO: a line that starts with a Y", "第三行：颜色与黑色树脂"};
  c.photo = cl::specimen_photo(100, 130);
  auto job = cl::test_card_job(c);
  REQUIRE(job.ok());
  CHECK_FALSE(job.value().back);
  CHECK(job.value().front.black_regions.size() == 3);
  CHECK(job.value().front.overlay_cutouts.size() == 1);
  maybe_write(job.value().front.image, "plain-front.png");
}

TEST_CASE("a test card line too long for the card is refused", "[card_layout][specimen]") {
  cl::TestCard c;
  c.title = "Test";
  c.lines = {std::string(400, 'W')};
  auto job = cl::test_card_job(c);
  REQUIRE_FALSE(job.ok());
  CHECK(job.error().code == cl::Errc::text_does_not_fit);
}
