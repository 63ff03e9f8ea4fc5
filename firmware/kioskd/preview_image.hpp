#pragma once
// Images the local API hands to the UI (camera.preview, session.photo): downscaled to at most
// `max_width` pixels wide (aspect kept), JPEG-encoded (the protocol's baseline encoder,
// protocol/image/jpeg.hpp) and base64'd for JSON. Personal data: never logged; every
// intermediate buffer is wiped before it is freed.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "hal/image.hpp"

namespace kiosk::kioskd {

struct PreviewImage {
  std::string jpeg_base64;
  int width = 0;
  int height = 0;
};

// Box-filtered downscale to at most max_width wide; a narrower image is returned unchanged.
hal::RgbImage downscale(const hal::RgbImage& image, int max_width);

// nullopt when the image is empty or the encoder fails.
std::optional<PreviewImage> encode_preview(const hal::RgbImage& image, int max_width = 640,
                                           int quality = 80);

// Overwrites the pixels, then empties the image.
void wipe_image(hal::RgbImage& image);

}  // namespace kiosk::kioskd
