#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>

#include "drivers/card_printer/card_printer_codec.hpp"
#include "drivers/card_printer/test_card.hpp"
#include "drivers/emu/common/png_writer.hpp"

// fontconfig (loaded by pango) keeps its configuration and font caches for the life of the
// process; LeakSanitizer would report them at exit. They are not ours.
extern "C" const char* __lsan_default_suppressions() {
  return "leak:libfontconfig.so\n";
}

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

}  // namespace

TEST_CASE("the ID check character follows ISO 7064 MOD 11-2", "[card_printer][test_card]") {
  CHECK(cp::id_check_char("11010519491231002") == 'X');
  CHECK(cp::id_check_char("44052418800101001") == '4');
  CHECK(cp::id_check_char("1234") == 0);
}

TEST_CASE("the sample licence renders both sides with resin text and a photo cutout",
          "[card_printer][test_card]") {
  const auto job = cp::make_sample_licence_job();
  REQUIRE(job.front.image.width == hal::kCardWidthDots);
  REQUIRE(job.front.image.height == hal::kCardHeightDots);
  REQUIRE(job.back);
  CHECK(job.front.black_regions.size() >= 8);  // number, name, sex, ... values
  REQUIRE(job.front.overlay_cutouts.size() == 1);
  CHECK(job.front.overlay_cutouts[0].x > 600);  // the photo window is at the right
  CHECK_FALSE(job.back->black_regions.empty());
  // The Chinese title rendered: dark ink in the title band.
  CHECK(dark_pixels(job.front.image, {100, 10, 800, 70}) > 2000);
  // The photo is inside its window: the drawn face is not white.
  const auto& w = job.front.overlay_cutouts[0];
  CHECK(dark_pixels(job.front.image, w) > 1000);
  // Every black region lies on the card.
  for (const auto& r : job.front.black_regions) {
    CHECK(r.x >= -4);
    CHECK(r.x + r.width <= hal::kCardWidthDots + 4);
    CHECK(r.y + r.height <= hal::kCardHeightDots + 4);
  }
  maybe_write(job.front.image, "sample-licence-front.png");
  maybe_write(job.back->image, "sample-licence-back.png");

  // What the printer would make of it.
  auto built = cp::build_job(job);
  REQUIRE(built.ok());
  auto decoded = cp::decode_card_job(cp::flatten(built.value()));
  REQUIRE(decoded.ok());
  maybe_write(decoded.value().front, "sample-licence-printed-front.png");
  maybe_write(*decoded.value().back, "sample-licence-printed-back.png");
}

TEST_CASE("a long address shrinks instead of being clipped", "[card_printer][test_card]") {
  cp::TestCardContent c;
  c.sample_licence = true;
  c.licence.address = std::string(6, ' ');
  for (int i = 0; i < 6; ++i) c.licence.address += "很长的样例地址测试文字重复";
  c.licence.name = "测试";
  auto job = cp::make_test_card_job(c);
  // The address block stays above the next row (出生日期 at y=336).
  bool found = false;
  for (const auto& r : job.front.black_regions) {
    if (r.y > 230 && r.y < 260) {
      found = true;
      CHECK(r.y + r.height <= 336);
      CHECK(r.x + r.width <= 700);
    }
  }
  CHECK(found);
  maybe_write(job.front.image, "long-address-front.png");
}

TEST_CASE("a plain test card shows the caller's title, lines and photo",
          "[card_printer][test_card]") {
  cp::TestCardContent c;
  c.title = "打印测试 Print test";
  c.lines = {"第一行 中文文字", "Line two, English", "第三行：颜色与黑色树脂"};
  c.photo = cp::make_sample_photo(100, 130);
  auto job = cp::make_test_card_job(c);
  CHECK_FALSE(job.back);
  CHECK(job.front.black_regions.size() == 3);
  CHECK(job.front.overlay_cutouts.size() == 1);
  maybe_write(job.front.image, "plain-front.png");
}
