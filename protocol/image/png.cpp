// PNG in and out through libpng's simplified API (no setjmp in our code).
#include "protocol/image/png.hpp"

#include <png.h>

#include <cstring>
#include <fstream>
#include <string>

namespace kiosk::protocol {

namespace {
constexpr std::size_t kMaxPngBytes = 32 * 1024 * 1024;
constexpr png_uint_32 kMaxSide = 8192;
}  // namespace

Result<std::vector<std::uint8_t>> encode_png(RgbView image) {
  if (!image.valid()) return make_error(Errc::invalid_image, "image size and buffer do not agree");
  png_image png;
  std::memset(&png, 0, sizeof png);
  png.version = PNG_IMAGE_VERSION;
  png.width = static_cast<png_uint_32>(image.width);
  png.height = static_cast<png_uint_32>(image.height);
  png.format = PNG_FORMAT_RGB;
  // One pass into a buffer of libpng's worst-case size: asking for the size first would
  // compress the whole image twice (it is the biggest CPU cost of a face check's upload).
  png_alloc_size_t size = PNG_IMAGE_PNG_SIZE_MAX(png);
  std::vector<std::uint8_t> out(size);
  if (png_image_write_to_memory(&png, out.data(), &size, 0, image.pixels.data(), 0, nullptr) == 0) {
    png_image_free(&png);
    return make_error(Errc::codec, std::string("PNG encode failed: ") + png.message);
  }
  out.resize(size);
  return out;
}

Result<RgbImage> decode_png(std::span<const std::uint8_t> bytes) {
  if (bytes.empty() || bytes.size() > kMaxPngBytes)
    return make_error(Errc::bad_image, "PNG empty or too large");
  png_image png;
  std::memset(&png, 0, sizeof png);
  png.version = PNG_IMAGE_VERSION;
  if (png_image_begin_read_from_memory(&png, bytes.data(), bytes.size()) == 0) {
    return make_error(Errc::bad_image, std::string("not a PNG: ") + png.message);
  }
  if (png.width == 0 || png.height == 0 || png.width > kMaxSide || png.height > kMaxSide) {
    png_image_free(&png);
    return make_error(Errc::bad_image, "PNG dimensions out of range");
  }
  png.format = PNG_FORMAT_RGB;
  RgbImage image(static_cast<int>(png.width), static_cast<int>(png.height), 0);
  if (png_image_finish_read(&png, nullptr, image.pixels.data(), 0, nullptr) == 0) {
    png_image_free(&png);
    return make_error(Errc::bad_image, std::string("PNG decode failed: ") + png.message);
  }
  return image;
}

Status write_png(const std::filesystem::path& path, RgbView image) {
  auto bytes = encode_png(image);
  if (!bytes) return bytes.error();
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(reinterpret_cast<const char*>(bytes->data()),  // NOLINT: bytes are bytes
            static_cast<std::streamsize>(bytes->size()));
  if (!out) return make_error(Errc::io, "cannot write " + path.filename().string());
  return Done{};
}

Result<RgbImage> read_png(const std::filesystem::path& path) {
  std::error_code ec;
  const auto size = std::filesystem::file_size(path, ec);
  if (ec) return make_error(Errc::io, "cannot read " + path.filename().string());
  if (size > kMaxPngBytes) return make_error(Errc::bad_image, "PNG too large");
  std::ifstream in(path, std::ios::binary);
  std::vector<std::uint8_t> bytes(static_cast<std::size_t>(size));
  in.read(reinterpret_cast<char*>(bytes.data()),  // NOLINT: bytes are bytes
          static_cast<std::streamsize>(bytes.size()));
  if (!in) return make_error(Errc::io, "cannot read " + path.filename().string());
  return decode_png(bytes);
}

}  // namespace kiosk::protocol
