#pragma once
// Card-side images for the card printer's tests (codec, driver, emulator).

#include <cstdint>

#include "hal/image.hpp"

namespace kiosk::test {

// Paints `r` of `img` in one colour.
inline void fill_rect(hal::RgbImage& img, hal::Rect r, std::uint8_t red, std::uint8_t green,
                      std::uint8_t blue) {
  for (int y = r.y; y < r.y + r.height; ++y) {
    for (int x = r.x; x < r.x + r.width; ++x) {
      auto o = img.offset(x, y);
      img.pixels[o] = red;
      img.pixels[o + 1] = green;
      img.pixels[o + 2] = blue;
    }
  }
}

}  // namespace kiosk::test
