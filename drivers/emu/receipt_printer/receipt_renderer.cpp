#include "drivers/emu/receipt_printer/receipt_renderer.hpp"

#include <cairo.h>
#include <pango/pangocairo.h>
#include <qrencode.h>

#include <algorithm>
#include <memory>
#include <optional>
#include <string>
#include <variant>

namespace kiosk::drivers::emu {
namespace {

namespace op = drivers::receipt_printer::op;
using drivers::receipt_printer::Operation;

constexpr int kTopMarginDots = 24;
constexpr int kBottomMarginDots = 8;
constexpr int kFontPixels = 24;        // Font A: 12 x 24 dots, CJK 24 x 24
constexpr int kDefaultLinePitch = 30;  // ESC 2: 1/6 inch
constexpr const char* kFontFamily = "Noto Sans Mono CJK SC";
// Thermal paper is not white and the print is not pure black.
constexpr std::uint8_t kPaper[3] = {250, 249, 244};
constexpr std::uint8_t kInk[3] = {34, 34, 40};
constexpr std::uint8_t kCutMark[3] = {150, 150, 150};

struct Run {
  std::string utf8;
  bool bold = false;
  bool underline = false;
};
struct Line {
  std::vector<Run> runs;
  hal::Align align = hal::Align::left;
  int width_scale = 1;
  int height_scale = 1;
};
struct Qr {
  std::string data;
  int module = 3;
  char level = 'L';
  hal::Align align = hal::Align::left;
};
struct Space {
  int dots = 0;
};
struct CutMark {
  bool partial = false;
};
struct Image {
  int width_bytes = 0;
  int height = 0;
  hal::Align align = hal::Align::left;
  std::vector<std::uint8_t> bits;
};
using Block = std::variant<Line, Qr, Space, CutMark, Image>;

// Turns operations into printed blocks, as the printer's line buffer would.
class Layouter {
 public:
  void add(const Operation& o) {
    if (const auto* t = std::get_if<op::Text>(&o)) {
      if (!pending_) {
        pending_ = Line{{}, t->align, t->width_scale, t->height_scale};
      }
      pending_->runs.push_back(Run{t->utf8, t->bold, t->underline});
      pending_->width_scale = std::max(pending_->width_scale, t->width_scale);
      pending_->height_scale = std::max(pending_->height_scale, t->height_scale);
    } else if (std::holds_alternative<op::LineFeed>(o)) {
      flush(true);
    } else if (const auto* f = std::get_if<op::Feed>(&o)) {
      flush(false);
      if (f->lines > 0) {
        blocks_.emplace_back(Space{f->lines * kDefaultLinePitch});
      }
    } else if (const auto* s = std::get_if<op::QrStore>(&o)) {
      stored_qr_ = s->data;
    } else if (const auto* p = std::get_if<op::QrPrint>(&o)) {
      flush(false);
      if (stored_qr_) {
        blocks_.emplace_back(Qr{*stored_qr_, p->module_size, p->level, p->align});
      }
    } else if (const auto* c = std::get_if<op::Cut>(&o)) {
      flush(false);
      blocks_.emplace_back(Space{c->feed_dots});
      blocks_.emplace_back(CutMark{c->partial});
    } else if (const auto* r = std::get_if<op::Raster>(&o)) {
      flush(false);
      blocks_.emplace_back(Image{r->width_bytes, r->height, r->align, r->bits});
    } else if (std::holds_alternative<op::Initialise>(o)) {
      stored_qr_.reset();
    }
  }
  std::vector<Block> finish() {
    flush(false);
    return std::move(blocks_);
  }

 private:
  // A line feed with nothing buffered prints an empty line; other commands only print what
  // is buffered.
  void flush(bool line_feed) {
    if (pending_) {
      blocks_.emplace_back(std::move(*pending_));
      pending_.reset();
    } else if (line_feed) {
      blocks_.emplace_back(Space{kDefaultLinePitch});
    }
  }

  std::vector<Block> blocks_;
  std::optional<Line> pending_;
  std::optional<std::string> stored_qr_;
};

struct CairoDeleter {
  void operator()(cairo_t* cr) const { cairo_destroy(cr); }
  void operator()(cairo_surface_t* s) const { cairo_surface_destroy(s); }
};
struct GObjectDeleter {
  void operator()(void* p) const { g_object_unref(p); }
};
struct QrDeleter {
  void operator()(QRcode* q) const { QRcode_free(q); }
};
using LayoutPtr = std::unique_ptr<PangoLayout, GObjectDeleter>;

QRecLevel qr_level(char level) {
  switch (level) {
    case 'M':
      return QR_ECLEVEL_M;
    case 'Q':
      return QR_ECLEVEL_Q;
    case 'H':
      return QR_ECLEVEL_H;
    default:
      return QR_ECLEVEL_L;
  }
}

// The layout of one printed line, in unscaled (Font A) dots; wraps at the paper width.
LayoutPtr make_layout(cairo_t* cr, const Line& line) {
  LayoutPtr layout(pango_cairo_create_layout(cr));
  std::string text;
  PangoAttrList* attrs = pango_attr_list_new();
  for (const auto& run : line.runs) {
    const auto start = static_cast<guint>(text.size());
    text += run.utf8;
    const auto end = static_cast<guint>(text.size());
    if (run.bold) {
      PangoAttribute* a = pango_attr_weight_new(PANGO_WEIGHT_BOLD);
      a->start_index = start;
      a->end_index = end;
      pango_attr_list_insert(attrs, a);
    }
    if (run.underline) {
      PangoAttribute* a = pango_attr_underline_new(PANGO_UNDERLINE_SINGLE);
      a->start_index = start;
      a->end_index = end;
      pango_attr_list_insert(attrs, a);
    }
  }
  PangoFontDescription* font = pango_font_description_from_string(kFontFamily);
  pango_font_description_set_absolute_size(font, kFontPixels * PANGO_SCALE);
  pango_layout_set_font_description(layout.get(), font);
  pango_font_description_free(font);
  pango_layout_set_text(layout.get(), text.c_str(), static_cast<int>(text.size()));
  pango_layout_set_attributes(layout.get(), attrs);
  pango_attr_list_unref(attrs);
  pango_layout_set_width(layout.get(), kReceiptWidthDots / line.width_scale * PANGO_SCALE);
  pango_layout_set_wrap(layout.get(), PANGO_WRAP_CHAR);
  switch (line.align) {
    case hal::Align::center:
      pango_layout_set_alignment(layout.get(), PANGO_ALIGN_CENTER);
      break;
    case hal::Align::right:
      pango_layout_set_alignment(layout.get(), PANGO_ALIGN_RIGHT);
      break;
    case hal::Align::left:
      pango_layout_set_alignment(layout.get(), PANGO_ALIGN_LEFT);
      break;
  }
  return layout;
}

class Painter {
 public:
  explicit Painter(cairo_t* cr) : cr_(cr) {}

  // Height in dots; draws at `y` when `draw` is set.
  hal::Result<int> block(const Block& b, int y, bool draw) {
    if (const auto* line = std::get_if<Line>(&b)) {
      return text(*line, y, draw);
    }
    if (const auto* qr = std::get_if<Qr>(&b)) {
      return code(*qr, y, draw);
    }
    if (const auto* space = std::get_if<Space>(&b)) {
      return space->dots;
    }
    if (const auto* cut = std::get_if<CutMark>(&b)) {
      if (draw) {
        cut_mark(*cut, y);
      }
      return 12;
    }
    if (const auto* image = std::get_if<Image>(&b)) {
      if (draw) {
        raster(*image, y);
      }
      return image->height;
    }
    return 0;
  }

 private:
  int text(const Line& line, int y, bool draw) {
    LayoutPtr layout = make_layout(cr_, line);
    int w = 0;
    int h = 0;
    pango_layout_get_pixel_size(layout.get(), &w, &h);
    // Pango's line height for Noto CJK is ~1.45 em; a printer advances 30 dots per Font A
    // line, so lines are squeezed to the printer's pitch.
    const int lines = pango_layout_get_line_count(layout.get());
    const int pitch = std::max(kDefaultLinePitch, kFontPixels + 6);
    const int height = lines * pitch * line.height_scale;
    if (draw) {
      cairo_save(cr_);
      cairo_set_source_rgb(cr_, 0, 0, 0);
      for (int i = 0; i < lines; ++i) {
        PangoLayoutLine* pl = pango_layout_get_line_readonly(layout.get(), i);
        PangoRectangle ink;
        PangoRectangle logical;
        pango_layout_line_get_pixel_extents(pl, &ink, &logical);
        double x = 0;
        const double avail = static_cast<double>(kReceiptWidthDots) / line.width_scale;
        if (line.align == hal::Align::center) {
          x = (avail - logical.width) / 2.0;
        }
        if (line.align == hal::Align::right) {
          x = avail - logical.width;
        }
        const double baseline = y + i * pitch * line.height_scale;
        cairo_save(cr_);
        cairo_translate(cr_, 0, baseline);
        cairo_scale(cr_, line.width_scale, line.height_scale);
        // Baseline at 20 of 24 dots, as in Font A.
        cairo_move_to(cr_, std::max(0.0, x), 20 + (pitch - kFontPixels) / 2.0);
        pango_cairo_show_layout_line(cr_, pl);
        cairo_restore(cr_);
      }
      cairo_restore(cr_);
    }
    return height;
  }

  hal::Result<int> code(const Qr& qr, int y, bool draw) {
    std::unique_ptr<QRcode, QrDeleter> symbol(QRcode_encodeData(
        static_cast<int>(qr.data.size()), reinterpret_cast<const unsigned char*>(qr.data.data()), 0,
        qr_level(qr.level)));
    if (!symbol) {
      return hal::make_error(hal::CompletionCode::invalidData, "qr", "QR data cannot be encoded");
    }
    const int size = symbol->width * qr.module;
    // Printers leave the symbol's quiet zone to the paper around it; keep 4 modules above and
    // below so the code scans.
    const int margin = 4 * qr.module;
    if (draw) {
      int x = 0;
      if (qr.align == hal::Align::center) {
        x = (kReceiptWidthDots - size) / 2;
      }
      if (qr.align == hal::Align::right) {
        x = kReceiptWidthDots - size;
      }
      x = std::max(0, x);
      cairo_set_source_rgb(cr_, 0, 0, 0);
      for (int r = 0; r < symbol->width; ++r) {
        for (int c = 0; c < symbol->width; ++c) {
          if ((symbol->data[r * symbol->width + c] & 1) != 0) {
            cairo_rectangle(cr_, x + c * qr.module, y + margin + r * qr.module, qr.module,
                            qr.module);
          }
        }
      }
      cairo_fill(cr_);
    }
    return size + 2 * margin;
  }

  void raster(const Image& image, int y) {
    const int width = image.width_bytes * 8;
    int x = 0;
    if (image.align == hal::Align::center) {
      x = (kReceiptWidthDots - width) / 2;
    }
    if (image.align == hal::Align::right) {
      x = kReceiptWidthDots - width;
    }
    x = std::max(0, x);
    cairo_set_source_rgb(cr_, 0, 0, 0);
    for (int row = 0; row < image.height; ++row) {
      for (int col = 0; col < width; ++col) {
        const std::uint8_t byte =
            image.bits[static_cast<std::size_t>(row) * image.width_bytes + col / 8];
        if ((byte & (0x80 >> (col % 8))) != 0) {
          cairo_rectangle(cr_, x + col, y + row, 1, 1);
        }
      }
    }
    cairo_fill(cr_);
  }

  void cut_mark(const CutMark& cut, int y) {
    cairo_save(cr_);
    cairo_set_source_rgb(cr_, kCutMark[0] / 255.0, kCutMark[1] / 255.0, kCutMark[2] / 255.0);
    cairo_set_line_width(cr_, 2);
    const double dash[] = {cut.partial ? 4.0 : 12.0, cut.partial ? 8.0 : 6.0};
    cairo_set_dash(cr_, dash, 2, 0);
    cairo_move_to(cr_, -kPaperMarginDots, y + 6);  // the knife cuts the whole paper
    cairo_line_to(cr_, kReceiptWidthDots + kPaperMarginDots, y + 6);
    cairo_stroke(cr_);
    cairo_restore(cr_);
  }

  cairo_t* cr_;
};

}  // namespace

hal::Result<hal::RgbImage> render_operations(const std::vector<Operation>& ops) {
  Layouter layouter;
  for (const auto& o : ops) {
    layouter.add(o);
  }
  const std::vector<Block> blocks = layouter.finish();
  const bool prints = std::any_of(blocks.begin(), blocks.end(), [](const Block& b) {
    return std::holds_alternative<Line>(b) || std::holds_alternative<Qr>(b) ||
           std::holds_alternative<Image>(b);
  });
  if (!prints) {
    return hal::make_error(hal::CompletionCode::invalidData, "empty_receipt", "nothing printed");
  }

  // Measure on a scratch surface, then draw on one of the right height.
  std::unique_ptr<cairo_surface_t, CairoDeleter> scratch(
      cairo_image_surface_create(CAIRO_FORMAT_RGB24, 1, 1));
  std::unique_ptr<cairo_t, CairoDeleter> measure(cairo_create(scratch.get()));
  Painter measurer(measure.get());
  int height = kTopMarginDots;
  for (const auto& b : blocks) {
    auto h = measurer.block(b, 0, false);
    if (!h.ok()) {
      return h.error();
    }
    height += h.value();
  }
  if (!std::holds_alternative<CutMark>(blocks.back())) {
    height += kBottomMarginDots;
  }

  std::unique_ptr<cairo_surface_t, CairoDeleter> surface(
      cairo_image_surface_create(CAIRO_FORMAT_RGB24, kPaperWidthDots, height));
  std::unique_ptr<cairo_t, CairoDeleter> cr(cairo_create(surface.get()));
  cairo_set_source_rgb(cr.get(), 1, 1, 1);
  cairo_paint(cr.get());
  cairo_translate(cr.get(), kPaperMarginDots, 0);  // the head prints only the middle 72 mm
  Painter painter(cr.get());
  int y = kTopMarginDots;
  for (const auto& b : blocks) {
    auto h = painter.block(b, y, true);
    if (!h.ok()) {
      return h.error();
    }
    y += h.value();
  }
  cairo_surface_flush(surface.get());

  // A thermal head prints whole dots: threshold the anti-aliased drawing to ink or paper, and
  // keep the cut marks grey.
  hal::RgbImage image(kPaperWidthDots, height);
  const unsigned char* data = cairo_image_surface_get_data(surface.get());
  const int stride = cairo_image_surface_get_stride(surface.get());
  for (int row = 0; row < height; ++row) {
    const auto* px =
        reinterpret_cast<const std::uint32_t*>(data + static_cast<std::ptrdiff_t>(row) * stride);
    for (int col = 0; col < kPaperWidthDots; ++col) {
      const std::uint32_t v = px[col];
      const int r = static_cast<int>((v >> 16) & 0xFF);
      const int g = static_cast<int>((v >> 8) & 0xFF);
      const std::uint8_t* colour = kPaper;
      if (r == kCutMark[0] && g == kCutMark[1]) {
        colour = kCutMark;
      } else if (g < 128) {
        colour = kInk;
      }
      const std::size_t at = image.offset(col, row);
      image.pixels[at] = colour[0];
      image.pixels[at + 1] = colour[1];
      image.pixels[at + 2] = colour[2];
    }
  }
  return image;
}

hal::Result<hal::RgbImage> render_escpos(std::span<const std::uint8_t> stream) {
  auto ops = drivers::receipt_printer::parse_stream(stream);
  if (!ops.ok()) {
    return ops.error();
  }
  return render_operations(ops.value());
}

}  // namespace kiosk::drivers::emu
