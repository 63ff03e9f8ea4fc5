#include "tests/support/plain_card_renderer.hpp"

namespace kiosk::testing {

Result<hal::CardJob> PlainCardRenderer::render(const CardIssueData& data,
                                               const hal::RgbImage& photo) {
  if (photo.empty()) return make_error(Errc::invalid_argument, "no_photo");
  ++renders_;
  hal::CardJob job;
  job.front.image = hal::RgbImage(hal::kCardWidthDots, hal::kCardHeightDots, 0xFF);
  hal::RgbImage& img = job.front.image;
  const hal::Rect window{40, 120, 260, 340};
  for (int y = 0; y < window.height; ++y) {
    for (int x = 0; x < window.width; ++x) {
      const int sx = x * photo.width / window.width;
      const int sy = y * photo.height / window.height;
      const auto s = photo.offset(sx, sy);
      const auto d = img.offset(window.x + x, window.y + y);
      for (int c = 0; c < 3; ++c)
        img.pixels[d + static_cast<std::size_t>(c)] = photo.pixels[s + static_cast<std::size_t>(c)];
    }
  }
  for (int y = 40; y < 80; ++y)
    for (int x = 340; x < 980; ++x) {
      const auto d = img.offset(x, y);
      img.pixels[d] = img.pixels[d + 1] = img.pixels[d + 2] = 0;
    }
  job.front.overlay_cutouts.push_back(window);
  job.job_id = data.card_serial;
  return job;
}

}  // namespace kiosk::testing
