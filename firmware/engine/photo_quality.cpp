#include "firmware/engine/photo_quality.hpp"

#include <cmath>

namespace kiosk::engine {

PhotoQuality check_photo(const hal::RgbImage& image, const PhotoQualityRules& rules) {
  PhotoQuality q;
  const std::size_t n = static_cast<std::size_t>(image.width > 0 ? image.width : 0) *
                        static_cast<std::size_t>(image.height > 0 ? image.height : 0);
  if (image.empty() || image.pixels.size() < n * 3 || n == 0) {
    q.reason = "empty";
    return q;
  }
  double sum = 0;
  double sum_sq = 0;
  for (std::size_t i = 0; i < n; ++i) {
    const double y = 0.299 * image.pixels[i * 3] + 0.587 * image.pixels[i * 3 + 1] +
                     0.114 * image.pixels[i * 3 + 2];
    sum += y;
    sum_sq += y * y;
  }
  q.mean = sum / static_cast<double>(n);
  q.stddev = std::sqrt(std::max(0.0, sum_sq / static_cast<double>(n) - q.mean * q.mean));
  if (q.mean < rules.min_mean) {
    q.reason = "too_dark";
  } else if (q.mean > rules.max_mean) {
    q.reason = "too_bright";
  } else if (q.stddev < rules.min_stddev) {
    q.reason = "low_contrast";
  } else {
    q.ok = true;
  }
  return q;
}

}  // namespace kiosk::engine
