#pragma once
// JSON forms of HAL values for `kioskhw --json` and the decoders. Field names are the
// contract field engineers' scripts rely on: change them only with a version bump.

#include <nlohmann/json.hpp>

#include "hal/device.hpp"
#include "hal/id_reader.hpp"

namespace kiosk::tools {

nlohmann::json to_json(const hal::DeviceError& error);
nlohmann::json to_json(const hal::DeviceStatus& status);
nlohmann::json to_json(const hal::DeviceInfo& info);
nlohmann::json to_json(const hal::Statistics& stats);
// Personal data: printed only because a technician asked to decode this card on the bench.
nlohmann::json to_json(const hal::IdCard& card);

}  // namespace kiosk::tools
