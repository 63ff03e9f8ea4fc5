// Test-card rendering with cairo + pango. Pure black is used only for what should print with
// resin (values, ID numbers, barcode); everything decorative is colour.
#include "drivers/card_printer/test_card.hpp"

#include <cairo.h>
#include <pango/pangocairo.h>

#include <algorithm>
#include <cmath>
#include <cstring>

namespace kiosk::drivers::card_printer {
namespace {

constexpr int kW = hal::kCardWidthDots;
constexpr int kH = hal::kCardHeightDots;
constexpr const char* kSans = "Noto Sans CJK SC";
constexpr const char* kSerif = "Noto Serif CJK SC";

struct Colour {
  double r, g, b;
};
constexpr Colour kBlack{0, 0, 0};
constexpr Colour kNavy{0.10, 0.20, 0.42};
constexpr Colour kLabel{0.22, 0.30, 0.40};
constexpr Colour kRed{0.80, 0.12, 0.12};

struct Style {
  const char* family = kSans;
  double px = 24;
  bool bold = false;
  Colour colour = kBlack;
};

// One card side being drawn: a cairo surface plus the resin regions and overlay cutouts.
class Canvas {
 public:
  Canvas()
      : surface_(cairo_image_surface_create(CAIRO_FORMAT_RGB24, kW, kH)),
        cr_(cairo_create(surface_)) {
    cairo_set_source_rgb(cr_, 1, 1, 1);
    cairo_paint(cr_);
  }
  ~Canvas() {
    cairo_destroy(cr_);
    cairo_surface_destroy(surface_);
  }
  Canvas(const Canvas&) = delete;
  Canvas& operator=(const Canvas&) = delete;

  cairo_t* cr() { return cr_; }

  // Draws `text` with its top-left at (x, y). With wrap_width > 0 the text wraps; with
  // max_height > 0 the font shrinks until the wrapped text fits (never clipped). Returns the
  // height used. Black text is recorded as a resin region.
  int text(const std::string& text, double x, double y, Style style, int wrap_width = -1,
           int max_height = -1) {
    PangoLayout* layout = pango_cairo_create_layout(cr_);
    pango_layout_set_text(layout, text.c_str(), -1);
    if (wrap_width > 0) {
      pango_layout_set_width(layout, wrap_width * PANGO_SCALE);
      pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR);
    }
    PangoRectangle ink{};
    PangoRectangle logical{};
    for (;;) {
      PangoFontDescription* desc = pango_font_description_new();
      pango_font_description_set_family(desc, style.family);
      pango_font_description_set_weight(desc, style.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
      pango_font_description_set_absolute_size(desc, style.px * PANGO_SCALE);
      pango_layout_set_font_description(layout, desc);
      pango_font_description_free(desc);
      pango_layout_get_pixel_extents(layout, &ink, &logical);
      if (max_height <= 0 || logical.height <= max_height || style.px <= 8) break;
      style.px -= 1;
    }
    cairo_set_source_rgb(cr_, style.colour.r, style.colour.g, style.colour.b);
    cairo_move_to(cr_, x, y);
    pango_cairo_show_layout(cr_, layout);
    g_object_unref(layout);
    if (style.colour.r == 0 && style.colour.g == 0 && style.colour.b == 0) {
      black(hal::Rect{static_cast<int>(x) + ink.x - 2, static_cast<int>(y) + ink.y - 2,
                      ink.width + 4, ink.height + 4});
    }
    return logical.height;
  }

  // Width in pixels of one line of text.
  int text_width(const std::string& text, const Style& style) {
    PangoLayout* layout = pango_cairo_create_layout(cr_);
    pango_layout_set_text(layout, text.c_str(), -1);
    PangoFontDescription* desc = pango_font_description_new();
    pango_font_description_set_family(desc, style.family);
    pango_font_description_set_weight(desc, style.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
    pango_font_description_set_absolute_size(desc, style.px * PANGO_SCALE);
    pango_layout_set_font_description(layout, desc);
    pango_font_description_free(desc);
    PangoRectangle ink{};
    PangoRectangle logical{};
    pango_layout_get_pixel_extents(layout, &ink, &logical);
    g_object_unref(layout);
    return logical.width;
  }

  void black(hal::Rect r) { side_.black_regions.push_back(r); }
  void cutout(hal::Rect r) { side_.overlay_cutouts.push_back(r); }

  void fill_rect(double x, double y, double w, double h, Colour c) {
    cairo_set_source_rgb(cr_, c.r, c.g, c.b);
    cairo_rectangle(cr_, x, y, w, h);
    cairo_fill(cr_);
  }

  // Scales `photo` to cover the window (centre crop) and lists the window as an overlay cutout.
  void photo(const hal::RgbImage& photo, hal::Rect window) {
    if (photo.empty()) return;
    cairo_surface_t* src =
        cairo_image_surface_create(CAIRO_FORMAT_RGB24, photo.width, photo.height);
    cairo_surface_flush(src);
    unsigned char* data = cairo_image_surface_get_data(src);
    const int stride = cairo_image_surface_get_stride(src);
    for (int y = 0; y < photo.height; ++y) {
      for (int x = 0; x < photo.width; ++x) {
        const auto o = photo.offset(x, y);
        const std::uint32_t v = (std::uint32_t{photo.pixels[o]} << 16) |
                                (std::uint32_t{photo.pixels[o + 1]} << 8) | photo.pixels[o + 2];
        std::memcpy(data + static_cast<std::ptrdiff_t>(y) * stride + x * 4, &v, 4);
      }
    }
    cairo_surface_mark_dirty(src);
    const double scale = std::max(static_cast<double>(window.width) / photo.width,
                                  static_cast<double>(window.height) / photo.height);
    cairo_save(cr_);
    cairo_rectangle(cr_, window.x, window.y, window.width, window.height);
    cairo_clip(cr_);
    cairo_translate(cr_, window.x + (window.width - photo.width * scale) / 2,
                    window.y + (window.height - photo.height * scale) / 2);
    cairo_scale(cr_, scale, scale);
    cairo_set_source_surface(cr_, src, 0, 0);
    cairo_pattern_set_filter(cairo_get_source(cr_), CAIRO_FILTER_GOOD);
    cairo_paint(cr_);
    cairo_restore(cr_);
    cairo_surface_destroy(src);
    cutout(window);
  }

  hal::CardSide finish() {
    cairo_surface_flush(surface_);
    const unsigned char* data = cairo_image_surface_get_data(surface_);
    const int stride = cairo_image_surface_get_stride(surface_);
    side_.image = hal::RgbImage(kW, kH);
    for (int y = 0; y < kH; ++y) {
      for (int x = 0; x < kW; ++x) {
        std::uint32_t v;
        std::memcpy(&v, data + static_cast<std::ptrdiff_t>(y) * stride + x * 4, 4);
        const auto o = side_.image.offset(x, y);
        side_.image.pixels[o] = static_cast<std::uint8_t>(v >> 16);
        side_.image.pixels[o + 1] = static_cast<std::uint8_t>(v >> 8);
        side_.image.pixels[o + 2] = static_cast<std::uint8_t>(v);
      }
    }
    return std::move(side_);
  }

 private:
  cairo_surface_t* surface_;
  cairo_t* cr_;
  hal::CardSide side_;
};

// Security-print look: a soft background with fine guilloche waves.
void background(Canvas& c, Colour base, Colour line) {
  cairo_t* cr = c.cr();
  cairo_pattern_t* grad = cairo_pattern_create_linear(0, 0, kW, kH);
  cairo_pattern_add_color_stop_rgb(grad, 0, base.r, base.g, base.b);
  cairo_pattern_add_color_stop_rgb(grad, 1, std::min(1.0, base.r + 0.05), base.g,
                                   std::min(1.0, base.b + 0.04));
  cairo_set_source(cr, grad);
  cairo_paint(cr);
  cairo_pattern_destroy(grad);
  cairo_set_source_rgb(cr, line.r, line.g, line.b);
  cairo_set_line_width(cr, 1.0);
  for (int k = 0; k < 26; ++k) {
    const double base_y = 20.0 + k * 24.0;
    for (int x = 0; x <= kW; x += 4) {
      const double y = base_y + 9.0 * std::sin(x * 0.018 + k * 0.7) + 5.0 * std::sin(x * 0.051 + k);
      if (x == 0)
        cairo_move_to(cr, x, y);
      else
        cairo_line_to(cr, x, y);
    }
    cairo_stroke(cr);
  }
  // A rosette at the lower right.
  cairo_set_source_rgba(cr, line.r * 0.9, line.g * 0.9, line.b * 0.95, 0.8);
  cairo_new_path(cr);
  for (int k = 0; k < 36; ++k) {
    const double a = k * M_PI / 18;
    cairo_arc(cr, 880 + 34 * std::cos(a), 585 + 34 * std::sin(a), 48, 0, 2 * M_PI);
    cairo_stroke(cr);
  }
}

void watermark(Canvas& c, const std::string& text) {
  cairo_t* cr = c.cr();
  cairo_save(cr);
  cairo_translate(cr, 260, 560);
  cairo_rotate(cr, -0.35);
  PangoLayout* layout = pango_cairo_create_layout(cr);
  pango_layout_set_text(layout, text.c_str(), -1);
  PangoFontDescription* desc = pango_font_description_from_string("Noto Sans CJK SC Bold");
  pango_font_description_set_absolute_size(desc, 64 * PANGO_SCALE);
  pango_layout_set_font_description(layout, desc);
  pango_font_description_free(desc);
  cairo_set_source_rgba(cr, 0.85, 0.2, 0.2, 0.13);
  cairo_move_to(cr, 0, 0);
  pango_cairo_show_layout(cr, layout);
  g_object_unref(layout);
  cairo_restore(cr);
}

// Label "中文 English" in label colour, returns the x where the value starts.
double label(Canvas& c, const std::string& zh, const std::string& en, double x, double y) {
  Style zh_style{kSans, 22, true, kLabel};
  Style en_style{kSans, 14, false, kLabel};
  c.text(zh, x, y, zh_style);
  const double en_x = x + c.text_width(zh, zh_style) + 6;
  c.text(en, en_x, y + 7, en_style);
  return en_x + c.text_width(en, en_style) + 14;
}

// A value in resin black; it shrinks to stay on one line left of `right`.
void value(Canvas& c, const std::string& v, double x, double y, double px = 26,
           double right = 700) {
  c.text(v, x, y - 2, Style{kSans, px, false, kBlack}, static_cast<int>(right - x),
         static_cast<int>(px * 1.6));
}

void seal(Canvas& c, double cx, double cy, const std::string& text) {
  cairo_t* cr = c.cr();
  cairo_set_source_rgba(cr, kRed.r, kRed.g, kRed.b, 0.85);
  cairo_set_line_width(cr, 5);
  cairo_new_path(cr);  // pango leaves a current point: do not draw a line from it
  cairo_arc(cr, cx, cy, 62, 0, 2 * M_PI);
  cairo_stroke(cr);
  cairo_set_line_width(cr, 1.5);
  cairo_arc(cr, cx, cy, 54, 0, 2 * M_PI);
  cairo_stroke(cr);
  Style s{kSerif, 20, true, kRed};
  const int w = c.text_width(text, s);
  c.text(text, cx - w / 2.0, cy - 14, s);
}

// Interleaved 2 of 5 for an even number of digits, drawn in pure black (resin).
void barcode(Canvas& c, const std::string& digits, double x, double y, double h) {
  static const char* kPatterns[10] = {"nnwwn", "wnnnw", "nwnnw", "wwnnn", "nnwnw",
                                      "wnwnn", "nwwnn", "nnnww", "wnnwn", "nwnwn"};
  const double narrow = 3;
  const double wide = 8;
  double pos = x;
  auto bar = [&](double w, bool dark) {
    if (dark) c.fill_rect(pos, y, w, h, kBlack);
    pos += w;
  };
  bar(narrow, true);
  bar(narrow, false);
  bar(narrow, true);
  bar(narrow, false);
  std::string d;
  for (char ch : digits) {
    if (ch >= '0' && ch <= '9') d.push_back(ch);
  }
  if (d.size() % 2 != 0) d.insert(d.begin(), '0');
  for (std::size_t i = 0; i + 1 < d.size(); i += 2) {
    const char* bars = kPatterns[d[i] - '0'];
    const char* spaces = kPatterns[d[i + 1] - '0'];
    for (int k = 0; k < 5; ++k) {
      bar(bars[k] == 'w' ? wide : narrow, true);
      bar(spaces[k] == 'w' ? wide : narrow, false);
    }
  }
  bar(wide, true);
  bar(narrow, false);
  bar(narrow, true);
  c.black(hal::Rect{static_cast<int>(x) - 2, static_cast<int>(y) - 2, static_cast<int>(pos - x) + 4,
                    static_cast<int>(h) + 4});
}

hal::CardSide licence_front(const TestCardContent& content) {
  const auto& f = content.licence;
  Canvas c;
  background(c, Colour{0.92, 0.96, 0.95}, Colour{0.78, 0.88, 0.86});
  // Title band.
  c.fill_rect(0, 0, kW, 118, Colour{0.84, 0.91, 0.95});
  c.fill_rect(0, 118, kW, 4, kNavy);
  const std::string title = "中华人民共和国机动车驾驶证";
  Style ts{kSerif, 46, true, kNavy};
  c.text(title, (kW - c.text_width(title, ts)) / 2.0, 14, ts);
  const std::string sub = "Driving Licence of the People's Republic of China";
  Style ss{kSans, 20, false, kNavy};
  c.text(sub, (kW - c.text_width(sub, ss)) / 2.0, 80, ss);

  const double lx = 36;
  double vx = label(c, "证号", "No.", lx, 140);
  value(c, f.licence_number, vx, 138, 30);

  const double row1 = 196;
  vx = label(c, "姓名", "Name", lx, row1);
  value(c, f.name, vx, row1, 26, 280);
  vx = label(c, "性别", "Sex", 290, row1);
  value(c, f.sex, vx, row1, 26, 440);
  vx = label(c, "国籍", "Nationality", 452, row1);
  value(c, f.nationality, vx, row1, 22);

  const double row2 = 246;
  vx = label(c, "住址", "Address", lx, row2);
  // Two lines at most inside the space left of the photo; shrink rather than clip.
  c.text(f.address, vx, row2 - 2, Style{kSans, 24, false, kBlack}, static_cast<int>(690 - vx), 74);

  const double rows[] = {336, 386, 436, 486};
  vx = label(c, "出生日期", "Date of Birth", lx, rows[0]);
  value(c, f.birth_date, vx, rows[0]);
  vx = label(c, "初次领证日期", "Date of First Issue", lx, rows[1]);
  value(c, f.first_issue_date, vx, rows[1]);
  vx = label(c, "准驾车型", "Class", lx, rows[2]);
  value(c, f.vehicle_class, vx, rows[2], 30);
  vx = label(c, "有效期限", "Valid Period", lx, rows[3]);
  value(c, f.valid_from + " 至 " + f.valid_until, vx, rows[3]);

  // Issuing authority and a specimen seal.
  c.text(f.issuing_authority, lx, 560, Style{kSans, 18, false, kLabel}, 470, 48);
  seal(c, 600, 555, "测试样卡");
  watermark(c, "样本 SPECIMEN");

  // Photo window with a thin frame.
  const hal::Rect window{716, 146, 260, 340};
  c.fill_rect(window.x - 3, window.y - 3, window.width + 6, window.height + 6,
              Colour{0.55, 0.65, 0.72});
  c.fill_rect(window.x, window.y, window.width, window.height, Colour{1, 1, 1});
  if (content.photo)
    c.photo(*content.photo, window);
  else
    c.cutout(window);
  return c.finish();
}

hal::CardSide licence_back(const TestCardContent& content) {
  const auto& f = content.licence;
  Canvas c;
  background(c, Colour{0.93, 0.95, 0.97}, Colour{0.82, 0.86, 0.92});
  c.fill_rect(0, 0, kW, 90, Colour{0.84, 0.91, 0.95});
  c.fill_rect(0, 90, kW, 3, kNavy);
  const std::string title = "中华人民共和国机动车驾驶证副页";
  Style ts{kSerif, 36, true, kNavy};
  c.text(title, (kW - c.text_width(title, ts)) / 2.0, 14, ts);
  const std::string sub = "Duplicate of Driving Licence";
  Style ss{kSans, 16, false, kNavy};
  c.text(sub, (kW - c.text_width(sub, ss)) / 2.0, 62, ss);

  double vx = label(c, "档案编号", "File No.", 36, 112);
  value(c, f.file_number, vx, 110, 30, 580);
  vx = label(c, "姓名", "Name", 600, 112);
  value(c, f.name, vx, 112, 26, kW - 36);
  vx = label(c, "证号", "No.", 36, 160);
  value(c, f.licence_number, vx, 158, 26, kW - 36);

  // Record area: a ruled box with the caller's records (or a placeholder).
  const double bx = 36;
  const double by = 210;
  const double bw = kW - 72;
  const double bh = 250;
  cairo_t* cr = c.cr();
  cairo_set_source_rgb(cr, 1, 1, 1);
  cairo_rectangle(cr, bx, by, bw, bh);
  cairo_fill(cr);
  cairo_set_source_rgb(cr, kLabel.r, kLabel.g, kLabel.b);
  cairo_set_line_width(cr, 2);
  cairo_rectangle(cr, bx, by, bw, bh);
  cairo_stroke(cr);
  cairo_set_line_width(cr, 1);
  for (int i = 1; i < 5; ++i) {
    cairo_move_to(cr, bx, by + 40 + i * 42);
    cairo_line_to(cr, bx + bw, by + 40 + i * 42);
  }
  cairo_stroke(cr);
  label(c, "记录", "Record", bx + 12, by + 8);
  const auto& records = content.lines;
  for (std::size_t i = 0; i < std::min<std::size_t>(records.size(), 5); ++i) {
    c.text(records[i], bx + 16, by + 46 + static_cast<double>(i) * 42,
           Style{kSans, 22, false, kBlack}, static_cast<int>(bw - 32), 40);
  }
  if (records.empty())
    c.text("（无记录 No record）", bx + 16, by + 46, Style{kSans, 22, false, kLabel});

  barcode(c, f.file_number, 36, 490, 80);
  c.text(f.file_number, 36, 574, Style{kSans, 20, false, kBlack});
  watermark(c, "样本 SPECIMEN");
  return c.finish();
}

hal::CardSide generic_front(const TestCardContent& content) {
  Canvas c;
  background(c, Colour{0.95, 0.95, 0.92}, Colour{0.86, 0.86, 0.80});
  c.fill_rect(0, 0, kW, 96, Colour{0.20, 0.35, 0.60});
  Style ts{kSans, 40, true, Colour{1, 1, 1}};
  c.text(content.title, 36, 18, ts, content.photo ? 640 : kW - 72, 72);
  const int text_width = content.photo ? 620 : kW - 72;
  double y = 120;
  for (const auto& line : content.lines) {
    if (y > kH - 50) break;
    y += c.text(line, 36, y, Style{kSans, 28, false, kBlack}, text_width, 120) + 8;
  }
  if (content.photo) {
    const hal::Rect window{716, 126, 260, 340};
    c.photo(*content.photo, window);
  }
  return c.finish();
}

}  // namespace

char id_check_char(std::string_view first17) {
  static const int kWeights[17] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  static const char kChecks[] = "10X98765432";
  if (first17.size() != 17) return 0;
  int sum = 0;
  for (int i = 0; i < 17; ++i) {
    const char ch = first17[static_cast<std::size_t>(i)];
    if (ch < '0' || ch > '9') return 0;
    sum += (ch - '0') * kWeights[i];
  }
  return kChecks[sum % 11];
}

hal::RgbImage make_sample_photo(int width, int height) {
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
  cairo_surface_flush(s);
  hal::RgbImage img(width, height);
  const unsigned char* data = cairo_image_surface_get_data(s);
  const int stride = cairo_image_surface_get_stride(s);
  for (int y = 0; y < height; ++y) {
    for (int x = 0; x < width; ++x) {
      std::uint32_t v;
      std::memcpy(&v, data + static_cast<std::ptrdiff_t>(y) * stride + x * 4, 4);
      const auto o = img.offset(x, y);
      img.pixels[o] = static_cast<std::uint8_t>(v >> 16);
      img.pixels[o + 1] = static_cast<std::uint8_t>(v >> 8);
      img.pixels[o + 2] = static_cast<std::uint8_t>(v);
    }
  }
  cairo_surface_destroy(s);
  return img;
}

hal::CardJob make_test_card_job(const TestCardContent& content) {
  hal::CardJob job;
  job.job_id = content.job_id;
  if (content.sample_licence) {
    job.front = licence_front(content);
    job.back = licence_back(content);
  } else {
    job.front = generic_front(content);
  }
  return job;
}

hal::CardJob make_sample_licence_job() {
  TestCardContent c;
  c.sample_licence = true;
  c.title = "Sample driving licence";
  c.job_id = "sample-licence";
  auto& f = c.licence;
  const std::string id17 = "11010519491231002";
  f.licence_number = id17 + id_check_char(id17);
  f.name = "测试样例";
  f.sex = "女 F";
  f.nationality = "中国 CHN";
  f.address = "北京市朝阳区测试大道样例街道八十八号院三号楼二单元一五零一室（样例地址，仅供测试）";
  f.birth_date = "1949-12-31";
  f.first_issue_date = "2010-06-01";
  f.vehicle_class = "C1";
  f.valid_from = "2024-06-01";
  f.valid_until = "2034-06-01";
  f.file_number = "110100012345";
  f.issuing_authority = "样例市公安局交通管理局（测试）";
  c.lines = {"2024-06-01 换证 Renewal（样例记录 sample record）",
             "2025-03-15 审验合格 Inspection passed（样例 sample）"};
  c.photo = make_sample_photo();
  return make_test_card_job(c);
}

}  // namespace kiosk::drivers::card_printer
