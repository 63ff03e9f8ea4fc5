#pragma once
// Licence-photo quality check: a pure function over the captured frame. It rejects frames a
// card cannot use (empty, too dark, overexposed, flat: nobody or a covered lens) with a
// reason the photo_review screen shows.

#include <string>

#include "hal/image.hpp"

namespace kiosk::engine {

struct PhotoQualityRules {
  double min_mean = 40;
  double max_mean = 235;
  double min_stddev = 12;
};

struct PhotoQuality {
  bool ok = false;
  std::string reason;  // "" | "empty" | "too_dark" | "too_bright" | "low_contrast"
  double mean = 0;
  double stddev = 0;
};

PhotoQuality check_photo(const hal::RgbImage& image, const PhotoQualityRules& rules = {});

}  // namespace kiosk::engine
