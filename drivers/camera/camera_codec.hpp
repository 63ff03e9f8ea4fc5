#pragma once
// Pure camera codec: decoding the frames a UVC camera sends (YUYV 4:2:2, Motion-JPEG) into
// RGB, and choosing a capture mode. No I/O; every function rejects bad input with a typed
// error and never crashes, whatever the bytes.

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "hal/camera.hpp"
#include "hal/image.hpp"
#include "hal/result.hpp"

namespace kiosk::drivers {

// Frames larger than this in either dimension are refused before any allocation.
inline constexpr int kMaxFrameSide = 8192;

// YUYV (Y0 U Y1 V per two pixels) to RGB, ITU-R BT.601 limited range (Y 16..235, Cb/Cr
// 16..240), the colour space UVC cameras use. `bytes_per_line` 0 means width * 2.
// Errors (invalidData): "argument" (size not positive, odd width, stride below width * 2,
// too large), "size" (fewer bytes than the frame needs: a truncated frame).
hal::Result<hal::RgbImage> yuyv_to_rgb(std::span<const std::uint8_t> data, int width, int height,
                                       std::uint32_t bytes_per_line = 0);

// The inverse, for emulators and tests: RGB to YUYV (chroma of each pixel pair averaged).
// Errors (invalidData): "argument" (empty image, odd width, pixel buffer of the wrong size).
hal::Result<std::vector<std::uint8_t>> rgb_to_yuyv(const hal::RgbImage& image);

// A Motion-JPEG frame (a baseline JPEG; the Huffman tables UVC cameras omit are the standard
// ones) to RGB. Errors (invalidData): "decode" (not a JPEG, corrupt or truncated data — a
// truncated scan is an error, not a grey-padded image), "argument" (too large).
hal::Result<hal::RgbImage> mjpeg_to_rgb(std::span<const std::uint8_t> data);

// The supported mode nearest to the asked size: least |dw| + |dh|; on a tie YUYV (no
// compression artefacts, no decode failures), then the larger mode.
// Errors: unsupported/"no_mode" (the list is empty).
hal::Result<hal::CameraMode> choose_mode(std::span<const hal::CameraMode> modes, int width,
                                         int height);

}  // namespace kiosk::drivers
