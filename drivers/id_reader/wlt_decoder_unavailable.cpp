#include "drivers/id_reader/wlt_decoder_unavailable.hpp"

namespace kiosk::drivers {

hal::Result<hal::RgbImage> WltDecoderUnavailable::decode(
    const std::vector<std::uint8_t>& /*wlt*/) const {
  return hal::make_error(hal::CompletionCode::unsupported, "wlt_decoder_unavailable",
                         "no WLT photo decoder is installed");
}

}  // namespace kiosk::drivers
