#pragma once
// The faults of one campaign run: chosen from the run's seed, injected on a timeline while the
// citizen is served, and all cleared afterwards.
#include <random>
#include <string>
#include <vector>

#include "tests/campaign/site.hpp"

namespace kiosk::campaign {

struct Fault {
  // kill_kioskd | kill_kioskd_in_recovery | central_down | central_5xx_before |
  // central_5xx_after | device | disk_full
  std::string kind;
  int at_ms = 0;    // after the citizen starts
  int hold_ms = 0;  // how long the fault lasts (central down, 5xx, disk, a device's state)
  std::string device, device_fault;  // kind "device"
  // kill_kioskd_in_recovery: how long after the restart the second kill comes
  int recovery_kill_ms = 0;
  std::string name() const { return kind == "device" ? device + ":" + device_fault : kind; }
};

// 0 to 3 faults over the first `span_ms` of the service. `disk` false: no disk_full.
std::vector<Fault> choose_faults(std::mt19937_64& rng, int span_ms, bool disk);

// Injects `faults` in time order (this thread sleeps between them); each temporary fault is
// undone after its hold. A kioskd kill restarts it (and waits for its local API).
void inject(const std::vector<Fault>& faults, Office& office, Kiosk& kiosk);

// Undoes whatever may be left: 5xx off, disk freed, central and kioskd up, device faults
// cleared through the emulator controls.
void clear_all(Office& office, Kiosk& kiosk);

}  // namespace kiosk::campaign
