#include "firmware/engine/service_devices.hpp"

namespace kiosk::engine {

std::vector<hal::Device*> needed_devices(Service service, const Devices& devices) {
  std::vector<hal::Device*> out{devices.id_reader, devices.camera};
  if (prints_card(service)) {
    out.push_back(devices.payment_scanner);
    out.push_back(devices.card_printer);
  }
  return out;
}

std::optional<std::string> missing_device(Service service, const Devices& devices) {
  for (hal::Device* d : needed_devices(service, devices)) {
    if (d == nullptr) continue;  // a test composition without that device
    const auto state = d->status().state;
    if (state == hal::DeviceState::noDevice || state == hal::DeviceState::powerOff ||
        state == hal::DeviceState::offline)
      return d->info().id;
  }
  return std::nullopt;
}

}  // namespace kiosk::engine
