#include "firmware/card_layout/text_fit.hpp"

namespace kiosk::card_layout {

void set_font(PangoLayout* layout, const std::string& family, double px, bool bold) {
  PangoFontDescription* desc = pango_font_description_new();
  pango_font_description_set_family(desc, family.c_str());
  pango_font_description_set_weight(desc, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_font_description_set_absolute_size(desc, px * PANGO_SCALE);
  pango_layout_set_font_description(layout, desc);
  pango_font_description_free(desc);
}

namespace {
bool inside(const PangoRectangle& r, const hal::Rect& box, int overhang = 0) {
  // r is relative to the layout origin, which is placed at the box's top-left.
  return r.x >= -overhang && r.y >= 0 && r.x + r.width <= box.width + overhang &&
         r.y + r.height <= box.height;
}
}  // namespace

std::optional<FittedText> fit_text(PangoLayout* layout, const std::string& text, hal::Rect box,
                                   const TextStyle& style) {
  pango_layout_set_text(layout, text.c_str(), -1);
  if (style.wrap) {
    pango_layout_set_width(layout, box.width * PANGO_SCALE);
    pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR);
  } else {
    pango_layout_set_width(layout, -1);
  }
  for (double px = style.max_px; px >= style.min_px - 1e-9; px -= 0.5) {
    set_font(layout, style.family, px, style.bold);
    PangoRectangle ink{};
    PangoRectangle logical{};
    pango_layout_get_pixel_extents(layout, &ink, &logical);
    // An empty text has an empty ink box: nothing to clip.
    const bool ink_ok = ink.width == 0 || inside(ink, box, style.ink_overhang);
    if (ink_ok && inside(logical, box)) {
      FittedText out;
      out.font_px = px;
      out.lines = pango_layout_get_line_count(layout);
      out.ink = hal::Rect{box.x + ink.x, box.y + ink.y, ink.width, ink.height};
      out.logical = hal::Rect{box.x + logical.x, box.y + logical.y, logical.width, logical.height};
      return out;
    }
  }
  return std::nullopt;
}

}  // namespace kiosk::card_layout
