#pragma once
// kioskd composed: devices (simulated or real), and — as their libraries land — journal,
// transaction engine, sync engine and local-API server. A library so tests and benchmarks run
// the real daemon in-process; main.cpp only adds signals and systemd notification.
#include <memory>
#include <string>
#include <vector>

#include "firmware/kioskd/config.hpp"
#include "firmware/kioskd/devices.hpp"

namespace kiosk::journal {
class Journal;
}
namespace kiosk::sync {
class SyncEngine;
}
namespace kiosk::rpc {
class Server;
}

namespace kiosk::engine {
class Engine;
struct RecoveredTransaction;
}  // namespace kiosk::engine

namespace kiosk::kioskd {

class Kioskd {
 public:
  // Builds every component from the configuration: data key (created 0600 when missing), journal,
  // central client + sync engine (when central.url is set), devices, maintenance sessions and
  // the local-API server with its methods bound. Errors (a message, no personal data): key,
  // signing key, journal, the USB stack, or simulation asked of a build without it.
  // `simulation`: what this build's simulation mode runs on (simulated_devices.hpp:
  // simulation()); empty in a release build.
  static std::unique_ptr<Kioskd> create(const KioskdConfig& config, std::string* error,
                                        const Simulation& simulation = {});
  ~Kioskd();
  Kioskd(const Kioskd&) = delete;
  Kioskd& operator=(const Kioskd&) = delete;

  // Opens the devices and starts serving. Returns false with a message if a component that the
  // kiosk cannot run without failed (a device that fails to open is NOT fatal: it shows in
  // devices.list and the engine refuses services that need it).
  bool start(std::string* error);
  // Stops serving and syncing (devices close and the engine ends in the destructor). Idempotent.
  void stop();
  // True while every component is alive (what the systemd watchdog ping reports).
  bool healthy() const;

  DeviceSet& devices();
  EmulatorControl* emulator();  // null outside simulation mode
  const KioskdConfig& config() const;
  journal::Journal& journal();
  sync::SyncEngine* sync_engine();  // null without central
  engine::Engine& engine();
  // What recovery did at start() (one entry per unfinished transaction found).
  const std::vector<engine::RecoveredTransaction>& recovered() const;
  rpc::Server& server();

 private:
  explicit Kioskd(const KioskdConfig& config);
  void stop_housekeeping();
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace kiosk::kioskd
