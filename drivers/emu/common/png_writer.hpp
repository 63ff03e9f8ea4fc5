#pragma once
// Writes the artifacts a person looks at (printed cards, receipts, camera frames) as PNG: the
// protocol's encoder (protocol/image/png.hpp) with the device layer's types and errors.

#include <string>

#include "hal/image.hpp"
#include "hal/result.hpp"

namespace kiosk::drivers::emu {

// Errors: hardwareError/"io" (cannot create or write the file), invalidData/"empty_image".
hal::Status write_png(const hal::RgbImage& image, const std::string& path);

// Reads an 8-bit RGB or RGBA PNG (alpha dropped). Errors: hardwareError/"io", invalidData.
hal::Result<hal::RgbImage> read_png(const std::string& path);

}  // namespace kiosk::drivers::emu
