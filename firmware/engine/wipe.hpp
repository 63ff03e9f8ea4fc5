#pragma once
// Overwrites personal data before it is released (the session's ID fields, photos, payment
// codes), so it does not linger in freed memory.

#include <algorithm>
#include <cstdint>
#include <string>

#include "hal/camera.hpp"

namespace kiosk::engine {

inline void wipe(hal::RgbImage& image) {
  std::fill(image.pixels.begin(), image.pixels.end(), std::uint8_t{0});
  image = hal::RgbImage{};
}

inline void wipe(std::string& s) {
  std::fill(s.begin(), s.end(), '\0');
  s.clear();
}

}  // namespace kiosk::engine
