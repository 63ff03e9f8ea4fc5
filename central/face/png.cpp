// PNG in and out through libpng's simplified API (no setjmp in our code).
#include <png.h>

#include <cstring>
#include <fstream>

#include "central/face/face.hpp"

namespace kiosk::central::face {

namespace {
constexpr std::size_t kMaxPngBytes = 32 * 1024 * 1024;
constexpr png_uint_32 kMaxSide = 8192;
}  // namespace

Image::Image(int w, int h, std::uint8_t fill)
    : width(w),
      height(h),
      pixels(static_cast<std::size_t>(w > 0 ? w : 0) * static_cast<std::size_t>(h > 0 ? h : 0) * 3,
             fill) {}

bool Image::valid() const {
  return width > 0 && height > 0 &&
         pixels.size() == static_cast<std::size_t>(width) * static_cast<std::size_t>(height) * 3;
}

std::string_view to_string(Errc code) {
  switch (code) {
    case Errc::invalid_image:
      return "invalid_image";
    case Errc::no_face:
      return "no_face";
    case Errc::bad_png:
      return "bad_png";
    case Errc::io:
      return "io";
  }
  return "unknown";
}

Result<std::vector<std::uint8_t>> encode_png(const Image& image) {
  if (!image.valid()) return FaceError{Errc::invalid_image, "image size and buffer do not agree"};
  png_image png;
  std::memset(&png, 0, sizeof png);
  png.version = PNG_IMAGE_VERSION;
  png.width = static_cast<png_uint_32>(image.width);
  png.height = static_cast<png_uint_32>(image.height);
  png.format = PNG_FORMAT_RGB;
  png_alloc_size_t size = 0;
  if (png_image_write_to_memory(&png, nullptr, &size, 0, image.pixels.data(), 0, nullptr) == 0) {
    png_image_free(&png);
    return FaceError{Errc::bad_png, "PNG size query failed"};
  }
  std::vector<std::uint8_t> out(size);
  if (png_image_write_to_memory(&png, out.data(), &size, 0, image.pixels.data(), 0, nullptr) == 0) {
    png_image_free(&png);
    return FaceError{Errc::bad_png, std::string("PNG encode failed: ") + png.message};
  }
  out.resize(size);
  return out;
}

Result<Image> decode_png(const std::vector<std::uint8_t>& bytes) {
  if (bytes.empty() || bytes.size() > kMaxPngBytes)
    return FaceError{Errc::bad_png, "PNG empty or too large"};
  png_image png;
  std::memset(&png, 0, sizeof png);
  png.version = PNG_IMAGE_VERSION;
  if (png_image_begin_read_from_memory(&png, bytes.data(), bytes.size()) == 0) {
    return FaceError{Errc::bad_png, std::string("not a PNG: ") + png.message};
  }
  if (png.width == 0 || png.height == 0 || png.width > kMaxSide || png.height > kMaxSide) {
    png_image_free(&png);
    return FaceError{Errc::bad_png, "PNG dimensions out of range"};
  }
  png.format = PNG_FORMAT_RGB;
  Image image(static_cast<int>(png.width), static_cast<int>(png.height), 0);
  if (png_image_finish_read(&png, nullptr, image.pixels.data(), 0, nullptr) == 0) {
    png_image_free(&png);
    return FaceError{Errc::bad_png, std::string("PNG decode failed: ") + png.message};
  }
  return image;
}

Result<Done> write_png(const std::filesystem::path& path, const Image& image) {
  auto bytes = encode_png(image);
  if (!bytes) return bytes.error();
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(reinterpret_cast<const char*>(bytes->data()),
            static_cast<std::streamsize>(bytes->size()));
  if (!out) return FaceError{Errc::io, "cannot write " + path.filename().string()};
  return Done{};
}

Result<Image> read_png(const std::filesystem::path& path) {
  std::error_code ec;
  const auto size = std::filesystem::file_size(path, ec);
  if (ec) return FaceError{Errc::io, "cannot read " + path.filename().string()};
  if (size > kMaxPngBytes) return FaceError{Errc::bad_png, "PNG too large"};
  std::ifstream in(path, std::ios::binary);
  std::vector<std::uint8_t> bytes(static_cast<std::size_t>(size));
  in.read(reinterpret_cast<char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
  if (!in) return FaceError{Errc::io, "cannot read " + path.filename().string()};
  return decode_png(bytes);
}

}  // namespace kiosk::central::face
