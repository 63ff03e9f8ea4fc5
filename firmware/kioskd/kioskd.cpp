#include "firmware/kioskd/kioskd.hpp"

#include <atomic>

#include "firmware/kioskd/simulated_devices.hpp"

namespace kiosk::kioskd {

struct Kioskd::Impl {
  KioskdConfig config;
  std::unique_ptr<SimulatedDevices> simulated;
  DeviceSet* devices = nullptr;
  std::atomic<bool> running{false};
};

Kioskd::Kioskd(const KioskdConfig& config) : impl_(std::make_unique<Impl>()) {
  impl_->config = config;
}

Kioskd::~Kioskd() { stop(); }

std::unique_ptr<Kioskd> Kioskd::create(const KioskdConfig& config, std::string* error) {
  if (!config.simulation.enabled) {
    if (error) *error = "real-device mode is not built yet: set simulation.enabled = true";
    return nullptr;
  }
  std::unique_ptr<Kioskd> k(new Kioskd(config));
  SimulationOptions sim;
  sim.artifact_dir = config.simulation.artifact_dir;
  sim.time_scale = config.simulation.time_scale;
  k->impl_->simulated = std::make_unique<SimulatedDevices>(sim);
  k->impl_->devices = k->impl_->simulated.get();
  return k;
}

bool Kioskd::start(std::string* /*error*/) {
  if (impl_->running.exchange(true)) return true;
  for (hal::Device* d : impl_->devices->all()) (void)d->open();  // failures show in status
  return true;
}

void Kioskd::stop() {
  if (!impl_->running.exchange(false)) return;
  for (hal::Device* d : impl_->devices->all()) d->close();
}

bool Kioskd::healthy() const { return impl_->running.load(); }

DeviceSet& Kioskd::devices() { return *impl_->devices; }
EmulatorControl* Kioskd::emulator() { return impl_->simulated.get(); }
const KioskdConfig& Kioskd::config() const { return impl_->config; }

}  // namespace kiosk::kioskd
