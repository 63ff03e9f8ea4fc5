// Licence layout. Decoration (background, labels, titles) is colour; data is resin black.
#include "firmware/card_layout/licence_layout.hpp"

#include <cmath>

#include "firmware/card_layout/decor.hpp"
#include "protocol/enum_names.hpp"

namespace kiosk::card_layout {
namespace {

constexpr int kW = hal::kCardWidthDots;

// "中文 English" label in label colour at (x, y); returns the x where the value may start.
double label(Canvas& c, const std::string& zh, const std::string& en, double x, double y) {
  c.label(zh, x, y, kSans, 22, true, kLabel);
  const double en_x = x + c.text_width(zh, kSans, 22, true) + 5;
  c.label(en, en_x, y + 8, kSans, 13, false, kLabel);
  return en_x + c.text_width(en, kSans, 13, false) + 12;
}

hal::Rect box(double x, double y, double right, double height) {
  return hal::Rect{static_cast<int>(x), static_cast<int>(y), static_cast<int>(right - x),
                   static_cast<int>(height)};
}

// Interleaved 2 of 5 of the digits (padded to even), in resin black.
void barcode(Canvas& c, const std::string& digits, double x, double y, double h) {
  static const char* kPatterns[10] = {"nnwwn", "wnnnw", "nwnnw", "wwnnn", "nnwnw",
                                      "wnwnn", "nwwnn", "nnnww", "wnnwn", "nwnwn"};
  double pos = x;
  auto bar = [&](double w, bool dark) {
    if (dark) c.fill_rect(pos, y, w, h, kBlack);
    pos += w;
  };
  for (int i = 0; i < 2; ++i) {
    bar(3, true);
    bar(3, false);
  }
  std::string d;
  for (char ch : digits)
    if (ch >= '0' && ch <= '9') d.push_back(ch);
  if (d.size() % 2 != 0) d.insert(d.begin(), '0');
  for (std::size_t i = 0; i + 1 < d.size(); i += 2) {
    const char* bars = kPatterns[d[i] - '0'];
    const char* spaces = kPatterns[d[i + 1] - '0'];
    for (int k = 0; k < 5; ++k) {
      bar(bars[k] == 'w' ? 8 : 3, true);
      bar(spaces[k] == 'w' ? 8 : 3, false);
    }
  }
  bar(8, true);
  bar(3, false);
  bar(3, true);
  c.black(hal::Rect{static_cast<int>(x), static_cast<int>(y), static_cast<int>(pos - x) + 1,
                    static_cast<int>(h) + 1});
}

// The authority's seal: a ring with a star, or on a specimen the words 测试样卡 ("test card").
void seal(Canvas& c, double cx, double cy, bool specimen) {
  cairo_t* cr = c.cr();
  cairo_set_source_rgba(cr, kRed.r, kRed.g, kRed.b, 0.8);
  cairo_set_line_width(cr, 4);
  cairo_new_path(cr);
  cairo_arc(cr, cx, cy, 52, 0, 2 * M_PI);
  cairo_stroke(cr);
  if (specimen) {
    const std::string text = "测试样卡";
    c.label(text, cx - c.text_width(text, kSerif, 18, true) / 2.0, cy - 13, kSerif, 18, true, kRed);
    return;
  }
  // A five-pointed star in the middle.
  cairo_new_path(cr);
  for (int k = 0; k < 10; ++k) {
    const double r = (k % 2 == 0) ? 20 : 8;
    const double a = -M_PI / 2 + k * M_PI / 5;
    cairo_line_to(cr, cx + r * std::cos(a), cy + r * std::sin(a));
  }
  cairo_close_path(cr);
  cairo_fill(cr);
}

// A data field in resin black. Single-line fields shrink; multi-line fields wrap then shrink.
struct FieldSpec {
  const char* field;
  double max_px;
  double min_px;
  bool wrap;
};

std::optional<Error> put(Canvas& c, const FieldSpec& spec, const std::string& text, hal::Rect b) {
  TextStyle style;
  style.max_px = spec.max_px;
  style.min_px = spec.min_px;
  style.wrap = spec.wrap;
  if (!c.text(spec.field, text, b, style, kBlack))
    return Error{Errc::text_does_not_fit, spec.field,
                 std::string("field does not fit its box at the minimum size: ") + spec.field};
  return std::nullopt;
}

std::string validity(const LicenceData& d) {
  return d.valid_from + " 至 " + (d.valid_until ? *d.valid_until : std::string("长期"));
}

}  // namespace

constexpr auto kErrcNames = KIOSK_ENUM_NAMES(Errc, invalid_data, text_does_not_fit);

const char* to_string(Errc code) {
  return protocol::name_of(kErrcNames, code).data();
}

namespace {

constexpr const char* kSpecimenMark = "样本 SPECIMEN";

Result<RenderedLicence> render(const LicenceData& d, const hal::RgbImage& photo, std::string job_id,
                               bool specimen) {
  const std::pair<const char*, const std::string*> required[] = {
      {"holder_name", &d.holder_name},
      {"sex", &d.sex},
      {"nationality", &d.nationality},
      {"address", &d.address},
      {"birth_date", &d.birth_date},
      {"licence_number", &d.licence_number},
      {"first_issue_date", &d.first_issue_date},
      {"vehicle_classes", &d.vehicle_classes},
      {"valid_from", &d.valid_from},
      {"issuing_authority", &d.issuing_authority},
      {"file_number", &d.file_number}};
  for (const auto& [name, value] : required)
    if (value->empty()) return Error{Errc::invalid_data, name, std::string("empty field: ") + name};
  if (photo.empty() ||
      photo.pixels.size() != static_cast<std::size_t>(photo.width) * photo.height * 3)
    return Error{Errc::invalid_data, "photo", "photo missing or malformed"};

  RenderedLicence out;
  out.job.job_id = std::move(job_id);
  // ---- front
  {
    Canvas c;
    background(c, Colour{0.93, 0.96, 0.95}, Colour{0.80, 0.89, 0.87});
    c.fill_rect(0, 0, kW, 112, Colour{0.84, 0.91, 0.95});
    c.fill_rect(0, 112, kW, 4, kNavy);
    const std::string title = "中华人民共和国机动车驾驶证";
    c.label(title, (kW - c.text_width(title, kSerif, 46, true)) / 2.0, 10, kSerif, 46, true, kNavy);
    const std::string sub = "Driving Licence of the People's Republic of China";
    c.label(sub, (kW - c.text_width(sub, kSans, 19, false)) / 2.0, 76, kSans, 19, false, kNavy);

    const double lx = 32;
    const double right = 696;  // data stays left of the photo window
    std::optional<Error> err;
    auto field = [&](const FieldSpec& s, const std::string& v, hal::Rect b) {
      if (!err) err = put(c, s, v, b);
    };
    double vx = label(c, "证号", "No.", lx, 132);
    field({"licence_number", 30, 16, false}, d.licence_number, box(vx, 124, right, 46));

    const double row1 = 184;
    vx = label(c, "姓名", "Name", lx, row1);
    field({"holder_name", 26, 12, true}, d.holder_name, box(vx, row1 - 6, 300, 48));
    vx = label(c, "性别", "Sex", 310, row1);
    field({"sex", 26, 12, false}, d.sex, box(vx, row1 - 6, 448, 40));
    vx = label(c, "国籍", "Nationality", 458, row1);
    field({"nationality", 24, 12, true}, d.nationality, box(vx, row1 - 6, right, 48));

    const double row2 = 236;
    vx = label(c, "住址", "Address", lx, row2);
    field({"address", 24, 12, true}, d.address, box(vx, row2 - 6, right, 92));

    const double rows[] = {338, 386, 434, 482};
    vx = label(c, "出生日期", "Date of Birth", lx, rows[0]);
    field({"birth_date", 26, 14, false}, d.birth_date, box(vx, rows[0] - 6, right, 42));
    vx = label(c, "初次领证日期", "Date of First Issue", lx, rows[1]);
    field({"first_issue_date", 26, 14, false}, d.first_issue_date, box(vx, rows[1] - 6, right, 42));
    vx = label(c, "准驾车型", "Class", lx, rows[2]);
    field({"vehicle_classes", 30, 14, false}, d.vehicle_classes, box(vx, rows[2] - 8, right, 44));
    vx = label(c, "有效期限", "Valid Period", lx, rows[3]);
    field({"validity", 26, 14, false}, validity(d), box(vx, rows[3] - 6, right, 42));

    c.label("发证机关 Issuing Authority", lx, 540, kSans, 16, false, kLabel);
    field({"issuing_authority", 22, 12, true}, d.issuing_authority, box(lx, 566, 560, 64));
    seal(c, 620, 570, specimen);

    c.fill_rect(kPhotoWindow.x - 3, kPhotoWindow.y - 3, kPhotoWindow.width + 6,
                kPhotoWindow.height + 6, Colour{0.55, 0.65, 0.72});
    c.fill_rect(kPhotoWindow.x, kPhotoWindow.y, kPhotoWindow.width, kPhotoWindow.height,
                Colour{1, 1, 1});
    c.photo(photo, kPhotoWindow);
    if (specimen) watermark(c, kSpecimenMark);
    if (err) return *err;
    out.front_placements = c.placements();
    out.job.front = c.finish();
  }
  // ---- back
  {
    Canvas c;
    background(c, Colour{0.94, 0.95, 0.97}, Colour{0.83, 0.86, 0.92});
    c.fill_rect(0, 0, kW, 88, Colour{0.84, 0.91, 0.95});
    c.fill_rect(0, 88, kW, 3, kNavy);
    const std::string title = "中华人民共和国机动车驾驶证副页";
    c.label(title, (kW - c.text_width(title, kSerif, 36, true)) / 2.0, 8, kSerif, 36, true, kNavy);
    const std::string sub = "Duplicate of Driving Licence";
    c.label(sub, (kW - c.text_width(sub, kSans, 16, false)) / 2.0, 58, kSans, 16, false, kNavy);

    std::optional<Error> err;
    auto field = [&](const FieldSpec& s, const std::string& v, hal::Rect b) {
      if (!err) err = put(c, s, v, b);
    };
    double vx = label(c, "档案编号", "File No.", 32, 110);
    field({"file_number", 28, 14, false}, d.file_number, box(vx, 102, 560, 44));
    vx = label(c, "姓名", "Name", 580, 110);
    field({"holder_name", 26, 12, true}, d.holder_name, box(vx, 102, kW - 32, 48));
    vx = label(c, "证号", "No.", 32, 160);
    field({"licence_number", 26, 14, false}, d.licence_number, box(vx, 152, kW - 32, 42));

    const double bx = 32, by = 206, bw = kW - 64, bh = 256;
    cairo_t* cr = c.cr();
    c.fill_rect(bx, by, bw, bh, Colour{1, 1, 1});
    cairo_set_source_rgb(cr, kLabel.r, kLabel.g, kLabel.b);
    cairo_set_line_width(cr, 2);
    cairo_new_path(cr);
    cairo_rectangle(cr, bx, by, bw, bh);
    cairo_stroke(cr);
    cairo_set_line_width(cr, 1);
    for (int i = 1; i < 5; ++i) {
      cairo_move_to(cr, bx, by + 40 + i * 43);
      cairo_line_to(cr, bx + bw, by + 40 + i * 43);
    }
    cairo_stroke(cr);
    label(c, "记录", "Record", bx + 12, by + 8);
    for (std::size_t i = 0; i < std::min<std::size_t>(d.records.size(), 5); ++i) {
      const double y = by + 44 + static_cast<double>(i) * 43;
      field({"record", 22, 12, true}, d.records[i], box(bx + 14, y, bx + bw - 14, 41));
    }
    barcode(c, d.file_number, 32, 486, 84);
    if (specimen) watermark(c, kSpecimenMark);
    if (err) return *err;
    out.back_placements = c.placements();
    out.job.back = c.finish();
  }
  return out;
}

}  // namespace

Result<RenderedLicence> render_licence(const LicenceData& data, const hal::RgbImage& photo,
                                       std::string job_id) {
  return render(data, photo, std::move(job_id), false);
}

Result<RenderedLicence> render_specimen_licence(const LicenceData& data, const hal::RgbImage& photo,
                                                std::string job_id) {
  return render(data, photo, std::move(job_id), true);
}

}  // namespace kiosk::card_layout
