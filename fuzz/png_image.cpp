// PNG decoding (protocol/image/png.hpp): the face-match capture central decodes from a kiosk's
// request, and any PNG the kiosk or kioskhw reads back.
//
// Checks: decode_png gives an RGB picture of its stated size within the documented bounds, or
// bad_image; a decoded picture encodes (encode_png) and decodes to the same pixels.
#include <cstddef>
#include <cstdint>
#include <span>

#include "fuzz/fuzz_check.hpp"
#include "protocol/image/png.hpp"

namespace {

using kiosk::fuzz::require;
namespace protocol = kiosk::protocol;

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  auto image = protocol::decode_png(std::span<const std::uint8_t>(data, size));
  if (!image) {
    require(image.error().code == protocol::Errc::bad_image, "decode_png error code");
    return 0;
  }
  const auto& picture = image.value();
  require(picture.valid() && picture.width <= 8192 && picture.height <= 8192, "decoded size");
  auto encoded = protocol::encode_png(picture.view());
  require(encoded.ok(), "a decoded picture does not encode");
  auto again = protocol::decode_png(encoded.value());
  require(again && again.value().width == picture.width && again.value().height == picture.height &&
              again.value().pixels == picture.pixels,
          "PNG round trip");
  return 0;
}
