#pragma once
// Baseline JPEG encoding with libjpeg-turbo: what an emulated UVC camera sends as MJPEG.

#include <cstdint>
#include <vector>

#include "hal/image.hpp"
#include "hal/result.hpp"

namespace kiosk::drivers::emu {

// Errors: invalidData/"argument" (empty image, wrong pixel count), hardwareError/"encode".
hal::Result<std::vector<std::uint8_t>> encode_jpeg(const hal::RgbImage& image, int quality = 85);

}  // namespace kiosk::drivers::emu
