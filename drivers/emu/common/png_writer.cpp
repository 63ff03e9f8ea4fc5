#include "drivers/emu/common/png_writer.hpp"

#include "protocol/image/png.hpp"

namespace kiosk::drivers::emu {

hal::Status write_png(const hal::RgbImage& image, const std::string& path) {
  auto written = protocol::write_png(path, {image.width, image.height, image.pixels});
  if (written) return hal::Done{};
  if (written.error().code == protocol::Errc::invalid_image) {
    return hal::make_error(hal::CompletionCode::invalidData, "empty_image", "image has no pixels");
  }
  return hal::make_error(hal::CompletionCode::hardwareError, "io",
                         "cannot write " + path + ": " + written.error().message);
}

hal::Result<hal::RgbImage> read_png(const std::string& path) {
  auto read = protocol::read_png(path);
  if (!read) {
    return hal::make_error(hal::CompletionCode::invalidData, "png",
                           "cannot read " + path + ": " + read.error().message);
  }
  hal::RgbImage image;
  image.width = read->width;
  image.height = read->height;
  image.pixels = std::move(read->pixels);
  return image;
}

}  // namespace kiosk::drivers::emu
