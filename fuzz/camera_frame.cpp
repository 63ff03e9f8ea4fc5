// The camera's frames (drivers/camera/camera_codec.hpp): YUYV 4:2:2 and Motion-JPEG buffers as
// a UVC camera fills them, with the size and stride the device reported, and the mode choice
// over the modes it enumerated.
//
// Input: width u16, height u16, bytes_per_line u16 (host order), then the frame. Checks:
//  * yuyv_to_rgb and mjpeg_to_rgb give a picture of exactly width * height * 3 bytes, or
//    invalidData "argument" / "size" / "decode";
//  * a decoded YUYV picture packs back to YUYV of the same size;
//  * choose_mode picks one of the offered modes.
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <span>
#include <vector>

#include "drivers/camera/camera_codec.hpp"
#include "fuzz/fuzz_check.hpp"

namespace {

using kiosk::fuzz::require;
using kiosk::fuzz::require_reason;

bool well_formed(const kiosk::hal::RgbImage& image) {
  return image.width > 0 && image.height > 0 &&
         image.pixels.size() ==
             static_cast<std::size_t>(image.width) * static_cast<std::size_t>(image.height) * 3;
}

void modes(std::span<const std::uint8_t> bytes, int width, int height) {
  std::vector<kiosk::hal::CameraMode> offered;
  for (std::size_t at = 0; at + 5 <= bytes.size() && offered.size() < 16; at += 5) {
    const int w = bytes[at] | bytes[at + 1] << 8;
    const int h = bytes[at + 2] | bytes[at + 3] << 8;
    offered.push_back({w, h,
                       (bytes[at + 4] & 1) != 0 ? kiosk::hal::PixelFormat::mjpeg
                                                : kiosk::hal::PixelFormat::yuyv});
  }
  auto chosen = kiosk::drivers::choose_mode(offered, width, height);
  if (!chosen.ok()) {
    require(offered.empty() && chosen.error().reason == "no_mode", "choose_mode failed");
    return;
  }
  bool found = false;
  for (const auto& m : offered) {
    found = found || (m.width == chosen.value().width && m.height == chosen.value().height &&
                      m.format == chosen.value().format);
  }
  require(found, "choose_mode invented a mode");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 6) return 0;
  std::uint16_t width = 0;
  std::uint16_t height = 0;
  std::uint16_t stride = 0;
  std::memcpy(&width, data, 2);
  std::memcpy(&height, data + 2, 2);
  std::memcpy(&stride, data + 4, 2);
  const std::span<const std::uint8_t> frame(data + 6, size - 6);

  auto yuyv = kiosk::drivers::yuyv_to_rgb(frame, width, height, stride);
  if (yuyv.ok()) {
    require(
        well_formed(yuyv.value()) && yuyv.value().width == width && yuyv.value().height == height,
        "YUYV picture size");
    auto packed = kiosk::drivers::rgb_to_yuyv(yuyv.value());
    require(packed.ok() && packed.value().size() == std::size_t{width} * height * 2,
            "YUYV packing");
  } else {
    require_reason(yuyv.error().reason, {"argument", "size"}, "yuyv_to_rgb");
  }

  auto jpeg = kiosk::drivers::mjpeg_to_rgb(frame);
  if (jpeg.ok()) {
    require(well_formed(jpeg.value()), "MJPEG picture size");
  } else {
    require_reason(jpeg.error().reason, {"decode", "argument"}, "mjpeg_to_rgb");
  }

  modes(frame, width, height);
  return 0;
}
