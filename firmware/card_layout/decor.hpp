#pragma once
// What the card layouts share besides the canvas: fonts, colours, the security-print
// background and the specimen watermark. Decoration is colour, never resin black.
#include <string>

#include "firmware/card_layout/canvas.hpp"

namespace kiosk::card_layout {

inline const std::string kSans = "Noto Sans CJK SC";
inline const std::string kSerif = "Noto Serif CJK SC";
inline constexpr Colour kNavy{0.10, 0.20, 0.42};
inline constexpr Colour kLabel{0.22, 0.30, 0.40};
inline constexpr Colour kRed{0.80, 0.12, 0.12};

// A flat `base` with fine guilloche waves in `line` over the whole side.
void background(Canvas& c, Colour base, Colour line);

// Large translucent red text slanted across the lower left of a side: marks a card that is
// not an issued licence (the specimen, test cards).
void watermark(Canvas& c, const std::string& text);

}  // namespace kiosk::card_layout
