#pragma once
// The WltDecoder a kiosk has when no vendor WLT library is installed: every decode is
// unsupported, so callers can tell "no decoder" from "bad photo".

#include "hal/id_reader.hpp"

namespace kiosk::drivers {

class WltDecoderUnavailable final : public hal::WltDecoder {
 public:
  // Always unsupported/"wlt_decoder_unavailable". Pure and thread-safe.
  hal::Result<hal::RgbImage> decode(const std::vector<std::uint8_t>& wlt) const override;
};

}  // namespace kiosk::drivers
