#include "firmware/kioskd/preview_image.hpp"

#include <algorithm>

#include "protocol/encoding/base64.hpp"
#include "protocol/image/jpeg.hpp"

namespace kiosk::kioskd {

void wipe_image(hal::RgbImage& image) {
  std::fill(image.pixels.begin(), image.pixels.end(), std::uint8_t{0});
  image = hal::RgbImage{};
}

hal::RgbImage downscale(const hal::RgbImage& image, int max_width) {
  if (image.width <= max_width || image.width <= 0 || image.height <= 0 || max_width <= 0)
    return image;
  const int w = max_width;
  const int h =
      std::max(1, static_cast<int>(static_cast<long long>(image.height) * w / image.width));
  hal::RgbImage out(w, h, 0);
  for (int y = 0; y < h; ++y) {
    const int y0 = static_cast<int>(static_cast<long long>(y) * image.height / h);
    const int y1 =
        std::max(y0 + 1, static_cast<int>(static_cast<long long>(y + 1) * image.height / h));
    for (int x = 0; x < w; ++x) {
      const int x0 = static_cast<int>(static_cast<long long>(x) * image.width / w);
      const int x1 =
          std::max(x0 + 1, static_cast<int>(static_cast<long long>(x + 1) * image.width / w));
      unsigned sum[3] = {0, 0, 0};
      for (int sy = y0; sy < y1; ++sy)
        for (int sx = x0; sx < x1; ++sx)
          for (int c = 0; c < 3; ++c)
            sum[c] +=
                image.pixels[(static_cast<std::size_t>(sy) * static_cast<std::size_t>(image.width) +
                              static_cast<std::size_t>(sx)) *
                                 3 +
                             static_cast<std::size_t>(c)];
      const unsigned n = static_cast<unsigned>((y1 - y0) * (x1 - x0));
      for (int c = 0; c < 3; ++c)
        out.pixels[(static_cast<std::size_t>(y) * static_cast<std::size_t>(w) +
                    static_cast<std::size_t>(x)) *
                       3 +
                   static_cast<std::size_t>(c)] = static_cast<std::uint8_t>(sum[c] / n);
    }
  }
  return out;
}

std::optional<PreviewImage> encode_preview(const hal::RgbImage& image, int max_width, int quality) {
  if (image.width <= 0 || image.height <= 0 || image.pixels.empty()) return std::nullopt;
  hal::RgbImage small = downscale(image, max_width);
  auto jpeg = protocol::encode_jpeg({small.width, small.height, small.pixels}, quality);
  PreviewImage out{"", small.width, small.height};
  wipe_image(small);
  if (!jpeg.ok()) return std::nullopt;
  out.jpeg_base64 = protocol::base64_encode(jpeg.value());
  std::fill(jpeg.value().begin(), jpeg.value().end(), std::uint8_t{0});
  return out;
}

}  // namespace kiosk::kioskd
