#pragma once
// Baseline JPEG encoding with libjpeg-turbo: what an emulated UVC camera sends as MJPEG, and
// the previews the local API hands to the UI.

#include <cstdint>
#include <vector>

#include "protocol/error.hpp"
#include "protocol/image/image.hpp"

namespace kiosk::protocol {

// Errors: invalid_image (empty image, wrong pixel count), codec.
Result<std::vector<std::uint8_t>> encode_jpeg(RgbView image, int quality = 85);

}  // namespace kiosk::protocol
