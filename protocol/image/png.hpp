#pragma once
// PNG in and out (libpng's simplified API: no setjmp in our code): the face-match capture
// the kiosk sends and the office decodes, and the pictures people look at (printed cards,
// receipts, camera frames).
#include <cstdint>
#include <filesystem>
#include <span>
#include <vector>

#include "protocol/error.hpp"
#include "protocol/image/image.hpp"

namespace kiosk::protocol {

// 8-bit RGB PNG. Errors: invalid_image, codec.
Result<std::vector<std::uint8_t>> encode_png(RgbView image);
// Any 8-bit PNG (gray, RGBA and palette are converted to RGB), at most 32 MiB and 8192 pixels
// a side. Errors: bad_image.
Result<RgbImage> decode_png(std::span<const std::uint8_t> bytes);
// Errors: invalid_image, codec, io.
Status write_png(const std::filesystem::path& path, RgbView image);
// Errors: io, bad_image.
Result<RgbImage> read_png(const std::filesystem::path& path);

}  // namespace kiosk::protocol
