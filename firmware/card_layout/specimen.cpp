#include "firmware/card_layout/specimen.hpp"

#include <cairo.h>

#include <cmath>

#include "firmware/card_layout/canvas.hpp"
#include "firmware/card_layout/decor.hpp"

namespace kiosk::card_layout {

LicenceData specimen_licence_data() {
  return LicenceData{
      .holder_name = "测试样例",
      .sex = "女",
      .nationality = "中国",
      .address =
          "北京市朝阳区测试大道样例街道八十八号院三号楼二单元一五零一室（样例地址，仅供测试）",
      .birth_date = "1949-12-31",
      .licence_number = "11010519491231002X",  // check character X: ISO 7064 MOD 11-2
      .first_issue_date = "2010-06-01",
      .vehicle_classes = "C1",
      .valid_from = "2024-06-01",
      .valid_until = "2034-06-01",
      .issuing_authority = "样例市公安局交通管理局（测试）",
      .file_number = "110100012345",
      .records = {"2024-06-01 换证 Renewal（样例记录 sample record）",
                  "2025-03-15 审验合格 Inspection passed（样例 sample）"},
  };
}

hal::RgbImage specimen_photo(int width, int height) {
  cairo_surface_t* s = cairo_image_surface_create(CAIRO_FORMAT_RGB24, width, height);
  cairo_t* cr = cairo_create(s);
  cairo_set_source_rgb(cr, 1, 1, 1);
  cairo_paint(cr);
  const double w = width;
  const double h = height;
  // Shoulders and jacket.
  cairo_set_source_rgb(cr, 0.18, 0.24, 0.36);
  cairo_move_to(cr, 0.05 * w, h);
  cairo_curve_to(cr, 0.08 * w, 0.80 * h, 0.25 * w, 0.72 * h, 0.5 * w, 0.72 * h);
  cairo_curve_to(cr, 0.75 * w, 0.72 * h, 0.92 * w, 0.80 * h, 0.95 * w, h);
  cairo_close_path(cr);
  cairo_fill(cr);
  // Collar.
  cairo_set_source_rgb(cr, 0.95, 0.95, 0.97);
  cairo_move_to(cr, 0.40 * w, 0.72 * h);
  cairo_line_to(cr, 0.5 * w, 0.86 * h);
  cairo_line_to(cr, 0.60 * w, 0.72 * h);
  cairo_close_path(cr);
  cairo_fill(cr);
  auto ellipse = [cr](double cx, double cy, double rx, double ry, double a0, double a1) {
    cairo_save(cr);
    cairo_translate(cr, cx, cy);
    cairo_scale(cr, rx, ry);
    cairo_new_path(cr);
    cairo_arc(cr, 0, 0, 1, a0, a1);
    cairo_restore(cr);
    cairo_fill(cr);
  };
  // Hair behind the head, neck, face, then the fringe.
  cairo_set_source_rgb(cr, 0.12, 0.10, 0.09);
  ellipse(0.5 * w, 0.38 * h, 0.255 * w, 0.225 * h, 0, 2 * M_PI);
  cairo_set_source_rgb(cr, 0.91, 0.76, 0.64);
  cairo_rectangle(cr, 0.43 * w, 0.56 * h, 0.14 * w, 0.17 * h);
  cairo_fill(cr);
  ellipse(0.5 * w, 0.43 * h, 0.215 * w, 0.185 * h, 0, 2 * M_PI);
  cairo_set_source_rgb(cr, 0.12, 0.10, 0.09);
  ellipse(0.5 * w, 0.33 * h, 0.235 * w, 0.09 * h, M_PI, 2 * M_PI);
  // Eyes and mouth.
  cairo_set_source_rgb(cr, 0.2, 0.15, 0.12);
  cairo_arc(cr, 0.42 * w, 0.42 * h, 0.018 * w, 0, 2 * M_PI);
  cairo_fill(cr);
  cairo_arc(cr, 0.58 * w, 0.42 * h, 0.018 * w, 0, 2 * M_PI);
  cairo_fill(cr);
  cairo_set_source_rgb(cr, 0.70, 0.35, 0.35);
  cairo_set_line_width(cr, 0.012 * w);
  cairo_new_path(cr);
  cairo_arc(cr, 0.5 * w, 0.47 * h, 0.06 * w, 0.25 * M_PI, 0.75 * M_PI);
  cairo_stroke(cr);
  cairo_destroy(cr);
  hal::RgbImage image = to_rgb_image(s);
  cairo_surface_destroy(s);
  return image;
}

Result<hal::CardJob> specimen_licence_job() {
  auto rendered =
      render_specimen_licence(specimen_licence_data(), specimen_photo(), "sample-licence");
  if (!rendered.ok()) return rendered.error();
  return std::move(rendered).value().job;
}

Result<hal::CardJob> test_card_job(const TestCard& card) {
  constexpr int kW = hal::kCardWidthDots;
  constexpr int kH = hal::kCardHeightDots;
  const hal::Rect window{716, 126, 260, 340};
  const int right = card.photo ? window.x - 20 : kW - 36;
  Canvas c;
  background(c, Colour{0.95, 0.95, 0.92}, Colour{0.86, 0.86, 0.80});
  c.fill_rect(0, 0, kW, 96, Colour{0.20, 0.35, 0.60});
  TextStyle title;
  title.max_px = 40;
  title.min_px = 16;
  title.bold = true;
  title.wrap = false;
  title.ink_overhang = 4;
  if (!c.text("title", card.title, hal::Rect{36, 14, right - 36, 72}, title, Colour{1, 1, 1}))
    return Error{Errc::text_does_not_fit, "title", "the title does not fit its band"};
  TextStyle line;
  line.max_px = 28;
  line.min_px = 12;
  line.wrap = false;
  line.ink_overhang = 4;  // free text: a line may start with Y or J
  int y = 120;
  for (const auto& text : card.lines) {
    if (y + 44 > kH - 20) break;  // as many lines as the side holds
    if (!c.text("line", text, hal::Rect{36, y, right - 36, 44}, line, kBlack))
      return Error{Errc::text_does_not_fit, "line", "a line does not fit the card's width"};
    y += 52;
  }
  if (card.photo) c.photo(*card.photo, window);
  hal::CardJob job;
  job.job_id = card.job_id;
  job.front = c.finish();
  return job;
}

}  // namespace kiosk::card_layout
