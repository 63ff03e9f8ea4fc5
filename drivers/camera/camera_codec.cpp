#include "drivers/camera/camera_codec.hpp"

// jpeglib.h needs FILE and size_t declared first.
#include <cstdio>
// clang-format off
#include <jpeglib.h>
#include <jerror.h>
// clang-format on

#include <algorithm>
#include <csetjmp>
#include <cstdint>
#include <cstdlib>
#include <string>

namespace kiosk::drivers {
namespace {

using hal::CompletionCode;

hal::DeviceError invalid(std::string reason, std::string message) {
  return hal::make_error(CompletionCode::invalidData, std::move(reason), std::move(message));
}

std::uint8_t clamp8(int v) {
  return static_cast<std::uint8_t>(std::clamp(v, 0, 255));
}

// libjpeg reports fatal errors through error_exit, which must not return: we longjmp back to
// the decode call (never throw through the C library). Warnings about corrupt data are
// recorded and turn the frame into an error.
struct JpegErrors {
  jpeg_error_mgr pub;  // first member: libjpeg sees only this
  std::jmp_buf jump;
  bool corrupt;
};

[[noreturn]] void on_jpeg_error(j_common_ptr cinfo) {
  auto* errors = reinterpret_cast<JpegErrors*>(cinfo->err);
  std::longjmp(errors->jump, 1);
}

void on_jpeg_message(j_common_ptr cinfo, int level) {
  // level -1: a warning. Extraneous bytes before a marker are common in camera streams and
  // harmless; anything else (premature end, corrupt entropy data) means a damaged image.
  if (level == -1 && cinfo->err->msg_code != JWRN_EXTRANEOUS_DATA) {
    reinterpret_cast<JpegErrors*>(cinfo->err)->corrupt = true;
  }
}

void on_jpeg_output(j_common_ptr /*cinfo*/) {}  // never print to stderr

enum class DecodeStatus { ok, failed, tooLarge };

// No object with a destructor lives in this frame: longjmp must skip nothing (C++ rules).
DecodeStatus decode_jpeg(const std::uint8_t* data, std::size_t size, hal::RgbImage* out,
                         JpegErrors* errors) {
  jpeg_decompress_struct cinfo;
  cinfo.err = jpeg_std_error(&errors->pub);
  errors->pub.error_exit = on_jpeg_error;
  errors->pub.emit_message = on_jpeg_message;
  errors->pub.output_message = on_jpeg_output;
  errors->corrupt = false;
  jpeg_create_decompress(&cinfo);
  if (setjmp(errors->jump) != 0) {
    jpeg_destroy_decompress(&cinfo);
    return DecodeStatus::failed;
  }
  jpeg_mem_src(&cinfo, data, static_cast<unsigned long>(size));
  jpeg_read_header(&cinfo, TRUE);
  if (cinfo.image_width == 0 || cinfo.image_height == 0 ||
      cinfo.image_width > static_cast<JDIMENSION>(kMaxFrameSide) ||
      cinfo.image_height > static_cast<JDIMENSION>(kMaxFrameSide)) {
    jpeg_destroy_decompress(&cinfo);
    return DecodeStatus::tooLarge;
  }
  cinfo.out_color_space = JCS_RGB;
  jpeg_start_decompress(&cinfo);
  if (cinfo.output_components != 3) {
    jpeg_destroy_decompress(&cinfo);
    return DecodeStatus::failed;
  }
  *out =
      hal::RgbImage(static_cast<int>(cinfo.output_width), static_cast<int>(cinfo.output_height), 0);
  while (cinfo.output_scanline < cinfo.output_height) {
    JSAMPROW row = out->pixels.data() + out->offset(0, static_cast<int>(cinfo.output_scanline));
    if (jpeg_read_scanlines(&cinfo, &row, 1) != 1) {
      jpeg_destroy_decompress(&cinfo);
      return DecodeStatus::failed;
    }
  }
  jpeg_finish_decompress(&cinfo);
  jpeg_destroy_decompress(&cinfo);
  return errors->corrupt ? DecodeStatus::failed : DecodeStatus::ok;
}

}  // namespace

hal::Result<hal::RgbImage> yuyv_to_rgb(std::span<const std::uint8_t> data, int width, int height,
                                       std::uint32_t bytes_per_line) {
  if (width <= 0 || height <= 0 || width % 2 != 0 || width > kMaxFrameSide ||
      height > kMaxFrameSide) {
    return invalid("argument", "bad YUYV frame size");
  }
  const std::size_t row_bytes = static_cast<std::size_t>(width) * 2;
  const std::size_t stride = bytes_per_line == 0 ? row_bytes : bytes_per_line;
  if (stride < row_bytes) return invalid("argument", "YUYV stride below the row size");
  const std::size_t needed = stride * static_cast<std::size_t>(height - 1) + row_bytes;
  if (data.size() < needed) return invalid("size", "YUYV frame truncated");

  hal::RgbImage out(width, height, 0);
  for (int y = 0; y < height; ++y) {
    const std::uint8_t* src = data.data() + stride * static_cast<std::size_t>(y);
    std::uint8_t* dst = out.pixels.data() + out.offset(0, y);
    for (int x = 0; x < width; x += 2, src += 4) {
      const int d = src[1] - 128;
      const int e = src[3] - 128;
      for (int k = 0; k < 2; ++k) {
        const int c = 298 * (src[k * 2] - 16);
        *dst++ = clamp8((c + 409 * e + 128) >> 8);
        *dst++ = clamp8((c - 100 * d - 208 * e + 128) >> 8);
        *dst++ = clamp8((c + 516 * d + 128) >> 8);
      }
    }
  }
  return out;
}

hal::Result<std::vector<std::uint8_t>> rgb_to_yuyv(const hal::RgbImage& image) {
  if (image.empty() || image.width % 2 != 0 ||
      image.pixels.size() != image.offset(0, image.height)) {
    return invalid("argument", "image cannot be packed as YUYV");
  }
  std::vector<std::uint8_t> out(static_cast<std::size_t>(image.width) *
                                static_cast<std::size_t>(image.height) * 2);
  std::uint8_t* dst = out.data();
  const std::uint8_t* p = image.pixels.data();
  const std::size_t pairs = out.size() / 4;
  for (std::size_t i = 0; i < pairs; ++i, p += 6) {
    int u = 0;
    int v = 0;
    for (int k = 0; k < 2; ++k) {
      const int r = p[k * 3];
      const int g = p[k * 3 + 1];
      const int b = p[k * 3 + 2];
      *(dst + k * 2) = clamp8(((66 * r + 129 * g + 25 * b + 128) >> 8) + 16);
      u += ((-38 * r - 74 * g + 112 * b + 128) >> 8) + 128;
      v += ((112 * r - 94 * g - 18 * b + 128) >> 8) + 128;
    }
    dst[1] = clamp8(u / 2);
    dst[3] = clamp8(v / 2);
    dst += 4;
  }
  return out;
}

hal::Result<hal::RgbImage> mjpeg_to_rgb(std::span<const std::uint8_t> data) {
  if (data.size() < 4 || data[0] != 0xFF || data[1] != 0xD8) {
    return invalid("decode", "not a JPEG frame");
  }
  hal::RgbImage image;
  JpegErrors errors{};
  switch (decode_jpeg(data.data(), data.size(), &image, &errors)) {
    case DecodeStatus::ok:
      return image;
    case DecodeStatus::tooLarge:
      return invalid("argument", "JPEG frame size out of range");
    case DecodeStatus::failed:
      break;
  }
  std::fill(image.pixels.begin(), image.pixels.end(), 0);  // a partial face is still personal
  return invalid("decode", "corrupt or truncated JPEG frame");
}

hal::Result<hal::CameraMode> choose_mode(std::span<const hal::CameraMode> modes, int width,
                                         int height) {
  if (modes.empty()) {
    return hal::make_error(CompletionCode::unsupported, "no_mode", "camera offers no usable mode");
  }
  // 64-bit: the sizes are what the camera enumerated (any 32-bit value), and their distances
  // and areas overflow an int.
  using Wide = std::int64_t;
  const auto distance = [width, height](const hal::CameraMode& m) {
    return std::abs(Wide{m.width} - width) + std::abs(Wide{m.height} - height);
  };
  auto better = [&distance](const hal::CameraMode& a, const hal::CameraMode& b) {
    const Wide da = distance(a);
    const Wide db = distance(b);
    if (da != db) return da < db;
    if (a.format != b.format) return a.format == hal::PixelFormat::yuyv;
    return Wide{a.width} * a.height > Wide{b.width} * b.height;
  };
  return *std::min_element(modes.begin(), modes.end(), better);
}

}  // namespace kiosk::drivers
