#pragma once
// Plain 8-bit RGB images as the protocol's image encoders take and give them: the camera's
// capture sent for a face match, the licence photo, previews, printed cards and receipts.
// Row-major, 3 bytes per pixel, no padding: the layout of hal::RgbImage too, so a device
// frame is encoded through a view without a copy.
#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace kiosk::protocol {

// A read-only view of RGB pixels owned elsewhere.
struct RgbView {
  int width = 0;
  int height = 0;
  std::span<const std::uint8_t> pixels;
  // Positive size and exactly width * height * 3 bytes.
  bool valid() const {
    return width > 0 && height > 0 &&
           pixels.size() == static_cast<std::size_t>(width) * static_cast<std::size_t>(height) * 3;
  }
};

struct RgbImage {
  int width = 0;
  int height = 0;
  std::vector<std::uint8_t> pixels;

  RgbImage() = default;
  RgbImage(int w, int h, std::uint8_t fill = 0xFF)
      : width(w),
        height(h),
        pixels(
            static_cast<std::size_t>(w > 0 ? w : 0) * static_cast<std::size_t>(h > 0 ? h : 0) * 3,
            fill) {}
  bool valid() const { return view().valid(); }
  RgbView view() const { return RgbView{width, height, pixels}; }
};

}  // namespace kiosk::protocol
