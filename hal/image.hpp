#pragma once
// Plain 8-bit RGB images: what the camera produces and what the card printer consumes.

#include <cstddef>
#include <cstdint>
#include <vector>

namespace kiosk::hal {

struct RgbImage {
  int width = 0;
  int height = 0;
  std::vector<std::uint8_t> pixels;  // row-major, 3 bytes per pixel, no padding

  RgbImage() = default;
  RgbImage(int w, int h, std::uint8_t fill = 0xFF)
      : width(w),
        height(h),
        pixels(static_cast<std::size_t>(w) * static_cast<std::size_t>(h) * 3, fill) {}

  bool empty() const { return width <= 0 || height <= 0; }
  std::size_t offset(int x, int y) const {
    return (static_cast<std::size_t>(y) * static_cast<std::size_t>(width) +
            static_cast<std::size_t>(x)) *
           3;
  }
};

// A rectangle in pixels, origin top-left.
struct Rect {
  int x = 0;
  int y = 0;
  int width = 0;
  int height = 0;
  bool contains(int px, int py) const {
    return px >= x && py >= y && px < x + width && py < y + height;
  }
};

}  // namespace kiosk::hal
