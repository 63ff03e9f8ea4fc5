#include "drivers/emu/common/png_writer.hpp"

#include <png.h>

#include <cstdio>
#include <memory>
#include <vector>

namespace kiosk::drivers::emu {
namespace {

struct FileCloser {
  void operator()(std::FILE* f) const { std::fclose(f); }
};
using FilePtr = std::unique_ptr<std::FILE, FileCloser>;

}  // namespace

hal::Status write_png(const hal::RgbImage& image, const std::string& path) {
  if (image.empty() || image.pixels.size() != image.offset(0, image.height)) {
    return hal::make_error(hal::CompletionCode::invalidData, "empty_image", "image has no pixels");
  }
  FilePtr file(std::fopen(path.c_str(), "wb"));
  if (!file)
    return hal::make_error(hal::CompletionCode::hardwareError, "io", "cannot create " + path);

  // The simplified libpng API: no setjmp across C++ frames.
  png_image png{};
  png.version = PNG_IMAGE_VERSION;
  png.width = static_cast<png_uint_32>(image.width);
  png.height = static_cast<png_uint_32>(image.height);
  png.format = PNG_FORMAT_RGB;
  if (png_image_write_to_stdio(&png, file.get(), 0, image.pixels.data(), image.width * 3,
                               nullptr) == 0) {
    std::string why = png.message;
    png_image_free(&png);
    return hal::make_error(hal::CompletionCode::hardwareError, "io", "png write failed: " + why);
  }
  return hal::Done{};
}

hal::Result<hal::RgbImage> read_png(const std::string& path) {
  png_image png{};
  png.version = PNG_IMAGE_VERSION;
  if (png_image_begin_read_from_file(&png, path.c_str()) == 0) {
    std::string why = png.message;
    png_image_free(&png);
    return hal::make_error(hal::CompletionCode::invalidData, "png",
                           "cannot read " + path + ": " + why);
  }
  png.format = PNG_FORMAT_RGB;
  hal::RgbImage image(static_cast<int>(png.width), static_cast<int>(png.height));
  if (png_image_finish_read(&png, nullptr, image.pixels.data(), image.width * 3, nullptr) == 0) {
    std::string why = png.message;
    png_image_free(&png);
    return hal::make_error(hal::CompletionCode::invalidData, "png", "bad png " + path + ": " + why);
  }
  return image;
}

}  // namespace kiosk::drivers::emu
