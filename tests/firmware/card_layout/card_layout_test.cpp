#include <pango/pangocairo.h>
#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <string>

#include "drivers/emu/common/png_writer.hpp"
#include "drivers/emu/id_reader/synthetic_citizens.hpp"
#include "firmware/card_layout/licence_layout.hpp"
#include "protocol/synthetic/face.hpp"

namespace cl = kiosk::card_layout;
namespace synthetic = kiosk::protocol::synthetic;

namespace {

kiosk::hal::RgbImage photo_of(const std::string& id_number) {
  auto img = synthetic::render_synthetic_face(synthetic::traits_from_seed(id_number), 260, 340);
  kiosk::hal::RgbImage out;
  out.width = img.width;
  out.height = img.height;
  out.pixels = std::move(img.pixels);
  return out;
}

cl::LicenceData data_for(const kiosk::hal::IdCard& card) {
  cl::LicenceData d;
  d.holder_name = card.name;
  d.sex = card.sex == kiosk::hal::Sex::female ? "女" : "男";
  d.nationality = "中国";
  d.address = card.appended_address.empty() ? card.address : card.appended_address;
  d.birth_date = card.birth_date;
  d.licence_number = card.id_number;
  d.first_issue_date = "2012-03-04";
  d.vehicle_classes = "C1";
  d.valid_from = "2026-11-28";
  d.valid_until = "2036-11-28";
  d.issuing_authority = "测试市公安局交通警察支队";
  d.file_number = "110100012345";
  d.records = {"2026-11-28 自助换证 Renewal at kiosk"};
  return d;
}

// Re-measures a placed text with a fresh pango layout (independent of the renderer's own
// measurement) and checks its ink and logical extents lie inside the field's box.
void require_fits(const cl::Placement& p, const std::string& text) {
  cairo_surface_t* s = cairo_image_surface_create(CAIRO_FORMAT_RGB24, 8, 8);
  cairo_t* cr = cairo_create(s);
  PangoLayout* layout = pango_cairo_create_layout(cr);
  pango_layout_set_text(layout, text.c_str(), -1);
  pango_layout_set_width(layout, p.box.width * PANGO_SCALE);
  pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR);
  cl::set_font(layout, "Noto Sans CJK SC", p.fit.font_px, false);
  PangoRectangle ink{}, logical{};
  pango_layout_get_pixel_extents(layout, &ink, &logical);
  INFO("field " << p.field << " px " << p.fit.font_px << " box " << p.box.width << "x"
                << p.box.height << " ink " << ink.x << "," << ink.y << " " << ink.width << "x"
                << ink.height);
  CHECK(ink.x >= 0);
  CHECK(ink.y >= 0);
  CHECK(ink.x + ink.width <= p.box.width);
  CHECK(ink.y + ink.height <= p.box.height);
  CHECK(logical.y + logical.height <= p.box.height);
  // the ink is really printed: it is listed as a resin region
  CHECK(ink.width > 0);
  g_object_unref(layout);
  cairo_destroy(cr);
  cairo_surface_destroy(s);
}

const cl::Placement& placement(const std::vector<cl::Placement>& ps, const std::string& field) {
  for (const auto& p : ps)
    if (p.field == field) return p;
  FAIL("no placement for " << field);
  return ps.front();
}

void maybe_save(const cl::RenderedLicence& r, const std::string& stem) {
  // Set KIOSK_CARD_LAYOUT_PNG_DIR to look at the cards.
  const char* dir = std::getenv("KIOSK_CARD_LAYOUT_PNG_DIR");
  if (!dir) return;
  std::filesystem::create_directories(dir);
  (void)kiosk::drivers::emu::write_png(r.job.front.image,
                                       std::string(dir) + "/" + stem + "_front.png");
  (void)kiosk::drivers::emu::write_png(r.job.back->image,
                                       std::string(dir) + "/" + stem + "_back.png");
}

}  // namespace

TEST_CASE("a licence renders front and back at ID-1 300 dpi with photo cutout and resin text",
          "[card_layout]") {
  const auto& citizen = kiosk::drivers::emu::synthetic_citizens().front();
  auto r = cl::render_licence(data_for(citizen.card), photo_of(citizen.card.id_number), "job-1");
  REQUIRE(r.ok());
  const auto& job = r.value().job;
  CHECK(job.job_id == "job-1");
  CHECK(job.front.image.width == kiosk::hal::kCardWidthDots);
  CHECK(job.front.image.height == kiosk::hal::kCardHeightDots);
  REQUIRE(job.back.has_value());
  CHECK(job.back->image.width == kiosk::hal::kCardWidthDots);
  REQUIRE(job.front.overlay_cutouts.size() == 1);
  CHECK(job.front.overlay_cutouts[0].x == cl::kPhotoWindow.x);
  CHECK(job.front.overlay_cutouts[0].width == cl::kPhotoWindow.width);
  CHECK(job.front.black_regions.size() >= 9);  // every data field on the front
  CHECK(job.back->black_regions.size() >= 4);  // file no., name, no., record, barcode
  // no resin region overlaps the photo window
  for (const auto& b : job.front.black_regions)
    CHECK((b.x + b.width <= cl::kPhotoWindow.x || b.y + b.height <= cl::kPhotoWindow.y ||
           b.y >= cl::kPhotoWindow.y + cl::kPhotoWindow.height));
  // the photo is in the window: its centre is not the white window fill
  const auto o = job.front.image.offset(cl::kPhotoWindow.x + 130, cl::kPhotoWindow.y + 150);
  CHECK(int{job.front.image.pixels[o]} + job.front.image.pixels[o + 1] +
            job.front.image.pixels[o + 2] <
        3 * 250);
  maybe_save(r.value(), "licence");
}

TEST_CASE("every synthetic citizen's address fits its box, measured with pango", "[card_layout]") {
  for (const auto& citizen : kiosk::drivers::emu::synthetic_citizens()) {
    if (citizen.card.address.empty()) continue;  // foreign residents' cards carry no address
    auto d = data_for(citizen.card);
    auto r = cl::render_licence(d, photo_of(citizen.card.id_number), "job");
    INFO(citizen.label);
    REQUIRE(r.ok());
    require_fits(placement(r.value().front_placements, "address"), d.address);
  }
}

TEST_CASE("an address far longer than any real one wraps and shrinks but is never clipped",
          "[card_layout]") {
  const auto& citizen = kiosk::drivers::emu::synthetic_citizens().front();
  auto d = data_for(citizen.card);
  const std::string unit = "新疆维吾尔自治区伊犁哈萨克自治州测试县样例乡";  // 21 chars
  double last_px = 100;
  for (int n = 1; n <= 5; ++n) {
    d.address.clear();
    for (int i = 0; i < n; ++i) d.address += unit;
    d.address += "一百二十三号";
    auto r = cl::render_licence(d, photo_of(citizen.card.id_number), "job");
    INFO("address of " << n * 21 + 6 << " characters");
    REQUIRE(r.ok());
    const auto& p = placement(r.value().front_placements, "address");
    require_fits(p, d.address);
    CHECK(p.fit.font_px <= last_px);  // longer => same or smaller type
    last_px = p.fit.font_px;
    if (n >= 3) CHECK(p.fit.lines >= 3);
    if (n == 5) maybe_save(r.value(), "long_address");
  }
  CHECK(last_px < 24);
}

TEST_CASE("a field that cannot fit even at the minimum size is refused, not clipped",
          "[card_layout]") {
  const auto& citizen = kiosk::drivers::emu::synthetic_citizens().front();
  auto d = data_for(citizen.card);
  d.address.clear();
  for (int i = 0; i < 40; ++i) d.address += "测试省测试市测试区测试街道";
  auto r = cl::render_licence(d, photo_of(citizen.card.id_number), "job");
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().code == cl::Errc::text_does_not_fit);
  CHECK(r.error().field == "address");
  CHECK(r.error().message.find("测试") == std::string::npos);  // no personal data in errors
}

TEST_CASE("a long-term licence prints 长期 and every front field fits", "[card_layout]") {
  const auto& citizen = kiosk::drivers::emu::synthetic_citizens().back();
  auto d = data_for(citizen.card);
  d.valid_until.reset();
  if (d.address.empty())
    d.address = "上海市测试区样例路1号";  // foreign card: address from the permit
  d.holder_name = "测试买买提·艾力·阿不都热合曼·测试样例";
  auto r = cl::render_licence(d, photo_of(citizen.card.id_number), "job");
  if (!r.ok()) FAIL(r.error().message);
  require_fits(placement(r.value().front_placements, "validity"), d.valid_from + " 至 长期");
  require_fits(placement(r.value().front_placements, "holder_name"), d.holder_name);
  maybe_save(r.value(), "long_term");
}

TEST_CASE("missing data or a malformed photo is invalid_data", "[card_layout]") {
  const auto& citizen = kiosk::drivers::emu::synthetic_citizens().front();
  auto d = data_for(citizen.card);
  d.file_number.clear();
  auto r = cl::render_licence(d, photo_of(citizen.card.id_number), "job");
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().code == cl::Errc::invalid_data);
  CHECK(r.error().field == "file_number");
  kiosk::hal::RgbImage bad(10, 10);
  bad.pixels.resize(7);
  auto r2 = cl::render_licence(data_for(citizen.card), bad, "job");
  REQUIRE_FALSE(r2.ok());
  CHECK(r2.error().field == "photo");
}
