// The shared part of both benches: the list of present devices.
#include "tools/kioskhw/bench_devices.hpp"

namespace kiosk::tools {

std::vector<hal::Device*> BenchDevices::all() {
  std::vector<hal::Device*> out;
  for (hal::Device* d : std::initializer_list<hal::Device*>{
           id_reader(), card_printer(), receipt_printer(), camera(), payment_scanner()}) {
    if (d != nullptr) out.push_back(d);
  }
  return out;
}

hal::DeviceError BenchDevices::why_absent(const std::string& device) const {
  return hal::make_error(hal::CompletionCode::deviceNotReady, "no_device",
                         device + " not found (plugged in and powered?)");
}

}  // namespace kiosk::tools
